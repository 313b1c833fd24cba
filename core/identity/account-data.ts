import type { TransactionSql } from '../../db/client.js'
import type { CoreDeps } from '../deps.js'

/**
 * What one slice contributes to "export my data" and "delete my account" (docs/decisions/032). Identity owns the
 * procedure; the slices' parts are listed in core/composition/account-data.ts and reach identity through
 * `deps.accountData`, so identity imports no other slice. Rows need no erasure step: every member-owned table
 * references accounts(id) ON DELETE CASCADE.
 */
export interface AccountDataPart {
  /** The key of this slice's section in the export. */
  name: string
  /** Everything this slice holds about the member, decrypted where it is sealed. */
  exportData?: (deps: CoreDeps, accountId: string) => Promise<unknown>
  /**
   * Refuses the erasure by throwing a coded AppError (nothing changes). Runs in the erasure's transaction after the
   * account row is locked, so nothing this check looks at can appear between the check and the delete.
   */
  refuseErasure?: (tx: TransactionSql, accountId: string) => Promise<void>
  /**
   * What lives outside PostgreSQL (stored files): gathered before the rows go; the returned step runs once the
   * account is deleted.
   */
  prepareErasure?: (deps: CoreDeps, accountId: string) => Promise<() => Promise<void>>
}

export type AccountDataRegistry = readonly AccountDataPart[]

/** Deps as built by the composition root (core/composition/index.ts), which adds the slices' parts. */
export type AccountDataDeps = CoreDeps & { accountData?: AccountDataRegistry }

export function accountDataOf(deps: AccountDataDeps): AccountDataRegistry {
  // Loud, not an empty export: an export that silently misses slices would break the member's right of access.
  if (!deps.accountData) throw new Error('deps.accountData is missing: build deps with composeCore (core/composition)')
  return deps.accountData
}
