import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Ack } from '../../../core/contracts/socket-events.js'
import type { OwnParticipation, RaisedHand } from '../../../core/contracts/socket-events.groups.js'
import type { WellbeingSignal } from '../../../core/contracts/socket-events.video.js'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { HttpClient, startTestServer } from '../../../tests/support/http.js'
import {
  enrol,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  sessionStartingIn,
  type TestAccount,
} from '../../../tests/support/groups.js'
import { startLivekitDouble, type LivekitDouble } from '../../../tests/support/livekit-twirp.js'
import { connectOutcome, openSocket, type TestSocket } from '../../../tests/support/sockets.js'

/**
 * Group video controls across two server processes sharing PostgreSQL and Redis (decision 047): the raised-hand
 * queue reaches the facilitator on the other process in order; no request unmutes someone else; a member's private
 * "not OK" (a form on the session page) reaches the facilitators only — another member's socket receives nothing.
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

/** A socket that records everything it receives, in order. */
async function connect(person: TestAccount, server: 0 | 1) {
  const socket = openSocket(servers[server]!.baseUrl, { cookie: person.cookie })
  const received: Array<{ event: string; payload: unknown }> = []
  socket.onAny((event: string, payload: unknown) => received.push({ event, payload }))
  sockets.push(socket)
  expect(await connectOutcome(socket)).toBe('connected')
  return { socket, received }
}

type AnyEmit = (event: string, payload: unknown) => Promise<Ack<unknown>>
const request = async <T>(socket: TestSocket, event: string, payload: unknown): Promise<Ack<T>> =>
  (socket.emitWithAck as unknown as AnyEmit)(event, payload) as Promise<Ack<T>>
const data = async <T>(socket: TestSocket, event: string, payload: unknown): Promise<T> => {
  const reply = await request<T>(socket, event, payload)
  if (!reply.ok) throw new Error(`${event}: ${reply.error.code}`)
  return reply.data
}
const latest = <T>(received: Array<{ event: string; payload: unknown }>, event: string) =>
  received.filter((r) => r.event === event).map((r) => r.payload as T)

async function liveSession() {
  const facilitator = await makeVerifiedFacilitator(deps, 'Dr Queue')
  const groupId = await makeGroup(deps, facilitator)
  const members: TestAccount[] = []
  for (const name of ['Alder', 'Bramble', 'Clover']) {
    const m = await makeAccount(deps)
    await enrol(deps, facilitator, groupId, m, name)
    members.push(m)
  }
  const sessionId = await sessionStartingIn(deps, groupId, 5)
  const lead = await connect(facilitator, 0)
  await data<OwnParticipation>(lead.socket, 'lobby:join', { sessionId, mode: 'video' })
  const member = await Promise.all(members.map((m) => connect(m, 1)))
  const own: OwnParticipation[] = []
  for (const m of member) own.push(await data<OwnParticipation>(m.socket, 'lobby:join', { sessionId, mode: 'video' }))
  await data(lead.socket, 'lobby:admit-all', { sessionId })
  const [{ room }] = await deps.sql<{ room: string }[]>`
    select livekit_room as room from group_sessions where id = ${sessionId}`
  for (const o of own) livekit.connect(room!, o.participantId)
  return { facilitator, members, sessionId, room: room!, lead, member, own }
}

describe('raised hands across two server processes', () => {
  it('reach the facilitator in the order they went up, and a lowered hand leaves the queue for everyone', async () => {
    const { sessionId, lead, member, own } = await liveSession()
    const [alder, bramble, clover] = member
    const queue = () =>
      latest<{ hands: RaisedHand[] }>(lead.received, 'hand:queue')
        .at(-1)
        ?.hands.map((h) => h.name)

    await data(bramble!.socket, 'hand:raise', { sessionId, raised: true })
    await data(clover!.socket, 'hand:raise', { sessionId, raised: true })
    await data(alder!.socket, 'hand:raise', { sessionId, raised: true })
    await expect.poll(queue, { timeout: 10_000 }).toEqual(['Bramble', 'Clover', 'Alder'])
    const hands = latest<{ hands: RaisedHand[] }>(lead.received, 'hand:queue').at(-1)!.hands
    expect(hands.map((h) => h.participantId)).toEqual([
      own[1]!.participantId,
      own[2]!.participantId,
      own[0]!.participantId,
    ])
    // Pseudonyms and per-session ids only.
    expect(JSON.stringify(lead.received)).not.toMatch(/accountId|@/)

    // The facilitator lowers Bramble's hand: the queue moves up, and Bramble's page hears its hand is down.
    const lowered = await data<{ lowered: number }>(lead.socket, 'hand:lower', {
      sessionId,
      participantId: own[1]!.participantId,
    })
    expect(lowered).toEqual({ lowered: 1 })
    await expect.poll(queue, { timeout: 10_000 }).toEqual(['Clover', 'Alder'])
    await expect
      .poll(() => latest<{ handRaised: boolean }>(bramble!.received, 'participant:updated').at(-1)?.handRaised, {
        timeout: 10_000,
      })
      .toBe(false)

    // A reloaded facilitator page gets the queue from PostgreSQL.
    const reloaded = await data<OwnParticipation>(lead.socket, 'lobby:join', { sessionId, mode: 'video' })
    expect(reloaded.hands!.map((h) => h.name)).toEqual(['Clover', 'Alder'])

    // Members cannot lower anyone's hand; lowering all empties the queue.
    expect(await request(alder!.socket, 'hand:lower', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await data(lead.socket, 'hand:lower', { sessionId })).toEqual({ lowered: 2 })
    await expect.poll(queue, { timeout: 10_000 }).toEqual([])

    // No member's socket ever received the queue.
    for (const m of member) expect(m.received.map((r) => r.event)).not.toContain('hand:queue')
  })
})

describe('mute without unmute', () => {
  it('refuses every request that would unmute someone else, with a clear code, and sends nothing to LiveKit', async () => {
    const { sessionId, room, lead, member, own } = await liveSession()
    const [alder, bramble] = member
    await data(alder!.socket, 'video:unmute-self', { sessionId })
    await data(lead.socket, 'participant:mute', { sessionId, participantId: own[0]!.participantId, muted: true })
    expect(livekit.permissionOf(room, own[0]!.participantId)).toMatchObject({ canPublish: false })

    livekit.reset()
    expect(
      await request(lead.socket, 'participant:mute', { sessionId, participantId: own[0]!.participantId, muted: false }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // The member's own request takes no one else's id: one is refused as malformed, and changes nothing.
    for (const socket of [lead.socket, bramble!.socket]) {
      expect(
        await request(socket, 'video:unmute-self', { sessionId, participantId: own[0]!.participantId }),
      ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }
    expect(await request(lead.socket, 'video:unmute-self', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // Held muted without an ask, the member cannot reopen it either.
    expect(await request(alder!.socket, 'video:unmute-self', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'MUTED' },
    })
    expect(livekit.calls).toEqual([])
    expect(livekit.permissionOf(room, own[0]!.participantId)).toMatchObject({ canPublish: false })

    // The ask reaches the member on the other process; only their acceptance reopens their microphone.
    await data(lead.socket, 'participant:ask-unmute', { sessionId, participantId: own[0]!.participantId })
    await expect
      .poll(() => latest(alder!.received, 'video:unmute-asked').length, { timeout: 10_000 })
      .toBeGreaterThan(0)
    expect(livekit.calls).toEqual([])
    await data(alder!.socket, 'video:unmute-self', { sessionId })
    expect(livekit.calls.map((c) => [c.method, c.body.identity])).toEqual([
      ['UpdateParticipant', own[0]!.participantId],
    ])
    expect(livekit.permissionOf(room, own[0]!.participantId)).toMatchObject({ canPublish: true })
  })
})

describe('"I\'m not OK"', () => {
  it('reaches the facilitators only, live and on their page; the member sees the crisis lines and a question', async () => {
    const { sessionId, lead, member, facilitator, members } = await liveSession()
    const [alder, bramble] = member
    const page = HttpClient.as(servers[1]!.baseUrl, members[0]!)
    await page.page(`/sessions/${sessionId}`)

    const posted = await page.post(`/sessions/${sessionId}`, { intent: 'signal', kind: 'not_ok' })
    expect(posted.status).toBe(302)
    const location = posted.headers.get('location')!
    expect(location).toMatch(new RegExp(`^/sessions/${sessionId}\\?signal=[0-9a-f-]{36}#support$`))

    // Live to the facilitator on the other process, by pseudonym.
    await expect
      .poll(() => latest<{ signal: WellbeingSignal }>(lead.received, 'wellbeing:signalled').length, { timeout: 10_000 })
      .toBe(1)
    const { signal } = latest<{ signal: WellbeingSignal }>(lead.received, 'wellbeing:signalled')[0]!
    expect(signal).toMatchObject({ participantName: 'Alder', kind: 'not_ok' })
    expect(JSON.stringify(signal)).not.toContain(members[0]!.accountId)

    // A barrier: Bramble's own action after the signal; what Bramble (and Clover) received up to it holds no signal.
    await data(bramble!.socket, 'hand:raise', { sessionId, raised: true })
    await expect
      .poll(() => latest<{ handRaised: boolean }>(bramble!.received, 'participant:updated').at(-1)?.handRaised, {
        timeout: 10_000,
      })
      .toBe(true)
    for (const m of member) {
      expect(m.received.map((r) => r.event)).not.toContain('wellbeing:signalled')
      expect(JSON.stringify(m.received)).not.toContain('not_ok')
    }

    // The member's page: the crisis card and the clinician question; nothing raised yet.
    const support = await page.page(location.replace('#support', ''))
    expect(support.html).toContain('data-testid="crisis-card"')
    expect(support.html).toContain('data-testid="not-ok-support"')
    const incidents = () => deps.sql`select id from crisis_incidents where member_account_id = ${members[0]!.accountId}`
    expect(await incidents()).toHaveLength(0)
    // Another member's page, and the facilitators' list, as each sees it.
    const peerPage = await HttpClient.as(servers[0]!.baseUrl, members[1]!).page(`/sessions/${sessionId}`)
    expect(peerPage.html).not.toContain('data-testid="signal-list"')
    const signalId = new URL(location, 'http://x').searchParams.get('signal')!
    const peerTry = await HttpClient.as(servers[0]!.baseUrl, members[1]!).page(
      `/sessions/${sessionId}?signal=${signalId}`,
    )
    expect(peerTry.html).not.toContain('data-testid="not-ok-support"')
    const leadPage = await HttpClient.as(servers[0]!.baseUrl, facilitator).page(`/sessions/${sessionId}`)
    expect(leadPage.html).toContain('data-testid="signal-list"')
    expect(leadPage.html).toMatch(/Alder/)

    // Yes raises one crisis; the facilitator list shows the member asked for a clinician.
    const yes = await page.post(`/sessions/${sessionId}?signal=${signalId}`, {
      intent: 'clinician',
      signalId,
      answer: 'yes',
      message: '',
    })
    expect(yes.status).toBe(200)
    expect(await incidents()).toHaveLength(1)
    expect(alder!.received.map((r) => r.event)).not.toContain('wellbeing:signalled')
  })

  it('refuses a bad signal plainly and records nothing', async () => {
    const { sessionId, members, facilitator } = await liveSession()
    const page = HttpClient.as(servers[0]!.baseUrl, members[0]!)
    await page.page(`/sessions/${sessionId}`)
    expect((await page.post(`/sessions/${sessionId}`, { intent: 'signal', kind: 'panic' })).status).toBe(422)
    const asLead = HttpClient.as(servers[0]!.baseUrl, facilitator)
    await asLead.page(`/sessions/${sessionId}`)
    expect((await asLead.post(`/sessions/${sessionId}`, { intent: 'signal', kind: 'not_ok' })).status).toBe(403)
    const [{ n }] = await deps.sql<{ n: number }[]>`
      select count(*)::int as n from group_session_signals where session_id = ${sessionId}`
    expect(n).toBe(0)
  })
})
