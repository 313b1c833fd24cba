import { z } from 'zod'
import { isTimeZone, normaliseRrule, parseLocalDateTime } from './recurrence.js'
import {
  refineSchedule,
  ruleFromSchedule,
  scheduleShape,
  toScheduleFields,
  WEEKDAYS,
  type ScheduleFields,
} from './schedule.js'

const text = (min: number, max: number, tooShort = 'text_too_short') =>
  z.string().trim().min(min, tooShort).max(max, 'text_too_long')

export const timeZoneSchema = z.string().trim().refine(isTimeZone, 'zone_unknown')

export const facilitatorProfileSchema = z.object({
  displayName: text(2, 80),
  education: z.string().trim().max(1000, 'text_too_long'),
  experience: z.string().trim().max(2000, 'text_too_long'),
  approach: z.string().trim().max(2000, 'text_too_long'),
  languages: z
    .string()
    .trim()
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z.array(z.enum(['en', 'pl'], { errorMap: () => ({ message: 'languages_invalid' }) })).min(1, 'languages_invalid'),
    ),
  licenceNumber: text(2, 80),
  licenceJurisdiction: text(2, 120),
  /** Usual response time to private messages, shown to members (core/messages). Left out: unchanged (48 at first). */
  responseHours: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.coerce
      .number({ invalid_type_error: 'response_hours_invalid' })
      .int('response_hours_invalid')
      .min(1, 'response_hours_invalid')
      .max(168, 'response_hours_invalid')
      .optional(),
  ),
})
export type FacilitatorProfileInput = z.infer<typeof facilitatorProfileSchema>

export const groupSchema = z.object({
  title: text(3, 120),
  description: z.string().trim().max(2000, 'text_too_long'),
  topic: text(2, 80),
  language: z.enum(['en', 'pl']),
  /** The co-facilitator's opaque profile key (facilitatorKey), or empty for none. */
  coFacilitator: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{22}$/, 'co_facilitator_invalid')
        .nullable(),
    ),
  capacity: z.coerce.number().int().min(2, 'capacity_invalid').max(30, 'capacity_invalid').default(8),
  rrule: z.string().transform((v, ctx) => {
    const rule = normaliseRrule(v)
    if (!rule) ctx.addIssue({ code: 'custom', message: 'rrule_invalid' })
    return rule ?? ''
  }),
  timeZone: timeZoneSchema,
  firstStartLocal: z
    .string()
    .trim()
    .refine((v) => parseLocalDateTime(v) !== null, 'datetime_invalid'),
  durationMinutes: z.coerce.number().int().min(15, 'duration_invalid').max(240, 'duration_invalid'),
  intakeQuestion: text(5, 500),
})
export type GroupInput = z.infer<typeof groupSchema>

/**
 * The group form as facilitators fill it: the recurrence picker's fields instead of a typed rule. Parses to the
 * same GroupInput (the server writes the RRULE) plus the picker's fields, for the preview.
 */
export const groupFormSchema = groupSchema
  .omit({ rrule: true, firstStartLocal: true })
  .extend(scheduleShape)
  .superRefine(refineSchedule)
  .transform((v): GroupInput & { schedule: ScheduleFields } => {
    const schedule = toScheduleFields(v)
    const { repeat: _r, startDate: _s, startTime: _t, ends: _e, endDate: _d, count: _c, ...rest } = v
    for (const d of WEEKDAYS) delete (rest as Record<string, unknown>)[`day_${d}`]
    return { ...(rest as Omit<GroupInput, 'rrule' | 'firstStartLocal'>), ...ruleFromSchedule(schedule), schedule }
  })

export const joinRequestSchema = z.object({
  answer: text(1, 2000, 'answer_required'),
  pseudonym: z
    .string()
    .trim()
    .min(2, 'group_pseudonym_invalid')
    .max(40, 'group_pseudonym_invalid')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'group_pseudonym_invalid'),
})

export const decisionSchema = z.object({
  member: z.string().trim().min(2).max(40),
  decision: z.enum(['approve', 'decline']),
})

export const moveSessionSchema = z.object({
  startsLocal: z
    .string()
    .trim()
    .refine((v) => parseLocalDateTime(v) !== null, 'datetime_invalid'),
})

export type MembershipStatus = 'requested' | 'approved' | 'declined' | 'waitlisted' | 'left'
export type SessionStatus = 'scheduled' | 'cancelled' | 'moved' | 'live' | 'ended'

/** A facilitator's credentials as members see them. */
export interface FacilitatorCard {
  displayName: string
  education: string
  experience: string
  approach: string
  languages: string[]
  licenceNumber: string
  licenceJurisdiction: string
  verified: boolean
}

export interface FacilitatorProfileView extends FacilitatorCard {
  verifiedAt: string | null
  responseHours: number
}

export interface UpcomingSession {
  id: string
  startsAt: string
  endsAt: string
  /** In the viewer's own time zone and language. */
  startsLabel: string
  status: SessionStatus
}

export interface GroupSummary {
  id: string
  title: string
  description: string
  topic: string
  language: 'en' | 'pl'
  capacity: number
  seatsTaken: number
  facilitator: { displayName: string; verified: boolean }
  nextSessions: UpcomingSession[]
  myStatus: MembershipStatus | null
}

export interface GroupDetails extends GroupSummary {
  intakeQuestion: string
  durationMinutes: number
  rrule: string
  timeZone: string
  firstStartLocal: string
  facilitatorCard: FacilitatorCard
  coFacilitatorCard: FacilitatorCard | null
  /** The primary facilitator only: the co-facilitator's profile key, for the edit form. */
  coFacilitatorKey: string | null
  /** The viewer's role in this group. */
  viewerRole: 'facilitator' | 'co-facilitator' | 'member' | 'visitor'
  myPseudonym: string | null
  waitlistPosition: number | null
  /** Facilitators only. Keyed by pseudonym (unique in the group), never by account. */
  roster: Array<{
    pseudonym: string
    status: MembershipStatus
    answer: string
    requestedAt: string
    waitlistPosition: number | null
  }> | null
}
