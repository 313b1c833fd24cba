import { z } from 'zod'

const id = z.string().uuid()
const step = { incidentId: id, level: z.number().int().min(0).max(20), repeat: z.number().int().min(0).max(10_000) }

/** Jobs of the crisis slice (docs/crisis.md). Ids and counters only. */
export const crisisJobs = {
  /** Page the targets of one escalation step through every channel. */
  'crisis:page': { queue: 'crisis', payload: z.object(step).strict() },
  /** Delayed by the step's acknowledgement timeout: climb if nobody acknowledged. */
  'crisis:escalate': { queue: 'crisis', payload: z.object(step).strict() },
  /** Delayed after an acknowledgement: an incident still acknowledged-but-unresolved pages again. */
  'crisis:retrigger': {
    queue: 'crisis',
    payload: z.object({ incidentId: id, ackCount: z.number().int().min(1) }).strict(),
  },
  /** The signed webhook of one page, retried on its own so email and console are not retried with it. */
  'crisis:webhook': { queue: 'crisis', payload: z.object({ pageId: id }).strict() },
  /** Every minute: ask the follow-ups that are due, re-open the incidents of those not answered in time. */
  'crisis:followup-sweep': { queue: 'crisis', payload: z.object({}).strict() },
  /** "Something is waiting for you" to a member who chose email, when a follow-up is asked. */
  'crisis:followup-email': { queue: 'notifications', payload: z.object({ followUpId: id }).strict() },
} as const
