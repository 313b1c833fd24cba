import { z } from 'zod'
import type { GatewayContext } from './index.js'
import { handleRequest } from '../respond.js'

export function registerSessionHandlers({ socket, deps }: GatewayContext) {
  socket.on(
    'session:get',
    handleRequest(deps.log, 'session:get', z.object({}).strict(), async () => ({
      role: socket.data.account.role,
      locale: socket.data.account.locale,
    })),
  )
}
