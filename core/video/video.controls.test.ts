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
import { facilitatorKey } from '../groups/groups.service.js'
import {
  admitFromLobby,
  askToUnmute,
  declineUnmute,
  exportVideoData,
  getOwnNotOkSignal,
  getSessionPage,
  joinLobby,
  listSessionSignals,
  lowerHands,
  mintVideoToken,
  raiseHand,
  HAND_RATE_LIMIT,
  requestClinicianAfterSignal,
  sendBackToLobby,
  setMuted,
  signalFacilitators,
  unmuteSelf,
} from './video.service.js'

/**
 * The group video controls of decision 047 against the LiveKit protocol double: the raised-hand queue, mute without
 * any way to unmute someone else, members starting muted, and the private "stepping out" / "not OK" signals.
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

/** A live session: lead and co-facilitator entered, `names.length` members admitted and connected to LiveKit. */
async function liveSession(names: string[], modes: Array<'video' | 'audio' | 'chat'> = []) {
  const facilitator = await makeVerifiedFacilitator(deps, 'Dr Hands')
  const co = await makeVerifiedFacilitator(deps, 'Dr Co')
  const groupId = await makeGroup(deps, facilitator, { coFacilitator: facilitatorKey(deps, co.accountId) })
  const members: Array<TestAccount & { participantId: string }> = []
  const sessionId = await sessionStartingIn(deps, groupId, 5)
  await joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, false)
  await joinLobby(deps, co.account, { sessionId, mode: 'video' }, true)
  const [{ room }] = await deps.sql<{ room: string }[]>`
    select livekit_room as room from group_sessions where id = ${sessionId}`
  for (const [i, name] of names.entries()) {
    const m = await makeAccount(deps)
    await enrol(deps, facilitator, groupId, m, name)
    const own = await joinLobby(deps, m.account, { sessionId, mode: modes[i] ?? 'video' }, true)
    members.push({ ...m, participantId: own.participantId })
  }
  await admitFromLobby(deps, facilitator.account, { sessionId })
  for (const m of members) livekit.connect(room!, m.participantId)
  return { facilitator, co, groupId, sessionId, room: room!, members }
}

const queueOf = async (facilitator: TestAccount, sessionId: string) =>
  ((await joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, true)).hands ?? []).map((h) => h.name)

describe('raised hands', () => {
  it('queue in the order they went up, survive a reload, and come down by the member, the facilitator or leaving', async () => {
    const {
      facilitator,
      co,
      sessionId,
      members: [ash, birch, cedar],
    } = await liveSession(['Ash', 'Birch', 'Cedar'])

    expect(await raiseHand(deps, birch!.account, { sessionId, raised: true })).toEqual({ handRaised: true })
    await raiseHand(deps, ash!.account, { sessionId, raised: true })
    await raiseHand(deps, cedar!.account, { sessionId, raised: true })
    // Raising again keeps the earlier place.
    await raiseHand(deps, birch!.account, { sessionId, raised: true })
    // The facilitators' page, reloaded (a new lobby:join), has the queue from PostgreSQL, in order.
    expect(await queueOf(facilitator, sessionId)).toEqual(['Birch', 'Ash', 'Cedar'])
    const hands = (await joinLobby(deps, co.account, { sessionId, mode: 'video' }, true)).hands!
    expect(hands.map((h) => h.participantId)).toEqual([birch!.participantId, ash!.participantId, cedar!.participantId])
    expect(JSON.stringify(hands)).not.toContain(birch!.accountId)
    // The member's own page knows their hand is up.
    expect(await joinLobby(deps, ash!.account, { sessionId, mode: 'video' }, true)).toMatchObject({ handRaised: true })

    // The member lowers their own hand.
    expect(await raiseHand(deps, ash!.account, { sessionId, raised: false })).toEqual({ handRaised: false })
    expect(await queueOf(facilitator, sessionId)).toEqual(['Birch', 'Cedar'])
    // Raised again, it goes to the back of the queue.
    await raiseHand(deps, ash!.account, { sessionId, raised: true })
    expect(await queueOf(facilitator, sessionId)).toEqual(['Birch', 'Cedar', 'Ash'])

    // A facilitator lowers one hand.
    expect(await lowerHands(deps, co.account, { sessionId, participantId: birch!.participantId })).toEqual({
      lowered: 1,
    })
    expect(await queueOf(facilitator, sessionId)).toEqual(['Cedar', 'Ash'])
    expect(await code(lowerHands(deps, co.account, { sessionId, participantId: birch!.participantId }))).toBe(
      'CONFLICT',
    )
    // Sent back to the lobby: the hand comes down.
    await sendBackToLobby(deps, facilitator.account, { sessionId, participantId: cedar!.participantId })
    expect(await queueOf(facilitator, sessionId)).toEqual(['Ash'])
    // A member in the lobby cannot raise a hand.
    expect(await code(raiseHand(deps, cedar!.account, { sessionId, raised: true }))).toBe('FORBIDDEN')

    // A facilitator lowers every hand.
    await raiseHand(deps, birch!.account, { sessionId, raised: true })
    expect(await lowerHands(deps, facilitator.account, { sessionId })).toEqual({ lowered: 2 })
    expect(await queueOf(facilitator, sessionId)).toEqual([])
  })

  it('are slowed when a member keeps raising and lowering: past the limit the hand stays as it was', async () => {
    const {
      facilitator,
      sessionId,
      members: [ash],
    } = await liveSession(['Ash'])
    for (let i = 0; i < HAND_RATE_LIMIT.limit; i++)
      await raiseHand(deps, ash!.account, { sessionId, raised: i % 2 === 0 })
    // Ten changes ended with the hand down; the eleventh (up) is refused and changes nothing.
    expect(await code(raiseHand(deps, ash!.account, { sessionId, raised: true }))).toBe('RATE_LIMITED')
    expect(await queueOf(facilitator, sessionId)).toEqual([])
  })

  it('are refused to the wrong people: members cannot lower others, facilitators and outsiders cannot raise', async () => {
    const {
      facilitator,
      sessionId,
      members: [ash, birch],
    } = await liveSession(['Ash', 'Birch'])
    const outsider = await makeAccount(deps)
    await raiseHand(deps, birch!.account, { sessionId, raised: true })
    expect(await code(lowerHands(deps, ash!.account, { sessionId, participantId: birch!.participantId }))).toBe(
      'FORBIDDEN',
    )
    expect(await code(lowerHands(deps, ash!.account, { sessionId }))).toBe('FORBIDDEN')
    expect(await code(raiseHand(deps, facilitator.account, { sessionId, raised: true }))).toBe('FORBIDDEN')
    expect(await code(raiseHand(deps, outsider.account, { sessionId, raised: true }))).toBe('FORBIDDEN')
    expect(await code(raiseHand(deps, ash!.account, { sessionId: 'not-a-session', raised: true }))).toBe('NOT_FOUND')
    expect(await queueOf(facilitator, sessionId)).toEqual(['Birch'])
  })
})

describe('mute and ask to unmute', () => {
  it('mute reaches LiveKit; no path unmutes someone else; the member accepts an ask themselves', async () => {
    const {
      facilitator,
      co,
      sessionId,
      room,
      members: [ash, birch],
    } = await liveSession(['Ash', 'Birch'])
    await unmuteSelf(deps, ash!.account, { sessionId })
    expect(livekit.permissionOf(room, ash!.participantId)).toMatchObject({ canPublish: true })

    livekit.reset()
    await setMuted(deps, facilitator.account, { sessionId, participantId: ash!.participantId, muted: true })
    expect(livekit.calls.map((c) => [c.method, c.body.identity])).toEqual([['UpdateParticipant', ash!.participantId]])
    expect(livekit.permissionOf(room, ash!.participantId)).toMatchObject({ canPublish: false, canPublishSources: [] })

    // Every way a facilitator could try to turn someone's microphone back on is refused and reaches nothing.
    livekit.reset()
    for (const actor of [facilitator, co]) {
      expect(
        await code(setMuted(deps, actor.account, { sessionId, participantId: ash!.participantId, muted: false })),
      ).toBe('FORBIDDEN')
    }
    // unmuteSelf acts on the caller's own participation only: a facilitator has none to open.
    expect(await code(unmuteSelf(deps, facilitator.account, { sessionId }))).toBe('FORBIDDEN')
    // Another member's call opens only their own microphone and leaves Ash muted.
    expect(await code(unmuteSelf(deps, birch!.account, { sessionId }))).toBe('ok')
    // The muted member cannot simply unmute while held muted without an ask.
    expect(await code(unmuteSelf(deps, ash!.account, { sessionId }))).toBe('MUTED')
    expect(livekit.calls.filter((c) => c.body.identity === ash!.participantId)).toEqual([])
    expect(livekit.permissionOf(room, ash!.participantId)).toMatchObject({ canPublish: false })

    // The ask changes nothing in LiveKit; the member sees it and may decline (stays muted) …
    livekit.reset()
    await askToUnmute(deps, co.account, { sessionId, participantId: ash!.participantId })
    expect(livekit.calls).toEqual([])
    expect(await joinLobby(deps, ash!.account, { sessionId, mode: 'video' }, true)).toMatchObject({
      muted: true,
      unmuteAsked: true,
    })
    await declineUnmute(deps, ash!.account, { sessionId })
    expect(await code(unmuteSelf(deps, ash!.account, { sessionId }))).toBe('MUTED')
    // … or accept, which restores only their own permission.
    await askToUnmute(deps, facilitator.account, { sessionId, participantId: ash!.participantId })
    livekit.reset()
    await unmuteSelf(deps, ash!.account, { sessionId })
    expect(livekit.calls.map((c) => [c.method, c.body.identity])).toEqual([['UpdateParticipant', ash!.participantId]])
    expect(livekit.permissionOf(room, ash!.participantId)).toMatchObject({
      canPublish: true,
      canPublishSources: ['CAMERA', 'MICROPHONE'],
    })
    // Asking someone who is not muted is a conflict.
    expect(await code(askToUnmute(deps, facilitator.account, { sessionId, participantId: ash!.participantId }))).toBe(
      'CONFLICT',
    )
    expect(await code(askToUnmute(deps, ash!.account, { sessionId, participantId: birch!.participantId }))).toBe(
      'FORBIDDEN',
    )
    expect(livekit.refused).toEqual([])
  })

  it('members start muted: their first token may not publish until they open their own microphone', async () => {
    const {
      sessionId,
      room,
      facilitator,
      members: [ash, quiet],
    } = await liveSession(['Ash', 'Quiet'], ['audio', 'chat'])
    const first = await mintVideoToken(deps, ash!.account, { sessionId })
    const claims = (await verifier.verify(first.token)).video as Record<string, unknown>
    expect(claims).toMatchObject({ canPublish: false, canSubscribe: true })
    expect(claims.canPublishSources ?? []).toEqual([])
    expect(first).toMatchObject({ canPublish: false, canPublishSources: [] })
    // The facilitator's own token publishes (they lead the session).
    const lead = await mintVideoToken(deps, facilitator.account, { sessionId })
    expect(((await verifier.verify(lead.token)).video as Record<string, unknown>).canPublish).toBe(true)

    await unmuteSelf(deps, ash!.account, { sessionId })
    expect(livekit.permissionOf(room, ash!.participantId)).toMatchObject({
      canPublish: true,
      canPublishSources: ['MICROPHONE'],
    })
    const after = await mintVideoToken(deps, ash!.account, { sessionId })
    expect((await verifier.verify(after.token)).video).toMatchObject({
      canPublish: true,
      canPublishSources: ['microphone'],
    })
    // Chat-only members have nothing to open.
    expect(await code(unmuteSelf(deps, quiet!.account, { sessionId }))).toBe('CONFLICT')
  })
})

describe('LiveKit unreachable', () => {
  it('a member opening their microphone is told to try again (UNAVAILABLE), never an internal error', async () => {
    const down = await startLivekitDouble()
    const env = down.env
    await down.close()
    const offline = await createTestDeps(env)
    try {
      const facilitator = await makeVerifiedFacilitator(offline)
      const member = await makeAccount(offline)
      const groupId = await makeGroup(offline, facilitator)
      await enrol(offline, facilitator, groupId, member, 'Offline')
      const sessionId = await sessionStartingIn(offline, groupId, 2)
      await joinLobby(offline, facilitator.account, { sessionId, mode: 'video' }, false)
      await joinLobby(offline, member.account, { sessionId, mode: 'audio' }, true)
      await admitFromLobby(offline, facilitator.account, { sessionId })
      await expect(unmuteSelf(offline, member.account, { sessionId })).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    } finally {
      await offline.close()
    }
  })
})

describe('"stepping out" and "I\'m not OK"', () => {
  it('are listed for the facilitators only; "not OK" raises a crisis only when the member says yes, once', async () => {
    const {
      facilitator,
      co,
      sessionId,
      members: [ash, birch],
    } = await liveSession(['Ash', 'Birch'])
    const out = await signalFacilitators(deps, ash!.account, { sessionId, kind: 'stepping_out' })
    const notOk = await signalFacilitators(deps, birch!.account, { sessionId, kind: 'not_ok' })

    const seen = await listSessionSignals(deps, co.account, sessionId)
    expect(seen.map((s) => [s.name, s.kind])).toEqual(
      expect.arrayContaining([
        ['Ash', 'stepping_out'],
        ['Birch', 'not_ok'],
      ]),
    )
    expect(JSON.stringify(seen)).not.toContain(ash!.accountId)
    expect((await getSessionPage(deps, facilitator.account, sessionId)).signals).toHaveLength(2)
    // Members never see the list, theirs or anyone's.
    expect(await code(listSessionSignals(deps, ash!.account, sessionId))).toBe('FORBIDDEN')
    expect((await getSessionPage(deps, birch!.account, sessionId)).signals).toBeNull()
    // Facilitators and outsiders do not signal.
    expect(await code(signalFacilitators(deps, facilitator.account, { sessionId, kind: 'not_ok' }))).toBe('FORBIDDEN')
    expect(await code(signalFacilitators(deps, (await makeAccount(deps)).account, { sessionId, kind: 'not_ok' }))).toBe(
      'FORBIDDEN',
    )

    // Nothing was raised by "not OK" alone.
    const incidents = () =>
      deps.sql<{ source: string; level: string }[]>`
        select source, level from crisis_incidents where member_account_id = ${birch!.accountId}`
    expect(await incidents()).toEqual([])
    // Only the member's own "not OK" signal has the question: anyone else's, or a "stepping out", is not found.
    expect(await getOwnNotOkSignal(deps, birch!.account, { sessionId, signalId: notOk.signalId })).toEqual({
      signalId: notOk.signalId,
      clinicianRequested: false,
    })
    expect(await code(getOwnNotOkSignal(deps, ash!.account, { sessionId, signalId: notOk.signalId }))).toBe('NOT_FOUND')
    expect(
      await code(
        requestClinicianAfterSignal(deps, ash!.account, {
          sessionId,
          signalId: out.signalId,
          message: null,
          country: 'PL',
        }),
      ),
    ).toBe('NOT_FOUND')

    // Yes: one incident, source self_care, the member's words only; a double submit raises nothing more.
    const first = await requestClinicianAfterSignal(deps, birch!.account, {
      sessionId,
      signalId: notOk.signalId,
      message: 'please call me',
      country: 'PL',
    })
    expect(first).toMatchObject({ created: true, incidentId: expect.any(String) })
    const again = await requestClinicianAfterSignal(deps, birch!.account, {
      sessionId,
      signalId: notOk.signalId,
      message: 'please call me',
      country: 'PL',
    })
    expect(again).toEqual({ incidentId: first.incidentId, created: false })
    expect(await incidents()).toEqual([{ source: 'self_care', level: 'concern' }])
    // The member's export holds their own signals (kind and times), never anyone else's.
    expect(await exportVideoData(deps, birch!.accountId)).toEqual([
      { kind: 'not_ok', at: expect.any(String), clinicianRequestedAt: expect.any(String) },
    ])
    expect(
      (await listSessionSignals(deps, facilitator.account, sessionId)).find((s) => s.kind === 'not_ok'),
    ).toMatchObject({ clinicianRequested: true })
  })
})
