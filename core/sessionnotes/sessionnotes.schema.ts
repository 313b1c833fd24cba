import { z } from 'zod'

export const ATTENDANCE_STATUSES = ['present', 'late', 'left_early', 'absent'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

/** Joining more than this after the start is late; leaving more than this before the end is leaving early. */
export const ATTENDANCE_GRACE_MS = 5 * 60_000

/** How many of a group's past sessions the list shows. */
export const PAST_SESSIONS_SHOWN = 50

/** Longest note, per session or per member. */
export const NOTE_MAX_CHARS = 10_000

/** Form field names: one radio group and one note box per member, named by their group pseudonym. */
export const ATTENDANCE_FIELD = 'attendance:'
export const MEMBER_NOTE_FIELD = 'note-member:'
export const SESSION_NOTE_FIELD = 'note-session'

const status = z.enum(ATTENDANCE_STATUSES, { errorMap: () => ({ message: 'attendance_status_invalid' }) })

/** `attendance:<pseudonym>` → status, for every member on the form. */
export const attendanceFormSchema = z.record(z.string()).transform((raw, ctx) => {
  const entries: Array<{ pseudonym: string; status: AttendanceStatus }> = []
  for (const [name, value] of Object.entries(raw)) {
    if (!name.startsWith(ATTENDANCE_FIELD)) continue
    const parsed = status.safeParse(value)
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'attendance_status_invalid' })
      continue
    }
    entries.push({ pseudonym: name.slice(ATTENDANCE_FIELD.length), status: parsed.data })
  }
  return entries
})

const noteText = z.string().trim().max(NOTE_MAX_CHARS, 'too_long')

/** `note-session` and `note-member:<pseudonym>`; an empty box removes that note, an absent one leaves it as it was. */
export const notesFormSchema = z.record(z.string()).transform((raw, ctx) => {
  const members: Array<{ pseudonym: string; text: string }> = []
  let session: string | null = null
  for (const [name, value] of Object.entries(raw)) {
    const isSession = name === SESSION_NOTE_FIELD
    if (!isSession && !name.startsWith(MEMBER_NOTE_FIELD)) continue
    const parsed = noteText.safeParse(value)
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'too_long' })
      continue
    }
    if (isSession) session = parsed.data
    else members.push({ pseudonym: name.slice(MEMBER_NOTE_FIELD.length), text: parsed.data })
  }
  return { session, members }
})

export type NotesInput = z.infer<typeof notesFormSchema>

// ── views that leave core ─────────────────────────────────────────────────────────────────────────────────
export interface SessionRecordMember {
  pseudonym: string
  /** What the form shows checked: the saved status, else the suggestion from the video room, else none. */
  status: AttendanceStatus | null
  source: 'saved' | 'video' | 'none'
  /** From the video room (ISO), when it recorded the member. */
  joinedAt: string | null
  leftAt: string | null
  note: string
}

export interface SessionRecordView {
  sessionId: string
  groupId: string
  groupTitle: string
  startsAt: string
  endsAt: string
  /** Attendance and notes can be kept once the session has started (and was not cancelled). */
  open: boolean
  /** Whether the video room recorded anyone at all: without it there is nothing to suggest. */
  videoRecorded: boolean
  attendanceSavedAt: string | null
  members: SessionRecordMember[]
  sessionNote: string
  notesUpdatedAt: string | null
}

export interface GroupSessionRecordsView {
  groupId: string
  groupTitle: string
  sessions: Array<{ id: string; startsAt: string; attendanceRecorded: boolean; notes: number }>
}
