import type { Redis } from 'ioredis'
import type { Sql } from '../db/client.js'

/**
 * Work the servers asked of Redis and PostgreSQL during a step, counted where it lands: Redis's own per-command call
 * counts (`INFO commandstats`) and PostgreSQL's committed and rolled-back transactions of the bench database
 * (`pg_stat_database`, which backends report about once a second, so a step's count can lag by up to a second).
 * The bench's own bookkeeping (these reads, the stored-once check) is a few calls per step.
 */
export interface BackendCounts {
  redis: Record<string, number>
  pgTransactions: number
}

export async function sampleBackends(redis: Redis, sql: Sql): Promise<BackendCounts> {
  const info = await redis.info('commandstats')
  const calls: Record<string, number> = {}
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]!] = Number(match[2])
  const [row] = await sql<{ n: string }[]>`
    select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()`
  return { redis: calls, pgTransactions: Number(row?.n ?? 0) }
}

/** Per sent message between two samples: Redis calls in all and by command (the busiest), PostgreSQL transactions. */
export function perMessage(before: BackendCounts, after: BackendCounts, messages: number) {
  const round = (n: number) => Math.round(n * 100) / 100
  const byCommand: Record<string, number> = {}
  let total = 0
  for (const [command, calls] of Object.entries(after.redis)) {
    const delta = calls - (before.redis[command] ?? 0)
    if (delta <= 0) continue
    total += delta
    byCommand[command] = delta
  }
  const busiest = Object.entries(byCommand)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([command, n]) => [command, messages > 0 ? round(n / messages) : null])
  return {
    redisCalls: messages > 0 ? round(total / messages) : null,
    redisByCommand: Object.fromEntries(busiest) as Record<string, number | null>,
    pgTransactions: messages > 0 ? round((after.pgTransactions - before.pgTransactions) / messages) : null,
  }
}
