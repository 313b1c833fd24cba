import type { Redis } from 'ioredis'
import type { Sql } from '../db/client.js'

/**
 * Work the servers asked of Redis and PostgreSQL during a step, counted where it lands: Redis's own per-command call
 * counts (`INFO commandstats`) and PostgreSQL's committed and rolled-back transactions of the bench database
 * (`pg_stat_database`, which backends report about once a second, so a step's count can lag by up to a second).
 * The bench's own bookkeeping (these reads, the stored-once check) is a few calls per step.
 *
 * Also what PostgreSQL's checkpointer did meanwhile (`pg_stat_checkpointer`): checkpoints started, buffers written and
 * the time spent writing and syncing them. A checkpoint during a step writes the dirty pages earlier steps left and
 * fsyncs them, beside the commits the step waits for (`checkpointsBetween`).
 */
export interface BackendCounts {
  redis: Record<string, number>
  pgTransactions: number
  checkpointer: CheckpointerCounts
}

export interface CheckpointerCounts {
  /** Checkpoints started, timed or requested (PostgreSQL counts a skipped timed one too). */
  started: number
  buffersWritten: number
  writeMs: number
  syncMs: number
}

/** PostgreSQL 17 and later count checkpoints in pg_stat_checkpointer; earlier versions (a DATABASE_URL) in pg_stat_bgwriter. */
export async function sampleCheckpointer(sql: Sql): Promise<CheckpointerCounts> {
  const [{ newer }] = await sql<{ newer: boolean }[]>`select to_regclass('pg_stat_checkpointer') is not null as newer`
  type Row = { started: string; buffers: string; writeMs: number; syncMs: number }
  const [row] = newer
    ? await sql<Row[]>`
        select (num_timed + num_requested)::text as started, buffers_written::text as buffers,
               write_time::float8 as "writeMs", sync_time::float8 as "syncMs"
        from pg_stat_checkpointer`
    : await sql<Row[]>`
        select (checkpoints_timed + checkpoints_req)::text as started, buffers_checkpoint::text as buffers,
               checkpoint_write_time::float8 as "writeMs", checkpoint_sync_time::float8 as "syncMs"
        from pg_stat_bgwriter`
  return {
    started: Number(row?.started ?? 0),
    buffersWritten: Number(row?.buffers ?? 0),
    writeMs: row?.writeMs ?? 0,
    syncMs: row?.syncMs ?? 0,
  }
}

/** What the checkpointer did between two samples (its statistics are reported when a checkpoint ends). */
export function checkpointsBetween(before: CheckpointerCounts, after: CheckpointerCounts) {
  return {
    started: after.started - before.started,
    buffersWritten: after.buffersWritten - before.buffersWritten,
    writeMs: Math.round(after.writeMs - before.writeMs),
    syncMs: Math.round(after.syncMs - before.syncMs),
  }
}

export async function sampleBackends(redis: Redis, sql: Sql): Promise<BackendCounts> {
  const info = await redis.info('commandstats')
  const calls: Record<string, number> = {}
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]!] = Number(match[2])
  const [row] = await sql<{ n: string }[]>`
    select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()`
  return { redis: calls, pgTransactions: Number(row?.n ?? 0), checkpointer: await sampleCheckpointer(sql) }
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
    checkpoints: checkpointsBetween(before.checkpointer, after.checkpointer),
  }
}
