import type { CoreDeps } from '../deps.js'
import type { FlagAnnouncement } from '../contracts/socket-events.moderation.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import { findMessageInRoom } from '../chat/chat.queries.js'

/** Socket.IO rooms of moderation (ids only). Facilitators' sockets join them through `moderation:watch`. */
export const moderationRooms = {
  /** The facilitators assigned to one chat room (and admins). */
  room: (roomId: string) => `moderation:${roomId}`,
  /** Every admin: flags raised past their deadlines. */
  admins: () => 'moderation:admins',
}

export function announceFlag(deps: CoreDeps, flag: FlagAnnouncement, options: { toAdmins?: boolean } = {}) {
  deps.realtime.emitToRoom(moderationRooms.room(flag.roomId), 'moderation:flagged', flag)
  if (options.toAdmins) deps.realtime.emitToRoom(moderationRooms.admins(), 'moderation:flagged', flag)
}

/** Peers on every server process replace the message with its new (masked or restored) state. */
export async function announceMessageState(deps: CoreDeps, roomId: string, messageId: string) {
  const message = await findMessageInRoom(deps.sql, roomId, messageId)
  if (!message) return
  deps.realtime.emitToRoom(socketRooms.chatRoom(roomId), 'message:updated', message)
}
