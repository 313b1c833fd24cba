import { z } from 'zod'

const id = z.string().uuid()

/** Jobs of the groups slice: materializing sessions ahead, and session reminders. */
export const groupsJobs = {
  // No groupId: every group (the periodic run); with one: that group (after create or edit).
  'groups:materialize': { queue: 'maintenance', payload: z.object({ groupId: id.optional() }).strict() },
  // startsAt is the start time the reminder was computed for: a moved or cancelled session makes it a no-op.
  'groups:reminder': {
    queue: 'reminders',
    payload: z.object({ sessionId: id, kind: z.enum(['24h', '15m']), startsAt: z.string().datetime() }).strict(),
  },
} as const
