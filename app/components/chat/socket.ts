import { io, type Socket } from 'socket.io-client'
import type {
  Ack,
  ClientToServerEvents,
  RequestEvent,
  RequestPayload,
  RequestReply,
  ServerToClientEvents,
} from '../../../core/contracts/socket-events.js'

export type HoldspaceSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** Waiting before another try after UNAVAILABLE: 500 ms doubling to 5 s, ±50 % jitter (as Socket.IO's reconnection). */
export const RETRY_BACKOFF = { firstMs: 500, maxMs: 5_000, jitter: 0.5 } as const

/** The wait before retry number `attempt` (0-based). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RETRY_BACKOFF.maxMs, RETRY_BACKOFF.firstMs * 2 ** attempt)
  return Math.round(base * (1 - RETRY_BACKOFF.jitter + 2 * RETRY_BACKOFF.jitter * random()))
}

/** The code of a refused handshake: the server's middleware sends it in `data` (and as the message). */
export function handshakeCode(error: Error & { data?: { code?: string } }): string {
  return error.data?.code ?? error.message
}

/**
 * The page's socket to its own origin: WebSocket only, reconnecting on its own.
 *
 * A dropped transport is retried by Socket.IO's own reconnection. A handshake the server refused is not: Socket.IO
 * leaves the socket inactive. When the refusal is UNAVAILABLE (the server could not check the session in time,
 * decision 025) this tries again with the same back-off; any other refusal (UNAUTHENTICATED, TOO_MANY_CONNECTIONS)
 * is an answer, left to the page to show.
 */
export function connectSocket(): HoldspaceSocket {
  const socket: HoldspaceSocket = io({
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: RETRY_BACKOFF.firstMs,
    reconnectionDelayMax: RETRY_BACKOFF.maxMs,
    randomizationFactor: RETRY_BACKOFF.jitter,
  })
  let attempt = 0
  let retry: ReturnType<typeof setTimeout> | undefined
  const cancelRetry = () => {
    clearTimeout(retry)
    retry = undefined
  }
  socket.on('connect', () => {
    attempt = 0
    cancelRetry()
  })
  socket.on('connect_error', (error) => {
    // Still active: a transport error, which Socket.IO's reconnection already retries.
    if (socket.active || handshakeCode(error) !== 'UNAVAILABLE') return
    cancelRetry()
    retry = setTimeout(() => {
      retry = undefined
      if (!socket.active) socket.connect()
    }, backoffMs(attempt++))
  })
  // The page closing its socket (leaving, or moving off a draining server) ends any retry pending.
  const disconnect = socket.disconnect.bind(socket)
  socket.disconnect = () => {
    cancelRetry()
    return disconnect()
  }
  // A draining server (graceful shutdown) asks us to move: leave now, come back shortly (another server answers).
  // The wait is a pending retry like the others, so a page closed meanwhile does not connect again.
  socket.on('server:draining', ({ reconnectInMs }) => {
    socket.disconnect()
    retry = setTimeout(
      () => {
        retry = undefined
        socket.connect()
      },
      reconnectInMs + Math.random() * 1000,
    )
  })
  return socket
}

/**
 * A request with an ack, typed by the contract in core/contracts: the payload must be the one `event` declares and
 * the reply is that event's ack. A lost connection or no answer in time resolves as UNAVAILABLE.
 */
export function request<E extends RequestEvent>(
  socket: HoldspaceSocket,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs = 10_000,
): Promise<Ack<RequestReply<E>>> {
  return new Promise((resolve) => {
    const done = (err: Error | null, reply: Ack<RequestReply<E>>) => {
      resolve(err ? { ok: false, error: { code: 'UNAVAILABLE', message: '' } } : reply)
    }
    // Socket.IO's typed emit cannot narrow a generic event name; this signature is what callers are held to.
    const timed = socket.timeout(timeoutMs)
    const emit = timed.emit as (this: typeof timed, event: string, payload: unknown, ack: typeof done) => void
    emit.call(timed, event, payload, done)
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
