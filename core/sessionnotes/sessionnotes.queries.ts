import type { Sql, TransactionSql } from '../../db/client.js'
import type { AttendanceStatus } from './sessionnotes.schema.js'

type Db = Sql | TransactionSql

export interface LedSessionRow {
  id: string
  groupId: string
  groupTitle: string
  startsAt: Date
  endsAt: Date
  endedAt: Date | null
  status: string
}

/** The session, only when the actor leads its group (facilitator or co-facilitator); null otherwise. */
export async function findLedSession(db: Db, facilitatorId: string, sessionId: string): Promise<LedSessionRow | null> {
  const [row] = await db<LedSessionRow[]>`
    select s.id, s.group_id as "groupId", g.title as "groupTitle", s.starts_at as "startsAt", s.ends_at as "endsAt",
           s.ended_at as "endedAt", s.status
    from group_sessions s join groups g on g.id = s.group_id
    where s.id = ${sessionId} and (g.facilitator_id = ${facilitatorId} or g.co_facilitator_id = ${facilitatorId})`
  return row ?? null
}

export interface SessionMemberRow {
  accountId: string
  pseudonym: string
}

/**
 * The members a record is kept for: the group's approved members, and anyone who was in this session as a member
 * or already has a saved status or note for it (someone who left the group since keeps their record).
 */
export async function listSessionMembers(db: Db, sessionId: string, groupId: string): Promise<SessionMemberRow[]> {
  return db<SessionMemberRow[]>`
    select m.account_id as "accountId", m.pseudonym
    from group_members m
    where m.group_id = ${groupId}
      and (m.status = 'approved'
        or exists (select 1 from group_session_participants p
                   where p.session_id = ${sessionId} and p.account_id = m.account_id and p.role = 'member')
        or exists (select 1 from session_attendance a where a.session_id = ${sessionId} and a.account_id = m.account_id)
        or exists (select 1 from session_notes n where n.session_id = ${sessionId} and n.member_account_id = m.account_id))
    order by lower(m.pseudonym)`
}

export interface VideoPresenceRow {
  accountId: string
  firstJoinedAt: Date
  /** null while any of the member's connections has no leave recorded (still in the room, or to the end). */
  lastLeftAt: Date | null
}

/** When each member was in the session's video room, from LiveKit's signed webhooks (group_attendance). */
export async function listVideoPresence(db: Db, sessionId: string): Promise<VideoPresenceRow[]> {
  return db<VideoPresenceRow[]>`
    select p.account_id as "accountId", min(a.joined_at) as "firstJoinedAt",
           case when bool_or(a.left_at is null) then null else max(a.left_at) end as "lastLeftAt"
    from group_attendance a join group_session_participants p on p.id = a.participant_id
    where a.session_id = ${sessionId} and p.role = 'member'
    group by p.account_id`
}

export interface SavedAttendanceRow {
  accountId: string
  status: AttendanceStatus
  recordedAt: Date
}

export async function listSavedAttendance(db: Db, sessionId: string): Promise<SavedAttendanceRow[]> {
  return db<SavedAttendanceRow[]>`
    select account_id as "accountId", status, recorded_at as "recordedAt"
    from session_attendance where session_id = ${sessionId}`
}

export async function upsertAttendance(
  tx: TransactionSql,
  sessionId: string,
  rows: Array<{ accountId: string; status: AttendanceStatus }>,
  recordedBy: string,
  at: Date,
): Promise<void> {
  for (const row of rows) {
    await tx`
      insert into session_attendance (session_id, account_id, status, recorded_by, recorded_at)
      values (${sessionId}, ${row.accountId}, ${row.status}, ${recordedBy}, ${at})
      on conflict (session_id, account_id)
      do update set status = excluded.status, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`
  }
}

export interface NoteRow {
  sessionId: string
  memberAccountId: string | null
  keyId: string
  sealed: Buffer
  updatedAt: Date
}

export async function listNotes(db: Db, sessionId: string): Promise<NoteRow[]> {
  return db<NoteRow[]>`
    select session_id as "sessionId", member_account_id as "memberAccountId", key_id as "keyId", sealed,
           updated_at as "updatedAt"
    from session_notes where session_id = ${sessionId}`
}

export async function upsertNote(
  tx: TransactionSql,
  note: {
    sessionId: string
    memberAccountId: string | null
    keyId: string
    sealed: Buffer
    writtenBy: string
    at: Date
  },
): Promise<void> {
  if (note.memberAccountId === null) {
    await tx`
      insert into session_notes (session_id, member_account_id, key_id, sealed, written_by, updated_at)
      values (${note.sessionId}, null, ${note.keyId}, ${note.sealed}, ${note.writtenBy}, ${note.at})
      on conflict (session_id) where member_account_id is null
      do update set key_id = excluded.key_id, sealed = excluded.sealed, written_by = excluded.written_by,
                    updated_at = excluded.updated_at`
    return
  }
  await tx`
    insert into session_notes (session_id, member_account_id, key_id, sealed, written_by, updated_at)
    values (${note.sessionId}, ${note.memberAccountId}, ${note.keyId}, ${note.sealed}, ${note.writtenBy}, ${note.at})
    on conflict (session_id, member_account_id) where member_account_id is not null
    do update set key_id = excluded.key_id, sealed = excluded.sealed, written_by = excluded.written_by,
                  updated_at = excluded.updated_at`
}

export async function deleteNote(
  tx: TransactionSql,
  sessionId: string,
  memberAccountId: string | null,
): Promise<boolean> {
  const scope = memberAccountId === null ? tx`member_account_id is null` : tx`member_account_id = ${memberAccountId}`
  const rows = await tx`delete from session_notes where session_id = ${sessionId} and ${scope} returning id`
  return rows.length > 0
}

// ── the member's export ────────────────────────────────────────────────────────────────────────────────
export async function selectAttendanceExport(db: Db, accountId: string) {
  return db<Array<{ groupTitle: string; sessionStartsAt: Date; status: AttendanceStatus; recordedAt: Date }>>`
    select g.title as "groupTitle", s.starts_at as "sessionStartsAt", a.status, a.recorded_at as "recordedAt"
    from session_attendance a
    join group_sessions s on s.id = a.session_id
    join groups g on g.id = s.group_id
    where a.account_id = ${accountId}
    order by s.starts_at`
}

export async function selectMemberNotesExport(db: Db, accountId: string) {
  return db<Array<NoteRow & { groupTitle: string; sessionStartsAt: Date }>>`
    select n.session_id as "sessionId", n.member_account_id as "memberAccountId", n.key_id as "keyId", n.sealed,
           n.updated_at as "updatedAt", g.title as "groupTitle", s.starts_at as "sessionStartsAt"
    from session_notes n
    join group_sessions s on s.id = n.session_id
    join groups g on g.id = s.group_id
    where n.member_account_id = ${accountId}
    order by s.starts_at`
}

// ── the group's past sessions ──────────────────────────────────────────────────────────────────────────
/** The group, only when the actor leads it. */
export async function findLedGroup(
  db: Db,
  facilitatorId: string,
  groupId: string,
): Promise<{ id: string; title: string } | null> {
  const [row] = await db<{ id: string; title: string }[]>`
    select id, title from groups
    where id = ${groupId} and (facilitator_id = ${facilitatorId} or co_facilitator_id = ${facilitatorId})`
  return row ?? null
}

export interface PastSessionRow {
  id: string
  startsAt: Date
  attendanceRecorded: boolean
  notes: number
}

/** Sessions of the group that have started (not cancelled), newest first. */
export async function listPastSessions(db: Db, groupId: string, now: Date, limit: number): Promise<PastSessionRow[]> {
  return db<PastSessionRow[]>`
    select s.id, s.starts_at as "startsAt",
           exists (select 1 from session_attendance a where a.session_id = s.id) as "attendanceRecorded",
           (select count(*)::int from session_notes n where n.session_id = s.id) as notes
    from group_sessions s
    where s.group_id = ${groupId} and s.status <> 'cancelled' and s.starts_at <= ${now}
    order by s.starts_at desc
    limit ${limit}`
}
