import { z } from 'zod'

const id = z.string().uuid()

/** Jobs of the identity slice. */
export const identityJobs = {
  'password-reset:send': { queue: 'notifications', payload: z.object({ accountId: id, requestId: id }).strict() },
} as const
