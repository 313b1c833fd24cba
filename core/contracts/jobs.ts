import { z } from 'zod'

/**
 * Queue and job names with their payload schemas. Payloads carry ids only — never message text,
 * names, emails or anything else personal: Redis is not the system of record.
 */
export const QUEUES = { notifications: 'notifications', maintenance: 'maintenance' } as const
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

const id = z.string().uuid()

export const jobPayloads = {
  'password-reset:send': z.object({ accountId: id, requestId: id }).strict(),
  'account:erased': z.object({ requestId: id }).strict(),
} as const

export type JobName = keyof typeof jobPayloads
export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloads)[N]>

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'password-reset:send': 'notifications',
  'account:erased': 'maintenance',
}
