import { transaction } from '../after-commit.js'
import { recordAudit } from '../audit/audit.service.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { can } from '../identity/permissions.js'
import { openNote, sealNote } from './sessionnotes.crypto.js'
import * as q from './sessionnotes.queries.js'
import {
  ATTENDANCE_FIELD,
  ATTENDANCE_GRACE_MS,
  MEMBER_NOTE_FIELD,
  PAST_SESSIONS_SHOWN,
  type AttendanceStatus,
  type GroupSessionRecordsView,
  type NotesInput,
  type SessionRecordView,
} from './sessionnotes.schema.js'

/*
 * After a session its group's facilitators (lead and co-facilitator) record attendance and keep notes: one about the
 * session and at most one about each member, sealed at rest under NOTES_KEY. Nobody else reaches them — not the
 * members, not another group's facilitator, not clinicians or admins: they get NOT_FOUND, as for a session that does
 * not exist. Every read of notes and every write is audited. Members see their attendance and the notes about them
 * only in their data export (docs/decisions/042).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function ledSession(deps: CoreDeps, actor: SessionAccount, sessionId: string) {
  if (!UUID.test(sessionId) || !can(actor, 'groups:lead')) throw new AppError('NOT_FOUND')
  const session = await q.findLedSession(deps.sql, actor.accountId, sessionId.toLowerCase())
  if (!session) throw new AppError('NOT_FOUND')
  return session
}

/** The session can be recorded once it has started, unless it was cancelled. */
function isOpen(session: q.LedSessionRow, now: Date): boolean {
  return session.status !== 'cancelled' && session.startsAt.getTime() <= now.getTime()
}

/**
 * The status the video room suggests: nothing when the room recorded nobody (a chat-only session, or no LiveKit);
 * absent when it recorded others but not this member; late when they first joined more than 5 minutes after the
 * start; left early when their last connection closed more than 5 minutes before the end (the scheduled end, or
 * the facilitator's earlier "end session"). Late wins over left early: the facilitator corrects what they know better.
 */
export function suggestAttendance(
  presence: q.VideoPresenceRow | undefined,
  session: Pick<q.LedSessionRow, 'startsAt' | 'endsAt' | 'endedAt'>,
  videoRecorded: boolean,
): AttendanceStatus | null {
  if (!videoRecorded) return null
  if (!presence) return 'absent'
  if (presence.firstJoinedAt.getTime() > session.startsAt.getTime() + ATTENDANCE_GRACE_MS) return 'late'
  const end = Math.min(session.endsAt.getTime(), session.endedAt?.getTime() ?? Infinity)
  if (presence.lastLeftAt && presence.lastLeftAt.getTime() < end - ATTENDANCE_GRACE_MS) return 'left_early'
  return 'present'
}

/** The attendance and notes page of one session, for the group's facilitators. Opening notes is audited. */
export async function getSessionRecord(
  deps: CoreDeps,
  actor: SessionAccount,
  sessionId: string,
): Promise<SessionRecordView> {
  const session = await ledSession(deps, actor, sessionId)
  const [members, presence, saved, notes] = await Promise.all([
    q.listSessionMembers(deps.sql, session.id, session.groupId),
    q.listVideoPresence(deps.sql, session.id),
    q.listSavedAttendance(deps.sql, session.id),
    q.listNotes(deps.sql, session.id),
  ])
  const opened = new Map(notes.map((n) => [n.memberAccountId, openNote(deps.config, n)]))
  if (notes.length > 0) {
    await transaction(deps, (tx) =>
      recordAudit(tx, deps, {
        actorAccountId: actor.accountId,
        action: 'session_notes:view',
        targetType: 'group_session',
        targetId: session.id,
        details: { notes: notes.length },
      }),
    )
  }
  const videoRecorded = presence.length > 0
  const latest = (dates: Date[]) =>
    dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))).toISOString() : null
  return {
    sessionId: session.id,
    groupId: session.groupId,
    groupTitle: session.groupTitle,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    open: isOpen(session, nowOf(deps)),
    videoRecorded,
    attendanceSavedAt: latest(saved.map((s) => s.recordedAt)),
    members: members.map((m) => {
      const own = presence.find((p) => p.accountId === m.accountId)
      const savedStatus = saved.find((s) => s.accountId === m.accountId)?.status ?? null
      const suggested = suggestAttendance(own, session, videoRecorded)
      return {
        pseudonym: m.pseudonym,
        status: savedStatus ?? suggested,
        source: savedStatus ? 'saved' : suggested ? 'video' : 'none',
        joinedAt: own?.firstJoinedAt.toISOString() ?? null,
        leftAt: own?.lastLeftAt?.toISOString() ?? null,
        note: opened.get(m.accountId) ?? '',
      }
    }),
    sessionNote: opened.get(null) ?? '',
    notesUpdatedAt: latest(notes.map((n) => n.updatedAt)),
  }
}

async function membersByPseudonym(deps: CoreDeps, session: q.LedSessionRow) {
  return new Map((await q.listSessionMembers(deps.sql, session.id, session.groupId)).map((m) => [m.pseudonym, m]))
}

/**
 * Save every member's status. Each member on the page needs one; a name that is not a member of the session's
 * group is refused and nothing is saved. Re-saving replaces the earlier record.
 */
export async function saveAttendance(
  deps: CoreDeps,
  actor: SessionAccount,
  sessionId: string,
  entries: Array<{ pseudonym: string; status: AttendanceStatus }>,
): Promise<void> {
  const session = await ledSession(deps, actor, sessionId)
  const now = nowOf(deps)
  if (!isOpen(session, now)) throw new AppError('CONFLICT')
  const members = await membersByPseudonym(deps, session)
  const rows: Array<{ accountId: string; status: AttendanceStatus }> = []
  for (const entry of entries) {
    const member = members.get(entry.pseudonym)
    if (!member) throw new AppError('VALIDATION_FAILED')
    rows.push({ accountId: member.accountId, status: entry.status })
  }
  const missing = [...members.keys()].filter((p) => !entries.some((e) => e.pseudonym === p))
  if (missing.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      Object.fromEntries(missing.map((p) => [`${ATTENDANCE_FIELD}${p}`, 'attendance_required'])),
    )
  await transaction(deps, async (tx) => {
    await q.upsertAttendance(tx, session.id, rows, actor.accountId, now)
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: 'session_attendance:record',
      targetType: 'group_session',
      targetId: session.id,
      details: { members: rows.length },
    })
  })
}

/**
 * Save the session's note and the notes about members, sealed. An empty box removes that note; a box that is absent
 * from the form leaves its note as it was. A name that is not a member of the group changes nothing.
 */
export async function saveNotes(
  deps: CoreDeps,
  actor: SessionAccount,
  sessionId: string,
  input: NotesInput,
): Promise<void> {
  const session = await ledSession(deps, actor, sessionId)
  const now = nowOf(deps)
  if (!isOpen(session, now)) throw new AppError('CONFLICT')
  const members = await membersByPseudonym(deps, session)
  const notes: Array<{ memberAccountId: string | null; text: string }> =
    input.session === null ? [] : [{ memberAccountId: null, text: input.session }]
  for (const entry of input.members) {
    const member = members.get(entry.pseudonym)
    if (!member) throw new AppError('VALIDATION_FAILED', { [`${MEMBER_NOTE_FIELD}${entry.pseudonym}`]: 'NOT_FOUND' })
    notes.push({ memberAccountId: member.accountId, text: entry.text })
  }
  await transaction(deps, async (tx) => {
    let written = 0
    let removed = 0
    for (const note of notes) {
      if (note.text === '') {
        if (await q.deleteNote(tx, session.id, note.memberAccountId)) removed++
        continue
      }
      const { keyId, sealed } = sealNote(deps.config, session.id, note.memberAccountId, note.text)
      await q.upsertNote(tx, {
        sessionId: session.id,
        memberAccountId: note.memberAccountId,
        keyId,
        sealed,
        writtenBy: actor.accountId,
        at: now,
      })
      written++
    }
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: 'session_notes:write',
      targetType: 'group_session',
      targetId: session.id,
      details: { written, removed },
    })
  })
}

/** The group's sessions that have started, newest first, with whether attendance and notes were kept. */
export async function listGroupSessionRecords(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
): Promise<GroupSessionRecordsView> {
  if (!UUID.test(groupId) || !can(actor, 'groups:lead')) throw new AppError('NOT_FOUND')
  const group = await q.findLedGroup(deps.sql, actor.accountId, groupId.toLowerCase())
  if (!group) throw new AppError('NOT_FOUND')
  const sessions = await q.listPastSessions(deps.sql, group.id, nowOf(deps), PAST_SESSIONS_SHOWN)
  return {
    groupId: group.id,
    groupTitle: group.title,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt.toISOString(),
      attendanceRecorded: s.attendanceRecorded,
      notes: s.notes,
    })),
  }
}

/**
 * The member's part of "export my data" (docs/decisions/042): their attendance, and the notes written about them,
 * decrypted (GDPR Art. 15). The note about the session as a whole concerns the whole group and is not included.
 */
export async function exportSessionNotesData(deps: CoreDeps, accountId: string) {
  const [attendance, notes] = await Promise.all([
    q.selectAttendanceExport(deps.sql, accountId),
    q.selectMemberNotesExport(deps.sql, accountId),
  ])
  return {
    attendance: attendance.map((a) => ({
      group: a.groupTitle,
      session: a.sessionStartsAt.toISOString(),
      status: a.status,
      recordedAt: a.recordedAt.toISOString(),
    })),
    notesAboutMe: notes.map((n) => ({
      group: n.groupTitle,
      session: n.sessionStartsAt.toISOString(),
      note: openNote(deps.config, n),
      updatedAt: n.updatedAt.toISOString(),
    })),
  }
}
