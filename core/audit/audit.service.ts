import type { Sql, TransactionSql } from '../../db/client.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { GENESIS_HASH, chainHash } from './audit.chain.js'
import { insertAuditRow, selectAuditByAction, selectAuditPage, type AuditRow } from './audit.queries.js'

export interface AuditEntry {
  actorAccountId: string | null
  action: string
  targetType: string
  targetId: string
  reason?: string
  details?: Record<string, string | number | boolean | null>
}

/**
 * Write an audit row in the caller's transaction: the audited act and its record commit together.
 * The table refuses UPDATE and DELETE; each row's hash covers the previous row's hash.
 */
export async function recordAudit(
  tx: TransactionSql,
  deps: Pick<CoreDeps, 'now'>,
  entry: AuditEntry,
): Promise<AuditRow> {
  // Millisecond precision, so the hashed ISO time equals what PostgreSQL stores and returns.
  const createdAt = new Date(Math.floor(nowOf(deps).getTime()))
  return insertAuditRow(tx, {
    actorAccountId: entry.actorAccountId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    reason: entry.reason ?? '',
    details: entry.details ?? {},
    createdAt,
  })
}

export type ChainReport =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; problem: 'prev_hash' | 'hash' | 'gap' }

/** Walk the chain from the first row; report the first row whose link or hash does not hold. */
export async function verifyAuditChain(sql: Sql, pageSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH
  let expectedId = 1
  let rows = 0
  for (;;) {
    const page = await selectAuditPage(sql, expectedId - 1, pageSize)
    for (const row of page) {
      if (row.id !== expectedId) return { ok: false, rows, brokenAt: expectedId, problem: 'gap' }
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAt: row.id, problem: 'prev_hash' }
      if (chainHash(prevHash, row) !== row.hash) return { ok: false, rows, brokenAt: row.id, problem: 'hash' }
      prevHash = row.hash
      expectedId++
      rows++
    }
    if (page.length < pageSize) return { ok: true, rows }
  }
}

export async function listAuditByAction(deps: CoreDeps, action: string, limit = 100): Promise<AuditRow[]> {
  return selectAuditByAction(deps.sql, action, limit)
}
