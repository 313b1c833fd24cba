import type { Server as HttpServer } from 'node:http'
import { Server } from 'socket.io'
import { createAdapter } from '@socket.io/redis-adapter'
import type { CoreDeps } from '../../core/deps.js'
import {
  MAX_SOCKET_PAYLOAD_BYTES,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../core/contracts/socket-events.js'
import { socketRooms } from '../../core/realtime/realtime.publisher.js'
import type { Metrics } from '../metrics.js'
import { authenticateHandshake, ensureSessionStillValid, type SocketData } from './authenticate.js'
import { createSessionSocketCap } from './session-sockets.js'
import { handlePublishFailures, handleSubscriptionFailuresOnClose } from './adapter-publish.js'
import { registrars } from './handlers/index.js'
import { startChatRuntime } from './handlers/chat.js'

export type GatewayServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/**
 * The realtime gateway's front door: Origin check, cookie authentication at the handshake, at most
 * SOCKETS_PER_SESSION sockets per session, a Redis adapter so several server processes share rooms, capped
 * payloads, and request handlers that always answer with a coded ack.
 */
export function createGateway(httpServer: HttpServer, deps: CoreDeps, metrics: Metrics): GatewayServer {
  const pub = handlePublishFailures(deps.redis.duplicate(), deps.log)
  let closing = false
  const sub = handleSubscriptionFailuresOnClose(deps.redis.duplicate(), () => closing)
  pub.on('error', () => {})
  sub.on('error', () => {})
  const io: GatewayServer = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin
      const ok = typeof origin === 'string' && deps.config.allowedOrigins.includes(origin)
      if (!ok) metrics.socketRejections.inc({ reason: 'origin' })
      callback(null, ok)
    },
    // No connectionStateRecovery: @socket.io/redis-adapter 8 keeps no session to restore (its persistSession and
    // restoreSession do nothing), and with recovery on every direct emit is published through Redis. A reconnecting
    // page catches up itself (message:sync after join, docs/realtime.md).
    adapter: createAdapter(pub, sub, { key: `${deps.config.REDIS_PREFIX}:socket.io` }),
  })

  io.use(authenticateHandshake(deps, (reason) => metrics.socketRejections.inc({ reason })))
  io.use((socket, next) => {
    // Every incoming event first re-checks the session behind this socket (cheap: at most once a minute).
    socket.use((_packet, nextPacket) => {
      ensureSessionStillValid(deps, socket).then(
        (valid) => (valid ? nextPacket() : undefined),
        () => nextPacket(new Error('UNAVAILABLE')),
      )
    })
    next()
  })
  // Last: a socket admitted here is counted until it disconnects (SOCKETS_PER_SESSION across all servers).
  const cap = createSessionSocketCap(deps, () => metrics.socketRejections.inc({ reason: 'sockets_per_session' }))
  io.use(cap.middleware)

  // Presence heartbeat and sweeper of this gateway (docs/realtime.md, "Presence").
  const chat = startChatRuntime(io, deps)

  io.on('connection', (socket) => {
    metrics.socketConnections.inc()
    const { account } = socket.data
    void socket.join([socketRooms.session(account.sessionId), socketRooms.account(account.accountId)])
    socket.on('disconnect', () => metrics.socketConnections.dec())
    socket.on('error', () => {})

    for (const register of registrars) register({ io, socket, deps })
  })

  const originalClose = io.close.bind(io)
  io.close = async (fn) => {
    closing = true
    await chat.stop().catch(() => {})
    await cap.stop()
    return originalClose((err) => {
      // Closed once both adapter clients have ended (their unanswered commands are failed by then).
      const ended = (client: typeof pub) =>
        client.status === 'end' ? Promise.resolve() : new Promise<void>((resolve) => client.once('end', resolve))
      const both = Promise.all([ended(pub), ended(sub)])
      pub.disconnect()
      sub.disconnect()
      void both.then(() => fn?.(err))
    })
  }
  return io
}
