import { Emitter } from '@socket.io/redis-emitter'
import type { Redis } from 'ioredis'
import type { ChatMessage } from '../contracts/socket-events.chat.js'
import type { CoreDeps } from '../deps.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import * as q from './chat.queries.js'

/**
 * Announces a room's stored messages in seq order, whichever server process stored them, without a transaction
 * (docs/decisions/046-send-cache-and-ordered-announcement.md; decision 009 for the order it keeps).
 *
 * Right after a message's transaction commits, the process that wrote it hands the messages, built from the values
 * it wrote (no read-back), to `announceCommitted`. One Redis script per batch publishes them on the Socket.IO
 * adapter's channel only if the room's announced seq (`<p>:chat:announced:<roomId>`, a number) is just before the
 * batch, and moves it; Redis runs scripts one at a time, so every server receives `message:created` in seq order and
 * each seq is published once. Within a process a room's announcements run one after another in commit order.
 *
 * A batch that finds a gap (an earlier batch, committed by another process, not announced yet) asks again shortly;
 * if the gap stays (that process died between its commit and its announcement, or Redis refused it), it reads the
 * missing messages from PostgreSQL and publishes them first (a repair; never more than REPAIR_MAX). A resend of a
 * stored message checks the same way (`ensureAnnounced`). Redis keeps no text: the payloads pass through the script
 * into PUBLISH, as any Socket.IO broadcast does.
 */
/** Answers -2 when it published (and moved the count), -1 when the count is missing, else the count as it is. */
const PUBLISHED = -2
const ANNOUNCE = `
local cur = tonumber(redis.call('GET', KEYS[1]) or '-1')
if cur < 0 then return -1 end
local from, to = tonumber(ARGV[1]), tonumber(ARGV[2])
if cur >= to then return cur end
if cur < from - 1 and ARGV[3] ~= '1' then return cur end
for i = 4, #ARGV, 3 do
  if tonumber(ARGV[i]) > cur then redis.call('PUBLISH', ARGV[i + 1], ARGV[i + 2]) end
end
redis.call('SET', KEYS[1], to)
return -2`

/** Moves the announced seq back (ARGV[2]) only if it still is ARGV[1]: a counter found ahead of the room. */
const REWIND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) end
return 0`

/** How long a batch waits for an earlier batch's announcement before repairing it from PostgreSQL. */
const GAP_WAIT_MS = 200
/** A repair publishes at most this many messages (older ones are caught up by the clients' sync). */
export const REPAIR_MAX = 200

type WithCommand = Redis & {
  holdspaceChatAnnounce: (key: string, ...args: Array<string | number | Buffer>) => Promise<number>
  holdspaceChatAnnounceRewind: (key: string, expected: number, to: number) => Promise<number>
}
interface Publisher {
  emitter: Emitter
  sink: Array<[string, string | Buffer]>
}
const publishers = new WeakMap<Redis, Publisher>()

function publisherOf(deps: CoreDeps): Publisher {
  let publisher = publishers.get(deps.redis)
  if (!publisher) {
    deps.redis.defineCommand('holdspaceChatAnnounce', { numberOfKeys: 1, lua: ANNOUNCE })
    deps.redis.defineCommand('holdspaceChatAnnounceRewind', { numberOfKeys: 1, lua: REWIND })
    const sink: Publisher['sink'] = []
    const emitter = new Emitter(
      { publish: (channel: string, message: string | Buffer) => sink.push([channel, message]) },
      { key: `${deps.config.REDIS_PREFIX}:socket.io` },
    )
    publishers.set(deps.redis, (publisher = { emitter, sink }))
  }
  return publisher
}

export const announcedKey = (deps: Pick<CoreDeps, 'config'>, roomId: string) =>
  `${deps.config.REDIS_PREFIX}:chat:announced:${roomId}`

/** The script's arguments for these messages: seq, channel, payload for each, as the Redis adapter encodes them. */
function encode(deps: CoreDeps, messages: readonly ChatMessage[]): Array<string | number | Buffer> {
  const { emitter, sink } = publisherOf(deps)
  const args: Array<string | number | Buffer> = []
  for (const message of messages) {
    sink.length = 0
    emitter.to(socketRooms.chatRoom(message.roomId)).emit('message:created', message)
    for (const [channel, payload] of sink) args.push(message.seq, channel, payload)
  }
  sink.length = 0
  return args
}

function runScript(deps: CoreDeps, roomId: string, from: number, to: number, skipGap: boolean, args: unknown[]) {
  publisherOf(deps)
  return (deps.redis as WithCommand)
    .holdspaceChatAnnounce(announcedKey(deps, roomId), from, to, skipGap ? '1' : '0', ...(args as string[]))
    .then(Number)
}

/** First use of a room's key (or after Redis lost it): from the cursor decision 009's announcer left, else 0. */
async function initCursor(deps: CoreDeps, roomId: string): Promise<void> {
  await deps.redis.set(announcedKey(deps, roomId), await q.legacyBroadcastCursor(deps.sql, roomId), 'NX')
}

/** Publishes the stored messages after `cursor` up to `upto` (read from PostgreSQL), accepting the gap before. */
async function repair(deps: CoreDeps, roomId: string, cursor: number, upto: number): Promise<void> {
  const start = Math.max(cursor, upto - REPAIR_MAX)
  const missing = upto > start ? await q.messagesAfter(deps.sql, roomId, start, upto - start) : []
  const kept = missing.filter((m) => m.seq <= upto)
  await runScript(deps, roomId, start + 1, upto, true, encode(deps, kept))
  deps.log.info({ roomId, from: start + 1, upto, count: kept.length }, 'chat announcement repaired')
}

async function announceInOrder(deps: CoreDeps, roomId: string, messages: readonly ChatMessage[]): Promise<void> {
  const from = messages[0]!.seq
  const to = messages.at(-1)!.seq
  const args = encode(deps, messages)
  let waited = 0
  let pause = 1
  for (let attempt = 0; attempt < 100; attempt++) {
    const cursor = await runScript(deps, roomId, from, to, false, args)
    // Published now: the usual answer, which costs no PostgreSQL read (decision 050).
    if (cursor === PUBLISHED) return
    if (cursor >= to) {
      // Announced already (a repair did it), unless the counter is past every seq the room has: PostgreSQL went
      // back (restored from a backup) while Redis kept its count. Then the count goes back to just before us.
      if (cursor <= (await q.roomLastSeq(deps.sql, roomId))) return
      deps.log.warn({ roomId, cursor, from }, 'chat announced seq was ahead of the room; moved back')
      publisherOf(deps)
      await (deps.redis as WithCommand).holdspaceChatAnnounceRewind(announcedKey(deps, roomId), cursor, from - 1)
      continue
    }
    if (cursor < 0) {
      await initCursor(deps, roomId)
      continue
    }
    if (waited >= GAP_WAIT_MS) {
      await repair(deps, roomId, cursor, from - 1)
      continue
    }
    // An earlier batch's announcement is on its way from another process: ask again shortly.
    await new Promise((resolve) => setTimeout(resolve, pause))
    waited += pause
    pause = Math.min(pause * 2, 20)
  }
  throw new Error('chat announcement did not settle')
}

/** Per Redis client and room: this process's announcements, one after another in the order they were handed over. */
const chains = new WeakMap<Redis, Map<string, Promise<void>>>()

function chained(deps: CoreDeps, roomId: string, run: () => Promise<void>): Promise<void> {
  let rooms = chains.get(deps.redis)
  if (!rooms) chains.set(deps.redis, (rooms = new Map()))
  const next = (rooms.get(roomId) ?? Promise.resolve()).then(run).catch((error: unknown) => {
    // Stored is what an ack promises; the room's next message (a repair) or the clients' catch-up delivers it.
    deps.log.warn({ roomId, err: { message: (error as Error).message } }, 'chat announce failed')
  })
  rooms.set(roomId, next)
  void next.then(() => {
    if (rooms.get(roomId) === next) rooms.delete(roomId)
  })
  return next
}

/**
 * Announces messages just committed (consecutive seqs of one room, as the room reads them). Called right after
 * COMMIT, in commit order; never rejects (a failure is logged and repaired by a later announcement).
 */
export function announceCommitted(deps: CoreDeps, roomId: string, messages: readonly ChatMessage[]): Promise<void> {
  if (messages.length === 0) return Promise.resolve()
  return chained(deps, roomId, () => announceInOrder(deps, roomId, messages))
}

/**
 * A resend of a stored message: makes sure everything up to its seq was announced (the first attempt may have
 * stopped between its commit and its announcement). Never rejects.
 */
export function ensureAnnounced(deps: CoreDeps, roomId: string, seq: number): Promise<void> {
  return chained(deps, roomId, async () => {
    let cursor = Number((await deps.redis.get(announcedKey(deps, roomId))) ?? -1)
    if (cursor < 0) {
      await initCursor(deps, roomId)
      cursor = Number(await deps.redis.get(announcedKey(deps, roomId)))
    }
    if (cursor < seq) await repair(deps, roomId, cursor, seq)
  })
}
