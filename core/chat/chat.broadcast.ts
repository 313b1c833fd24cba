import { Emitter } from '@socket.io/redis-emitter'
import type { CoreDeps } from '../deps.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import * as q from './chat.queries.js'

/**
 * Announces a room's stored messages in seq order, whichever server process stored them.
 *
 * After its transaction commits, the sender calls `announceRoom`. Under the room's cursor lock it
 * publishes every stored message the cursor has not reached, waits until Redis has accepted each
 * publish, then moves the cursor. The next announcer (any process) waits for that lock, so Redis
 * receives `message:created` in seq order, hands it to every server in that order, and every socket
 * receives it in that order. A sender whose messages were already announced by another finds
 * nothing left to do. A crash between commit and announce is repaired by the room's next message.
 */
const BATCH = 200

export async function announceRoom(deps: CoreDeps, roomId: string): Promise<void> {
  const room = socketRooms.chatRoom(roomId)
  await deps.sql.begin(async (tx) => {
    const from = await q.lockBroadcastCursor(tx, roomId)
    let cursor = from
    for (;;) {
      const pending = await q.messagesAfter(tx, roomId, cursor, BATCH)
      if (pending.length === 0) break
      const publishes: Array<Promise<unknown>> = []
      const emitter = new Emitter(
        {
          publish: (channel: string, message: string | Buffer) => publishes.push(deps.redis.publish(channel, message)),
        },
        { key: `${deps.config.REDIS_PREFIX}:socket.io` },
      )
      for (const message of pending) emitter.to(room).emit('message:created', message)
      await Promise.all(publishes)
      cursor = pending.at(-1)!.seq
      if (pending.length < BATCH) break
    }
    if (cursor > from) await q.advanceBroadcastCursor(tx, roomId, cursor)
  })
}

/**
 * `announceRoom`, shared by the sends of one process: a call made while a pass for the room is running waits for
 * one more pass that starts after it (and so sees its committed message); every call made meanwhile shares that
 * pass. Sends committed together (group commit) are announced by one transaction instead of one each. Order across
 * processes is still the cursor lock's.
 */
interface Announcing {
  queued: Promise<void> | null
  tail: Promise<void>
}
const announcing = new WeakMap<object, Map<string, Announcing>>()

export function announceRoomCoalesced(deps: CoreDeps, roomId: string): Promise<void> {
  let rooms = announcing.get(deps.sql)
  if (!rooms) announcing.set(deps.sql, (rooms = new Map()))
  const state = rooms.get(roomId)
  if (state?.queued) return state.queued
  const previous = state?.tail ?? Promise.resolve()
  const entry: Announcing = state ?? { queued: null, tail: previous }
  const pass = previous
    .catch(() => {})
    .then(() => {
      entry.queued = null
      return announceRoom(deps, roomId)
    })
  entry.queued = pass
  entry.tail = pass
  rooms.set(roomId, entry)
  const done = () => {
    if (entry.tail === pass) rooms!.delete(roomId)
  }
  pass.then(done, done)
  return pass
}
