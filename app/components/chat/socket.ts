import { io, type Socket } from 'socket.io-client'
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../../core/contracts/socket-events.js'

export type HoldspaceSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** The page's socket to its own origin: WebSocket only, reconnecting on its own. */
export function connectSocket(): HoldspaceSocket {
  return io({ path: '/socket.io', transports: ['websocket'], reconnection: true, reconnectionDelay: 500, reconnectionDelayMax: 5000 })
}

type AnyEmit = (event: string, payload: unknown, ack: (err: Error | null, reply: Ack<unknown>) => void) => void

/** A request with an ack; a lost connection or no answer in time resolves as UNAVAILABLE. */
export function request<T>(socket: HoldspaceSocket, event: string, payload: unknown, timeoutMs = 10_000): Promise<Ack<T>> {
  return new Promise((resolve) => {
    ;(socket.timeout(timeoutMs).emit as unknown as AnyEmit)(event, payload, (err, reply) => {
      resolve(err ? { ok: false, error: { code: 'UNAVAILABLE', message: '' } } : (reply as Ack<T>))
    })
  })
}

/** A random UUID (v4), also outside secure contexts where crypto.randomUUID is missing. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** Presence and activity versions are Redis times as digit strings: compare as numbers. */
export function isNewer(candidate: string, current: string | undefined): boolean {
  if (current === undefined) return true
  return candidate.length !== current.length ? candidate.length > current.length : candidate >= current
}
