/**
 * Chat over two gateways (two server instances on their own ports) sharing one PostgreSQL and one
 * Redis, with real Socket.IO clients: delivery across servers, presence on both, the bad-input table,
 * a client dropped mid-send, edits and deletes, history, typing, personal mutes, the room list, and
 * the privacy walk over everything a peer receives.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { HttpClient, startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../../../tests/support/chat.js'
import { waitForDisconnect } from '../../../tests/support/sockets.js'
import type { ChatMessage, RoomActivity } from '../../../core/contracts/socket-events.chat.js'
import { lastSeq } from '../../../core/contracts/chat-timeline.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
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

const messageCount = async (roomId: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where room_id = ${roomId}`)[0]!.n

describe('messages across two server processes', () => {
  it("a message sent on one server reaches members on the other, in the sender's pseudonym, and is acked once stored", async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const ann = await chatMember(deps, 'anxiety', { pseudonym: 'Ann Heron' })
    const bo = await chatMember(deps, 'anxiety', { pseudonym: 'Bo Otter' })
    const a = await connect(0, ann.cookie)
    const b = await connect(1, bo.cookie)
    await a.join(roomId)
    await b.join(roomId)

    const reply = await a.send(roomId, '  Hello from server one  ')
    expect(reply.ok).toBe(true)
    const sent = (reply as { data: ChatMessage }).data
    expect(sent).toMatchObject({
      roomId,
      seq: 1,
      body: 'Hello from server one',
      author: { memberId: ann.memberId, pseudonym: 'Ann Heron', badge: null },
    })
    // Acked means stored.
    expect(await messageCount(roomId)).toBe(1)

    await b.until(() => b.timeline.messages.some((m) => m.id === sent.id), 10_000, 'delivery on server two')
    expect(b.timeline.messages.find((m) => m.id === sent.id)).toEqual(sent)
  })

  it('presence agrees on both servers; several tabs count once; the last tab closing removes the member', async () => {
    const roomId = await roomIdOf(deps, 'low-mood')
    const cy = await chatMember(deps, 'low-mood', { pseudonym: 'Cy Willow' })
    const di = await chatMember(deps, 'low-mood', { pseudonym: 'Di Cedar', role: 'facilitator' })
    const cy1 = await connect(0, cy.cookie)
    const cy2 = await connect(1, cy.cookie)
    const di1 = await connect(1, di.cookie)
    await cy1.join(roomId)
    await cy2.join(roomId)
    await di1.join(roomId)

    const both = ['Cy Willow', 'Di Cedar']
    await cy1.until(() => cy1.presentPseudonyms().join() === both.join(), 10_000, 'presence on server one')
    await di1.until(() => di1.presentPseudonyms().join() === both.join(), 10_000, 'presence on server two')
    expect(cy1.presence!.count).toBe(2)
    expect(di1.presence!.members.find((m) => m.pseudonym === 'Di Cedar')!.badge).toBe('facilitator')

    // One of Cy's two tabs closes: server two announces the change, and Cy is still here.
    const updates = () => di1.received.filter((r) => r.event === 'presence:updated').length
    const seen = updates()
    cy2.close()
    await di1.until(() => updates() > seen, 10_000, 'the announcement of the closed tab')
    expect(di1.presentPseudonyms()).toEqual(both)

    // The last tab closes: Cy leaves presence on both servers.
    cy1.close()
    await di1.until(() => di1.presentPseudonyms().join() === 'Di Cedar', 10_000, 'Cy leaving')
    expect(di1.presence!.count).toBe(1)
  })

  it('a client dropped mid-send and reconnected gets every message exactly once, and its own is stored once', async () => {
    const roomId = await roomIdOf(deps, 'grief')
    const eve = await chatMember(deps, 'grief')
    const fay = await chatMember(deps, 'grief')
    const e = await connect(0, eve.cookie)
    const f = await connect(1, fay.cookie)
    await e.join(roomId)
    await f.join(roomId)
    await f.send(roomId, 'before the drop')
    await e.until(() => e.timeline.messages.length === 1, 10_000, 'the first message')

    // Eve sends and her connection drops before the ack can reach her.
    const clientId = randomUUID()
    const gone = waitForDisconnect(e.socket)
    e.socket.emit('message:send', { roomId, clientId, body: 'sent as the line dropped' }, () => {})
    e.socket.io.engine.close()
    await gone
    await expect
      .poll(async () => (await deps.sql`select 1 from messages where client_id = ${clientId}`).length, {
        timeout: 10_000,
      })
      .toBe(1)
    // Others keep talking while she is away.
    await f.send(roomId, 'while you were away 1')
    await f.send(roomId, 'while you were away 2')

    // She reconnects (a new connection, the state she kept), resends with the same client id, and catches up.
    const again = await connect(1, eve.cookie)
    again.timeline = e.timeline
    await again.join(roomId, lastSeq(again.timeline))
    const resent = await again.send(roomId, 'sent as the line dropped', clientId)
    expect(resent.ok).toBe(true)
    await again.sync(roomId)

    const stored = await deps.sql<
      { id: string; seq: number }[]
    >`select id, seq from messages where room_id = ${roomId} order by seq`
    expect(stored).toHaveLength(4)
    expect(await deps.sql`select 1 from messages where client_id = ${clientId}`).toHaveLength(1)
    expect(again.timeline.messages.map((m) => m.id)).toEqual(stored.map((s) => s.id))
    expect((resent as { data: ChatMessage }).data.id).toBe(stored.find((s) => s.seq === 2)!.id)
  })

  it('a resend with the same client id returns the original ack and creates nothing', async () => {
    const roomId = await roomIdOf(deps, 'parenting')
    const gus = await chatMember(deps, 'parenting')
    const g = await connect(0, gus.cookie)
    await g.join(roomId)
    const clientId = randomUUID()
    const first = await g.send(roomId, 'once only', clientId)
    const second = await g.send(roomId, 'once only', clientId)
    expect(first.ok && second.ok).toBe(true)
    expect(second).toEqual(first)
    expect(await messageCount(roomId)).toBe(1)
  })
})

describe('bad input gets a clear code and writes nothing', () => {
  it('answers every malformed or unauthorised send with its code', async () => {
    const roomId = await roomIdOf(deps, 'loneliness')
    const otherRoomId = await roomIdOf(deps, 'lek')
    const hal = await chatMember(deps, 'loneliness')
    const h = await connect(0, hal.cookie)
    await h.join(roomId)
    const before = (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages`)[0]!.n
    const send = (payload: unknown) => h.request('message:send', payload)
    const code = async (payload: unknown) => {
      const reply = await send(payload)
      return reply.ok ? 'ok' : reply.error.code
    }
    const valid = () => ({ roomId, clientId: randomUUID(), body: 'hello' })

    const cases: Array<[string, unknown, string]> = [
      ['not an object', 'hello', 'VALIDATION_FAILED'],
      ['null', null, 'VALIDATION_FAILED'],
      ['an array', [roomId, 'hello'], 'VALIDATION_FAILED'],
      ['body as a number', { ...valid(), body: 42 }, 'VALIDATION_FAILED'],
      ['room id not a uuid', { ...valid(), roomId: 'anxiety' }, 'VALIDATION_FAILED'],
      ['client id missing', { roomId, body: 'hello' }, 'VALIDATION_FAILED'],
      ['an extra key', { ...valid(), authorId: hal.accountId }, 'VALIDATION_FAILED'],
      [
        'a __proto__ key',
        JSON.parse(`{"roomId":"${roomId}","clientId":"${randomUUID()}","body":"hi","__proto__":{"admin":true}}`),
        'VALIDATION_FAILED',
      ],
      ['only spaces', { ...valid(), body: '   \n\t ' }, 'VALIDATION_FAILED'],
      ['2,001 characters', { ...valid(), body: 'x'.repeat(2001) }, 'VALIDATION_FAILED'],
      ['a control character', { ...valid(), body: 'bell\u0007' }, 'VALIDATION_FAILED'],
      ['a C1 control character', { ...valid(), body: 'next\u0085line' }, 'VALIDATION_FAILED'],
      ['an unknown room', { ...valid(), roomId: randomUUID() }, 'NOT_FOUND'],
      ['a room not joined', { ...valid(), roomId: otherRoomId }, 'FORBIDDEN'],
    ]
    for (const [label, payload, expected] of cases) expect(await code(payload), label).toBe(expected)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    expect((await deps.sql<{ n: number }[]>`select count(*)::int as n from messages`)[0]!.n).toBe(before)

    // 2,000 characters after trimming is the most a message may hold.
    expect(await code({ ...valid(), body: `  ${'y'.repeat(2000)}  ` })).toBe('ok')
  })

  it("refuses a member who has not accepted the room's current rules", async () => {
    const roomId = await roomIdOf(deps, 'samotnosc')
    const ida = await chatMember(deps, 'samotnosc')
    const i = await connect(1, ida.cookie)
    await deps.sql`update rooms set rules_version = rules_version + 1 where id = ${roomId}`
    try {
      const reply = await i.request('room:join', { roomId })
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const sent = await i.send(roomId, 'hello')
      expect(sent).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(await messageCount(roomId)).toBe(0)
    } finally {
      await deps.sql`update rooms set rules_version = rules_version - 1 where id = ${roomId}`
    }
  })

  it('a flood past the member limit is refused with RATE_LIMITED and stores only what was allowed', async () => {
    const roomId = await roomIdOf(deps, 'zaloba')
    const jo = await chatMember(deps, 'zaloba')
    const j = await connect(0, jo.cookie)
    await j.join(roomId)
    const replies = await Promise.all(Array.from({ length: 8 }, (_, n) => j.send(roomId, `flood ${n}`)))
    const codes = replies.map((r) => (r.ok ? 'ok' : r.error.code))
    const count = (code: string) => codes.filter((c) => c === code).length
    const limit = deps.config.CHAT_RATE_LIMIT_MEMBER.limit
    // On a loaded machine a send may pass its deadline and answer UNAVAILABLE, storing nothing (decision 025);
    // every other answer is a stored message within the limit or RATE_LIMITED past it.
    expect(count('ok') + count('RATE_LIMITED') + count('UNAVAILABLE')).toBe(8)
    expect(count('ok')).toBeLessThanOrEqual(limit)
    expect(count('RATE_LIMITED')).toBeGreaterThanOrEqual(8 - limit - count('UNAVAILABLE'))
    expect(count('RATE_LIMITED')).toBeGreaterThan(0)
    expect(await messageCount(roomId)).toBe(count('ok'))
  })

  it('slow mode allows one message per member per period', async () => {
    const roomId = await roomIdOf(deps, 'rodzicielstwo')
    await deps.sql`update rooms set slow_mode_seconds = 30 where id = ${roomId}`
    const kai = await chatMember(deps, 'rodzicielstwo')
    const lu = await chatMember(deps, 'rodzicielstwo')
    const k = await connect(0, kai.cookie)
    const l = await connect(1, lu.cookie)
    expect((await k.send(roomId, 'first')).ok).toBe(true)
    expect(await k.send(roomId, 'second')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    // Someone else may still speak.
    expect((await l.send(roomId, 'mine')).ok).toBe(true)
    expect(await messageCount(roomId)).toBe(2)
  })
})

describe('history, edits, typing, mutes and the room list', () => {
  it('history loads newest first and older pages by cursor, with no gaps or repeats', async () => {
    const roomId = await roomIdOf(deps, 'obnizony-nastroj')
    const authors = await Promise.all([1, 2, 3].map(() => chatMember(deps, 'obnizony-nastroj')))
    const sockets = await Promise.all(authors.map((a, n) => connect((n % 2) as 0 | 1, a.cookie)))
    for (let n = 0; n < 12; n++) expect((await sockets[n % 3]!.send(roomId, `line ${n}`)).ok).toBe(true)

    const reader = await connect(1, authors[0]!.cookie)
    const first = await reader.request<{ messages: ChatMessage[]; hasMore: boolean }>('message:history', {
      roomId,
      beforeSeq: 0,
      limit: 5,
    })
    expect(first.ok && first.data.messages.map((m) => m.body)).toEqual([
      'line 7',
      'line 8',
      'line 9',
      'line 10',
      'line 11',
    ])
    expect(first.ok && first.data.hasMore).toBe(true)
    const seen: string[] = first.ok ? first.data.messages.map((m) => m.body!) : []
    let before = first.ok ? first.data.messages[0]!.seq : 0
    for (;;) {
      const page = await reader.request<{ messages: ChatMessage[]; hasMore: boolean }>('message:history', {
        roomId,
        beforeSeq: before,
        limit: 5,
      })
      if (!page.ok) throw new Error(page.error.code)
      seen.unshift(...page.data.messages.map((m) => m.body!))
      if (!page.data.hasMore) break
      before = page.data.messages[0]!.seq
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, n) => `line ${n}`))
  })

  it("edit and delete one's own message within 10 minutes; originals are kept; others cannot", async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const mo = await chatMember(deps, 'anxiety')
    const ned = await chatMember(deps, 'anxiety')
    const m = await connect(0, mo.cookie)
    const n = await connect(1, ned.cookie)
    await n.join(roomId)
    const sent = (await m.send(roomId, 'I feel tense')) as { ok: true; data: ChatMessage }

    const edited = await m.request<ChatMessage>('message:edit', {
      roomId,
      messageId: sent.data.id,
      body: 'I feel a bit tense',
    })
    expect(edited).toMatchObject({
      ok: true,
      data: { id: sent.data.id, body: 'I feel a bit tense', editedAt: expect.any(String) },
    })
    await n.until(
      () => n.timeline.messages.find((x) => x.id === sent.data.id)?.body === 'I feel a bit tense',
      10_000,
      'the edit',
    )

    expect(await n.request('message:edit', { roomId, messageId: sent.data.id, body: 'hijack' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await n.request('message:delete', { roomId, messageId: sent.data.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    const deleted = await m.request<ChatMessage>('message:delete', { roomId, messageId: sent.data.id })
    expect(deleted).toMatchObject({ ok: true, data: { body: null, deletedAt: expect.any(String) } })
    await n.until(() => n.timeline.messages.find((x) => x.id === sent.data.id)?.deletedAt != null, 10_000, 'the delete')
    expect(JSON.stringify(n.received)).not.toContain('I feel a bit tense"}')

    const revisions = await deps.sql<
      { kind: string; body: string }[]
    >`select kind, body from message_revisions where message_id = ${sent.data.id} order by id`
    expect(revisions).toEqual([
      { kind: 'edit', body: 'I feel tense' },
      { kind: 'delete', body: 'I feel a bit tense' },
    ])

    const late = (await m.send(roomId, 'an old one')) as { ok: true; data: ChatMessage }
    deps.setNow(new Date(Date.now() + 11 * 60_000))
    try {
      expect(await m.request('message:edit', { roomId, messageId: late.data.id, body: 'too late' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    } finally {
      deps.setNow(null)
    }
  })

  it('typing is relayed to the others in the room and never stored', async () => {
    const roomId = await roomIdOf(deps, 'lek')
    const ola = await chatMember(deps, 'lek', { pseudonym: 'Ola Czapla' })
    const pia = await chatMember(deps, 'lek')
    const o = await connect(0, ola.cookie)
    const p = await connect(1, pia.cookie)
    expect(await o.request('typing:set', { roomId, typing: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    await o.join(roomId)
    await p.join(roomId)
    expect(await o.request('typing:set', { roomId, typing: true })).toEqual({ ok: true, data: {} })
    await p.until(() => p.received.some((r) => r.event === 'typing:updated'), 10_000, 'typing')
    expect(p.received.find((r) => r.event === 'typing:updated')!.payload).toEqual({
      roomId,
      typing: true,
      member: { memberId: ola.memberId, pseudonym: 'Ola Czapla', badge: null },
    })
    expect(o.received.some((r) => r.event === 'typing:updated')).toBe(false)
    expect(await messageCount(roomId)).toBe(0)
  })

  it('a personal mute is kept for the muting member only', async () => {
    const roomId = await roomIdOf(deps, 'grief')
    const quinn = await chatMember(deps, 'grief')
    const rae = await chatMember(deps, 'grief')
    const q = await connect(0, quinn.cookie)
    const muted = await q.request<{ mutedMemberIds: string[] }>('member:mute', {
      roomId,
      memberId: rae.memberId,
      muted: true,
    })
    expect(muted).toEqual({ ok: true, data: { mutedMemberIds: [rae.memberId] } })
    expect((await q.join(roomId)).mutedMemberIds).toEqual([rae.memberId])
    const r = await connect(1, rae.cookie)
    expect((await r.join(roomId)).mutedMemberIds).toEqual([])
    expect(await q.request('member:mute', { roomId, memberId: randomUUID(), muted: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await q.request('member:mute', { roomId, memberId: rae.memberId, muted: false })).toEqual({
      ok: true,
      data: { mutedMemberIds: [] },
    })
  })

  it('the room list shows live counts and whether a facilitator is here', async () => {
    const roomId = await roomIdOf(deps, 'samotnosc')
    const watcher = await chatMember(deps, 'anxiety')
    const w = await connect(0, watcher.cookie)
    const watched = await w.request<{ rooms: RoomActivity[] }>('rooms:watch', {})
    expect(watched.ok && watched.data.rooms).toHaveLength(10)
    expect(watched.ok && watched.data.rooms.find((r) => r.roomId === roomId)).toMatchObject({
      count: 0,
      facilitatorHere: false,
    })

    const fac = await chatMember(deps, 'samotnosc', { role: 'facilitator' })
    const f = await connect(1, fac.cookie)
    await f.join(roomId)
    const latest = () => {
      const updates = w.received
        .filter((r) => r.event === 'rooms:updated' && (r.payload as RoomActivity).roomId === roomId)
        .map((r) => r.payload as RoomActivity)
      return updates.sort((x, y) => (x.version < y.version ? -1 : 1)).at(-1)
    }
    await w.until(() => latest()?.count === 1 && latest()?.facilitatorHere === true, 10_000, 'the facilitator arriving')
    f.close()
    await w.until(() => latest()?.count === 0 && latest()?.facilitatorHere === false, 10_000, 'the facilitator leaving')
  })
})

describe('privacy', () => {
  it("nothing a peer receives, by socket or page, carries another member's account id, username, email, session or IP", async () => {
    const slug = 'parenting'
    const roomId = await roomIdOf(deps, slug)
    const subject = await chatMember(deps, slug, { email: 'subject.person@example.org', role: 'facilitator' })
    const peer = await chatMember(deps, slug)
    const p = await connect(1, peer.cookie)
    await p.request('rooms:watch', {})
    await p.join(roomId)

    const s = await connect(0, subject.cookie)
    await s.join(roomId)
    await s.request('typing:set', { roomId, typing: true })
    const sent = (await s.send(roomId, 'a message from the subject')) as { ok: true; data: ChatMessage }
    await s.request('message:edit', { roomId, messageId: sent.data.id, body: 'an edited message from the subject' })
    await s.send(roomId, 'another one')
    await p.until(
      () => p.timeline.messages.filter((m) => m.author.memberId === subject.memberId).length === 2,
      10_000,
      'the messages',
    )
    await p.until(() => p.timeline.messages.some((m) => m.editedAt), 10_000, 'the edit')
    await s.request('message:delete', { roomId, messageId: sent.data.id })
    await p.until(() => p.timeline.messages.some((m) => m.deletedAt), 10_000, 'the delete')
    await p.request('message:sync', { roomId, afterSeq: 0 })
    await p.request('message:history', { roomId, beforeSeq: 0 })
    await p.request('member:mute', { roomId, memberId: subject.memberId, muted: true })
    s.close()
    await p.until(() => !p.presentPseudonyms().includes(subject.pseudonym), 10_000, 'the subject leaving')

    const events = new Set(p.received.map((r) => r.event))
    for (const event of [
      'presence:updated',
      'message:created',
      'message:updated',
      'typing:updated',
      'rooms:updated',
      'ack:room:join',
      'ack:message:sync',
      'ack:message:history',
    ]) {
      expect(events, event).toContain(event)
    }
    const [session] = await deps.sql<{ id: string }[]>`select id from sessions where account_id = ${subject.accountId}`
    const secrets = [
      subject.accountId,
      subject.username,
      'subject.person@example.org',
      session!.id,
      subject.sessionId,
      '127.0.0.1',
    ]
    const socketText = JSON.stringify(p.received)
    expect(socketText).toContain(subject.pseudonym)
    for (const secret of secrets) expect(socketText, `socket payloads contain ${secret}`).not.toContain(secret)

    // Pages and their loader data, as the peer loads them.
    const http = new HttpClient(servers[0]!.baseUrl)
    http.cookies.set('hs_session', peer.cookie.slice('hs_session='.length))
    const pages = [`/rooms`, `/rooms.data`, `/rooms/${slug}`, `/rooms/${slug}.data`]
    for (const path of pages) {
      const response = await http.get(path)
      expect(response.status, path).toBe(200)
      const text = await response.text()
      for (const secret of secrets.slice(0, 5)) expect(text, `${path} contains ${secret}`).not.toContain(secret)
    }
    // Nor do the logs hold message text or who the subject is.
    const logs = deps.logLines.join('\n')
    for (const secret of ['a message from the subject', subject.username, 'subject.person@example.org'])
      expect(logs).not.toContain(secret)

    // Redis keys and presence entries hold ids only: no text, no pseudonym.
    const keys = await deps.redis.keys(`${deps.config.REDIS_PREFIX}:*`)
    const presenceSets = keys.filter((k) => k.includes(':presence:') && !/:presence:server:[^:]+$/.test(k))
    const presenceValues = (await Promise.all(presenceSets.map((k) => deps.redis.smembers(k)))).flat()
    const redisText = JSON.stringify([keys, presenceValues])
    for (const secret of [
      'a message from the subject',
      'another one',
      subject.pseudonym,
      peer.pseudonym,
      subject.accountId,
    ])
      expect(redisText).not.toContain(secret)
    for (const value of presenceValues) expect(value).toMatch(/^[0-9a-f-]{36}$/)
  })
})
