/**
 * Chat rate limits isolate members (issue 17.1): a real server, Redis and Socket.IO clients. A member flooding
 * at 30 messages a second is refused with the exact wait (retryAfterMs) while another member and the room's
 * facilitator keep speaking; refused attempts consume no shared budget; when ordinary traffic fills the room's
 * shared budget, the facilitator, an admin and a member in crisis still get through.
 */
import { setTimeout as pause } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChatMessage } from '../../../core/contracts/socket-events.chat.js'
import type { Ack } from '../../../core/contracts/socket-events.js'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../../../tests/support/chat.js'

const ROOM_LIMIT = 20
const MEMBER_LIMIT = 5
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps({
    CHAT_RATE_LIMIT_MEMBER: `${MEMBER_LIMIT}/10`,
    CHAT_RATE_LIMIT_ROOM: `${ROOM_LIMIT}/10`,
  })
  await createSeedRooms(deps)
  server = await startTestServer(deps)
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  await server?.close()
  await deps?.close()
})

async function connect(cookie: string, roomId: string) {
  const client = await ChatClient.connect(server.baseUrl, cookie)
  clients.push(client)
  await client.join(roomId)
  return client
}

const storedBy = async (memberId: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where membership_id = ${memberId}`)[0]!.n

const codeOf = (reply: Ack<ChatMessage>) => (reply.ok ? 'ok' : reply.error.code)

describe('a flooding member beside a member and the facilitator', () => {
  it('refuses only the flooder, with the real wait, and leaves the room to the others', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const flooderAccount = await chatMember(deps, 'anxiety')
    const memberAccount = await chatMember(deps, 'anxiety')
    const facilitatorAccount = await chatMember(deps, 'anxiety', { role: 'facilitator' })
    const flooder = await connect(flooderAccount.cookie, roomId)
    const member = await connect(memberAccount.cookie, roomId)
    const facilitator = await connect(facilitatorAccount.cookie, roomId)

    // 30 messages a second for three seconds (90 attempts: 4½ times the room's whole budget).
    const floodReplies: Array<Ack<ChatMessage>> = []
    // The others speak once the flooder's attempts exceed the room's whole budget.
    let budgetSpentTwice: () => void = () => {}
    const refused = new Promise<void>((resolve) => (budgetSpentTwice = resolve))
    const flood = (async () => {
      const sends: Array<Promise<void>> = []
      for (let n = 0; n < 90; n++) {
        sends.push(
          flooder.send(roomId, `flood ${n}`).then((reply) => {
            floodReplies.push(reply)
            if (floodReplies.length >= 2 * ROOM_LIMIT) budgetSpentTwice()
          }),
        )
        await pause(33) // the flood's pace, not a synchronisation
      }
      await Promise.all(sends)
    })()

    // While the flood runs, the member and the facilitator speak.
    await refused
    const others: Array<Ack<ChatMessage>> = []
    for (let n = 0; n < 3; n++) {
      others.push(await member.sendAsThePageDoes(roomId, `member ${n}`))
      others.push(await facilitator.sendAsThePageDoes(roomId, `facilitator ${n}`))
    }
    await flood

    expect(others.map(codeOf)).toEqual(Array(6).fill('ok'))
    const accepted = floodReplies.filter((r) => r.ok).length
    expect(accepted).toBeLessThanOrEqual(MEMBER_LIMIT)
    // On a loaded machine a send may give up as UNAVAILABLE (its deadline, decision 025); every other refusal is the limit.
    const refusals = floodReplies.filter(
      (r): r is Extract<Ack<ChatMessage>, { ok: false }> => !r.ok && r.error.code !== 'UNAVAILABLE',
    )
    expect(refusals.length).toBeGreaterThanOrEqual(90 - 2 * MEMBER_LIMIT)
    for (const refusal of refusals) {
      expect(refusal.error.code).toBe('RATE_LIMITED')
      expect(refusal.error.retryAfterMs).toBeGreaterThan(0)
      expect(refusal.error.retryAfterMs).toBeLessThanOrEqual(10_000)
    }
    expect(await storedBy(flooderAccount.memberId)).toBe(accepted)
    expect(await storedBy(memberAccount.memberId)).toBe(3)
    expect(await storedBy(facilitatorAccount.memberId)).toBe(3)
  })
})

describe("the room's shared budget", () => {
  it('counts accepted sends only; when ordinary traffic fills it, the facilitator, an admin and a member in crisis still speak', async () => {
    const roomId = await roomIdOf(deps, 'low-mood')
    const talkers = await Promise.all(
      Array.from({ length: ROOM_LIMIT / MEMBER_LIMIT }, () => chatMember(deps, 'low-mood')),
    )
    const late = await chatMember(deps, 'low-mood')
    const inCrisis = await chatMember(deps, 'low-mood')
    const facilitatorAccount = await chatMember(deps, 'low-mood', { role: 'facilitator' })
    const adminAccount = await chatMember(deps, 'low-mood', { role: 'admin' as 'facilitator' })

    // Each talker sends twice their budget: the refused half must not count against the room.
    for (const talker of talkers) {
      const client = await connect(talker.cookie, roomId)
      const replies = await Promise.all(
        Array.from({ length: MEMBER_LIMIT * 2 }, (_, n) => client.send(roomId, `talk ${n}`)),
      )
      expect(replies.filter((r) => r.ok)).toHaveLength(MEMBER_LIMIT)
    }
    // The room's budget is now exactly full: one more ordinary message waits, and is told how long.
    const lateClient = await connect(late.cookie, roomId)
    const lateReply = await lateClient.send(roomId, 'Hello, how is everyone today')
    expect(lateReply).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    const wait = (lateReply as Extract<Ack<ChatMessage>, { ok: false }>).error.retryAfterMs!
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(10_000)

    const facilitator = await connect(facilitatorAccount.cookie, roomId)
    expect(codeOf(await facilitator.send(roomId, 'Let us slow down, everyone.'))).toBe('ok')
    const admin = await connect(adminAccount.cookie, roomId)
    expect(codeOf(await admin.send(roomId, 'An admin is here too.'))).toBe('ok')
    const crisisClient = await connect(inCrisis.cookie, roomId)
    expect(codeOf(await crisisClient.send(roomId, 'i want to kill myself'))).toBe('ok')
    expect(await storedBy(inCrisis.memberId)).toBe(1)
    expect(await storedBy(late.memberId)).toBe(0)
  })
})
