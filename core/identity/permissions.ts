import { AppError } from '../errors.js'
import type { Role, SessionAccount } from './identity.schema.js'

/**
 * The one list of what each account role may do (docs/decisions/032). Services and guards ask `can(actor, …)` or
 * `requireCapability(actor, …)` instead of comparing roles; a capability names an action, not a role, so a new role
 * or a changed rule is one line here. Scope (which room, which group, which incident) is still checked by the slice
 * on top: `moderation:act` lets a facilitator act only in the rooms they are assigned to.
 */
export const CAPABILITIES = {
  /** The crisis console: read, acknowledge, resolve and annotate incidents; be on call. */
  'crisis:console': ['clinician', 'admin'],
  /** Raise a crisis for a member from a room or session they lead. */
  'crisis:escalate-member': ['facilitator', 'admin'],
  /** Open a safety plan a member shared with the crisis team (audited). */
  'safety-plan:read-shared': ['clinician', 'admin'],
  /** The moderation queue and actions, in the rooms the account moderates. */
  'moderation:act': ['facilitator', 'admin'],
  /** Moderate every room without an assignment; see every room's flags. */
  'moderation:every-room': ['admin'],
  /** Assign facilitators to rooms; edit rooms. */
  'rooms:manage': ['admin'],
  /** Keep a facilitator profile, create and lead groups. */
  'groups:lead': ['facilitator'],
  /** Review and verify facilitator profiles. */
  'facilitators:verify': ['admin'],
  /** Add to the public library (facilitators also need to be verified: core/library). */
  'library:add-public': ['facilitator', 'admin'],
  /** Delete anything in the public library. */
  'library:manage-public': ['admin'],
  /** Operator pages: crisis policy, on-call rotation. */
  'admin:operate': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Capability = keyof typeof CAPABILITIES

export function can(actor: { role: string } | null | undefined, capability: Capability): boolean {
  return !!actor && (CAPABILITIES[capability] as readonly string[]).includes(actor.role)
}

/** Throws FORBIDDEN unless the actor has the capability. */
export function requireCapability<A extends { role: string }>(actor: A, capability: Capability): A {
  if (!can(actor, capability)) throw new AppError('FORBIDDEN')
  return actor
}

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
