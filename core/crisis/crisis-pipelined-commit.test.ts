/**
 * A send's transaction with BEGIN and COMMIT pipelined (docs/decisions/073-pipelined-begin-and-commit.md), against
 * real PostgreSQL: a statement that leaves with the COMMIT and fails makes PostgreSQL answer the COMMIT with ROLLBACK
 * (no error), so nothing may be stored, nothing announced, and the connection must come back to the pool idle.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSql, keepPoolWarm, poolHoldable, poolHoldableAgain, type Sql } from '../../db/client.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { afterCommit, commitWith } from '../after-commit.js'
import { createSendCache } from '../chat/membership-cache.js'
import { sendMessage, type PersistHook } from '../chat/send-pipeline.js'
import type { CoreDeps } from '../deps.js'
import type { RealtimePublisher } from '../realtime/realtime.publisher.js'
import { raiseCrisis } from './crisis.service.js'

const HIGH = 'ive been having suicidal thoughts again'
const APPLICATION = 'pipelined-commit-test'

let deps: TestDeps
let pool: Sql
let via: CoreDeps
const emitted: Array<{ event: string; payload: { incidentId?: string | null } }> = []
/** What the test hook registered after commit: the client ids of the sends whose transaction committed. */
const committed: string[] = []
/** Sends (by client id) whose transaction gets a statement that raises, handed to the COMMIT. */
const failing = new Set<string>()
/** Sends (by client id) during whose transaction another connection commits the member's open incident first. */
const racing = new Map<string, { incidentId?: string }>()
/** Sends (by client id) whose connection is terminated once the message's insert has answered. */
const terminating = new Set<string>()

/**
 * After the real hooks: registers an announcement (to see whether the after-commit queue ran) and does what the send
 * was marked for, for real.
 */
const testHook: PersistHook = async (tx, ctx) => {
  const clientId = ctx.input.clientId
  afterCommit(tx, () => committed.push(clientId))
  // Division by zero, found when it runs, after the flag's and the raise's statements.
  if (failing.has(clientId)) commitWith(tx, tx`select 1 / (count(*)::int - count(*)::int) as n from rooms`)
}
testHook.appliesTo = () => true
testHook.alongside = async (tx, ctx) => {
  const clientId = ctx.input.clientId
  const race = racing.get(clientId)
  if (race && !race.incidentId) {
    // The raise has read "no open incident"; another connection now commits one for the member (a report, another
    // room), so the raise's incident, sent with the COMMIT, meets the unique index on a member's open incident.
    await ctx.crisis!.reads!.reads
    const raised = await raiseCrisis(deps, { memberAccountId: ctx.actor.accountId, source: 'report', level: 'high' })
    race.incidentId = raised.incidentId
  }
  if (terminating.delete(clientId)) {
    // Terminated by another connection while this transaction waits on its own statement.
    const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`
    const terminated = deps.sql`select pg_terminate_backend(${pid}) from pg_sleep(0.2)`.then((rows) => rows)
    await tx`select pg_sleep(5)`.finally(() => terminated)
  }
}

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  pool = createSql(deps.databaseUrl, { max: 2, application: APPLICATION })
  // Kept open and warm as the server's pool is: only then does a send's transaction hold its connection itself.
  await keepPoolWarm(pool, async () => {})
  const realtime: RealtimePublisher = {
    ...deps.realtime,
    emitToRoom: (room, event, payload) => {
      emitted.push({ event, payload: payload as never })
      deps.realtime.emitToRoom(room, event, payload)
    },
  }
  const chat = deps.chat!
  via = {
    ...deps,
    sql: pool,
    realtime,
    chat: { ...chat, send: { ...chat.send, persistHooks: [...chat.send.persistHooks, testHook] } },
  }
})
afterAll(async () => {
  await pool?.end({ timeout: 1 })
  await deps?.close()
})

async function member() {
  const roomId = await roomIdOf(deps, 'low-mood')
  const m = await chatMember(deps, 'low-mood')
  const actor = { accountId: m.accountId, role: 'member' as const, locale: 'en', country: 'GB' }
  const cache = createSendCache()
  const send = (body: string, clientId = randomUUID()) =>
    sendMessage(via, actor, { roomId, clientId, body }, { cache }).then((ack) => ({ ack, clientId }))
  return { ...m, roomId, send }
}

const storedWith = async (clientId: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where client_id = ${clientId}`)[0]!.n

/** Backends of the test pool inside a transaction right now (none may be, between sends). */
const inTransaction = async () =>
  (
    await deps.sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where application_name = ${APPLICATION} and state like 'idle in transaction%'`
  )[0]!.n

/** Every connection of the pool held at once (each transaction waits for the other): none was kept by anyone. */
async function holdEveryConnection(): Promise<number[]> {
  let arrived = 0
  let everyoneIn!: () => void
  const allIn = new Promise<void>((resolve) => (everyoneIn = resolve))
  const held = Promise.all(
    [0, 1].map(() =>
      pool.begin(async (tx) => {
        const [{ pid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`
        if (++arrived === 2) everyoneIn()
        await allIn
        return pid
      }),
    ),
  )
  let timer: NodeJS.Timeout | undefined
  const leaked = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error('a pooled connection was never given back')), 10_000)),
  )
  try {
    return await Promise.race([held, leaked])
  } finally {
    clearTimeout(timer)
  }
}

/** The pool is kept warm again (a replaced connection's round has ended), so sends pipeline again. */
async function poolSettled(): Promise<void> {
  await poolHoldableAgain(pool)
  expect(poolHoldable(pool)).toBe(true)
}

describe('a send whose COMMIT is pipelined', { timeout: 60_000 }, () => {
  it('commits and announces a crisis message as before', async () => {
    const me = await member()
    const { ack, clientId } = await me.send(HIGH)
    expect(ack.crisis?.incidentId).toEqual(expect.any(String))
    expect(await storedWith(clientId)).toBe(1)
    expect(committed).toContain(clientId)
    expect(emitted.some((e) => e.event === 'crisis:card' && e.payload.incidentId === ack.crisis!.incidentId)).toBe(true)
    expect(await inTransaction()).toBe(0)
  })

  it('a statement sent with the COMMIT that raises: nothing stored, nothing announced, the connection idle', async () => {
    const me = await member()
    const clientId = randomUUID()
    failing.add(clientId)
    const before = emitted.length
    await expect(me.send('hello, is anyone around tonight?', clientId)).rejects.toThrow()
    expect(await storedWith(clientId)).toBe(0)
    expect(committed).not.toContain(clientId)
    expect(emitted.slice(before)).toEqual([])
    expect(await inTransaction()).toBe(0)
    // Both connections are usable: the member's next messages are stored and told.
    for (let i = 0; i < 2; i++) {
      const next = await me.send(`still here ${i}`)
      expect(await storedWith(next.clientId)).toBe(1)
      expect(committed).toContain(next.clientId)
    }
  })

  it('a raise that meets an incident committed meanwhile rolls back, then the send attaches to it', async () => {
    const me = await member()
    const clientId = randomUUID()
    const race: { incidentId?: string } = {}
    racing.set(clientId, race)
    const before = emitted.length
    const logged = deps.logLines.length
    const { ack } = await me.send(HIGH, clientId)
    expect(race.incidentId).toEqual(expect.any(String))
    // The pipelined attempt rolled back at COMMIT (the unique index on a member's open incident) and was written again.
    expect(deps.logLines.slice(logged).join('')).toContain('rolled back at its pipelined COMMIT')
    expect(ack.crisis?.incidentId).toBe(race.incidentId)
    expect(await storedWith(clientId)).toBe(1)
    const incidents = await deps.sql<{ id: string }[]>`
      select id from crisis_incidents where member_account_id = ${me.accountId}`
    expect(incidents.map((i) => i.id)).toEqual([race.incidentId])
    const signals = await deps.sql<{ n: number }[]>`
      select count(*)::int as n from crisis_signals where incident_id = ${race.incidentId!} and message_id = ${ack.id}`
    expect(signals[0]!.n).toBe(1)
    // Told once, and only about the incident that exists: nothing of the rolled-back attempt.
    const told = emitted.slice(before)
    expect(told.filter((e) => e.event === 'crisis:card').map((e) => e.payload.incidentId)).toEqual([race.incidentId])
    const incidentsTold = told.filter((e) => e.event === 'incident:updated' || e.event === 'crisis:status')
    expect(incidentsTold.length).toBeGreaterThan(0)
    for (const e of incidentsTold) expect(e.payload.incidentId).toBe(race.incidentId)
    expect(committed.filter((id) => id === clientId)).toHaveLength(1)
    expect(await inTransaction()).toBe(0)
  })

  it('a connection lost mid-transaction: the send fails, nothing stored, the pool replaces it and keeps both', async () => {
    const me = await member()
    await poolSettled()
    const clientId = randomUUID()
    terminating.add(clientId)
    // Answered at once (a lost connection is UNAVAILABLE to the sender), not after a deadline.
    await expect(me.send(HIGH, clientId)).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    expect(await storedWith(clientId)).toBe(0)
    expect(committed).not.toContain(clientId)
    await poolSettled()
    expect(new Set(await holdEveryConnection()).size).toBe(2)
    const next = await me.send('back again')
    expect(await storedWith(next.clientId)).toBe(1)
  })

  it('many sends, some failing at COMMIT, from several members at once: no connection is kept', async () => {
    await poolSettled()
    const members = await Promise.all([member(), member(), member(), member(), member(), member()])
    const outcomes: Array<Promise<unknown>> = []
    for (let round = 0; round < 4; round++) {
      for (const [n, me] of members.entries()) {
        const clientId = randomUUID()
        if ((round + n) % 2 === 0) failing.add(clientId)
        outcomes.push(
          me.send(round % 3 === 0 ? HIGH : `message ${round}`, clientId).catch((e) => `failed ${(e as Error).message}`),
        )
      }
      await Promise.all(outcomes.slice(-members.length))
    }
    const results = await Promise.all(outcomes)
    expect(
      results.filter((r) => typeof r === 'string' && r.startsWith('failed')),
      String(results),
    ).toHaveLength(12)
    expect(await inTransaction()).toBe(0)
    expect(new Set(await holdEveryConnection()).size).toBe(2)
    expect(poolHoldable(pool)).toBe(true)
  })
})
