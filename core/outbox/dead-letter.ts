import { nowOf, type CoreDeps } from '../deps.js'
import { insertAlarm } from '../crisis/crisis.queries.js'

export type DeadLetterReason = 'corrupt_data' | 'unknown_job' | 'invalid_payload'

/** A job id as a broken producer may have written it: kept short and printable, so a log line stays one line. */
const safeJobId = (jobId: string | undefined) => (jobId ?? '').replace(/[^\w:.-]/g, '_').slice(0, 80) || 'unknown'

/**
 * A job that can never succeed (its data is not JSON, its name is unknown, its payload does not parse) is
 * dead-lettered once: one error line with the queue and job id only, and an open `job_dead_letter` alarm (counted by
 * `holdspace_alarms_open` on /metrics, shown to admins). BullMQ keeps the job itself in the queue's failed set for
 * inspection. If PostgreSQL is unreachable the line is still written; the alarm is best effort.
 */
export async function recordDeadLetter(
  deps: CoreDeps,
  job: { queue: string; jobId: string | undefined; reason: DeadLetterReason },
) {
  const jobId = safeJobId(job.jobId)
  deps.log.error({ queue: job.queue, jobId, reason: job.reason }, 'job dead-lettered')
  try {
    await insertAlarm(deps.sql, {
      kind: 'job_dead_letter',
      dedupKey: `job_dead_letter:${job.queue}:${jobId}`,
      incidentId: null,
      at: nowOf(deps),
    })
  } catch {
    /* database unreachable: the log line and the failed job remain */
  }
}
