import { createHash } from 'node:crypto'

/** The hash the first row chains from. */
export const GENESIS_HASH = '0'.repeat(64)

export interface AuditFields {
  id: number
  actorAccountId: string | null
  action: string
  targetType: string
  targetId: string
  reason: string
  details: Record<string, string | number | boolean | null>
  createdAt: Date
}

function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** One row as the exact bytes that are hashed: fixed field order, sorted detail keys, ISO time in ms. */
export function canonicalAuditRow(row: AuditFields): string {
  return canonicalJson([
    row.id,
    row.actorAccountId,
    row.action,
    row.targetType,
    row.targetId,
    row.reason,
    row.details,
    row.createdAt.toISOString(),
  ])
}

export function chainHash(prevHash: string, row: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalAuditRow(row)).digest('hex')
}
