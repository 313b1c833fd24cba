import { UnrecoverableError, type Job } from 'bullmq'
import { JOB_QUEUE, jobPayloads, type JobName, type QueueName } from '../../core/contracts/jobs.js'
import type { CoreDeps } from '../../core/deps.js'
import { identityProcessors } from './identity.js'
import { crisisProcessors } from './crisis.js'
import { crisisFollowUpProcessors } from './crisis-followup.js'
import { groupsProcessors } from './groups.js'
import { moderationProcessors } from './moderation.js'
import { messagesProcessors } from './messages.js'
import { selfcareProcessors } from './selfcare.js'

type Processor = (deps: CoreDeps, payload: any, job: Job) => Promise<unknown>

/** One processor per job name, gathered from one file per slice (`processors/<slice>.ts`). */
const processors: { [N in JobName]: Processor } = {
  ...identityProcessors,
  ...crisisProcessors,
  ...crisisFollowUpProcessors,
  ...groupsProcessors,
  ...moderationProcessors,
  ...messagesProcessors,
  ...selfcareProcessors,
}

/**
 * One entry point per queue: parse the payload with its contract schema and hand it to core.
 * A payload that does not parse can never succeed, so it fails permanently instead of retrying.
 */
export function createQueueProcessor(deps: CoreDeps, queue: QueueName) {
  return async (job: Job) => {
    const name = job.name as JobName
    if (!Object.hasOwn(jobPayloads, name) || JOB_QUEUE[name] !== queue) throw new UnrecoverableError(`unknown job ${job.name}`)
    const parsed = jobPayloads[name].safeParse(job.data)
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}`)
    return processors[name](deps, parsed.data, job)
  }
}
