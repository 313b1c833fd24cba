import { z } from 'zod'
import { REACTION_KINDS } from '../contracts/socket-events.reactions.js'

const id = z.string().uuid()
const kind = z.enum(REACTION_KINDS)

/** Sockets' reaction requests (docs/realtime.md). */
export const reactionRequestSchemas = {
  'reaction:add': z.object({ roomId: id, messageId: id, kind }).strict(),
  'reaction:remove': z.object({ roomId: id, messageId: id, kind }).strict(),
  'reaction:list': z.object({ roomId: id, messageIds: z.array(id).max(100) }).strict(),
} as const

/** Per account, across rooms: generous for a supportive tap, far below a flood (sliding window, Redis). */
export const REACTION_RATE_LIMIT = { limit: 30, windowMs: 60_000 } as const
