/**
 * A load client process for `npm run bench`: real Socket.IO clients over WebSocket on loopback. The
 * coordinator (bench/scenarios/chat.ts) gives it whole rooms, so a message's sender and receivers live in
 * this process and send→receive latency is measured on one clock. Every loop is bounded in count and time.
 *
 * IPC in:  { type: 'init', members: Member[], concurrency } | { type: 'step', rate, durationMs, graceMs } | { type: 'close' }
 * IPC out: { type: 'ready', connected, failed, failures, retries, connectMs } | { type: 'result', ... }
 */
import { randomUUID } from 'node:crypto'
import type { Socket } from 'socket.io-client'
import { connectAll, summarizeOutcomes } from './connect.js'
import { flushTrace, trace, traceFile } from './trace.js'

interface Member {
  url: string
  origin: string
  cookie?: string
  roomId: string
}
type Ack = { ok: boolean; data?: unknown; error?: { code: string } }

const sockets: Array<{ socket: Socket; member: Member }> = []
const rooms = new Map<string, number[]>() // roomId → indexes into sockets
interface Sent {
  at: number
  room: string
  sender: number
  receipts: number
  acked: boolean
  /** Under BENCH_TRACE: send → ack, the slowest receipt, and how many receipts took over 100 ms. */
  ackMs?: number
  maxMs?: number
  over100?: number
}
const sent = new Map<string, Sent>()
let latencies: number[] = []
let stepNumber = 0

const now = () => performance.timeOrigin + performance.now()
const send = (message: unknown) => process.send!(message)

/** Connects and joins every member, paced and retried as a real client would (bench/connect.ts). */
async function connectMembers(members: Member[], concurrency: number) {
  members.forEach((member, index) => rooms.set(member.roomId, [...(rooms.get(member.roomId) ?? []), index]))
  const outcomes = await connectAll(members, concurrency, (socket, index) => {
    sockets[index] = { socket, member: members[index]! }
    socket.on('message:created', (message: { clientId: string }) => {
      const entry = sent.get(message.clientId)
      if (!entry || entry.sender === index) return
      entry.receipts++
      const latency = now() - entry.at
      latencies.push(latency)
      if (traceFile) {
        entry.maxMs = Math.max(entry.maxMs ?? 0, latency)
        if (latency > 100) entry.over100 = (entry.over100 ?? 0) + 1
      }
    })
  })
  return summarizeOutcomes(outcomes)
}

async function runStep(rate: number, durationMs: number, graceMs: number) {
  sent.clear()
  latencies = []
  stepNumber++
  const roomIds = [...rooms.keys()]
  const perRoomInterval = 1000 / rate
  const total = Math.max(1, Math.floor((durationMs / 1000) * rate))
  const started = now()
  let errors = 0
  const errorCodes: Record<string, number> = {}
  const sends: Promise<void>[] = []
  // Each room sends `rate` messages a second from a rotating member, staggered across rooms.
  for (let k = 0; k < total; k++) {
    for (let r = 0; r < roomIds.length; r++) {
      const due = started + k * perRoomInterval + (r / roomIds.length) * perRoomInterval
      const wait = due - now()
      if (wait > 1) await new Promise((res) => setTimeout(res, wait))
      const members = rooms.get(roomIds[r]!)!
      const sender = members[(k + r) % members.length]!
      const clientId = randomUUID()
      // Unique text without digit runs: the moderation screen rightly refuses a member's third identical
      // message, and a long run of digits looks like a phone number.
      const body = `bench message ${k} of step ${stepNumber} in room ${r}`
      sent.set(clientId, { at: now(), room: roomIds[r]!, sender, receipts: 0, acked: false })
      sends.push(
        new Promise((resolve) => {
          sockets[sender]!.socket.timeout(10_000).emit(
            'message:send',
            { roomId: roomIds[r]!, clientId, body },
            (err: Error | null, ack: Ack) => {
              if (err || !ack?.ok) {
                errors++
                const code = err ? 'TIMEOUT' : (ack?.error?.code ?? 'UNKNOWN')
                errorCodes[code] = (errorCodes[code] ?? 0) + 1
              } else {
                const entry = sent.get(clientId)!
                entry.acked = true
                if (traceFile) entry.ackMs = now() - entry.at
              }
              resolve()
            },
          )
        }),
      )
    }
  }
  await Promise.all(sends)
  const sendEnded = now()
  await new Promise((res) => setTimeout(res, graceMs))
  if (traceFile) {
    for (const entry of sent.values())
      trace('msg', {
        step: stepNumber,
        rate,
        room: entry.room,
        at: Math.round(entry.at * 10) / 10,
        ackMs: entry.ackMs === undefined ? null : Math.round(entry.ackMs * 10) / 10,
        maxMs: entry.maxMs === undefined ? null : Math.round(entry.maxMs * 10) / 10,
        over100: entry.over100 ?? 0,
        receipts: entry.receipts,
      })
    flushTrace()
  }
  let expected = 0
  let delivered = 0
  let complete = 0
  for (const entry of sent.values()) {
    const receivers = rooms.get(entry.room)!.length - 1
    expected += receivers
    delivered += Math.min(entry.receipts, receivers)
    if (entry.receipts >= receivers) complete++
  }
  send({
    type: 'result',
    sent: sent.size,
    acked: [...sent.values()].filter((e) => e.acked).length,
    clientIds: [...sent.keys()],
    errors,
    errorCodes,
    expectedDeliveries: expected,
    deliveries: delivered,
    completeMessages: complete,
    elapsedMs: sendEnded - started,
    latencies,
  })
}

process.on('message', async (message: any) => {
  if (message.type === 'init') {
    send({ type: 'ready', ...(await connectMembers(message.members as Member[], message.concurrency ?? 25)) })
  } else if (message.type === 'step') {
    await runStep(message.rate, message.durationMs, message.graceMs)
  } else if (message.type === 'close') {
    for (const { socket } of sockets) socket.disconnect()
    process.exit(0)
  }
})
