/**
 * A warm send checks its cache entry's tokens in the rate-limit script (decision 072), on a real PostgreSQL and
 * Redis: it asks Redis twice (the rate limit with the tokens, the room's announcement), never for the tokens alone;
 * an entry whose tokens changed is reloaded and the send goes on with what is true now, its rate limit recorded
 * once; a step that refused by an entry not checked yet is asked again once the entry is reloaded.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createTurnCounter, redisCommandsDuring } from '../../tests/support/round-trips.js'
import { keyedDigestOfId } from '../identity/identity.crypto.js'
import { createSendCache, invalidateChatAccount, invalidateChatRoom } from './membership-cache.js'
import { sendMessage } from './send-pipeline.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
})
afterAll(async () => {
  await deps.close()
})

const currentTurn = createTurnCounter()

/** The commands `redis` sent while `run` ran, with the turn of the event loop each left in. */
const commandsDuring = (redis: Redis, run: () => Promise<unknown>) => redisCommandsDuring(redis, run, currentTurn)

/** How many sends the member's own rate-limit bucket holds. */
const memberBucket = (accountId: string) =>
  deps.redis.zcard(
    `${deps.config.REDIS_PREFIX}:rl:chat-member:${keyedDigestOfId(deps.config.SESSION_SECRET, accountId)}`,
  )

const send = (member: { accountId: string }, roomId: string, body: string, cache = createSendCache()) =>
  sendMessage(
    deps,
    { accountId: member.accountId, role: 'member' },
    { roomId, clientId: randomUUID(), body },
    { cache },
  )

describe("a warm send's cache tokens", () => {
  it('are checked by the rate-limit script: two Redis round trips, no token read of their own', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const member = await chatMember(deps, 'anxiety')
    const cache = createSendCache()
    await send(member, roomId, 'the first message makes the entry', cache)
    const entry = cache.get(roomId)
    currentTurn.reset()
    const commands = await commandsDuring(deps.redis, () => send(member, roomId, 'a warm send', cache))
    expect(commands.map((c) => c.name)).toEqual(['evalsha', 'evalsha'])
    expect(new Set(commands.map((c) => c.turn)).size).toBe(2)
    expect(cache.get(roomId)).toBe(entry)
  })

  it('changed since the entry was made: the entry is reloaded, the send stored, its rate limit recorded once', async () => {
    const roomId = await roomIdOf(deps, 'grief')
    const member = await chatMember(deps, 'grief')
    const cache = createSendCache()
    await send(member, roomId, 'the first message makes the entry', cache)
    const entry = cache.get(roomId)
    const before = await memberBucket(member.accountId)
    await invalidateChatAccount(deps, member.accountId)
    const commands = await commandsDuring(deps.redis, () => send(member, roomId, 'after a change elsewhere', cache))
    // The script found the tokens changed and recorded nothing; the reload read them; the second script recorded it.
    expect(commands.map((c) => c.name)).toEqual(['evalsha', 'mget', 'evalsha', 'evalsha'])
    expect(await memberBucket(member.accountId)).toBe(before + 1)
    expect(cache.get(roomId)).not.toBe(entry)
    const [{ count }] = await deps.sql<{ count: number }[]>`
      select count(*)::int as count from messages where room_id = ${roomId} and body = 'after a change elsewhere'`
    expect(count).toBe(1)
  })

  it('changed since the entry was made: a room locked elsewhere refuses the very next send, nothing stored', async () => {
    const roomId = await roomIdOf(deps, 'parenting')
    const member = await chatMember(deps, 'parenting')
    const cache = createSendCache()
    await send(member, roomId, 'the first message makes the entry', cache)
    await deps.sql`update rooms set locked = true where id = ${roomId}`
    await invalidateChatRoom(deps, roomId)
    try {
      await expect(send(member, roomId, 'into a locked room', cache)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      const [{ count }] = await deps.sql<{ count: number }[]>`
        select count(*)::int as count from messages where room_id = ${roomId} and body = 'into a locked room'`
      expect(count).toBe(0)
    } finally {
      await deps.sql`update rooms set locked = false where id = ${roomId}`
      await invalidateChatRoom(deps, roomId)
    }
  })

  it('a refusal by an entry not checked yet is asked again once the entry is reloaded: unlocked elsewhere, it sends', async () => {
    const roomId = await roomIdOf(deps, 'loneliness')
    const member = await chatMember(deps, 'loneliness')
    const cache = createSendCache()
    await deps.sql`update rooms set locked = true where id = ${roomId}`
    await invalidateChatRoom(deps, roomId)
    // The entry is made while the room is locked, and kept.
    await expect(send(member, roomId, 'while locked', cache)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(cache.get(roomId)?.room.locked).toBe(true)
    // Still locked and unchanged: the refusal stands after one read of the tokens.
    const unchanged = await commandsDuring(deps.redis, () =>
      send(member, roomId, 'still locked', cache).catch((error: unknown) => error),
    )
    expect(unchanged.map((c) => c.name)).toEqual(['mget'])

    await deps.sql`update rooms set locked = false where id = ${roomId}`
    await invalidateChatRoom(deps, roomId)
    const sent = await send(member, roomId, 'unlocked elsewhere', cache)
    expect(sent.body).toBe('unlocked elsewhere')
    expect(cache.get(roomId)?.room.locked).toBe(false)
  })
})
