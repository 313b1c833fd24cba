import type { Sql, TransactionSql } from '../../db/client.js'
import type { FacilitatorProfileInput, MembershipStatus, SessionStatus } from './groups.schema.js'

type Db = Sql | TransactionSql

// ── accounts ───────────────────────────────────────────────────────────────────────────────────────────
export async function findAccountTimeZone(db: Db, accountId: string): Promise<string> {
  const [row] = await db<{ timeZone: string }[]>`select time_zone as "timeZone" from accounts where id = ${accountId}`
  return row?.timeZone ?? 'UTC'
}

export async function updateAccountTimeZone(db: Db, accountId: string, timeZone: string) {
  await db`update accounts set time_zone = ${timeZone}, time_zone_source = 'member' where id = ${accountId}`
}

export async function findAccountTimeZoneSource(
  db: Db,
  accountId: string,
): Promise<{ zone: string; source: 'default' | 'browser' | 'member' } | null> {
  const [row] = await db<{ zone: string; source: 'default' | 'browser' | 'member' }[]>`
    select time_zone as zone, time_zone_source as source from accounts where id = ${accountId}`
  return row ?? null
}

/**
 * Take the browser's zone only while the account has none of its own yet (the default UTC, never chosen; an account
 * created with a zone keeps it); true when it was saved.
 */
export async function adoptBrowserTimeZone(db: Db, accountId: string, timeZone: string): Promise<boolean> {
  const rows = await db`
    update accounts set time_zone = ${timeZone}, time_zone_source = 'browser'
    where id = ${accountId} and time_zone_source = 'default' and time_zone = 'UTC'
    returning id`
  return rows.length > 0
}

// ── facilitator profiles ───────────────────────────────────────────────────────────────────────────────
export interface ProfileRow {
  accountId: string
  displayName: string
  education: string
  experience: string
  approach: string
  languages: string[]
  licenceNumber: string
  licenceJurisdiction: string
  verifiedAt: Date | null
  responseHours: number
}

const profileColumns = (db: Db) => db`
  p.account_id as "accountId", p.display_name as "displayName", p.education, p.experience, p.approach, p.languages,
  p.licence_number as "licenceNumber", p.licence_jurisdiction as "licenceJurisdiction", p.verified_at as "verifiedAt",
  p.response_hours as "responseHours"`

export async function findProfile(db: Db, accountId: string): Promise<ProfileRow | null> {
  const rows = await db<
    ProfileRow[]
  >`select ${profileColumns(db)} from facilitator_profiles p where p.account_id = ${accountId}`
  return rows[0] ?? null
}

/** Upsert; a changed licence number or jurisdiction clears the verification. */
export async function upsertProfile(db: Db, accountId: string, input: FacilitatorProfileInput) {
  await db`
    insert into facilitator_profiles (account_id, display_name, education, experience, approach, languages, licence_number, licence_jurisdiction, response_hours)
    values (${accountId}, ${input.displayName}, ${input.education}, ${input.experience}, ${input.approach}, ${input.languages},
            ${input.licenceNumber}, ${input.licenceJurisdiction}, coalesce(${input.responseHours ?? null}::int, 48))
    on conflict (account_id) do update set
      display_name = excluded.display_name, education = excluded.education, experience = excluded.experience,
      approach = excluded.approach, languages = excluded.languages, licence_number = excluded.licence_number,
      licence_jurisdiction = excluded.licence_jurisdiction, updated_at = now(),
      response_hours = coalesce(${input.responseHours ?? null}::int, facilitator_profiles.response_hours),
      verified_at = case when facilitator_profiles.licence_number = excluded.licence_number
                          and facilitator_profiles.licence_jurisdiction = excluded.licence_jurisdiction
                         then facilitator_profiles.verified_at end,
      verified_by = case when facilitator_profiles.licence_number = excluded.licence_number
                          and facilitator_profiles.licence_jurisdiction = excluded.licence_jurisdiction
                         then facilitator_profiles.verified_by end`
}

export async function listProfiles(db: Db): Promise<ProfileRow[]> {
  return db<ProfileRow[]>`
    select ${profileColumns(db)} from facilitator_profiles p join accounts a on a.id = p.account_id
    where a.role = 'facilitator'
    order by p.verified_at nulls first, p.updated_at`
}

export async function setProfileVerification(db: Db, accountId: string, adminId: string | null): Promise<boolean> {
  const rows = await db`
    update facilitator_profiles
    set verified_at = case when ${adminId}::uuid is null then null else now() end, verified_by = ${adminId}
    where account_id = ${accountId}
    returning account_id`
  return rows.length > 0
}

export async function listVerifiedFacilitators(db: Db): Promise<Array<{ accountId: string; displayName: string }>> {
  return db<{ accountId: string; displayName: string }[]>`
    select p.account_id as "accountId", p.display_name as "displayName"
    from facilitator_profiles p join accounts a on a.id = p.account_id
    where p.verified_at is not null and a.role = 'facilitator'
    order by p.display_name`
}

// ── groups ─────────────────────────────────────────────────────────────────────────────────────────────
export interface GroupWrite {
  title: string
  description: string
  topic: string
  language: 'en' | 'pl'
  coFacilitatorId: string | null
  capacity: number
  rrule: string
  timeZone: string
  firstStartLocal: string
  durationMinutes: number
  intakeQuestion: string
}

/** A group as stored: what the facilitator wrote, plus who leads it and how many seats are taken. */
export interface GroupRow extends GroupWrite {
  id: string
  facilitatorId: string
  seatsTaken: number
}

const groupColumns = (db: Db) => db`
  g.id, g.title, g.description, g.topic, g.language, g.facilitator_id as "facilitatorId",
  g.co_facilitator_id as "coFacilitatorId", g.capacity, g.rrule, g.time_zone as "timeZone",
  to_char(g.first_start_local, 'YYYY-MM-DD"T"HH24:MI') as "firstStartLocal", g.duration_minutes as "durationMinutes",
  g.intake_question as "intakeQuestion",
  (select count(*)::int from group_members m where m.group_id = g.id and m.status = 'approved') as "seatsTaken"`

export async function insertGroup(db: Db, facilitatorId: string, g: GroupWrite): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into groups (title, description, topic, language, facilitator_id, co_facilitator_id, capacity, rrule, time_zone,
                        first_start_local, duration_minutes, intake_question)
    values (${g.title}, ${g.description}, ${g.topic}, ${g.language}, ${facilitatorId}, ${g.coFacilitatorId}, ${g.capacity},
            ${g.rrule}, ${g.timeZone}, ${g.firstStartLocal}::timestamp, ${g.durationMinutes}, ${g.intakeQuestion})
    returning id`
  return row!.id
}

export async function updateGroup(db: Db, groupId: string, g: GroupWrite) {
  await db`
    update groups set title = ${g.title}, description = ${g.description}, topic = ${g.topic}, language = ${g.language},
      co_facilitator_id = ${g.coFacilitatorId}, capacity = ${g.capacity}, rrule = ${g.rrule}, time_zone = ${g.timeZone},
      first_start_local = ${g.firstStartLocal}::timestamp, duration_minutes = ${g.durationMinutes},
      intake_question = ${g.intakeQuestion}, updated_at = now()
    where id = ${groupId}`
}

export async function findGroup(db: Db, groupId: string): Promise<GroupRow | null> {
  const rows = await db<GroupRow[]>`select ${groupColumns(db)} from groups g where g.id = ${groupId}`
  return rows[0] ?? null
}

export async function listGroupRows(db: Db): Promise<GroupRow[]> {
  return db<GroupRow[]>`select ${groupColumns(db)} from groups g order by g.language, g.title`
}

export async function listGroupIds(db: Db): Promise<string[]> {
  const rows = await db<{ id: string }[]>`select id from groups order by created_at`
  return rows.map((r) => r.id)
}

/** Serialises every seat change of one group: approvals, leaves and promotions take this lock first. */
export async function lockGroup(tx: TransactionSql, groupId: string): Promise<{ capacity: number } | null> {
  const rows = await tx<{ capacity: number }[]>`select capacity from groups where id = ${groupId} for update`
  return rows[0] ?? null
}

// ── membership ─────────────────────────────────────────────────────────────────────────────────────────
export interface MemberRow {
  accountId: string
  pseudonym: string
  status: MembershipStatus
  answer: string
  requestedAt: Date
  waitlistedAt: Date | null
}

export async function findMembership(db: Db, groupId: string, accountId: string): Promise<MemberRow | null> {
  const rows = await db<MemberRow[]>`
    select account_id as "accountId", pseudonym, status, intake_answer as answer, requested_at as "requestedAt",
           waitlisted_at as "waitlistedAt"
    from group_members where group_id = ${groupId} and account_id = ${accountId}`
  return rows[0] ?? null
}

export async function listMemberships(db: Db, accountId: string): Promise<Map<string, MembershipStatus>> {
  const rows = await db<{ groupId: string; status: MembershipStatus }[]>`
    select group_id as "groupId", status from group_members where account_id = ${accountId}`
  return new Map(rows.map((r) => [r.groupId, r.status]))
}

export async function listRoster(db: Db, groupId: string): Promise<MemberRow[]> {
  return db<MemberRow[]>`
    select account_id as "accountId", pseudonym, status, intake_answer as answer, requested_at as "requestedAt",
           waitlisted_at as "waitlistedAt"
    from group_members where group_id = ${groupId}
    order by case status when 'requested' then 0 when 'approved' then 1 when 'waitlisted' then 2 else 3 end,
             waitlisted_at nulls last, requested_at`
}

export async function waitlistPosition(db: Db, groupId: string, accountId: string): Promise<number | null> {
  const [row] = await db<{ position: number | null }[]>`
    select (select count(*)::int from group_members o
            where o.group_id = m.group_id and o.status = 'waitlisted' and (o.waitlisted_at, o.account_id) <= (m.waitlisted_at, m.account_id)) as position
    from group_members m where m.group_id = ${groupId} and m.account_id = ${accountId} and m.status = 'waitlisted'`
  return row?.position ?? null
}

/** A new request, or a fresh one after leaving or being declined. Returns false if the pseudonym is taken. */
export async function upsertJoinRequest(
  db: Db,
  groupId: string,
  accountId: string,
  answer: string,
  pseudonym: string,
): Promise<boolean> {
  try {
    const rows = await db`
      insert into group_members (group_id, account_id, status, intake_answer, pseudonym)
      values (${groupId}, ${accountId}, 'requested', ${answer}, ${pseudonym})
      on conflict (group_id, account_id) do update set status = 'requested', intake_answer = excluded.intake_answer,
        pseudonym = excluded.pseudonym, requested_at = now(), waitlisted_at = null, decided_at = null
      where group_members.status in ('left', 'declined')
      returning account_id`
    return rows.length > 0
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return false
    throw error
  }
}

export async function findMemberByPseudonym(db: Db, groupId: string, pseudonym: string): Promise<MemberRow | null> {
  const rows = await db<MemberRow[]>`
    select account_id as "accountId", pseudonym, status, intake_answer as answer, requested_at as "requestedAt",
           waitlisted_at as "waitlistedAt"
    from group_members where group_id = ${groupId} and lower(pseudonym) = lower(${pseudonym})`
  return rows[0] ?? null
}

export async function countApproved(tx: TransactionSql, groupId: string): Promise<number> {
  const [row] = await tx<
    { n: number }[]
  >`select count(*)::int as n from group_members where group_id = ${groupId} and status = 'approved'`
  return row!.n
}

export async function setMemberStatus(
  tx: TransactionSql,
  groupId: string,
  accountId: string,
  status: MembershipStatus,
) {
  await tx`
    update group_members set status = ${status}, decided_at = now(),
      waitlisted_at = case when ${status} = 'waitlisted' then clock_timestamp() else null end
    where group_id = ${groupId} and account_id = ${accountId}`
}

/** Promote the longest-waiting members into free seats; returns who was promoted. */
export async function promoteFromWaitlist(tx: TransactionSql, groupId: string, seats: number): Promise<string[]> {
  if (seats <= 0) return []
  const rows = await tx<{ accountId: string }[]>`
    update group_members set status = 'approved', waitlisted_at = null, decided_at = now()
    where group_id = ${groupId} and account_id in (
      select account_id from group_members where group_id = ${groupId} and status = 'waitlisted'
      order by waitlisted_at, account_id limit ${seats})
    returning account_id as "accountId"`
  return rows.map((r) => r.accountId)
}

// ── sessions ───────────────────────────────────────────────────────────────────────────────────────────
export interface SessionRow {
  id: string
  groupId: string
  startsAt: Date
  endsAt: Date
  status: SessionStatus
}

export async function insertSessions(
  tx: TransactionSql,
  groupId: string,
  occurrences: Date[],
  durationMinutes: number,
): Promise<SessionRow[]> {
  if (occurrences.length === 0) return []
  const values = occurrences.map((at) => ({
    group_id: groupId,
    occurrence_at: at,
    starts_at: at,
    ends_at: new Date(at.getTime() + durationMinutes * 60_000),
  }))
  return tx<SessionRow[]>`
    insert into group_sessions ${tx(values as never, 'group_id', 'occurrence_at', 'starts_at', 'ends_at')}
    on conflict (group_id, occurrence_at) do nothing
    returning id, group_id as "groupId", starts_at as "startsAt", ends_at as "endsAt", status`
}

/** After a rule change: future untouched sessions the new rule no longer produces are removed. */
export async function deleteStaleSessions(
  tx: TransactionSql,
  groupId: string,
  keep: Date[],
  now: Date,
): Promise<number> {
  const rows = await tx`
    delete from group_sessions
    where group_id = ${groupId} and status = 'scheduled' and starts_at > ${now}
      and not (occurrence_at = any(${keep.map((d) => d.toISOString())}::timestamptz[]))
      and not exists (select 1 from group_session_participants p where p.session_id = group_sessions.id)
    returning id`
  return rows.length
}

export async function listUpcomingSessions(db: Db, groupId: string, now: Date, limit: number): Promise<SessionRow[]> {
  return db<SessionRow[]>`
    select id, group_id as "groupId", starts_at as "startsAt", ends_at as "endsAt", status
    from group_sessions where group_id = ${groupId} and ends_at > ${now}
    order by starts_at limit ${limit}`
}

export async function findSession(db: Db, sessionId: string): Promise<SessionRow | null> {
  const rows = await db<SessionRow[]>`
    select id, group_id as "groupId", starts_at as "startsAt", ends_at as "endsAt", status from group_sessions where id = ${sessionId}`
  return rows[0] ?? null
}

export async function setSessionCancelled(tx: TransactionSql, sessionId: string): Promise<boolean> {
  const rows = await tx`
    update group_sessions set status = 'cancelled', updated_at = now()
    where id = ${sessionId} and status in ('scheduled', 'moved') returning id`
  return rows.length > 0
}

export async function setSessionMoved(
  tx: TransactionSql,
  sessionId: string,
  startsAt: Date,
  endsAt: Date,
): Promise<boolean> {
  const rows = await tx`
    update group_sessions set status = 'moved', starts_at = ${startsAt}, ends_at = ${endsAt}, updated_at = now()
    where id = ${sessionId} and status in ('scheduled', 'moved') returning id`
  return rows.length > 0
}

/** Sessions that start within the reminder horizon and still need their reminders scheduled. */
export async function sessionsNeedingReminders(db: Db, now: Date, horizonEnd: Date): Promise<SessionRow[]> {
  return db<SessionRow[]>`
    select s.id, s.group_id as "groupId", s.starts_at as "startsAt", s.ends_at as "endsAt", s.status
    from group_sessions s
    where s.status in ('scheduled', 'moved') and s.starts_at > ${now} and s.starts_at <= ${horizonEnd}
      and (select count(*) from group_reminders r where r.session_id = s.id and r.starts_at = s.starts_at) < 2`
}

// ── reminders ──────────────────────────────────────────────────────────────────────────────────────────
export async function insertReminder(
  tx: TransactionSql,
  sessionId: string,
  kind: '24h' | '15m',
  startsAt: Date,
): Promise<boolean> {
  const rows = await tx`
    insert into group_reminders (session_id, kind, starts_at) values (${sessionId}, ${kind}, ${startsAt})
    on conflict do nothing returning session_id`
  return rows.length > 0
}

export interface ReminderRecipient {
  accountId: string
  email: string | null
  locale: 'en' | 'pl'
}

/** Approved members and both facilitators of a session's group. */
export async function reminderRecipients(db: Db, sessionId: string): Promise<ReminderRecipient[]> {
  return db<ReminderRecipient[]>`
    select a.id as "accountId", a.email, a.locale
    from group_sessions s join groups g on g.id = s.group_id
    join accounts a on a.id in (
      select m.account_id from group_members m where m.group_id = g.id and m.status = 'approved'
      union select g.facilitator_id union select g.co_facilitator_id)
    where s.id = ${sessionId}`
}

export async function claimReminderDelivery(
  db: Db,
  sessionId: string,
  kind: string,
  startsAt: Date,
  accountId: string,
): Promise<boolean> {
  const rows = await db`
    insert into group_reminder_deliveries (session_id, kind, starts_at, account_id)
    values (${sessionId}, ${kind}, ${startsAt}, ${accountId})
    on conflict do nothing returning account_id`
  return rows.length > 0
}

export async function releaseReminderDelivery(
  db: Db,
  sessionId: string,
  kind: string,
  startsAt: Date,
  accountId: string,
) {
  await db`
    delete from group_reminder_deliveries
    where session_id = ${sessionId} and kind = ${kind} and starts_at = ${startsAt} and account_id = ${accountId}`
}

/** Whether the account already uses this name (any case) as a pseudonym in a peer-support (topic) room. */
export async function isRoomPseudonymOf(db: Db, accountId: string, pseudonym: string): Promise<boolean> {
  const rows = await db`
    select 1 from room_memberships rm join rooms r on r.id = rm.room_id
    where rm.account_id = ${accountId} and r.kind = 'topic' and lower(rm.pseudonym) = lower(${pseudonym.trim()}) limit 1`
  return rows.length > 0
}

/** The groups the member asked to join, with their answers and the pseudonym they use there. */
export async function selectGroupMembershipExport(db: Db, accountId: string) {
  return db<
    {
      group: string
      pseudonym: string
      status: MembershipStatus
      intakeAnswer: string
      requestedAt: Date
      decidedAt: Date | null
    }[]
  >`
    select g.title as "group", gm.pseudonym, gm.status, gm.intake_answer as "intakeAnswer",
           gm.requested_at as "requestedAt", gm.decided_at as "decidedAt"
    from group_members gm join groups g on g.id = gm.group_id
    where gm.account_id = ${accountId}
    order by gm.requested_at`
}

export async function leadsAnyGroup(db: Db, accountId: string): Promise<boolean> {
  const rows = await db`select 1 from groups where facilitator_id = ${accountId} limit 1`
  return rows.length > 0
}
