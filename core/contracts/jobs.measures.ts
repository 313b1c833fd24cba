import { z } from 'zod'

/** Jobs of the measures slice: the reminder emails for one request to complete a questionnaire (request id only). */
export const measuresJobs = {
  'measures:reminder': { queue: 'notifications', payload: z.object({ requestId: z.string().uuid() }).strict() },
} as const
