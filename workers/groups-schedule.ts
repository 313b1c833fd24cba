import { Queue } from 'bullmq'
import type { CoreDeps } from '../core/deps.js'

export const MATERIALIZE_EVERY_MS = 6 * 3_600_000

/**
 * Every six hours (and once at start), materialize group sessions ahead and schedule the reminders that came
 * within the horizon. A BullMQ job scheduler with a fixed id: several workers processes upsert the same one.
 * The job is idempotent (core/groups/groups.service.ts materializeSessions).
 */
export async function startGroupsSchedule(deps: CoreDeps): Promise<{ stop: () => Promise<void> }> {
  const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  connection.on('error', () => {})
  const queue = new Queue('maintenance', { connection, prefix: `${deps.config.REDIS_PREFIX}:bull` })
  queue.on('error', () => {})
  try {
    await queue.upsertJobScheduler('groups:materialize', { every: MATERIALIZE_EVERY_MS, immediately: true }, {
      name: 'groups:materialize',
      data: {},
      opts: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } },
    })
  } catch (error) {
    deps.log.warn({ err: { message: (error as Error).message } }, 'could not schedule group session materialization')
  }
  return {
    async stop() {
      await queue.close().catch(() => {})
      connection.disconnect()
    },
  }
}
