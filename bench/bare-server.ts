/**
 * The bare Socket.IO reference for `npm run bench`: the same socket.io version, transport and Redis adapter
 * as the platform, with no authentication, storage or screening. It speaks the chat contract's shape
 * (`room:join`, `message:send` → `message:created` + ack) so the same load clients drive both.
 * Prints `listening <port>`.
 */
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'

const redisUrl = process.env.REDIS_URL!
const prefix = process.env.REDIS_PREFIX ?? 'bare'
const pub = new Redis(redisUrl)
const sub = pub.duplicate()
const httpServer = createServer()
const io = new Server(httpServer, {
  adapter: createAdapter(pub, sub, { key: `${prefix}:socket.io` }),
  serveClient: false,
})
let seq = 0

io.on('connection', (socket) => {
  socket.on('room:join', (payload: { roomId: string }, ack: (r: unknown) => void) => {
    void socket.join(payload.roomId)
    ack({ ok: true, data: { messages: [], hasMore: false } })
  })
  socket.on(
    'message:send',
    (payload: { roomId: string; clientId: string; body: string }, ack: (r: unknown) => void) => {
      const message = {
        id: payload.clientId,
        roomId: payload.roomId,
        seq: ++seq,
        clientId: payload.clientId,
        body: payload.body,
      }
      io.to(payload.roomId).emit('message:created', message)
      ack({ ok: true, data: message })
    },
  )
})

httpServer.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = httpServer.address()
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`)
})
process.on('SIGTERM', () => {
  io.close(() => {
    pub.disconnect()
    sub.disconnect()
    process.exit(0)
  })
})
