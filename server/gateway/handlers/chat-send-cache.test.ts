/**
 * The send cache (core/chat/membership-cache.ts, decision 046) over two server processes' gateways (one PostgreSQL,
 * one Redis), with real Socket.IO clients: a sender whose socket already holds the room and its membership (a warm
 * cache) is refused on their very next send after a ban, a mute, a room lock or slow mode taken on the other server,
 * and sends again at once when a mute is overturned on appeal; and the
 * cache really is what the send reads, until the version tokens in Redis change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enterRoom } from '../../../core/chat/chat.service.js'
import { invalidateChatRoom } from '../../../core/chat/membership-cache.js'
import { decideAppeal, fileAppeal } from '../../../core/moderation/moderation.service.js'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../../tests/support/chat.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
let facilitator: ChatTestMember
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '1000/10', CHAT_RATE_LIMIT_ROOM: '10000/10' })
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
  facilitator = await chatMember(deps, 'anxiety', { role: 'facilitator' })
  for (const slug of ['anxiety', 'grief', 'parenting']) {
    await deps.sql`insert into room_facilitators (room_id, account_id) values (${await roomIdOf(deps, slug)}, ${facilitator.accountId})`
    if (slug !== 'anxiety')
      await enterRoom(deps, { ...facilitator, pseudonymMode: 'generate' }, slug, { pseudonymChoice: 'generated' })
  }
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  for (const s of servers) await s.close()
  await deps.close()
})

async function connect(server: 0 | 1, cookie: string) {
  const client = await ChatClient.connect(servers[server]!.baseUrl, cookie)
  clients.push(client)
  return client
}

/** A member on server 1 who has sent twice into the room (the second send read its socket's cache). */
async function warmSender(slug: string) {
  const roomId = await roomIdOf(deps, slug)
  const member = await chatMember(deps, slug)
  const m = await connect(1, member.cookie)
  await m.join(roomId)
  for (const body of ['first', 'second']) expect((await m.send(roomId, body)).ok).toBe(true)
  return { roomId, member, m }
}

const storedBodies = async (roomId: string, memberId: string) =>
  (
    await deps.sql<
      { body: string }[]
    >`select body from messages where room_id = ${roomId} and membership_id = ${memberId} order by seq`
  ).map((r) => r.body)

describe('the send cache across two servers', () => {
  it("a ban taken on one server refuses the warm sender's very next send on the other; nothing is stored", async () => {
    const { roomId, member, m } = await warmSender('anxiety')
    const f = await connect(0, facilitator.cookie)
    expect(
      await f.request('moderation:act', { action: 'ban', roomId, memberId: member.memberId, duration: 1 }),
    ).toEqual({ ok: true, data: { done: true } })
    expect(await m.send(roomId, 'after the ban')).toMatchObject({
      ok: false,
      error: { code: 'BANNED', fields: { until: expect.any(String) } },
    })
    expect(await storedBodies(roomId, member.memberId)).toEqual(['first', 'second'])
  })

  it("a room lock on one server refuses members' next send on the other at once; its facilitator still posts; unlock opens it again", async () => {
    const { roomId, member, m } = await warmSender('grief')
    const fac = await connect(1, facilitator.cookie)
    await fac.join(roomId)
    expect((await fac.send(roomId, 'facilitator before the lock')).ok).toBe(true)
    const f = await connect(0, facilitator.cookie)

    expect(await f.request('moderation:act', { action: 'lock', roomId })).toMatchObject({ ok: true })
    expect(await m.send(roomId, 'while locked')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await fac.send(roomId, 'facilitator while locked')).ok).toBe(true)

    expect(await f.request('moderation:act', { action: 'unlock', roomId })).toMatchObject({ ok: true })
    expect((await m.send(roomId, 'after the unlock')).ok).toBe(true)
    expect(await storedBodies(roomId, member.memberId)).toEqual(['first', 'second', 'after the unlock'])
  })

  it('slow mode set on one server holds for the warm sender on the other from their next send', async () => {
    const { roomId, member, m } = await warmSender('parenting')
    const f = await connect(0, facilitator.cookie)
    expect(await f.request('moderation:act', { action: 'slow_mode', roomId, slowModeSeconds: 600 })).toMatchObject({
      ok: true,
    })
    expect((await m.send(roomId, 'one in slow mode')).ok).toBe(true)
    expect(await m.send(roomId, 'two in slow mode')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await storedBodies(roomId, member.memberId)).toEqual(['first', 'second', 'one in slow mode'])
  })

  it('a mute taken on one server holds for the warm sender on the other; overturned on appeal, their next send goes through', async () => {
    const { roomId, member, m } = await warmSender('anxiety')
    const f = await connect(0, facilitator.cookie)
    expect(
      await f.request('moderation:act', { action: 'mute', roomId, memberId: member.memberId, duration: 30 }),
    ).toEqual({ ok: true, data: { done: true } })
    expect(await m.send(roomId, 'while muted')).toMatchObject({ ok: false, error: { code: 'MUTED' } })
    const [sanction] = await deps.sql<
      { id: string }[]
    >`select id from moderation_sanctions where membership_id = ${member.memberId} and kind = 'mute'`
    const { appealId } = await fileAppeal(deps, member.accountId, { sanctionId: sanction!.id, body: 'Please.' })
    const other = await chatMember(deps, 'anxiety', { role: 'facilitator' })
    await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${other.accountId})`
    await decideAppeal(deps, { accountId: other.accountId, role: 'facilitator' }, { appealId, decision: 'overturned' })
    expect((await m.send(roomId, 'after the appeal')).ok).toBe(true)
    expect(await storedBodies(roomId, member.memberId)).toEqual(['first', 'second', 'after the appeal'])
  })

  it("a warm send reads its socket's cache, not PostgreSQL, until the room's version token changes", async () => {
    const { roomId, m } = await warmSender('loneliness')
    // Locked behind the cache's back (no token change): the warm socket still sends, so it did not read the row.
    await deps.sql`update rooms set locked = true where id = ${roomId}`
    expect((await m.send(roomId, 'from the cache')).ok).toBe(true)
    // A new socket of another member reads PostgreSQL and is refused.
    const other = await chatMember(deps, 'loneliness')
    const o = await connect(0, other.cookie)
    expect(await o.send(roomId, 'cold')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // The token changes: the warm socket reads the row again.
    await invalidateChatRoom(deps, roomId)
    expect(await m.send(roomId, 'after the token changed')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
