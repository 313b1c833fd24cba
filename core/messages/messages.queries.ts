import type { Sql, TransactionSql } from '../../db/client.js'
import type { ThreadSide } from './messages.schema.js'

type Db = Sql | TransactionSql

export async function findAccountTimeZone(db: Db, accountId: string): Promise<string> {
  const [row] = await db<{ timeZone: string }[]>`select time_zone as "timeZone" from accounts where id = ${accountId}`
  return row?.timeZone ?? 'UTC'
}

// ── groups, as messaging needs them ────────────────────────────────────────────────────────────────────
export interface GroupBrief {
  id: string
  title: string
  facilitatorId: string
  coFacilitatorId: string | null
}

export async function findGroup(db: Db, groupId: string): Promise<GroupBrief | null> {
  const [row] = await db<GroupBrief[]>`
    select id, title, facilitator_id as "facilitatorId", co_facilitator_id as "coFacilitatorId" from groups where id = ${groupId}`
  return row ?? null
}

export async function findMembership(
  db: Db,
  groupId: string,
  accountId: string,
): Promise<{ status: string; pseudonym: string } | null> {
  const [row] = await db<{ status: string; pseudonym: string }[]>`
    select status, pseudonym from group_members where group_id = ${groupId} and account_id = ${accountId}`
  return row ?? null
}

export interface FacilitatorBrief {
  accountId: string
  displayName: string
  responseHours: number
}

export async function findFacilitators(db: Db, accountIds: string[]): Promise<FacilitatorBrief[]> {
  if (accountIds.length === 0) return []
  return db<FacilitatorBrief[]>`
    select account_id as "accountId", display_name as "displayName", response_hours as "responseHours"
    from facilitator_profiles where account_id = any(${accountIds}::uuid[])`
}

// ── threads ────────────────────────────────────────────────────────────────────────────────────────────
export interface ThreadRow {
  id: string
  groupId: string
  groupTitle: string
  memberAccountId: string
  facilitatorId: string
  coFacilitatorId: string | null
  memberPseudonym: string
  memberStatus: string
}

const threadColumns = (db: Db) => db`
  t.id, t.group_id as "groupId", g.title as "groupTitle", t.member_account_id as "memberAccountId",
  g.facilitator_id as "facilitatorId", g.co_facilitator_id as "coFacilitatorId",
  gm.pseudonym as "memberPseudonym", gm.status as "memberStatus"`

export async function findThread(db: Db, threadId: string): Promise<ThreadRow | null> {
  const [row] = await db<ThreadRow[]>`
    select ${threadColumns(db)}
    from message_threads t
    join groups g on g.id = t.group_id
    join group_members gm on gm.group_id = t.group_id and gm.account_id = t.member_account_id
    where t.id = ${threadId}`
  return row ?? null
}

export async function findThreadIdOf(db: Db, groupId: string, memberAccountId: string): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`
    select id from message_threads where group_id = ${groupId} and member_account_id = ${memberAccountId}`
  return row?.id ?? null
}

export async function upsertThread(tx: TransactionSql, groupId: string, memberAccountId: string): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into message_threads (group_id, member_account_id) values (${groupId}, ${memberAccountId})
    on conflict (group_id, member_account_id) do update set group_id = excluded.group_id
    returning id`
  return row!.id
}

export async function touchThread(tx: TransactionSql, threadId: string, at: Date) {
  await tx`update message_threads set last_message_at = greatest(last_message_at, ${at}) where id = ${threadId}`
}

/** Serializes the notification jobs of one thread, so two of them never both decide to email. */
export async function lockThread(tx: TransactionSql, threadId: string): Promise<boolean> {
  const rows = await tx`select id from message_threads where id = ${threadId} for update`
  return rows.length > 0
}

// ── messages ───────────────────────────────────────────────────────────────────────────────────────────
export async function findOwnMessageByClientId(
  db: Db,
  authorAccountId: string,
  clientId: string,
): Promise<{ id: string; threadId: string } | null> {
  const [row] = await db<{ id: string; threadId: string }[]>`
    select id, thread_id as "threadId" from direct_messages where author_account_id = ${authorAccountId} and client_id = ${clientId}`
  return row ?? null
}

/** Insert once per author and client id; null when this client id was already used. */
export async function insertMessage(
  tx: TransactionSql,
  input: { threadId: string; authorAccountId: string; side: ThreadSide; clientId: string; body: string; at: Date },
): Promise<string | null> {
  const [row] = await tx<{ id: string }[]>`
    insert into direct_messages (thread_id, author_account_id, author_side, client_id, body, created_at)
    values (${input.threadId}, ${input.authorAccountId}, ${input.side}, ${input.clientId}, ${input.body}, ${input.at})
    on conflict (author_account_id, client_id) do nothing
    returning id`
  return row?.id ?? null
}

export interface MessageRow {
  id: string
  authorAccountId: string | null
  authorSide: ThreadSide
  authorDisplayName: string | null
  body: string
  createdAt: Date
  readAt: Date | null
}

export async function listMessages(db: Db, threadId: string): Promise<MessageRow[]> {
  return db<MessageRow[]>`
    select m.id, m.author_account_id as "authorAccountId", m.author_side as "authorSide",
           case when m.author_side = 'facilitator' then fp.display_name end as "authorDisplayName",
           m.body, m.created_at as "createdAt", m.read_at as "readAt"
    from direct_messages m
    left join facilitator_profiles fp on fp.account_id = m.author_account_id
    where m.thread_id = ${threadId}
    order by m.created_at, m.id`
}

/** The member's own most recent messages in the thread, oldest first: context for the crisis classifier. */
export async function recentMemberTexts(db: Db, threadId: string, limit: number): Promise<string[]> {
  const rows = await db<{ body: string }[]>`
    select body from (
      select body, created_at, id from direct_messages
      where thread_id = ${threadId} and author_side = 'member'
      order by created_at desc, id desc limit ${limit}
    ) recent order by created_at, id`
  return rows.map((r) => r.body)
}

/** The reader opened the thread: everything the other side wrote becomes read. */
export async function markReadBy(db: Db, threadId: string, readerSide: ThreadSide, at: Date): Promise<number> {
  const rows = await db`
    update direct_messages set read_at = ${at}
    where thread_id = ${threadId} and author_side <> ${readerSide} and read_at is null
    returning id`
  return rows.length
}

// ── inboxes ────────────────────────────────────────────────────────────────────────────────────────────
export interface InboxRow {
  id: string
  groupTitle: string
  facilitatorId: string
  coFacilitatorId: string | null
  memberPseudonym: string
  memberStatus: string
  unread: number
  lastMessageAt: Date
  waitingSince: Date | null
  responseHours: number
}

/** The threads the account is the member of, newest activity first. Unread: the facilitators' unread messages. */
export async function listMemberThreads(db: Db, accountId: string): Promise<InboxRow[]> {
  return db<InboxRow[]>`
    select t.id, g.title as "groupTitle", g.facilitator_id as "facilitatorId", g.co_facilitator_id as "coFacilitatorId",
           gm.pseudonym as "memberPseudonym", gm.status as "memberStatus",
           (select count(*)::int from direct_messages m where m.thread_id = t.id and m.author_side = 'facilitator' and m.read_at is null) as unread,
           t.last_message_at as "lastMessageAt", null::timestamptz as "waitingSince",
           coalesce(fp.response_hours, 48) as "responseHours"
    from message_threads t
    join groups g on g.id = t.group_id
    join group_members gm on gm.group_id = t.group_id and gm.account_id = t.member_account_id
    left join facilitator_profiles fp on fp.account_id = g.facilitator_id
    where t.member_account_id = ${accountId}
    order by t.last_message_at desc`
}

/**
 * The threads of every group the account facilitates. waitingSince: the oldest member message not yet answered
 * by any facilitator. Whoever has waited longest comes first, then the rest by latest activity.
 */
export async function listFacilitatorThreads(db: Db, accountId: string): Promise<InboxRow[]> {
  return db<InboxRow[]>`
    select id, "groupTitle", "facilitatorId", "coFacilitatorId", "memberPseudonym", "memberStatus", unread, "lastMessageAt", "waitingSince", "responseHours"
    from (
      select t.id, g.title as "groupTitle", g.facilitator_id as "facilitatorId", g.co_facilitator_id as "coFacilitatorId",
             gm.pseudonym as "memberPseudonym", gm.status as "memberStatus",
             (select count(*)::int from direct_messages m where m.thread_id = t.id and m.author_side = 'member' and m.read_at is null) as unread,
             t.last_message_at as "lastMessageAt",
             (select min(m.created_at) from direct_messages m
              where m.thread_id = t.id and m.author_side = 'member'
                and m.created_at > coalesce((select max(f.created_at) from direct_messages f
                                             where f.thread_id = t.id and f.author_side = 'facilitator'), '-infinity')) as "waitingSince",
             coalesce(fp.response_hours, 48) as "responseHours"
      from message_threads t
      join groups g on g.id = t.group_id
      join group_members gm on gm.group_id = t.group_id and gm.account_id = t.member_account_id
      left join facilitator_profiles fp on fp.account_id = g.facilitator_id
      where g.facilitator_id = ${accountId} or g.co_facilitator_id = ${accountId}
    ) threads
    order by "waitingSince" asc nulls last, "lastMessageAt" desc`
}

// ── notification emails ────────────────────────────────────────────────────────────────────────────────
export interface NotifyRow {
  id: string
  threadId: string
  authorSide: ThreadSide
  readAt: Date | null
  memberAccountId: string
  facilitatorId: string
  coFacilitatorId: string | null
}

export async function findMessageForNotify(db: Db, messageId: string): Promise<NotifyRow | null> {
  const [row] = await db<NotifyRow[]>`
    select m.id, m.thread_id as "threadId", m.author_side as "authorSide", m.read_at as "readAt",
           t.member_account_id as "memberAccountId", g.facilitator_id as "facilitatorId", g.co_facilitator_id as "coFacilitatorId"
    from direct_messages m
    join message_threads t on t.id = m.thread_id
    join groups g on g.id = t.group_id
    where m.id = ${messageId}`
  return row ?? null
}

export async function findRecipients(
  db: Db,
  accountIds: string[],
): Promise<Array<{ accountId: string; email: string | null; locale: 'en' | 'pl' }>> {
  return db<{ accountId: string; email: string | null; locale: 'en' | 'pl' }[]>`
    select id as "accountId", email, locale from accounts where id = any(${accountIds}::uuid[])`
}

/** Whether this recipient was emailed about a message of this thread that is still unread (or about this one). */
export async function alreadyEmailed(
  tx: TransactionSql,
  threadId: string,
  messageId: string,
  recipientAccountId: string,
): Promise<boolean> {
  const rows = await tx`
    select 1 from direct_message_emails e join direct_messages m on m.id = e.message_id
    where e.thread_id = ${threadId} and e.recipient_account_id = ${recipientAccountId}
      and (e.message_id = ${messageId} or m.read_at is null)
    limit 1`
  return rows.length > 0
}

export async function recordEmail(
  tx: TransactionSql,
  messageId: string,
  threadId: string,
  recipientAccountId: string,
  at: Date,
) {
  await tx`
    insert into direct_message_emails (message_id, thread_id, recipient_account_id, sent_at)
    values (${messageId}, ${threadId}, ${recipientAccountId}, ${at})
    on conflict do nothing`
}

export async function releaseEmail(db: Db, messageId: string, recipientAccountId: string) {
  await db`delete from direct_message_emails where message_id = ${messageId} and recipient_account_id = ${recipientAccountId}`
}

// ── export ─────────────────────────────────────────────────────────────────────────────────────────────
export async function listOwnAuthoredAsFacilitator(
  db: Db,
  accountId: string,
): Promise<Array<{ body: string; createdAt: Date; readAt: Date | null }>> {
  return db<{ body: string; createdAt: Date; readAt: Date | null }[]>`
    select body, created_at as "createdAt", read_at as "readAt" from direct_messages
    where author_account_id = ${accountId} and author_side = 'facilitator'
    order by created_at, id`
}

/** Messages waiting for this account, on either side of its threads (for the navigation's count). */
export async function countUnreadFor(db: Db, accountId: string): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n
    from direct_messages d
    join message_threads t on t.id = d.thread_id
    join groups g on g.id = t.group_id
    where d.read_at is null
      and ((t.member_account_id = ${accountId} and d.author_side = 'facilitator')
        or ((g.facilitator_id = ${accountId} or g.co_facilitator_id = ${accountId}) and d.author_side = 'member'))`
  return row?.n ?? 0
}
