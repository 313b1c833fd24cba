/**
 * The send cache's version tokens (core/chat/membership-cache.ts, decision 046) on a real Redis and PostgreSQL: sends
 * that reach `authorize` in the same turn of the event loop read every token with one MGET, and each send still
 * gets its own room's and account's tokens.
 */
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createSendCache, invalidateChatAccount, roomAndMembership, type SendCache } from './membership-cache.js'

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
})
