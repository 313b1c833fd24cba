import type { CoreDeps } from '../deps.js'
import * as q from './selfcare.queries.js'
import { newMemberKey, unwrapMemberKey, wrapMemberKey, type MemberKey } from './selfcare.crypto.js'

/** The member's self-care data key (journal, mood notes, safety plan), unwrapped with the app key; null before first use. */
export async function findMemberKey(deps: CoreDeps, accountId: string): Promise<MemberKey | null> {
  const wrapped = await q.findWrappedKey(deps.sql, accountId)
  return wrapped ? unwrapMemberKey(deps.config.ENCRYPTION_KEY, wrapped, accountId) : null
}

/** The member's key, made and stored on first use. */
export async function memberKeyFor(deps: CoreDeps, accountId: string): Promise<MemberKey> {
  const existing = await findMemberKey(deps, accountId)
  if (existing) return existing
  await q.insertWrappedKey(deps.sql, accountId, wrapMemberKey(deps.config.ENCRYPTION_KEY, newMemberKey(), accountId))
  // Re-read: when two first writes race, both use the key that was stored.
  return (await findMemberKey(deps, accountId))!
}
