/**
 * Fixtures for the groups and video slices: accounts with real sessions (cookie for sockets and pages) created
 * straight in SQL (fast: no password hashing), verified facilitators, groups, enrolments, and a session that
 * is open now.
 */
import { randomBytes } from 'node:crypto'
import { hashToken, randomToken } from '../../core/identity/identity.crypto.js'
import type { Role, SessionAccount } from '../../core/identity/identity.schema.js'
import { insertSession } from '../../core/identity/identity.queries.js'
import {
  createGroup,
  decideJoinRequest,
  facilitatorKey,
  requestToJoin,
  saveFacilitatorProfile,
  setFacilitatorVerified,
} from '../../core/groups/groups.service.js'
import type { GroupInput } from '../../core/groups/groups.schema.js'
import type { TestDeps } from './deps.js'

export interface TestAccount {
  account: SessionAccount
  accountId: string
  cookie: string
  sessionToken: string
}

let counter = 0

export async function makeAccount(
  deps: TestDeps,
  role: Role = 'member',
  options: { email?: string; locale?: 'en' | 'pl'; timeZone?: string; password?: string } = {},
): Promise<TestAccount> {
  const username = `t-${role}-${++counter}-${randomBytes(3).toString('hex')}`
  const [row] = await deps.sql<{ id: string }[]>`
    insert into accounts (kind, email, username, password_hash, role, locale, time_zone)
    values (${options.email ? 'registered' : 'anonymous'}, ${options.email ?? null}, ${username},
            ${options.password ?? 'not-a-real-hash'}, ${role}, ${options.locale ?? 'en'}, ${options.timeZone ?? 'UTC'})
    returning id`
  const sessionToken = randomToken(32)
  const sessionId = await insertSession(deps.sql, {
    tokenHash: hashToken(sessionToken),
    accountId: row!.id,
    expiresAt: new Date(Date.now() + 3_600_000),
  })
  const account: SessionAccount = {
    sessionId,
    accountId: row!.id,
    kind: options.email ? 'registered' : 'anonymous',
    username,
    email: options.email ?? null,
    role,
    locale: options.locale ?? 'en',
    pseudonymMode: 'ask',
  }
  return { account, accountId: row!.id, cookie: `hs_session=${sessionToken}`, sessionToken }
}

export async function makeVerifiedFacilitator(
  deps: TestDeps,
  displayName = 'Dr Ana Example',
  options: { email?: string; timeZone?: string } = {},
) {
  const admin = await makeAccount(deps, 'admin')
  const facilitator = await makeAccount(deps, 'facilitator', options)
  await saveFacilitatorProfile(deps, facilitator.account, {
    displayName,
    education: 'MA Clinical Psychology',
    experience: '10 years of group work',
    approach: 'CBT',
    languages: ['en'],
    licenceNumber: `PSY-${counter}`,
    licenceJurisdiction: 'Poland',
  })
  await setFacilitatorVerified(deps, admin.account, facilitatorKey(deps, facilitator.accountId), true)
  return facilitator
}

export function groupInput(overrides: Partial<GroupInput> = {}): GroupInput {
  return {
    title: 'Evening circle',
    description: 'A small weekly group.',
    topic: 'Low mood',
    language: 'en',
    coFacilitator: null,
    capacity: 8,
    rrule: 'FREQ=WEEKLY',
    timeZone: 'Europe/Warsaw',
    firstStartLocal: '2026-03-17T18:00',
    durationMinutes: 60,
    intakeQuestion: 'What would you like from the group?',
    ...overrides,
  }
}

export async function enrol(
  deps: TestDeps,
  facilitator: TestAccount,
  groupId: string,
  member: TestAccount,
  pseudonym: string,
) {
  await requestToJoin(deps, member.account, groupId, { answer: 'I would like company on hard evenings.', pseudonym })
  return decideJoinRequest(deps, facilitator.account, groupId, { member: pseudonym, decision: 'approve' })
}

export async function makeGroup(deps: TestDeps, facilitator: TestAccount, overrides: Partial<GroupInput> = {}) {
  return createGroup(deps, facilitator.account, groupInput(overrides))
}

/** A session of the group starting `minutesFromNow` from now (so its page is open when that is < 10). */
export async function sessionStartingIn(
  deps: TestDeps,
  groupId: string,
  minutesFromNow = 5,
  durationMinutes = 60,
): Promise<string> {
  const startsAt = new Date(Date.now() + minutesFromNow * 60_000)
  const [row] = await deps.sql<{ id: string }[]>`
    insert into group_sessions (group_id, occurrence_at, starts_at, ends_at)
    values (${groupId}, ${startsAt}, ${startsAt}, ${new Date(startsAt.getTime() + durationMinutes * 60_000)})
    returning id`
  return row!.id
}
