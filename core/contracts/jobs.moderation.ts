import { z } from 'zod'

const id = z.string().uuid()

/** Jobs of the moderation slice (docs/moderation.md). Ids and counters only, never message text. */
export const moderationJobs = {
  /** A flag was opened or gained a report: score it, auto-hide past the thresholds, notify the room's facilitators. */
  'moderation:flag': { queue: 'moderation', payload: z.object({ flagId: id }).strict() },
  /** Delayed to the flag's deadline: stage 0 re-notifies the facilitators, stage 1 raises it to admins. */
  'moderation:deadline': {
    queue: 'moderation',
    payload: z.object({ flagId: id, stage: z.number().int().min(0).max(1) }).strict(),
  },
} as const
