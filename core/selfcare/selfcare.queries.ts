import type { Sql, TransactionSql } from '../../db/client.js'
import type { EntryKind, Feeling, GoalStatus } from './selfcare.schema.js'

type Db = Sql | TransactionSql

/*
 * Every query about a member's own self-care takes that member's account id and filters on it: there is no
 * query that reads a journal entry or a mood note by id alone. The only reads for someone else are the goals a
 * member shared with a group, and those join through that group's facilitators.
 */

// ── the member key ─────────────────────────────────────────────────────────────────────────────────────
export async function findWrappedKey(db: Db, accountId: string): Promise<Buffer | null> {
  const [row] = await db<
    { wrappedKey: Buffer }[]
  >`select wrapped_key as "wrappedKey" from selfcare_keys where account_id = ${accountId}`
  return row?.wrappedKey ?? null
}

/** Stores the key unless one exists already (two first writes at once keep one key). */
export async function insertWrappedKey(db: Db, accountId: string, wrapped: Buffer): Promise<void> {
  await db`insert into selfcare_keys (account_id, wrapped_key) values (${accountId}, ${wrapped}) on conflict (account_id) do nothing`
}

/** Serialises one member's check-ins (the daily limit) on their key row. */
export async function lockMemberKey(tx: TransactionSql, accountId: string): Promise<void> {
  await tx`select account_id from selfcare_keys where account_id = ${accountId} for update`
}

export async function findAccountContext(
  db: Db,
  accountId: string,
): Promise<{ timeZone: string; locale: 'en' | 'pl'; email: string | null } | null> {
  const [row] = await db<{ timeZone: string; locale: 'en' | 'pl'; email: string | null }[]>`
    select time_zone as "timeZone", locale, email from accounts where id = ${accountId}`
  return row ?? null
}

// ── journal ────────────────────────────────────────────────────────────────────────────────────────────
export interface JournalRow {
  id: string
  titleEnc: Buffer | null
  bodyEnc: Buffer
  createdAt: Date
  updatedAt: Date
}

const journalColumns = (db: Db) =>
  db`id, title_enc as "titleEnc", body_enc as "bodyEnc", created_at as "createdAt", updated_at as "updatedAt"`

export async function listJournalRows(db: Db, accountId: string, limit: number): Promise<JournalRow[]> {
  return db<JournalRow[]>`
    select ${journalColumns(db)} from journal_entries where account_id = ${accountId} order by created_at desc, id limit ${limit}`
}

export async function findJournalRow(db: Db, accountId: string, entryId: string): Promise<JournalRow | null> {
  const [row] = await db<JournalRow[]>`
    select ${journalColumns(db)} from journal_entries where account_id = ${accountId} and id = ${entryId}`
  return row ?? null
}

export async function insertJournalRow(
  db: Db,
  accountId: string,
  row: { id: string; titleEnc: Buffer | null; bodyEnc: Buffer; at: Date },
) {
  await db`
    insert into journal_entries (id, account_id, title_enc, body_enc, created_at, updated_at)
    values (${row.id}, ${accountId}, ${row.titleEnc}, ${row.bodyEnc}, ${row.at}, ${row.at})`
}

export async function updateJournalRow(
  db: Db,
  accountId: string,
  row: { id: string; titleEnc: Buffer | null; bodyEnc: Buffer; at: Date },
): Promise<boolean> {
  const rows = await db`
    update journal_entries set title_enc = ${row.titleEnc}, body_enc = ${row.bodyEnc}, updated_at = ${row.at}
    where account_id = ${accountId} and id = ${row.id} returning id`
  return rows.length > 0
}

export async function deleteJournalRow(db: Db, accountId: string, entryId: string): Promise<boolean> {
  const rows = await db`delete from journal_entries where account_id = ${accountId} and id = ${entryId} returning id`
  return rows.length > 0
}

// ── mood ───────────────────────────────────────────────────────────────────────────────────────────────
export interface MoodRow {
  id: string
  score: number
  feelings: Feeling[]
  noteEnc: Buffer | null
  localDate: string
  createdAt: Date
}

const moodColumns = (db: Db) => db`
  id, score, feelings, note_enc as "noteEnc", to_char(local_date, 'YYYY-MM-DD') as "localDate", created_at as "createdAt"`

export async function countMoodOnDay(db: Db, accountId: string, localDate: string): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from mood_checkins where account_id = ${accountId} and local_date = ${localDate}::date`
  return row!.n
}

export async function insertMoodRow(
  db: Db,
  accountId: string,
  row: { id: string; score: number; feelings: Feeling[]; noteEnc: Buffer | null; localDate: string; at: Date },
) {
  await db`
    insert into mood_checkins (id, account_id, score, feelings, note_enc, local_date, created_at)
    values (${row.id}, ${accountId}, ${row.score}, ${row.feelings}, ${row.noteEnc}, ${row.localDate}::date, ${row.at})`
}

export async function findMoodRow(db: Db, accountId: string, id: string): Promise<MoodRow | null> {
  const [row] = await db<
    MoodRow[]
  >`select ${moodColumns(db)} from mood_checkins where account_id = ${accountId} and id = ${id}`
  return row ?? null
}

export async function listMoodRows(
  db: Db,
  accountId: string,
  options: { fromDate?: string; limit?: number } = {},
): Promise<MoodRow[]> {
  return db<MoodRow[]>`
    select ${moodColumns(db)} from mood_checkins
    where account_id = ${accountId} ${options.fromDate ? db`and local_date >= ${options.fromDate}::date` : db``}
    order by created_at desc, id
    ${options.limit ? db`limit ${options.limit}` : db``}`
}

export async function deleteMoodRow(db: Db, accountId: string, id: string): Promise<boolean> {
  const rows = await db`delete from mood_checkins where account_id = ${accountId} and id = ${id} returning id`
  return rows.length > 0
}

// ── goals ──────────────────────────────────────────────────────────────────────────────────────────────
export interface GoalRow {
  id: string
  accountId: string
  title: string
  why: string
  status: GoalStatus
  groupId: string | null
  groupTitle: string | null
  createdAt: Date
}
export interface StepRow {
  id: string
  goalId: string
  text: string
  doneAt: Date | null
}
export interface GoalCheckInRow {
  id: string
  goalId: string
  note: string
  rating: number | null
  checkedOn: string
}

const goalColumns = (db: Db) => db`
  g.id, g.account_id as "accountId", g.title, g.why, g.status, g.group_id as "groupId", gr.title as "groupTitle", g.created_at as "createdAt"`

export async function listGoalRows(db: Db, accountId: string): Promise<GoalRow[]> {
  return db<GoalRow[]>`
    select ${goalColumns(db)} from selfcare_goals g left join groups gr on gr.id = g.group_id
    where g.account_id = ${accountId}
    order by case g.status when 'active' then 0 when 'completed' then 1 else 2 end, g.created_at desc`
}

export async function findGoalRow(db: Db, accountId: string, goalId: string): Promise<GoalRow | null> {
  const [row] = await db<GoalRow[]>`
    select ${goalColumns(db)} from selfcare_goals g left join groups gr on gr.id = g.group_id
    where g.account_id = ${accountId} and g.id = ${goalId}`
  return row ?? null
}

export async function insertGoalRow(
  db: Db,
  accountId: string,
  g: { title: string; why: string; groupId: string | null },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into selfcare_goals (account_id, title, why, group_id) values (${accountId}, ${g.title}, ${g.why}, ${g.groupId}) returning id`
  return row!.id
}

export async function updateGoalRow(
  db: Db,
  accountId: string,
  goalId: string,
  g: { title: string; why: string; groupId: string | null },
): Promise<boolean> {
  const rows = await db`
    update selfcare_goals set title = ${g.title}, why = ${g.why}, group_id = ${g.groupId}, updated_at = now()
    where account_id = ${accountId} and id = ${goalId} returning id`
  return rows.length > 0
}

export async function setGoalStatusRow(
  db: Db,
  accountId: string,
  goalId: string,
  status: GoalStatus,
): Promise<boolean> {
  const rows = await db`
    update selfcare_goals set status = ${status}, updated_at = now() where account_id = ${accountId} and id = ${goalId} returning id`
  return rows.length > 0
}

export async function deleteGoalRow(db: Db, accountId: string, goalId: string): Promise<boolean> {
  const rows = await db`delete from selfcare_goals where account_id = ${accountId} and id = ${goalId} returning id`
  return rows.length > 0
}

export async function insertSteps(db: Db, goalId: string, texts: string[]): Promise<void> {
  if (texts.length === 0) return
  const [row] = await db<{ next: number }[]>`
    select coalesce(max(position), 0)::int + 1 as next from selfcare_goal_steps where goal_id = ${goalId}`
  const rows = texts.map((text, i) => ({ goal_id: goalId, position: row!.next + i, text }))
  await db`insert into selfcare_goal_steps ${db(rows, 'goal_id', 'position', 'text')}`
}

export async function countSteps(db: Db, goalId: string): Promise<number> {
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from selfcare_goal_steps where goal_id = ${goalId}`
  return row!.n
}

/** Ticks or un-ticks a step of one of the member's own goals. */
export async function setStepDone(
  db: Db,
  accountId: string,
  goalId: string,
  stepId: string,
  done: boolean,
  at: Date,
): Promise<boolean> {
  const rows = await db`
    update selfcare_goal_steps s set done_at = ${done ? at : null}
    from selfcare_goals g
    where s.id = ${stepId} and s.goal_id = ${goalId} and g.id = s.goal_id and g.account_id = ${accountId}
    returning s.id`
  return rows.length > 0
}

export async function deleteStep(db: Db, accountId: string, goalId: string, stepId: string): Promise<boolean> {
  const rows = await db`
    delete from selfcare_goal_steps s using selfcare_goals g
    where s.id = ${stepId} and s.goal_id = ${goalId} and g.id = s.goal_id and g.account_id = ${accountId}
    returning s.id`
  return rows.length > 0
}

export async function listStepsOf(db: Db, goalIds: string[]): Promise<StepRow[]> {
  if (goalIds.length === 0) return []
  return db<StepRow[]>`
    select id, goal_id as "goalId", text, done_at as "doneAt" from selfcare_goal_steps
    where goal_id = any(${goalIds}::uuid[]) order by position, created_at`
}

export async function insertGoalCheckIn(
  db: Db,
  goalId: string,
  c: { note: string; rating: number | null; date: string },
): Promise<void> {
  await db`
    insert into selfcare_goal_checkins (goal_id, note, rating, checked_on) values (${goalId}, ${c.note}, ${c.rating}, ${c.date}::date)`
}

export async function listGoalCheckInsOf(db: Db, goalIds: string[]): Promise<GoalCheckInRow[]> {
  if (goalIds.length === 0) return []
  return db<GoalCheckInRow[]>`
    select id, goal_id as "goalId", note, rating, to_char(checked_on, 'YYYY-MM-DD') as "checkedOn" from selfcare_goal_checkins
    where goal_id = any(${goalIds}::uuid[]) order by checked_on desc, created_at desc`
}

/** Groups the member is an approved member of: the only groups a goal can be agreed with. */
export async function listApprovedGroups(db: Db, accountId: string): Promise<Array<{ id: string; title: string }>> {
  return db<{ id: string; title: string }[]>`
    select g.id, g.title from group_members m join groups g on g.id = m.group_id
    where m.account_id = ${accountId} and m.status = 'approved' order by g.title`
}

export async function findLedGroup(
  db: Db,
  facilitatorId: string,
  groupId: string,
): Promise<{ id: string; title: string } | null> {
  const [row] = await db<{ id: string; title: string }[]>`
    select id, title from groups where id = ${groupId} and (facilitator_id = ${facilitatorId} or co_facilitator_id = ${facilitatorId})`
  return row ?? null
}

/**
 * Goals shared with a group, for that group's facilitators: only goals of members approved in the group now, and
 * only the group pseudonym of each (never the account's username). Archived goals stay with the member.
 */
export async function listGoalsSharedWithGroup(
  db: Db,
  groupId: string,
): Promise<Array<GoalRow & { pseudonym: string }>> {
  return db<(GoalRow & { pseudonym: string })[]>`
    select ${goalColumns(db)}, m.pseudonym
    from selfcare_goals g
    join groups gr on gr.id = g.group_id
    join group_members m on m.group_id = g.group_id and m.account_id = g.account_id and m.status = 'approved'
    where g.group_id = ${groupId} and g.status <> 'archived'
    order by lower(m.pseudonym), g.created_at`
}

// ── reminders ──────────────────────────────────────────────────────────────────────────────────────────
export interface ReminderRow {
  dailyAt: string | null
  email: boolean
}

export async function findReminder(db: Db, accountId: string): Promise<ReminderRow | null> {
  const [row] = await db<ReminderRow[]>`
    select to_char(daily_at, 'HH24:MI') as "dailyAt", email from selfcare_reminders where account_id = ${accountId}`
  return row ?? null
}

export async function upsertReminder(db: Db, accountId: string, r: { dailyAt: string | null; email: boolean }) {
  await db`
    insert into selfcare_reminders (account_id, daily_at, email) values (${accountId}, ${r.dailyAt}::time, ${r.email})
    on conflict (account_id) do update set daily_at = excluded.daily_at, email = excluded.email, updated_at = now()`
}

export interface EmailReminderCandidate {
  accountId: string
  dailyAt: string
  timeZone: string
  emailQueuedOn: string | null
}

/** Members with a daily reminder, opted in to email and with an address: the sweep decides who is due now. */
export async function listEmailReminderCandidates(db: Db): Promise<EmailReminderCandidate[]> {
  return db<EmailReminderCandidate[]>`
    select r.account_id as "accountId", to_char(r.daily_at, 'HH24:MI') as "dailyAt", a.time_zone as "timeZone",
           to_char(r.email_queued_on, 'YYYY-MM-DD') as "emailQueuedOn"
    from selfcare_reminders r join accounts a on a.id = r.account_id
    where r.daily_at is not null and r.email and a.email is not null`
}

/** Records that today's email was queued; false when it already was (another sweep got there first). */
export async function markEmailQueued(tx: TransactionSql, accountId: string, localDate: string): Promise<boolean> {
  const rows = await tx`
    update selfcare_reminders set email_queued_on = ${localDate}::date
    where account_id = ${accountId} and daily_at is not null and email
      and (email_queued_on is null or email_queued_on < ${localDate}::date)
    returning account_id`
  return rows.length > 0
}

/** The processor's claim on sending today's email: a retried job finds it taken. */
export async function claimEmailSend(
  db: Db,
  accountId: string,
  localDate: string,
): Promise<{ previous: string | null } | null> {
  const [row] = await db<{ previous: string | null }[]>`
    update selfcare_reminders r set email_sent_on = ${localDate}::date
    from (select account_id, email_sent_on from selfcare_reminders where account_id = ${accountId} for update) old
    where r.account_id = old.account_id and r.email and r.daily_at is not null
      and (r.email_sent_on is null or r.email_sent_on < ${localDate}::date)
    returning to_char(old.email_sent_on, 'YYYY-MM-DD') as previous`
  return row ?? null
}

export async function releaseEmailSend(db: Db, accountId: string, localDate: string, previous: string | null) {
  await db`
    update selfcare_reminders set email_sent_on = ${previous}::date
    where account_id = ${accountId} and email_sent_on = ${localDate}::date`
}

// ── "would you like a clinician to contact you?" ───────────────────────────────────────────────────────
/** Claims the entry's one request; false when a yes for it was recorded before (its incident is returned). */
export async function claimSupportRequest(
  tx: TransactionSql,
  accountId: string,
  kind: EntryKind,
  entryId: string,
): Promise<boolean> {
  const rows = await tx`
    insert into selfcare_support_requests (entry_kind, entry_id, account_id) values (${kind}, ${entryId}, ${accountId})
    on conflict (entry_kind, entry_id) do nothing returning entry_id`
  return rows.length > 0
}

export async function findSupportRequest(
  db: Db,
  accountId: string,
  kind: EntryKind,
  entryId: string,
): Promise<{ incidentId: string | null } | null> {
  const [row] = await db<{ incidentId: string | null }[]>`
    select incident_id as "incidentId" from selfcare_support_requests
    where account_id = ${accountId} and entry_kind = ${kind} and entry_id = ${entryId}`
  return row ?? null
}

export async function setSupportIncident(tx: TransactionSql, kind: EntryKind, entryId: string, incidentId: string) {
  await tx`update selfcare_support_requests set incident_id = ${incidentId} where entry_kind = ${kind} and entry_id = ${entryId}`
}

export async function listSupportRequests(db: Db, accountId: string) {
  return db<{ entryKind: EntryKind; entryId: string; createdAt: Date }[]>`
    select entry_kind as "entryKind", entry_id as "entryId", created_at as "createdAt" from selfcare_support_requests
    where account_id = ${accountId} order by created_at`
}
