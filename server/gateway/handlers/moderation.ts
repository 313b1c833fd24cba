import type { z } from 'zod'
import '../../../core/moderation/moderation.pipeline.js'
import { moderationRequestSchemas } from '../../../core/moderation/moderation.schema.js'
import {
  getMemberStatus,
  moderatedRoomIds,
  reportMessage,
  takeModerationAction,
} from '../../../core/moderation/moderation.service.js'
import { moderationRooms } from '../../../core/moderation/moderation.realtime.js'
import { onRequest, type RequestReply } from '../respond.js'
import type { GatewayContext } from './index.js'

/**
 * Moderation on one connection: members report and read their own status; facilitators and admins
 * watch the rooms they moderate and act. The send path's checks are in core/moderation/moderation.pipeline.ts
 * (imported above so every gateway runs them).
 */
export function registerModerationHandlers({ socket, deps }: GatewayContext) {
  const account = () => socket.data.account
  const on = <E extends keyof typeof moderationRequestSchemas>(
    event: E,
    fn: (payload: z.infer<(typeof moderationRequestSchemas)[E]>) => Promise<RequestReply<E>>,
  ) => {
    onRequest(socket, deps.log, event, moderationRequestSchemas[event], fn)
  }

  on('message:report', (input) => reportMessage(deps, account(), input))
  on('moderation:status', ({ roomId }) => getMemberStatus(deps, account().accountId, roomId))
  on('moderation:watch', async () => {
    const roomIds = await moderatedRoomIds(deps, account())
    await socket.join([
      ...roomIds.map(moderationRooms.room),
      ...(account().role === 'admin' ? [moderationRooms.admins()] : []),
    ])
    return { roomIds }
  })
  on('moderation:act', (input) => takeModerationAction(deps, account(), input))
}
