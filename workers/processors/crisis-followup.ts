import type { CoreDeps } from '../../core/deps.js'
import type { JobPayload } from '../../core/contracts/jobs.js'
import { sendFollowUpEmail, sweepFollowUps } from '../../core/crisis/crisis.followup.js'

export const crisisFollowUpProcessors = {
  'crisis:followup-sweep': (deps: CoreDeps, _payload: JobPayload<'crisis:followup-sweep'>) => sweepFollowUps(deps),
  'crisis:followup-email': (deps: CoreDeps, payload: JobPayload<'crisis:followup-email'>) =>
    sendFollowUpEmail(deps, payload),
}
