import { z } from 'zod'
import { askToUnmute, declineUnmute, lowerHands, raiseHand, unmuteSelf } from '../../../core/video/video.service.js'
import { handleRequest } from '../respond.js'
import type { GatewayContext } from './index.js'

const id = z.string().uuid()
const sessionRef = z.object({ sessionId: id }).strict()

/**
 * Group video controls (decision 047): raised hands, ask to unmute, a member opening their own microphone,. (The private signals to the facilitators are a
 * form on the session page, so they work without JavaScript and show the crisis card: app/routes/sessions.$sessionId.tsx.)
 * State is in PostgreSQL; announcements go through the Redis emitter to the
 * session's facilitators' room or the one member's account room, so they cross server processes.
 */
export function registerVideoHandlers({ socket, deps }: GatewayContext) {
  const account = () => socket.data.account

  socket.on(
    'hand:raise',
    handleRequest(deps.log, 'hand:raise', z.object({ sessionId: id, raised: z.boolean() }).strict(), (p) =>
      raiseHand(deps, account(), p),
    ),
  )
  socket.on(
    'hand:lower',
    handleRequest(deps.log, 'hand:lower', z.object({ sessionId: id, participantId: id.optional() }).strict(), (p) =>
      lowerHands(deps, account(), p),
    ),
  )
  socket.on(
    'participant:ask-unmute',
    handleRequest(
      deps.log,
      'participant:ask-unmute',
      z.object({ sessionId: id, participantId: id }).strict(),
      async (p) => {
        await askToUnmute(deps, account(), p)
        return { ok: true as const }
      },
    ),
  )
  socket.on(
    'video:unmute-self',
    handleRequest(deps.log, 'video:unmute-self', sessionRef, async (p) => {
      await unmuteSelf(deps, account(), p)
      return { ok: true as const }
    }),
  )
  socket.on(
    'video:decline-unmute',
    handleRequest(deps.log, 'video:decline-unmute', sessionRef, async (p) => {
      await declineUnmute(deps, account(), p)
      return { ok: true as const }
    }),
  )
}
