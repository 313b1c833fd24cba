import type { z } from 'zod'
import { identityJobs } from './jobs.identity.js'
import { groupsJobs } from './jobs.groups.js'
import { crisisJobs } from './jobs.crisis.js'
import { moderationJobs } from './jobs.moderation.js'
import { messagesJobs } from './jobs.messages.js'
import { selfcareJobs } from './jobs.selfcare.js'
import { retentionJobs } from './jobs.retention.js'
import { measuresJobs } from './jobs.measures.js'

/**
 * Queue and job names with their payload schemas, gathered from one file per slice
 * (`jobs.<slice>.ts`). Payloads carry ids only — never message text, names, emails or anything
 * personal: Redis is not the system of record.
 */
export const QUEUES = {
  notifications: 'notifications',
  moderation: 'moderation',
  crisis: 'crisis',
  reminders: 'reminders',
  maintenance: 'maintenance',
} as const
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export const JOBS = {
  ...identityJobs,
  ...groupsJobs,
  ...crisisJobs,
  ...moderationJobs,
  ...messagesJobs,
  ...selfcareJobs,
  ...retentionJobs,
  ...measuresJobs,
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodTypeAny }>

export type JobName = keyof typeof JOBS
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>

export const jobPayloads = Object.fromEntries(Object.entries(JOBS).map(([name, job]) => [name, job.payload])) as {
  [N in JobName]: (typeof JOBS)[N]['payload']
}
export const JOB_QUEUE = Object.fromEntries(Object.entries(JOBS).map(([name, job]) => [name, job.queue])) as Record<
  JobName,
  QueueName
>
