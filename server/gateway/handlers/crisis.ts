import { z } from 'zod'
import type { GatewayContext } from './index.js'
import { handleRequest } from '../respond.js'
import { memberCountry } from '../../../core/crisis/crisis-lines.js'
import { CLINICIANS_ROOM } from '../../../core/crisis/crisis.realtime.js'
import { requestHelpNow } from '../../../core/crisis/crisis.service.js'

// Crisis detection in chat sends is part of the send pipeline the composition root builds (core/composition/send.ts).

/**
 * Crisis: clinicians' and admins' sockets join the console room; any signed-in member can ask for
 * help now, and gets the crisis card in the ack (built from data here, no worker in the way).
 */
export function registerCrisisHandlers({ socket, deps }: GatewayContext) {
  const { account } = socket.data
  if (account.role === 'clinician' || account.role === 'admin') void socket.join(CLINICIANS_ROOM)

  socket.on(
    'crisis:help',
    handleRequest(deps.log, 'crisis:help', z.object({}).strict(), async () => {
      const { account } = socket.data
      const country = memberCountry({
        accountCountry: account.country,
        acceptLanguage: socket.handshake.headers['accept-language'],
        language: account.locale,
      })
      return requestHelpNow(deps, { memberAccountId: socket.data.account.accountId, country })
    }),
  )
}
