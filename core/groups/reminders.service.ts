import type { CoreDeps } from '../deps.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import { sessionReminderEmail } from './groups.emails.js'
import * as q from './groups.queries.js'

/**
 * Runs in the reminders worker. The job carries the start time it was computed for: a session that was
 * cancelled or moved since makes this job a no-op (a move scheduled new jobs for the new time). Each person is
 * reminded once per reminder, even when the job is retried.
 */
export async function sendSessionReminder(
  deps: CoreDeps,
  payload: { sessionId: string; kind: '24h' | '15m'; startsAt: string },
): Promise<{ status: 'sent' | 'skipped'; recipients: number }> {
  const session = await q.findSession(deps.sql, payload.sessionId)
  const startsAt = new Date(payload.startsAt)
  if (
    !session ||
    !['scheduled', 'moved'].includes(session.status) ||
    session.startsAt.getTime() !== startsAt.getTime()
  ) {
    return { status: 'skipped', recipients: 0 }
  }
  const link = `${deps.config.publicUrl}/sessions/${session.id}`
  let recipients = 0
  for (const person of await q.reminderRecipients(deps.sql, session.id)) {
    if (!(await q.claimReminderDelivery(deps.sql, session.id, payload.kind, startsAt, person.accountId))) continue
    try {
      if (person.email)
        await deps.mailer.send({ to: person.email, ...sessionReminderEmail(person.locale, payload.kind, link) })
    } catch (error) {
      // Let the retry send it: the delivery claim is released so this person is not skipped next time.
      await q.releaseReminderDelivery(deps.sql, session.id, payload.kind, startsAt, person.accountId)
      throw error
    }
    deps.realtime.emitToRoom(socketRooms.account(person.accountId), 'group:reminder', {
      sessionId: session.id,
      kind: payload.kind,
      startsAt: startsAt.toISOString(),
    })
    recipients++
  }
  return { status: 'sent', recipients }
}
