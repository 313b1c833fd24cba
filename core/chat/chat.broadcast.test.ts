/**
 * The ordered announcement without a transaction (core/chat/chat.broadcast.ts, decision 046), with a real server and
 * a real Socket.IO client in the room. Two Redis connections stand for two server processes (each has its own
 * in-process order); the messages are stored first, as their transactions would have, and then announced the way
 * the processes would race. Every member must receive each stored message once, in seq order, whatever the order
 * the announcements reach Redis in, and even when the process that stored one never announces it.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { startTestServer } from '../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import type { CoreDeps } from '../deps.js'
import { announceCommitted, announcedKey } from './chat.broadcast.js'
import { messagesAfter } from './chat.queries.js'

let deps: TestDeps
/** Another server process: its own Redis connection, so its own announcement order. */
let other: CoreDeps
let server: Awaited<ReturnType<typeof startTestServer>>
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '1000/10', CHAT_RATE_LIMIT_ROOM: '10000/10' })
  await createSeedRooms(deps)
  other = { ...deps, redis: deps.redis.duplicate() }
  server = await startTestServer(deps)
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  other.redis.disconnect()
  await server.close()
  await deps.close()
})

/** Messages committed but not announced yet: stored with their seqs, as a transaction leaves them. */
async function storeUnannounced(roomId: string, author: ChatTestMember, count: number) {
  for (let n = 0; n < count; n++)
    await deps.sql`
      with r as (update rooms set last_seq = last_seq + 1 where id = ${roomId} returning last_seq)
      insert into messages (room_id, membership_id, client_id, seq, body, created_at)
      select ${roomId}, ${author.memberId}, ${randomUUID()}, last_seq, ${`stored ${n + 1}`}, now() from r`
  // As the room reads them, which is what a transaction hands to the announcement.
  return messagesAfter(deps.sql, roomId, 0, 100)
}

/** A reader in the room, and the room's author; the room's announced seq starts at 0. */
async function room(slug: string) {
  const roomId = await roomIdOf(deps, slug)
  const author = await chatMember(deps, slug)
  const reader = await chatMember(deps, slug)
  const client = await ChatClient.connect(server.baseUrl, reader.cookie)
  clients.push(client)
  await client.join(roomId)
  await deps.redis.set(announcedKey(deps, roomId), 0)
  return { roomId, author, client }
}

/** A later message sent the ordinary way has arrived: nothing announced before it is still on its way. */
async function settled(client: ChatClient, roomId: string) {
  const reply = await client.send(roomId, 'a later message')
  if (!reply.ok) throw new Error(`send failed: ${reply.error.code}`)
  await client.until(() => client.arrivals.includes(reply.data.seq), 10_000, 'the later message')
  return reply.data.seq
}

describe('ordered announcement', () => {
  it('a later batch reaching Redis first waits for the earlier one: each message arrives once, in seq order', async () => {
    const { roomId, author, client } = await room('anxiety')
    const [m1, m2, m3, m4] = await storeUnannounced(roomId, author, 4)
    // The other process's batch (3, 4) asks first and finds 1 and 2 not announced yet.
    const later = announceCommitted(other, roomId, [m3!, m4!])
    await new Promise((resolve) => setImmediate(resolve))
    await other.redis.ping()
    const earlier = announceCommitted(deps, roomId, [m1!, m2!])
    await Promise.all([later, earlier])
    const last = await settled(client, roomId)
    expect(client.arrivals).toEqual([1, 2, 3, 4, last])
    const ids = client.received
      .filter((r) => r.event === 'message:created')
      .map((r) => (r.payload as { id: string }).id)
    expect(ids.slice(0, 4)).toEqual([m1!.id, m2!.id, m3!.id, m4!.id])
  })

  it('a batch whose earlier batch is never announced (its process stopped after COMMIT) announces it first, once', async () => {
    const { roomId, author, client } = await room('grief')
    const [m1, m2, m3] = await storeUnannounced(roomId, author, 3)
    await announceCommitted(other, roomId, [m3!])
    await client.until(() => client.arrivals.length >= 3, 10_000, 'the repaired messages')
    // The stopped process comes back and announces late: nothing is sent twice.
    await announceCommitted(deps, roomId, [m1!, m2!])
    const last = await settled(client, roomId)
    expect(client.arrivals).toEqual([1, 2, 3, last])
  })

  it('a count ahead of the room (PostgreSQL restored from a backup, Redis kept) is noticed: new messages still arrive', async () => {
    const { roomId, client } = await room('loneliness')
    await deps.redis.set(announcedKey(deps, roomId), 500)
    const first = await settled(client, roomId)
    const second = await settled(client, roomId)
    expect(client.arrivals).toEqual([first, second])
    expect([first, second]).toEqual([1, 2])
  })

  it('a resend of a message stored but never announced announces it, and what came before it, once', async () => {
    const { roomId, author, client } = await room('parenting')
    const [, m2] = await storeUnannounced(roomId, author, 2)
    const sender = await ChatClient.connect(server.baseUrl, author.cookie)
    clients.push(sender)
    const resent = await sender.send(roomId, m2!.body!, m2!.clientId as ReturnType<typeof randomUUID>)
    expect(resent).toMatchObject({ ok: true, data: { id: m2!.id, seq: 2 } })
    await client.until(() => client.arrivals.length >= 2, 10_000, 'the resent message')
    const last = await settled(client, roomId)
    expect(client.arrivals).toEqual([1, 2, last])
  })
})
