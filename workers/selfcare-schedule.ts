import { Queue } from 'bullmq'
import type { CoreDeps } from '../core/deps.js'

export const REMINDER_SWEEP_EVERY_MS = 5 * 60_000

/**
 * Every five minutes, sweep for members whose daily email reminder is due in their own time zone. A BullMQ job
 * scheduler with a fixed id, so several workers processes upsert the same one; the sweep is idempotent
 * (core/selfcare/reminders.service.ts sweepMoodReminders).
 */
export async function startSelfCareSchedule(deps: CoreDeps): Promise<{ stop: () => Promise<void> }> {
  const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  connection.on('error', () => {})
  const queue = new Queue('reminders', { connection, prefix: `${deps.config.REDIS_PREFIX}:bull` })
  queue.on('error', () => {})
  try {
    await queue.upsertJobScheduler('selfcare:reminder-sweep', { every: REMINDER_SWEEP_EVERY_MS, immediately: true }, {
      name: 'selfcare:reminder-sweep',
      data: {},
      opts: { attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } },
    })
  } catch (error) {
    deps.log.warn({ err: { message: (error as Error).message } }, 'could not schedule the self-care reminder sweep')
  }
  return {
    async stop() {
      await queue.close().catch(() => {})
      connection.disconnect()
    },
  }
}
