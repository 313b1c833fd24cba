import { z } from 'zod'
import { parseLocalDateTime } from '../groups/recurrence.js'

const text = (min: number, max: number, tooShort = 'text_too_short') =>
  z.string().trim().min(min, tooShort).max(max, 'text_too_long')
const optionalText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.string().min(min, 'text_too_short').max(max, 'text_too_long').nullable())

/** A date alone is due at the end of that day. */
export const dueWallTime = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59` : value)

/** A due date as the facilitator types it, in the group's time zone: a date ("2026-05-04") or a date and time. */
const dueLocal = z
  .string()
  .trim()
  .refine((v) => parseLocalDateTime(dueWallTime(v)) !== null, 'due_invalid')

export const homeworkSchema = z.object({
  title: text(3, 120),
  instructions: text(1, 5000, 'instructions_required'),
  dueLocal,
  reflectionPrompt: optionalText(3, 500).default(''),
})
export type HomeworkInput = z.infer<typeof homeworkSchema>

export const reflectionSchema = z.object({
  reflection: text(1, 5000, 'reflection_required'),
})

const httpUrl = z
  .string()
  .trim()
  .max(2000, 'text_too_long')
  .refine((v) => {
    try {
      const url = new URL(v)
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password
      )
    } catch {
      return false
    }
  }, 'url_invalid')

const resourceBase = {
  title: text(3, 160),
  description: z.string().trim().max(2000, 'text_too_long').default(''),
}

export const linkResourceSchema = z.object({ ...resourceBase, url: httpUrl })
export const readingResourceSchema = z.object({ ...resourceBase, body: text(1, 50000, 'reading_required') })
export const fileResourceSchema = z.object(resourceBase)
export type LinkResourceInput = z.infer<typeof linkResourceSchema>
export type ReadingResourceInput = z.infer<typeof readingResourceSchema>
export type FileResourceInput = z.infer<typeof fileResourceSchema>

/** Which library: a group's, or the public one. */
export type LibraryScope = { groupId: string } | { public: true }

export type FileFamily = 'audio' | 'video' | 'pdf' | 'image'

export interface HomeworkView {
  id: string
  title: string
  instructions: string
  reflectionPrompt: string | null
  dueAt: string
  /** In the viewer's own time zone and language. */
  dueLabel: string
  /** For the facilitators' edit form: the due time as wall time in the group's zone. */
  dueLocal: string
  overdue: boolean
  /** Members only: their own progress. */
  mine: { done: boolean; doneLabel: string | null; reflection: string | null } | null
  /** Facilitators only, by group pseudonym: who has done it and the reflections shared with them. */
  progress: {
    doneCount: number
    memberCount: number
    entries: Array<{ pseudonym: string; done: boolean; reflection: string | null }>
  } | null
}

export interface HomeworkPage {
  group: { id: string; title: string; timeZone: string }
  viewerRole: 'facilitator' | 'member'
  viewerTimeZone: string
  homework: HomeworkView[]
}

export interface OpenHomework {
  id: string
  groupId: string
  groupTitle: string
  title: string
  dueAt: string
  dueLabel: string
  overdue: boolean
}

export interface ResourceView {
  id: string
  kind: 'link' | 'reading' | 'file'
  title: string
  description: string
  url: string | null
  /** Reading text split into paragraphs (shown as plain text). */
  paragraphs: string[] | null
  file: { href: string; family: FileFamily; contentType: string; sizeBytes: number; fileName: string } | null
  /** The facilitator's display name, or null for the Holdspace team (an admin). */
  addedBy: string | null
  addedLabel: string
  canDelete: boolean
}

export interface LibraryPage {
  group: { id: string; title: string } | null
  canAdd: boolean
  maxBytes: number
  resources: ResourceView[]
}
