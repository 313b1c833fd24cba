import { z } from 'zod'

const id = z.string().uuid()

/** Jobs of the identity slice. */
export const identityJobs = {
  'password-reset:send': { queue: 'notifications', payload: z.object({ accountId: id, requestId: id }).strict() },
  /** A sign-up with an email: the worker sends the confirmation link, or a notice when the address has an account. */
  'signup:email': { queue: 'notifications', payload: z.object({ requestId: id }).strict() },
} as const
