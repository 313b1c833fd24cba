import type { CrisisCard } from './socket-events.crisis.js'
import type { AckCallback } from './socket-events.js'

/**
 * Chat and presence events (docs/realtime.md). Peers are known by `memberId`, an opaque per-room
 * handle (the room membership id), and by pseudonym: never by account id, username, email or IP.
 */
export type MemberBadge = 'facilitator' | null

export interface ChatMember {
  memberId: string
  pseudonym: string
  badge: MemberBadge
}

export interface ChatMessage {
  id: string
  roomId: string
  /** Gapless per room: 1, 2, 3… Clients order by it and sync after the last one they hold. */
  seq: number
  clientId: string
  author: ChatMember
  /** null once deleted. */
  body: string | null
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  /**
   * Moderation (core/moderation): absent while visible. Hidden and removed: body is null. Held: body is null and
   * the author unnamed (empty memberId and pseudonym) for the room; only its author and the room's facilitators
   * (and admins) receive the text and the name (docs/decisions/021).
   */
  moderation?: 'held' | 'hidden' | 'removed'
  moderatedAt?: string
  /** Only in the sender's own ack of a held message: the kind text saying a facilitator will look. */
  notice?: string
  /** Only in the sender's own ack, when their message showed risk: the crisis card (never broadcast). */
  crisis?: CrisisCard
}

export interface PresenceSnapshot {
  roomId: string
  /** Increases with every change; a client ignores a snapshot older than the one it shows. */
  version: string
  count: number
  members: ChatMember[]
}

export interface RoomActivity {
  roomId: string
  version: string
  count: number
  facilitatorHere: boolean
}

export interface MessagePage {
  messages: ChatMessage[]
  hasMore: boolean
}

export interface RoomJoined extends MessagePage {
  me: ChatMember
  presence: PresenceSnapshot
  lastReadSeq: number
  mutedMemberIds: string[]
  slowModeSeconds: number
  /** This account moderates the room: it reads held messages' text (live too) and may release them. */
  readsHeld: boolean
}

export interface ChatClientEvents {
  'room:join': (payload: { roomId: string; afterSeq?: number }, ack: AckCallback<RoomJoined>) => void
  'room:leave': (payload: { roomId: string }, ack: AckCallback<Record<string, never>>) => void
  'room:read': (payload: { roomId: string; seq: number }, ack: AckCallback<{ lastReadSeq: number }>) => void
  'rooms:watch': (payload: Record<string, never>, ack: AckCallback<{ rooms: RoomActivity[] }>) => void
  'message:send': (payload: { roomId: string; clientId: string; body: string }, ack: AckCallback<ChatMessage>) => void
  'message:sync': (payload: { roomId: string; afterSeq: number; limit?: number }, ack: AckCallback<MessagePage>) => void
  'message:history': (
    payload: { roomId: string; beforeSeq: number; limit?: number },
    ack: AckCallback<MessagePage>,
  ) => void
  'message:edit': (payload: { roomId: string; messageId: string; body: string }, ack: AckCallback<ChatMessage>) => void
  'message:delete': (payload: { roomId: string; messageId: string }, ack: AckCallback<ChatMessage>) => void
  'typing:set': (payload: { roomId: string; typing: boolean }, ack: AckCallback<Record<string, never>>) => void
  'member:mute': (
    payload: { roomId: string; memberId: string; muted: boolean },
    ack: AckCallback<{ mutedMemberIds: string[] }>,
  ) => void
}

export interface ChatServerEvents {
  'message:created': (message: ChatMessage) => void
  'message:updated': (message: ChatMessage) => void
  'presence:updated': (snapshot: PresenceSnapshot) => void
  'typing:updated': (payload: { roomId: string; member: ChatMember; typing: boolean }) => void
  'rooms:updated': (activity: RoomActivity) => void
}

/** Limits the browser needs too. */
export const CHAT_LIMITS = {
  bodyMaxChars: 2000,
  editWindowMinutes: 10,
  pageSize: 50,
  pseudonymMinChars: 2,
  pseudonymMaxChars: 32,
} as const
