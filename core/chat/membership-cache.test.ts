/**
 * The send cache's version tokens (core/chat/membership-cache.ts, decision 046) on a real Redis and PostgreSQL: sends
 * that reach `authorize` in the same turn of the event loop read every token with one MGET, and each send still
 * gets its own room's and account's tokens.
 */
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import {
  createSendCache,
  invalidateChatAccount,
  MAX_AGE_MS,
  roomAndMembership,
  type SendCache,
} from './membership-cache.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
})
afterAll(async () => {
  await deps.close()
})

/**
 * The commands `redis` sent while `run` ran, by name, recorded as the client hands them to its connection and passed
 * on unchanged (Redis' MONITOR would also show the other test files' traffic on the shared server).
 */
async function commandsDuring(redis: Redis, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = []
  const send = redis.sendCommand
  redis.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
    seen.push(args[0].name)
    return send.apply(this, args)
  }
  try {
    await run()
    return seen
  } finally {
    redis.sendCommand = send
  }
}

describe('send cache tokens', () => {
  it('sends in the same turn read their tokens with one MGET, each its own room and account', async () => {
    const senders: Array<{ member: ChatTestMember; roomId: string; cache: SendCache }> = []
    for (const slug of ['anxiety', 'grief', 'anxiety', 'parenting'])
      senders.push({
        member: await chatMember(deps, slug),
        roomId: await roomIdOf(deps, slug),
        cache: createSendCache(),
      })
    const authorize = () =>
      Promise.all(senders.map((s) => roomAndMembership(deps, s.cache, s.roomId, s.member.accountId)))

    const cold = await authorize()
    expect(cold.map((found) => found?.membership?.id)).toEqual(senders.map((s) => s.member.memberId))
    // The third sender's account changes: only its entry reloads, the others' tokens still match theirs.
    await invalidateChatAccount(deps, senders[2]!.member.accountId)
    let warm: Awaited<ReturnType<typeof authorize>> = []
    const commands = await commandsDuring(deps.redis, async () => (warm = await authorize()))
    expect(commands).toEqual(['mget'])
    expect(warm.map((found, n) => found?.entry === cold[n]?.entry)).toEqual([true, true, false, true])
    expect(warm[2]?.membership?.id).toBe(cold[2]?.membership?.id)
  })

  it('a send alone reads its two tokens with one MGET', async () => {
    const member = await chatMember(deps, 'grief')
    const roomId = await roomIdOf(deps, 'grief')
    const cache = createSendCache()
    const first = await roomAndMembership(deps, cache, roomId, member.accountId)
    let again: typeof first = null
    expect(
      await commandsDuring(
        deps.redis,
        async () => (again = await roomAndMembership(deps, cache, roomId, member.accountId)),
      ),
    ).toEqual(['mget'])
    expect(again!.entry).toBe(first!.entry)
  })

  it('entries loaded in one burst are each trusted for their own time within the last half of MAX_AGE_MS, then reload', async () => {
    const member = await chatMember(deps, 'anxiety')
    const roomId = await roomIdOf(deps, 'anxiety')
    // Twenty sockets' first sends at once: a server restart's reconnects, a bench's warm-up.
    const caches = Array.from({ length: 20 }, () => createSendCache())
    const loaded = await Promise.all(caches.map((cache) => roomAndMembership(deps, cache, roomId, member.accountId)))
    const trusted = loaded.map((found) => found!.entry!.trustedMs)
    for (const ms of trusted) {
      expect(ms).toBeGreaterThanOrEqual(MAX_AGE_MS / 2)
      expect(ms).toBeLessThanOrEqual(MAX_AGE_MS)
    }
    // Spread, not one moment: no two alike, and together they cover most of the half.
    expect(new Set(trusted).size).toBe(trusted.length)
    expect(Math.max(...trusted) - Math.min(...trusted)).toBeGreaterThan(MAX_AGE_MS / 3)
    // An entry just inside its own time is used; one just past it reloads from PostgreSQL.
    const [young, old] = [loaded[0]!.entry!, loaded[1]!.entry!]
    young.loadedAt = performance.now() - young.trustedMs + 5_000
    old.loadedAt = performance.now() - old.trustedMs - 1
    const [again, reloaded] = await Promise.all([
      roomAndMembership(deps, caches[0], roomId, member.accountId),
      roomAndMembership(deps, caches[1], roomId, member.accountId),
    ])
    expect(again!.entry).toBe(young)
    expect(reloaded!.entry).not.toBe(old)
    expect(reloaded!.membership!.id).toBe(member.memberId)
  })
})
