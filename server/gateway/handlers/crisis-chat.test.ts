import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../../../tests/support/chat.js'
import { createAccount } from '../../../tests/support/crisis-fixtures.js'
import { openSocket, connectOutcome } from '../../../tests/support/sockets.js'
import { takeModerationAction } from '../../../core/moderation/moderation.service.js'
import { getIncidentDetail } from '../../../core/crisis/crisis.service.js'
import type { ChatMessage } from '../../../core/contracts/socket-events.chat.js'
import type { CrisisCard } from '../../../core/contracts/socket-events.crisis.js'

/**
 * Crisis detection on chat messages (core/crisis/crisis.pipeline.ts), through the real gateway: the card goes
 * to the sender only, the incident commits with the message, and a refused message is still heard.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let roomId: string
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  await createSeedRooms(deps)
  roomId = await roomIdOf(deps, 'low-mood')
})
afterAll(async () => {
  clients.forEach((c) => c.socket.disconnect())
  await server.close()
  await deps.close()
})

async function joined(pseudonym: string) {
  const member = await chatMember(deps, 'low-mood', { pseudonym })
  const client = await ChatClient.connect(server.baseUrl, member.cookie)
  clients.push(client)
  await client.join(roomId)
  return { member, client }
}

const send = (client: ChatClient, body: string) =>
  client.request<ChatMessage>('message:send', { roomId, clientId: crypto.randomUUID(), body })

const incidentsOf = (accountId: string) =>
  deps.sql<
    { id: string; level: string; status: string }[]
  >`select id, level, status from crisis_incidents where member_account_id = ${accountId}`

describe('crisis detection in chat', () => {
  it('shows the card to the sender only, and commits incident, signal and page job with the message', async () => {
    const sender = await joined('Grey Sparrow')
    const peer = await joined('Warm Cedar')
    const clinician = await createAccount(deps, 'clinician')
    const console = openSocket(server.baseUrl, { cookie: clinician.cookie })
    expect(await connectOutcome(console)).toBe('connected')
    // The console is told of the new incident by the server right after commit (no worker in this test).
    const consoleUpdated = new Promise<void>((resolve) =>
      console.onAny((event) => {
        if (event === 'incident:updated') resolve()
      }),
    )

    const reply = await send(sender.client, "i can't do this anymore, i'm going to kill myself tonight")
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    const card = reply.data.crisis as CrisisCard
    expect(card.incidentId).toEqual(expect.any(String))
    expect(card.international.length).toBeGreaterThan(0)
    await sender.client.until(
      () => sender.client.received.some((r) => r.event === 'crisis:card'),
      10_000,
      'crisis:card',
    )

    // The peer sees the message, never the card.
    await peer.client.until(() => peer.client.arrivals.includes(reply.data.seq), 10_000, 'message')
    const peerPayloads = JSON.stringify(peer.client.received)
    expect(peerPayloads).not.toContain('crisis')
    expect(peerPayloads).not.toContain(card.incidentId!)

    const [incident] = await incidentsOf(sender.member.accountId)
    expect(incident).toMatchObject({ id: card.incidentId, level: 'imminent', status: 'open' })
    const [signal] =
      await deps.sql`select source, message_id as "messageId", room_id as "roomId" from crisis_signals where incident_id = ${incident!.id}`
    expect(signal).toMatchObject({ source: 'message', messageId: reply.data.id, roomId })
    const [job] =
      await deps.sql`select job_name as "jobName", payload from outbox where job_name = 'crisis:page' and payload->>'incidentId' = ${incident!.id}`
    expect(job).toBeDefined()
    expect(Object.keys(job!.payload as object).sort()).toEqual(['incidentId', 'level', 'repeat'])
    await consoleUpdated
    console.disconnect()
  })

  it('shows the clinician the triggering message among its neighbours, under pseudonyms only', async () => {
    const { member, client } = await joined('Calm Otter')
    const other = await joined('Bright Willow')
    await send(other.client, 'how is everyone doing tonight?')
    await send(client, 'not great honestly')
    const risky = await send(client, 'i want to end my life, i have a plan for tonight')
    await send(other.client, 'hey, we are here with you')
    const [incident] = await incidentsOf(member.accountId)
    const clinician = await createAccount(deps, 'clinician')
    const detail = await getIncidentDetail(deps, clinician.actor, incident!.id)
    expect(detail.context).toHaveLength(1)
    const messages = detail.context[0]!.messages
    const trigger = messages.find((m) => m.trigger)!
    expect(trigger).toMatchObject({ pseudonym: 'Calm Otter', body: 'i want to end my life, i have a plan for tonight' })
    expect(risky.ok && trigger.seq).toBe(risky.ok ? risky.data.seq : -1)
    expect(messages.map((m) => m.body)).toEqual(
      expect.arrayContaining(['not great honestly', 'hey, we are here with you']),
    )
    expect(JSON.stringify(detail.context)).not.toContain(member.accountId)
    expect(JSON.stringify(detail.context)).not.toContain(member.username)
  })

  it('shows the card for "concern" without raising an incident, and stays quiet for idioms', async () => {
    const { member, client } = await joined('Still River')
    const idiom = await send(client, 'this exam is killing me lol')
    expect(idiom.ok && idiom.data.crisis).toBeFalsy()
    const concern = await send(
      client,
      "honestly i don't see the point of anything anymore, i wish i could just disappear",
    )
    expect(concern.ok).toBe(true)
    if (!concern.ok) return
    expect(concern.data.crisis).toMatchObject({ incidentId: null, status: null })
    expect(await incidentsOf(member.accountId)).toHaveLength(0)
  })

  it('raises a crisis even when the message itself is refused (muted member)', async () => {
    const { member, client } = await joined('Quiet Heron')
    const admin = await createAccount(deps, 'admin')
    await takeModerationAction(deps, admin.actor, {
      action: 'mute',
      roomId,
      memberId: member.memberId,
      duration: 60,
      reason: 'cool-down',
    })
    const reply = await send(client, 'i have the pills ready, goodbye everyone')
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('MUTED')
    await client.until(() => client.received.some((r) => r.event === 'crisis:card'), 10_000, 'crisis:card')
    const [incident] = await incidentsOf(member.accountId)
    expect(incident).toMatchObject({ level: 'imminent', status: 'open' })
    expect(await deps.sql`select 1 from messages where membership_id = ${member.memberId}`).toHaveLength(0)
  })

  it('attaches later messages to the open incident and can raise its level, never lower it', async () => {
    const { member, client } = await joined('Soft Ember')
    await send(client, 'i keep thinking about killing myself')
    const [first] = await incidentsOf(member.accountId)
    expect(first!.level).toBe('high')
    await send(client, 'i bought the rope today, tonight is the night')
    await send(client, 'i think about suicide a lot')
    const incidents = await incidentsOf(member.accountId)
    expect(incidents).toHaveLength(1)
    expect(incidents[0]!.level).toBe('imminent')
    const signals = await deps.sql`select count(*)::int as n from crisis_signals where incident_id = ${first!.id}`
    expect(signals[0]!.n).toBe(3)
  })
})
