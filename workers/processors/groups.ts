import type { CoreDeps } from '../../core/deps.js'
import type { JobPayload } from '../../core/contracts/jobs.js'
import { materializeSessions } from '../../core/groups/groups.service.js'
import { sendSessionReminder } from '../../core/groups/reminders.service.js'

export const groupsProcessors = {
  'groups:materialize': (deps: CoreDeps, payload: JobPayload<'groups:materialize'>) =>
    materializeSessions(deps, payload),
  'groups:reminder': (deps: CoreDeps, payload: JobPayload<'groups:reminder'>) => sendSessionReminder(deps, payload),
}
