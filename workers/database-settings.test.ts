/**
 * Scale-out settings for PostgreSQL (issue 16): DATABASE_POOL_MAX bounds each process's connections (counted in
 * pg_stat_activity), DATABASE_PREPARE=false leaves no prepared statement on the server (PgBouncer's transaction mode),
 * the outbox relay LISTENs on its own connection (DATABASE_DIRECT_URL), and says so when LISTEN hears nothing — here a
 * LISTEN on another database, which hears no notification, as through a transaction pooler.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../core/config/config.js'
import { createCoreDeps } from '../core/runtime.js'
import { enqueueOutbox } from '../core/outbox/outbox.queries.js'
import { createSql, type Sql } from '../db/client.js'
import { createTestDatabase } from '../tests/support/database.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { childEnv } from '../tests/support/processes.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'

let deps: TestDeps
let other: Awaited<ReturnType<typeof createTestDatabase>>
const closers: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  other = await createTestDatabase()
})
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => {})
  await other?.drop()
  await deps?.close()
})

const configWith = (extra: Record<string, string>) => loadConfig(childEnv(deps, { LOG_LEVEL: 'silent', ...extra }))
const connectionsOf = async (application: string) =>
  (
    await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from pg_stat_activity where application_name = ${application}`
  )[0]!.n

describe('PostgreSQL settings for scale-out', () => {
  it('parses the settings with their defaults and names a bad one', () => {
    const defaults = configWith({})
    expect([defaults.DATABASE_POOL_MAX, defaults.DATABASE_PREPARE, defaults.DATABASE_DIRECT_URL]).toEqual([
      10,
      true,
      undefined,
    ])
    const set = configWith({
      DATABASE_POOL_MAX: '25',
      DATABASE_PREPARE: 'false',
      DATABASE_DIRECT_URL: 'postgres://db-direct:5432/holdspace',
    })
    expect([set.DATABASE_POOL_MAX, set.DATABASE_PREPARE, set.DATABASE_DIRECT_URL]).toEqual([
      25,
      false,
      'postgres://db-direct:5432/holdspace',
    ])
    for (const [name, value] of [
      ['DATABASE_POOL_MAX', '0'],
      ['DATABASE_POOL_MAX', 'ten'],
      ['DATABASE_PREPARE', 'maybe'],
      ['DATABASE_DIRECT_URL', 'mysql://x'],
    ]) {
      expect(() => configWith({ [name!]: value! }), `${name}=${value}`).toThrow(ConfigError)
      expect(() => configWith({ [name!]: value! })).toThrow(new RegExp(name!))
    }
  })

  it('a process opens at most DATABASE_POOL_MAX connections, however many queries wait', async () => {
    const application = `hs-pool-${randomBytes(3).toString('hex')}`
    const core = createCoreDeps(configWith({ DATABASE_POOL_MAX: '3' }), application)
    closers.push(() => core.close())
    let seen = 0
    const watching = (async () => {
      for (let i = 0; i < 100 && seen < 3; i++) seen = Math.max(seen, await connectionsOf(application))
    })()
    await Promise.all(Array.from({ length: 12 }, () => core.sql`select pg_sleep(0.05)`))
    await watching
    expect(seen).toBe(3)
    expect(await connectionsOf(application)).toBeLessThanOrEqual(3)
  })

  it('DATABASE_PREPARE=false leaves no prepared statement on the connection; the default prepares', async () => {
    const preparedAfterQueries = async (prepare: string) => {
      const core = createCoreDeps(
        configWith({ DATABASE_POOL_MAX: '1', DATABASE_PREPARE: prepare }),
        `hs-prepare-${prepare}`,
      )
      closers.push(() => core.close())
      for (let i = 0; i < 3; i++) expect((await core.sql<{ n: number }[]>`select ${i}::int as n`)[0]!.n).toBe(i)
      return (await core.sql<{ n: number }[]>`select count(*)::int as n from pg_prepared_statements`)[0]!.n
    }
    expect(await preparedAfterQueries('false')).toBe(0)
    expect(await preparedAfterQueries('true')).toBeGreaterThan(0)
  })

  it('the relay LISTENs on its own connection and wakes on a notification, without polling', async () => {
    const application = `hs-listen-${randomBytes(3).toString('hex')}`
    const listenSql = createSql(deps.databaseUrl, { max: 1, application })
    closers.push(() => listenSql.end({ timeout: 1 }))
    const relay = startOutboxRelay({
      sql: deps.sql,
      listenSql,
      redis: deps.redis,
      prefix: deps.config.REDIS_PREFIX,
      log: deps.log,
      pollMs: 600_000,
    })
    closers.push(() => relay.stop())
    await expect
      .poll(() =>
        deps.sql`select 1 from pg_stat_activity where application_name = ${application} and query ilike 'listen%'`.then(
          (r) => r.length,
        ),
      )
      .toBe(1)
    const before = relay.sent
    await deps.sql.begin((tx) => enqueueOutbox(tx, 'retention:purge', {}))
    await expect.poll(() => relay.sent, { timeout: 20_000 }).toBeGreaterThan(before)
    expect(relay.listenState).toBe('listening')
    await relay.stop()
  })

  it("says so when LISTEN hears nothing (a pooler in the way): a log line and the relay's state, delivering by polling", async () => {
    const deaf: Sql = other.sql
    const relay: OutboxRelay = startOutboxRelay({
      sql: deps.sql,
      listenSql: deaf,
      redis: deps.redis,
      prefix: deps.config.REDIS_PREFIX,
      log: deps.log,
      pollMs: 100,
    })
    closers.push(() => relay.stop())
    for (let i = 0; i < 4; i++) {
      const before = relay.sent
      await deps.sql.begin((tx) => enqueueOutbox(tx, 'retention:purge', {}))
      await expect.poll(() => relay.sent, { timeout: 20_000 }).toBeGreaterThan(before)
    }
    await expect.poll(() => relay.listenState).toBe('silent')
    expect(deps.logLines.join('')).toContain('outbox LISTEN receives no notifications; delivering by polling')
  })
})
