import { z } from 'zod'

/** Jobs of the private messages slice. The message id only: never its text, author or thread members. */
export const messagesJobs = {
  'messages:notify': { queue: 'notifications', payload: z.object({ messageId: z.string().uuid() }).strict() },
} as const
