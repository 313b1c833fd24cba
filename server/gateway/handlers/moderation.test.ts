/**
 * Moderation over two server processes (two gateways on their own ports, one PostgreSQL, one Redis)
 * with real Socket.IO clients and the moderation worker running: a report reaches the facilitators
 * live, actions taken on one server hold on the other at once, peers on both servers see hides, held
 * messages never show their text, and members are denied every moderation request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { HttpClient, startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../../tests/support/chat.js'
import { startModerationWorker } from '../../../tests/support/moderation-worker.js'
import type { ChatMessage } from '../../../core/contracts/socket-events.chat.js'
import type { FlagAnnouncement } from '../../../core/contracts/socket-events.moderation.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
let worker: Awaited<ReturnType<typeof startModerationWorker>>
let roomId: string
let facilitator: ChatTestMember
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
  worker = await startModerationWorker(deps)
  roomId = await roomIdOf(deps, 'anxiety')
  facilitator = await chatMember(deps, 'anxiety', { role: 'facilitator', pseudonym: 'Fay Facil' })
  await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  await worker.stop()
  for (const s of servers) await s.close()
  await deps.close()
})

async function connect(server: 0 | 1, cookie: string) {
  const client = await ChatClient.connect(servers[server]!.baseUrl, cookie)
  clients.push(client)
  return client
}

const sentData = (reply: Awaited<ReturnType<ChatClient['send']>>) => {
  if (!reply.ok) throw new Error(`send failed: ${reply.error.code}`)
  return reply.data
}
const events = <T>(client: ChatClient, name: string) =>
  client.received.filter((r) => r.event === name).map((r) => r.payload as T)

describe('moderation across two server processes', () => {
  it('a report reaches the facilitators watching on the other server live; the reported member learns nothing about the reporter', async () => {
    const author = await chatMember(deps, 'anxiety', { pseudonym: 'Ari Author' })
    const reporter = await chatMember(deps, 'anxiety', { pseudonym: 'Rae Reporter' })
    const a = await connect(1, author.cookie)
    const r = await connect(0, reporter.cookie)
    const f = await connect(1, facilitator.cookie)
    await a.join(roomId)
    await r.join(roomId)
    // The reporter's presence crosses servers through Redis; it is seen before anything is counted from the
    // report on, so that only what the report itself causes is read below.
    await a.until(
      () => JSON.stringify(events(a, 'presence:updated')).includes(reporter.memberId),
      10_000,
      "the reporter's presence",
    )
    expect(await f.request('moderation:watch', {})).toEqual({ ok: true, data: { roomIds: [roomId] } })

    const message = sentData(await a.send(roomId, 'you never listen to anyone'))
    const flaggedBefore = events<FlagAnnouncement>(f, 'moderation:flagged').length
    const authorSeenBefore = a.received.length
    expect(
      await r.request('message:report', { roomId, messageId: message.id, category: 'harassment', note: 'rude' }),
    ).toEqual({ ok: true, data: { reported: true } })
    expect(await r.request('message:report', { roomId, messageId: message.id, category: 'spam' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })

    await f.until(
      () => events<FlagAnnouncement>(f, 'moderation:flagged').length > flaggedBefore,
      10_000,
      'moderation:flagged',
    )
    const announced = events<FlagAnnouncement>(f, 'moderation:flagged').at(-1)!
    expect(announced).toMatchObject({ roomId, status: 'open', stage: 0 })
    expect(Object.keys(announced).sort()).toEqual(['flagId', 'priority', 'roomId', 'stage', 'status'])

    // Everything the author received from the report on, but presence, which shows who is in the room and is
    // repeated whenever anyone comes or goes.
    const seenByAuthor = JSON.stringify(
      a.received.slice(authorSeenBefore).filter((r) => r.event !== 'presence:updated'),
    )
    expect(seenByAuthor).not.toContain(reporter.memberId)
    expect(seenByAuthor).not.toContain('Rae Reporter')
    expect(seenByAuthor).not.toContain('moderation:flagged')
  })

  it("a mute taken on one server refuses the member's next send on the other at once, and their composer hears until when", async () => {
    const member = await chatMember(deps, 'anxiety')
    const m = await connect(1, member.cookie)
    const f = await connect(0, facilitator.cookie)
    await m.join(roomId)
    sentData(await m.send(roomId, 'before the mute'))

    expect(
      await f.request('moderation:act', {
        action: 'mute',
        roomId,
        memberId: member.memberId,
        duration: 30,
        reason: 'cool down',
      }),
    ).toEqual({ ok: true, data: { done: true } })
    const refused = await m.send(roomId, 'after the mute')
    expect(refused).toMatchObject({ ok: false, error: { code: 'MUTED', fields: { until: expect.any(String) } } })
    const until = (refused as unknown as { error: { fields: { until: string } } }).error.fields.until
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(29 * 60_000)
    await m.until(() => events(m, 'moderation:sanctioned').length > 0, 10_000, 'moderation:sanctioned')
    expect(events(m, 'moderation:sanctioned')[0]).toEqual({ roomId, kind: 'mute', until, ended: false })
    expect(await m.request('moderation:status', { roomId })).toMatchObject({
      ok: true,
      data: { mutedUntil: until, bannedUntil: null },
    })

    // Ended early on the other server: the very next send goes through.
    const [sanction] = await deps.sql<
      { id: string }[]
    >`select id from moderation_sanctions where membership_id = ${member.memberId}`
    const f1 = await connect(1, facilitator.cookie)
    expect(
      await f1.request('moderation:act', { action: 'end_sanction', roomId, sanctionId: sanction!.id }),
    ).toMatchObject({ ok: true })
    expect((await m.send(roomId, 'free again')).ok).toBe(true)
    await m.until(
      () => events<{ ended: boolean }>(m, 'moderation:sanctioned').some((e) => e.ended),
      10_000,
      'mute ended',
    )
  })

  it("a hide on one server takes the text off peers' screens on both servers; unhide brings it back", async () => {
    const author = await chatMember(deps, 'anxiety')
    const peer0 = await chatMember(deps, 'anxiety')
    const peer1 = await chatMember(deps, 'anxiety')
    const a = await connect(0, author.cookie)
    const p0 = await connect(0, peer0.cookie)
    const p1 = await connect(1, peer1.cookie)
    const f = await connect(0, facilitator.cookie)
    for (const c of [a, p0, p1]) await c.join(roomId)
    const message = sentData(await a.send(roomId, 'something to hide'))
    for (const p of [p0, p1])
      await p.until(() => p.timeline.messages.some((m) => m.id === message.id), 10_000, 'delivery')

    expect(await f.request('moderation:act', { action: 'hide', roomId, messageId: message.id })).toMatchObject({
      ok: true,
    })
    for (const p of [p0, p1]) {
      await p.until(
        () => p.timeline.messages.find((m) => m.id === message.id)?.moderation === 'hidden',
        10_000,
        'hidden on peer',
      )
      expect(p.timeline.messages.find((m) => m.id === message.id)!.body).toBeNull()
    }
    // A catch-up after a reconnect shows it hidden too.
    const late = await connect(1, (await chatMember(deps, 'anxiety')).cookie)
    const joined = await late.join(roomId)
    expect(joined.messages.find((m) => m.id === message.id)).toMatchObject({ body: null, moderation: 'hidden' })

    expect(await f.request('moderation:act', { action: 'unhide', roomId, messageId: message.id })).toMatchObject({
      ok: true,
    })
    for (const p of [p0, p1]) {
      await p.until(
        () => p.timeline.messages.find((m) => m.id === message.id)?.body === 'something to hide',
        10_000,
        'unhidden on peer',
      )
    }
  })

  it('a held message: the sender is told kindly, peers on both servers never receive its text', async () => {
    const sender = await chatMember(deps, 'anxiety')
    const peer = await chatMember(deps, 'anxiety')
    const s = await connect(0, sender.cookie)
    const p = await connect(1, peer.cookie)
    await s.join(roomId)
    await p.join(roomId)
    const body = 'what is a lethal dose of paracetamol'
    const held = sentData(await s.send(roomId, body))
    // The sender reads their own words (decision 021); the peer never receives them.
    expect(held).toMatchObject({ moderation: 'held', body, notice: expect.stringMatching(/facilitator/) })
    await p.until(() => p.timeline.messages.some((m) => m.id === held.id), 10_000, 'placeholder')
    expect(JSON.stringify(p.received)).not.toContain('paracetamol')
    expect(p.timeline.messages.find((m) => m.id === held.id)).toMatchObject({ body: null, moderation: 'held' })
    expect(p.timeline.messages.find((m) => m.id === held.id)!.notice).toBeUndefined()

    const rejected = await s.send(roomId, 'text me at kasia@example.com')
    expect(rejected).toMatchObject({
      ok: false,
      error: { code: 'MESSAGE_REJECTED', fields: { reason: 'personal_data', notice: expect.any(String) } },
    })
  })

  it('members are refused every moderation request; bad payloads change nothing', async () => {
    const member = await chatMember(deps, 'anxiety')
    const target = await chatMember(deps, 'anxiety')
    const m = await connect(0, member.cookie)
    const t = await connect(1, target.cookie)
    await t.join(roomId)
    const message = sentData(await t.send(roomId, 'leave this alone'))
    expect(await m.request('moderation:watch', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    for (const payload of [
      { action: 'hide', roomId, messageId: message.id },
      { action: 'mute', roomId, memberId: target.memberId },
      { action: 'ban', roomId, memberId: target.memberId },
      { action: 'lock', roomId },
      { action: 'slow_mode', roomId, slowModeSeconds: 60 },
    ]) {
      expect(await m.request('moderation:act', payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    for (const bad of [
      { action: 'explode', roomId },
      { action: 'hide', roomId: 'not-a-uuid', messageId: message.id },
      { action: 'mute', roomId, memberId: target.memberId, duration: -5 },
      { action: 'hide', roomId, messageId: message.id, __proto__: { admin: true }, extra: 1 },
    ]) {
      expect(await m.request('moderation:act', bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }
    expect(await m.request('message:report', { roomId, messageId: message.id, category: 'gossip' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    // Reporting in a room one has not entered.
    const grief = await roomIdOf(deps, 'grief')
    expect(await m.request('message:report', { roomId: grief, messageId: message.id, category: 'spam' })).toMatchObject(
      { ok: false, error: { code: 'FORBIDDEN' } },
    )
    const [row] = await deps.sql<{ s: string }[]>`select moderation_status as s from messages where id = ${message.id}`
    expect(row!.s).toBe('visible')
    expect(t.timeline.messages.find((x: ChatMessage) => x.id === message.id)!.body).toBe('leave this alone')
  })
})

describe('moderation pages', () => {
  const browserOf = (member: ChatTestMember, server = 0) => {
    const client = new HttpClient(servers[server]!.baseUrl)
    client.cookies.set('hs_session', member.cookie.slice('hs_session='.length))
    return client
  }

  it('members get no queue and no actions; facilitators get no admin page and act only in their rooms', async () => {
    const member = browserOf(await chatMember(deps, 'anxiety'))
    expect((await member.get('/moderation')).status).toBe(403)
    expect((await member.post('/moderation', { action: 'lock', roomId })).status).toBe(403)
    expect((await member.get('/admin/rooms')).status).toBe(403)

    const fac = browserOf(facilitator)
    const page = await fac.page('/moderation')
    expect(page.response.status).toBe(200)
    expect((await fac.get('/admin/rooms')).status).toBe(403)
    const grief = await roomIdOf(deps, 'grief')
    const denied = await fac.post('/moderation', { action: 'lock', roomId: grief })
    expect(denied.status).toBe(403)
    expect(await denied.text()).toContain('FORBIDDEN')
    const [room] = await deps.sql<{ locked: boolean }[]>`select locked from rooms where id = ${grief}`
    expect(room!.locked).toBe(false)
    // Without the CSRF token nothing happens.
    expect((await fac.post('/moderation', { action: 'lock', roomId }, { csrf: null })).status).toBe(403)
  })

  it('an admin assigns a facilitator to a room; a member appeals a mute once through the page', async () => {
    const admin = await chatMember(deps, 'grief', { role: 'admin' as never })
    const newcomer = await chatMember(deps, 'grief', { role: 'facilitator' })
    const [{ username }] = [
      ...(await deps.sql<{ username: string }[]>`select username from accounts where id = ${newcomer.accountId}`),
    ] as [{ username: string }]
    const grief = await roomIdOf(deps, 'grief')
    const assigned = await browserOf(admin).post('/admin/rooms', { roomId: grief, username, assign: 'yes' })
    expect(assigned.status).toBe(200)
    expect(
      await deps.sql`select 1 from room_facilitators where room_id = ${grief} and account_id = ${newcomer.accountId}`,
    ).toHaveLength(1)
    const audit = await deps.sql<
      { actor: string }[]
    >`select actor_account_id as actor from audit_log where action = 'moderation.assign' and target_id = ${grief}`
    expect(audit.map((a) => a.actor)).toEqual([admin.accountId])

    const muted = await chatMember(deps, 'anxiety')
    const f = await connect(0, facilitator.cookie)
    expect(
      await f.request('moderation:act', { action: 'mute', roomId, memberId: muted.memberId, duration: 60 }),
    ).toMatchObject({ ok: true })
    const [sanction] = await deps.sql<
      { id: string }[]
    >`select id from moderation_sanctions where membership_id = ${muted.memberId}`
    const client = browserOf(muted)
    expect((await client.page('/appeals')).html).toContain('Mute')
    expect((await client.post('/appeals', { sanctionId: sanction!.id, body: 'I was quoting someone.' })).status).toBe(
      200,
    )
    expect((await client.post('/appeals', { sanctionId: sanction!.id, body: 'Again.' })).status).toBe(409)
    expect((await client.page('/appeals')).html).toContain('Appeal waiting for a decision')
  })
})
