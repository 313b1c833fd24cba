import type { CoreDeps } from '../../core/deps.js'
import type { JobPayload } from '../../core/contracts/jobs.js'
import { sendMoodReminderEmail, sweepMoodReminders } from '../../core/selfcare/reminders.service.js'

export const selfcareProcessors = {
  'selfcare:reminder-sweep': (deps: CoreDeps, _payload: JobPayload<'selfcare:reminder-sweep'>) =>
    sweepMoodReminders(deps),
  'selfcare:reminder-email': (deps: CoreDeps, payload: JobPayload<'selfcare:reminder-email'>) =>
    sendMoodReminderEmail(deps, payload),
}
