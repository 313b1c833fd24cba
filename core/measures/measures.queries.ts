import type { Sql, TransactionSql } from '../../db/client.js'
import type { Instrument } from './measures.schema.js'

type Db = Sql | TransactionSql

/*
 * Every member query filters on the acting account. Every facilitator query is scoped to a group the actor leads
 * and, for scores, joins the member's current consent for that group and their approved membership: a score
 * without both is never selected.
 */

export async function findAccountContext(
  db: Db,
  accountId: string,
): Promise<{ timeZone: string; locale: 'en' | 'pl'; email: string | null } | null> {
  const [row] = await db<{ timeZone: string; locale: 'en' | 'pl'; email: string | null }[]>`
    select time_zone as "timeZone", locale, email from accounts where id = ${accountId}`
  return row ?? null
}

// ── responses ──────────────────────────────────────────────────────────────────────────────────────────
export interface ResponseRow {
  id: string
  instrument: Instrument
  answers: number[]
  total: number
  completedAt: Date
  clinicianRequestedAt: Date | null
  incidentId: string | null
}
const responseColumns = (db: Db) => db`
  r.id, r.instrument, r.answers, r.total, r.completed_at as "completedAt",
  r.clinician_requested_at as "clinicianRequestedAt", r.incident_id as "incidentId"`

export async function insertResponse(
  db: Db,
  accountId: string,
  r: { id: string; instrument: Instrument; answers: number[]; total: number; at: Date },
) {
  await db`
    insert into measure_responses (id, account_id, instrument, answers, total, completed_at)
    values (${r.id}, ${accountId}, ${r.instrument}, ${db.array(r.answers, 21)}::smallint[], ${r.total}, ${r.at})`
}

export async function findResponse(db: Db, accountId: string, id: string): Promise<ResponseRow | null> {
  const [row] = await db<
    ResponseRow[]
  >`select ${responseColumns(db)} from measure_responses r where r.id = ${id} and r.account_id = ${accountId}`
  return row ?? null
}

export async function listResponses(db: Db, accountId: string): Promise<ResponseRow[]> {
  return db<ResponseRow[]>`
    select ${responseColumns(db)} from measure_responses r where r.account_id = ${accountId} order by r.completed_at, r.id`
}

/** Claims the one "yes, contact me" of a response; false when it was already claimed. */
export async function claimClinicianRequest(db: Db, accountId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db`
    update measure_responses set clinician_requested_at = ${at}
    where id = ${id} and account_id = ${accountId} and clinician_requested_at is null returning id`
  return rows.length === 1
}

export async function setResponseIncident(db: Db, id: string, incidentId: string): Promise<void> {
  await db`update measure_responses set incident_id = ${incidentId} where id = ${id}`
}

// ── groups, requests ───────────────────────────────────────────────────────────────────────────────────
export async function listApprovedGroups(db: Db, accountId: string): Promise<Array<{ id: string; title: string }>> {
  return db<{ id: string; title: string }[]>`
    select g.id, g.title from group_members m join groups g on g.id = m.group_id
    where m.account_id = ${accountId} and m.status = 'approved' order by g.title, g.id`
}

export async function isApprovedMember(db: Db, accountId: string, groupId: string): Promise<boolean> {
  const rows =
    await db`select 1 from group_members where group_id = ${groupId} and account_id = ${accountId} and status = 'approved'`
  return rows.length === 1
}

export async function findLedGroup(
  db: Db,
  facilitatorId: string,
  groupId: string,
): Promise<{ id: string; title: string; timeZone: string } | null> {
  const [row] = await db<{ id: string; title: string; timeZone: string }[]>`
    select id, title, time_zone as "timeZone" from groups
    where id = ${groupId} and (facilitator_id = ${facilitatorId} or co_facilitator_id = ${facilitatorId})`
  return row ?? null
}

export interface SessionRow {
  id: string
  startsAt: Date
}

/** The group's next session that has not started (scheduled or moved). */
export async function findNextSession(db: Db, groupId: string, now: Date): Promise<SessionRow | null> {
  const [row] = await db<SessionRow[]>`
    select id, starts_at as "startsAt" from group_sessions
    where group_id = ${groupId} and status in ('scheduled', 'moved') and starts_at > ${now}
    order by starts_at limit 1`
  return row ?? null
}

/** The group's last session that started before `before` and was not cancelled. */
export async function findPreviousSession(db: Db, groupId: string, before: Date): Promise<SessionRow | null> {
  const [row] = await db<SessionRow[]>`
    select id, starts_at as "startsAt" from group_sessions
    where group_id = ${groupId} and status <> 'cancelled' and starts_at < ${before}
    order by starts_at desc limit 1`
  return row ?? null
}

export async function lockGroup(db: TransactionSql, groupId: string): Promise<void> {
  await db`select id from groups where id = ${groupId} for update`
}

export async function insertRequest(
  db: Db,
  r: { groupId: string; instrument: Instrument; sessionId: string | null; requestedBy: string; at: Date },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into measure_requests (group_id, instrument, session_id, requested_by, created_at)
    values (${r.groupId}, ${r.instrument}, ${r.sessionId}, ${r.requestedBy}, ${r.at}) returning id`
  return row!.id
}

/** A request of this instrument for the same session, or made since `since`: asking again would only email twice. */
export async function hasRecentRequest(
  db: Db,
  r: { groupId: string; instrument: Instrument; sessionId: string | null; since: Date },
): Promise<boolean> {
  const rows = await db`
    select 1 from measure_requests
    where group_id = ${r.groupId} and instrument = ${r.instrument}
      and (created_at >= ${r.since} or (${r.sessionId}::uuid is not null and session_id = ${r.sessionId}::uuid))
    limit 1`
  return rows.length === 1
}

export interface RequestRow {
  id: string
  groupId: string
  instrument: Instrument
  createdAt: Date
  sessionStartsAt: Date | null
}
const requestColumns = (db: Db) => db`
  q.id, q.group_id as "groupId", q.instrument, q.created_at as "createdAt", s.starts_at as "sessionStartsAt"`

export async function listGroupRequests(db: Db, groupId: string, since: Date, limit = 20): Promise<RequestRow[]> {
  return db<RequestRow[]>`
    select ${requestColumns(db)} from measure_requests q left join group_sessions s on s.id = q.session_id
    where q.group_id = ${groupId} and q.created_at >= ${since} order by q.created_at desc limit ${limit}`
}

export async function findRequest(db: Db, id: string): Promise<RequestRow | null> {
  const [row] = await db<RequestRow[]>`
    select ${requestColumns(db)} from measure_requests q left join group_sessions s on s.id = q.session_id where q.id = ${id}`
  return row ?? null
}

/**
 * Requests to this member (approved in the group) made since `since`, whose session has not started, that the
 * member has not answered since with that instrument.
 */
export async function listPendingRequests(
  db: Db,
  accountId: string,
  since: Date,
  now: Date,
): Promise<Array<RequestRow & { groupTitle: string }>> {
  return db<Array<RequestRow & { groupTitle: string }>>`
    select ${requestColumns(db)}, g.title as "groupTitle"
    from measure_requests q
    join groups g on g.id = q.group_id
    join group_members m on m.group_id = q.group_id and m.account_id = ${accountId} and m.status = 'approved'
    left join group_sessions s on s.id = q.session_id
    where q.created_at >= ${since} and (s.starts_at is null or s.starts_at > ${now})
      and not exists (
        select 1 from measure_responses r
        where r.account_id = ${accountId} and r.instrument = q.instrument and r.completed_at >= q.created_at)
    order by q.created_at desc`
}

/** Approved members with an email address who have not answered the request's instrument since it was made. */
export async function listReminderRecipients(
  db: Db,
  requestId: string,
): Promise<Array<{ accountId: string; email: string; locale: 'en' | 'pl' }>> {
  return db<Array<{ accountId: string; email: string; locale: 'en' | 'pl' }>>`
    select a.id as "accountId", a.email, a.locale
    from measure_requests q
    join group_members m on m.group_id = q.group_id and m.status = 'approved'
    join accounts a on a.id = m.account_id
    where q.id = ${requestId} and a.email is not null
      and not exists (
        select 1 from measure_responses r where r.account_id = a.id and r.instrument = q.instrument and r.completed_at >= q.created_at)
    order by a.id`
}

export async function claimReminder(db: Db, requestId: string, accountId: string): Promise<boolean> {
  const rows = await db`
    insert into measure_reminders (request_id, account_id) values (${requestId}, ${accountId}) on conflict do nothing returning request_id`
  return rows.length === 1
}

export async function releaseReminder(db: Db, requestId: string, accountId: string): Promise<void> {
  await db`delete from measure_reminders where request_id = ${requestId} and account_id = ${accountId}`
}

// ── consent ────────────────────────────────────────────────────────────────────────────────────────────
export async function listCurrentConsents(
  db: Db,
  accountId: string,
): Promise<Array<{ groupId: string; grantedAt: Date }>> {
  return db<Array<{ groupId: string; grantedAt: Date }>>`
    select group_id as "groupId", granted_at as "grantedAt" from measure_consents where account_id = ${accountId} and withdrawn_at is null`
}

/** A second grant while one is current changes nothing (the unique index on current rows). */
export async function grantConsent(db: Db, accountId: string, groupId: string, at: Date): Promise<void> {
  await db`
    insert into measure_consents (account_id, group_id, granted_at) values (${accountId}, ${groupId}, ${at})
    on conflict (account_id, group_id) where withdrawn_at is null do nothing`
}

export async function withdrawConsent(db: Db, accountId: string, groupId: string, at: Date): Promise<boolean> {
  const rows = await db`
    update measure_consents set withdrawn_at = ${at}
    where account_id = ${accountId} and group_id = ${groupId} and withdrawn_at is null returning id`
  return rows.length === 1
}

export async function listConsentHistory(
  db: Db,
  accountId: string,
): Promise<Array<{ groupId: string; groupTitle: string; grantedAt: Date; withdrawnAt: Date | null }>> {
  return db<Array<{ groupId: string; groupTitle: string; grantedAt: Date; withdrawnAt: Date | null }>>`
    select c.group_id as "groupId", g.title as "groupTitle", c.granted_at as "grantedAt", c.withdrawn_at as "withdrawnAt"
    from measure_consents c join groups g on g.id = c.group_id
    where c.account_id = ${accountId} order by c.granted_at, c.id`
}

export async function listRemindersOf(db: Db, accountId: string): Promise<Array<{ requestId: string; sentAt: Date }>> {
  return db<Array<{ requestId: string; sentAt: Date }>>`
    select request_id as "requestId", sent_at as "sentAt" from measure_reminders where account_id = ${accountId} order by sent_at`
}

// ── for the group's facilitators: consenting members only ──────────────────────────────────────────────
/** Approved members of the group who consent now, by group pseudonym (the account id stays in core). */
export async function listSharingMembers(
  db: Db,
  groupId: string,
): Promise<Array<{ accountId: string; pseudonym: string }>> {
  return db<Array<{ accountId: string; pseudonym: string }>>`
    select m.account_id as "accountId", m.pseudonym
    from group_members m
    join measure_consents c on c.account_id = m.account_id and c.group_id = m.group_id and c.withdrawn_at is null
    where m.group_id = ${groupId} and m.status = 'approved'
    order by lower(m.pseudonym)`
}

export async function countApprovedMembers(db: Db, groupId: string): Promise<number> {
  const [row] = await db<
    { n: number }[]
  >`select count(*)::int as n from group_members where group_id = ${groupId} and status = 'approved'`
  return row!.n
}

/** Scores (never the item answers) of members who consent to share with this group now. */
export async function listSharedScores(
  db: Db,
  groupId: string,
): Promise<Array<{ accountId: string; id: string; instrument: Instrument; total: number; completedAt: Date }>> {
  return db<Array<{ accountId: string; id: string; instrument: Instrument; total: number; completedAt: Date }>>`
    select r.account_id as "accountId", r.id, r.instrument, r.total, r.completed_at as "completedAt"
    from measure_responses r
    join group_members m on m.account_id = r.account_id and m.group_id = ${groupId} and m.status = 'approved'
    join measure_consents c on c.account_id = r.account_id and c.group_id = ${groupId} and c.withdrawn_at is null
    order by r.completed_at, r.id`
}

/** Homework of the group due in [from, to): per consenting member, how many are marked done. */
export async function homeworkStatusOfSharing(
  db: Db,
  groupId: string,
  from: Date | null,
  to: Date,
): Promise<{ total: number; done: Map<string, number> }> {
  const [count] = await db<{ n: number }[]>`
    select count(*)::int as n from homework where group_id = ${groupId} and due_at < ${to} and (${from}::timestamptz is null or due_at >= ${from})`
  const rows = await db<Array<{ accountId: string; done: number }>>`
    select hc.account_id as "accountId", count(*)::int as done
    from homework h
    join homework_completions hc on hc.homework_id = h.id and hc.done_at is not null
    join measure_consents c on c.account_id = hc.account_id and c.group_id = ${groupId} and c.withdrawn_at is null
    where h.group_id = ${groupId} and h.due_at < ${to} and (${from}::timestamptz is null or h.due_at >= ${from})
    group by hc.account_id`
  return { total: count!.n, done: new Map(rows.map((r) => [r.accountId, r.done])) }
}
