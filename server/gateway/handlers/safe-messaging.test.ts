/**
 * Safe messaging (docs/decisions/021), through two real gateways (one PostgreSQL, one Redis) with real Socket.IO
 * clients: a message naming a method or rated imminent is stored and raises its crisis, but a peer's socket never
 * receives its text — live, in history, in a catch-up after a reconnect, or in an edit — while its sender (every
 * tab) and the room's facilitator do. A facilitator's release shows it to the room and is audited. The same in a
 * group session's chat.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { HttpClient, startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../../tests/support/chat.js'
import { createAccount } from '../../../tests/support/crisis-fixtures.js'
import {
  enrol,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  sessionStartingIn,
} from '../../../tests/support/groups.js'
import { getIncidentDetail } from '../../../core/crisis/crisis.service.js'
import { openSessionChat } from '../../../core/video/session-chat.js'
import type { ChatMessage, MessagePage } from '../../../core/contracts/socket-events.chat.js'
import type { CrisisCard } from '../../../core/contracts/socket-events.crisis.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
let roomId: string
let facilitator: ChatTestMember
const clients: ChatClient[] = []

const EXAMPLE = "I have the pills ready and I'm going to end it tonight"

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
  roomId = await roomIdOf(deps, 'low-mood')
  facilitator = await chatMember(deps, 'low-mood', { role: 'facilitator', pseudonym: 'Fay Facil' })
  await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`
})
afterAll(async () => {
  clients.forEach((c) => c.socket.disconnect())
  for (const s of servers) await s.close()
  await deps.close()
})

async function connect(server: 0 | 1, cookie: string) {
  const client = await ChatClient.connect(servers[server]!.baseUrl, cookie)
  clients.push(client)
  return client
}

function sent(reply: Awaited<ReturnType<ChatClient['send']>>): ChatMessage {
  if (!reply.ok) throw new Error(`send failed: ${reply.error.code}`)
  return reply.data
}
const textOf = (client: ChatClient, id: string) => client.timeline.messages.find((m) => m.id === id)?.body
const heard = (client: ChatClient) => JSON.stringify(client.received)

describe('a held message in a peer room', () => {
  /** A sender and a peer, each on their own server, both in the room. */
  async function senderAndPeerInRoom() {
    const sender = await chatMember(deps, 'low-mood')
    const peer = await chatMember(deps, 'low-mood')
    const s = await connect(0, sender.cookie)
    const p = await connect(1, peer.cookie)
    await s.join(roomId)
    await p.join(roomId)
    return { sender, peer, s, p }
  }

  it('is stored and raises its crisis; the sender is told it went to the care team and gets the card; peers never get its text', async () => {
    const sender = await chatMember(deps, 'low-mood', { pseudonym: 'Grey Sparrow' })
    const peer = await chatMember(deps, 'low-mood', { pseudonym: 'Warm Cedar' })
    const s = await connect(0, sender.cookie)
    const sOtherTab = await connect(1, sender.cookie)
    const p = await connect(1, peer.cookie)
    const f = await connect(1, facilitator.cookie)
    for (const c of [s, sOtherTab, p]) await c.join(roomId)
    expect((await f.join(roomId)).readsHeld).toBe(true)
    expect((await p.join(roomId)).readsHeld).toBe(false)

    const held = sent(await s.send(roomId, EXAMPLE))
    // Acked means stored: the sender reads their words, the kind notice and the crisis card with their lines.
    expect(held).toMatchObject({
      body: EXAMPLE,
      moderation: 'held',
      notice: expect.stringMatching(/care team, not to the room/),
    })
    const card = held.crisis as CrisisCard
    expect(card.incidentId).toEqual(expect.any(String))
    expect(card.local.length + card.international.length).toBeGreaterThan(0)
    const [row] = await deps.sql<
      { body: string; status: string }[]
    >`select body, moderation_status as status from messages where id = ${held.id}`
    expect(row).toEqual({ body: EXAMPLE, status: 'held' })
    const [flag] = await deps.sql<{ reason: string; category: string; signals: string[] }[]>`
      select screen_reason as reason, category, signals from moderation_flags where message_id = ${held.id}`
    expect(flag).toMatchObject({
      reason: 'safe_messaging',
      category: 'self_harm',
      signals: expect.arrayContaining(['crisis.imminent', 'en.cue.means']),
    })
    const [incident] = await deps.sql<
      { id: string; level: string }[]
    >`select id, level from crisis_incidents where member_account_id = ${sender.accountId}`
    expect(incident).toEqual({ id: card.incidentId, level: 'imminent' })

    // Live: the facilitator and the sender's other tab get the text; the peer gets the seq without it.
    await f.until(() => textOf(f, held.id) === EXAMPLE, 10_000, 'text to the facilitator')
    await sOtherTab.until(() => textOf(sOtherTab, held.id) === EXAMPLE, 10_000, 'text to the other tab')
    await p.until(() => p.arrivals.includes(held.seq), 10_000, 'the seq to the peer')
    const after = sent(await s.send(roomId, 'thank you for listening'))
    await p.until(() => textOf(p, after.id) === 'thank you for listening', 10_000, 'the next message')
    expect(p.timeline.messages.find((m) => m.id === held.id)).toMatchObject({ body: null, moderation: 'held' })
    // Nor whose it is: the room keeps the seq, unnamed.
    expect(p.timeline.messages.find((m) => m.id === held.id)!.author).toEqual({
      memberId: '',
      pseudonym: '',
      badge: null,
    })
    expect(f.timeline.messages.find((m) => m.id === held.id)!.author).toMatchObject({
      memberId: sender.memberId,
      pseudonym: 'Grey Sparrow',
    })
    expect(heard(p)).not.toContain('pills')
    expect(heard(p)).not.toContain(card.incidentId!)

    // History and catch-up: the peer never, the sender and the facilitator always.
    const history = await p.request<MessagePage>('message:history', { roomId, beforeSeq: 0 })
    const sync = await p.request<MessagePage>('message:sync', { roomId, afterSeq: held.seq - 1 })
    expect(history.ok && history.data.messages.find((m) => m.id === held.id)).toMatchObject({
      body: null,
      moderation: 'held',
      author: { memberId: '' },
    })
    expect(sync.ok && sync.data.messages.find((m) => m.id === held.id)).toMatchObject({
      body: null,
      moderation: 'held',
    })
    p.socket.disconnect()
    const pAgain = await connect(0, peer.cookie)
    const rejoined = await pAgain.join(roomId, held.seq - 1)
    expect(rejoined.messages.find((m) => m.id === held.id)).toMatchObject({ body: null, moderation: 'held' })
    const fAgain = await connect(0, facilitator.cookie)
    expect((await fAgain.join(roomId, held.seq - 1)).messages.find((m) => m.id === held.id)!.body).toBe(EXAMPLE)
    const sAgain = await connect(1, sender.cookie)
    expect((await sAgain.join(roomId)).messages.find((m) => m.id === held.id)!.body).toBe(EXAMPLE)
    expect(heard(p) + heard(pAgain)).not.toContain('pills')

    // An edit of the held message: its author and the facilitator read it, the room does not.
    const edit = await s.request<ChatMessage>('message:edit', { roomId, messageId: held.id, body: `${EXAMPLE}, sorry` })
    expect(edit).toMatchObject({ ok: true, data: { body: `${EXAMPLE}, sorry`, moderation: 'held' } })
    await f.until(() => textOf(f, held.id) === `${EXAMPLE}, sorry`, 10_000, 'the edit to the facilitator')
    await sOtherTab.until(() => textOf(sOtherTab, held.id) === `${EXAMPLE}, sorry`, 10_000, 'the edit to the other tab')
    await pAgain.until(() => pAgain.received.some((r) => r.event === 'message:updated'), 10_000, 'the edit to the peer')
    expect(heard(pAgain)).not.toContain('pills')

    // The clinician paged about it reads it in the incident's message context.
    const clinician = await createAccount(deps, 'clinician')
    const detail = await getIncidentDetail(deps, { accountId: clinician.accountId, role: 'clinician' }, incident!.id)
    const context = detail.context.find((c) => c.messageId === held.id)!
    expect(context.messages.find((m) => m.trigger)!.body).toBe(`${EXAMPLE}, sorry`)
  })

  it('a facilitator may release it: peers then see it, and the release is audited; a member may not', async () => {
    const sender = await chatMember(deps, 'low-mood')
    // A member reading Polish is told in Polish.
    await deps.sql`update accounts set locale = 'pl' where id = ${sender.accountId}`
    const peer = await chatMember(deps, 'low-mood')
    const s = await connect(0, sender.cookie)
    const p = await connect(1, peer.cookie)
    const f = await connect(0, facilitator.cookie)
    for (const c of [s, p, f]) await c.join(roomId)
    const body = 'mam tabletki i dziś się zabiję'
    const held = sent(await s.send(roomId, body))
    expect(held).toMatchObject({
      body,
      moderation: 'held',
      notice: expect.stringMatching(/trafiła do zespołu wsparcia, a nie do grupy/),
    })
    await p.until(() => p.arrivals.includes(held.seq), 10_000, 'the seq to the peer')

    expect(await p.request('moderation:act', { action: 'release', roomId, messageId: held.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(
      await f.request('moderation:act', {
        action: 'release',
        roomId,
        messageId: held.id,
        reason: 'talked with them; safe to share',
      }),
    ).toEqual({ ok: true, data: { done: true } })
    await p.until(() => textOf(p, held.id) === body, 10_000, 'released to the peer')
    const released = p.timeline.messages.find((m) => m.id === held.id)!
    expect(released.moderation).toBeUndefined()
    expect(released.author.memberId).toBe(sender.memberId)

    const audit = await deps.sql<{ actor: string; reason: string }[]>`
      select actor_account_id as actor, reason from audit_log where action = 'moderation.release' and target_id = ${held.id}`
    expect(audit).toEqual([{ actor: facilitator.accountId, reason: 'talked with them; safe to share' }])
    const [flag] = await deps.sql<
      { status: string }[]
    >`select status from moderation_flags where message_id = ${held.id}`
    expect(flag!.status).toBe('dismissed')
    // Released once: a second release changes nothing.
    expect(await f.request('moderation:act', { action: 'release', roomId, messageId: held.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it("the facilitators' queue (a page that works without JavaScript) shows it in full and releases it", async () => {
    const { peer, s, p } = await senderAndPeerInRoom()
    const body = 'the rope is ready'
    const held = sent(await s.send(roomId, body))
    const [flag] = await deps.sql<{ id: string }[]>`select id from moderation_flags where message_id = ${held.id}`

    const memberPage = HttpClient.as(servers[0]!.baseUrl, { sessionToken: peer.cookie.slice('hs_session='.length) })
    expect((await memberPage.get('/moderation')).status).toBe(403)
    const queue = HttpClient.as(servers[0]!.baseUrl, { sessionToken: facilitator.cookie.slice('hs_session='.length) })
    const page = await queue.page('/moderation')
    expect(page.html).toContain(body)
    expect(page.html).toMatch(/value="release"[^>]*>Release to the room</)
    expect(
      (await queue.post('/moderation', { action: 'release', roomId, flagId: flag!.id, reason: 'checked in with them' }))
        .status,
    ).toBe(200)
    await p.until(() => textOf(p, held.id) === body, 10_000, 'released to the peer')
    const audit = await deps.sql<
      { actor: string }[]
    >`select actor_account_id as actor from audit_log where action = 'moderation.release' and target_id = ${held.id}`
    expect(audit).toEqual([{ actor: facilitator.accountId }])
  })

  it("a resend answers with the same held ack; an edit that adds method detail takes the text off peers' screens", async () => {
    const { s, p } = await senderAndPeerInRoom()
    const clientId = randomUUID()
    const first = sent(await s.send(roomId, EXAMPLE, clientId))
    const again = sent(await s.send(roomId, EXAMPLE, clientId))
    expect(again).toMatchObject({ id: first.id, body: EXAMPLE, moderation: 'held', notice: first.notice })
    expect(await deps.sql`select 1 from messages where id = ${first.id}`).toHaveLength(1)

    // (Another member: after the first one's message, their next words are read in its context.)
    const editor = await connect(0, (await chatMember(deps, 'low-mood')).cookie)
    await editor.join(roomId)
    const ordinary = sent(await editor.send(roomId, 'see you all tomorrow'))
    await p.until(() => textOf(p, ordinary.id) === 'see you all tomorrow', 10_000, 'the ordinary message')
    const edited = await editor.request<ChatMessage>('message:edit', {
      roomId,
      messageId: ordinary.id,
      body: 'the gun is loaded',
    })
    expect(edited).toMatchObject({ ok: true, data: { body: 'the gun is loaded', moderation: 'held' } })
    await p.until(
      () => p.timeline.messages.find((m) => m.id === ordinary.id)?.moderation === 'held',
      10_000,
      'the held edit',
    )
    expect(p.timeline.messages.find((m) => m.id === ordinary.id)).toMatchObject({
      body: null,
      author: { memberId: '' },
    })
    expect(heard(p)).not.toContain('gun')
    expect(heard(p)).not.toContain('pills')
  })

  it('an ordinary message and one with risk but no method still reach the room', async () => {
    const { s, p } = await senderAndPeerInRoom()
    for (const body of ['rough day, but I made tea', 'I want to die']) {
      const message = sent(await s.send(roomId, body))
      expect(message.moderation).toBeUndefined()
      await p.until(() => textOf(p, message.id) === body, 10_000, body)
    }
  })
})

describe('a held message in a group session chat', () => {
  it('reaches the group facilitator and the sender, never the other participant, until the facilitator releases it', async () => {
    const groupFacilitator = await makeVerifiedFacilitator(deps, 'Dr Ana Example')
    const member = await makeAccount(deps)
    const other = await makeAccount(deps)
    const groupId = await makeGroup(deps, groupFacilitator)
    await enrol(deps, groupFacilitator, groupId, member, 'Evening Owl')
    await enrol(deps, groupFacilitator, groupId, other, 'Quiet Fern')
    const sessionId = await sessionStartingIn(deps, groupId, 5)
    const chat = await openSessionChat(deps, member.account, sessionId)
    await openSessionChat(deps, other.account, sessionId)
    await openSessionChat(deps, groupFacilitator.account, sessionId)
    const chatRoomId = chat.room.id

    const m = await connect(0, member.cookie)
    const o = await connect(1, other.cookie)
    const f = await connect(1, groupFacilitator.cookie)
    await m.join(chatRoomId)
    await o.join(chatRoomId)
    expect((await f.join(chatRoomId)).readsHeld).toBe(true)

    const held = sent(
      await m.request<ChatMessage>('message:send', { roomId: chatRoomId, clientId: randomUUID(), body: EXAMPLE }),
    )
    expect(held).toMatchObject({ body: EXAMPLE, moderation: 'held', notice: expect.stringMatching(/care team/) })
    expect((held.crisis as CrisisCard).incidentId).toEqual(expect.any(String))
    await f.until(() => textOf(f, held.id) === EXAMPLE, 10_000, 'text to the group facilitator')
    await o.until(() => o.arrivals.includes(held.seq), 10_000, 'the seq to the other participant')
    const history = await o.request<MessagePage>('message:history', { roomId: chatRoomId, beforeSeq: 0 })
    expect(history.ok && history.data.messages.find((x) => x.id === held.id)).toMatchObject({ body: null })
    expect(heard(o)).not.toContain('pills')

    expect(
      await f.request('moderation:act', { action: 'release', roomId: chatRoomId, messageId: held.id }),
    ).toMatchObject({ ok: true })
    await o.until(() => textOf(o, held.id) === EXAMPLE, 10_000, 'released to the other participant')
  })
})
