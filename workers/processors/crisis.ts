import { DelayedError, UnrecoverableError, type Job } from 'bullmq'
import type { CoreDeps } from '../../core/deps.js'
import type { JobPayload } from '../../core/contracts/jobs.js'
import {
  deliverCrisisWebhook,
  escalateIncident,
  pageIncident,
  retriggerIncident,
} from '../../core/crisis/crisis.paging.js'

export const crisisProcessors = {
  'crisis:page': (deps: CoreDeps, payload: JobPayload<'crisis:page'>) => pageIncident(deps, payload),
  'crisis:escalate': (deps: CoreDeps, payload: JobPayload<'crisis:escalate'>) => escalateIncident(deps, payload),
  'crisis:retrigger': (deps: CoreDeps, payload: JobPayload<'crisis:retrigger'>) => retriggerIncident(deps, payload),
  'crisis:webhook': async (deps: CoreDeps, payload: JobPayload<'crisis:webhook'>, job: Job) => {
    const result = await deliverCrisisWebhook(deps, payload, {
      number: job.attemptsMade + 1,
      max: job.opts.attempts ?? 1,
    })
    // Dead-lettered (a 4xx, or the last attempt): fail the job without further retries.
    if (result === 'dead') throw new UnrecoverableError('crisis webhook dead-lettered')
    // A 429 with Retry-After: run again after the wait the receiver asked for (the delivery counts the attempt).
    if (typeof result === 'object') {
      await job.moveToDelayed(Date.now() + result.retryAfterMs, job.token)
      throw new DelayedError()
    }
    return result
  },
}
