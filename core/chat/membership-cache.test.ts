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
let monitor: Redis | undefined
beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
})
afterAll(async () => {
  monitor?.disconnect()
  await deps.close()
})

/** The commands naming this test's key prefix that Redis received while `run` ran, in order. */
async function commandsDuring(run: () => Promise<unknown>): Promise<string[]> {
  monitor ??= await deps.redis.duplicate().monitor()
  const seen: string[] = []
  let marker = false
  const marked = `${deps.config.REDIS_PREFIX}:marker`
  const listener = (_time: string, args: string[], source: string) => {
    // What a script runs is shown too, from "lua": only what clients sent counts.
    if (source === 'lua') return
    if (args.includes(marked)) marker = true
    else if (args.some((arg) => arg.startsWith(`${deps.config.REDIS_PREFIX}:`))) seen.push(args[0]!.toLowerCase())
  }
  monitor.on('monitor', listener)
  try {
    await run()
    // Redis answers in order: once the marker is seen, every command of the run has been seen too.
    await deps.redis.get(marked)
    await expect.poll(() => marker).toBe(true)
    return seen
  } finally {
    monitor.off('monitor', listener)
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
    const commands = await commandsDuring(async () => (warm = await authorize()))
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
      await commandsDuring(async () => (again = await roomAndMembership(deps, cache, roomId, member.accountId))),
    ).toEqual(['mget'])
    expect(again!.entry).toBe(first!.entry)
  })
})
