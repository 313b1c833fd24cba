import { z } from 'zod'

/** Jobs of the self-care slice: the periodic reminder sweep, and one reminder email per member per local day. */
export const selfcareJobs = {
  'selfcare:reminder-sweep': { queue: 'reminders', payload: z.object({}).strict() },
  // localDate is the member's calendar day the reminder is for: one email per member and day, however often it runs.
  'selfcare:reminder-email': {
    queue: 'notifications',
    payload: z.object({ accountId: z.string().uuid(), localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
  },
} as const
