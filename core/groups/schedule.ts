import { z } from 'zod'
import { DateTime } from 'luxon'
import { expandOccurrences, normaliseRrule, parseLocalDateTime } from './recurrence.js'

/**
 * The recurrence picker: facilitators choose how often, which days, the time, the start and an end; the server
 * writes the RFC 5545 rule from those fields (nobody types one). The rule is expanded as wall time in the group's
 * zone (recurrence.ts), so the same fields mean the same local times all year.
 */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
export type Weekday = (typeof WEEKDAYS)[number]
export const REPEATS = ['weekly', 'fortnightly', 'monthly'] as const
export type Repeat = (typeof REPEATS)[number]
export const ENDS = ['never', 'on', 'after'] as const
export const MAX_COUNT = 200

export interface ScheduleFields {
  repeat: Repeat
  days: Weekday[]
  startDate: string
  startTime: string
  ends: (typeof ENDS)[number]
  endDate: string
  count: string
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/
const checked = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean())

/** The picker's form fields (one checkbox per weekday: `day_MO` … `day_SU`), to extend a form schema with. */
export const scheduleShape = {
  repeat: z.enum(REPEATS, { errorMap: () => ({ message: 'repeat_invalid' }) }),
  ...(Object.fromEntries(WEEKDAYS.map((d) => [`day_${d}`, checked.optional()])) as Record<
    `day_${Weekday}`,
    z.ZodOptional<typeof checked>
  >),
  startDate: z
    .string()
    .trim()
    .refine((v) => isoDate.test(v) && parseLocalDateTime(`${v}T00:00`) !== null, 'date_invalid'),
  startTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_invalid'),
  ends: z.enum(ENDS, { errorMap: () => ({ message: 'ends_invalid' }) }).default('never'),
  endDate: z.string().trim().default(''),
  count: z.string().trim().default(''),
}
type ScheduleShape = z.infer<z.ZodObject<typeof scheduleShape>>

/** An end date on or after the start, a count from 1 to MAX_COUNT. */
export function refineSchedule(v: ScheduleShape, ctx: z.RefinementCtx): void {
  if (
    v.ends === 'on' &&
    (!isoDate.test(v.endDate) || !parseLocalDateTime(`${v.endDate}T00:00`) || v.endDate < v.startDate)
  ) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_date_invalid' })
  }
  if (v.ends === 'after' && !(/^\d{1,3}$/.test(v.count) && Number(v.count) >= 1 && Number(v.count) <= MAX_COUNT)) {
    ctx.addIssue({ code: 'custom', path: ['count'], message: 'count_invalid' })
  }
}

export function toScheduleFields(v: ScheduleShape): ScheduleFields {
  return {
    repeat: v.repeat,
    days: WEEKDAYS.filter((d) => v[`day_${d}`]),
    startDate: v.startDate,
    startTime: v.startTime,
    ends: v.ends,
    endDate: v.ends === 'on' ? v.endDate : '',
    count: v.ends === 'after' ? String(Number(v.count)) : '',
  }
}

export const scheduleFieldsSchema = z.object(scheduleShape).superRefine(refineSchedule).transform(toScheduleFields)

/** The rule and first start the fields describe. Weekly days default to the start date's weekday. */
export function ruleFromSchedule(s: ScheduleFields): { rrule: string; firstStartLocal: string } {
  const start = DateTime.fromISO(s.startDate, { zone: 'UTC' })
  const parts: string[] = []
  if (s.repeat === 'monthly') parts.push('FREQ=MONTHLY')
  else {
    parts.push('FREQ=WEEKLY')
    if (s.repeat === 'fortnightly') parts.push('INTERVAL=2')
    const days = s.days.length ? s.days : [WEEKDAYS[start.weekday - 1]!]
    parts.push(`BYDAY=${days.join(',')}`)
  }
  // UNTIL is on the same floating wall-time scale as the start (recurrence.ts): the end date's last minute.
  if (s.ends === 'on') parts.push(`UNTIL=${s.endDate.replace(/-/g, '')}T235959Z`)
  if (s.ends === 'after') parts.push(`COUNT=${s.count}`)
  const rrule = normaliseRrule(parts.join(';'))
  if (!rrule) throw new Error('schedule fields made an invalid rule')
  return { rrule, firstStartLocal: `${s.startDate}T${s.startTime}` }
}

/** The picker's fields for a stored rule (the edit form). A daily rule is every weekday; other shapes keep their frequency. */
export function scheduleFromRule(rrule: string, firstStartLocal: string): ScheduleFields {
  const fields = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]))
  const [startDate = '', time = ''] = firstStartLocal.split('T')
  const interval = Number(fields.INTERVAL ?? '1')
  const repeat: Repeat = fields.FREQ === 'MONTHLY' ? 'monthly' : interval === 2 ? 'fortnightly' : 'weekly'
  const days =
    fields.FREQ === 'DAILY'
      ? [...WEEKDAYS]
      : WEEKDAYS.filter((d) => (fields.BYDAY ?? '').split(',').some((b) => b.replace(/^[+-]?\d+/, '') === d))
  const until = /^(\d{4})(\d{2})(\d{2})/.exec(fields.UNTIL ?? '')
  return {
    repeat,
    days,
    startDate,
    startTime: time.slice(0, 5),
    ends: until ? 'on' : fields.COUNT ? 'after' : 'never',
    endDate: until ? `${until[1]}-${until[2]}-${until[3]}` : '',
    count: fields.COUNT ?? '',
  }
}

/** The next sessions (instants) of a schedule from `from` on, at most `count`. */
export function nextOccurrences(input: {
  rrule: string
  firstStartLocal: string
  zone: string
  from: Date
  count: number
}): Date[] {
  const first = parseLocalDateTime(input.firstStartLocal)
  if (!first) return []
  const until = new Date(input.from.getTime() + 400 * 24 * 3_600_000)
  return expandOccurrences({
    rrule: input.rrule,
    firstStartLocal: first,
    zone: input.zone,
    from: input.from,
    until,
  }).slice(0, input.count)
}
