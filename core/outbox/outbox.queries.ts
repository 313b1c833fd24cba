import type { Sql, TransactionSql } from '../../db/client.js'
import { JOB_QUEUE, jobPayloads, type JobName, type JobPayload } from '../contracts/jobs.js'

export interface OutboxRow {
  id: string
  queue: string
  jobName: string
  payload: Record<string, unknown>
  delayMs: number
  attempts: number
}

/**
 * Write an outbox row inside the caller's transaction: the job exists if and only if the fact it
 * announces was committed. The payload is validated here so nothing malformed reaches a worker.
 */
export async function enqueueOutbox<N extends JobName>(
  tx: TransactionSql,
  jobName: N,
  payload: JobPayload<N>,
  options: { delayMs?: number } = {},
): Promise<string> {
  const parsed = jobPayloads[jobName].parse(payload)
  const [row] = await tx<{ id: string }[]>`
    insert into outbox (queue, job_name, payload, delay_ms)
    values (${JOB_QUEUE[jobName]}, ${jobName}, ${tx.json(parsed as never)}, ${options.delayMs ?? 0})
    returning id`
  return row!.id
}

/**
 * An outbox row as the head of an `insert … select` for another slice's statement, validated as `enqueueOutbox`
 * validates: the caller adds its `from` (e.g. a CTE that inserted the fact), so the job exists if and only if that
 * row was written, in the same statement (one round trip instead of two).
 */
export function outboxRowSelect<N extends JobName>(
  tx: TransactionSql,
  jobName: N,
  payload: JobPayload<N>,
  options: { delayMs?: number } = {},
) {
  const parsed = jobPayloads[jobName].parse(payload)
  return tx`
    insert into outbox (queue, job_name, payload, delay_ms)
    select ${JOB_QUEUE[jobName]}, ${jobName}, ${tx.json(parsed as never)}::jsonb, ${options.delayMs ?? 0}::int`
}

export type OutboxRowSelect = ReturnType<typeof outboxRowSelect>

/**
 * Claim a batch of unsent rows. SKIP LOCKED lets several relays run side by side; the lock is
 * held until the caller's transaction ends, so a row is never handed to two relays at once.
 */
export async function claimPendingOutbox(tx: TransactionSql, limit: number): Promise<OutboxRow[]> {
  return tx<OutboxRow[]>`
    select id, queue, job_name as "jobName", payload, delay_ms as "delayMs", attempts
    from outbox where sent_at is null
    order by created_at
    limit ${limit}
    for update skip locked`
}

export async function markOutboxSent(tx: TransactionSql, ids: string[]) {
  if (ids.length === 0) return
  await tx`update outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = any(${ids}::uuid[])`
}

export async function markOutboxFailed(tx: TransactionSql, id: string, error: string) {
  await tx`update outbox set attempts = attempts + 1, last_error = ${error.slice(0, 200)} where id = ${id}`
}

export async function countPendingOutbox(sql: Sql): Promise<{ pending: number; oldestSeconds: number }> {
  const [row] = await sql<{ pending: number; oldestSeconds: number }[]>`
    select count(*)::int as pending,
           coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as "oldestSeconds"
    from outbox where sent_at is null`
  return row!
}
