import type { ErrorCode } from './errors.js'
import type { IdentityClientEvents, IdentityServerEvents } from './socket-events.identity.js'
import type { CrisisClientEvents, CrisisServerEvents } from './socket-events.crisis.js'
import type { ChatClientEvents, ChatServerEvents } from './socket-events.chat.js'
import type { GroupsClientEvents, GroupsServerEvents } from './socket-events.groups.js'
import type { ModerationClientEvents, ModerationServerEvents } from './socket-events.moderation.js'
import type { MessagesClientEvents, MessagesServerEvents } from './socket-events.messages.js'
import type { ReactionsClientEvents, ReactionsServerEvents } from './socket-events.reactions.js'
import type { VideoClientEvents, VideoServerEvents } from './socket-events.video.js'

/**
 * The Socket.IO contract shared by the browser and the gateway (docs/realtime.md describes it),
 * gathered from one file per slice (`socket-events.<slice>.ts`). Requests are `entity:verb` and
 * answered by an ack; announcements are past tense.
 */
/** A refusal may say how long to wait before trying again (`retryAfterMs`, e.g. RATE_LIMITED). */
export type AckError = { code: ErrorCode; message: string; fields?: Record<string, string>; retryAfterMs?: number }
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError }
export type AckCallback<T> = (response: Ack<T>) => void

export type { SessionInfo } from './socket-events.identity.js'

/**
 * Server lifecycle: a stopping server (SIGTERM, graceful drain) tells its sockets before it closes them; the client
 * disconnects and reconnects after `reconnectInMs` (with jitter), and the load balancer sends it to another server.
 */
export interface LifecycleServerEvents {
  'server:draining': (notice: { reconnectInMs: number }) => void
}

export type ClientToServerEvents = IdentityClientEvents &
  CrisisClientEvents &
  ChatClientEvents &
  GroupsClientEvents &
  ModerationClientEvents &
  MessagesClientEvents &
  ReactionsClientEvents &
  VideoClientEvents
export type ServerToClientEvents = LifecycleServerEvents &
  IdentityServerEvents &
  CrisisServerEvents &
  ChatServerEvents &
  GroupsServerEvents &
  ModerationServerEvents &
  MessagesServerEvents &
  ReactionsServerEvents &
  VideoServerEvents

/** A request's name, the payload its contract declares, and what its ack carries on success (browser and gateway). */
export type RequestEvent = keyof ClientToServerEvents & string
export type RequestPayload<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0]
export type RequestReply<E extends RequestEvent> =
  Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never

/** Largest Socket.IO message the gateway accepts, in bytes. */
export const MAX_SOCKET_PAYLOAD_BYTES = 16 * 1024
