import type { Socket } from 'socket.io'
import type { CoreDeps } from '../../../core/deps.js'
import type { ClientToServerEvents, ServerToClientEvents } from '../../../core/contracts/socket-events.js'
import type { SocketData } from '../authenticate.js'
import type { GatewayServer } from '../index.js'
import { registerSessionHandlers } from './session.js'
import { registerCrisisHandlers } from './crisis.js'
import { registerChatHandlers } from './chat.js'
import { registerGroupsHandlers } from './groups.js'
import { registerModerationHandlers } from './moderation.js'
import { registerReactionsHandlers } from './reactions.js'
import { registerVideoHandlers } from './video.js'

export interface GatewayContext {
  io: GatewayServer
  socket: Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
  deps: CoreDeps
}

/** Every slice's socket handlers, registered on each authenticated connection (one file per slice). */
export const registrars: Array<(ctx: GatewayContext) => void> = [
  registerSessionHandlers,
  registerChatHandlers,
  registerCrisisHandlers,
  registerGroupsHandlers,
  registerModerationHandlers,
  registerReactionsHandlers,
  registerVideoHandlers,
]
