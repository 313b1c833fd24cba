import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { startTestServer } from '../../tests/support/http.js'
import { ChatClient } from '../../tests/support/chat.js'
import {
  enrol,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  sessionStartingIn,
  type TestAccount,
} from '../../tests/support/groups.js'
import { listRooms } from '../rooms/rooms.queries.js'
import type { ChatMessage } from '../contracts/socket-events.chat.js'
import { openSessionChat } from './session-chat.js'
import { removeParticipant } from './video.service.js'

/** The group chat beside a session's video runs on the chat engine, under group pseudonyms. */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let facilitator: TestAccount
let member: TestAccount
let outsider: TestAccount
let groupId: string
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Ana Example')
  member = await makeAccount(deps)
  outsider = await makeAccount(deps)
  groupId = await makeGroup(deps, facilitator)
  await enrol(deps, facilitator, groupId, member, 'Evening Owl')
})
afterAll(async () => {
  clients.forEach((c) => c.socket.disconnect())
  await server.close()
  await deps.close()
})

const send = (client: ChatClient, roomId: string, body: string) =>
  client.request<ChatMessage>('message:send', { roomId, clientId: crypto.randomUUID(), body })

describe('group session chat', () => {
  it('opens one room per session, with the group pseudonym, hidden from the topic room list', async () => {
    const sessionId = await sessionStartingIn(deps, groupId, 5)
    const [a, b] = await Promise.all([
      openSessionChat(deps, member.account, sessionId),
      openSessionChat(deps, facilitator.account, sessionId),
    ])
    expect(a.room.id).toBe(b.room.id)
    expect(a.me.pseudonym).toBe('Evening Owl')
    expect(b.me).toMatchObject({ pseudonym: 'Dr Ana Example', badge: 'facilitator' })
    expect((await listRooms(deps.sql)).map((r) => r.id)).not.toContain(a.room.id)
    const [session] = await deps.sql`select chat_room_id as "chatRoomId" from group_sessions where id = ${sessionId}`
    expect(session!.chatRoomId).toBe(a.room.id)
    // The group's facilitator moderates the session chat.
    expect(
      await deps.sql`select 1 from room_facilitators where room_id = ${a.room.id} and account_id = ${facilitator.accountId}`,
    ).toHaveLength(1)
  })

  it('refuses people outside the group and sessions that are not open', async () => {
    const open = await sessionStartingIn(deps, groupId, 5)
    await expect(openSessionChat(deps, outsider.account, open)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const later = await sessionStartingIn(deps, groupId, 120)
    await expect(openSessionChat(deps, member.account, later)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('carries messages between member and facilitator through the gateway, with crisis detection', async () => {
    const sessionId = await sessionStartingIn(deps, groupId, 5)
    const { room } = await openSessionChat(deps, member.account, sessionId)
    await openSessionChat(deps, facilitator.account, sessionId)
    const m = await ChatClient.connect(server.baseUrl, member.cookie)
    const f = await ChatClient.connect(server.baseUrl, facilitator.cookie)
    clients.push(m, f)
    await m.join(room.id)
    await f.join(room.id)
    const hello = await send(m, room.id, 'hello everyone, glad to be here')
    expect(hello.ok).toBe(true)
    await f.until(
      () => f.timeline.messages.some((msg) => msg.body === 'hello everyone, glad to be here'),
      10_000,
      'message',
    )
    expect(JSON.stringify(f.received)).not.toContain(member.accountId)

    const risky = await send(m, room.id, "i'm going to kill myself tonight")
    expect(risky.ok && risky.data.crisis?.incidentId).toEqual(expect.any(String))
    const [incident] =
      await deps.sql`select level, member_label as "memberLabel" from crisis_incidents where member_account_id = ${member.accountId}`
    expect(incident).toMatchObject({ level: 'imminent', memberLabel: 'Evening Owl' })
  })

  it('refuses sends once the session is over, and from someone removed from it', async () => {
    const sessionId = await sessionStartingIn(deps, groupId, 5)
    const { room } = await openSessionChat(deps, member.account, sessionId)
    const m = await ChatClient.connect(server.baseUrl, member.cookie)
    clients.push(m)
    await m.join(room.id)
    await deps.sql`insert into group_session_participants (session_id, account_id, role, state) values (${sessionId}, ${member.accountId}, 'member', 'removed')`
    const removed = await send(m, room.id, 'can anyone hear me?')
    expect(removed.ok ? 'sent' : removed.error.code).toBe('FORBIDDEN')
    await deps.sql`delete from group_session_participants where session_id = ${sessionId}`
    await deps.sql`update group_sessions set status = 'ended' where id = ${sessionId}`
    const ended = await send(m, room.id, 'anyone still here?')
    expect(ended.ok ? 'sent' : ended.error.code).toBe('FORBIDDEN')
    expect(await deps.sql`select 1 from messages where room_id = ${room.id}`).toHaveLength(0)
  })

  it('stops someone removed from the session from reading its chat, live and afterwards', async () => {
    const sessionId = await sessionStartingIn(deps, groupId, 5)
    const other = await makeAccount(deps)
    await enrol(deps, facilitator, groupId, other, 'Quiet Fern')
    const { room } = await openSessionChat(deps, member.account, sessionId)
    await openSessionChat(deps, other.account, sessionId)
    await openSessionChat(deps, facilitator.account, sessionId)
    const [m, o, f] = await Promise.all(
      [member, other, facilitator].map((p) => ChatClient.connect(server.baseUrl, p.cookie)),
    )
    clients.push(m!, o!, f!)
    for (const client of [m!, o!, f!]) await client.join(room.id)
    const [participant] = await deps.sql<{ id: string }[]>`
      insert into group_session_participants (session_id, account_id, role, state) values (${sessionId}, ${member.accountId}, 'member', 'admitted') returning id`

    await removeParticipant(deps, facilitator.account, { sessionId, participantId: participant!.id })
    expect((await send(f!, room.id, 'welcome back, everyone')).ok).toBe(true)
    await o!.until(() => o!.timeline.messages.some((msg) => msg.body === 'welcome back, everyone'), 10_000, 'message')
    // Asked after the message reached the others: anything sent to the removed member on this connection would
    // have arrived before this answer.
    const sync = await m!.request('message:sync', { roomId: room.id, afterSeq: 0 })
    expect(sync.ok ? 'read' : sync.error.code).toBe('FORBIDDEN')
    expect(m!.timeline.messages.map((msg) => msg.body)).not.toContain('welcome back, everyone')
    const history = await m!.request('message:history', { roomId: room.id, beforeSeq: 0 })
    expect(history.ok ? 'read' : history.error.code).toBe('FORBIDDEN')
    await expect(openSessionChat(deps, member.account, sessionId)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
