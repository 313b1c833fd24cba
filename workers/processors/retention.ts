import { Queue } from 'bullmq'
import type { CoreDeps } from '../../core/deps.js'
import { QUEUES, type JobPayload } from '../../core/contracts/jobs.js'
import { runRetentionPurge, type CleanFinishedJobs } from '../../core/retention/retention.service.js'

/** Completed and failed jobs older than the retention period go from every queue (BullMQ's clean, per state). */
function finishedJobsCleaner(deps: CoreDeps): CleanFinishedJobs {
  return async (olderThanMs, limit) => {
    const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
    connection.on('error', () => {})
    let removed = 0
    try {
      for (const name of Object.values(QUEUES)) {
        const queue = new Queue(name, { connection, prefix: `${deps.config.REDIS_PREFIX}:bull` })
        queue.on('error', () => {})
        try {
          for (const state of ['completed', 'failed'] as const) {
            for (;;) {
              const ids = await queue.clean(olderThanMs, limit, state)
              removed += ids.length
              if (ids.length < limit) break
            }
          }
        } finally {
          await queue.close()
        }
      }
    } finally {
      connection.disconnect()
    }
    return removed
  }
}

export const retentionProcessors = {
  'retention:purge': (deps: CoreDeps, _payload: JobPayload<'retention:purge'>) =>
    runRetentionPurge(deps, { cleanJobs: finishedJobsCleaner(deps) }),
}
