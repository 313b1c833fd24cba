import type { CoreDeps } from '../../core/deps.js'
import type { JobPayload } from '../../core/contracts/jobs.js'
import { sendMeasureReminders } from '../../core/measures/measures.service.js'

export const measuresProcessors = {
  'measures:reminder': (deps: CoreDeps, payload: JobPayload<'measures:reminder'>) =>
    sendMeasureReminders(deps, payload),
}
