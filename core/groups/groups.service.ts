import { createHmac } from 'node:crypto'
import type { TransactionSql } from '../../db/client.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { requireCapability } from '../identity/permissions.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import { recordAudit } from '../audit/audit.service.js'
import * as q from './groups.queries.js'
import type {
  FacilitatorCard,
  FacilitatorProfileInput,
  FacilitatorProfileView,
  GroupDetails,
  GroupInput,
  GroupSummary,
  MembershipStatus,
  UpcomingSession,
} from './groups.schema.js'
import { nextOccurrences } from './schedule.js'
import {
  expandOccurrences,
  formatInZone,
  instantFromLocal,
  isTimeZone,
  MATERIALIZE_WEEKS,
  parseLocalDateTime,
} from './recurrence.js'

/** Reminders are scheduled for sessions starting within this horizon; the periodic job schedules the rest. */
export const REMINDER_HORIZON_MS = 14 * 24 * 3_600_000
export const REMINDER_OFFSETS = { '24h': 24 * 3_600_000, '15m': 15 * 60_000 } as const

// ── facilitator profiles ───────────────────────────────────────────────────────────────────────────────
function toCard(row: q.ProfileRow): FacilitatorCard {
  return {
    displayName: row.displayName,
    education: row.education,
    experience: row.experience,
    approach: row.approach,
    languages: row.languages,
    licenceNumber: row.licenceNumber,
    licenceJurisdiction: row.licenceJurisdiction,
    verified: row.verifiedAt !== null,
  }
}

export async function getOwnFacilitatorProfile(
  deps: CoreDeps,
  actor: SessionAccount,
): Promise<FacilitatorProfileView | null> {
  requireCapability(actor, 'groups:lead')
  const row = await q.findProfile(deps.sql, actor.accountId)
  return row
    ? { ...toCard(row), verifiedAt: row.verifiedAt?.toISOString() ?? null, responseHours: row.responseHours }
    : null
}

export async function saveFacilitatorProfile(
  deps: CoreDeps,
  actor: SessionAccount,
  input: FacilitatorProfileInput,
): Promise<void> {
  requireCapability(actor, 'groups:lead')
  await q.upsertProfile(deps.sql, actor.accountId, input)
}

/**
 * The key a facilitator profile is chosen by in forms (admin verification, co-facilitator choice): opaque and
 * stable, so no account id reaches a page.
 */
export function facilitatorKey(deps: Pick<CoreDeps, 'config'>, accountId: string): string {
  return createHmac('sha256', deps.config.SESSION_SECRET)
    .update(`facilitator-profile:${accountId}`)
    .digest('base64url')
    .slice(0, 22)
}

/** Admins only: every facilitator profile, unverified first. */
export async function listFacilitatorProfilesForReview(deps: CoreDeps, actor: SessionAccount) {
  requireCapability(actor, 'facilitators:verify')
  const rows = await q.listProfiles(deps.sql)
  return rows.map((row) => ({
    key: facilitatorKey(deps, row.accountId),
    ...toCard(row),
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
  }))
}

export async function setFacilitatorVerified(
  deps: CoreDeps,
  actor: SessionAccount,
  key: string,
  verified: boolean,
): Promise<void> {
  requireCapability(actor, 'facilitators:verify')
  const accountId = (await q.listProfiles(deps.sql)).find((p) => facilitatorKey(deps, p.accountId) === key)?.accountId
  if (!accountId) throw new AppError('NOT_FOUND')
  await deps.sql.begin(async (tx) => {
    if (!(await q.setProfileVerification(tx, accountId, verified ? actor.accountId : null)))
      throw new AppError('NOT_FOUND')
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: verified ? 'facilitator.licence_verified' : 'facilitator.licence_unverified',
      targetType: 'account',
      targetId: accountId,
    })
  })
}

export async function listCoFacilitatorChoices(deps: CoreDeps, actor: SessionAccount) {
  requireCapability(actor, 'groups:lead')
  const all = await q.listVerifiedFacilitators(deps.sql)
  return all
    .filter((f) => f.accountId !== actor.accountId)
    .map((f) => ({ key: facilitatorKey(deps, f.accountId), displayName: f.displayName }))
}

/** The co-facilitator chosen in the form: another verified facilitator, or a field error. */
async function resolveCoFacilitator(deps: CoreDeps, actor: SessionAccount, key: string | null): Promise<string | null> {
  if (!key) return null
  const match = (await q.listVerifiedFacilitators(deps.sql)).find((f) => facilitatorKey(deps, f.accountId) === key)
  if (!match || match.accountId === actor.accountId)
    throw new AppError('VALIDATION_FAILED', { coFacilitator: 'co_facilitator_invalid' })
  return match.accountId
}

async function requireVerifiedFacilitator(deps: CoreDeps, accountId: string) {
  const profile = await q.findProfile(deps.sql, accountId)
  if (!profile?.verifiedAt) throw new AppError('FORBIDDEN')
  return profile
}

// ── time zone ──────────────────────────────────────────────────────────────────────────────────────────
export async function getTimeZone(deps: CoreDeps, accountId: string): Promise<string> {
  return q.findAccountTimeZone(deps.sql, accountId)
}

export async function saveTimeZone(deps: CoreDeps, actor: SessionAccount, timeZone: string): Promise<void> {
  if (!isTimeZone(timeZone)) throw new AppError('VALIDATION_FAILED', { timeZone: 'zone_unknown' })
  await q.updateAccountTimeZone(deps.sql, actor.accountId, timeZone)
}

/**
 * The zone a signed-in reader's pages use. A browser zone (sent by the page in a cookie) is saved on the account
 * the first time one arrives, unless the member has a zone already (docs/decisions/038).
 */
export async function readerTimeZone(
  deps: CoreDeps,
  accountId: string,
  browserZone: string | null,
): Promise<{ zone: string; adopted: boolean }> {
  const saved = await q.findAccountTimeZoneSource(deps.sql, accountId)
  if (
    saved?.source === 'default' &&
    saved.zone === 'UTC' &&
    browserZone !== 'UTC' &&
    browserZone &&
    isTimeZone(browserZone) &&
    (await q.adoptBrowserTimeZone(deps.sql, accountId, browserZone))
  ) {
    return { zone: browserZone, adopted: true }
  }
  return { zone: saved?.zone ?? 'UTC', adopted: false }
}

// ── groups ─────────────────────────────────────────────────────────────────────────────────────────────
function groupWrite(input: GroupInput, coFacilitatorId: string | null): q.GroupWrite {
  const { coFacilitator: _key, ...rest } = input
  return { ...rest, coFacilitatorId }
}

export async function createGroup(deps: CoreDeps, actor: SessionAccount, input: GroupInput): Promise<string> {
  requireCapability(actor, 'groups:lead')
  await requireVerifiedFacilitator(deps, actor.accountId)
  const coFacilitatorId = await resolveCoFacilitator(deps, actor, input.coFacilitator)
  return deps.sql.begin(async (tx) => {
    const id = await q.insertGroup(tx, actor.accountId, groupWrite(input, coFacilitatorId))
    await materializeInTx(deps, tx, id)
    return id
  })
}

export async function updateGroup(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  input: GroupInput,
): Promise<void> {
  const group = await q.findGroup(deps.sql, groupId)
  if (!group) throw new AppError('NOT_FOUND')
  if (group.facilitatorId !== actor.accountId) throw new AppError('FORBIDDEN')
  await requireVerifiedFacilitator(deps, actor.accountId)
  const coFacilitatorId = await resolveCoFacilitator(deps, actor, input.coFacilitator)
  await deps.sql.begin(async (tx) => {
    if (!(await q.lockGroup(tx, groupId))) throw new AppError('NOT_FOUND')
    await q.updateGroup(tx, groupId, groupWrite(input, coFacilitatorId))
    const promoted = await q.promoteFromWaitlist(tx, groupId, input.capacity - (await q.countApproved(tx, groupId)))
    deps.log.info({ groupId, promoted: promoted.length }, 'group updated')
    await materializeInTx(deps, tx, groupId, { replace: true })
  })
}

function sessionView(row: q.SessionRow, zone: string, locale: 'en' | 'pl'): UpcomingSession {
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    startsLabel: formatInZone(row.startsAt, zone, locale),
    status: row.status,
  }
}

async function facilitatorBadge(deps: CoreDeps, accountId: string) {
  const profile = await q.findProfile(deps.sql, accountId)
  return { profile, badge: { displayName: profile?.displayName ?? '—', verified: Boolean(profile?.verifiedAt) } }
}

/** Browse: every group with its next sessions in the viewer's own time zone and language. */
export async function listGroups(
  deps: CoreDeps,
  viewer: SessionAccount,
): Promise<{ timeZone: string; groups: GroupSummary[] }> {
  const zone = await q.findAccountTimeZone(deps.sql, viewer.accountId)
  const [rows, mine] = await Promise.all([q.listGroupRows(deps.sql), q.listMemberships(deps.sql, viewer.accountId)])
  const now = nowOf(deps)
  const groups = await Promise.all(
    rows.map(async (g) =>
      summaryOf(
        deps,
        g,
        (await facilitatorBadge(deps, g.facilitatorId)).badge,
        { zone, locale: viewer.locale, now, sessions: 3 },
        mine.get(g.id) ?? null,
      ),
    ),
  )
  return { timeZone: zone, groups }
}

/** What every view of a group shows: its description, seats, facilitator badge and next sessions in the viewer's zone. */
async function summaryOf(
  deps: CoreDeps,
  g: q.GroupRow,
  facilitator: GroupSummary['facilitator'],
  view: { zone: string; locale: SessionAccount['locale']; now: Date; sessions: number },
  myStatus: GroupSummary['myStatus'],
): Promise<GroupSummary> {
  return {
    id: g.id,
    title: g.title,
    description: g.description,
    topic: g.topic,
    language: g.language,
    capacity: g.capacity,
    seatsTaken: g.seatsTaken,
    facilitator,
    nextSessions: (await q.listUpcomingSessions(deps.sql, g.id, view.now, view.sessions)).map((s) =>
      sessionView(s, view.zone, view.locale),
    ),
    myStatus,
  }
}

export async function getGroup(
  deps: CoreDeps,
  viewer: SessionAccount,
  groupId: string,
): Promise<GroupDetails & { viewerTimeZone: string }> {
  if (!/^[0-9a-f-]{36}$/i.test(groupId)) throw new AppError('NOT_FOUND')
  const g = await q.findGroup(deps.sql, groupId)
  if (!g) throw new AppError('NOT_FOUND')
  const zone = await q.findAccountTimeZone(deps.sql, viewer.accountId)
  const now = nowOf(deps)
  const lead = await facilitatorBadge(deps, g.facilitatorId)
  const co = g.coFacilitatorId ? await q.findProfile(deps.sql, g.coFacilitatorId) : null
  const membership = await q.findMembership(deps.sql, groupId, viewer.accountId)
  const viewerRole =
    g.facilitatorId === viewer.accountId
      ? 'facilitator'
      : g.coFacilitatorId === viewer.accountId
        ? 'co-facilitator'
        : membership?.status === 'approved'
          ? 'member'
          : 'visitor'
  const isFacilitator = viewerRole === 'facilitator' || viewerRole === 'co-facilitator'
  let roster: GroupDetails['roster'] = null
  if (isFacilitator) {
    const rows = await q.listRoster(deps.sql, groupId)
    let position = 0
    roster = rows
      .filter((r) => r.status !== 'left')
      .map((r) => ({
        pseudonym: r.pseudonym,
        status: r.status,
        answer: r.answer,
        requestedAt: formatInZone(r.requestedAt, zone, viewer.locale),
        waitlistPosition: r.status === 'waitlisted' ? ++position : null,
      }))
  }
  return {
    ...(await summaryOf(
      deps,
      g,
      lead.badge,
      { zone, locale: viewer.locale, now, sessions: 8 },
      membership?.status ?? null,
    )),
    intakeQuestion: g.intakeQuestion,
    durationMinutes: g.durationMinutes,
    rrule: g.rrule,
    timeZone: g.timeZone,
    firstStartLocal: g.firstStartLocal,
    facilitatorCard: lead.profile
      ? toCard(lead.profile)
      : {
          displayName: '—',
          education: '',
          experience: '',
          approach: '',
          languages: [],
          licenceNumber: '',
          licenceJurisdiction: '',
          verified: false,
        },
    coFacilitatorCard: co ? toCard(co) : null,
    coFacilitatorKey:
      viewerRole === 'facilitator' && g.coFacilitatorId ? facilitatorKey(deps, g.coFacilitatorId) : null,
    viewerRole,
    myPseudonym: membership && membership.status !== 'left' ? membership.pseudonym : null,
    waitlistPosition:
      membership?.status === 'waitlisted' ? await q.waitlistPosition(deps.sql, groupId, viewer.accountId) : null,
    roster,
    viewerTimeZone: zone,
  }
}

// ── membership and the waitlist ────────────────────────────────────────────────────────────────────────
export async function requestToJoin(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  input: { answer: string; pseudonym: string },
): Promise<void> {
  const g = await q.findGroup(deps.sql, groupId)
  if (!g) throw new AppError('NOT_FOUND')
  if (g.facilitatorId === actor.accountId || g.coFacilitatorId === actor.accountId) throw new AppError('CONFLICT')
  const existing = await q.findMembership(deps.sql, groupId, actor.accountId)
  if (existing && !['left', 'declined'].includes(existing.status)) throw new AppError('CONFLICT')
  // The group pseudonym must not link the member to their peer-room names.
  if (await q.isRoomPseudonymOf(deps.sql, actor.accountId, input.pseudonym)) {
    throw new AppError('VALIDATION_FAILED', { pseudonym: 'group_pseudonym_like_room' })
  }
  const ok = await q.upsertJoinRequest(deps.sql, groupId, actor.accountId, input.answer, input.pseudonym)
  if (!ok) throw new AppError('VALIDATION_FAILED', { pseudonym: 'group_pseudonym_taken' })
}

function requireGroupFacilitator(g: q.GroupRow, actor: SessionAccount) {
  if (g.facilitatorId !== actor.accountId && g.coFacilitatorId !== actor.accountId) throw new AppError('FORBIDDEN')
}

/**
 * Approve or decline a request. An approval takes a free seat, or a place at the end of the waitlist when the
 * group is full. Every seat change of a group runs under its row lock, so concurrent approvals and leaves
 * never overfill it or skip anyone on the waitlist.
 */
export async function decideJoinRequest(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  input: { member: string; decision: 'approve' | 'decline' },
): Promise<MembershipStatus> {
  const g = await q.findGroup(deps.sql, groupId)
  if (!g) throw new AppError('NOT_FOUND')
  requireGroupFacilitator(g, actor)
  return deps.sql.begin(async (tx) => {
    const lock = await q.lockGroup(tx, groupId)
    if (!lock) throw new AppError('NOT_FOUND')
    const member = await q.findMemberByPseudonym(tx, groupId, input.member)
    if (!member || member.status !== 'requested') throw new AppError('CONFLICT')
    if (input.decision === 'decline') {
      await q.setMemberStatus(tx, groupId, member.accountId, 'declined')
      return 'declined'
    }
    const status = (await q.countApproved(tx, groupId)) < lock.capacity ? 'approved' : 'waitlisted'
    await q.setMemberStatus(tx, groupId, member.accountId, status)
    return status
  })
}

/** Leave a group (or withdraw a request or waitlist place). A freed seat goes to the longest-waiting member. */
export async function leaveGroup(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
): Promise<{ promoted: number }> {
  return deps.sql.begin(async (tx) => {
    const lock = await q.lockGroup(tx, groupId)
    if (!lock) throw new AppError('NOT_FOUND')
    const member = await q.findMembership(tx, groupId, actor.accountId)
    if (!member || ['left', 'declined'].includes(member.status)) throw new AppError('CONFLICT')
    await q.setMemberStatus(tx, groupId, actor.accountId, 'left')
    const promoted = await q.promoteFromWaitlist(tx, groupId, lock.capacity - (await q.countApproved(tx, groupId)))
    return { promoted: promoted.length }
  })
}

// ── sessions: materialize, cancel, move ────────────────────────────────────────────────────────────────
async function materializeInTx(
  deps: CoreDeps,
  tx: TransactionSql,
  groupId: string,
  options: { replace?: boolean } = {},
) {
  const g = await q.findGroup(tx, groupId)
  if (!g) return 0
  const now = nowOf(deps)
  const first = parseLocalDateTime(g.firstStartLocal)
  if (!first || !isTimeZone(g.timeZone)) return 0
  const until = new Date(now.getTime() + MATERIALIZE_WEEKS * 7 * 24 * 3_600_000)
  const occurrences = expandOccurrences({ rrule: g.rrule, firstStartLocal: first, zone: g.timeZone, from: now, until })
  if (options.replace) await q.deleteStaleSessions(tx, groupId, occurrences, now)
  const created = await q.insertSessions(tx, groupId, occurrences, g.durationMinutes)
  for (const session of created) await scheduleReminders(deps, tx, session.id, session.startsAt)
  return created.length
}

/**
 * Materialize sessions for the next weeks (one group, or all) and schedule reminders that have come within the
 * horizon. Idempotent: occurrences are unique per group and slot, reminders per session, kind and start.
 */
export async function materializeSessions(
  deps: CoreDeps,
  input: { groupId?: string } = {},
): Promise<{ created: number; reminders: number }> {
  const ids = input.groupId ? [input.groupId] : await q.listGroupIds(deps.sql)
  let created = 0
  for (const id of ids) created += await deps.sql.begin((tx) => materializeInTx(deps, tx, id))
  const now = nowOf(deps)
  const due = await q.sessionsNeedingReminders(deps.sql, now, new Date(now.getTime() + REMINDER_HORIZON_MS))
  let reminders = 0
  for (const s of due) reminders += await deps.sql.begin((tx) => scheduleReminders(deps, tx, s.id, s.startsAt))
  return { created, reminders }
}

/** One delayed job per reminder kind, for this start time; skipped if already past or beyond the horizon. */
async function scheduleReminders(
  deps: CoreDeps,
  tx: TransactionSql,
  sessionId: string,
  startsAt: Date,
): Promise<number> {
  const now = nowOf(deps).getTime()
  let scheduled = 0
  for (const kind of ['24h', '15m'] as const) {
    const delayMs = startsAt.getTime() - REMINDER_OFFSETS[kind] - now
    if (delayMs < 0 || delayMs > REMINDER_HORIZON_MS) continue
    if (!(await q.insertReminder(tx, sessionId, kind, startsAt))) continue
    await enqueueOutbox(tx, 'groups:reminder', { sessionId, kind, startsAt: startsAt.toISOString() }, { delayMs })
    scheduled++
  }
  return scheduled
}

async function requireSessionFacilitator(deps: CoreDeps, actor: SessionAccount, sessionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw new AppError('NOT_FOUND')
  const session = await q.findSession(deps.sql, sessionId)
  if (!session) throw new AppError('NOT_FOUND')
  const g = await q.findGroup(deps.sql, session.groupId)
  if (!g) throw new AppError('NOT_FOUND')
  requireGroupFacilitator(g, actor)
  return { session, group: g }
}

/** Cancel one session. Its pending reminders find it cancelled when they run and send nothing. */
export async function cancelSession(deps: CoreDeps, actor: SessionAccount, sessionId: string): Promise<void> {
  await requireSessionFacilitator(deps, actor, sessionId)
  const ok = await deps.sql.begin((tx) => q.setSessionCancelled(tx, sessionId))
  if (!ok) throw new AppError('CONFLICT')
}

/** Move one session to a new local start (in the group's time zone). New reminders go with the new time. */
export async function moveSession(
  deps: CoreDeps,
  actor: SessionAccount,
  sessionId: string,
  input: { startsLocal: string },
): Promise<void> {
  const { group } = await requireSessionFacilitator(deps, actor, sessionId)
  const startsAt = instantFromLocal(input.startsLocal, group.timeZone)
  if (!startsAt || startsAt.getTime() <= nowOf(deps).getTime())
    throw new AppError('VALIDATION_FAILED', { startsLocal: 'datetime_invalid' })
  const endsAt = new Date(startsAt.getTime() + group.durationMinutes * 60_000)
  await deps.sql.begin(async (tx) => {
    if (!(await q.setSessionMoved(tx, sessionId, startsAt, endsAt))) throw new AppError('CONFLICT')
    await scheduleReminders(deps, tx, sessionId, startsAt)
  })
}

// ── the recurrence picker's preview ────────────────────────────────────────────────────────────────────
export const PREVIEW_SESSIONS = 5

/**
 * The next sessions a schedule would have, as instants (pages show them in the group's zone and an example
 * member's zone). Nothing is stored; anyone who may create a group may ask.
 */
export function previewSchedule(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { rrule: string; firstStartLocal: string; timeZone: string },
): string[] {
  requireCapability(actor, 'groups:lead')
  if (!isTimeZone(input.timeZone)) throw new AppError('VALIDATION_FAILED', { timeZone: 'zone_unknown' })
  return nextOccurrences({ ...input, zone: input.timeZone, from: nowOf(deps), count: PREVIEW_SESSIONS }).map((d) =>
    d.toISOString(),
  )
}
