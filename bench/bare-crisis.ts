/**
 * The bare crisis-paging reference for `npm run bench`: socket → queue → worker → emitter → socket, with
 * nothing else. One process runs a Socket.IO server (Redis adapter) whose `message:send` adds a BullMQ job
 * and acks; `BARE_ROLE=worker` runs the BullMQ worker that announces `incident:paged` to the `clinicians`
 * room through the Socket.IO Redis emitter. Prints `listening <port>` or `worker ready`.
 */
import { createServer } from 'node:http'
import { Queue, Worker } from 'bullmq'
import { Emitter } from '@socket.io/redis-emitter'
import { Server } from 'socket.io'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'

const redisUrl = process.env.REDIS_URL!
const prefix = process.env.REDIS_PREFIX ?? 'barecrisis'
const key = `${prefix}:socket.io`

if (process.env.BARE_ROLE === 'worker') {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const emitter = new Emitter(new Redis(redisUrl), { key })
  const worker = new Worker(
    'page',
    async (job) => {
      emitter.to('clinicians').emit('incident:paged', { incidentId: job.data.clientId })
    },
    { connection, prefix: `${prefix}:bull`, concurrency: 8 },
  )
  worker.on('ready', () => console.log('worker ready'))
  process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)))
} else {
  const pub = new Redis(redisUrl)
  const sub = pub.duplicate()
  const queue = new Queue('page', {
    connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
    prefix: `${prefix}:bull`,
  })
  const httpServer = createServer()
  const io = new Server(httpServer, { adapter: createAdapter(pub, sub, { key }), serveClient: false })
  io.on('connection', (socket) => {
    socket.on('clinician:join', (_payload: unknown, ack: (r: unknown) => void) => {
      void socket.join('clinicians')
      ack({ ok: true, data: {} })
    })
    socket.on('message:send', async (payload: { clientId: string }, ack: (r: unknown) => void) => {
      await queue.add('page', { clientId: payload.clientId }, { jobId: payload.clientId, removeOnComplete: true })
      ack({ ok: true, data: { id: payload.clientId } })
    })
  })
  httpServer.listen(0, '127.0.0.1', () => {
    const address = httpServer.address()
    console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`)
  })
  process.on('SIGTERM', () => io.close(() => process.exit(0)))
}
