/**
 * Crisis metrics stay truthful while PostgreSQL does not answer (issue 16.2), on a PostgreSQL of the test's own,
 * paused with SIGSTOP: a scrape still answers, says the gauges could not be read (`holdspace_crisis_metrics_up` 0),
 * reports the unpaged count as unknown (NaN), never 0, and keeps the open-alarms series with a staleness gauge. When
 * PostgreSQL answers again, the values are read afresh.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import client from 'prom-client'
import { startEmbeddedPostgres, type RunningService } from '../scripts/local-services.js'
import { createSql, type Sql } from '../db/client.js'
import { migrate } from '../db/migrate.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount } from '../tests/support/crisis-fixtures.js'
import { signalPostgres } from '../tests/support/postgres-signals.js'
import { registerCrisisMetrics } from './metrics.crisis.js'

const dataDir = path.resolve('.data/test', `metrics-pg-${process.pid}-${randomBytes(3).toString('hex')}`)
let deps: TestDeps
let pg: RunningService
let sql: Sql

beforeAll(async () => {
  deps = await createTestDeps()
  pg = await startEmbeddedPostgres({ dataDir, database: 'holdspace', fast: true })
  sql = createSql(pg.url, { max: 4 })
  await migrate(sql)
}, 120_000)
afterAll(async () => {
  try {
    signalPostgres(pg.url, 'SIGCONT')
  } catch {
    /* already stopped */
  }
  await sql?.end({ timeout: 1 }).catch(() => {})
  await pg?.stop().catch(() => {})
  await deps?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** One scrape: every sample by its name and labels. */
async function scrape(registry: client.Registry): Promise<Map<string, number>> {
  const samples = new Map<string, number>()
  for (const line of (await registry.metrics()).split('\n')) {
    const match = /^(holdspace_[a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line)
    if (match) samples.set(match[1]!, Number(match[2]))
  }
  return samples
}

it(
  'with PostgreSQL paused: up 0, unpaged unknown (not 0), open alarms kept with their age; fresh again after',
  { timeout: 120_000 },
  async () => {
    const own = { ...deps, sql }
    const member = await createAccount(own, 'member')
    // One incident raised a minute ago that nobody was paged for, and one open alarm.
    await sql`
    insert into crisis_incidents (member_account_id, member_label, member_locale, status, level, source, policy_snapshot, raised_at)
    values (${member.accountId}, 'Member', 'en', 'open', 'high', 'button', '{}'::jsonb, now() - interval '60 seconds')`
    await sql`insert into alarms (kind, dedup_key, raised_at) values ('crisis_unpaged', 'test', now())`
    const registry = new client.Registry()
    registerCrisisMetrics(registry, sql)

    const healthy = await scrape(registry)
    expect(healthy.get('holdspace_crisis_metrics_up')).toBe(1)
    expect(healthy.get('holdspace_crisis_unpaged_incidents')).toBe(1)
    expect(healthy.get('holdspace_alarms_open{kind="crisis_unpaged"}')).toBe(1)
    expect(healthy.get('holdspace_crisis_metrics_stale_seconds')).toBe(0)

    signalPostgres(pg.url, 'SIGSTOP')
    try {
      const paused = await scrape(registry)
      expect(paused.get('holdspace_crisis_metrics_up')).toBe(0)
      expect(paused.get('holdspace_crisis_unpaged_incidents')).toBeNaN()
      expect(paused.get('holdspace_crisis_overdue_steps')).toBeNaN()
      expect(paused.get('holdspace_alarms_open{kind="crisis_unpaged"}')).toBe(1)
      expect(paused.get('holdspace_crisis_metrics_stale_seconds')).toBeGreaterThanOrEqual(0)
    } finally {
      signalPostgres(pg.url, 'SIGCONT')
    }

    await sql`update alarms set cleared_at = now()`
    await expect
      .poll(async () => (await scrape(registry)).get('holdspace_crisis_metrics_up'), { timeout: 30_000 })
      .toBe(1)
    const after = await scrape(registry)
    expect(after.get('holdspace_crisis_unpaged_incidents')).toBe(1)
    expect(after.has('holdspace_alarms_open{kind="crisis_unpaged"}')).toBe(false)
  },
)
