/**
 * Total order: 200 messages sent at once by 20 members spread over two server instances arrive at
 * every member in the same order, which is the order they were stored in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../../../tests/support/chat.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
const clients: ChatClient[] = []

beforeAll(async () => {
  // Limits high enough for the burst: this file is about order, not rate limiting.
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '1000/10', CHAT_RATE_LIMIT_ROOM: '10000/10' })
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  for (const s of servers) await s.close()
  await deps.close()
})

it(
  '200 messages sent concurrently by 20 clients on two servers arrive in the same order for everyone',
  { timeout: 120_000 },
  async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const members = await Promise.all(Array.from({ length: 20 }, () => chatMember(deps, 'anxiety')))
    for (const [n, member] of members.entries()) {
      const client = await ChatClient.connect(servers[n % 2]!.baseUrl, member.cookie)
      clients.push(client)
      await client.join(roomId)
    }

    // A send that passed its deadline on a loaded machine is answered UNAVAILABLE and stored nowhere; it goes again with
    // its client id, as the page does, so every message is stored once and the order still holds.
    const replies = await Promise.all(
      clients.flatMap((client, c) =>
        Array.from({ length: 10 }, (_, n) => client.sendAsThePageDoes(roomId, `client ${c} message ${n}`)),
      ),
    )
    expect(replies.filter((r) => !r.ok)).toEqual([])

    await Promise.all(
      clients.map((c, n) => c.until(() => c.arrivals.length >= 200, 60_000, `200 arrivals at client ${n}`)),
    )
    const stored = await deps.sql<
      { id: string; seq: number }[]
    >`select id, seq from messages where room_id = ${roomId} order by seq`
    expect(stored.map((s) => s.seq)).toEqual(Array.from({ length: 200 }, (_, n) => n + 1))

    for (const client of clients) {
      // Each message arrived once, in storage order, as it happened (not sorted afterwards).
      expect(client.arrivals).toEqual(stored.map((s) => s.seq))
      const arrivedIds = client.received
        .filter((r) => r.event === 'message:created')
        .map((r) => (r.payload as { id: string }).id)
      expect(arrivedIds).toEqual(stored.map((s) => s.id))
    }
  },
)
