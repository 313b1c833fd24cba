import { AppError } from '../errors.js'
import type { Role, SessionAccount } from './identity.schema.js'

/** Guards used by every loader, action and socket handler. They throw coded errors; the edge maps them. */
export function requireAccount(account: SessionAccount | null): SessionAccount {
  if (!account) throw new AppError('UNAUTHENTICATED')
  return account
}

export function requireRole(account: SessionAccount | null, ...roles: Role[]): SessionAccount {
  const signedIn = requireAccount(account)
  if (!roles.includes(signedIn.role)) throw new AppError('FORBIDDEN')
  return signedIn
}
