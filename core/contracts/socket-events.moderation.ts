import type { AckCallback } from './socket-events.js'

/**
 * Moderation events (docs/realtime.md). Facilitators see members by room pseudonym and membership
 * handle only; a reported member never learns who reported them.
 */
export const REPORT_CATEGORIES = ['harassment', 'spam', 'privacy', 'self_harm', 'other'] as const
export type ReportCategory = (typeof REPORT_CATEGORIES)[number]

export const MODERATION_ACTIONS = [
  'claim',
  'dismiss',
  'hide',
  'unhide',
  'remove',
  'warn',
  'mute',
  'ban',
  'end_sanction',
  'slow_mode',
  'lock',
  'unlock',
  /** "Escalate to crisis care": raises the crisis path for the member (and message) at level high. */
  'escalate',
  /** Shows a held message to the room (docs/decisions/021); its flag is dismissed: the member did nothing wrong. */
  'release',
] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

export type SanctionKind = 'warning' | 'mute' | 'ban'

/** What a member's composer needs: whether they may send here, and until when not. */
export interface MemberModerationStatus {
  roomId: string
  mutedUntil: string | null
  bannedUntil: string | null
  activeWarnings: number
}

export interface ModerationActRequest {
  action: ModerationAction
  roomId: string
  flagId?: string
  messageId?: string
  memberId?: string
  sanctionId?: string
  reason?: string
  /** mute: minutes (omitted: the penalty ladder decides); ban: days (omitted: the configured ban). */
  duration?: number
  slowModeSeconds?: number
}

/** To the facilitators of a room (and admins): the queue changed; fetch it again. Ids only. */
export interface FlagAnnouncement {
  flagId: string
  roomId: string
  priority: number
  status: 'open' | 'dismissed' | 'actioned'
  /** 0 new, 1 re-notified after the deadline, 2 raised to admins. */
  stage: number
}

export interface ModerationClientEvents {
  'message:report': (
    payload: { roomId: string; messageId: string; category: ReportCategory; note?: string },
    ack: AckCallback<{ reported: true }>,
  ) => void
  'moderation:status': (payload: { roomId: string }, ack: AckCallback<MemberModerationStatus>) => void
  /** Facilitators and admins: receive `moderation:flagged` for the rooms they moderate. */
  'moderation:watch': (payload: Record<string, never>, ack: AckCallback<{ roomIds: string[] }>) => void
  'moderation:act': (payload: ModerationActRequest, ack: AckCallback<{ done: true }>) => void
}

export interface ModerationServerEvents {
  'moderation:flagged': (payload: FlagAnnouncement) => void
  /** To the facilitators of a room (and admins): a member appealed; the queue's appeals changed. */
  'moderation:appealed': (payload: { appealId: string; roomId: string }) => void
  /** To the member's own account room: a sanction began or ended (composer shows or clears it). */
  'moderation:sanctioned': (payload: {
    roomId: string
    kind: SanctionKind
    until: string | null
    ended: boolean
  }) => void
  /** To a chat room: its slow mode or lock changed. */
  'room:moderated': (payload: { roomId: string; slowModeSeconds: number; locked: boolean }) => void
}
