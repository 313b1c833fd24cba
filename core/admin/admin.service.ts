import { randomBytes } from 'node:crypto'
import argon2 from 'argon2'
import { z } from 'zod'
import type { CoreDeps } from '../deps.js'
import { recordAudit } from '../audit/audit.service.js'
import * as crisisQ from '../crisis/crisis.queries.js'
import { isValidTimeZone } from '../crisis/oncall.js'
import { ROLES, type Role } from '../identity/identity.schema.js'
import { can } from '../identity/permissions.js'
import * as q from './admin.queries.js'

/**
 * What an operator does from the command line (`npm run admin`, scripts/admin.ts) before any admin can sign in:
 * the first admin, roles, licence checks, rooms and the first on-call rotation. Every change writes an audit row
 * with ids only and no actor account (the operator is not an account); `details.via` says it came from the CLI.
 * Failures are an OperatorError with one line for the terminal.
 */
export type OperatorDeps = Pick<CoreDeps, 'sql' | 'now'>

export class OperatorError extends Error {
  override name = 'OperatorError'
}

const via = 'cli'
const email = z.string().trim().toLowerCase().email()
/** The same rule as sign-up (identity.schema.ts): 10 to 200 characters. */
const password = z.string().min(10).max(200)
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

function parseEmail(value: string): string {
  const parsed = email.safeParse(value)
  if (!parsed.success) throw new OperatorError(`"${value}" is not an email address`)
  return parsed.data
}

async function accountByEmail(deps: OperatorDeps, value: string) {
  const address = parseEmail(value)
  const account = await q.findAccountByEmail(deps.sql, address)
  if (!account)
    throw new OperatorError(`no account with the email ${address} (they sign up first, or use create-admin)`)
  return account
}

export type Outcome = { changed: boolean; message: string }

/** The first (or another) admin: a registered account with this email and password. An existing admin is left as is. */
export async function createAdmin(
  deps: OperatorDeps,
  input: { email: string; password: string; username?: string },
): Promise<Outcome> {
  const address = parseEmail(input.email)
  if (!password.safeParse(input.password).success) throw new OperatorError('the password must be 10 to 200 characters')
  const existing = await q.findAccountByEmail(deps.sql, address)
  if (existing?.role === 'admin') return { changed: false, message: `${address} is already an admin: unchanged` }
  if (existing)
    throw new OperatorError(
      `${address} already has an account (${existing.role}): use \`role set --email ${address} --role admin\``,
    )
  const username = input.username ?? `admin-${randomBytes(3).toString('hex')}`
  if (!/^[a-z0-9-]{3,40}$/.test(username)) throw new OperatorError('the username must be 3 to 40 of a-z 0-9 -')
  if (await q.usernameTaken(deps.sql, username)) throw new OperatorError(`the username ${username} is taken`)
  const passwordHash = await argon2.hash(input.password, ARGON2)
  const id = await deps.sql.begin(async (tx) => {
    const accountId = await q.insertRegisteredAccount(tx, { email: address, username, passwordHash, role: 'admin' })
    if (!accountId) throw new OperatorError(`${address} or ${username} was taken meanwhile: run the command again`)
    await recordAudit(tx, deps, {
      actorAccountId: null,
      action: 'account.admin_created',
      targetType: 'account',
      targetId: accountId,
      details: { via },
    })
    return accountId
  })
  return { changed: true, message: `admin ${address} created (username ${username}, account ${id})` }
}

export async function setRole(deps: OperatorDeps, input: { email: string; role: string }): Promise<Outcome> {
  if (!(ROLES as readonly string[]).includes(input.role))
    throw new OperatorError(`the role must be one of ${ROLES.join(', ')}`)
  const role = input.role as Role
  const account = await accountByEmail(deps, input.email)
  if (account.role === role) return { changed: false, message: `${input.email} is already ${role}: unchanged` }
  await deps.sql.begin(async (tx) => {
    await q.updateRole(tx, account.id, role)
    await recordAudit(tx, deps, {
      actorAccountId: null,
      action: 'account.role_changed',
      targetType: 'account',
      targetId: account.id,
      details: { from: account.role, to: role, via },
    })
  })
  return { changed: true, message: `${input.email} is now ${role} (was ${account.role})` }
}

/** Verify (or withdraw) a facilitator's licence: the same audit actions as the admin page. */
export async function setFacilitatorVerified(
  deps: OperatorDeps,
  input: { email: string; verified: boolean },
): Promise<Outcome> {
  const account = await accountByEmail(deps, input.email)
  if (account.role !== 'facilitator') {
    throw new OperatorError(
      `${input.email} is ${account.role}, not a facilitator (first: \`role set --email ${input.email} --role facilitator\`)`,
    )
  }
  const profile = await q.findProfileVerification(deps.sql, account.id)
  if (!profile)
    throw new OperatorError(
      `${input.email} has no facilitator profile yet: they fill it in at /facilitator/profile first`,
    )
  const word = input.verified ? 'verified' : 'withdrawn'
  if (profile.verified === input.verified)
    return { changed: false, message: `${input.email}'s licence is already ${word}: unchanged` }
  await deps.sql.begin(async (tx) => {
    await q.setProfileVerified(tx, account.id, input.verified)
    await recordAudit(tx, deps, {
      actorAccountId: null,
      action: input.verified ? 'facilitator.licence_verified' : 'facilitator.licence_unverified',
      targetType: 'account',
      targetId: account.id,
      details: { via },
    })
  })
  return {
    changed: true,
    message: `${input.email}'s licence ${input.verified ? 'is verified: they may lead groups' : 'verification withdrawn'}`,
  }
}

const roomFields = z.object({
  slug: z.string().regex(/^[a-z0-9-]{2,60}$/, 'the slug must be 2 to 60 of a-z 0-9 -'),
  title: z.string().trim().min(1, 'the title must not be empty').max(120, 'the title must be at most 120 characters'),
  description: z.string().trim().max(1000, 'the description must be at most 1000 characters'),
  language: z.enum(['en', 'pl'], { errorMap: () => ({ message: 'the language must be en or pl' }) }),
  rules: z.string().trim().max(4000, 'the rules must be at most 4000 characters'),
  locked: z.boolean(),
  slowModeSeconds: z
    .number()
    .int()
    .min(0, 'slow mode must be 0 to 3600 seconds')
    .max(3600, 'slow mode must be 0 to 3600 seconds'),
})

export type RoomInput = Partial<Omit<q.RoomFields, 'slug'>> & { slug: string }

/** The options the operator gave (an option left out keeps its default or current value). */
const given = (input: RoomInput): Partial<q.RoomFields> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined))

function validRoom(room: q.RoomFields): q.RoomFields {
  const parsed = roomFields.safeParse(room)
  if (!parsed.success) throw new OperatorError(parsed.error.issues[0]!.message)
  return parsed.data
}

/** A new topic room. Creating a room that exists changes nothing (a provisioning script may run twice). */
export async function createRoom(deps: OperatorDeps, input: RoomInput): Promise<Outcome> {
  if (!input.title) throw new OperatorError('a room needs --title')
  if (!input.language) throw new OperatorError('a room needs --language (en or pl)')
  const room = validRoom({
    description: '',
    rules: '',
    locked: false,
    slowModeSeconds: 0,
    ...given(input),
    slug: input.slug,
    title: input.title,
    language: input.language,
  })
  if (await q.slugExists(deps.sql, room.slug))
    return { changed: false, message: `room ${room.slug} exists: unchanged (use room edit)` }
  await deps.sql.begin(async (tx) => {
    const id = await q.insertTopicRoom(tx, room)
    await recordAudit(tx, deps, {
      actorAccountId: null,
      action: 'room.created',
      targetType: 'room',
      targetId: id,
      details: { via },
    })
  })
  return { changed: true, message: `room ${room.slug} created` }
}

/** Change the given fields of a topic room; changed rules are accepted again by members. */
export async function editRoom(deps: OperatorDeps, input: RoomInput): Promise<Outcome> {
  const current = await q.findTopicRoom(deps.sql, input.slug)
  if (!current) throw new OperatorError(`no room ${input.slug}`)
  const { id, ...before } = current
  const after = validRoom({ ...before, ...given(input) })
  const changed = (Object.keys(after) as (keyof q.RoomFields)[]).filter((k) => after[k] !== before[k])
  if (changed.length === 0) return { changed: false, message: `room ${input.slug}: nothing to change` }
  await deps.sql.begin(async (tx) => {
    await q.updateTopicRoom(tx, id, after, changed.includes('rules'))
    await recordAudit(tx, deps, {
      actorAccountId: null,
      action: 'room.edited',
      targetType: 'room',
      targetId: id,
      details: { fields: changed.join(','), via },
    })
  })
  return { changed: true, message: `room ${input.slug}: ${changed.join(', ')} changed` }
}

export interface RotationInput {
  name: string
  clinicians: string[]
  timeZone: string
  handoffTime: string
  shiftHours: number
  startsOn: string
  supervisor?: string
  ackMinutes: number
}

async function staff(deps: OperatorDeps, login: string): Promise<string> {
  const account = await crisisQ.findAccountByLogin(deps.sql, login.trim().toLowerCase())
  if (!account) throw new OperatorError(`no account ${login}`)
  if (!can(account, 'crisis:console')) {
    throw new OperatorError(
      `${login} is ${account.role}: on-call takes clinicians or admins (\`role set --email … --role clinician\`)`,
    )
  }
  return account.id
}

/**
 * The on-call schedule (clinicians in order, one shift each) and, when a supervisor is given or no default policy
 * exists yet, the default escalation policy that pages it: the on-call clinician, `ackMinutes` to acknowledge,
 * then the supervisor. Saving the same rotation again changes it in place (by schedule name).
 */
export async function setOnCallRotation(deps: OperatorDeps, input: RotationInput): Promise<Outcome> {
  if (input.clinicians.length === 0)
    throw new OperatorError('name at least one clinician: --clinicians a@example.org,b@example.org')
  if (!isValidTimeZone(input.timeZone))
    throw new OperatorError(`unknown time zone ${input.timeZone} (e.g. Europe/Warsaw)`)
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.handoffTime)) throw new OperatorError('the handoff time must be HH:MM')
  if (!Number.isInteger(input.shiftHours) || input.shiftHours < 1 || input.shiftHours > 336)
    throw new OperatorError('the shift must be 1 to 336 hours')
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.startsOn) || Number.isNaN(Date.parse(input.startsOn)))
    throw new OperatorError('the start date must be YYYY-MM-DD')
  if (!Number.isInteger(input.ackMinutes) || input.ackMinutes < 1 || input.ackMinutes > 120)
    throw new OperatorError('the acknowledgement time must be 1 to 120 minutes')
  if (!input.name.trim() || input.name.length > 80)
    throw new OperatorError('the schedule name must be 1 to 80 characters')
  const memberIds: string[] = []
  for (const login of input.clinicians) memberIds.push(await staff(deps, login))
  const supervisorAccountId = input.supervisor ? await staff(deps, input.supervisor) : null
  const policyBefore = await crisisQ.selectDefaultPolicy(deps.sql)
  const writePolicy = Boolean(supervisorAccountId) || !policyBefore
  await deps.sql.begin(async (tx) => {
    const scheduleId = await crisisQ.upsertSchedule(tx, { ...input, name: input.name.trim(), memberIds })
    await recordAudit(tx, deps, {
      actorAccountId: null,
      action: 'oncall.rotation_set',
      targetType: 'oncall_schedule',
      targetId: scheduleId,
      details: { members: memberIds.length, shiftHours: input.shiftHours, via },
    })
    if (writePolicy) {
      const policyId = await crisisQ.replaceDefaultPolicy(tx, {
        name: policyBefore?.name ?? 'Default',
        repeats: policyBefore?.repeats ?? 1,
        retriggerMinutes: policyBefore?.retriggerMinutes ?? 30,
        supervisorAccountId,
        levels: [{ ackTimeoutMinutes: input.ackMinutes, targets: [{ kind: 'schedule', scheduleId }] }],
      })
      await recordAudit(tx, deps, {
        actorAccountId: null,
        action: 'oncall.policy_set',
        targetType: 'escalation_policy',
        targetId: policyId,
        details: { via },
      })
    }
  })
  return {
    changed: true,
    message:
      `on-call rotation "${input.name.trim()}": ${input.clinicians.join(' → ')}, ${input.shiftHours} h shifts from ${input.startsOn} ${input.handoffTime} ${input.timeZone}` +
      (writePolicy
        ? `; default policy pages it with ${input.ackMinutes} min to acknowledge${input.supervisor ? `, then ${input.supervisor}` : ''}`
        : ''),
  }
}
