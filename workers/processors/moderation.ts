import type { CoreDeps } from '../../core/deps.js'
import type { JobPayload } from '../../core/contracts/jobs.js'
import { processDeadline, processFlag } from '../../core/moderation/moderation.jobs.js'

export const moderationProcessors = {
  'moderation:flag': (deps: CoreDeps, payload: JobPayload<'moderation:flag'>) => processFlag(deps, payload),
  'moderation:deadline': (deps: CoreDeps, payload: JobPayload<'moderation:deadline'>) => processDeadline(deps, payload),
}
