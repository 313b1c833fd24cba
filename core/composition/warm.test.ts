import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSql, keepPoolWarm, poolHoldable, poolHoldableAgain, poolWarmRounds, type Sql } from '../../db/client.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { sendMessage } from '../chat/send-pipeline.js'
import { warmConnection, warmSendPath } from './warm.js'

const RISKY = "i can't do this anymore, i'm going to kill myself tonight"

describe('warming the send path at start (decision 051)', () => {
  it('reaches the risk rules in English and Polish, and ordinary messages, without storing or sending anything', () => {
    const report = warmSendPath(1)
    // A warm-up that never read a message at risk would leave the crisis path cold for the first member in crisis.
    for (const language of ['en', 'pl'] as const) {
      expect(report.levels[language]).toContain('none')
      expect(report.levels[language].some((level) => level === 'high' || level === 'imminent')).toBe(true)
    }
    // The moderation screen read every warm-up text too.
    expect(report.outcomes).toHaveLength(report.levels.en.length + report.levels.pl.length)
  })
})

/**
 * The database pool (decision 064), with real PostgreSQL: what is prepared on a backend is only visible from that
 * backend, so each check runs on every pooled connection (held all at once, so each is a different one).
 */
describe('warming the database pool (decision 064)', () => {
  let deps: TestDeps
  let admin: Sql
  const pools: Sql[] = []
  /** The statements of a crisis send's transaction (the raise's reads and writes, the room's seq and the message). */
  const CRISIS_STATEMENTS = [
    'select id, role, locale, email, country from accounts where id',
    'from crisis_incidents where member_account_id',
    'from escalation_policies p where p.is_default',
    'insert into crisis_incidents',
    'insert into crisis_signals',
    'insert into crisis_events',
    'insert into outbox',
    'update rooms set last_seq = last_seq + 1',
    'insert into messages',
    'insert into moderation_flags',
  ]
  /** The crisis send's writes: what PostgreSQL does only when one runs (plans, foreign-key checks, the outbox trigger). */
  const CRISIS_WRITES = CRISIS_STATEMENTS.filter((w) => /^(insert|update)/.test(w))

  beforeAll(async () => {
    deps = await createTestDeps()
    await createSeedRooms(deps)
    admin = createSql(deps.databaseUrl, { max: 1, application: 'warm-test-admin' })
  })
  afterAll(async () => {
    for (const pool of pools) await pool.end({ timeout: 5 })
    await admin.end({ timeout: 5 })
    await deps.close()
  })

  const newPool = (max: number) => {
    const application = `warm-test-${randomUUID().slice(0, 8)}`
    const pool = createSql(deps.databaseUrl, { max, application })
    pools.push(pool)
    return { pool, application }
  }
  const backendsOf = async (application: string) =>
    (
      await admin<{ pid: number }[]>`
        select pid from pg_stat_activity where application_name = ${application} order by pid`
    ).map((r) => r.pid)
  /** On every connection of the pool at once: its backend and which crisis statements it has prepared. */
  const preparedPerBackend = async (pool: Sql, max: number) => {
    const held = await Promise.all(Array.from({ length: max }, () => pool.reserve()))
    try {
      return await Promise.all(
        held.map(async (c) => {
          const pid = (await c<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid
          const statements = (
            await c<
              { statement: string }[]
            >`select statement || ' :: ' || parameter_types::text as statement from pg_prepared_statements`
          ).map((r) => r.statement.replace(/\s+/g, ' '))
          const executed = (
            await c<{ statement: string }[]>`
              select statement from pg_prepared_statements where generic_plans + custom_plans > 0`
          ).map((r) => r.statement.replace(/\s+/g, ' '))
          return {
            pid,
            /** Which of CRISIS_STATEMENTS are prepared here. */
            crisis: CRISIS_STATEMENTS.filter((w) => statements.some((s) => s.includes(w))),
            /** How many prepared statements match one of them (a second variant of one would count twice). */
            crisisPrepared: statements.filter((s) => CRISIS_STATEMENTS.some((w) => s.includes(w))).length,
            /** Which of CRISIS_WRITES some prepared statement here has run (been planned), not only been described. */
            executed: CRISIS_WRITES.filter((w) => executed.some((s) => s.includes(w))),
          }
        }),
      )
    } finally {
      for (const c of held) c.release()
    }
  }

  it('opens every pooled connection and prepares the crisis transaction on each before first use, storing nothing', async () => {
    const { pool, application } = newPool(4)
    const report = await keepPoolWarm(pool, warmConnection)
    expect(new Set(report.backends).size).toBe(4)
    // Open before anything asked for them: a lazy pool has no backend yet.
    expect(await backendsOf(application)).toEqual([...report.backends].sort((a, b) => a - b))
    const per = await preparedPerBackend(pool, 4)
    expect(per.map((b) => b.pid).sort()).toEqual([...report.backends].sort())
    for (const backend of per) expect(backend.crisis).toEqual(CRISIS_STATEMENTS)
    // The writes ran once on every backend (decision 076), in a savepoint rolled back: nothing of them is stored.
    for (const backend of per) expect(backend.executed).toEqual(CRISIS_WRITES)
    const [counts] = await admin<
      { incidents: number; messages: number; outbox: number; flags: number; warmAccounts: number; warmRooms: number }[]
    >`
      select (select count(*) from crisis_incidents)::int as incidents, (select count(*) from messages)::int as messages,
             (select count(*) from outbox)::int as outbox, (select count(*) from moderation_flags)::int as flags,
             (select count(*) from accounts where username like 'warm-%')::int as "warmAccounts",
             (select count(*) from rooms where slug like 'warm-%')::int as "warmRooms"`
    expect(counts).toEqual({ incidents: 0, messages: 0, outbox: 0, flags: 0, warmAccounts: 0, warmRooms: 0 })
  })

  it("sends no outbox notification: the rolled-back writes' trigger never wakes the relay", async () => {
    const heard: string[] = []
    const listener = createSql(deps.databaseUrl, { max: 1, application: 'warm-test-listener' })
    pools.push(listener)
    await listener.listen('outbox', (payload) => heard.push(`outbox:${payload}`))
    const marker = randomUUID()
    await listener.listen('warm_test_marker', (payload) => heard.push(`marker:${payload}`))
    const { pool } = newPool(2)
    const report = await keepPoolWarm(pool, warmConnection)
    expect(report.warmed).toBe(2)
    // Notifications arrive in commit order: once the marker (committed after the warm-up) is heard, any notification
    // the warm-up had sent would have been heard before it.
    await admin`select pg_notify('warm_test_marker', ${marker})`
    await expect.poll(() => heard.includes(`marker:${marker}`), { timeout: 10_000 }).toBe(true)
    expect(heard).toEqual([`marker:${marker}`])
  })

  it('reopens and warms a connection that closed before it takes work', async () => {
    const { pool, application } = newPool(2)
    const first = await keepPoolWarm(pool, warmConnection)
    const [gone, kept] = first.backends as [number, number]
    await admin`select pg_terminate_backend(${gone})`
    // The pool replaces it on its own (a lazy pool would reopen it only when work found no idle connection).
    await expect.poll(() => backendsOf(application), { timeout: 15_000 }).toEqual(expect.arrayContaining([kept]))
    await expect
      .poll(async () => (await backendsOf(application)).filter((pid) => pid !== kept && pid !== gone).length, {
        timeout: 15_000,
      })
      .toBe(1)
    // The first work the new backend is handed already finds the crisis statements prepared.
    const per = await preparedPerBackend(pool, 2)
    const replaced = per.find((b) => b.pid !== kept)!
    expect(replaced.pid).not.toBe(gone)
    expect(replaced.crisis).toEqual(CRISIS_STATEMENTS)
    expect(poolWarmRounds(pool)).toBeGreaterThanOrEqual(2)
    // Holdable again once a round held both: what the pipelined commit waits for before it reserves.
    await poolHoldableAgain(pool)
    expect(poolHoldable(pool)).toBe(true)
  }, 60_000)

  it("covers a real crisis send's statements: the send prepares nothing new on a warmed connection", async () => {
    const max = deps.sql.options.max
    await keepPoolWarm(deps.sql, warmConnection)
    const before = await preparedPerBackend(deps.sql, max)
    const member = await chatMember(deps, 'low-mood')
    const ack = await sendMessage(
      deps,
      { accountId: member.accountId, role: 'member', locale: 'en', country: 'GB' },
      { roomId: await roomIdOf(deps, 'low-mood'), clientId: randomUUID(), body: RISKY },
    )
    expect(ack.crisis?.incidentId).toEqual(expect.any(String))
    const after = await preparedPerBackend(deps.sql, max)
    // Same backends; whichever one ran the crisis transaction, no crisis statement of it was new there.
    expect(after.map((b) => b.pid).sort()).toEqual(before.map((b) => b.pid).sort())
    for (const backend of after) expect(backend.crisis).toEqual(CRISIS_STATEMENTS)
    const prepared = (list: typeof before) => Object.fromEntries(list.map((b) => [b.pid, b.crisisPrepared]))
    expect(prepared(after)).toEqual(prepared(before))
  })
})
