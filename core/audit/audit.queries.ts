import type { Sql, TransactionSql } from '../../db/client.js'
import { GENESIS_HASH, chainHash, type AuditFields } from './audit.chain.js'

/** pg_advisory_xact_lock key: every append holds it, so concurrent appends chain one after another. */
const AUDIT_LOCK_KEY = 727_003

export interface AuditRow extends AuditFields {
  prevHash: string
  hash: string
}

/**
 * Append one row inside the caller's transaction. The lock is held until that transaction ends,
 * so the next writer reads this row as its predecessor (or, if it rolled back, the one before).
 */
export async function insertAuditRow(tx: TransactionSql, entry: Omit<AuditFields, 'id'>): Promise<AuditRow> {
  await tx`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`
  const [last] = await tx<{ id: string; hash: string }[]>`select id, hash from audit_log order by id desc limit 1`
  const fields: AuditFields = { ...entry, id: last ? Number(last.id) + 1 : 1 }
  const prevHash = last?.hash ?? GENESIS_HASH
  const hash = chainHash(prevHash, fields)
  await tx`
    insert into audit_log (id, actor_account_id, action, target_type, target_id, reason, details, created_at, prev_hash, hash)
    values (${fields.id}, ${fields.actorAccountId}, ${fields.action}, ${fields.targetType}, ${fields.targetId},
            ${fields.reason}, ${tx.json(fields.details)}, ${fields.createdAt}, ${prevHash}, ${hash})`
  return { ...fields, prevHash, hash }
}

const COLUMNS = (sql: Sql) => sql`
  id::int8::text as id, actor_account_id as "actorAccountId", action, target_type as "targetType", target_id as "targetId",
  reason, details, created_at as "createdAt", prev_hash as "prevHash", hash`

/** Rows in chain order, a page at a time (for the verifier). */
export async function selectAuditPage(sql: Sql, afterId: number, limit: number): Promise<AuditRow[]> {
  const rows = await sql<(AuditRow & { id: string })[]>`
    select ${COLUMNS(sql)} from audit_log where audit_log.id > ${afterId} order by audit_log.id limit ${limit}`
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}

export async function selectAuditByAction(sql: Sql, action: string, limit: number): Promise<AuditRow[]> {
  const rows = await sql<(AuditRow & { id: string })[]>`
    select ${COLUMNS(sql)} from audit_log where action = ${action} order by audit_log.id desc limit ${limit}`
  return rows.map((r) => ({ ...r, id: Number(r.id) }))
}
