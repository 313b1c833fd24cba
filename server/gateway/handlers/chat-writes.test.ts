/**
 * Fewer writes per send (decision 065), with real Socket.IO clients on a running gateway: the gateway's request-path
 * Redis client sends the commands of one turn in one write, and members of five rooms sending at once all get every
 * message of their room exactly once, in the order stored, with gapless seqs (the rooms' plain sends share statements).
 */
import type { Writable } from 'node:stream'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../../../tests/support/chat.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '1000/10', CHAT_RATE_LIMIT_ROOM: '10000/10' })
  await createSeedRooms(deps)
  server = await startTestServer(deps)
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  await server?.close()
  await deps.close()
})

it('the running gateway sends the Redis commands of one turn in one write', async () => {
  await deps.redis.ping()
  const connection = (deps.redis as unknown as { stream: Writable & Record<string, unknown> }).stream
  let writes = 0
  const write = connection._write as (...a: unknown[]) => void
  const writev = connection._writev as (...a: unknown[]) => void
  connection._write = function (this: Writable, ...a: unknown[]) {
    writes += 1
    return write.apply(this, a)
  }
  connection._writev = function (this: Writable, ...a: unknown[]) {
    writes += 1
    return writev.apply(this, a)
  }
  try {
    const key = `${deps.config.REDIS_PREFIX}:writes`
    expect(await Promise.all([deps.redis.set(key, '1'), deps.redis.incr(key), deps.redis.get(key)])).toEqual([
      'OK',
      2,
      '2',
    ])
  } finally {
    connection._write = write
    connection._writev = writev
  }
  expect(writes).toBe(1)
})

it(
  'members of five rooms sending at once each receive every message of their room once, in stored order, seqs gapless',
  { timeout: 120_000 },
  async () => {
    const slugs = ['anxiety', 'grief', 'parenting', 'loneliness', 'low-mood']
    const rooms = await Promise.all(slugs.map((slug) => roomIdOf(deps, slug)))
    const joined: Array<{ roomId: string; client: ChatClient }> = []
    for (const [r, slug] of slugs.entries()) {
      for (let n = 0; n < 3; n++) {
        const member = await chatMember(deps, slug)
        const client = await ChatClient.connect(server.baseUrl, member.cookie)
        clients.push(client)
        await client.join(rooms[r]!)
        joined.push({ roomId: rooms[r]!, client })
      }
    }
    const replies = await Promise.all(
      joined.flatMap(({ roomId, client }, c) =>
        Array.from({ length: 4 }, (_, n) => client.sendAsThePageDoes(roomId, `client ${c} says ${n}`)),
      ),
    )
    expect(replies.every((r) => r.ok)).toBe(true)
    for (const roomId of rooms) {
      const stored = await deps.sql<{ id: string; seq: number }[]>`
        select id, seq from messages where room_id = ${roomId} order by seq`
      expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 12 }, (_, n) => n + 1))
      for (const { client } of joined.filter((j) => j.roomId === roomId)) {
        await client.until(
          () => client.received.filter((e) => e.event === 'message:created').length >= 12,
          30_000,
          'every message of the room',
        )
        const created = client.received
          .filter((e) => e.event === 'message:created')
          .map((e) => e.payload as { id: string; roomId: string; seq: number })
        expect(created.map((m) => m.roomId)).toEqual(Array(12).fill(roomId))
        expect(created.map((m) => ({ id: m.id, seq: m.seq }))).toEqual(stored)
      }
    }
  },
)
