import type { AckCallback } from './socket-events.js'
import type { RaisedHand } from './socket-events.groups.js'

/** A private signal from a member to the session's facilitators only. */
export type WellbeingSignalKind = 'stepping_out' | 'back' | 'not_ok'

/** A signal as the facilitators see it: the member's group pseudonym, never an account id. */
export interface WellbeingSignal {
  signalId: string
  participantName: string
  kind: WellbeingSignalKind
  at: string
}

type SessionRef = { sessionId: string }

/** Group video controls (issue 19, docs/decisions/047): raised hands, ask to unmute, start muted, private signals. */
export interface VideoClientEvents {
  /** A member raises or lowers their own hand. */
  'hand:raise': (payload: SessionRef & { raised: boolean }, ack: AckCallback<{ handRaised: boolean }>) => void
  /** A facilitator lowers one hand (participantId) or every hand (none given). */
  'hand:lower': (payload: SessionRef & { participantId?: string }, ack: AckCallback<{ lowered: number }>) => void
  /** A facilitator asks a muted member to unmute; nothing changes in LiveKit until the member accepts. */
  'participant:ask-unmute': (payload: SessionRef & { participantId: string }, ack: AckCallback<{ ok: true }>) => void
  /** A member opens their own microphone/camera permission (first time, or accepting an ask after a mute). */
  'video:unmute-self': (payload: SessionRef, ack: AckCallback<{ ok: true }>) => void
  /** A member declines the facilitator's ask and stays muted. */
  'video:decline-unmute': (payload: SessionRef, ack: AckCallback<{ ok: true }>) => void
}

export interface VideoServerEvents {
  /** To the session's facilitators: the raised hands, in the order they went up. */
  'hand:queue': (payload: { sessionId: string; hands: RaisedHand[] }) => void
  /** To one member: the facilitator asks them to unmute (they accept or decline themselves). */
  'video:unmute-asked': (payload: SessionRef) => void
  /** To the session's facilitators only: a member's private signal. */
  'wellbeing:signalled': (payload: { sessionId: string; signal: WellbeingSignal }) => void
}
