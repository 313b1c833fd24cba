import { z } from 'zod'

/** Feelings a mood check-in can name; the UI translates each (`care.feeling.<id>`). */
export const FEELINGS = [
  'calm',
  'hopeful',
  'grateful',
  'content',
  'energetic',
  'connected',
  'tired',
  'anxious',
  'sad',
  'lonely',
  'irritable',
  'overwhelmed',
  'numb',
  'restless',
] as const
export type Feeling = (typeof FEELINGS)[number]

/** At most this many mood check-ins per calendar day in the member's time zone. */
export const MOOD_CHECKINS_PER_DAY = 3
export const CHART_RANGES = [30, 90] as const
export type ChartRange = (typeof CHART_RANGES)[number]

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .transform((v) => (v === '' ? null : v))
const requiredText = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long')

export const journalEntrySchema = z.object({
  title: optionalText(200).default(''),
  body: requiredText(20_000),
})
export type JournalEntryInput = z.infer<typeof journalEntrySchema>

export const moodCheckInSchema = z.object({
  score: z.coerce
    .number({ invalid_type_error: 'score_invalid' })
    .int('score_invalid')
    .min(1, 'score_invalid')
    .max(10, 'score_invalid'),
  /** Comma-separated (the route joins the checked boxes), or a list. */
  feelings: z
    .union([z.string().max(400, 'feeling_unknown'), z.array(z.string())])
    .default('')
    .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))])
    .pipe(z.array(z.enum(FEELINGS, { errorMap: () => ({ message: 'feeling_unknown' }) })).max(FEELINGS.length)),
  note: optionalText(2_000).default(''),
})
export type MoodCheckInInput = z.infer<typeof moodCheckInSchema>

const uuid = z.string().uuid('NOT_FOUND')

/** Small steps, one per line in the form. */
const stepsText = z
  .string()
  .max(4_000, 'too_long')
  .default('')
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200, 'step_too_long')).max(20, 'too_many_steps'))

/** The group whose facilitator the goal was agreed with, or empty for a goal the member keeps to themselves. */
const groupChoice = z
  .string()
  .trim()
  .default('')
  .transform((v) => (v === '' ? null : v))
  .pipe(z.string().uuid('goal_group_invalid').nullable())

export const goalSchema = z.object({
  title: requiredText(120),
  why: z.string().trim().max(1_000, 'too_long').default(''),
  steps: stepsText,
  groupId: groupChoice,
})
export type GoalInput = z.infer<typeof goalSchema>

export const goalEditSchema = goalSchema.omit({ steps: true })
export type GoalEditInput = z.infer<typeof goalEditSchema>

export const goalStepSchema = z.object({ text: requiredText(200) })
export const goalStepToggleSchema = z.object({
  stepId: uuid,
  done: z.enum(['true', 'false']).transform((v) => v === 'true'),
})
export const goalStatusSchema = z.object({ status: z.enum(['active', 'completed', 'archived']) })
export const goalCheckInSchema = z.object({
  note: requiredText(1_000),
  rating: z
    .string()
    .trim()
    .default('')
    .transform((v) => (v === '' ? null : Number(v)))
    .pipe(z.number().int('rating_invalid').min(1, 'rating_invalid').max(5, 'rating_invalid').nullable()),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid'),
})
export type GoalCheckInInput = z.infer<typeof goalCheckInSchema>

export const reminderSchema = z
  .object({
    mode: z.enum(['off', 'daily']),
    time: z.string().trim().default(''),
    email: z
      .literal('on')
      .optional()
      .transform((v) => v === 'on'),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'daily' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(v.time))
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'time_invalid' })
  })
export type ReminderInput = z.infer<typeof reminderSchema>

export const supportAnswerSchema = z.object({
  answer: z.enum(['yes', 'no']),
  message: optionalText(500).default(''),
})

export const ENTRY_KINDS = ['journal', 'mood'] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

// ── what leaves core ──────────────────────────────────────────────────────────────────────────────────
export interface JournalListItem {
  id: string
  title: string | null
  preview: string
  createdAt: string
  updatedAt: string
  dateLabel: string
}
export interface JournalEntryView {
  id: string
  title: string | null
  body: string
  createdAt: string
  updatedAt: string
  dateLabel: string
}

/** Saving a journal entry or a mood check-in: whether to show the crisis card and ask before telling anyone. */
export interface SavedEntry {
  id: string
  askAboutSupport: boolean
}

export interface MoodCheckInView {
  id: string
  score: number
  feelings: Feeling[]
  note: string | null
  createdAt: string
  localDate: string
  timeLabel: string
}
/** One local day of the chart: the mean of its check-ins, and its lowest and highest check-in (null without any). */
export interface MoodDay {
  date: string
  label: string
  average: number | null
  low: number | null
  high: number | null
  count: number
}
export interface MoodOverview {
  range: ChartRange
  timeZone: string
  today: string
  todayCount: number
  limit: number
  days: MoodDay[]
  latest: MoodCheckInView | null
  recent: MoodCheckInView[]
}

export type GoalStatus = 'active' | 'completed' | 'archived'
export interface GoalStepView {
  id: string
  text: string
  done: boolean
}
export interface GoalCheckInView {
  id: string
  note: string
  rating: number | null
  date: string
}
export interface GoalView {
  id: string
  title: string
  why: string
  status: GoalStatus
  group: { id: string; title: string } | null
  steps: GoalStepView[]
  progress: { done: number; total: number }
  checkIns: GoalCheckInView[]
  createdAt: string
}
export interface GroupGoalsView {
  groupId: string
  groupTitle: string
  members: Array<{ pseudonym: string; goals: GoalView[] }>
}

export interface ReminderPreference {
  mode: 'off' | 'daily'
  time: string | null
  email: boolean
  emailAvailable: boolean
}
