/**
 * The sliding-window script on a real Redis: a send is recorded in every bucket only when all allow it, a refusal
 * records nothing and says exactly how long until a place frees up.
 */
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { redisCommandsDuring } from '../../tests/support/round-trips.js'
import { consumeSlidingWindows, nextMemberName } from './chat.rate-limit.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps?.close()
})

/**
 * The commands `redis` sent while `run` ran, by name, recorded as the client hands them to its connection and passed
 * on unchanged (Redis' MONITOR would also show the other test files' traffic on the shared server).
 */
/** The names of the commands `redis` sent while `run` ran, in order. */
const commandsDuring = async (redis: Redis, run: () => Promise<unknown>) =>
  (await redisCommandsDuring(redis, run)).map((c) => c.name)

const key = (name: string) => `${deps.config.REDIS_PREFIX}:rl:test:${name}`

describe('consumeSlidingWindows', () => {
  it('allows up to the limit, then answers the wait until the oldest send leaves the window', async () => {
    const rule = { key: key('a'), limit: 2, windowMs: 10_000 }
    expect(await consumeSlidingWindows(deps.redis, [rule])).toBe(0)
    expect(await consumeSlidingWindows(deps.redis, [rule])).toBe(0)
    const wait = await consumeSlidingWindows(deps.redis, [rule])
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(10_000)
    expect(await deps.redis.zcard(rule.key)).toBe(2)
    expect(await deps.redis.pttl(rule.key)).toBeLessThanOrEqual(10_000)
  })

  it('a refusal by one bucket records the attempt in none of them', async () => {
    const own = { key: key('own'), limit: 1, windowMs: 10_000 }
    const shared = { key: key('shared'), limit: 100, windowMs: 10_000 }
    expect(await consumeSlidingWindows(deps.redis, [own, shared])).toBe(0)
    for (let n = 0; n < 20; n++) expect(await consumeSlidingWindows(deps.redis, [own, shared])).toBeGreaterThan(0)
    expect(await deps.redis.zcard(own.key)).toBe(1)
    expect(await deps.redis.zcard(shared.key)).toBe(1)
  })

  it("a full shared bucket refuses without spending the sender's own budget", async () => {
    const own = { key: key('own2'), limit: 5, windowMs: 10_000 }
    const shared = { key: key('shared2'), limit: 1, windowMs: 10_000 }
    expect(await consumeSlidingWindows(deps.redis, [{ key: key('other'), limit: 5, windowMs: 10_000 }, shared])).toBe(0)
    expect(await consumeSlidingWindows(deps.redis, [own, shared])).toBeGreaterThan(0)
    expect(await deps.redis.zcard(own.key)).toBe(0)
  })

  it('sends asking in the same turn are checked by one call, one after another in the order they asked', async () => {
    const shared = { key: key('turn-shared'), limit: 3, windowMs: 10_000 }
    const owns = Array.from({ length: 5 }, (_, n) => ({ key: key(`turn-own-${n}`), limit: 5, windowMs: 10_000 }))
    let waits: number[] = []
    const commands = await commandsDuring(
      deps.redis,
      async () => (waits = await Promise.all(owns.map((own) => consumeSlidingWindows(deps.redis, [own, shared])))),
    )
    expect(commands).toHaveLength(1)
    expect(waits.slice(0, 3)).toEqual([0, 0, 0])
    expect(waits.slice(3).every((wait) => wait > 0 && wait <= 10_000)).toBe(true)
    // The refused sends recorded nothing, in their own buckets either.
    expect(await deps.redis.zcard(shared.key)).toBe(3)
    expect(await Promise.all(owns.map((own) => deps.redis.zcard(own.key)))).toEqual([1, 1, 1, 0, 0])
  })

  it('a send with no bucket is allowed without asking Redis', async () => {
    expect(await commandsDuring(deps.redis, () => consumeSlidingWindows(deps.redis, []))).toEqual([])
  })

  it('counts every accepted send, however many land in the same millisecond from two clients', async () => {
    const rule = { key: key('burst'), limit: 1_000, windowMs: 60_000 }
    const other = deps.redis.duplicate()
    try {
      const clients = [deps.redis, other]
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, n) => consumeSlidingWindows(clients[n % 2]!, [rule])),
      )
      expect(answers.every((wait) => wait === 0)).toBe(true)
      // A member that repeated within a millisecond would have replaced an earlier send's entry.
      expect(await deps.redis.zcard(rule.key)).toBe(300)
    } finally {
      other.disconnect()
    }
  })

  it("another process's members never repeat this one's: each process draws its own prefix", async () => {
    vi.resetModules()
    const again = await import('./chat.rate-limit.js')
    const mine = [nextMemberName(), nextMemberName()]
    const theirs = [again.nextMemberName(), again.nextMemberName()]
    expect(new Set([...mine, ...theirs]).size).toBe(4)
    // Same counter, different prefix: the module loaded again (another process) did not start from this one's names.
    expect(theirs[0]!.slice(0, 16)).not.toBe(mine[0]!.slice(0, 16))
    expect(mine[1]!.slice(0, 16)).toBe(mine[0]!.slice(0, 16))
  })

  it('a window that has passed frees its places', async () => {
    const rule = { key: key('short'), limit: 1, windowMs: 50 }
    expect(await consumeSlidingWindows(deps.redis, [rule])).toBe(0)
    await expect.poll(() => consumeSlidingWindows(deps.redis, [rule]), { timeout: 5_000, interval: 20 }).toBe(0)
  })
})
