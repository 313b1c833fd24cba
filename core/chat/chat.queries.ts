import type { Sql, TransactionSql } from '../../db/client.js'
import type { ChatMember, ChatMessage, MemberBadge } from '../contracts/socket-events.chat.js'

type Db = Sql | TransactionSql

export interface RoomRow {
  id: string
  slug: string
  title: string
  description: string
  language: 'en' | 'pl'
  rules: string
  rulesVersion: number
  slowModeSeconds: number
  locked: boolean
  /** 'group_session': the chat beside a group session's video (core/video/session-chat.ts). */
  kind: 'topic' | 'group_session'
}

export interface MembershipRow {
  id: string
  pseudonym: string
  rulesVersionAccepted: number
  lastReadSeq: number
  badge: MemberBadge
  /** The account's role (admins moderate every room). Never leaves core. */
  role: string
}

export async function findRoomBySlug(db: Db, slug: string): Promise<RoomRow | null> {
  const rows = await db<RoomRow[]>`
    select id, slug, title, description, language, rules, rules_version as "rulesVersion",
           slow_mode_seconds as "slowModeSeconds", locked, kind
    from rooms where slug = ${slug} and kind = 'topic'`
  return rows[0] ?? null
}

export async function findRoomById(db: Db, roomId: string): Promise<RoomRow | null> {
  const rows = await db<RoomRow[]>`
    select id, slug, title, description, language, rules, rules_version as "rulesVersion",
           slow_mode_seconds as "slowModeSeconds", locked, kind
    from rooms where id = ${roomId}`
  return rows[0] ?? null
}

/** The acting account's membership in one room (its own row only). */
export async function findMembership(db: Db, roomId: string, accountId: string): Promise<MembershipRow | null> {
  const rows = await db<MembershipRow[]>`
    select rm.id, rm.pseudonym, rm.rules_version_accepted as "rulesVersionAccepted", rm.last_read_seq as "lastReadSeq",
           case when a.role = 'facilitator' then 'facilitator' end as badge, a.role
    from room_memberships rm join accounts a on a.id = rm.account_id
    where rm.room_id = ${roomId} and rm.account_id = ${accountId}`
  return rows[0] ?? null
}

/** The room and the account's membership in it, in one round trip (the send's `authorize`). */
export async function findRoomAndMembership(
  db: Db,
  roomId: string,
  accountId: string,
): Promise<{ room: RoomRow; membership: MembershipRow | null } | null> {
  const rows = await db<
    (RoomRow & {
      mId: string | null
      mPseudonym: string
      mRulesVersionAccepted: number
      mLastReadSeq: number
      mBadge: MemberBadge
      mRole: string
    })[]
  >`
    select r.id, r.slug, r.title, r.description, r.language, r.rules, r.rules_version as "rulesVersion",
           r.slow_mode_seconds as "slowModeSeconds", r.locked, r.kind,
           rm.id as "mId", rm.pseudonym as "mPseudonym", rm.rules_version_accepted as "mRulesVersionAccepted",
           rm.last_read_seq as "mLastReadSeq", case when a.role = 'facilitator' then 'facilitator' end as "mBadge", a.role as "mRole"
    from rooms r
    left join room_memberships rm on rm.room_id = r.id and rm.account_id = ${accountId}
    left join accounts a on a.id = rm.account_id
    where r.id = ${roomId}`
  const row = rows[0]
  if (!row) return null
  const { mId, mPseudonym, mRulesVersionAccepted, mLastReadSeq, mBadge, mRole, ...room } = row
  return {
    room,
    membership: mId
      ? {
          id: mId,
          pseudonym: mPseudonym,
          rulesVersionAccepted: mRulesVersionAccepted,
          lastReadSeq: mLastReadSeq,
          badge: mBadge,
          role: mRole,
        }
      : null,
  }
}

export async function pseudonymTaken(db: Db, roomId: string, pseudonym: string): Promise<boolean> {
  const rows =
    await db`select 1 from room_memberships where room_id = ${roomId} and lower(pseudonym) = lower(${pseudonym})`
  return rows.length > 0
}

export async function takenPseudonyms(db: Db, roomId: string): Promise<Set<string>> {
  const rows = await db<
    { name: string }[]
  >`select lower(pseudonym) as name from room_memberships where room_id = ${roomId}`
  return new Set(rows.map((r) => r.name))
}

/** Null when the pseudonym is taken in this room (case-insensitively). */
export async function insertMembership(
  db: Db,
  input: { roomId: string; accountId: string; pseudonym: string; rulesVersion: number; now: Date },
): Promise<string | null> {
  const rows = await db<{ id: string }[]>`
    insert into room_memberships (room_id, account_id, pseudonym, rules_version_accepted, rules_accepted_at)
    values (${input.roomId}, ${input.accountId}, ${input.pseudonym}, ${input.rulesVersion}, ${input.now})
    on conflict do nothing
    returning id`
  return rows[0]?.id ?? null
}

export async function acceptRules(db: Db, membershipId: string, rulesVersion: number, now: Date) {
  await db`update room_memberships set rules_version_accepted = ${rulesVersion}, rules_accepted_at = ${now} where id = ${membershipId}`
}

export async function markRead(db: Db, membershipId: string, seq: number): Promise<number> {
  const [row] = await db<{ lastReadSeq: number }[]>`
    update room_memberships rm set last_read_seq = greatest(rm.last_read_seq, least(${seq}::int, r.last_seq))
    from rooms r where r.id = rm.room_id and rm.id = ${membershipId}
    returning rm.last_read_seq as "lastReadSeq"`
  return row?.lastReadSeq ?? 0
}

interface MessageRow {
  id: string
  roomId: string
  seq: number
  clientId: string
  memberId: string
  pseudonym: string
  badge: MemberBadge
  body: string
  createdAt: Date
  editedAt: Date | null
  deletedAt: Date | null
  moderationStatus: 'visible' | 'held' | 'hidden' | 'removed'
  moderatedAt: Date | null
}

/**
 * Who reads a message. A held message's text (docs/decisions/021) is read by its author and by those who
 * moderate the room; without a viewer (a broadcast to the whole room) nobody reads it.
 */
export interface MessageViewer {
  membershipId: string
  readsHeld: boolean
}

function readable(row: MessageRow, viewer: MessageViewer | undefined): boolean {
  if (row.deletedAt) return false
  if (row.moderationStatus === 'visible') return true
  return (
    row.moderationStatus === 'held' &&
    viewer !== undefined &&
    (viewer.readsHeld || viewer.membershipId === row.memberId)
  )
}

/** Who wrote a held message, as the room receives it: nobody in particular (decision 021). */
const UNNAMED: ChatMember = { memberId: '', pseudonym: '', badge: null }

/** Peers see a deleted message as a tombstone; its text stays in the row and in message_revisions for audit. */
export function toChatMessage(row: MessageRow, viewer?: MessageViewer): ChatMessage {
  const shown = readable(row, viewer)
  return {
    id: row.id,
    roomId: row.roomId,
    seq: row.seq,
    clientId: row.clientId,
    // A held message keeps its seq for everyone, but only those who read it learn whose it is.
    author:
      row.moderationStatus === 'held' && !shown
        ? UNNAMED
        : { memberId: row.memberId, pseudonym: row.pseudonym, badge: row.badge },
    body: shown ? row.body : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    // Moderation hook (core/moderation): held, hidden and removed messages keep their seq but lose their text.
    ...(row.moderationStatus !== 'visible' ? { moderation: row.moderationStatus } : {}),
    ...(row.moderatedAt ? { moderatedAt: row.moderatedAt.toISOString() } : {}),
  }
}

const messageColumns = (db: Db) => db`
  m.id, m.room_id as "roomId", m.seq, m.client_id as "clientId", rm.id as "memberId", rm.pseudonym,
  case when a.role = 'facilitator' then 'facilitator' end as badge,
  m.body, m.created_at as "createdAt", m.edited_at as "editedAt", m.deleted_at as "deletedAt",
  m.moderation_status as "moderationStatus", m.moderated_at as "moderatedAt"
  from messages m
  join room_memberships rm on rm.id = m.membership_id
  join accounts a on a.id = rm.account_id`

/** The author's own message by its client id, as its author reads it. */
export async function findMessageByClientId(
  db: Db,
  membershipId: string,
  clientId: string,
): Promise<ChatMessage | null> {
  const rows = await db<
    MessageRow[]
  >`select ${messageColumns(db)} where m.membership_id = ${membershipId} and m.client_id = ${clientId}`
  return rows[0] ? toChatMessage(rows[0], { membershipId, readsHeld: false }) : null
}

export async function findMessageInRoom(
  db: Db,
  roomId: string,
  messageId: string,
  viewer?: MessageViewer,
): Promise<ChatMessage | null> {
  const rows = await db<MessageRow[]>`select ${messageColumns(db)} where m.room_id = ${roomId} and m.id = ${messageId}`
  return rows[0] ? toChatMessage(rows[0], viewer) : null
}

/** One message as the room reads it and as its author reads it (an edit answers the author and tells the room). */
export async function findMessageForRoomAndAuthor(
  db: Db,
  roomId: string,
  messageId: string,
): Promise<{ room: ChatMessage; author: ChatMessage } | null> {
  const [row] = await db<MessageRow[]>`select ${messageColumns(db)} where m.room_id = ${roomId} and m.id = ${messageId}`
  return row
    ? { room: toChatMessage(row), author: toChatMessage(row, { membershipId: row.memberId, readsHeld: false }) }
    : null
}

/** Messages after `afterSeq`, oldest first. */
export async function messagesAfter(
  db: Db,
  roomId: string,
  afterSeq: number,
  limit: number,
  viewer?: MessageViewer,
): Promise<ChatMessage[]> {
  const rows = await db<MessageRow[]>`
    select ${messageColumns(db)} where m.room_id = ${roomId} and m.seq > ${afterSeq} order by m.seq asc limit ${limit}`
  return rows.map((row) => toChatMessage(row, viewer))
}

/** The `limit` messages before `beforeSeq` (the newest when beforeSeq is null), oldest first. */
export async function messagesBefore(
  db: Db,
  roomId: string,
  beforeSeq: number | null,
  limit: number,
  viewer?: MessageViewer,
): Promise<ChatMessage[]> {
  const rows = await db<MessageRow[]>`
    select ${messageColumns(db)} where m.room_id = ${roomId} and m.seq < ${beforeSeq ?? 2_147_483_647}
    order by m.seq desc limit ${limit}`
  return rows.map((row) => toChatMessage(row, viewer)).reverse()
}

/**
 * Hands out the room's next seq. The row lock it takes is held until the caller's transaction ends,
 * so the next sender in this room waits: seqs commit in order and a rollback leaves no gap.
 */
/**
 * A new message with the room's next seq, in one statement (one round trip inside the message's transaction, which
 * holds the room's row lock from here to its COMMIT), stored as visible or (moderation's screen decided it before
 * persist) held. `id` is null when the author already stored this client id (a resend racing itself): nothing is
 * inserted, and the caller rolls the seq move back with the transaction. `seq` is null when the room is gone. The
 * message as stored is built from these values (`storedMessage`), never read back.
 */
export async function insertNextMessage(
  tx: TransactionSql,
  input: {
    roomId: string
    membershipId: string
    clientId: string
    body: string
    now: Date
    held: boolean
  },
): Promise<{ id: string | null; seq: number | null }> {
  const status = input.held ? 'held' : 'visible'
  const [row] = await tx<{ id: string | null; seq: number | null }[]>`
    with moved as (update rooms set last_seq = last_seq + 1 where id = ${input.roomId} returning last_seq),
    inserted as (
      insert into messages (room_id, membership_id, client_id, seq, body, created_at, moderation_status, moderated_at)
      select ${input.roomId}, ${input.membershipId}, ${input.clientId}, moved.last_seq, ${input.body}, ${input.now},
             ${status}, ${input.held ? input.now : null}
      from moved
      on conflict (membership_id, client_id) do nothing
      returning id)
    select (select id from inserted) as id, (select last_seq from moved) as seq`
  return { id: row?.id ?? null, seq: row?.seq ?? null }
}

/** What a send wrote: enough to build the message as anyone reads it without reading it back. */
export interface StoredValues {
  id: string
  roomId: string
  seq: number
  clientId: string
  body: string
  now: Date
  held: boolean
  member: MembershipRow
}

/**
 * Group commit (core/chat/group-commit.ts): locks the room's seq row and finds which of these (author, client id)
 * pairs are already stored, in one round trip. Returned as `membershipId:clientId` keys.
 */
export async function lockRoomForBatch(
  tx: TransactionSql,
  roomId: string,
  sends: Array<{ membershipId: string; clientId: string }>,
): Promise<{ lastSeq: number; existing: string[] }> {
  const [row] = await tx<{ lastSeq: number; existing: string[] }[]>`
    with locked as (select last_seq from rooms where id = ${roomId} for update)
    select (select last_seq from locked) as "lastSeq",
           array(select m.membership_id::text || ':' || m.client_id::text from messages m
                 where m.room_id = ${roomId}
                   and (m.membership_id, m.client_id) in (
                     select * from unnest(${sends.map((s) => s.membershipId)}::uuid[], ${sends.map((s) => s.clientId)}::uuid[]))
           ) as existing`
  return row!
}

/** Group commit: inserts the messages (seqs already taken in order) and moves the room's last seq, in one statement. */
export async function insertBatch(
  tx: TransactionSql,
  roomId: string,
  lastSeq: number,
  rows: Array<Omit<StoredValues, 'id'>>,
): Promise<string[]> {
  const inserted = await tx<{ id: string; seq: number }[]>`
    with moved as (update rooms set last_seq = ${lastSeq} where id = ${roomId})
    insert into messages (room_id, membership_id, client_id, seq, body, created_at, moderation_status, moderated_at)
    select ${roomId}::uuid, m, c, s, b, ${rows[0]!.now}::timestamptz, st, case when st = 'held' then ${rows[0]!.now}::timestamptz end
    from unnest(${rows.map((r) => r.member.id)}::uuid[], ${rows.map((r) => r.clientId)}::uuid[], ${rows.map((r) => r.seq)}::int[],
                ${rows.map((r) => r.body)}::text[], ${rows.map((r) => (r.held ? 'held' : 'visible'))}::text[]) as t(m, c, s, b, st)
    returning id, seq`
  const bySeq = new Map(inserted.map((r) => [r.seq, r.id]))
  return rows.map((r) => bySeq.get(r.seq)!)
}

/**
 * The one-statement write (decision 050): moves the room's last seq and inserts the messages with the seqs it frees,
 * in one autocommit statement, when no persist hook has work. Deliberately without `on conflict`: a resend (the
 * unique (membership, client id) pair) fails the whole statement, the seq move included, so no seq is lost
 * (`isResendConflict`). PostgreSQL stores nothing if it moves the seq at or after `cutoff` (its own clock, read
 * once the room row is locked: a statement that waited for the lock is judged by when it got it): the seqs are then
 * null and the not-null violation fails the whole statement (`isPastCutoff`), so a send abandoned meanwhile is
 * never stored later. The room row's lock orders concurrent writers across processes; ids come in `rows` order.
 */
export async function insertMessagesAlone(
  db: Sql,
  input: {
    roomId: string
    now: Date
    cutoff: Date
    rows: Array<Pick<StoredValues, 'clientId' | 'body' | 'held' | 'member'>>
  },
): Promise<Array<{ id: string; seq: number }>> {
  const { roomId, now, cutoff, rows } = input
  const n = rows.length
  const inserted = await db<{ id: string; seq: number }[]>`
    with moved as (
      update rooms set last_seq = last_seq + ${n}::int where id = ${roomId}
      returning last_seq, clock_timestamp() < ${cutoff}::timestamptz as "inTime")
    insert into messages (room_id, membership_id, client_id, seq, body, created_at, moderation_status, moderated_at)
    select ${roomId}::uuid, t.m, t.c, case when moved."inTime" then (moved.last_seq - ${n}::int + t.ord)::int end,
           t.b, ${now}::timestamptz, t.st, case when t.st = 'held' then ${now}::timestamptz end
    from moved,
         unnest(${rows.map((r) => r.member.id)}::uuid[], ${rows.map((r) => r.clientId)}::uuid[],
                ${rows.map((r) => r.body)}::text[], ${rows.map((r) => (r.held ? 'held' : 'visible'))}::text[])
           with ordinality as t(m, c, b, st, ord)
    returning id, seq`
  return [...inserted].sort((a, b) => a.seq - b.seq).map((r) => ({ id: r.id, seq: r.seq }))
}

/**
 * `insertMessagesAlone` for several rooms at once (decision 065): one autocommit statement moves each room's last seq
 * by its number of messages and inserts them all with the seqs it frees, in order within each room, under the same
 * cutoff. Any failure (a resend's unique violation, the cutoff) fails the whole statement, so nothing is stored and
 * no seq is lost. A room deleted meanwhile gets no rows. Rooms are locked in the order given (the caller sorts by
 * id). Returns each room's ids and seqs in `rows` order.
 */
export async function insertRoomsAlone(
  db: Sql,
  input: {
    now: Date
    cutoff: Date
    rooms: Array<{ roomId: string; rows: Array<Pick<StoredValues, 'clientId' | 'body' | 'held' | 'member'>> }>
  },
): Promise<Map<string, Array<{ id: string; seq: number }>>> {
  const { now, cutoff, rooms } = input
  const rows = rooms.flatMap((room) => room.rows.map((row, n) => ({ roomId: room.roomId, ord: n + 1, ...row })))
  const inserted = await db<{ id: string; roomId: string; seq: number }[]>`
    with wanted as (
      select t.id, t.n, t.o from unnest(${rooms.map((r) => r.roomId)}::uuid[], ${rooms.map((r) => r.rows.length)}::int[])
        with ordinality as t(id, n, o)),
    locked as (
      select r.id from rooms r join wanted w on w.id = r.id order by w.o for update of r),
    moved as (
      update rooms r set last_seq = r.last_seq + w.n
      from wanted w
      where r.id = w.id and r.id in (select id from locked)
      returning r.id, r.last_seq, w.n, clock_timestamp() < ${cutoff}::timestamptz as "inTime")
    insert into messages (room_id, membership_id, client_id, seq, body, created_at, moderation_status, moderated_at)
    select t.r, t.m, t.c, case when moved."inTime" then (moved.last_seq - moved.n + t.ord)::int end,
           t.b, ${now}::timestamptz, t.st, case when t.st = 'held' then ${now}::timestamptz end
    from unnest(${rows.map((r) => r.roomId)}::uuid[], ${rows.map((r) => r.member.id)}::uuid[],
                ${rows.map((r) => r.clientId)}::uuid[], ${rows.map((r) => r.body)}::text[],
                ${rows.map((r) => (r.held ? 'held' : 'visible'))}::text[], ${rows.map((r) => r.ord)}::int[])
           as t(r, m, c, b, st, ord)
    join moved on moved.id = t.r
    returning id, room_id as "roomId", seq`
  const byRoom = new Map<string, Array<{ id: string; seq: number }>>()
  for (const row of [...inserted].sort((a, b) => a.seq - b.seq)) {
    let list = byRoom.get(row.roomId)
    if (!list) byRoom.set(row.roomId, (list = []))
    list.push({ id: row.id, seq: row.seq })
  }
  return byRoom
}

/**
 * PostgreSQL's clock minus `clock`'s, in ms (the one-statement cutoff is read on PostgreSQL's clock, decision 050):
 * the midpoint of the round trip is taken as the moment PostgreSQL read its clock, so the error is at most half of
 * the round trip.
 */
export async function measureDbClockOffset(db: Sql, clock: () => number = Date.now): Promise<number> {
  const before = clock()
  const [row] = await db<{ ms: number }[]>`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`
  const after = clock()
  return Number(row!.ms) - (before + after) / 2
}

/** The failure of `insertMessagesAlone` run by PostgreSQL past its cutoff: nothing of it was stored. */
export function isPastCutoff(error: unknown): boolean {
  const e = error as { code?: string; table_name?: string; column_name?: string } | null
  return e?.code === '23502' && e.table_name === 'messages' && e.column_name === 'seq'
}

/** The failure of a write that found this author's client id already stored (a resend). */
export function isResendConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint_name?: string } | null
  return e?.code === '23505' && e.constraint_name === 'messages_membership_id_client_id_key'
}

/** The message just inserted, as `viewer` reads it, from the values written (no read-back). */
export function storedMessage(input: StoredValues, viewer?: MessageViewer): ChatMessage {
  return toChatMessage(
    {
      id: input.id,
      roomId: input.roomId,
      seq: input.seq,
      clientId: input.clientId,
      memberId: input.member.id,
      pseudonym: input.member.pseudonym,
      badge: input.member.badge,
      body: input.body,
      createdAt: input.now,
      editedAt: null,
      deletedAt: null,
      moderationStatus: input.held ? 'held' : 'visible',
      moderatedAt: input.held ? input.now : null,
    },
    viewer,
  )
}

/** Locks the author's own message for an edit or delete; null when it is not theirs or not in this room. */
export async function lockOwnMessage(
  tx: TransactionSql,
  input: { roomId: string; messageId: string; membershipId: string },
): Promise<{ id: string; body: string; createdAt: Date; deletedAt: Date | null } | null> {
  const rows = await tx<{ id: string; body: string; createdAt: Date; deletedAt: Date | null }[]>`
    select id, body, created_at as "createdAt", deleted_at as "deletedAt" from messages
    where id = ${input.messageId} and room_id = ${input.roomId} and membership_id = ${input.membershipId}
    for update`
  return rows[0] ?? null
}

export async function insertRevision(
  tx: TransactionSql,
  messageId: string,
  kind: 'edit' | 'delete',
  body: string,
  now: Date,
) {
  await tx`insert into message_revisions (message_id, kind, body, created_at) values (${messageId}, ${kind}, ${body}, ${now})`
}

export async function updateMessageBody(tx: TransactionSql, messageId: string, body: string, now: Date) {
  await tx`update messages set body = ${body}, edited_at = ${now} where id = ${messageId}`
}

export async function markMessageDeleted(tx: TransactionSql, messageId: string, now: Date) {
  await tx`update messages set deleted_at = ${now} where id = ${messageId}`
}

/**
 * How far decision 009's announcer (a cursor row per room, advanced in a transaction of its own) got. The ordered
 * announcement now keeps its cursor in Redis (core/chat/chat.broadcast.ts, decision 046); this row only seeds it.
 */
export async function legacyBroadcastCursor(db: Db, roomId: string): Promise<number> {
  const [row] = await db<{ seq: number }[]>`
    select coalesce((select broadcast_seq from room_broadcast_cursors where room_id = ${roomId}), 0) as seq`
  return row!.seq
}

/** The room's last seq handed out (every committed message has one at most this). */
export async function roomLastSeq(db: Db, roomId: string): Promise<number> {
  const [row] = await db<{ seq: number }[]>`select last_seq as seq from rooms where id = ${roomId}`
  return row?.seq ?? 0
}

/** Pseudonyms and badges of members of one room, by membership id. Ids of other rooms are ignored. */
export async function membersOfRoom(db: Db, roomId: string, memberIds: string[]): Promise<ChatMember[]> {
  if (memberIds.length === 0) return []
  return db<ChatMember[]>`
    select rm.id as "memberId", rm.pseudonym, case when a.role = 'facilitator' then 'facilitator' end as badge
    from room_memberships rm join accounts a on a.id = rm.account_id
    where rm.room_id = ${roomId} and rm.id = any(${memberIds}::uuid[])
    order by (a.role = 'facilitator') desc, lower(rm.pseudonym)`
}

/** Which of these memberships (any room) belong to facilitators. */
export async function facilitatorMemberships(db: Db, memberIds: string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set()
  const rows = await db<{ id: string }[]>`
    select rm.id from room_memberships rm join accounts a on a.id = rm.account_id
    where rm.id = any(${memberIds}::uuid[]) and a.role = 'facilitator'`
  return new Set(rows.map((r) => r.id))
}

export async function listRoomIds(db: Db): Promise<string[]> {
  const rows = await db<{ id: string }[]>`select id from rooms where kind = 'topic' order by language, title`
  return rows.map((r) => r.id)
}

export async function listMutes(db: Db, membershipId: string): Promise<string[]> {
  const rows = await db<
    { id: string }[]
  >`select muted_membership_id as id from member_mutes where membership_id = ${membershipId} order by created_at`
  return rows.map((r) => r.id)
}

/** Mutes a member of the same room; false when the target is not a member of that room. */
export async function addMute(
  db: Db,
  input: { roomId: string; membershipId: string; mutedMembershipId: string },
): Promise<boolean> {
  const rows = await db`
    insert into member_mutes (membership_id, muted_membership_id)
    select ${input.membershipId}, rm.id from room_memberships rm
    where rm.id = ${input.mutedMembershipId} and rm.room_id = ${input.roomId} and rm.id <> ${input.membershipId}
    on conflict do nothing
    returning muted_membership_id`
  if (rows.length > 0) return true
  const exists =
    await db`select 1 from room_memberships where id = ${input.mutedMembershipId} and room_id = ${input.roomId} and id <> ${input.membershipId}`
  return exists.length > 0
}

export async function removeMute(db: Db, membershipId: string, mutedMembershipId: string) {
  await db`delete from member_mutes where membership_id = ${membershipId} and muted_membership_id = ${mutedMembershipId}`
}

/** A member's latest messages in their room, oldest first (context for the send path's screens). */
export async function recentTexts(db: Db, membershipId: string, limit: number): Promise<string[]> {
  const rows = await db<{ body: string }[]>`
    select body from messages where membership_id = ${membershipId} and deleted_at is null and body is not null
    order by seq desc limit ${limit}`
  return rows.map((r) => r.body).reverse()
}

/** The member's own rooms (with the pseudonym they chose) and every message they wrote, for "export my data". */
export async function selectChatExport(db: Db, accountId: string) {
  const rooms = await db<{ room: string; pseudonym: string; rulesAcceptedAt: Date; joinedAt: Date }[]>`
    select r.title as room, m.pseudonym, m.rules_accepted_at as "rulesAcceptedAt", m.created_at as "joinedAt"
    from room_memberships m join rooms r on r.id = m.room_id
    where m.account_id = ${accountId} and r.kind = 'topic'
    order by m.created_at`
  const messages = await db<
    { room: string; body: string; createdAt: Date; editedAt: Date | null; deletedAt: Date | null }[]
  >`
    select case when r.kind = 'topic' then r.title else 'group session chat' end as room, msg.body,
           msg.created_at as "createdAt", msg.edited_at as "editedAt", msg.deleted_at as "deletedAt"
    from messages msg
    join room_memberships m on m.id = msg.membership_id
    join rooms r on r.id = msg.room_id
    where m.account_id = ${accountId}
    order by msg.created_at`
  return { rooms, messages }
}
