import type { z } from 'zod'
import { reactionRequestSchemas } from '../../../core/reactions/reactions.schema.js'
import { addReaction, listReactions, removeReaction } from '../../../core/reactions/reactions.service.js'
import { onRequest, type RequestReply } from '../respond.js'
import type { GatewayContext } from './index.js'

/** Supportive reactions on one connection (core/reactions; docs/realtime.md). */
export function registerReactionsHandlers({ socket, deps }: GatewayContext) {
  const account = () => socket.data.account
  const on = <E extends keyof typeof reactionRequestSchemas>(
    event: E,
    fn: (payload: z.infer<(typeof reactionRequestSchemas)[E]>) => Promise<RequestReply<E>>,
  ) => {
    onRequest(socket, deps.log, event, reactionRequestSchemas[event], fn)
  }
  on('reaction:add', (input) => addReaction(deps, account().accountId, input))
  on('reaction:remove', (input) => removeReaction(deps, account().accountId, input))
  on('reaction:list', (input) => listReactions(deps, account().accountId, input))
}
