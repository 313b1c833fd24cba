import type { Sql, TransactionSql } from '../../db/client.js'
import type { CrisisRiskLevel } from './crisis.schema.js'

type Db = Sql | TransactionSql

/*
 * Follow-ups after an incident (crisis.followup.ts) and the member's choice of an email when one is asked.
 * Member-facing queries take the member's account id; the console's take the incident id behind a role check.
 */

export type FollowUpStatus = 'scheduled' | 'asked' | 'answered' | 'missed' | 'cancelled'
export type FollowUpAnswer = 'ok' | 'struggling' | 'help'

export interface FollowUpRow {
  id: string
  incidentId: string
  memberAccountId: string
  createdBy: string | null
  dueAt: Date
  answerWindowMinutes: number
  status: FollowUpStatus
  answer: FollowUpAnswer | null
  askedAt: Date | null
  answeredAt: Date | null
  missedAt: Date | null
  emailSentAt: Date | null
  createdAt: Date
}

const columns = (db: Db) => db`
  id, incident_id as "incidentId", member_account_id as "memberAccountId", created_by as "createdBy", due_at as "dueAt",
  answer_window_minutes as "answerWindowMinutes", status, answer, asked_at as "askedAt", answered_at as "answeredAt",
  missed_at as "missedAt", email_sent_at as "emailSentAt", created_at as "createdAt"`

export type FollowUpEventKind =
  'followup_scheduled' | 'followup_asked' | 'followup_answered' | 'followup_missed' | 'reopened'

export async function insertFollowUpEvent(
  db: Db,
  input: {
    incidentId: string
    kind: FollowUpEventKind
    actorAccountId?: string | null
    escalationLevel?: number
    repeat?: number
    at: Date
  },
) {
  await db`
    insert into crisis_events (incident_id, kind, actor_account_id, escalation_level, escalation_repeat, created_at)
    values (${input.incidentId}, ${input.kind}, ${input.actorAccountId ?? null}, ${input.escalationLevel ?? null}, ${input.repeat ?? null}, ${input.at})`
}

export async function findAccountTimeZone(db: Db, accountId: string): Promise<string | null> {
  const [row] = await db<{ timeZone: string }[]>`select time_zone as "timeZone" from accounts where id = ${accountId}`
  return row?.timeZone ?? null
}

/** The incident as the care team's access check needs it, and whether a follow-up of it is still waiting. */
export async function findIncidentForCareTeam(db: Db, incidentId: string) {
  const [row] = await db<
    { id: string; memberAccountId: string; memberLabel: string; status: string; followUpPending: boolean }[]
  >`
    select i.id, i.member_account_id as "memberAccountId", i.member_label as "memberLabel", i.status,
           exists (select 1 from crisis_followups f where f.incident_id = i.id and f.status in ('scheduled', 'asked')) as "followUpPending"
    from crisis_incidents i where i.id = ${incidentId}`
  return row ?? null
}

export async function insertFollowUp(
  tx: TransactionSql,
  input: {
    incidentId: string
    memberAccountId: string
    createdBy: string
    dueAt: Date
    answerWindowMinutes: number
    at: Date
  },
): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into crisis_followups (incident_id, member_account_id, created_by, due_at, answer_window_minutes, created_at)
    values (${input.incidentId}, ${input.memberAccountId}, ${input.createdBy}, ${input.dueAt}, ${input.answerWindowMinutes}, ${input.at})
    returning id`
  return row!.id
}

export async function selectFollowUpForUpdate(tx: TransactionSql, id: string): Promise<FollowUpRow | null> {
  const [row] = await tx<FollowUpRow[]>`select ${columns(tx)} from crisis_followups where id = ${id} for update`
  return row ?? null
}

export async function selectFollowUp(db: Db, id: string): Promise<FollowUpRow | null> {
  const [row] = await db<FollowUpRow[]>`select ${columns(db)} from crisis_followups where id = ${id}`
  return row ?? null
}

/** Follow-ups whose time has come and that were not asked yet. */
export async function selectFollowUpsToAsk(db: Db, at: Date): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    select id from crisis_followups where status = 'scheduled' and due_at <= ${at} order by due_at limit 200`
  return rows.map((r) => r.id)
}

/** Follow-ups not answered by their deadline (due time + answer window). */
export async function selectFollowUpsToMiss(db: Db, at: Date): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    select id from crisis_followups
    where status in ('scheduled', 'asked') and due_at + make_interval(mins => answer_window_minutes) <= ${at}
    order by due_at limit 200`
  return rows.map((r) => r.id)
}

export async function markFollowUpAsked(tx: TransactionSql, id: string, at: Date, emailQueued: boolean) {
  await tx`update crisis_followups set status = 'asked', asked_at = ${at}, email_queued = ${emailQueued} where id = ${id} and status = 'scheduled'`
}

export async function markFollowUpAnswered(
  tx: TransactionSql,
  id: string,
  answer: FollowUpAnswer,
  at: Date,
): Promise<boolean> {
  const rows = await tx`
    update crisis_followups set status = 'answered', answer = ${answer}, answered_at = ${at}
    where id = ${id} and status in ('scheduled', 'asked') returning id`
  return rows.length === 1
}

export async function markFollowUpMissed(tx: TransactionSql, id: string, at: Date): Promise<boolean> {
  const rows = await tx`
    update crisis_followups set status = 'missed', missed_at = ${at} where id = ${id} and status in ('scheduled', 'asked') returning id`
  return rows.length === 1
}

/** The member's follow-up that is due now and still waiting for an answer (the in-app question). */
export async function selectDueFollowUpOfMember(
  db: Db,
  memberAccountId: string,
  at: Date,
): Promise<{ id: string; dueAt: Date } | null> {
  const [row] = await db<{ id: string; dueAt: Date }[]>`
    select id, due_at as "dueAt" from crisis_followups
    where member_account_id = ${memberAccountId} and status in ('scheduled', 'asked') and due_at <= ${at}
    order by due_at limit 1`
  return row ?? null
}

export async function selectFollowUpsOfIncident(db: Db, incidentId: string): Promise<FollowUpRow[]> {
  return db<
    FollowUpRow[]
  >`select ${columns(db)} from crisis_followups where incident_id = ${incidentId} order by created_at`
}

export async function selectFollowUpsOfMember(db: Db, memberAccountId: string): Promise<FollowUpRow[]> {
  return db<
    FollowUpRow[]
  >`select ${columns(db)} from crisis_followups where member_account_id = ${memberAccountId} order by created_at`
}

/** Claims the one email of an asked follow-up; null when it was sent already or the follow-up moved on. */
export async function claimFollowUpEmail(
  db: Db,
  id: string,
  at: Date,
): Promise<{ email: string; locale: 'en' | 'pl' } | null> {
  const [row] = await db<{ email: string | null; locale: 'en' | 'pl' }[]>`
    update crisis_followups f set email_sent_at = ${at}
    from accounts a
    where f.id = ${id} and f.status = 'asked' and f.email_sent_at is null and a.id = f.member_account_id
    returning a.email, a.locale`
  return row?.email ? { email: row.email, locale: row.locale } : null
}

export async function releaseFollowUpEmail(db: Db, id: string) {
  await db`update crisis_followups set email_sent_at = null where id = ${id}`
}

/** Re-opens a resolved incident at the first step of a new round of the ladder. */
export async function reopenResolvedIncident(
  tx: TransactionSql,
  id: string,
  repeat: number,
  level: CrisisRiskLevel,
): Promise<boolean> {
  const rows = await tx`
    update crisis_incidents set status = 'open', resolved_at = null, resolved_by = null, outcome = null, level = ${level},
      escalation_level = 0, escalation_repeat = ${repeat}, climb_base_repeat = ${repeat}
    where id = ${id} and status = 'resolved' returning id`
  return rows.length === 1
}

// ── the member's choice of an email ────────────────────────────────────────────────────────────────────
export async function findFollowUpContact(
  db: Db,
  accountId: string,
): Promise<{ email: boolean; address: string | null }> {
  const [row] = await db<{ email: boolean | null; address: string | null }[]>`
    select c.email, a.email as address from accounts a left join crisis_followup_contact c on c.account_id = a.id where a.id = ${accountId}`
  return { email: row?.email ?? false, address: row?.address ?? null }
}

export async function upsertFollowUpContact(db: Db, accountId: string, email: boolean) {
  await db`
    insert into crisis_followup_contact (account_id, email) values (${accountId}, ${email})
    on conflict (account_id) do update set email = excluded.email, updated_at = now()`
}
