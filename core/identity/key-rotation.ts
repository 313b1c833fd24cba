import type { CoreDeps } from '../deps.js'
import { recordAudit } from '../audit/audit.service.js'
import { decryptField, encryptField } from './identity.crypto.js'
import * as q from './key-rotation.queries.js'

/**
 * Re-seal everything held under the app key with a new key: the legal name and emergency contact, and each
 * member's wrapped self-care key (which itself seals the journal, mood notes and safety plan, so those stay as they
 * are). In batches, each in its own transaction with its rows locked, so a rotation stopped half-way leaves every
 * value readable with one of the two keys and a second run finishes the job: a value that already opens with the
 * new key is skipped, one that opens with an old key is re-sealed, and one that opens with neither is left
 * untouched and counted. One audit row (counts only) at the end.
 */
export interface RotationReport {
  resealed: number
  alreadyNew: number
  unreadable: number
}

const ZERO_UUID = '00000000-0000-0000-0000-000000000000'
const IDENTITY_AAD = (accountId: string) => accountId
const MEMBER_KEY_AAD = (accountId: string) => `selfcare-key:${accountId}`

export function isAppKey(value: string): boolean {
  return /^[A-Za-z0-9+/]+={0,2}$/.test(value.trim()) && Buffer.from(value.trim(), 'base64').length === 32
}

function opens(key: string, sealed: Buffer, aad: string): string | null {
  try {
    return decryptField(key, sealed, aad)
  } catch {
    return null
  }
}

export async function rotateEncryptionKey(
  deps: Pick<CoreDeps, 'sql' | 'now'>,
  input: { oldKeys: string[]; newKey: string; batchSize?: number; onBatch?: (report: RotationReport) => void },
): Promise<RotationReport> {
  const batchSize = input.batchSize ?? 200
  const report: RotationReport = { resealed: 0, alreadyNew: 0, unreadable: 0 }
  /** The value under the new key, or null when it already is (or opens with no key we have). */
  const reseal = (sealed: Buffer | null, aad: string): Buffer | null => {
    if (!sealed) return null
    if (opens(input.newKey, sealed, aad) !== null) {
      report.alreadyNew++
      return null
    }
    for (const key of input.oldKeys) {
      const plain = opens(key, sealed, aad)
      if (plain !== null) {
        report.resealed++
        return encryptField(input.newKey, plain, aad)
      }
    }
    report.unreadable++
    return null
  }

  for (let after = ZERO_UUID; ;) {
    const rows = await deps.sql.begin(async (tx) => {
      const batch = await q.lockSensitiveProfiles(tx, after, batchSize)
      for (const row of batch) {
        const a = reseal(row.a, IDENTITY_AAD(row.accountId))
        const b = reseal(row.b, IDENTITY_AAD(row.accountId))
        if (a || b) await q.updateSensitiveProfile(tx, row.accountId, a ?? row.a, b ?? row.b)
      }
      return batch
    })
    input.onBatch?.(report)
    if (rows.length < batchSize) break
    after = rows.at(-1)!.accountId
  }
  for (let after = ZERO_UUID; ;) {
    const rows = await deps.sql.begin(async (tx) => {
      const batch = await q.lockWrappedMemberKeys(tx, after, batchSize)
      for (const row of batch) {
        const wrapped = reseal(row.a, MEMBER_KEY_AAD(row.accountId))
        if (wrapped) await q.updateWrappedMemberKey(tx, row.accountId, wrapped)
      }
      return batch
    })
    input.onBatch?.(report)
    if (rows.length < batchSize) break
    after = rows.at(-1)!.accountId
  }
  await deps.sql.begin((tx) =>
    recordAudit(tx, deps, {
      actorAccountId: null,
      action: 'encryption.key_rotated',
      targetType: 'app_key',
      targetId: 'encryption_key',
      details: { resealed: report.resealed, alreadyNew: report.alreadyNew, unreadable: report.unreadable, via: 'cli' },
    }),
  )
  return report
}
