import { z } from 'zod'
import type { TransactionSql } from '../../db/client.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { Locale, Role } from '../identity/identity.schema.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import { instantFromLocal } from '../groups/recurrence.js'
import { compareRisk } from './classifier.js'
import * as q from './crisis.queries.js'
import * as fq from './crisis.followup.queries.js'
import { announceToClinicians, tellMember } from './crisis.realtime.js'
import type { CrisisRiskLevel } from './crisis.schema.js'

/*
 * A follow-up keeps a person in sight after an incident is resolved with the outcome "follow up". From its due
 * time the member is asked "How are you now?" in the app (and by an email without content, if they chose that).
 * "I'm OK" closes it; "I'm struggling" and "I need help now" re-open the incident at once (help: at the highest
 * level); no answer by the deadline re-opens it too. Re-opening pages the on-call clinician through the normal
 * ladder (`crisis:page`). Time moves follow-ups on through a sweep over PostgreSQL (`crisis:followup-sweep`), not
 * through delayed jobs that could be lost: a missed deadline is found on the next sweep after any outage.
 */

export const FOLLOW_UP_DELAYS = { '1h': 60, '4h': 240, '24h': 1_440, '3d': 4_320, '7d': 10_080 } as const
export type FollowUpDelay = keyof typeof FOLLOW_UP_DELAYS
export const FOLLOW_UP_WINDOW_HOURS = [1, 4, 12, 24, 48] as const
export const DEFAULT_WINDOW_HOURS = 12
/** A chosen date must be at least this far ahead and at most this far. */
const EARLIEST_MINUTES = 15
const LATEST_DAYS = 30

export const followUpFormSchema = z.object({
  followUpIn: z.enum(['1h', '4h', '24h', '3d', '7d', 'at']).default('24h'),
  followUpAt: z.string().trim().max(20).default(''),
  answerWithinHours: z.coerce
    .number()
    .default(DEFAULT_WINDOW_HOURS)
    .refine((v) => (FOLLOW_UP_WINDOW_HOURS as readonly number[]).includes(v), 'followup_window_invalid'),
})
export type FollowUpChoice = z.infer<typeof followUpFormSchema>

export const FOLLOW_UP_ANSWERS = ['ok', 'struggling', 'help'] as const
export const followUpAnswerSchema = z.object({
  followUpId: z.string().uuid('NOT_FOUND'),
  answer: z.enum(FOLLOW_UP_ANSWERS),
})
export const followUpContactSchema = z.object({
  email: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
})

export interface CareTeamActor {
  accountId: string
  role: Role
}

// ── scheduling (when a clinician resolves an incident) ──────────────────────────────────────────────────
/** When to ask: in a fixed time from now, or at a wall time in the clinician's own time zone. */
function dueAtOf(choice: FollowUpChoice, now: Date, timeZone: string): Date {
  if (choice.followUpIn !== 'at') return new Date(now.getTime() + FOLLOW_UP_DELAYS[choice.followUpIn] * 60_000)
  const at = instantFromLocal(choice.followUpAt, timeZone)
  const ahead = at ? at.getTime() - now.getTime() : -1
  if (!at || ahead < EARLIEST_MINUTES * 60_000 || ahead > LATEST_DAYS * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', { followUpAt: 'followup_time_invalid' })
  }
  return at
}

/** Inside resolveIncident's transaction: the follow-up commits with the resolution or not at all. */
export async function scheduleFollowUpInTransaction(
  tx: TransactionSql,
  input: { incidentId: string; memberAccountId: string; actorAccountId: string; choice: FollowUpChoice; at: Date },
): Promise<string> {
  const zone = (await fq.findAccountTimeZone(tx, input.actorAccountId)) ?? 'UTC'
  const dueAt = dueAtOf(input.choice, input.at, zone)
  const id = await fq.insertFollowUp(tx, {
    incidentId: input.incidentId,
    memberAccountId: input.memberAccountId,
    createdBy: input.actorAccountId,
    dueAt,
    answerWindowMinutes: input.choice.answerWithinHours * 60,
    at: input.at,
  })
  await fq.insertFollowUpEvent(tx, {
    incidentId: input.incidentId,
    kind: 'followup_scheduled',
    actorAccountId: input.actorAccountId,
    at: input.at,
  })
  return id
}

// ── re-opening ─────────────────────────────────────────────────────────────────────────────────────────
/**
 * Brings the member back before a clinician. The follow-up's incident is re-opened at the first step of a new
 * round and paged; if the member has another incident open already, that one is being worked and only has its
 * level raised when the member asked for help now.
 */
async function reopenForFollowUp(
  tx: TransactionSql,
  f: fq.FollowUpRow,
  raiseTo: CrisisRiskLevel | null,
  at: Date,
): Promise<q.IncidentRow | null> {
  const open = await q.selectOpenIncidentForUpdate(tx, f.memberAccountId)
  const incident = open ?? (await q.selectIncidentForUpdate(tx, f.incidentId))
  if (!incident) return null
  const level = raiseTo && compareRisk(raiseTo, incident.level) > 0 ? raiseTo : incident.level
  if (incident.status !== 'resolved') {
    if (level !== incident.level) {
      await q.updateIncidentLevel(tx, incident.id, level)
      await q.insertEvent(tx, { incidentId: incident.id, kind: 'level_raised', at })
    }
    return { ...incident, level }
  }
  const repeat = incident.escalationRepeat + 1
  if (!(await fq.reopenResolvedIncident(tx, incident.id, repeat, level))) return null
  await fq.insertFollowUpEvent(tx, { incidentId: incident.id, kind: 'reopened', escalationLevel: 0, repeat, at })
  await enqueueOutbox(tx, 'crisis:page', { incidentId: incident.id, level: 0, repeat })
  return {
    ...incident,
    status: 'open',
    level,
    escalationLevel: 0,
    escalationRepeat: repeat,
    resolvedAt: null,
    outcome: null,
  }
}

function announceReopened(deps: CoreDeps, incident: q.IncidentRow) {
  tellMember(deps, incident.memberAccountId, incident.id, incident.status)
  announceToClinicians(deps, 'incident:updated', incident)
}

// ── the sweep (workers, every minute) ──────────────────────────────────────────────────────────────────
/** Ask the follow-ups that are due; re-open the incidents of those not answered in time. Idempotent. */
export async function sweepFollowUps(deps: CoreDeps): Promise<{ asked: number; missed: number }> {
  const at = nowOf(deps)
  let missed = 0
  let asked = 0
  for (const id of await fq.selectFollowUpsToMiss(deps.sql, at)) if (await missFollowUp(deps, id, at)) missed++
  for (const id of await fq.selectFollowUpsToAsk(deps.sql, at)) if (await askFollowUp(deps, id, at)) asked++
  return { asked, missed }
}

async function askFollowUp(deps: CoreDeps, id: string, at: Date): Promise<boolean> {
  return deps.sql.begin(async (tx) => {
    const f = await fq.selectFollowUpForUpdate(tx, id)
    if (!f || f.status !== 'scheduled' || f.dueAt > at) return false
    const contact = await fq.findFollowUpContact(tx, f.memberAccountId)
    const email = contact.email && contact.address !== null
    await fq.markFollowUpAsked(tx, f.id, at, email)
    await fq.insertFollowUpEvent(tx, { incidentId: f.incidentId, kind: 'followup_asked', at })
    if (email) await enqueueOutbox(tx, 'crisis:followup-email', { followUpId: f.id })
    return true
  })
}

async function missFollowUp(deps: CoreDeps, id: string, at: Date): Promise<boolean> {
  const reopened = await deps.sql.begin(async (tx) => {
    const f = await fq.selectFollowUpForUpdate(tx, id)
    if (!f || (f.status !== 'scheduled' && f.status !== 'asked')) return null
    if (f.dueAt.getTime() + f.answerWindowMinutes * 60_000 > at.getTime()) return null
    await fq.markFollowUpMissed(tx, f.id, at)
    await fq.insertFollowUpEvent(tx, { incidentId: f.incidentId, kind: 'followup_missed', at })
    return (await reopenForFollowUp(tx, f, null, at)) ?? false
  })
  if (reopened === null) return false
  if (reopened) announceReopened(deps, reopened)
  deps.log.info(
    { followUpId: id, incidentId: reopened ? reopened.id : null },
    'follow-up not answered in time: incident re-opened',
  )
  return true
}

/** The email of an asked follow-up: one per follow-up (claimed before sending, released if the mail server refused). */
export async function sendFollowUpEmail(deps: CoreDeps, payload: { followUpId: string }): Promise<'sent' | 'skipped'> {
  const claim = await fq.claimFollowUpEmail(deps.sql, payload.followUpId, nowOf(deps))
  if (!claim) return 'skipped'
  try {
    await deps.mailer.send({
      to: claim.email,
      ...followUpEmail(claim.locale, `${deps.config.publicUrl}/care/follow-up`),
    })
  } catch (error) {
    await fq.releaseFollowUpEmail(deps.sql, payload.followUpId)
    throw error
  }
  return 'sent'
}

/** Someone else may read the inbox: no word of crisis, care or how the person is — only that something waits. */
export function followUpEmail(locale: Locale, link: string): { subject: string; text: string } {
  if (locale === 'pl') {
    return {
      subject: 'Holdspace: coś na Ciebie czeka',
      text: `Dzień dobry,\n\nw Holdspace czeka na Ciebie krótkie pytanie.\n\n${link}\n`,
    }
  }
  return {
    subject: 'Holdspace: something is waiting for you',
    text: `Hello,\n\nthere is a short question waiting for you on Holdspace.\n\n${link}\n`,
  }
}

// ── the member ─────────────────────────────────────────────────────────────────────────────────────────
/** The question to show now, if any: a follow-up whose time has come and that is still waiting for an answer. */
export async function dueFollowUp(deps: CoreDeps, memberAccountId: string): Promise<{ id: string } | null> {
  const row = await fq.selectDueFollowUpOfMember(deps.sql, memberAccountId, nowOf(deps))
  return row ? { id: row.id } : null
}

/**
 * The member's answer. Only their own follow-up, only once it is due and while it waits (a second answer is a
 * CONFLICT and changes nothing). "I'm struggling" and "I need help now" re-open the incident in the same
 * transaction; "I need help now" at the highest level.
 */
export async function answerFollowUp(
  deps: CoreDeps,
  actor: { accountId: string },
  input: { followUpId: string; answer: fq.FollowUpAnswer },
): Promise<{ answer: fq.FollowUpAnswer; incidentId: string | null }> {
  const at = nowOf(deps)
  const reopened = await deps.sql.begin(async (tx) => {
    const f = await fq.selectFollowUpForUpdate(tx, input.followUpId)
    if (!f || f.memberAccountId !== actor.accountId || f.dueAt > at) throw new AppError('NOT_FOUND')
    if (!(await fq.markFollowUpAnswered(tx, f.id, input.answer, at))) throw new AppError('CONFLICT')
    await fq.insertFollowUpEvent(tx, { incidentId: f.incidentId, kind: 'followup_answered', at })
    if (input.answer === 'ok') return null
    return reopenForFollowUp(tx, f, input.answer === 'help' ? 'imminent' : null, at)
  })
  if (reopened) announceReopened(deps, reopened)
  return { answer: input.answer, incidentId: reopened?.id ?? null }
}

export async function getFollowUpContact(
  deps: CoreDeps,
  actor: { accountId: string },
): Promise<{ email: boolean; emailAvailable: boolean }> {
  const contact = await fq.findFollowUpContact(deps.sql, actor.accountId)
  return { email: contact.email && contact.address !== null, emailAvailable: contact.address !== null }
}

export async function saveFollowUpContact(deps: CoreDeps, actor: { accountId: string }, email: boolean): Promise<void> {
  const contact = await fq.findFollowUpContact(deps.sql, actor.accountId)
  if (email && !contact.address) throw new AppError('VALIDATION_FAILED', { email: 'reminder_email_unavailable' })
  await fq.upsertFollowUpContact(deps.sql, actor.accountId, email)
}

/** For the account export: the follow-ups and the email choice, without clinicians' ids. */
export async function exportFollowUps(deps: CoreDeps, accountId: string) {
  const [rows, contact] = await Promise.all([
    fq.selectFollowUpsOfMember(deps.sql, accountId),
    fq.findFollowUpContact(deps.sql, accountId),
  ])
  return {
    emailWhenAsked: contact.email,
    followUps: rows.map((f) => ({
      dueAt: f.dueAt.toISOString(),
      status: f.status,
      answer: f.answer,
      askedAt: f.askedAt?.toISOString() ?? null,
      answeredAt: f.answeredAt?.toISOString() ?? null,
    })),
  }
}

// ── the console ────────────────────────────────────────────────────────────────────────────────────────
export interface FollowUpView {
  id: string
  dueAt: string
  deadline: string
  status: fq.FollowUpStatus
  answer: fq.FollowUpAnswer | null
  answeredAt: string | null
  missedAt: string | null
}

export async function listIncidentFollowUps(
  deps: CoreDeps,
  actor: CareTeamActor,
  incidentId: string,
): Promise<FollowUpView[]> {
  if (actor.role !== 'clinician' && actor.role !== 'admin') throw new AppError('FORBIDDEN')
  return (await fq.selectFollowUpsOfIncident(deps.sql, incidentId)).map((f) => ({
    id: f.id,
    dueAt: f.dueAt.toISOString(),
    deadline: new Date(f.dueAt.getTime() + f.answerWindowMinutes * 60_000).toISOString(),
    status: f.status,
    answer: f.answer,
    answeredAt: f.answeredAt?.toISOString() ?? null,
    missedAt: f.missedAt?.toISOString() ?? null,
  }))
}

/**
 * The incident, if the actor may act for the member now: a clinician or admin, and the incident is open or
 * acknowledged, or resolved with a follow-up still waiting. Used to gate the member's shared safety plan.
 */
export async function findWorkedIncident(
  db: Parameters<typeof fq.findIncidentForCareTeam>[0],
  actor: CareTeamActor,
  incidentId: string,
): Promise<{ id: string; memberAccountId: string; memberLabel: string } | null> {
  if (actor.role !== 'clinician' && actor.role !== 'admin') return null
  const row = await fq.findIncidentForCareTeam(db, incidentId)
  if (!row || (row.status === 'resolved' && !row.followUpPending)) return null
  return { id: row.id, memberAccountId: row.memberAccountId, memberLabel: row.memberLabel }
}
