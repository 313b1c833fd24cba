import type { Sql, TransactionSql } from '../../db/client.js'
import type { Role } from '../identity/identity.schema.js'
import type { OutboxRowSelect } from '../outbox/outbox.queries.js'
import type {
  CrisisOutcome,
  CrisisRiskLevel,
  CrisisSource,
  CrisisStatus,
  PolicySnapshot,
  PolicyTarget,
} from './crisis.schema.js'
import type { RotationSchedule } from './oncall.js'

type Db = Sql | TransactionSql

export interface IncidentRow {
  id: string
  memberAccountId: string
  memberLabel: string
  memberLocale: 'en' | 'pl'
  memberCountry: string | null
  status: CrisisStatus
  level: CrisisRiskLevel
  source: CrisisSource
  policySnapshot: PolicySnapshot
  escalationLevel: number
  escalationRepeat: number
  climbBaseRepeat: number
  ackCount: number
  raisedAt: Date
  firstPagedAt: Date | null
  acknowledgedAt: Date | null
  resolvedAt: Date | null
  outcome: CrisisOutcome | null
}

const INCIDENT_COLUMNS = (db: Db) => db`
  id, member_account_id as "memberAccountId", member_label as "memberLabel", member_locale as "memberLocale",
  member_country as "memberCountry", status, level, source, policy_snapshot as "policySnapshot",
  escalation_level as "escalationLevel", escalation_repeat as "escalationRepeat", climb_base_repeat as "climbBaseRepeat",
  ack_count as "ackCount", raised_at as "raisedAt", first_paged_at as "firstPagedAt", acknowledged_at as "acknowledgedAt",
  resolved_at as "resolvedAt", outcome`

// ---------------------------------------------------------------------------------------------
// Accounts as the crisis slice needs them

export async function findAccountBrief(
  db: Db,
  accountId: string,
): Promise<{ id: string; role: Role; locale: 'en' | 'pl'; email: string | null; country: string | null } | null> {
  const [row] = await db<
    { id: string; role: Role; locale: 'en' | 'pl'; email: string | null; country: string | null }[]
  >`
    select id, role, locale, email, country from accounts where id = ${accountId}`
  return row ?? null
}

export async function findAccountByLogin(db: Db, login: string): Promise<{ id: string; role: Role } | null> {
  const [row] = await db<{ id: string; role: Role }[]>`
    select id, role from accounts where email = ${login} or username = ${login} limit 1`
  return row ?? null
}

export async function selectAccountsByRole(db: Db, roles: Role[]): Promise<string[]> {
  const rows = await db<
    { id: string }[]
  >`select id from accounts where role = any(${roles}::text[]) order by created_at`
  return rows.map((r) => r.id)
}

export async function selectLoginNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db<
    { id: string; username: string }[]
  >`select id, username from accounts where id = any(${ids}::uuid[])`
  return new Map(rows.map((r) => [r.id, r.username]))
}

// ---------------------------------------------------------------------------------------------
// Incidents, signals, events

export async function selectOpenIncidentForUpdate(
  tx: TransactionSql,
  memberAccountId: string,
): Promise<IncidentRow | null> {
  const [row] = await tx<IncidentRow[]>`
    select ${INCIDENT_COLUMNS(tx)} from crisis_incidents
    where member_account_id = ${memberAccountId} and status <> 'resolved' for update`
  return row ?? null
}

export async function selectIncidentForUpdate(tx: TransactionSql, id: string): Promise<IncidentRow | null> {
  const [row] = await tx<
    IncidentRow[]
  >`select ${INCIDENT_COLUMNS(tx)} from crisis_incidents where id = ${id} for update`
  return row ?? null
}

export async function selectIncident(db: Db, id: string): Promise<IncidentRow | null> {
  const [row] = await db<IncidentRow[]>`select ${INCIDENT_COLUMNS(db)} from crisis_incidents where id = ${id}`
  return row ?? null
}

export async function selectLatestIncidentOfMember(db: Db, memberAccountId: string): Promise<IncidentRow | null> {
  const [row] = await db<IncidentRow[]>`
    select ${INCIDENT_COLUMNS(db)} from crisis_incidents where member_account_id = ${memberAccountId}
    order by (status <> 'resolved') desc, raised_at desc limit 1`
  return row ?? null
}

/** Whether the member has an incident that is not resolved yet (account deletion waits for it, decision 020). */
export async function hasOpenIncident(db: Db, memberAccountId: string): Promise<boolean> {
  const [row] = await db<{ open: boolean }[]>`
    select exists (select 1 from crisis_incidents where member_account_id = ${memberAccountId} and status <> 'resolved') as open`
  return row?.open ?? false
}

/** A new incident's own columns, as `insertRaisedIncident` writes them. */
export interface NewIncident {
  id: string
  memberAccountId: string
  memberLabel: string
  memberLocale: 'en' | 'pl'
  memberCountry: string | null
  level: CrisisRiskLevel
  source: CrisisSource
  policy: PolicySnapshot
  raisedAt: Date
}

/**
 * A new incident with its first signal, its `raised` event and the outbox row that pages the on-call clinician, in
 * one statement: the chat path runs it inside the message's transaction, which holds the room's row lock, so this is
 * one round trip where the four inserts were two. Unless the member already has an open incident (a concurrent raise
 * committed one a moment ago): then nothing is written and it answers false (attach to that one instead).
 *
 * `failIfOpen`: the statement fails instead (the unique index on a member's open incident), aborting the transaction.
 * For a transaction whose COMMIT leaves right behind this statement without waiting for its answer (decision 073),
 * where an answer of false would come too late to attach.
 */
export async function insertRaisedIncident(
  tx: TransactionSql,
  input: {
    incident: NewIncident
    signal: Omit<Parameters<typeof insertSignal>[1], 'incidentId'>
    actorAccountId: string | null
    page: OutboxRowSelect
    failIfOpen?: boolean
  },
): Promise<boolean> {
  const { incident: i, signal: s } = input
  const onOpen = input.failIfOpen ? tx`` : tx`on conflict (member_account_id) where status <> 'resolved' do nothing`
  const rows = await tx`
    with incident as (
      insert into crisis_incidents (id, member_account_id, member_label, member_locale, member_country, level, source, policy_snapshot, raised_at)
      values (${i.id}, ${i.memberAccountId}, ${i.memberLabel}, ${i.memberLocale}, ${i.memberCountry},
              ${i.level}, ${i.source}, ${tx.json(i.policy as never)}, ${i.raisedAt})
      ${onOpen}
      returning id),
    signal as (
      insert into crisis_signals (incident_id, source, level, room_id, message_id, reporter_account_id, reason, classifier_signals, created_at)
      select incident.id, ${s.source}, ${s.level}, ${s.roomId}::uuid, ${s.messageId}::uuid, ${s.reporterAccountId}::uuid,
             ${s.reason}::text, ${s.classifierSignals}::text[], ${s.at}::timestamptz
      from incident),
    event as (
      insert into crisis_events (incident_id, kind, actor_account_id, escalation_level, escalation_repeat, created_at)
      select incident.id, 'raised', ${input.actorAccountId}::uuid, 0, 0, ${s.at}::timestamptz from incident),
    page as (${input.page} from incident)
    select id from incident`
  return rows.length === 1
}

export async function updateIncidentLevel(tx: TransactionSql, id: string, level: CrisisRiskLevel) {
  await tx`update crisis_incidents set level = ${level} where id = ${id}`
}

export async function insertSignal(
  tx: TransactionSql,
  input: {
    incidentId: string
    source: CrisisSource
    level: CrisisRiskLevel
    roomId: string | null
    messageId: string | null
    reporterAccountId: string | null
    reason: string | null
    classifierSignals: string[]
    at: Date
  },
) {
  await tx`
    insert into crisis_signals (incident_id, source, level, room_id, message_id, reporter_account_id, reason, classifier_signals, created_at)
    values (${input.incidentId}, ${input.source}, ${input.level}, ${input.roomId}, ${input.messageId}, ${input.reporterAccountId},
            ${input.reason}, ${input.classifierSignals}::text[], ${input.at})`
}

export type EventKind =
  | 'raised'
  | 'signal'
  | 'level_raised'
  | 'paged'
  | 'escalated'
  | 'acknowledged'
  | 'retriggered'
  | 'resolved'
  | 'note'
  | 'identity_revealed'

export async function insertEvent(
  db: Db,
  input: {
    incidentId: string
    kind: EventKind
    actorAccountId?: string | null
    escalationLevel?: number | null
    repeat?: number | null
    at: Date
  },
) {
  await db`
    insert into crisis_events (incident_id, kind, actor_account_id, escalation_level, escalation_repeat, created_at)
    values (${input.incidentId}, ${input.kind}, ${input.actorAccountId ?? null}, ${input.escalationLevel ?? null}, ${input.repeat ?? null}, ${input.at})`
}

export async function updateCursor(tx: TransactionSql, id: string, level: number, repeat: number, climbBase?: number) {
  await tx`
    update crisis_incidents set escalation_level = ${level}, escalation_repeat = ${repeat},
      climb_base_repeat = coalesce(${climbBase ?? null}::int, climb_base_repeat)
    where id = ${id}`
}

export async function markAcknowledged(
  tx: TransactionSql,
  id: string,
  actor: string,
  at: Date,
): Promise<number | null> {
  const [row] = await tx<{ ackCount: number }[]>`
    update crisis_incidents set status = 'acknowledged', acknowledged_at = ${at}, acknowledged_by = ${actor}, ack_count = ack_count + 1
    where id = ${id} and status = 'open' returning ack_count as "ackCount"`
  return row?.ackCount ?? null
}

export async function reopenForRetrigger(tx: TransactionSql, id: string, repeat: number) {
  await tx`
    update crisis_incidents set status = 'open', escalation_level = 0, escalation_repeat = ${repeat}, climb_base_repeat = ${repeat}
    where id = ${id}`
}

export async function markResolved(
  tx: TransactionSql,
  id: string,
  actor: string,
  outcome: CrisisOutcome,
  at: Date,
): Promise<boolean> {
  const rows = await tx`
    update crisis_incidents set status = 'resolved', resolved_at = ${at}, resolved_by = ${actor}, outcome = ${outcome}
    where id = ${id} and status <> 'resolved' returning id`
  return rows.length === 1
}

export async function markFirstPaged(db: Db, id: string, at: Date) {
  await db`update crisis_incidents set first_paged_at = coalesce(first_paged_at, ${at}) where id = ${id}`
}

const RANK_SQL = (db: Db) => db`case level when 'imminent' then 3 when 'high' then 2 else 1 end`

export async function selectQueue(db: Db, limit = 200): Promise<IncidentRow[]> {
  return db<IncidentRow[]>`
    select ${INCIDENT_COLUMNS(db)} from crisis_incidents where status <> 'resolved'
    order by ${RANK_SQL(db)} desc, raised_at asc limit ${limit}`
}

export async function selectRecentlyResolved(db: Db, limit = 20): Promise<IncidentRow[]> {
  return db<IncidentRow[]>`
    select ${INCIDENT_COLUMNS(db)} from crisis_incidents where status = 'resolved' order by resolved_at desc limit ${limit}`
}

export async function selectSignals(db: Db, incidentId: string) {
  return db<
    {
      source: CrisisSource
      level: CrisisRiskLevel
      roomId: string | null
      messageId: string | null
      reason: string | null
      classifierSignals: string[]
      createdAt: Date
    }[]
  >`
    select source, level, room_id as "roomId", message_id as "messageId", reason, classifier_signals as "classifierSignals", created_at as "createdAt"
    from crisis_signals where incident_id = ${incidentId} order by created_at, id`
}

/** The ids of the member's own messages (room or private) that raised or joined this incident. */
export async function selectTriggerMessageIds(db: Db, incidentId: string): Promise<string[]> {
  const rows = await db<{ messageId: string }[]>`
    select distinct message_id as "messageId" from crisis_signals where incident_id = ${incidentId} and message_id is not null`
  return rows.map((r) => r.messageId)
}

export async function selectEvents(db: Db, incidentId: string) {
  return db<
    {
      kind: EventKind
      actorAccountId: string | null
      escalationLevel: number | null
      repeat: number | null
      createdAt: Date
    }[]
  >`
    select kind, actor_account_id as "actorAccountId", escalation_level as "escalationLevel", escalation_repeat as "repeat", created_at as "createdAt"
    from crisis_events where incident_id = ${incidentId} order by id`
}

export async function insertNote(db: Db, incidentId: string, authorAccountId: string, body: string, at: Date) {
  await db`insert into crisis_notes (incident_id, author_account_id, body, created_at) values (${incidentId}, ${authorAccountId}, ${body}, ${at})`
}

export async function selectNotes(db: Db, incidentId: string) {
  return db<{ authorAccountId: string | null; body: string; createdAt: Date }[]>`
    select author_account_id as "authorAccountId", body, created_at as "createdAt" from crisis_notes
    where incident_id = ${incidentId} order by created_at, id`
}

export async function insertChatMessage(
  db: Db,
  input: { incidentId: string; authorAccountId: string; authorRole: 'member' | 'clinician'; body: string; at: Date },
) {
  await db`
    insert into crisis_chat_messages (incident_id, author_account_id, author_role, body, created_at)
    values (${input.incidentId}, ${input.authorAccountId}, ${input.authorRole}, ${input.body}, ${input.at})`
}

export async function selectChat(db: Db, incidentId: string) {
  return db<{ id: string; authorRole: 'member' | 'clinician'; body: string; createdAt: Date }[]>`
    select id, author_role as "authorRole", body, created_at as "createdAt" from crisis_chat_messages
    where incident_id = ${incidentId} order by created_at, id limit 500`
}

// ---------------------------------------------------------------------------------------------
// Pages

export interface PageRow {
  id: string
  incidentId: string
  escalationLevel: number
  escalationRepeat: number
  consoleSentAt: Date | null
  followupsEnqueuedAt: Date | null
}

const PAGE_COLUMNS = (db: Db) => db`
  id, incident_id as "incidentId", escalation_level as "escalationLevel", escalation_repeat as "escalationRepeat",
  console_sent_at as "consoleSentAt", followups_enqueued_at as "followupsEnqueuedAt"`

/** The page of one step, created once: a retried job gets the same row (and its recipients) back. */
export async function upsertPage(
  tx: TransactionSql,
  input: { incidentId: string; level: number; repeat: number; recipients: string[]; at: Date },
): Promise<{ page: PageRow; fresh: boolean }> {
  const dedupKey = `${input.incidentId}:${input.level}:${input.repeat}`
  const inserted = await tx<PageRow[]>`
    insert into crisis_pages (incident_id, escalation_level, escalation_repeat, dedup_key, created_at)
    values (${input.incidentId}, ${input.level}, ${input.repeat}, ${dedupKey}, ${input.at})
    on conflict (dedup_key) do nothing returning ${PAGE_COLUMNS(tx)}`
  if (inserted[0]) {
    for (const accountId of input.recipients) {
      await tx`insert into crisis_page_recipients (page_id, account_id) values (${inserted[0].id}, ${accountId}) on conflict do nothing`
    }
    return { page: inserted[0], fresh: true }
  }
  const [existing] = await tx<PageRow[]>`select ${PAGE_COLUMNS(tx)} from crisis_pages where dedup_key = ${dedupKey}`
  return { page: existing!, fresh: false }
}

export async function selectPage(db: Db, pageId: string): Promise<PageRow | null> {
  const [row] = await db<PageRow[]>`select ${PAGE_COLUMNS(db)} from crisis_pages where id = ${pageId}`
  return row ?? null
}

export async function selectPagesOfIncident(db: Db, incidentId: string) {
  return db<(PageRow & { createdAt: Date })[]>`
    select ${PAGE_COLUMNS(db)}, created_at as "createdAt" from crisis_pages where incident_id = ${incidentId} order by created_at`
}

export async function markConsoleSent(db: Db, pageId: string, at: Date) {
  await db`update crisis_pages set console_sent_at = ${at} where id = ${pageId} and console_sent_at is null`
}

export async function markFollowupsEnqueued(tx: TransactionSql, pageId: string, at: Date): Promise<boolean> {
  const rows =
    await tx`update crisis_pages set followups_enqueued_at = ${at} where id = ${pageId} and followups_enqueued_at is null returning id`
  return rows.length === 1
}

export async function selectPageRecipients(db: Db, pageId: string) {
  return db<{ accountId: string; email: string | null; locale: 'en' | 'pl'; emailSentAt: Date | null }[]>`
    select r.account_id as "accountId", a.email, a.locale, r.email_sent_at as "emailSentAt"
    from crisis_page_recipients r join accounts a on a.id = r.account_id
    where r.page_id = ${pageId} order by a.created_at`
}

export async function markRecipientEmailed(db: Db, pageId: string, accountId: string, at: Date) {
  await db`update crisis_page_recipients set email_sent_at = ${at} where page_id = ${pageId} and account_id = ${accountId}`
}

// ---------------------------------------------------------------------------------------------
// Webhook deliveries, dead letters, alarms

export async function insertWebhookDelivery(tx: TransactionSql, pageId: string) {
  await tx`insert into crisis_webhook_deliveries (page_id) values (${pageId}) on conflict do nothing`
}

export async function selectWebhookDelivery(db: Db, pageId: string) {
  const [row] = await db<{ status: 'pending' | 'delivered' | 'dead'; attempts: number }[]>`
    select status, attempts from crisis_webhook_deliveries where page_id = ${pageId}`
  return row ?? null
}

export async function recordWebhookAttempt(
  db: Db,
  pageId: string,
  statusCode: number | null,
  status: 'pending' | 'delivered' | 'dead',
  at: Date,
) {
  await db`
    update crisis_webhook_deliveries set attempts = attempts + 1, last_status_code = ${statusCode}, status = ${status},
      delivered_at = case when ${status} = 'delivered' then ${at}::timestamptz else delivered_at end
    where page_id = ${pageId}`
}

export async function insertDeadLetter(db: Db, pageId: string, statusCode: number | null, reason: string, at: Date) {
  await db`insert into crisis_webhook_dead_letters (page_id, status_code, reason, created_at) values (${pageId}, ${statusCode}, ${reason.slice(0, 200)}, ${at})`
}

export async function insertAlarm(
  db: Db,
  input: { kind: string; dedupKey: string; incidentId: string | null; at: Date },
): Promise<boolean> {
  const rows = await db`
    insert into alarms (kind, dedup_key, incident_id, raised_at) values (${input.kind}, ${input.dedupKey}, ${input.incidentId}, ${input.at})
    on conflict (dedup_key) do nothing returning id`
  return rows.length === 1
}

export async function clearAlarms(db: Db, kind: string, incidentId: string, at: Date) {
  await db`update alarms set cleared_at = ${at} where kind = ${kind} and incident_id = ${incidentId} and cleared_at is null`
}

export async function clearAlarmById(db: Db, id: string, at: Date) {
  await db`update alarms set cleared_at = ${at} where id = ${id} and cleared_at is null`
}

export async function selectOpenAlarms(db: Db) {
  return db<{ id: string; kind: string; incidentId: string | null; raisedAt: Date }[]>`
    select id, kind, incident_id as "incidentId", raised_at as "raisedAt" from alarms where cleared_at is null order by raised_at desc limit 100`
}

export async function countOpenAlarmsByKind(db: Db): Promise<{ kind: string; count: number }[]> {
  return db<
    { kind: string; count: number }[]
  >`select kind, count(*)::int as count from alarms where cleared_at is null group by kind`
}

export async function selectUnpagedSince(db: Db, before: Date) {
  return db<{ id: string; raisedAt: Date }[]>`
    select id, raised_at as "raisedAt" from crisis_incidents
    where first_paged_at is null and status <> 'resolved' and raised_at <= ${before} order by raised_at limit 100`
}

export async function countUnpaged(db: Db, before: Date): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from crisis_incidents where first_paged_at is null and status <> 'resolved' and raised_at <= ${before}`
  return row!.n
}

/** Seconds since the oldest open incident nobody has been paged for was raised (0 when there is none). */
export async function oldestUnpagedSeconds(db: Db): Promise<number> {
  const [row] = await db<{ s: number }[]>`
    select coalesce(extract(epoch from now() - min(raised_at)), 0)::float8 as s
    from crisis_incidents where first_paged_at is null and status <> 'resolved'`
  return row!.s
}

// ---------------------------------------------------------------------------------------------
// On-call schedules and escalation policies

export interface ScheduleRow {
  id: string
  name: string
  timeZone: string
  handoffTime: string
  shiftHours: number
  startsOn: string
}

export async function selectSchedules(db: Db): Promise<(ScheduleRow & RotationSchedule)[]> {
  const schedules = await db<ScheduleRow[]>`
    select id, name, time_zone as "timeZone", handoff_time::text as "handoffTime", shift_hours as "shiftHours", starts_on::text as "startsOn"
    from oncall_schedules order by name`
  const members = await db<{ scheduleId: string; accountId: string }[]>`
    select schedule_id as "scheduleId", account_id as "accountId" from oncall_rotation_members order by schedule_id, position`
  const overrides = await db<
    { scheduleId: string; accountId: string; startsAt: Date; endsAt: Date; createdAt: Date }[]
  >`
    select schedule_id as "scheduleId", account_id as "accountId", starts_at as "startsAt", ends_at as "endsAt", created_at as "createdAt"
    from oncall_overrides where ends_at > now() - interval '30 days' order by starts_at`
  return schedules.map((s) => ({
    ...s,
    members: members.filter((m) => m.scheduleId === s.id).map((m) => m.accountId),
    overrides: overrides.filter((o) => o.scheduleId === s.id),
  }))
}

export async function selectSchedule(db: Db, id: string): Promise<(ScheduleRow & RotationSchedule) | null> {
  return (await selectSchedules(db)).find((s) => s.id === id) ?? null
}

export async function upsertSchedule(
  tx: TransactionSql,
  input: {
    name: string
    timeZone: string
    handoffTime: string
    shiftHours: number
    startsOn: string
    memberIds: string[]
  },
): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into oncall_schedules (name, time_zone, handoff_time, shift_hours, starts_on)
    values (${input.name}, ${input.timeZone}, ${input.handoffTime}, ${input.shiftHours}, ${input.startsOn})
    on conflict (name) do update set time_zone = excluded.time_zone, handoff_time = excluded.handoff_time,
      shift_hours = excluded.shift_hours, starts_on = excluded.starts_on
    returning id`
  await tx`delete from oncall_rotation_members where schedule_id = ${row!.id}`
  for (const [position, accountId] of input.memberIds.entries()) {
    await tx`insert into oncall_rotation_members (schedule_id, position, account_id) values (${row!.id}, ${position}, ${accountId})`
  }
  return row!.id
}

export async function insertOverride(
  db: Db,
  input: { scheduleId: string; accountId: string; startsAt: Date; endsAt: Date; createdBy: string },
) {
  await db`
    insert into oncall_overrides (schedule_id, account_id, starts_at, ends_at, created_by)
    values (${input.scheduleId}, ${input.accountId}, ${input.startsAt}, ${input.endsAt}, ${input.createdBy})`
}

/** Case-insensitive: the policy editor's targets are typed by hand. */
export async function selectScheduleIdByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db<
    { id: string }[]
  >`select id from oncall_schedules where lower(name) = lower(${name}) order by name limit 1`
  return row?.id ?? null
}

/** The default policy as a snapshot, or null when none is configured. */
export async function selectDefaultPolicy(db: Db): Promise<PolicySnapshot | null> {
  // One statement (one round trip, one snapshot): a crisis raise reads this inside a message's transaction.
  const [policy] = await db<
    {
      id: string
      name: string
      repeats: number
      retriggerMinutes: number
      supervisorAccountId: string | null
      levels: { position: number; ackTimeoutMinutes: number }[]
      targets: { position: number; scheduleId: string | null; accountId: string | null }[]
    }[]
  >`
    select p.id, p.name, p.repeats, p.retrigger_minutes as "retriggerMinutes",
      p.supervisor_account_id as "supervisorAccountId",
      coalesce((select json_agg(json_build_object('position', l.position, 'ackTimeoutMinutes', l.ack_timeout_minutes)
                                order by l.position)
                from escalation_levels l where l.policy_id = p.id), '[]') as levels,
      coalesce((select json_agg(json_build_object('position', t.position, 'scheduleId', t.schedule_id, 'accountId', t.account_id)
                                order by t.id)
                from escalation_targets t where t.policy_id = p.id), '[]') as targets
    from escalation_policies p where p.is_default`
  if (!policy) return null
  const { levels, targets } = policy
  return {
    policyId: policy.id,
    name: policy.name,
    repeats: policy.repeats,
    retriggerMinutes: policy.retriggerMinutes,
    supervisorAccountId: policy.supervisorAccountId,
    levels: levels.map((l) => ({
      ackTimeoutMinutes: l.ackTimeoutMinutes,
      targets: targets
        .filter((t) => t.position === l.position)
        .map((t): PolicyTarget =>
          t.scheduleId ? { kind: 'schedule', scheduleId: t.scheduleId } : { kind: 'account', accountId: t.accountId! },
        ),
    })),
  }
}

/** Replace the default policy (levels and targets) in one transaction. */
export async function replaceDefaultPolicy(
  tx: TransactionSql,
  policy: Omit<PolicySnapshot, 'policyId'>,
): Promise<string> {
  await tx`update escalation_policies set is_default = false where is_default and name <> ${policy.name}`
  const [row] = await tx<{ id: string }[]>`
    insert into escalation_policies (name, repeats, supervisor_account_id, retrigger_minutes, is_default, updated_at)
    values (${policy.name}, ${policy.repeats}, ${policy.supervisorAccountId}, ${policy.retriggerMinutes}, true, now())
    on conflict (name) do update set repeats = excluded.repeats, supervisor_account_id = excluded.supervisor_account_id,
      retrigger_minutes = excluded.retrigger_minutes, is_default = true, updated_at = now()
    returning id`
  const id = row!.id
  await tx`delete from escalation_levels where policy_id = ${id}`
  for (const [position, level] of policy.levels.entries()) {
    await tx`insert into escalation_levels (policy_id, position, ack_timeout_minutes) values (${id}, ${position}, ${level.ackTimeoutMinutes})`
    for (const target of level.targets) {
      await tx`
        insert into escalation_targets (policy_id, position, schedule_id, account_id)
        values (${id}, ${position}, ${target.kind === 'schedule' ? target.scheduleId : null}, ${target.kind === 'account' ? target.accountId : null})`
    }
  }
  return id
}

/** Unpaged-incident alarms whose incident has since been paged or resolved. */
export async function clearSettledUnpagedAlarms(db: Db, at: Date) {
  await db`
    update alarms a set cleared_at = ${at}
    from crisis_incidents i
    where a.kind = 'crisis_unpaged' and a.cleared_at is null and a.incident_id = i.id
      and (i.first_paged_at is not null or i.status = 'resolved')`
}

export interface ContextMessageRow {
  id: string
  seq: number
  roomTitle: string
  pseudonym: string
  body: string
  deleted: boolean
  createdAt: Date
  trigger: boolean
}

/** A triggering message with the messages around it in its room (pseudonyms only), for the clinician. */
export async function selectMessageContext(db: Db, messageId: string, around: number): Promise<ContextMessageRow[]> {
  return db<ContextMessageRow[]>`
    with t as (select room_id, seq from messages where id = ${messageId})
    select m.id, m.seq, r.title as "roomTitle", rm.pseudonym, m.body, (m.deleted_at is not null) as deleted,
           m.created_at as "createdAt", (m.id = ${messageId}) as trigger
    from messages m
    join t on m.room_id = t.room_id and m.seq between t.seq - ${around} and t.seq + ${around}
    join room_memberships rm on rm.id = m.membership_id
    join rooms r on r.id = m.room_id
    order by m.seq`
}

export interface DirectMessageContextRow {
  id: string
  groupTitle: string
  author: string
  body: string
  createdAt: Date
  trigger: boolean
}

/**
 * A triggering private message (core/messages) with the few messages before it in its thread, for the clinician.
 * The member by their group pseudonym, facilitators by their professional display name.
 */
export async function selectDirectMessageContext(
  db: Db,
  messageId: string,
  before: number,
): Promise<DirectMessageContextRow[]> {
  return db<DirectMessageContextRow[]>`
    with t as (select thread_id, created_at, id from direct_messages where id = ${messageId})
    select id, "groupTitle", author, body, "createdAt", trigger from (
      select m.id, g.title as "groupTitle",
             case when m.author_side = 'member' then gm.pseudonym else coalesce(fp.display_name, 'Facilitator') end as author,
             m.body, m.created_at as "createdAt", (m.id = ${messageId}) as trigger
      from direct_messages m
      join t on m.thread_id = t.thread_id and (m.created_at, m.id) <= (t.created_at, t.id)
      join message_threads th on th.id = m.thread_id
      join groups g on g.id = th.group_id
      join group_members gm on gm.group_id = th.group_id and gm.account_id = th.member_account_id
      left join facilitator_profiles fp on fp.account_id = m.author_account_id
      order by m.created_at desc, m.id desc
      limit ${before + 1}
    ) recent
    order by "createdAt", id`
}

/**
 * The member's crisis incidents as they lived them: when raised and how, the outcome, and the crisis chat with
 * the clinician. Clinicians' internal notes and paging details are the service's records, not the member's.
 */
export async function selectCrisisExport(db: Db, memberAccountId: string) {
  const incidents = await db<
    {
      id: string
      source: CrisisSource
      status: CrisisStatus
      raisedAt: Date
      acknowledgedAt: Date | null
      resolvedAt: Date | null
      outcome: CrisisOutcome | null
    }[]
  >`
    select id, source, status, raised_at as "raisedAt", acknowledged_at as "acknowledgedAt", resolved_at as "resolvedAt", outcome
    from crisis_incidents where member_account_id = ${memberAccountId}
    order by raised_at`
  const chat = await db<{ incidentId: string; from: 'member' | 'clinician'; body: string; createdAt: Date }[]>`
    select c.incident_id as "incidentId", c.author_role as "from", c.body, c.created_at as "createdAt"
    from crisis_chat_messages c join crisis_incidents i on i.id = c.incident_id
    where i.member_account_id = ${memberAccountId}
    order by c.created_at`
  // What the member wrote for the clinician (self-care's "Yes, please" with a note) is theirs: it is in the export.
  const notes = await db<{ incidentId: string; body: string; createdAt: Date }[]>`
    select s.incident_id as "incidentId", s.reason as body, s.created_at as "createdAt"
    from crisis_signals s join crisis_incidents i on i.id = s.incident_id
    where i.member_account_id = ${memberAccountId} and s.source = 'self_care' and s.reason is not null
    order by s.created_at, s.id`
  return incidents.map(({ id, ...incident }) => ({
    ...incident,
    notesForClinician: notes.filter((n) => n.incidentId === id).map(({ incidentId: _, ...n }) => n),
    chat: chat.filter((m) => m.incidentId === id).map(({ incidentId: _, ...m }) => m),
  }))
}

// ---------------------------------------------------------------------------------------------
// The ladder sweeper, overdue steps, heartbeats and queue health (core/crisis/crisis.sweeper.ts)

export interface LadderStateRow {
  id: string
  status: 'open' | 'acknowledged'
  policySnapshot: PolicySnapshot
  escalationLevel: number
  escalationRepeat: number
  ackCount: number
  raisedAt: Date
  acknowledgedAt: Date | null
  /** When the current step began: its `escalated`/`retriggered` event, else when the incident was raised. */
  stepStartedAt: Date
  /** The page of the current step, if it was created. */
  pageConsoleSentAt: Date | null
  pageFollowupsEnqueuedAt: Date | null
  /** An outbox row of this incident not yet handed to BullMQ (Redis down): the step is waiting, not lost. */
  pendingOutbox: boolean
  sweptStep: string | null
  sweptAt: Date | null
}

/** Every incident still on the ladder, with what the sweeper needs to tell whether its next step is overdue. */
export async function selectLadderStates(db: Db, limit = 500): Promise<LadderStateRow[]> {
  return db<LadderStateRow[]>`
    select i.id, i.status, i.policy_snapshot as "policySnapshot", i.escalation_level as "escalationLevel",
      i.escalation_repeat as "escalationRepeat", i.ack_count as "ackCount", i.raised_at as "raisedAt",
      i.acknowledged_at as "acknowledgedAt",
      coalesce((select max(e.created_at) from crisis_events e
                -- A round re-opened by a follow-up (crisis.followup.ts) starts its first step then, too.
                where e.incident_id = i.id and e.kind in ('escalated', 'retriggered', 'reopened')
                  and e.escalation_level = i.escalation_level and e.escalation_repeat = i.escalation_repeat), i.raised_at) as "stepStartedAt",
      p.console_sent_at as "pageConsoleSentAt", p.followups_enqueued_at as "pageFollowupsEnqueuedAt",
      exists (select 1 from outbox o where o.sent_at is null and o.payload->>'incidentId' = i.id::text) as "pendingOutbox",
      i.swept_step as "sweptStep", i.swept_at as "sweptAt"
    from crisis_incidents i
    left join crisis_pages p on p.dedup_key = i.id::text || ':' || i.escalation_level || ':' || i.escalation_repeat
    where i.status in ('open', 'acknowledged')
    order by i.raised_at
    limit ${limit}`
}

/**
 * Claim the re-creation of one step: only while the incident is still at that step, and only if this step was not
 * re-created since `resweepBefore`. The update locks the row, so two sweepers at once re-create it once.
 */
export async function claimStepSweep(
  tx: TransactionSql,
  input: {
    id: string
    status: 'open' | 'acknowledged'
    level: number
    repeat: number
    ackCount: number
    step: string
    at: Date
    resweepBefore: Date
  },
): Promise<boolean> {
  const rows = await tx`
    update crisis_incidents set swept_step = ${input.step}, swept_at = ${input.at}
    where id = ${input.id} and status = ${input.status} and escalation_level = ${input.level}
      and escalation_repeat = ${input.repeat} and ack_count = ${input.ackCount}
      and (swept_step is distinct from ${input.step} or swept_at < ${input.resweepBefore})
    returning id`
  return rows.length === 1
}

export async function clearAlarmsOfKind(db: Db, kind: string, at: Date) {
  await db`update alarms set cleared_at = ${at} where kind = ${kind} and cleared_at is null`
}

/** Overdue-step alarms whose step is no longer overdue (it ran, or the incident was acknowledged or resolved). */
export async function clearStepAlarmsExcept(db: Db, stillOverdue: string[], at: Date) {
  await db`
    update alarms set cleared_at = ${at}
    where kind = 'crisis_step_overdue' and cleared_at is null and dedup_key <> all(${stillOverdue}::text[])`
}

export async function upsertHeartbeat(
  db: Db,
  input: { instanceId: string; process: string; startedAt: Date; at: Date },
) {
  await db`
    insert into process_heartbeats (instance_id, process, started_at, beat_at)
    values (${input.instanceId}, ${input.process}, ${input.startedAt}, ${input.at})
    on conflict (instance_id) do update set beat_at = excluded.beat_at`
}

/** The newest heartbeat of a kind of process, or null when none ever beat against this database. */
export async function selectLatestHeartbeat(db: Db, process: string): Promise<Date | null> {
  const [row] = await db<{ beatAt: Date }[]>`
    select beat_at as "beatAt" from process_heartbeats where process = ${process} order by beat_at desc limit 1`
  return row?.beatAt ?? null
}

/** Heartbeats of instances gone for a day; the newest of each process is always kept. */
export async function pruneHeartbeats(db: Db, before: Date) {
  await db`
    delete from process_heartbeats h where h.beat_at < ${before}
      and h.beat_at < (select max(beat_at) from process_heartbeats n where n.process = h.process)`
}

export async function selectQueueCounts(db: Db) {
  const byLevel = await db<{ level: CrisisRiskLevel; count: number }[]>`
    select level, count(*)::int as count from crisis_incidents where status <> 'resolved' group by level`
  const [row] = await db<{ oldestUnacknowledgedAt: Date | null; unacknowledgedPaged: number }[]>`
    select min(raised_at) filter (where status = 'open') as "oldestUnacknowledgedAt",
      (count(*) filter (where status = 'open' and first_paged_at is not null))::int as "unacknowledgedPaged"
    from crisis_incidents where status <> 'resolved'`
  return { byLevel, oldestUnacknowledgedAt: row!.oldestUnacknowledgedAt, unacknowledgedPaged: row!.unacknowledgedPaged }
}
