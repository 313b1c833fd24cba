/**
 * The send cache's version tokens (core/chat/membership-cache.ts, decisions 046 and 068) on a real Redis and
 * PostgreSQL: sends that reach `authorize` in the same turn of the event loop read every token with one MGET, and
 * each send still gets its own room's and account's tokens; an entry lives its own share of `MAX_AGE_MS`; a token
 * write that Redis refused is tried again until it lands.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedis } from '../../scripts/local-services.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { blockLoop } from '../../tests/support/event-loop.js'
import { redisCommandsDuring } from '../../tests/support/round-trips.js'
import type { CoreDeps } from '../deps.js'
import {
  MAX_AGE_MS,
  chatVersionKeys,
  createSendCache,
  entryLifeMs,
  invalidateChatAccount,
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
const commandsDuring = async (redis: Redis, run: () => Promise<unknown>) =>
  (await redisCommandsDuring(redis, run)).map((c) => c.name)

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

describe('how long an entry is trusted', () => {
  it('each entry lives between half of MAX_AGE_MS and all of it, spread evenly over any run of entries', () => {
    const lives = Array.from({ length: 1_000 }, (_, k) => entryLifeMs(k))
    expect(Math.min(...lives)).toBeGreaterThanOrEqual(MAX_AGE_MS / 2)
    expect(Math.max(...lives)).toBeLessThan(MAX_AGE_MS)
    // Any 100 entries made one after another (members connecting together) fall in every tenth of the range.
    for (let start = 0; start < 900; start += 100) {
      const tenths = new Array<number>(10).fill(0)
      for (const life of lives.slice(start, start + 100))
        tenths[Math.floor((life - MAX_AGE_MS / 2) / (MAX_AGE_MS / 20))]!++
      expect(Math.min(...tenths)).toBeGreaterThanOrEqual(7)
      expect(Math.max(...tenths)).toBeLessThanOrEqual(13)
    }
  })

  it('a warm entry is used until its life ends, then reloaded from PostgreSQL', async () => {
    const member = await chatMember(deps, 'grief')
    const roomId = await roomIdOf(deps, 'grief')
    const cache = createSendCache()
    const start = Date.now()
    deps.setNow(new Date(start))
    try {
      const first = await roomAndMembership(deps, cache, roomId, member.accountId)
      const life = first!.entry!.expiresAt - start
      expect(life).toBeGreaterThanOrEqual(MAX_AGE_MS / 2)
      expect(life).toBeLessThan(MAX_AGE_MS)
      deps.setNow(new Date(start + life - 1))
      expect((await roomAndMembership(deps, cache, roomId, member.accountId))!.entry).toBe(first!.entry)
      deps.setNow(new Date(start + life))
      const reloaded = await roomAndMembership(deps, cache, roomId, member.accountId)
      expect(reloaded!.entry).not.toBe(first!.entry)
      expect(reloaded!.membership!.id).toBe(member.memberId)
    } finally {
      deps.setNow(null)
    }
  })
})

describe('a stall of this process while the tokens are on their way', () => {
  it('reads the tokens that came during the stall, not the timer that fell due in it', async () => {
    const member = await chatMember(deps, 'anxiety')
    const roomId = await roomIdOf(deps, 'anxiety')
    const cache = createSendCache()
    const first = await roomAndMembership(deps, cache, roomId, member.accountId)
    expect(first!.entry).toBeDefined()

    const again = roomAndMembership(deps, cache, roomId, member.accountId)
    // The tokens' MGET leaves in the next check phase; right behind it the loop stalls for twice the token wait, so
    // Redis' answer and the wait's timer are both due when the loop runs again.
    setImmediate(() => blockLoop(400))
    expect((await again)!.entry).toBe(first!.entry)
  })
})

describe('a token write that Redis refused', () => {
  it('is tried again until it lands, and the warm entry then reloads', async () => {
    // A Redis of this test's own, so that refusing writes touches no other test file.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hs-cache-retry-'))
    const server = await startRedis({ dataDir, persist: false })
    const redis = new Redis(server.url, { maxRetriesPerRequest: 1 })
    const watcher = new Redis(server.url)
    try {
      const own: CoreDeps = { ...deps, redis }
      const member = await chatMember(deps, 'parenting')
      const roomId = await roomIdOf(deps, 'parenting')
      const cache = createSendCache()
      const first = await roomAndMembership(own, cache, roomId, member.accountId)
      expect(first!.entry).toBeDefined()

      // A master with too few replicas refuses every write (NOREPLICAS) and still answers reads.
      await redis.config('SET', 'min-replicas-to-write', '1')
      await invalidateChatAccount(own, member.accountId)
      expect(deps.logLines.some((line) => line.includes('chat cache invalidation failed'))).toBe(true)
      // Until the token lands the entry still holds the old answer.
      expect((await roomAndMembership(own, cache, roomId, member.accountId))!.entry).toBe(first!.entry)

      const key = chatVersionKeys.account(own, member.accountId)
      await watcher.config('SET', 'notify-keyspace-events', 'K$')
      await watcher.subscribe(`__keyspace@0__:${key}`)
      const landed = new Promise<string>((resolve) => watcher.on('message', (_channel, event) => resolve(event)))
      await redis.config('SET', 'min-replicas-to-write', '0')
      expect(await landed).toBe('set')

      const after = await roomAndMembership(own, cache, roomId, member.accountId)
      expect(after!.entry).not.toBe(first!.entry)
      expect(deps.logLines.some((line) => line.includes('chat cache invalidation landed on retry'))).toBe(true)
    } finally {
      watcher.disconnect()
      redis.disconnect()
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
