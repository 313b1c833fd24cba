/**
 * A room ban takes the room away for its length, across two server processes with real Socket.IO clients: the
 * banned member's open socket leaves the room at once (no more live messages, gone from presence), history,
 * catch-up and joining are refused with BANNED and until when, and when the ban ends (on the fake clock) joining,
 * reading and live messages work again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../../tests/support/chat.js'
import type { ChatMessage } from '../../../core/contracts/socket-events.chat.js'
import { socketRooms } from '../../../core/realtime/realtime.publisher.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
let roomId: string
let facilitator: ChatTestMember
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
  roomId = await roomIdOf(deps, 'anxiety')
  facilitator = await chatMember(deps, 'anxiety', { role: 'facilitator', pseudonym: 'Fay Facil' })
  await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`
})
afterAll(async () => {
  deps.setNow(null)
  clients.forEach((c) => c.close())
  for (const s of servers) await s.close()
  await deps.close()
})

async function connect(server: 0 | 1, cookie: string) {
  const client = await ChatClient.connect(servers[server]!.baseUrl, cookie)
  clients.push(client)
  return client
}
const sent = (reply: Awaited<ReturnType<ChatClient['send']>>) => {
  if (!reply.ok) throw new Error(`send failed: ${reply.error.code}`)
  return reply.data
}
const liveBodies = (client: ChatClient) =>
  client.received.filter((r) => r.event === 'message:created').map((r) => (r.payload as ChatMessage).body)

it('a banned member stops receiving, cannot read history or catch up, leaves presence, and reads again when the ban ends', async () => {
  const banned = await chatMember(deps, 'anxiety', { pseudonym: 'Bo Banned' })
  const peer = await chatMember(deps, 'anxiety', { pseudonym: 'Pat Peer' })
  // The banned member and a watcher share server 1; the peer and the facilitator act on server 0.
  const b = await connect(1, banned.cookie)
  const watcher = await connect(1, facilitator.cookie)
  const p = await connect(0, peer.cookie)
  const f = await connect(0, facilitator.cookie)
  for (const client of [b, watcher, p]) await client.join(roomId)
  sent(await p.send(roomId, 'before the ban'))
  await b.until(() => liveBodies(b).includes('before the ban'), 10_000, 'live message before the ban')
  await p.until(() => p.presentPseudonyms().includes('Bo Banned'), 10_000, 'banned member present')

  expect(
    await f.request('moderation:act', {
      action: 'ban',
      roomId,
      memberId: banned.memberId,
      duration: 1,
      reason: 'repeated harassment',
    }),
  ).toEqual({ ok: true, data: { done: true } })
  // Presence: everyone else sees the banned member leave at once, though their socket stays connected.
  await p.until(() => !p.presentPseudonyms().includes('Bo Banned'), 10_000, 'banned member gone from presence')
  expect(b.socket.connected).toBe(true)
  await b.until(() => b.received.some((r) => r.event === 'moderation:sanctioned'), 10_000, 'moderation:sanctioned')
  expect((await servers[1]!.app.io.in(socketRooms.chatRoom(roomId)).fetchSockets()).map((s) => s.id)).not.toContain(
    b.socket.id,
  )

  // Live: the watcher on the same server receives the next message; a request the banned member makes after that is
  // answered on the same connection after anything the server wrote to it before, and no message came first.
  sent(await p.send(roomId, 'after the ban'))
  await watcher.until(() => liveBodies(watcher).includes('after the ban'), 10_000, 'watcher receives after the ban')
  const status = await b.request('moderation:status', { roomId })
  expect(status).toMatchObject({ ok: true, data: { bannedUntil: expect.any(String) } })
  const until = (status as { ok: true; data: { bannedUntil: string } }).data.bannedUntil
  expect(liveBodies(b)).not.toContain('after the ban')

  // History, catch-up and joining again are refused, saying until when.
  const refused = { ok: false, error: { code: 'BANNED', fields: { until } } }
  expect(await b.request('message:history', { roomId, beforeSeq: 0 })).toMatchObject(refused)
  expect(await b.request('message:sync', { roomId, afterSeq: 0 })).toMatchObject(refused)
  expect(await b.request('room:join', { roomId })).toMatchObject(refused)
  expect(await b.request('message:send', { roomId, clientId: crypto.randomUUID(), body: 'let me back' })).toMatchObject(
    refused,
  )
  expect(p.presentPseudonyms()).not.toContain('Bo Banned')
  expect(JSON.stringify(b.received.filter((r) => r.event !== 'ack:message:send'))).not.toContain('after the ban')

  // The ban ends (a day and a minute later): joining, history, presence and live messages are back.
  deps.setNow(new Date(Date.parse(until) + 60_000))
  const joined = await b.join(roomId)
  expect(joined.messages.map((m) => m.body)).toEqual(expect.arrayContaining(['before the ban', 'after the ban']))
  expect(await b.request('message:history', { roomId, beforeSeq: 0 })).toMatchObject({ ok: true })
  await p.until(() => p.presentPseudonyms().includes('Bo Banned'), 10_000, 'back in presence')
  sent(await p.send(roomId, 'welcome back'))
  await b.until(() => liveBodies(b).includes('welcome back'), 10_000, 'live message after the ban')
})
