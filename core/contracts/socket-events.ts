import type { ErrorCode } from './errors.js'

/**
 * The Socket.IO contract shared by the browser and the gateway (docs/realtime.md describes it).
 * Requests are `entity:verb` and answered by an ack; announcements are past tense.
 */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } }
export type AckCallback<T> = (response: Ack<T>) => void

export interface SessionInfo { role: 'member' | 'facilitator' | 'clinician' | 'admin'; locale: 'en' | 'pl' }

export interface ClientToServerEvents {
  'session:get': (payload: Record<string, never>, ack: AckCallback<SessionInfo>) => void
}

export interface ServerToClientEvents {
  'session:ended': (payload: { reason: 'signed_out' | 'expired' }) => void
}

/** Largest Socket.IO message the gateway accepts, in bytes. */
export const MAX_SOCKET_PAYLOAD_BYTES = 16 * 1024
