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
 * fsyncs them, beside the commits the step waits for (`checkpointsBetween`). And how many WAL flushes the commits
 * made and what one took (`walBetween`).
 */
export interface BackendCounts {
  redis: Record<string, number>
  pgTransactions: number
  checkpointer: CheckpointerCounts
  wal: WalCounts
}

/**
 * PostgreSQL's WAL writes and flushes (`pg_stat_wal`, all databases): a commit waits for its WAL to reach the disk,
 * so the time a flush takes is in every send's latency. The times are kept only where `track_wal_io_timing` is on
 * (the bench turns it on for the PostgreSQL it starts; `timed` says whether it was).
 */
export interface WalCounts {
  writes: number
  syncs: number
  writeMs: number
  syncMs: number
  timed: boolean
}

/**
 * PostgreSQL 14 to 17 count WAL writes and flushes in pg_stat_wal; 18 moved them to pg_stat_io (a DATABASE_URL may
 * point at one): there the counts read 0 and no time is kept, rather than the bench stopping.
 */
export async function sampleWal(sql: Sql): Promise<WalCounts> {
  const [{ counted }] = await sql<{ counted: boolean }[]>`
    select exists (select 1 from pg_attribute where attrelid = to_regclass('pg_stat_wal') and attname = 'wal_sync')
      as counted`
  if (!counted) return { writes: 0, syncs: 0, writeMs: 0, syncMs: 0, timed: false }
  type Row = { writes: string; syncs: string; writeMs: number; syncMs: number; timed: boolean }
  const [row] = await sql<Row[]>`
    select wal_write::text as writes, wal_sync::text as syncs, wal_write_time::float8 as "writeMs",
           wal_sync_time::float8 as "syncMs", current_setting('track_wal_io_timing')::bool as timed
    from pg_stat_wal`
  return {
    writes: Number(row?.writes ?? 0),
    syncs: Number(row?.syncs ?? 0),
    writeMs: row?.writeMs ?? 0,
    syncMs: row?.syncMs ?? 0,
    timed: row?.timed ?? false,
  }
}

/**
 * WAL flushes between two samples, and what one took on average (null where the times were not kept or nothing was
 * flushed). PostgreSQL reports a backend's WAL counts when its transaction ends, so a sample can lag by a commit.
 */
export function walBetween(before: WalCounts, after: WalCounts) {
  const syncs = after.syncs - before.syncs
  const timed = before.timed && after.timed
  const syncMs = after.syncMs - before.syncMs
  return {
    writes: after.writes - before.writes,
    syncs,
    syncMs: timed ? Math.round(syncMs) : null,
    meanSyncMs: timed && syncs > 0 ? Math.round((syncMs / syncs) * 1000) / 1000 : null,
  }
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
  return {
    redis: calls,
    pgTransactions: Number(row?.n ?? 0),
    checkpointer: await sampleCheckpointer(sql),
    wal: await sampleWal(sql),
  }
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
    wal: walBetween(before.wal, after.wal),
  }
}
