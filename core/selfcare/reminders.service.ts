import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import * as q from './selfcare.queries.js'
import { dailyReminderEmail } from './selfcare.emails.js'
import type { ReminderInput, ReminderPreference } from './selfcare.schema.js'
import { localDateOf, localTimeOf, safeZone } from './selfcare.time.js'

/*
 * A gentle daily reminder to check in, at a local time the member picks. In the app it is a quiet note on the
 * self-care pages once the time has passed and there was no check-in today. By email only when the member opted
 * in and has an address; the email says nothing sensitive (selfcare.emails.ts).
 */

export async function getReminderPreference(deps: CoreDeps, actor: SessionAccount): Promise<ReminderPreference> {
  const [row, account] = await Promise.all([
    q.findReminder(deps.sql, actor.accountId),
    q.findAccountContext(deps.sql, actor.accountId),
  ])
  return {
    mode: row?.dailyAt ? 'daily' : 'off',
    time: row?.dailyAt ?? null,
    email: Boolean(row?.dailyAt && row.email),
    emailAvailable: Boolean(account?.email),
  }
}

export async function saveReminderPreference(
  deps: CoreDeps,
  actor: SessionAccount,
  input: ReminderInput,
): Promise<void> {
  const account = await q.findAccountContext(deps.sql, actor.accountId)
  if (!account) throw new AppError('NOT_FOUND')
  if (input.email && input.mode === 'daily' && !account.email)
    throw new AppError('VALIDATION_FAILED', { email: 'reminder_email_unavailable' })
  const daily = input.mode === 'daily'
  await q.upsertReminder(deps.sql, actor.accountId, { dailyAt: daily ? input.time : null, email: daily && input.email })
}

/** Whether to show the in-app reminder now: the time has passed today and there was no check-in today. */
export async function getMoodReminder(deps: CoreDeps, actor: SessionAccount): Promise<{ due: boolean }> {
  const row = await q.findReminder(deps.sql, actor.accountId)
  if (!row?.dailyAt) return { due: false }
  const zone = safeZone((await q.findAccountContext(deps.sql, actor.accountId))?.timeZone)
  const now = nowOf(deps)
  if (localTimeOf(now, zone) < row.dailyAt) return { due: false }
  return { due: (await q.countMoodOnDay(deps.sql, actor.accountId, localDateOf(now, zone))) === 0 }
}

/**
 * Runs every few minutes (workers/schedules.ts). For each member whose email reminder time has passed
 * today in their own time zone, who has not checked in today and was not emailed today: record today as queued
 * and write the outbox row in one transaction, so two sweeps (or a retried one) queue one email per day.
 */
export async function sweepMoodReminders(deps: CoreDeps): Promise<{ queued: number }> {
  const now = nowOf(deps)
  let queued = 0
  for (const candidate of await q.listEmailReminderCandidates(deps.sql)) {
    const zone = safeZone(candidate.timeZone)
    const today = localDateOf(now, zone)
    if (localTimeOf(now, zone) < candidate.dailyAt) continue
    if (candidate.emailQueuedOn !== null && candidate.emailQueuedOn >= today) continue
    if ((await q.countMoodOnDay(deps.sql, candidate.accountId, today)) > 0) continue
    const done = await deps.sql.begin(async (tx) => {
      if (!(await q.markEmailQueued(tx, candidate.accountId, today))) return false
      await enqueueOutbox(tx, 'selfcare:reminder-email', { accountId: candidate.accountId, localDate: today })
      return true
    })
    if (done) queued++
  }
  return { queued }
}

/**
 * The notifications worker sends one reminder email per member and local day: the send is claimed first (a
 * retried job finds it claimed), and released again if the mail server refused it, so the retry can send.
 */
export async function sendMoodReminderEmail(
  deps: CoreDeps,
  payload: { accountId: string; localDate: string },
): Promise<{ status: 'sent' | 'skipped' }> {
  const account = await q.findAccountContext(deps.sql, payload.accountId)
  if (!account?.email) return { status: 'skipped' }
  if ((await q.countMoodOnDay(deps.sql, payload.accountId, payload.localDate)) > 0) return { status: 'skipped' }
  const claim = await q.claimEmailSend(deps.sql, payload.accountId, payload.localDate)
  if (!claim) return { status: 'skipped' }
  try {
    await deps.mailer.send({
      to: account.email,
      ...dailyReminderEmail(account.locale, `${deps.config.publicUrl}/care`),
    })
  } catch (error) {
    await q.releaseEmailSend(deps.sql, payload.accountId, payload.localDate, claim.previous)
    throw error
  }
  return { status: 'sent' }
}

export async function exportReminderPreference(deps: CoreDeps, accountId: string) {
  const row = await q.findReminder(deps.sql, accountId)
  return row ? { daily: row.dailyAt !== null, time: row.dailyAt, email: row.email } : null
}
