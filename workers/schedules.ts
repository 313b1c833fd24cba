import { Queue } from 'bullmq'
import type { CoreDeps } from '../core/deps.js'
import { JOB_QUEUE, type JobName } from '../core/contracts/jobs.js'

/**
 * Jobs the workers run on a timer. Each is a BullMQ job scheduler with a fixed id, so several workers processes
 * upsert the same one, and each job is idempotent.
 */
export const SCHEDULES = [
  // Materialize group sessions ahead and schedule their reminders (core/groups materializeSessions).
  { name: 'groups:materialize', everyMs: 6 * 3_600_000 },
  // Members whose daily email reminder is due in their own time zone (core/selfcare sweepMoodReminders).
  { name: 'selfcare:reminder-sweep', everyMs: 5 * 60_000 },
  // Follow-ups after an incident: ask when due, re-open when not answered in time (core/crisis sweepFollowUps).
  { name: 'crisis:followup-sweep', everyMs: 60_000 },
  // Retention: purge what the configured periods make due, in batches, audited by counts (core/retention).
  { name: 'retention:purge', everyMs: 24 * 3_600_000 },
] as const satisfies ReadonlyArray<{ name: JobName; everyMs: number }>

/** Upsert every schedule (each also runs once at start). A schedule Redis refuses now is logged, not fatal. */
export async function startSchedules(deps: CoreDeps): Promise<{ stop: () => Promise<void> }> {
  const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  connection.on('error', () => {})
  const queues = new Map<string, Queue>()
  for (const schedule of SCHEDULES) {
    const queueName = JOB_QUEUE[schedule.name]
    let queue = queues.get(queueName)
    if (!queue) {
      queue = new Queue(queueName, { connection, prefix: `${deps.config.REDIS_PREFIX}:bull` })
      queue.on('error', () => {})
      queues.set(queueName, queue)
    }
    try {
      // An `every` scheduler runs its first job at once (BullMQ warns on every start if `immediately` is passed too).
      await queue.upsertJobScheduler(
        schedule.name,
        { every: schedule.everyMs },
        {
          name: schedule.name,
          data: {},
          opts: {
            attempts: 3,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: { count: 20 },
            removeOnFail: { count: 50 },
          },
        },
      )
    } catch (error) {
      deps.log.warn(
        { schedule: schedule.name, err: { message: (error as Error).message } },
        'could not upsert a job schedule',
      )
    }
  }
  return {
    async stop() {
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => {})))
      connection.disconnect()
    },
  }
}
