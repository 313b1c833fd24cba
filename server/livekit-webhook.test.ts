import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { startTestServer } from '../tests/support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator } from '../tests/support/groups.js'
import { startLivekitDouble, type LivekitDouble } from '../tests/support/livekit-twirp.js'
import { admitFromLobby, endSession, getSessionPage, joinLobby } from '../core/video/video.service.js'
import { sessionStartingIn } from '../tests/support/groups.js'

/**
 * POST /livekit/webhook as LiveKit sends it (application/webhook+json, Authorization: a JWT signed with the API
 * secret carrying the body's sha256): signed events become attendance; forged, tampered, stale and replayed
 * ones are refused and change nothing.
 */
let livekit: LivekitDouble
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  server = await startTestServer(deps)
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
  await livekit?.close()
})

const post = (body: string, authorization?: string, contentType = 'application/webhook+json') =>
  fetch(`${server.baseUrl}/livekit/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': contentType, ...(authorization ? { authorization } : {}) },
  })

async function attendanceCount(sessionId: string) {
  const [{ n }] = await deps.sql<
    { n: number }[]
  >`select count(*)::int as n from group_attendance where session_id = ${sessionId}`
  return n
}

describe('LiveKit webhooks', () => {
  it('record who joined and left, which the facilitator sees after the session; forged, tampered, stale or replayed events are refused', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Hook')
    const member = await makeAccount(deps)
    const groupId = await makeGroup(deps, facilitator)
    await enrol(deps, facilitator, groupId, member, 'Juniper')
    const sessionId = await sessionStartingIn(deps, groupId, 1)
    const lead = await joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, false)
    const own = await joinLobby(deps, member.account, { sessionId, mode: 'video' }, true)
    await admitFromLobby(deps, facilitator.account, { sessionId })
    const [{ room }] = await deps.sql<
      { room: string }[]
    >`select livekit_room as room from group_sessions where id = ${sessionId}`

    const joined = await livekit.signWebhook({ event: 'participant_joined', room: room!, identity: own.participantId })
    // Forged: signed with another secret.
    const forged = await livekit.signWebhook(
      { event: 'participant_joined', room: room!, identity: own.participantId },
      { secret: 'x'.repeat(40) },
    )
    expect((await post(forged.body, forged.authorization)).status).toBe(401)
    // Tampered: a valid signature over a different body.
    const tampered = joined.body.replace(own.participantId, lead.participantId)
    expect((await post(tampered, joined.authorization)).status).toBe(401)
    // Unsigned.
    expect((await post(joined.body)).status).toBe(401)
    // Stale: correctly signed, but created an hour ago.
    const stale = await livekit.signWebhook({
      event: 'participant_joined',
      room: room!,
      identity: own.participantId,
      createdAt: Math.floor(Date.now() / 1000) - 3600,
    })
    expect((await post(stale.body, stale.authorization)).status).toBe(401)
    expect(await attendanceCount(sessionId)).toBe(0)

    const accepted = await post(joined.body, joined.authorization)
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toEqual({ status: 'accepted' })
    // Replayed: the same signed event again.
    const replay = await post(joined.body, joined.authorization)
    expect(replay.status).toBe(409)
    expect(await replay.text()).not.toMatch(/sha256|jwt|signature|stack/i)
    expect(await attendanceCount(sessionId)).toBe(1)

    const leadJoined = await livekit.signWebhook({
      event: 'participant_joined',
      room: room!,
      identity: lead.participantId,
    })
    expect((await post(leadJoined.body, leadJoined.authorization)).status).toBe(200)
    const left = await livekit.signWebhook({ event: 'participant_left', room: room!, identity: own.participantId })
    expect((await post(left.body, left.authorization)).status).toBe(200)
    // An unknown room is acknowledged and ignored.
    const elsewhere = await livekit.signWebhook({
      event: 'participant_joined',
      room: 'hs_unknown',
      identity: own.participantId,
    })
    expect(await (await post(elsewhere.body, elsewhere.authorization)).json()).toEqual({ status: 'ignored' })

    // Before the end the facilitator sees no attendance; afterwards they do, members never.
    expect((await getSessionPage(deps, facilitator.account, sessionId)).attendance).toBeNull()
    await endSession(deps, facilitator.account, { sessionId })
    const finished = await livekit.signWebhook({ event: 'room_finished', room: room! })
    expect((await post(finished.body, finished.authorization)).status).toBe(200)
    const attendance = (await getSessionPage(deps, facilitator.account, sessionId)).attendance!
    expect(attendance.map((a) => [a.name, a.role, a.left !== null])).toEqual(
      expect.arrayContaining([
        ['Juniper', 'member', true],
        ['Dr Hook', 'facilitator', true],
      ]),
    )
    expect(attendance).toHaveLength(2)
    expect((await getSessionPage(deps, member.account, sessionId)).attendance).toBeNull()
  })
})
