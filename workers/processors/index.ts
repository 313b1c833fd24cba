import { UnrecoverableError, Worker, type Job, type JobJson } from 'bullmq'
import { JOB_QUEUE, jobPayloads, type JobName, type QueueName } from '../../core/contracts/jobs.js'
import type { CoreDeps } from '../../core/deps.js'
import { recordDeadLetter, type DeadLetterReason } from '../../core/outbox/dead-letter.js'
import { identityProcessors } from './identity.js'
import { crisisProcessors } from './crisis.js'
import { crisisFollowUpProcessors } from './crisis-followup.js'
import { groupsProcessors } from './groups.js'
import { moderationProcessors } from './moderation.js'
import { messagesProcessors } from './messages.js'
import { selfcareProcessors } from './selfcare.js'
import { retentionProcessors } from './retention.js'
import { measuresProcessors } from './measures.js'

// Each processor declares its own payload type (checked against its job contract before it runs), hence `any` here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
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
  ...retentionProcessors,
  ...measuresProcessors,
}

/** Stands in for job data that is not JSON, so the processor can fail the job instead of BullMQ's fetch loop. */
export const CORRUPT_JOB_DATA: unique symbol = Symbol('corrupt job data')

/** A permanent failure that has already been logged and alarmed once (the worker's `failed` listener stays quiet). */
export class DeadLetterError extends UnrecoverableError {
  constructor(readonly reason: DeadLetterReason) {
    super(`dead-lettered: ${reason}`)
  }
}

/**
 * A BullMQ Worker that survives job data a broken producer wrote as something other than JSON. BullMQ parses the data
 * while fetching the job, outside the processor: the parse error leaves the job active with nobody working it, the
 * stalled check puts it back, and it is fetched and fails again every 30 s, forever. Here the job is handed to the
 * processor with a marker instead, and the processor fails it permanently.
 */
export class QueueWorker extends Worker {
  protected override createJob(data: JobJson, jobId: string) {
    try {
      return super.createJob(data, jobId)
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      const job = super.createJob({ ...data, data: 'null' }, jobId)
      job.data = CORRUPT_JOB_DATA
      return job
    }
  }
}

/**
 * One entry point per queue: parse the payload with its contract schema and hand it to core.
 * A job that can never succeed (data that is not JSON, an unknown name, a payload that does not parse) fails
 * permanently on first sight and is dead-lettered, instead of retrying.
 */
export function createQueueProcessor(deps: CoreDeps, queue: QueueName) {
  const deadLetter = async (job: Job, reason: DeadLetterReason): Promise<never> => {
    await recordDeadLetter(deps, { queue, jobId: job.id, reason })
    throw new DeadLetterError(reason)
  }
  return async (job: Job) => {
    if (job.data === CORRUPT_JOB_DATA) return deadLetter(job, 'corrupt_data')
    const name = job.name as JobName
    if (!Object.hasOwn(jobPayloads, name) || JOB_QUEUE[name] !== queue) return deadLetter(job, 'unknown_job')
    const parsed = jobPayloads[name].safeParse(job.data)
    if (!parsed.success) return deadLetter(job, 'invalid_payload')
    return processors[name](deps, parsed.data, job)
  }
}
