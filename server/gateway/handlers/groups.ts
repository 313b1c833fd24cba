import { z } from 'zod'
import {
  admitFromLobby,
  endSession,
  joinLobby,
  mintVideoToken,
  muteAll,
  removeParticipant,
  sendBackToLobby,
  setMuted,
  videoRooms,
} from '../../../core/video/video.service.js'
import { handleRequest } from '../respond.js'
import type { GatewayContext } from './index.js'

const id = z.string().uuid()
const sessionRef = z.object({ sessionId: id }).strict()
const participantRef = z.object({ sessionId: id, participantId: id }).strict()

/**
 * Group sessions: the lobby, facilitator controls and LiveKit tokens. State lives in PostgreSQL and changes are
 * announced through the Redis emitter, so a facilitator and a member on different server processes see each
 * other. Facilitator presence is the facilitators' room of the session, counted across processes by the adapter.
 */
export function registerGroupsHandlers({ io, socket, deps }: GatewayContext) {
  const account = () => socket.data.account

  const facilitatorPresent = async (sessionId: string) => {
    try {
      return (await io.in(videoRooms.facilitators(sessionId)).fetchSockets()).length > 0
    } catch {
      return false
    }
  }
  const announcePresence = async (sessionId: string) => {
    io.to(videoRooms.session(sessionId)).emit('lobby:presence', {
      sessionId,
      facilitatorPresent: await facilitatorPresent(sessionId),
    })
  }

  socket.on(
    'lobby:join',
    handleRequest(
      deps.log,
      'lobby:join',
      z.object({ sessionId: id, mode: z.enum(['video', 'audio', 'chat']) }).strict(),
      async (payload) => {
        const present = await facilitatorPresent(payload.sessionId)
        const own = await joinLobby(deps, account(), payload, present)
        await socket.join(videoRooms.session(payload.sessionId))
        if (own.role === 'facilitator') {
          await socket.join(videoRooms.facilitators(payload.sessionId))
          await announcePresence(payload.sessionId)
        }
        return own
      },
    ),
  )
  socket.on(
    'lobby:admit',
    handleRequest(deps.log, 'lobby:admit', participantRef, (p) => admitFromLobby(deps, account(), p)),
  )
  socket.on(
    'lobby:admit-all',
    handleRequest(deps.log, 'lobby:admit-all', sessionRef, (p) =>
      admitFromLobby(deps, account(), { sessionId: p.sessionId }),
    ),
  )
  socket.on(
    'lobby:send-back',
    handleRequest(deps.log, 'lobby:send-back', participantRef, async (p) => {
      await sendBackToLobby(deps, account(), p)
      return { ok: true as const }
    }),
  )
  socket.on(
    'participant:mute',
    handleRequest(
      deps.log,
      'participant:mute',
      z.object({ sessionId: id, participantId: id, muted: z.boolean() }).strict(),
      async (p) => {
        await setMuted(deps, account(), p)
        return { ok: true as const }
      },
    ),
  )
  socket.on(
    'participant:remove',
    handleRequest(deps.log, 'participant:remove', participantRef, async (p) => {
      await removeParticipant(deps, account(), p)
      return { ok: true as const }
    }),
  )
  socket.on(
    'video:mute-all',
    handleRequest(deps.log, 'video:mute-all', sessionRef, (p) => muteAll(deps, account(), p)),
  )
  socket.on(
    'video:end',
    handleRequest(deps.log, 'video:end', sessionRef, async (p) => {
      await endSession(deps, account(), p)
      return { ok: true as const }
    }),
  )
  socket.on(
    'video:token',
    handleRequest(deps.log, 'video:token', sessionRef, (p) => mintVideoToken(deps, account(), p)),
  )

  // A facilitator who drops (closed tab, lost network) leaves the facilitators' room: tell the session whether
  // a facilitator or co-facilitator is still there.
  socket.on('disconnecting', () => {
    const sessions = [...socket.rooms]
      .filter((r) => r.endsWith(':facilitators') && r.startsWith('gsession:'))
      .map((r) => r.slice(9, -13))
    if (sessions.length === 0) return
    setImmediate(() => {
      for (const sessionId of sessions) announcePresence(sessionId).catch(() => {})
    })
  })
}
