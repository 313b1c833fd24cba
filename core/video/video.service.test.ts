import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TokenVerifier } from 'livekit-server-sdk'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import {
  enrol,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  sessionStartingIn,
  type TestAccount,
} from '../../tests/support/groups.js'
import { startLivekitDouble, type LivekitDouble } from '../../tests/support/livekit-twirp.js'
import { AppError } from '../errors.js'
import { facilitatorKey, leaveGroup } from '../groups/groups.service.js'
import {
  admitFromLobby,
  endSession,
  joinLobby,
  mintVideoToken,
  muteAll,
  removeParticipant,
  sendBackToLobby,
  setMuted,
  askToUnmute,
  unmuteSelf,
} from './video.service.js'

/**
 * Tokens and facilitator controls against the LiveKit protocol double (tests/support/livekit-twirp.ts): the
 * grants a token carries for each role and state, and the RoomService calls each control makes.
 */
let livekit: LivekitDouble
let deps: TestDeps
let verifier: TokenVerifier

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  verifier = new TokenVerifier(livekit.apiKey, livekit.apiSecret)
})
afterAll(async () => {
  await deps?.close()
  await livekit?.close()
})

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (e) => (e instanceof AppError ? e.code : `unexpected ${(e as Error).message}`),
  )

async function grantOf(account: TestAccount, sessionId: string) {
  const minted = await mintVideoToken(deps, account.account, { sessionId })
  const claims = await verifier.verify(minted.token)
  return { minted, claims, video: claims.video as Record<string, unknown> }
}

async function setup(memberCount = 2) {
  const facilitator = await makeVerifiedFacilitator(deps, 'Dr Lead')
  const co = await makeVerifiedFacilitator(deps, 'Dr Co')
  const groupId = await makeGroup(deps, facilitator, { coFacilitator: facilitatorKey(deps, co.accountId) })
  const members: TestAccount[] = []
  for (let i = 0; i < memberCount; i++) {
    const m = await makeAccount(deps)
    await enrol(deps, facilitator, groupId, m, `Member ${i}`)
    members.push(m)
  }
  const sessionId = await sessionStartingIn(deps, groupId, 5)
  const [{ room }] = await deps.sql<
    { room: string }[]
  >`select livekit_room as room from group_sessions where id = ${sessionId}`
  return { facilitator, co, groupId, members, sessionId, room: room! }
}

describe('LiveKit tokens', () => {
  it('are minted only for admitted, enrolled people, with grants by role and state', async () => {
    const {
      facilitator,
      co,
      members: [alice, bob],
      sessionId,
      room,
      groupId,
    } = await setup()
    const outsider = await makeAccount(deps)

    // Nobody gets a token before being in the session, outsiders never.
    expect(await code(mintVideoToken(deps, alice!.account, { sessionId }))).toBe('FORBIDDEN')
    expect(await code(mintVideoToken(deps, outsider.account, { sessionId }))).toBe('FORBIDDEN')
    expect(await code(joinLobby(deps, outsider.account, { sessionId, mode: 'video' }, true))).toBe('FORBIDDEN')

    // The facilitator enters: the server creates the room first (no auto-created rooms).
    livekit.reset()
    const own = await joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, false)
    expect(own).toMatchObject({ role: 'facilitator', state: 'admitted' })
    expect(livekit.callsOf('CreateRoom').map((c) => c.body)).toEqual([
      expect.objectContaining({ name: room, maxParticipants: 10, emptyTimeout: 600 }),
    ])
    const lead = await grantOf(facilitator, sessionId)
    expect(lead.claims.sub).toBe(own.participantId)
    expect(lead.claims.name).toBe('Dr Lead')
    expect(lead.video).toMatchObject({
      room,
      roomJoin: true,
      roomAdmin: true,
      canPublish: true,
      canSubscribe: true,
      roomRecord: false,
      roomCreate: false,
    })
    expect(Number(lead.claims.exp) - Number(lead.claims.nbf)).toBeLessThanOrEqual(600)
    expect((await grantOf(co, sessionId).catch((e) => e)).code).toBe('FORBIDDEN') // not entered yet
    await joinLobby(deps, co.account, { sessionId, mode: 'audio' }, true)
    expect((await grantOf(co, sessionId)).video).toMatchObject({
      roomAdmin: true,
      canPublish: true,
      canPublishSources: ['microphone'],
    })

    // Members wait in the lobby: no token until admitted.
    const a = await joinLobby(deps, alice!.account, { sessionId, mode: 'video' }, true)
    const b = await joinLobby(deps, bob!.account, { sessionId, mode: 'chat' }, true)
    expect(a).toMatchObject({ role: 'member', state: 'lobby', facilitatorPresent: true })
    expect(a.participants).toBeUndefined()
    expect(await code(mintVideoToken(deps, alice!.account, { sessionId }))).toBe('FORBIDDEN')
    expect(await admitFromLobby(deps, facilitator.account, { sessionId })).toEqual({ admitted: 2 })

    const admitted = await grantOf(alice!, sessionId)
    expect(admitted.claims.sub).toBe(a.participantId)
    expect(admitted.claims.sub).not.toBe(alice!.accountId)
    expect(admitted.claims.name).toBe('Member 0')
    // Members start muted (decision 047): they may listen and watch, and publish once they open their own media.
    expect(admitted.video).toMatchObject({ room, roomJoin: true, canPublish: false, canSubscribe: true })
    expect(admitted.video.canPublishSources ?? []).toEqual([])
    await unmuteSelf(deps, alice!.account, { sessionId })
    expect((await grantOf(alice!, sessionId)).video).toMatchObject({
      room,
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
      canPublishData: false,
      canPublishSources: ['camera', 'microphone'],
    })
    expect(admitted.video.roomAdmin).toBeFalsy()
    expect(admitted.video.roomRecord).toBeFalsy()
    expect(admitted.video.roomCreate).toBeFalsy()

    // Chat-only: may listen and watch, never publish.
    expect((await grantOf(bob!, sessionId)).video).toMatchObject({
      canPublish: false,
      canSubscribe: true,
      roomAdmin: false,
    })

    // Muted: no publishing until the member accepts a facilitator's ask to unmute.
    await setMuted(deps, facilitator.account, { sessionId, participantId: a.participantId, muted: true })
    expect((await grantOf(alice!, sessionId)).video).toMatchObject({ canPublish: false, canSubscribe: true })
    expect(await code(unmuteSelf(deps, alice!.account, { sessionId }))).toBe('MUTED')
    await askToUnmute(deps, co.account, { sessionId, participantId: a.participantId })
    expect((await grantOf(alice!, sessionId)).video).toMatchObject({ canPublish: false })
    await unmuteSelf(deps, alice!.account, { sessionId })
    expect((await grantOf(alice!, sessionId)).video).toMatchObject({ canPublish: true })

    // Sent back to the lobby: no token; admitted again: token again.
    await sendBackToLobby(deps, facilitator.account, { sessionId, participantId: a.participantId })
    expect(await code(mintVideoToken(deps, alice!.account, { sessionId }))).toBe('FORBIDDEN')
    await admitFromLobby(deps, facilitator.account, { sessionId, participantId: a.participantId })
    expect((await grantOf(alice!, sessionId)).video.canPublish).toBe(true)

    // Removed: no token, and the lobby refuses them too.
    await removeParticipant(deps, facilitator.account, { sessionId, participantId: b.participantId })
    expect(await code(mintVideoToken(deps, bob!.account, { sessionId }))).toBe('FORBIDDEN')
    expect(await code(joinLobby(deps, bob!.account, { sessionId, mode: 'video' }, true))).toBe('FORBIDDEN')

    // Leaving the group ends enrolment: no token even though admitted.
    await leaveGroup(deps, alice!.account, groupId)
    expect(await code(mintVideoToken(deps, alice!.account, { sessionId }))).toBe('FORBIDDEN')

    // After the session ended, nobody gets a token, facilitators included.
    await endSession(deps, facilitator.account, { sessionId })
    expect(await code(mintVideoToken(deps, facilitator.account, { sessionId }))).toBe('CONFLICT')
    expect(await code(joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, true))).toBe('CONFLICT')
  })

  it('are not minted before the page opens (10 minutes before the start) or after the session is over', async () => {
    const facilitator = await makeVerifiedFacilitator(deps)
    const groupId = await makeGroup(deps, facilitator)
    const later = await sessionStartingIn(deps, groupId, 30)
    expect(await code(joinLobby(deps, facilitator.account, { sessionId: later, mode: 'video' }, false))).toBe(
      'CONFLICT',
    )
    const past = await sessionStartingIn(deps, groupId, -200, 60)
    expect(await code(joinLobby(deps, facilitator.account, { sessionId: past, mode: 'video' }, false))).toBe('CONFLICT')
  })

  it('are refused plainly when LiveKit is not configured, while the lobby still works chat-only', async () => {
    const plain = await createTestDeps()
    try {
      const facilitator = await makeVerifiedFacilitator(plain)
      const member = await makeAccount(plain)
      const groupId = await makeGroup(plain, facilitator)
      await enrol(plain, facilitator, groupId, member, 'Quiet')
      const sessionId = await sessionStartingIn(plain, groupId, 2)
      await joinLobby(plain, facilitator.account, { sessionId, mode: 'video' }, false)
      const own = await joinLobby(plain, member.account, { sessionId, mode: 'video' }, true)
      expect(own.mode).toBe('chat')
      await admitFromLobby(plain, facilitator.account, { sessionId, participantId: own.participantId })
      await expect(mintVideoToken(plain, member.account, { sessionId })).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    } finally {
      await plain.close()
    }
  })
})

describe('LiveKit unreachable', () => {
  it('keeps the lobby working and answers token requests with UNAVAILABLE', async () => {
    const down = await startLivekitDouble()
    const env = down.env
    await down.close()
    const offline = await createTestDeps(env)
    try {
      const facilitator = await makeVerifiedFacilitator(offline)
      const groupId = await makeGroup(offline, facilitator)
      const sessionId = await sessionStartingIn(offline, groupId, 2)
      expect(await joinLobby(offline, facilitator.account, { sessionId, mode: 'video' }, false)).toMatchObject({
        state: 'admitted',
      })
      expect(await code(mintVideoToken(offline, facilitator.account, { sessionId }))).toBe('UNAVAILABLE')
    } finally {
      await offline.close()
    }
  })
})

describe('facilitator controls', () => {
  it('go through RoomService: mute revokes publish, remove and send-back disconnect, mute all, end deletes the room', async () => {
    const {
      facilitator,
      members: [alice, bob, carol],
      sessionId,
      room,
    } = await setup(3)
    await joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, false)
    const a = await joinLobby(deps, alice!.account, { sessionId, mode: 'video' }, true)
    const b = await joinLobby(deps, bob!.account, { sessionId, mode: 'audio' }, true)
    const c = await joinLobby(deps, carol!.account, { sessionId, mode: 'video' }, true)
    await admitFromLobby(deps, facilitator.account, { sessionId })
    for (const p of [a, b, c]) livekit.connect(room, p.participantId)

    // Members cannot use the controls.
    expect(await code(setMuted(deps, alice!.account, { sessionId, participantId: b.participantId, muted: true }))).toBe(
      'FORBIDDEN',
    )
    expect(await code(endSession(deps, alice!.account, { sessionId }))).toBe('FORBIDDEN')

    livekit.reset()
    await setMuted(deps, facilitator.account, { sessionId, participantId: a.participantId, muted: true })
    expect(livekit.calls).toEqual([
      expect.objectContaining({
        method: 'UpdateParticipant',
        body: expect.objectContaining({ room, identity: a.participantId }),
        grant: expect.objectContaining({ roomAdmin: true, room }),
      }),
    ])
    expect(livekit.permissionOf(room, a.participantId)).toMatchObject({
      canPublish: false,
      canSubscribe: true,
      canPublishSources: [],
    })
    // Only the member unmutes: the facilitator's unmute is refused and nothing reaches LiveKit; an ask changes
    // nothing there either; the member's acceptance restores their own permission.
    livekit.reset()
    expect(
      await code(setMuted(deps, facilitator.account, { sessionId, participantId: a.participantId, muted: false })),
    ).toBe('FORBIDDEN')
    await askToUnmute(deps, facilitator.account, { sessionId, participantId: a.participantId })
    expect(livekit.calls).toEqual([])
    expect(livekit.permissionOf(room, a.participantId)).toMatchObject({ canPublish: false })
    await unmuteSelf(deps, alice!.account, { sessionId })
    expect(livekit.permissionOf(room, a.participantId)).toMatchObject({
      canPublish: true,
      canPublishSources: ['CAMERA', 'MICROPHONE'],
    })

    livekit.reset()
    await sendBackToLobby(deps, facilitator.account, { sessionId, participantId: c.participantId })
    await removeParticipant(deps, facilitator.account, { sessionId, participantId: b.participantId })
    expect(livekit.calls.map((x) => [x.method, x.body.identity])).toEqual([
      ['RemoveParticipant', c.participantId],
      ['RemoveParticipant', b.participantId],
    ])

    livekit.reset()
    expect(await muteAll(deps, facilitator.account, { sessionId })).toEqual({ muted: 1 })
    expect(livekit.calls.map((x) => [x.method, x.body.identity])).toEqual([['UpdateParticipant', a.participantId]])
    expect(livekit.permissionOf(room, a.participantId)).toMatchObject({ canPublish: false })

    livekit.reset()
    await endSession(deps, facilitator.account, { sessionId })
    expect(livekit.calls.map((x) => [x.method, x.body.room])).toEqual([['DeleteRoom', room]])
    expect(livekit.rooms.has(room)).toBe(false)
    expect(livekit.refused).toEqual([])

    // Each control left an append-only audit row naming the facilitator.
    const audit = await deps.sql<{ action: string; actor: string }[]>`
      select action, actor_account_id as actor from audit_log
      where target_id = ${sessionId} or details->>'sessionId' = ${sessionId} order by id`
    expect(audit.map((r) => r.action)).toEqual([
      'group_session.mute',
      'group_session.ask_unmute',
      'group_session.send_back',
      'group_session.remove',
      'group_session.mute_all',
      'group_session.end',
    ])
    expect(new Set(audit.map((r) => r.actor))).toEqual(new Set([facilitator.accountId]))
  })

  it('still act in Holdspace when the person is not connected to LiveKit (not_found is not an error)', async () => {
    const {
      facilitator,
      members: [alice],
      sessionId,
    } = await setup(1)
    await joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, false)
    const a = await joinLobby(deps, alice!.account, { sessionId, mode: 'video' }, true)
    await admitFromLobby(deps, facilitator.account, { sessionId })
    livekit.reset()
    await setMuted(deps, facilitator.account, { sessionId, participantId: a.participantId, muted: true })
    await sendBackToLobby(deps, facilitator.account, { sessionId, participantId: a.participantId })
    expect(livekit.refused.map((r) => r.code)).toEqual(['not_found', 'not_found'])
    expect(await code(mintVideoToken(deps, alice!.account, { sessionId }))).toBe('FORBIDDEN')
  })
})
