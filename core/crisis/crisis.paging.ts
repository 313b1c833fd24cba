import { createHmac } from 'node:crypto'
import { nowOf, type CoreDeps } from '../deps.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import * as q from './crisis.queries.js'
import { announceToClinicians } from './crisis.realtime.js'
import { crisisPageEmail } from './crisis.emails.js'
import { UNPAGED_ALARM_SECONDS, type PolicySnapshot } from './crisis.schema.js'
import { onCallAt } from './oncall.js'

/**
 * The paging ladder, run by the crisis worker (workers/processors/crisis.ts). Every step is
 * idempotent: a page is one row per incident + level + repeat, each channel is marked when done,
 * and stale jobs (the incident moved on, was acknowledged or resolved) do nothing. Time comes from
 * nowOf(deps), so a test can drive the whole ladder by calling these in order with a moved clock.
 */

export interface PageStep {
  incidentId: string
  level: number
  repeat: number
}

/** Test-only seam: lets a fault test stop a worker between the console page and the email. */
export const crisisPageHooks: { afterConsole?: (pageId: string) => Promise<void> } = {}

const DEFAULT_TIMEOUT_MINUTES = 5
const WEBHOOK_TIMEOUT_MS = 5_000
/** A receiver's Retry-After is honoured up to this long: a page that waits longer is no longer a page. */
export const WEBHOOK_RETRY_AFTER_CAP_MS = 120_000

export function ackTimeoutMinutes(policy: PolicySnapshot, level: number): number {
  return policy.levels[level]?.ackTimeoutMinutes ?? policy.levels.at(-1)?.ackTimeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES
}

/**
 * After an unacknowledged step: the next level; after the last level the ladder repeats
 * `repeats` times; then the supervisor (level = number of levels), paged again at every timeout.
 */
export function nextStep(
  policy: PolicySnapshot,
  level: number,
  repeat: number,
  climbBaseRepeat: number,
): { level: number; repeat: number } {
  const n = policy.levels.length
  if (level < n - 1) return { level: level + 1, repeat }
  if (level === n - 1 && repeat - climbBaseRepeat < policy.repeats) return { level: 0, repeat: repeat + 1 }
  if (level === n - 1) return { level: n, repeat }
  return { level: n, repeat: repeat + 1 }
}

/** Who is paged at a step. Nobody resolvable at a level falls back to the supervisor, then to every admin, then every clinician. */
export async function recipientsFor(
  deps: CoreDeps,
  policy: PolicySnapshot,
  level: number,
  at: Date,
): Promise<string[]> {
  const found = new Set<string>()
  const targets = policy.levels[level]?.targets ?? []
  for (const target of targets) {
    if (target.kind === 'account') {
      if (await q.findAccountBrief(deps.sql, target.accountId)) found.add(target.accountId)
    } else {
      const schedule = await q.selectSchedule(deps.sql, target.scheduleId)
      const onCall = schedule ? onCallAt(schedule, at) : null
      if (onCall) found.add(onCall)
    }
  }
  if (found.size > 0) return [...found]
  if (policy.supervisorAccountId && (await q.findAccountBrief(deps.sql, policy.supervisorAccountId)))
    return [policy.supervisorAccountId]
  const admins = await q.selectAccountsByRole(deps.sql, ['admin'])
  if (admins.length > 0) return admins
  return q.selectAccountsByRole(deps.sql, ['clinician'])
}

export function consoleUrl(deps: CoreDeps, incidentId: string) {
  return `${deps.config.publicUrl}/console/incidents/${incidentId}`
}

export async function pageIncident(deps: CoreDeps, step: PageStep): Promise<'paged' | 'skipped' | 'stale'> {
  const incident = await q.selectIncident(deps.sql, step.incidentId)
  if (!incident || incident.status !== 'open') return 'skipped'
  if (incident.escalationLevel !== step.level || incident.escalationRepeat !== step.repeat) return 'stale'
  const at = nowOf(deps)
  const recipients = await recipientsFor(deps, incident.policySnapshot, step.level, at)
  const { page } = await deps.sql.begin((tx) =>
    q.upsertPage(tx, { incidentId: incident.id, level: step.level, repeat: step.repeat, recipients, at }),
  )

  if (!page.consoleSentAt) {
    announceToClinicians(deps, 'incident:paged', incident)
    await deps.sql.begin(async (tx) => {
      await q.markConsoleSent(tx, page.id, at)
      await q.markFirstPaged(tx, incident.id, at)
      await q.insertEvent(tx, {
        incidentId: incident.id,
        kind: 'paged',
        escalationLevel: step.level,
        repeat: step.repeat,
        at,
      })
      await q.clearAlarms(tx, 'crisis_unpaged', incident.id, at)
      await q.clearAlarms(tx, 'crisis_step_overdue', incident.id, at)
    })
  }
  await crisisPageHooks.afterConsole?.(page.id)

  if (!page.followupsEnqueuedAt) {
    const timeoutMs = ackTimeoutMinutes(incident.policySnapshot, step.level) * 60_000
    await deps.sql.begin(async (tx) => {
      if (!(await q.markFollowupsEnqueued(tx, page.id, at))) return
      if (deps.config.CRISIS_WEBHOOK_URL) {
        await q.insertWebhookDelivery(tx, page.id)
        await enqueueOutbox(tx, 'crisis:webhook', { pageId: page.id })
      }
      await enqueueOutbox(
        tx,
        'crisis:escalate',
        { incidentId: incident.id, level: step.level, repeat: step.repeat },
        { delayMs: timeoutMs },
      )
    })
  }

  let failed = 0
  for (const recipient of await q.selectPageRecipients(deps.sql, page.id)) {
    if (recipient.emailSentAt || !recipient.email) continue
    try {
      await deps.mailer.send({
        to: recipient.email,
        ...crisisPageEmail(recipient.locale, consoleUrl(deps, incident.id)),
      })
      await q.markRecipientEmailed(deps.sql, page.id, recipient.accountId, nowOf(deps))
    } catch (error) {
      failed++
      deps.log.warn(
        { incidentId: incident.id, pageId: page.id, err: { message: (error as Error).message } },
        'crisis page email failed',
      )
    }
  }
  // The job is retried; only the emails not yet sent go out again.
  if (failed > 0) throw new Error(`crisis page email failed for ${failed} recipient(s)`)
  return 'paged'
}

/** Runs when a step's acknowledgement timeout has passed. */
export async function escalateIncident(deps: CoreDeps, step: PageStep): Promise<'escalated' | 'stopped' | 'stale'> {
  const at = nowOf(deps)
  const moved = await deps.sql.begin(async (tx) => {
    const row = await q.selectIncidentForUpdate(tx, step.incidentId)
    if (!row || row.status !== 'open') return 'stopped' as const
    if (row.escalationLevel !== step.level || row.escalationRepeat !== step.repeat) return 'stale' as const
    const next = nextStep(row.policySnapshot, step.level, step.repeat, row.climbBaseRepeat)
    await q.updateCursor(tx, row.id, next.level, next.repeat)
    await q.insertEvent(tx, {
      incidentId: row.id,
      kind: 'escalated',
      escalationLevel: next.level,
      repeat: next.repeat,
      at,
    })
    await q.clearAlarms(tx, 'crisis_step_overdue', row.id, at)
    await enqueueOutbox(tx, 'crisis:page', { incidentId: row.id, level: next.level, repeat: next.repeat })
    return { ...row, escalationLevel: next.level, escalationRepeat: next.repeat }
  })
  if (typeof moved === 'string') return moved
  announceToClinicians(deps, 'incident:updated', moved)
  return 'escalated'
}

/** An acknowledged incident still unresolved after the policy's re-trigger time pages again from level 1. */
export async function retriggerIncident(
  deps: CoreDeps,
  payload: { incidentId: string; ackCount: number },
): Promise<'retriggered' | 'skipped'> {
  const at = nowOf(deps)
  const reopened = await deps.sql.begin(async (tx) => {
    const row = await q.selectIncidentForUpdate(tx, payload.incidentId)
    if (!row || row.status !== 'acknowledged' || row.ackCount !== payload.ackCount) return null
    const repeat = row.escalationRepeat + 1
    await q.reopenForRetrigger(tx, row.id, repeat)
    await q.insertEvent(tx, { incidentId: row.id, kind: 'retriggered', escalationLevel: 0, repeat, at })
    await q.clearAlarms(tx, 'crisis_step_overdue', row.id, at)
    await enqueueOutbox(tx, 'crisis:page', { incidentId: row.id, level: 0, repeat })
    return { ...row, status: 'open' as const, escalationLevel: 0, escalationRepeat: repeat }
  })
  if (!reopened) return 'skipped'
  announceToClinicians(deps, 'incident:updated', reopened)
  return 'retriggered'
}

export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

async function deadLetter(
  deps: CoreDeps,
  pageId: string,
  incidentId: string | null,
  statusCode: number | null,
  reason: string,
) {
  const at = nowOf(deps)
  await deps.sql.begin(async (tx) => {
    await q.recordWebhookAttempt(tx, pageId, statusCode, 'dead', at)
    await q.insertDeadLetter(tx, pageId, statusCode, reason, at)
    await q.insertAlarm(tx, { kind: 'webhook_dead_letter', dedupKey: `webhook_dead_letter:${pageId}`, incidentId, at })
  })
  deps.log.error({ pageId, incidentId, statusCode, reason }, 'crisis webhook dead-lettered')
}

/**
 * The wait a 429's Retry-After asks for (RFC 9110: delay-seconds or an HTTP date), capped; null when absent or
 * unreadable (the job's own backoff applies then).
 */
export function retryAfterMs(header: string | null, now: Date): number | null {
  const value = header?.trim()
  if (!value) return null
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now.getTime()
  if (Number.isNaN(ms)) return null
  return Math.min(Math.max(ms, 0), WEBHOOK_RETRY_AFTER_CAP_MS)
}

/**
 * POST the signed page to CRISIS_WEBHOOK_URL. 2xx: delivered. 429 with Retry-After: `{ retryAfterMs }`, the
 * caller runs the attempt again after that wait. Other 4xx (and other non-5xx answers): permanent — dead letter,
 * alarm, no retry. 5xx, a 429 without Retry-After, timeout or network error: throw so the job is retried with
 * backoff. The last attempt (counted from the delivery's recorded attempts, since a Retry-After wait is not a
 * BullMQ attempt) is dead-lettered too. The body holds no member data.
 */
export async function deliverCrisisWebhook(
  deps: CoreDeps,
  payload: { pageId: string },
  attempt: { number: number; max: number },
  options: { timeoutMs?: number } = {},
): Promise<'delivered' | 'skipped' | 'dead' | { retryAfterMs: number }> {
  const url = deps.config.CRISIS_WEBHOOK_URL
  const secret = deps.config.CRISIS_WEBHOOK_SECRET
  if (!url || !secret) return 'skipped'
  const delivery = await q.selectWebhookDelivery(deps.sql, payload.pageId)
  if (!delivery || delivery.status !== 'pending') return 'skipped'
  const attemptNumber = Math.max(attempt.number, delivery.attempts + 1)
  const page = await q.selectPage(deps.sql, payload.pageId)
  const incident = page ? await q.selectIncident(deps.sql, page.incidentId) : null
  if (!page || !incident) return 'skipped'
  const body = JSON.stringify({
    type: 'crisis.page',
    pageId: page.id,
    incidentId: incident.id,
    level: incident.level,
    escalationLevel: page.escalationLevel,
    repeat: page.escalationRepeat,
    consoleUrl: consoleUrl(deps, incident.id),
  })
  const timestamp = String(Math.floor(nowOf(deps).getTime() / 1000))
  let status: number | null = null
  let retryAfter: number | null = null
  let failure = ''
  try {
    const response = await fetch(url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? WEBHOOK_TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Holdspace-Webhook/1',
        'x-holdspace-delivery': page.id,
        'x-holdspace-timestamp': timestamp,
        'x-holdspace-signature': signWebhook(secret, timestamp, body),
      },
    })
    status = response.status
    if (status === 429) retryAfter = retryAfterMs(response.headers.get('retry-after'), nowOf(deps))
    await response.body?.cancel().catch(() => {})
  } catch (error) {
    failure = (error as Error).name === 'TimeoutError' ? 'timeout' : 'network error'
  }
  if (status !== null && status >= 200 && status < 300) {
    await q.recordWebhookAttempt(deps.sql, page.id, status, 'delivered', nowOf(deps))
    return 'delivered'
  }
  if (status !== null && status < 500 && status !== 429) {
    await deadLetter(deps, page.id, incident.id, status, `refused with ${status}`)
    return 'dead'
  }
  const reason = status !== null ? `answered ${status}` : failure
  if (attemptNumber >= attempt.max) {
    await deadLetter(deps, page.id, incident.id, status, `${reason} after ${attemptNumber} attempts`)
    return 'dead'
  }
  await q.recordWebhookAttempt(deps.sql, page.id, status, 'pending', nowOf(deps))
  if (retryAfter !== null) return { retryAfterMs: retryAfter }
  throw new Error(`crisis webhook ${reason}`)
}

/**
 * The watchdog: any incident raised more than 30 s ago and not yet paged gets an alarm (error log,
 * an `alarms` row that /metrics counts and admins see). Runs in the workers process on a timer that
 * needs only PostgreSQL, so it still fires while Redis is down.
 */
export async function runCrisisWatchdog(deps: CoreDeps): Promise<{ unpaged: number; newAlarms: number }> {
  const at = nowOf(deps)
  await q.clearSettledUnpagedAlarms(deps.sql, at)
  const stuck = await q.selectUnpagedSince(deps.sql, new Date(at.getTime() - UNPAGED_ALARM_SECONDS * 1000))
  let newAlarms = 0
  for (const incident of stuck) {
    if (
      await q.insertAlarm(deps.sql, {
        kind: 'crisis_unpaged',
        dedupKey: `crisis_unpaged:${incident.id}`,
        incidentId: incident.id,
        at,
      })
    ) {
      newAlarms++
      deps.log.error(
        { incidentId: incident.id, raisedAt: incident.raisedAt.toISOString() },
        'crisis incident not paged within 30 seconds',
      )
    }
  }
  return { unpaged: stuck.length, newAlarms }
}

export async function countUnpagedIncidents(deps: Pick<CoreDeps, 'sql' | 'now'>): Promise<number> {
  return q.countUnpaged(deps.sql, new Date(nowOf(deps).getTime() - UNPAGED_ALARM_SECONDS * 1000))
}
