import { describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { createTestDeps } from '../../tests/support/deps.js'
import { createSql } from '../../db/client.js'
import { warmCrisisTransactions, warmSendPath } from './warm.js'

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

describe('warming the crisis transaction on every pooled connection (decision 057)', () => {
  it('prepares the crisis statements on each connection of the pool, then rolls back: nothing stored, queued or told', async () => {
    const deps = await createTestDeps()
    const pool = createSql(deps.databaseUrl, { application: 'warm-test', max: 4, prepare: true })
    const listener = new Redis(deps.config.REDIS_URL!)
    const heard: string[] = []
    try {
      await listener.psubscribe('*')
      listener.on('pmessage', (_pattern, channel) => heard.push(channel))
      const counts = async () =>
        (await deps.sql<{ n: number }[]>`
          select (select count(*) from accounts)::int + (select count(*) from rooms)::int
            + (select count(*) from messages)::int + (select count(*) from crisis_incidents)::int
            + (select count(*) from crisis_events)::int + (select count(*) from outbox)::int as n`)[0]!.n
      const before = await counts()

      const report = await warmCrisisTransactions({ ...deps, sql: pool }, { connections: 4 })
      expect(report.connections).toBe(4)

      // Every one of the pool's four connections has the incident insert prepared: the first crisis send on any of
      // them is not the one that plans it. (Four reservations at once are four distinct connections.)
      const reserved = await Promise.all([1, 2, 3, 4].map(() => pool.reserve()))
      try {
        const pids = new Set<number>()
        for (const connection of reserved) {
          const [row] = await connection<{ pid: number; prepared: number }[]>`
            select pg_backend_pid() as pid, (select count(*)::int from pg_prepared_statements
              where statement like '%insert into crisis_incidents%') as prepared`
          pids.add(row!.pid)
          expect(row!.prepared).toBeGreaterThan(0)
        }
        expect(pids.size).toBe(4)
      } finally {
        for (const connection of reserved) connection.release()
      }
      expect(await counts()).toBe(before)
      // A publish would have reached the listener before this round trip's answer (Redis answers in order).
      await deps.redis.publish(`${deps.config.REDIS_PREFIX}:warm-test-end`, '1')
      await expect.poll(() => heard.length).toBeGreaterThan(0)
      expect(heard).toEqual([`${deps.config.REDIS_PREFIX}:warm-test-end`])
    } finally {
      listener.disconnect()
      await pool.end()
      await deps.close()
    }
  })
})
