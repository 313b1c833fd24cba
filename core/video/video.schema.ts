import { z } from 'zod'

/** The session page's forms: a private signal to the facilitators, and the answer to the clinician question. */
export const sessionActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('signal'), kind: z.enum(['stepping_out', 'back', 'not_ok']) }),
  z.object({
    intent: z.literal('clinician'),
    signalId: z.string().uuid(),
    answer: z.enum(['yes', 'no']),
    message: z
      .string()
      .trim()
      .max(500, 'too_long')
      .default('')
      .transform((v) => (v === '' ? null : v)),
  }),
])
