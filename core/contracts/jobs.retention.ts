import { z } from 'zod'

/** Jobs of the retention slice: the daily purge (docs/privacy.md). */
export const retentionJobs = {
  'retention:purge': { queue: 'maintenance', payload: z.object({}).strict() },
} as const
