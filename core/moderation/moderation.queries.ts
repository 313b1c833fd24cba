import type { Sql, TransactionSql } from '../../db/client.js'
import type { OutboxRowSelect } from '../outbox/outbox.queries.js'
import type { ReportCategory, SanctionKind } from '../contracts/socket-events.moderation.js'

type Db = Sql | TransactionSql
export type MessageStatus = 'visible' | 'held' | 'hidden' | 'removed'

// ---------------------------------------------------------------------------------------------
// Who moderates where

export async function isAssignedFacilitator(db: Db, roomId: string, accountId: string): Promise<boolean> {
  const rows = await db`
    select 1 from room_facilitators rf join accounts a on a.id = rf.account_id
    where rf.room_id = ${roomId} and rf.account_id = ${accountId} and a.role = 'facilitator'`
  return rows.length > 0
}

export async function moderatedRooms(db: Db, actor: { accountId: string; role: string }) {
  if (actor.role === 'admin') {
    return db<{ id: string; title: string; slowModeSeconds: number; locked: boolean }[]>`
      select id, title, slow_mode_seconds as "slowModeSeconds", locked from rooms order by language, title`
  }
  return db<{ id: string; title: string; slowModeSeconds: number; locked: boolean }[]>`
    select r.id, r.title, r.slow_mode_seconds as "slowModeSeconds", r.locked
    from room_facilitators rf join rooms r on r.id = rf.room_id join accounts a on a.id = rf.account_id
    where rf.account_id = ${actor.accountId} and a.role = 'facilitator'
    order by r.language, r.title`
}

export async function setAssignment(
  db: Db,
  input: { roomId: string; accountId: string; assign: boolean; by: string; now: Date },
): Promise<boolean> {
  if (input.assign) {
    const rows = await db`
      insert into room_facilitators (room_id, account_id, assigned_by, created_at)
      values (${input.roomId}, ${input.accountId}, ${input.by}, ${input.now}) on conflict do nothing returning room_id`
    return rows.length > 0
  }
  const rows =
    await db`delete from room_facilitators where room_id = ${input.roomId} and account_id = ${input.accountId} returning room_id`
  return rows.length > 0
}

export async function listAssignments(db: Db) {
  return db<{ roomId: string; username: string }[]>`
    select rf.room_id as "roomId", a.username from room_facilitators rf join accounts a on a.id = rf.account_id
    order by a.username`
}

export async function findAccountByUsername(db: Db, username: string) {
  const rows = await db<{ id: string; role: string }[]>`select id, role from accounts where username = ${username}`
  return rows[0] ?? null
}

// ---------------------------------------------------------------------------------------------
// Messages and memberships

export interface TargetMessage {
  id: string
  roomId: string
  membershipId: string
  accountId: string
  pseudonym: string
  status: MessageStatus
  moderatedBy: string | null
  moderatedAt: Date | null
  createdAt: Date
  seq: number
  /** Its text was purged by retention (core/retention): nothing left to show again. */
  purged: boolean
}

export async function findTargetMessage(db: Db, roomId: string, messageId: string): Promise<TargetMessage | null> {
  const rows = await db<TargetMessage[]>`
    select m.id, m.room_id as "roomId", m.membership_id as "membershipId", rm.account_id as "accountId", rm.pseudonym,
           m.moderation_status as status, m.moderated_by as "moderatedBy", m.moderated_at as "moderatedAt",
           m.created_at as "createdAt", m.seq, m.purged_at is not null as purged
    from messages m join room_memberships rm on rm.id = m.membership_id
    where m.room_id = ${roomId} and m.id = ${messageId}`
  return rows[0] ?? null
}

export async function lockTargetMessage(
  tx: TransactionSql,
  roomId: string,
  messageId: string,
): Promise<TargetMessage | null> {
  await tx`select 1 from messages where room_id = ${roomId} and id = ${messageId} for update`
  return findTargetMessage(tx, roomId, messageId)
}

export async function setMessageStatus(
  tx: TransactionSql,
  messageId: string,
  status: MessageStatus,
  by: string | null,
  now: Date,
) {
  await tx`update messages set moderation_status = ${status}, moderated_at = ${now}, moderated_by = ${by} where id = ${messageId}`
}

export async function findMembershipInRoom(db: Db, roomId: string, membershipId: string) {
  const rows = await db<{ id: string; accountId: string; pseudonym: string; role: string }[]>`
    select rm.id, rm.account_id as "accountId", rm.pseudonym, a.role
    from room_memberships rm join accounts a on a.id = rm.account_id
    where rm.room_id = ${roomId} and rm.id = ${membershipId}`
  return rows[0] ?? null
}

export async function accountLocale(db: Db, accountId: string): Promise<'en' | 'pl'> {
  const rows = await db<{ locale: 'en' | 'pl' }[]>`select locale from accounts where id = ${accountId}`
  return rows[0]?.locale ?? 'en'
}

/** The sender's latest texts in the room, oldest first (spam screening). */
export async function lockRoom(tx: TransactionSql, roomId: string) {
  const rows = await tx<{ id: string; slowModeSeconds: number; locked: boolean }[]>`
    select id, slow_mode_seconds as "slowModeSeconds", locked from rooms where id = ${roomId} for update`
  return rows[0] ?? null
}

export async function updateRoomSettings(
  tx: TransactionSql,
  roomId: string,
  settings: { slowModeSeconds?: number; locked?: boolean },
) {
  const rows = await tx<{ slowModeSeconds: number; locked: boolean }[]>`
    update rooms set slow_mode_seconds = coalesce(${settings.slowModeSeconds ?? null}::int, slow_mode_seconds),
                     locked = coalesce(${settings.locked ?? null}::boolean, locked)
    where id = ${roomId}
    returning slow_mode_seconds as "slowModeSeconds", locked`
  return rows[0]!
}

// ---------------------------------------------------------------------------------------------
// Flags and reports

export interface FlagRow {
  id: string
  messageId: string
  roomId: string
  membershipId: string
  source: 'report' | 'screen' | 'facilitator'
  category: ReportCategory
  signals: string[]
  screenReason: string | null
  held: boolean
  status: 'open' | 'dismissed' | 'actioned'
  priority: number
  deadlineAt: Date
  deadlineJobAt: Date | null
  stage: number
  autoHiddenAt: Date | null
  ownerAccountId: string | null
  createdAt: Date
}

const flagColumns = (db: Db) => db`
  id, message_id as "messageId", room_id as "roomId", membership_id as "membershipId", source, category, signals,
  screen_reason as "screenReason", held, status, priority, deadline_at as "deadlineAt", deadline_job_at as "deadlineJobAt",
  escalation_stage as stage, auto_hidden_at as "autoHiddenAt", owner_account_id as "ownerAccountId", created_at as "createdAt"`

/**
 * The message's open flag, opened now if there is none (one open flag per message). A new flag (`id`, chosen by the
 * caller) and its job row (`job`, core/outbox's `outboxRowSelect` for that id) are one statement, one round trip; an
 * open flag found instead is returned locked, with `created` false, and no job is written for it here.
 */
export async function openFlag(
  tx: TransactionSql,
  input: {
    id: string
    messageId: string
    roomId: string
    membershipId: string
    source: FlagRow['source']
    category: ReportCategory
    signals?: string[]
    screenReason?: string | null
    held?: boolean
    priority: number
    deadlineAt: Date
    now: Date
    job: OutboxRowSelect
  },
): Promise<{ flag: FlagRow; created: boolean }> {
  const inserted = await insertFlagWithJob(tx, input)
  if (inserted[0]) return { flag: inserted[0], created: true }
  const [existing] = await tx<
    FlagRow[]
  >`select ${flagColumns(tx)} from moderation_flags where message_id = ${input.messageId} and status = 'open' for update`
  return { flag: existing!, created: false }
}

/** `openFlag`'s one statement: the flag and its job, or nothing when the message has an open flag already. */
export function insertFlagWithJob(tx: TransactionSql, input: Parameters<typeof openFlag>[1]): Promise<FlagRow[]> {
  return tx<FlagRow[]>`
    with flag as (
      insert into moderation_flags (id, message_id, room_id, membership_id, source, category, signals, screen_reason, held, priority, deadline_at, created_at)
      values (${input.id}, ${input.messageId}, ${input.roomId}, ${input.membershipId}, ${input.source}, ${input.category}, ${input.signals ?? []},
              ${input.screenReason ?? null}, ${input.held ?? false}, ${input.priority}, ${input.deadlineAt}, ${input.now})
      on conflict (message_id) where status = 'open' do nothing
      returning ${flagColumns(tx)}),
    job as (${input.job} from flag)
    select * from flag`.then((rows) => rows)
}

export async function lockFlag(tx: TransactionSql, flagId: string): Promise<FlagRow | null> {
  const rows = await tx<FlagRow[]>`select ${flagColumns(tx)} from moderation_flags where id = ${flagId} for update`
  return rows[0] ?? null
}

export async function findOpenFlagOfMessage(db: Db, messageId: string): Promise<FlagRow | null> {
  const rows = await db<
    FlagRow[]
  >`select ${flagColumns(db)} from moderation_flags where message_id = ${messageId} and status = 'open'`
  return rows[0] ?? null
}

export async function findFlagReason(db: Db, messageId: string): Promise<string | null> {
  const rows = await db<{ reason: string | null }[]>`
    select screen_reason as reason from moderation_flags where message_id = ${messageId} and source = 'screen' order by created_at limit 1`
  return rows[0]?.reason ?? null
}

export async function updateFlagScore(
  tx: TransactionSql,
  flagId: string,
  input: { priority: number; deadlineAt: Date; now: Date },
) {
  await tx`update moderation_flags set priority = ${input.priority}, deadline_at = ${input.deadlineAt}, scored_at = ${input.now} where id = ${flagId}`
}

export async function markDeadlineJob(tx: TransactionSql, flagId: string, at: Date) {
  await tx`update moderation_flags set deadline_job_at = ${at} where id = ${flagId}`
}

export async function markAutoHidden(tx: TransactionSql, flagId: string, now: Date) {
  await tx`update moderation_flags set auto_hidden_at = ${now} where id = ${flagId} and auto_hidden_at is null`
}

/** Moves an open flag to the next escalation stage; false when it is no longer open at `fromStage` (a retry). */
export async function advanceStage(
  tx: TransactionSql,
  flagId: string,
  fromStage: number,
  deadlineAt: Date,
): Promise<boolean> {
  const rows = await tx`
    update moderation_flags set escalation_stage = ${fromStage + 1}, deadline_at = ${deadlineAt}, deadline_job_at = ${deadlineAt}
    where id = ${flagId} and status = 'open' and escalation_stage = ${fromStage} returning id`
  return rows.length > 0
}

export async function resolveFlag(
  tx: TransactionSql,
  flagId: string,
  status: 'dismissed' | 'actioned',
  by: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx`
    update moderation_flags set status = ${status}, resolved_at = ${now}, resolved_by = ${by}, owner_account_id = coalesce(owner_account_id, ${by})
    where id = ${flagId} and status = 'open' returning id`
  return rows.length > 0
}

/** The facilitator who takes a flag on; anyone may take it over (the audit log keeps who had it). */
export async function claimFlag(tx: TransactionSql, flagId: string, accountId: string): Promise<boolean> {
  const rows =
    await tx`update moderation_flags set owner_account_id = ${accountId} where id = ${flagId} and status = 'open' returning id`
  return rows.length > 0
}

export async function insertReport(
  tx: TransactionSql,
  input: {
    messageId: string
    reporterMembershipId: string
    flagId: string
    category: ReportCategory
    note: string
    byFacilitator: boolean
    now: Date
  },
): Promise<boolean> {
  const rows = await tx`
    insert into moderation_reports (message_id, reporter_membership_id, flag_id, category, note, by_facilitator, created_at)
    values (${input.messageId}, ${input.reporterMembershipId}, ${input.flagId}, ${input.category}, ${input.note}, ${input.byFacilitator}, ${input.now})
    on conflict (message_id, reporter_membership_id) do nothing returning id`
  return rows.length > 0
}

export async function hasReported(db: Db, messageId: string, reporterMembershipId: string): Promise<boolean> {
  const rows =
    await db`select 1 from moderation_reports where message_id = ${messageId} and reporter_membership_id = ${reporterMembershipId}`
  return rows.length > 0
}

/** What the worker scores a flag on: its message's reporters (all flags of the message) and their track record. */
export async function reportStats(db: Db, flag: Pick<FlagRow, 'id' | 'messageId'>) {
  const reporters = await db<{ reporter: string; byFacilitator: boolean; actioned: number; dismissed: number }[]>`
    select r.reporter_membership_id as reporter, bool_or(r.by_facilitator) as "byFacilitator",
           (select count(*)::int from moderation_reports r2 join moderation_flags f2 on f2.id = r2.flag_id
             join room_memberships a2 on a2.id = r2.reporter_membership_id
             where a2.account_id = rm.account_id and f2.status = 'actioned' and f2.id <> ${flag.id}) as actioned,
           (select count(*)::int from moderation_reports r2 join moderation_flags f2 on f2.id = r2.flag_id
             join room_memberships a2 on a2.id = r2.reporter_membership_id
             where a2.account_id = rm.account_id and f2.status = 'dismissed' and f2.id <> ${flag.id}) as dismissed
    from moderation_reports r join room_memberships rm on rm.id = r.reporter_membership_id
    where r.message_id = ${flag.messageId}
    group by r.reporter_membership_id, rm.account_id`
  return reporters
}

// ---------------------------------------------------------------------------------------------
// Sanctions

export interface SanctionRow {
  id: string
  roomId: string
  membershipId: string
  kind: SanctionKind
  reason: string
  actorAccountId: string | null
  startsAt: Date
  endsAt: Date
  endedEarlyAt: Date | null
}

const sanctionColumns = (db: Db) => db`
  id, room_id as "roomId", membership_id as "membershipId", kind, reason, actor_account_id as "actorAccountId",
  starts_at as "startsAt", ends_at as "endsAt", ended_early_at as "endedEarlyAt"`

/** Active mutes and bans of one membership at `now`, the one ending last first. */
export async function activeRestrictions(db: Db, membershipId: string, now: Date): Promise<SanctionRow[]> {
  return db<SanctionRow[]>`
    select ${sanctionColumns(db)} from moderation_sanctions
    where membership_id = ${membershipId} and kind in ('mute', 'ban') and ended_early_at is null
      and starts_at <= ${now} and ends_at > ${now}
    order by ends_at desc`
}

/** When the ban in force at `now` on this account in this room ends, or null when none is. */
export async function activeBanEnd(db: Db, roomId: string, accountId: string, now: Date): Promise<Date | null> {
  const rows = await db<{ endsAt: Date }[]>`
    select s.ends_at as "endsAt" from moderation_sanctions s join room_memberships rm on rm.id = s.membership_id
    where rm.room_id = ${roomId} and rm.account_id = ${accountId} and s.kind = 'ban' and s.ended_early_at is null
      and s.starts_at <= ${now} and s.ends_at > ${now}
    order by s.ends_at desc limit 1`
  return rows[0]?.endsAt ?? null
}

/** The account's membership id in a room (rules accepted or not), or null. */
export async function findMembershipIdOf(db: Db, roomId: string, accountId: string): Promise<string | null> {
  const rows = await db<
    { id: string }[]
  >`select id from room_memberships where room_id = ${roomId} and account_id = ${accountId}`
  return rows[0]?.id ?? null
}

export async function insertSanction(
  tx: TransactionSql,
  input: {
    roomId: string
    membershipId: string
    kind: SanctionKind
    reason: string
    flagId?: string | null
    messageId?: string | null
    actorAccountId: string | null
    startsAt: Date
    endsAt: Date
  },
): Promise<SanctionRow> {
  const [row] = await tx<SanctionRow[]>`
    insert into moderation_sanctions (room_id, membership_id, kind, reason, flag_id, message_id, actor_account_id, starts_at, ends_at)
    values (${input.roomId}, ${input.membershipId}, ${input.kind}, ${input.reason}, ${input.flagId ?? null}, ${input.messageId ?? null},
            ${input.actorAccountId}, ${input.startsAt}, ${input.endsAt})
    returning ${sanctionColumns(tx)}`
  return row!
}

/** Serializes sanctions of one member (the ladder reads, then writes). */
export async function lockMembership(tx: TransactionSql, membershipId: string) {
  await tx`select 1 from room_memberships where id = ${membershipId} for update`
}

/** Warnings still active and given after the member's latest mute or ban began (a mute uses them up). */
export async function countActiveWarnings(db: Db, membershipId: string, now: Date): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from moderation_sanctions w
    where w.membership_id = ${membershipId} and w.kind = 'warning' and w.ended_early_at is null and w.ends_at > ${now}
      and w.starts_at >= coalesce((select max(s.starts_at) from moderation_sanctions s
                                   where s.membership_id = ${membershipId} and s.kind in ('mute', 'ban')), '-infinity'::timestamptz)`
  return row!.n
}

/** Mutes this member already had in the room (not overturned on appeal): the ladder's position. */
export async function countPriorMutes(db: Db, membershipId: string): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from moderation_sanctions s
    where s.membership_id = ${membershipId} and s.kind = 'mute'
      and not exists (select 1 from moderation_appeals a where a.sanction_id = s.id and a.status = 'overturned')`
  return row!.n
}

export async function lockSanction(
  tx: TransactionSql,
  roomId: string,
  sanctionId: string,
): Promise<SanctionRow | null> {
  const rows = await tx<
    SanctionRow[]
  >`select ${sanctionColumns(tx)} from moderation_sanctions where id = ${sanctionId} and room_id = ${roomId} for update`
  return rows[0] ?? null
}

export async function endSanctionEarly(
  tx: TransactionSql,
  sanctionId: string,
  by: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx`
    update moderation_sanctions set ended_early_at = ${now}, ended_by = ${by}
    where id = ${sanctionId} and ended_early_at is null and ends_at > ${now} returning id`
  return rows.length > 0
}

export async function sanctionsOfMembership(db: Db, membershipId: string, limit = 20): Promise<SanctionRow[]> {
  return db<SanctionRow[]>`
    select ${sanctionColumns(db)} from moderation_sanctions where membership_id = ${membershipId} order by starts_at desc limit ${limit}`
}

// ---------------------------------------------------------------------------------------------
// The queue

export interface QueueFlagRow extends FlagRow {
  roomTitle: string
  pseudonym: string
  body: string
  messageStatus: MessageStatus
  seq: number
  messageCreatedAt: Date
  reportCount: number
  reportCategories: ReportCategory[]
  reportNotes: string[]
  byFacilitator: boolean
}

export async function openFlags(db: Db, roomIds: string[], limit = 100): Promise<QueueFlagRow[]> {
  if (roomIds.length === 0) return []
  return db<QueueFlagRow[]>`
    select f.id, f.message_id as "messageId", f.room_id as "roomId", f.membership_id as "membershipId", f.source, f.category,
           f.signals, f.screen_reason as "screenReason", f.held, f.status, f.priority, f.deadline_at as "deadlineAt",
           f.deadline_job_at as "deadlineJobAt", f.escalation_stage as stage, f.auto_hidden_at as "autoHiddenAt", f.owner_account_id as "ownerAccountId", f.created_at as "createdAt",
           r.title as "roomTitle", rm.pseudonym, m.body, m.moderation_status as "messageStatus", m.seq, m.created_at as "messageCreatedAt",
           (select count(*)::int from moderation_reports x where x.message_id = f.message_id) as "reportCount",
           coalesce((select array_agg(distinct x.category) from moderation_reports x where x.message_id = f.message_id), '{}') as "reportCategories",
           coalesce((select array_agg(x.note order by x.created_at) from moderation_reports x where x.message_id = f.message_id and x.note <> ''), '{}') as "reportNotes",
           coalesce((select bool_or(x.by_facilitator) from moderation_reports x where x.message_id = f.message_id), false) as "byFacilitator"
    from moderation_flags f
    join rooms r on r.id = f.room_id
    join messages m on m.id = f.message_id
    join room_memberships rm on rm.id = f.membership_id
    where f.status = 'open' and f.room_id = any(${roomIds}::uuid[])
    order by f.priority desc, f.created_at asc
    limit ${limit}`
}

/** Messages around one seq, for context (moderators see the text of every state). */
export async function messagesAround(db: Db, roomId: string, seq: number, span: number) {
  return db<
    {
      id: string
      seq: number
      pseudonym: string
      body: string
      status: MessageStatus
      createdAt: Date
      deletedAt: Date | null
    }[]
  >`
    select m.id, m.seq, rm.pseudonym, m.body, m.moderation_status as status, m.created_at as "createdAt", m.deleted_at as "deletedAt"
    from messages m join room_memberships rm on rm.id = m.membership_id
    where m.room_id = ${roomId} and m.seq between ${seq - span} and ${seq + span}
    order by m.seq`
}

export async function flagCountsOfMembership(db: Db, membershipId: string) {
  const rows = await db<{ status: 'open' | 'dismissed' | 'actioned'; n: number }[]>`
    select status, count(*)::int as n from moderation_flags where membership_id = ${membershipId} group by status`
  const counts = { open: 0, dismissed: 0, actioned: 0 }
  for (const r of rows) counts[r.status] = r.n
  return counts
}

// ---------------------------------------------------------------------------------------------
// Appeals

export interface AppealRow {
  id: string
  roomId: string
  membershipId: string
  sanctionId: string | null
  messageId: string | null
  body: string
  status: 'pending' | 'upheld' | 'overturned'
  originalActorId: string | null
  decisionNote: string
  createdAt: Date
}

const appealColumns = (db: Db) => db`
  id, room_id as "roomId", membership_id as "membershipId", sanction_id as "sanctionId", message_id as "messageId", body, status,
  original_actor_id as "originalActorId", decision_note as "decisionNote", created_at as "createdAt"`

export async function insertAppeal(
  tx: TransactionSql,
  input: {
    roomId: string
    membershipId: string
    sanctionId: string | null
    messageId: string | null
    body: string
    originalActorId: string | null
    now: Date
  },
): Promise<AppealRow | null> {
  const rows = await tx<AppealRow[]>`
    insert into moderation_appeals (room_id, membership_id, sanction_id, message_id, body, original_actor_id, created_at)
    values (${input.roomId}, ${input.membershipId}, ${input.sanctionId}, ${input.messageId}, ${input.body}, ${input.originalActorId}, ${input.now})
    on conflict do nothing
    returning ${appealColumns(tx)}`
  return rows[0] ?? null
}

export async function lockAppeal(tx: TransactionSql, appealId: string): Promise<AppealRow | null> {
  const rows = await tx<
    AppealRow[]
  >`select ${appealColumns(tx)} from moderation_appeals where id = ${appealId} for update`
  return rows[0] ?? null
}

export async function decideAppealRow(
  tx: TransactionSql,
  appealId: string,
  input: { status: 'upheld' | 'overturned'; by: string; note: string; now: Date },
) {
  await tx`
    update moderation_appeals set status = ${input.status}, decided_by = ${input.by}, decided_at = ${input.now}, decision_note = ${input.note}
    where id = ${appealId}`
}

export async function pendingAppeals(db: Db, roomIds: string[]) {
  if (roomIds.length === 0) return []
  return db<
    (AppealRow & {
      roomTitle: string
      pseudonym: string
      messageBody: string | null
      sanctionKind: SanctionKind | null
      sanctionEndsAt: Date | null
      sanctionReason: string | null
    })[]
  >`
    select a.id, a.room_id as "roomId", a.membership_id as "membershipId", a.sanction_id as "sanctionId", a.message_id as "messageId",
           a.body, a.status, a.original_actor_id as "originalActorId", a.decision_note as "decisionNote", a.created_at as "createdAt",
           r.title as "roomTitle", rm.pseudonym, m.body as "messageBody", s.kind as "sanctionKind", s.ends_at as "sanctionEndsAt", s.reason as "sanctionReason"
    from moderation_appeals a
    join rooms r on r.id = a.room_id
    join room_memberships rm on rm.id = a.membership_id
    left join messages m on m.id = a.message_id
    left join moderation_sanctions s on s.id = a.sanction_id
    where a.status = 'pending' and a.room_id = any(${roomIds}::uuid[])
    order by a.created_at`
}

/** A member's own mutes, bans and removed or hidden messages since `since`, with any appeal. */
export async function appealablesOf(db: Db, accountId: string, since: Date) {
  const sanctions = await db<
    {
      sanctionId: string
      roomTitle: string
      pseudonym: string
      kind: SanctionKind
      reason: string
      startsAt: Date
      endsAt: Date
      endedEarlyAt: Date | null
      appealStatus: AppealRow['status'] | null
      decisionNote: string | null
    }[]
  >`
    select s.id as "sanctionId", r.title as "roomTitle", rm.pseudonym, s.kind, s.reason, s.starts_at as "startsAt", s.ends_at as "endsAt",
           s.ended_early_at as "endedEarlyAt", a.status as "appealStatus", a.decision_note as "decisionNote"
    from moderation_sanctions s
    join room_memberships rm on rm.id = s.membership_id
    join rooms r on r.id = s.room_id
    left join moderation_appeals a on a.sanction_id = s.id
    where rm.account_id = ${accountId} and s.kind in ('mute', 'ban') and s.starts_at >= ${since}
    order by s.starts_at desc`
  const messages = await db<
    {
      messageId: string
      roomTitle: string
      pseudonym: string
      status: MessageStatus
      moderatedAt: Date
      appealStatus: AppealRow['status'] | null
      decisionNote: string | null
    }[]
  >`
    select m.id as "messageId", r.title as "roomTitle", rm.pseudonym, m.moderation_status as status, m.moderated_at as "moderatedAt",
           a.status as "appealStatus", a.decision_note as "decisionNote"
    from messages m
    join room_memberships rm on rm.id = m.membership_id
    join rooms r on r.id = m.room_id
    left join moderation_appeals a on a.message_id = m.id
    where rm.account_id = ${accountId} and (m.moderation_status in ('hidden', 'removed') or a.id is not null)
      and m.moderated_at >= ${since}
    order by m.moderated_at desc`
  return { sanctions, messages }
}

export async function findOwnSanction(db: Db, accountId: string, sanctionId: string) {
  const rows = await db<SanctionRow[]>`
    select ${sanctionColumns(db)} from moderation_sanctions s
    where s.id = ${sanctionId} and exists (select 1 from room_memberships rm where rm.id = s.membership_id and rm.account_id = ${accountId})`
  return rows[0] ?? null
}

export async function findOwnModeratedMessage(db: Db, accountId: string, messageId: string) {
  const rows = await db<
    {
      id: string
      roomId: string
      membershipId: string
      status: MessageStatus
      moderatedAt: Date | null
      moderatedBy: string | null
    }[]
  >`
    select m.id, m.room_id as "roomId", m.membership_id as "membershipId", m.moderation_status as status,
           m.moderated_at as "moderatedAt", m.moderated_by as "moderatedBy"
    from messages m join room_memberships rm on rm.id = m.membership_id
    where m.id = ${messageId} and rm.account_id = ${accountId}`
  return rows[0] ?? null
}

/** Assigned facilitators of a room plus every admin: who an appeal can go to. Not used for display. */
export async function adminIds(db: Db): Promise<string[]> {
  const rows = await db<{ id: string }[]>`select id from accounts where role = 'admin'`
  return rows.map((r) => r.id)
}

/** Reports the member filed, sanctions they received and their appeals, for "export my data". */
export async function selectModerationExport(db: Db, accountId: string) {
  const reports = await db<{ room: string; category: ReportCategory; note: string; createdAt: Date }[]>`
    select r.title as room, rep.category, rep.note, rep.created_at as "createdAt"
    from moderation_reports rep
    join room_memberships m on m.id = rep.reporter_membership_id
    join rooms r on r.id = m.room_id
    where m.account_id = ${accountId}
    order by rep.created_at`
  const sanctions = await db<
    { room: string; kind: SanctionKind; reason: string; startsAt: Date; endsAt: Date; endedEarlyAt: Date | null }[]
  >`
    select r.title as room, s.kind, s.reason, s.starts_at as "startsAt", s.ends_at as "endsAt", s.ended_early_at as "endedEarlyAt"
    from moderation_sanctions s
    join room_memberships m on m.id = s.membership_id
    join rooms r on r.id = s.room_id
    where m.account_id = ${accountId}
    order by s.starts_at`
  const appeals = await db<
    { room: string; body: string; status: string; decisionNote: string; createdAt: Date; decidedAt: Date | null }[]
  >`
    select r.title as room, a.body, a.status, a.decision_note as "decisionNote", a.created_at as "createdAt", a.decided_at as "decidedAt"
    from moderation_appeals a
    join room_memberships m on m.id = a.membership_id
    join rooms r on r.id = a.room_id
    where m.account_id = ${accountId}
    order by a.created_at`
  return { reports, sanctions, appeals }
}

// ---------------------------------------------------------------------------------------------
// A reporter's own reports and what came of them (issue 18)

export interface OwnReportRow {
  reportId: string
  category: ReportCategory
  createdAt: Date
  roomTitle: string
  status: 'open' | 'dismissed' | 'actioned'
  resolvedAt: Date | null
}

/** The account's own member reports, newest first, with their flag's status (never the sanction taken). */
export async function reportsOfAccount(db: Db, accountId: string, limit: number): Promise<OwnReportRow[]> {
  return db<OwnReportRow[]>`
    select x.id as "reportId", x.category, x.created_at as "createdAt", r.title as "roomTitle", f.status, f.resolved_at as "resolvedAt"
    from moderation_reports x
    join room_memberships rm on rm.id = x.reporter_membership_id
    join moderation_flags f on f.id = x.flag_id
    join rooms r on r.id = f.room_id
    where rm.account_id = ${accountId} and not x.by_facilitator
    order by x.created_at desc
    limit ${limit}
  `
}
