import { z } from 'zod'
import type { CrisisRiskLevel, CrisisStatus } from '../contracts/socket-events.crisis.js'

export type { CrisisRiskLevel, CrisisStatus }
export const CRISIS_SOURCES = ['message', 'button', 'facilitator', 'report', 'self_care', 'direct_message'] as const
export type CrisisSource = (typeof CRISIS_SOURCES)[number]
export const CRISIS_OUTCOMES = [
  'safety_plan',
  'referred',
  'emergency_services',
  'no_risk',
  'lost_contact',
  'follow_up',
  'other',
] as const
export type CrisisOutcome = (typeof CRISIS_OUTCOMES)[number]
export const CRISIS_RISK_LEVELS = ['concern', 'high', 'imminent'] as const

/** A page stays unpaged for at most this long before the watchdog raises an alarm. */
export const UNPAGED_ALARM_SECONDS = 30

export type PolicyTarget = { kind: 'schedule'; scheduleId: string } | { kind: 'account'; accountId: string }

/** The escalation policy as copied onto an incident when it is raised. */
export interface PolicySnapshot {
  policyId: string | null
  name: string
  repeats: number
  retriggerMinutes: number
  supervisorAccountId: string | null
  levels: { ackTimeoutMinutes: number; targets: PolicyTarget[] }[]
}

/** Used when no policy was configured: everyone who can answer is paged, every 5 minutes. */
export const FALLBACK_POLICY: PolicySnapshot = {
  policyId: null,
  name: 'fallback',
  repeats: 0,
  retriggerMinutes: 30,
  supervisorAccountId: null,
  levels: [],
}

export interface RaiseCrisisInput {
  memberAccountId: string
  source: CrisisSource
  level: CrisisRiskLevel
  roomId?: string | null
  messageId?: string | null
  reporterAccountId?: string | null
  reason?: string | null
  classifierSignals?: string[]
  /** The member's country (memberCountry); when absent, the account's saved country or its language decides. */
  country?: string | null
  /** The member's pseudonym where the signal came from; otherwise a label is made from the incident id. */
  memberLabel?: string | null
}

export interface RaiseCrisisResult {
  incidentId: string
  created: boolean
  level: CrisisRiskLevel
  status: CrisisStatus
  memberLabel: string
  memberAccountId: string
  escalationLevel: number
  repeat: number
}

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long')
export const noteSchema = z.object({ body: text(4000) })
export const crisisChatSchema = z.object({ body: text(2000) })
export const resolveSchema = z.object({
  outcome: z.enum(CRISIS_OUTCOMES),
  note: z.string().trim().max(4000).optional(),
})
export const revealSchema = z.object({ reason: z.string().trim().min(10, 'reason_too_short').max(500, 'too_long') })
export const escalateSchema = z.object({
  memberAccountId: z.string().uuid(),
  roomId: z.string().uuid().optional(),
  messageId: z.string().uuid().optional(),
  reason: text(2000),
})

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_invalid')
const logins = z
  .string()
  .transform((v) =>
    v
      .split(/[\n,]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().min(3).max(254)).min(1, 'required').max(50))

export const scheduleFormSchema = z.object({
  name: text(80),
  timeZone: text(64),
  handoffTime: hhmm,
  shiftHours: z.coerce.number().int().min(1).max(336),
  startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid'),
  members: logins,
})

export const overrideFormSchema = z.object({
  scheduleId: z.string().uuid(),
  login: z.string().trim().toLowerCase().min(3).max(254),
  startsAt: z.string().min(10).max(40),
  endsAt: z.string().min(10).max(40),
})

/** One level per line: `<minutes> <target>, <target>` where a target is `schedule:<name>` or a login. */
export const policyFormSchema = z.object({
  name: text(80),
  repeats: z.coerce.number().int().min(0).max(10),
  retriggerMinutes: z.coerce.number().int().min(1).max(1440),
  supervisor: z.string().trim().toLowerCase().max(254).optional(),
  levels: z.string().trim().min(1, 'required').max(4000),
})

export interface IncidentSummary {
  id: string
  memberLabel: string
  level: CrisisRiskLevel
  status: CrisisStatus
  source: CrisisSource
  escalationLevel: number
  repeat: number
  raisedAt: string
  firstPagedAt: string | null
  acknowledgedAt: string | null
}

export interface IncidentDetail extends IncidentSummary {
  memberLocale: 'en' | 'pl'
  memberCountry: string | null
  resolvedAt: string | null
  outcome: CrisisOutcome | null
  policyName: string
  /** `reason`: a facilitator's reason for escalating; `notDelivered`: the triggering message was refused but heard. */
  signals: {
    source: CrisisSource
    level: CrisisRiskLevel
    roomId: string | null
    messageId: string | null
    reason: string | null
    notDelivered: boolean
    classifierSignals: string[]
    createdAt: string
  }[]
  /** What the member wrote for the clinician in their own words (self-care: the note under "Yes, please"). */
  memberNotes: { body: string; at: string }[]
  timeline: { kind: string; actor: string | null; escalationLevel: number | null; repeat: number | null; at: string }[]
  notes: { author: string | null; body: string; at: string }[]
  chat: CrisisChatMessage[]
  /**
   * Each triggering chat message with the messages around it, as the room saw them (pseudonyms only); for a private
   * message to a facilitator (kind 'direct_message'), the few before it in its thread, roomTitle being the group.
   */
  context: {
    messageId: string
    kind: 'chat' | 'direct_message'
    roomTitle: string
    messages: { seq: number; pseudonym: string; body: string | null; at: string; trigger: boolean }[]
  }[]
}

export interface CrisisChatMessage {
  id: string
  from: 'member' | 'clinician'
  body: string
  at: string
}
