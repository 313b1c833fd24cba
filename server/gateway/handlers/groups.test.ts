import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ack } from '../../../core/contracts/socket-events.js'
import type {
  OwnParticipation,
  LobbyParticipant,
  VideoTokenGrant,
} from '../../../core/contracts/socket-events.groups.js'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import {
  enrol,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  sessionStartingIn,
  type TestAccount,
} from '../../../tests/support/groups.js'
import { facilitatorKey } from '../../../core/groups/groups.service.js'
import { startLivekitDouble, type LivekitDouble } from '../../../tests/support/livekit-twirp.js'
import { connectOutcome, openSocket, type TestSocket } from '../../../tests/support/sockets.js'

/**
 * The lobby across two server processes sharing PostgreSQL and Redis: the facilitator on one, members on the
 * other. Admission, send-back, mute and the end reach the right people through the Redis adapter/emitter.
 */
let livekit: LivekitDouble
let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
const sockets: TestSocket[] = []

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  servers = [await startTestServer(deps), await startTestServer(deps)]
})
afterAll(async () => {
  sockets.forEach((s) => s.disconnect())
  for (const s of servers ?? []) await s.close()
  await deps?.close()
  await livekit?.close()
})

async function connect(person: TestAccount, server: 0 | 1) {
  const socket = openSocket(servers[server]!.baseUrl, { cookie: person.cookie })
  sockets.push(socket)
  expect(await connectOutcome(socket)).toBe('connected')
  return socket
}

type AnyEmit = (event: string, payload: unknown) => Promise<Ack<unknown>>
const request = async <T>(socket: TestSocket, event: string, payload: unknown): Promise<Ack<T>> =>
  (socket.emitWithAck as unknown as AnyEmit)(event, payload) as Promise<Ack<T>>
const data = async <T>(socket: TestSocket, event: string, payload: unknown): Promise<T> => {
  const reply = await request<T>(socket, event, payload)
  if (!reply.ok) throw new Error(`${event}: ${reply.error.code}`)
  return reply.data
}

/** Resolves with the next `event` payload that satisfies `match`. */
function next<T>(
  socket: TestSocket,
  event: string,
  match: (payload: T) => boolean = () => true,
  ms = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms)
    const handler = (payload: T) => {
      if (!match(payload)) return
      clearTimeout(timer)
      ;(socket.off as (e: string, h: unknown) => void)(event, handler)
      resolve(payload)
    }
    ;(socket.on as (e: string, h: unknown) => void)(event, handler)
  })
}

describe('the lobby across two server processes', () => {
  it('admits and sends back a member, and the member gets a token only while admitted', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Lobby')
    const co = await makeVerifiedFacilitator(deps, 'Dr Second')
    const groupId = await makeGroup(deps, facilitator, { coFacilitator: facilitatorKey(deps, co.accountId) })
    const member = await makeAccount(deps)
    const other = await makeAccount(deps)
    await enrol(deps, facilitator, groupId, member, 'Marigold')
    await enrol(deps, facilitator, groupId, other, 'Heather')
    const sessionId = await sessionStartingIn(deps, groupId, 3)

    const memberSocket = await connect(member, 1)
    const otherSocket = await connect(other, 1)
    // With no facilitator connected, the lobby says so, and a member cannot admit anyone.
    const early = await data<OwnParticipation>(otherSocket, 'lobby:join', { sessionId, mode: 'audio' })
    expect(early).toMatchObject({ state: 'lobby', facilitatorPresent: false })
    expect(early).not.toHaveProperty('participants')
    expect(await request(otherSocket, 'lobby:admit-all', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    const facilitatorSocket = await connect(facilitator, 0)
    const presence = next<{ facilitatorPresent: boolean }>(otherSocket, 'lobby:presence', (p) => p.facilitatorPresent)
    const lead = await data<OwnParticipation>(facilitatorSocket, 'lobby:join', { sessionId, mode: 'video' })
    expect(lead).toMatchObject({ role: 'facilitator', state: 'admitted' })
    await presence

    // The member enters the lobby on server 1; the facilitator on server 0 sees them, by pseudonym only.
    const seen = next<{ participants: LobbyParticipant[] }>(facilitatorSocket, 'lobby:updated', (p) =>
      p.participants.some((x) => x.name === 'Marigold'),
    )
    const own = await data<OwnParticipation>(memberSocket, 'lobby:join', { sessionId, mode: 'video' })
    expect(own).toMatchObject({ state: 'lobby', facilitatorPresent: true, role: 'member' })
    const lobby = await seen
    expect(lobby.participants.find((p) => p.name === 'Marigold')).toEqual({
      participantId: own.participantId,
      name: 'Marigold',
      role: 'member',
      state: 'lobby',
      mode: 'video',
      muted: false,
      handRaised: false,
      unmuteAsked: false,
    })
    expect(JSON.stringify(lobby)).not.toContain(member.accountId)
    expect(await request(memberSocket, 'video:token', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    // Admit: the member's page (other process) hears it and gets a token.
    const admitted = next<{ state: string }>(memberSocket, 'participant:updated', (p) => p.state === 'admitted')
    expect(await data(facilitatorSocket, 'lobby:admit', { sessionId, participantId: own.participantId })).toEqual({
      admitted: 1,
    })
    await admitted
    // Members start muted (decision 047): no publishing until they open their own microphone or camera.
    const grant = await data<VideoTokenGrant>(memberSocket, 'video:token', { sessionId })
    expect(grant).toMatchObject({
      url: livekit.wsUrl,
      identity: own.participantId,
      canPublish: false,
      roomAdmin: false,
      canPublishSources: [],
    })
    livekit.connect(grant.room, own.participantId)
    await data(memberSocket, 'video:unmute-self', { sessionId })
    expect(livekit.permissionOf(grant.room, own.participantId)).toMatchObject({
      canPublish: true,
      canPublishSources: ['CAMERA', 'MICROPHONE'],
    })
    expect(await data<VideoTokenGrant>(memberSocket, 'video:token', { sessionId })).toMatchObject({
      canPublish: true,
      canPublishSources: ['camera', 'microphone'],
    })
    // The other member is still waiting.
    expect(await request(otherSocket, 'video:token', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })

    // Mute reaches the member; send back puts them in the lobby and out of the LiveKit room.
    const muted = next<{ muted: boolean }>(memberSocket, 'participant:updated', (p) => p.muted)
    await data(facilitatorSocket, 'participant:mute', { sessionId, participantId: own.participantId, muted: true })
    await muted
    expect((await data<VideoTokenGrant>(memberSocket, 'video:token', { sessionId })).canPublish).toBe(false)

    livekit.reset()
    const sentBack = next<{ state: string }>(memberSocket, 'participant:updated', (p) => p.state === 'lobby')
    await data(facilitatorSocket, 'lobby:send-back', { sessionId, participantId: own.participantId })
    await sentBack
    expect(livekit.callsOf('RemoveParticipant').map((c) => c.body.identity)).toEqual([own.participantId])
    expect(await request(memberSocket, 'video:token', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // Reloading the page keeps them in the lobby.
    expect(await data<OwnParticipation>(memberSocket, 'lobby:join', { sessionId, mode: 'video' })).toMatchObject({
      state: 'lobby',
    })

    // The facilitator drops: the co-facilitator (on the other process) takes over and admits everyone.
    const gone = next<{ facilitatorPresent: boolean }>(memberSocket, 'lobby:presence', (p) => !p.facilitatorPresent)
    facilitatorSocket.disconnect()
    await gone
    const coSocket = await connect(co, 1)
    const back = next<{ facilitatorPresent: boolean }>(memberSocket, 'lobby:presence', (p) => p.facilitatorPresent)
    await data<OwnParticipation>(coSocket, 'lobby:join', { sessionId, mode: 'video' })
    await back
    const readmitted = next<{ state: string }>(memberSocket, 'participant:updated', (p) => p.state === 'admitted')
    expect(await data(coSocket, 'lobby:admit-all', { sessionId })).toEqual({ admitted: 2 })
    await readmitted

    // Ending closes the room for everyone, on both processes.
    const endedForMember = next(memberSocket, 'video:ended')
    const endedForOther = next(otherSocket, 'video:ended')
    await data(coSocket, 'video:end', { sessionId })
    await Promise.all([endedForMember, endedForOther])
    expect(await request(memberSocket, 'video:token', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('validates payloads and never admits from a member socket', async () => {
    const member = await makeAccount(deps)
    const socket = await connect(member, 0)
    for (const bad of [
      {},
      { sessionId: 'nope' },
      { sessionId: crypto.randomUUID(), mode: 'hologram' },
      { sessionId: crypto.randomUUID(), mode: 'video', extra: 1 },
    ]) {
      expect(await request(socket, 'lobby:join', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      })
    }
    expect(await request(socket, 'lobby:join', { sessionId: crypto.randomUUID(), mode: 'video' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })
})
