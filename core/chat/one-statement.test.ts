/**
 * The one-round-trip send (docs/decisions/050-one-round-trip-send.md): a plain send (no persist hook has work) is
 * one autocommit statement, with every guarantee of the transaction path: acked = stored exactly once, gapless seqs
 * (a resend's unique violation rolls its seq move back), a resend answers the original, a send abandoned before its
 * statement is never sent, and a statement PostgreSQL runs past its cutoff stores nothing. A crisis message still
 * takes the transaction path (raised with the message). The screens' recent texts come from the socket's cache.
 */
import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sql } from '../../db/client.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import { AppError } from '../errors.js'
import { keyedDigestOfId } from '../identity/identity.crypto.js'
import { measureDbClockOffset } from './chat.queries.js'
import { deleteMessage, editMessage, sendMessage } from './chat.service.js'
import { createSendCache } from './membership-cache.js'
import { chatComposition, type PersistHook } from './send-pipeline.js'

let deps: TestDeps
/** A second pool on the same database, as a second server process has. */
let other: Sql
/** A pool that records every statement it sends (postgres.js `debug`). */
let counted: Sql
let recording: string[] | null = null

beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '1000/10', CHAT_RATE_LIMIT_ROOM: '1000/10' })
  await createSeedRooms(deps)
  const options = { max: 4, onnotice: () => {}, transform: { undefined: null } } as const
  other = postgres(deps.databaseUrl, options) as unknown as Sql
  counted = postgres(deps.databaseUrl, {
    ...options,
    debug: (_connection: number, query: string) => void recording?.push(query.replace(/\s+/g, ' ').trim()),
  }) as unknown as Sql
})
afterAll(async () => {
  await other?.end({ timeout: 1 })
  await counted?.end({ timeout: 1 })
  await deps.close()
})

const rowsOf = async (roomId: string) =>
  deps.sql<
    { id: string; seq: number; clientId: string }[]
  >`select id, seq, client_id as "clientId" from messages where room_id = ${roomId} order by seq`
const storedWithClientId = async (clientId: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where client_id = ${clientId}`)[0]!.n
const actorOf = (m: ChatTestMember) => ({ accountId: m.accountId, role: m.role })
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error))
const gapless = (seqs: number[]) => Array.from({ length: seqs.length }, (_, n) => n + 1)

/**
 * As the member's client does (decision 025): a send answered UNAVAILABLE (on a loaded machine a step can pass its
 * deadline) is sent again with the same client id. For sends whose subject is not the deadline.
 */
async function sendAsClient(...args: Parameters<typeof sendMessage>): ReturnType<typeof sendMessage> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendMessage(...args)
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'UNAVAILABLE') || attempt >= 5) throw error
    }
  }
}

describe('a plain send in one statement', { timeout: 60_000 }, () => {
  it('a warm plain send is one PostgreSQL statement, and a crisis message still takes the transaction path', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    // A facilitator: room hours (their own slice, decision 043) read PostgreSQL for members' sends.
    const member = await chatMember(deps, 'anxiety', { role: 'facilitator' })
    const viaCounted = { ...deps, sql: counted }
    const cache = createSendCache()
    await sendAsClient(
      viaCounted,
      actorOf(member),
      { roomId, clientId: randomUUID(), body: 'The first, cold' },
      { cache },
    )

    recording = []
    const warm = await sendMessage(
      viaCounted,
      actorOf(member),
      { roomId, clientId: randomUUID(), body: 'The second, warm' },
      { cache },
    )
    const plain = recording
    recording = null
    expect(warm.body).toBe('The second, warm')
    expect(plain, plain.join('\n')).toHaveLength(1)
    expect(plain[0]).toMatch(/^with moved as \( update rooms set last_seq/)

    recording = []
    const crisis = await sendMessage(
      viaCounted,
      actorOf(member),
      { roomId, clientId: randomUUID(), body: 'ive been having suicidal thoughts again' },
      { cache },
    )
    const inTransaction = recording
    recording = null
    // High risk, no method named: shown to the room (not held), so only crisis's hook has work.
    expect(crisis.moderation).toBeUndefined()
    expect(inTransaction[0]).toMatch(/^begin/i)
    // Raised in the message's own transaction: the signal names the message.
    const [signal] = await deps.sql<{ n: number }[]>`
      select count(*)::int as n from crisis_signals where message_id = ${crisis.id}`
    expect(signal!.n).toBe(1)
    expect((await rowsOf(roomId)).map((r) => r.seq)).toEqual([1, 2, 3])
  })

  it('a resend answers its original, and its unique violation costs no seq', async () => {
    const roomId = await roomIdOf(deps, 'grief')
    const member = await chatMember(deps, 'grief')
    const cache = createSendCache()
    const clientId = randomUUID()
    const first = await sendAsClient(deps, actorOf(member), { roomId, clientId, body: 'Said once' }, { cache })
    const again = await sendAsClient(deps, actorOf(member), { roomId, clientId, body: 'Said once' }, { cache })
    expect({ id: again.id, seq: again.seq }).toEqual({ id: first.id, seq: first.seq })
    const next = await sendAsClient(deps, actorOf(member), { roomId, clientId: randomUUID(), body: 'Then this' })
    expect(next.seq).toBe(first.seq + 1)
    expect((await rowsOf(roomId)).map((r) => r.seq)).toEqual([1, 2])
  })

  it('a resend that a later step refuses (slow mode, the spam screen) still answers its original', async () => {
    const roomId = await roomIdOf(deps, 'samotnosc')
    const member = await chatMember(deps, 'samotnosc')
    await deps.sql`update rooms set slow_mode_seconds = 600 where id = ${roomId}`
    const clientId = randomUUID()
    const first = await sendAsClient(deps, actorOf(member), { roomId, clientId, body: 'Only one per ten minutes' })
    // Slow mode refuses anything new now; the resend is not new.
    const other = await sendAsClient(deps, actorOf(member), {
      roomId,
      clientId: randomUUID(),
      body: 'Another one',
    }).then(() => 'stored', codeOf)
    expect(other).toBe('RATE_LIMITED')
    const resent = await sendAsClient(deps, actorOf(member), { roomId, clientId, body: 'Only one per ten minutes' })
    expect({ id: resent.id, seq: resent.seq, body: resent.body }).toEqual({
      id: first.id,
      seq: first.seq,
      body: 'Only one per ten minutes',
    })
    await deps.sql`update rooms set slow_mode_seconds = 0 where id = ${roomId}`

    // Two copies stored; the resend of the second is a third copy to the spam screen, which rejects it: not a resend.
    const copies = []
    for (let n = 0; n < 2; n++)
      copies.push(
        await sendAsClient(deps, actorOf(member), {
          roomId,
          clientId: randomUUID(),
          body: 'The very same words said twice',
        }),
      )
    const again = await sendAsClient(deps, actorOf(member), {
      roomId,
      clientId: copies[1]!.clientId,
      body: 'The very same words said twice',
    })
    expect(again.id).toBe(copies[1]!.id)
    expect(await storedWithClientId(copies[1]!.clientId)).toBe(1)
  })

  it('a resend racing its original from two connections is stored once; seqs stay gapless around it', async () => {
    const roomId = await roomIdOf(deps, 'loneliness')
    const members = await Promise.all(Array.from({ length: 3 }, () => chatMember(deps, 'loneliness')))
    const processB = { ...deps, sql: other }
    const twins = members.map((m, i) => ({ m, clientId: randomUUID(), body: `twin message ${i}` }))
    const replies = await Promise.all(
      twins.flatMap(({ m, clientId, body }, i) => [
        sendAsClient(deps, actorOf(m), { roomId, clientId, body }),
        sendAsClient(processB, actorOf(m), { roomId, clientId, body }),
        sendAsClient(i % 2 ? deps : processB, actorOf(m), { roomId, clientId: randomUUID(), body: `other ${i}` }),
      ]),
    )
    const rows = await rowsOf(roomId)
    expect(rows.map((r) => r.seq)).toEqual(gapless(rows.map((r) => r.seq)))
    expect(rows).toHaveLength(6)
    for (const { clientId } of twins) expect(await storedWithClientId(clientId)).toBe(1)
    // Both twins' acks name the one stored row.
    const byClient = new Map(rows.map((r) => [r.clientId, r]))
    for (const reply of replies)
      expect({ id: reply.id, seq: reply.seq }).toEqual({
        id: byClient.get(reply.clientId)!.id,
        seq: byClient.get(reply.clientId)!.seq,
      })
    const after = await sendAsClient(processB, actorOf(members[0]!), { roomId, clientId: randomUUID(), body: 'After' })
    expect(after.seq).toBe(7)
  })

  it('a send abandoned while it waits for its turn is never sent, even when its turn comes', async () => {
    const roomId = await roomIdOf(deps, 'parenting')
    const [stalled, waiting] = await Promise.all([chatMember(deps, 'parenting'), chatMember(deps, 'parenting')])
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const isHeld = new Promise<void>((resolve) => (entered = resolve))
    const stalledId = randomUUID()
    // A transaction-path send that holds the room's queue (this pool's) until the test lets it go.
    const stall: PersistHook = async (_tx, ctx) => {
      if (ctx.input.clientId !== stalledId) return
      entered()
      await released
    }
    const chat = chatComposition(deps)
    const stalling = {
      ...deps,
      chat: { ...chat, send: { ...chat.send, persistHooks: [...chat.send.persistHooks, stall] } },
    }
    const first = sendMessage(stalling, actorOf(stalled), { roomId, clientId: stalledId, body: 'Holding the room' })
    first.catch(() => {})
    await isHeld

    const waitingId = randomUUID()
    const answer = await sendMessage(deps, actorOf(waiting), {
      roomId,
      clientId: waitingId,
      body: 'Waiting behind it',
    }).then(() => 'stored', codeOf)
    expect(answer).toBe('UNAVAILABLE')

    release()
    expect(await first.then(() => 'stored', codeOf)).toBe('UNAVAILABLE')
    // The queue goes on: the next send is the room's first message; the abandoned one never went out.
    const next = await sendAsClient(deps, actorOf(waiting), { roomId, clientId: randomUUID(), body: 'Next' })
    expect(next.seq).toBe(1)
    expect(await storedWithClientId(waitingId)).toBe(0)
    expect(await storedWithClientId(stalledId)).toBe(0)
    expect((await rowsOf(roomId)).map((r) => r.seq)).toEqual([1])
  })

  it('a statement PostgreSQL runs past its cutoff stores nothing: UNAVAILABLE, and the resend is stored once', async () => {
    const roomId = await roomIdOf(deps, 'low-mood')
    const member = await chatMember(deps, 'low-mood')
    const cache = createSendCache()
    await sendAsClient(deps, actorOf(member), { roomId, clientId: randomUUID(), body: 'Before the lock' }, { cache })
    // Another connection holds the room row: the statement waits in PostgreSQL, as behind a stalled database.
    let unlock!: () => void
    const unlocked = new Promise<void>((resolve) => (unlock = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const holder = other.begin(async (tx) => {
      await tx`select last_seq from rooms where id = ${roomId} for update`
      locked()
      await unlocked
    })
    await isLocked
    const lateId = randomUUID()
    const answer = await sendMessage(
      deps,
      actorOf(member),
      { roomId, clientId: lateId, body: 'Sent while the room was locked' },
      { cache },
    ).then(() => 'stored', codeOf)
    expect(answer).toBe('UNAVAILABLE')
    unlock()
    await holder
    // Behind the late statement in this process's queue for the room: it has run when this answers.
    const next = await sendAsClient(deps, actorOf(member), { roomId, clientId: randomUUID(), body: 'After' }, { cache })
    expect(await storedWithClientId(lateId)).toBe(0)
    expect(next.seq).toBe(2)
    const resent = await sendAsClient(
      deps,
      actorOf(member),
      { roomId, clientId: lateId, body: 'Sent while the room was locked' },
      { cache },
    )
    expect(resent.seq).toBe(3)
    expect(await storedWithClientId(lateId)).toBe(1)
  })
})

describe("the screens' recent texts from the socket's cache", { timeout: 60_000 }, () => {
  it("are appended by the socket's own sends (the third copy is refused) and reread after an edit or delete", async () => {
    const roomId = await roomIdOf(deps, 'lek')
    const member = await chatMember(deps, 'lek')
    const cache = createSendCache()
    const send = (body: string) =>
      sendAsClient(deps, actorOf(member), { roomId, clientId: randomUUID(), body }, { cache }).then(
        (m) => m,
        (error: unknown) => codeOf(error),
      )
    // The first send reads the (empty) recent texts and keeps them; the next two copies are seen only through the
    // cache's appends.
    expect(typeof (await send('A message about my week'))).toBe('object')
    const second = await send('The same words again and again')
    expect(typeof second).toBe('object')
    expect(typeof (await send('The same words again and again'))).toBe('object')
    expect(await send('The same words again and again')).toBe('MESSAGE_REJECTED')

    // An edit changes what the screens must see: the entry is dropped and the texts read again.
    const { id } = second as { id: string }
    await editMessage(deps, member.accountId, { roomId, messageId: id, body: 'Something else entirely now' })
    expect(typeof (await send('The same words again and again'))).toBe('object')
    const [latest] = await deps.sql<{ id: string }[]>`
      select m.id from messages m join room_memberships rm on rm.id = m.membership_id
      where rm.account_id = ${member.accountId} order by m.seq desc limit 1`
    await deleteMessage(deps, member.accountId, { roomId, messageId: latest!.id })
    // Two copies remain after the delete (the third send and this one): allowed, where a stale cache would refuse.
    expect(typeof (await send('The same words again and again'))).toBe('object')
  })
})

describe("the cutoff on PostgreSQL's clock", () => {
  it("measures PostgreSQL's clock against the server's, so a clock that differs moves the cutoff with it", async () => {
    // In step with the server: a difference of about nothing (within the round trip).
    expect(Math.abs(await measureDbClockOffset(deps.sql))).toBeLessThan(1_000)
    // A server whose clock runs 5 s behind PostgreSQL's finds PostgreSQL 5 s ahead.
    const behind = await measureDbClockOffset(deps.sql, () => Date.now() - 5_000)
    expect(behind).toBeGreaterThan(4_000)
    expect(behind).toBeLessThan(6_000)
  })
})

describe('plain sends for several rooms in one turn (decision 065)', { timeout: 60_000 }, () => {
  const slugs = ['obnizony-nastroj', 'zaloba', 'rodzicielstwo'] as const
  let rooms: Array<{ roomId: string; member: ChatTestMember; cache: ReturnType<typeof createSendCache> }>
  const viaCounted = () => ({ ...deps, sql: counted })
  const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
  /** A send by the room's member on its warm socket cache, through the counting connection. */
  const sendIn = (room: (typeof rooms)[0], clientId: string, body: string) =>
    sendMessage(viaCounted(), actorOf(room.member), { roomId: room.roomId, clientId, body }, { cache: room.cache })

  beforeAll(async () => {
    rooms = []
    for (const slug of slugs) {
      const roomId = await roomIdOf(deps, slug)
      // Facilitators: room hours read PostgreSQL for members' sends (decision 043), which would spread them over turns.
      const member = await chatMember(deps, slug, { role: 'facilitator' })
      const cache = createSendCache()
      // Warm: the room, membership, sanctions and recent texts are in the socket's cache.
      await sendAsClient(
        deps,
        actorOf(member),
        { roomId, clientId: randomUUID(), body: `Hello from ${slug}` },
        { cache },
      )
      rooms.push({ roomId, member, cache })
    }
  })

  it('are written by one statement: each room gapless, every ack the row stored once', async () => {
    const sends = rooms.flatMap((room, r) =>
      Array.from({ length: r + 1 }, (_, n) => ({ ...room, clientId: randomUUID(), body: `Room ${r} says ${n}` })),
    )
    recording = []
    const acks = await Promise.all(sends.map((s) => sendIn(s, s.clientId, s.body)))
    // The writes only (not postgres.js' look-up of array types on a fresh connection, nor the clock measurement).
    const statements = recording.filter((q) => q.includes('insert into messages'))
    recording = null
    expect(statements, statements.join('\n')).toHaveLength(1)
    expect(statements[0]).toMatch(/^with wanted as/)
    for (const [r, room] of rooms.entries()) {
      const rows = await rowsOf(room.roomId)
      // The warm-up's message, then this room's r + 1 sends, in the order they were sent.
      expect(rows.map((row) => row.seq)).toEqual(upTo(r + 2))
      const mine = sends.filter((s) => s.roomId === room.roomId)
      expect(rows.slice(1).map((row) => row.clientId)).toEqual(mine.map((s) => s.clientId))
    }
    for (const [n, ack] of acks.entries()) {
      const [row] = await deps.sql<{ id: string; seq: number; roomId: string }[]>`
        select id, seq, room_id as "roomId" from messages where client_id = ${sends[n]!.clientId}`
      expect({ id: ack.id, seq: ack.seq, roomId: ack.roomId, body: ack.body }).toEqual({
        ...row,
        body: sends[n]!.body,
      })
    }
  })

  it('a resend in one room fails the shared statement, and each room is written again on its own: the resend answers its original, no seq is lost', async () => {
    const [a, b, c] = rooms as [(typeof rooms)[0], (typeof rooms)[0], (typeof rooms)[0]]
    const before = await Promise.all(rooms.map((room) => rowsOf(room.roomId)))
    const original = before[0]!.at(-1)!
    const fresh = [
      { ...b, clientId: randomUUID(), body: 'Fresh in the second room' },
      { ...c, clientId: randomUUID(), body: 'Fresh in the third room' },
    ]
    recording = []
    const [again, ...acks] = await Promise.all([
      sendIn(a, original.clientId, 'Room 0 says 0'),
      ...fresh.map((s) => sendIn(s, s.clientId, s.body)),
    ])
    const statements = recording.filter((q) => q.includes('insert into messages'))
    recording = null
    // The shared statement first (it failed on the resend and stored nothing), then one per room.
    expect(statements[0], statements.join('\n')).toMatch(/^with wanted as/)
    expect(statements.filter((s) => /^with moved as/.test(s)).length).toBeGreaterThanOrEqual(3)
    expect({ id: again!.id, seq: again!.seq }).toEqual({ id: original.id, seq: original.seq })
    expect(await storedWithClientId(original.clientId)).toBe(1)
    const after = await Promise.all(rooms.map((room) => rowsOf(room.roomId)))
    expect(after[0]!.map((r) => r.seq)).toEqual(before[0]!.map((r) => r.seq))
    for (const [n, s] of fresh.entries()) {
      const rows = after[n + 1]!
      expect(rows.map((r) => r.seq)).toEqual(upTo(before[n + 1]!.length + 1))
      expect(rows.at(-1)).toEqual({ id: acks[n]!.id, seq: acks[n]!.seq, clientId: s.clientId })
    }
  })
  it('the plain sends that arrive while a statement is on its way wait for it, and are written after it', async () => {
    const [a, b, c] = rooms as [(typeof rooms)[0], (typeof rooms)[0], (typeof rooms)[0]]
    // The sender's own rate-limit bucket: one more entry once their send has passed the rate limit (it then reaches
    // persist in the same turn).
    const bucket = (s: (typeof rooms)[0]) =>
      `${deps.config.REDIS_PREFIX}:rl:chat-member:${keyedDigestOfId(deps.config.SESSION_SECRET, s.member.accountId)}`
    const passedRateLimit = (s: (typeof rooms)[0], before: number) =>
      expect.poll(() => deps.redis.zcard(bucket(s)), { timeout: 20_000 }).toBeGreaterThan(before)
    const clientIds = [randomUUID(), randomUUID(), randomUUID()]
    const send = (s: (typeof rooms)[0], n: number) =>
      sendIn(s, clientIds[n]!, `Send ${n} of three`).then(
        (ack) => ack,
        (error: unknown) => codeOf(error),
      )
    const writes = () => recording!.filter((q) => q.includes('insert into messages'))

    // Another process holds the first room's row: the statement for its send waits in PostgreSQL.
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const holding = other.begin(async (tx) => {
      await tx`select 1 from rooms where id = ${a.roomId} for update`
      locked()
      await released
    })
    await isLocked
    recording = []
    const first = send(a, 0)
    await expect.poll(() => writes().length, { timeout: 20_000 }).toBe(1)
    // Two plain sends for other rooms (rows nobody holds), one after the other, both past their rate limit and so
    // at persist: neither is written while the statement before them waits.
    const bBefore = await deps.redis.zcard(bucket(b))
    const second = send(b, 1)
    await passedRateLimit(b, bBefore)
    const cBefore = await deps.redis.zcard(bucket(c))
    const third = send(c, 2)
    await passedRateLimit(c, cBefore)
    expect(writes(), writes().join('\n')).toHaveLength(1)
    release()
    await holding
    const outcomes = await Promise.all([first, second, third])
    const after = writes()
    recording = null
    // Then together (or, for one answered UNAVAILABLE by its deadline meanwhile on a slow machine, without it).
    expect(after.length).toBeLessThanOrEqual(2)
    if (typeof outcomes[1] !== 'string' && typeof outcomes[2] !== 'string') expect(after[1]).toMatch(/with wanted as/)
    for (const [n, s] of [a, b, c].entries()) {
      const rows = await rowsOf(s.roomId)
      expect(rows.map((r) => r.seq)).toEqual(upTo(rows.length))
      const outcome = outcomes[n]!
      // Acked = stored once; a send answered UNAVAILABLE (its deadline passed while it waited) is stored nowhere.
      if (typeof outcome === 'string') {
        expect(outcome).toBe('UNAVAILABLE')
        expect(await storedWithClientId(clientIds[n]!)).toBe(0)
      } else expect(rows.at(-1)!.id).toBe(outcome.id)
    }
  })
})
