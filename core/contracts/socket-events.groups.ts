import type { AckCallback } from './socket-events.js'

/** How a person takes part: chosen at the device check, enforced in the LiveKit grant. */
export type ParticipationMode = 'video' | 'audio' | 'chat'
export type ParticipantState = 'lobby' | 'admitted' | 'removed'

/** A participant as the facilitators' lobby shows them: pseudonym and opaque per-session id only. */
export interface LobbyParticipant {
  participantId: string
  name: string
  role: 'facilitator' | 'member'
  state: ParticipantState
  mode: ParticipationMode
  muted: boolean
  /** A member's hand is up (its place in the queue: `hand:queue`). */
  handRaised: boolean
  /** The facilitator asked this muted member to unmute and the member has not answered yet. */
  unmuteAsked: boolean
}

/** What one person's own page knows about themselves in a session. */
export interface OwnParticipation {
  sessionId: string
  participantId: string
  role: 'facilitator' | 'member'
  state: ParticipantState
  mode: ParticipationMode
  muted: boolean
  handRaised: boolean
  unmuteAsked: boolean
  sessionStatus: 'scheduled' | 'moved' | 'live' | 'ended' | 'cancelled'
  facilitatorPresent: boolean
  /** Facilitators only: everyone in the session. */
  participants?: LobbyParticipant[]
  /** Facilitators only: the raised hands in the order they went up. */
  hands?: RaisedHand[]
}

/** One raised hand in the facilitators' queue: pseudonym, opaque per-session id, when it went up. */
export interface RaisedHand {
  participantId: string
  name: string
  raisedAt: string
}

export interface VideoTokenGrant {
  url: string
  token: string
  room: string
  identity: string
  canPublish: boolean
  canPublishSources: Array<'camera' | 'microphone'>
  roomAdmin: boolean
  expiresInSeconds: number
}

type SessionRef = { sessionId: string }
type ParticipantRef = { sessionId: string; participantId: string }

export interface GroupsClientEvents {
  /** Enter the lobby (members) or the session (facilitators) after the device check. */
  'lobby:join': (payload: SessionRef & { mode: ParticipationMode }, ack: AckCallback<OwnParticipation>) => void
  'lobby:admit': (payload: ParticipantRef, ack: AckCallback<{ admitted: number }>) => void
  'lobby:admit-all': (payload: SessionRef, ack: AckCallback<{ admitted: number }>) => void
  'lobby:send-back': (payload: ParticipantRef, ack: AckCallback<{ ok: true }>) => void
  /** An admitted, enrolled person asks for a short-lived LiveKit token. */
  'video:token': (payload: SessionRef, ack: AckCallback<VideoTokenGrant>) => void
  /** Facilitators mute; `muted: false` is always refused (FORBIDDEN): only the member unmutes (`video:unmute-self`). */
  'participant:mute': (payload: ParticipantRef & { muted: boolean }, ack: AckCallback<{ ok: true }>) => void
  'participant:remove': (payload: ParticipantRef, ack: AckCallback<{ ok: true }>) => void
  'video:mute-all': (payload: SessionRef, ack: AckCallback<{ muted: number }>) => void
  'video:end': (payload: SessionRef, ack: AckCallback<{ ok: true }>) => void
}

export interface GroupsServerEvents {
  /** To the session's facilitators: the lobby and room changed. */
  'lobby:updated': (payload: { sessionId: string; participants: LobbyParticipant[] }) => void
  /** To everyone in the session: whether a facilitator (or co-facilitator) is connected. */
  'lobby:presence': (payload: { sessionId: string; facilitatorPresent: boolean }) => void
  /** To one person: their own state changed (admitted, sent back, removed, muted). */
  'participant:updated': (payload: {
    sessionId: string
    state: ParticipantState
    muted: boolean
    mode: ParticipationMode
    handRaised: boolean
    unmuteAsked: boolean
  }) => void
  /** To everyone in the session: the facilitator ended it. */
  'video:ended': (payload: SessionRef) => void
  /** To one person: a session reminder (in-app). */
  'group:reminder': (payload: { sessionId: string; kind: '24h' | '15m'; startsAt: string }) => void
}
