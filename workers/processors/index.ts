import { UnrecoverableError, type Job } from 'bullmq'
import { jobPayloads, type JobName, type QueueName, JOB_QUEUE } from '../../core/contracts/jobs.js'
import type { CoreDeps } from '../../core/deps.js'
import { sendPasswordResetEmail } from '../../core/identity/identity.service.js'

type Processor = (deps: CoreDeps, payload: any, job: Job) => Promise<unknown>

const processors: { [N in JobName]: Processor } = {
  'password-reset:send': (deps, payload) => sendPasswordResetEmail(deps, payload),
  'account:erased': async () => 'noop',
}

/**
 * One entry point per queue: parse the payload with its contract schema and hand it to core.
 * A payload that does not parse can never succeed, so it fails permanently instead of retrying.
 */
export function createQueueProcessor(deps: CoreDeps, queue: QueueName) {
  return async (job: Job) => {
    const name = job.name as JobName
    if (!(name in jobPayloads) || JOB_QUEUE[name] !== queue) throw new UnrecoverableError(`unknown job ${job.name}`)
    const parsed = jobPayloads[name].safeParse(job.data)
    if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}`)
    return processors[name](deps, parsed.data, job)
  }
}
