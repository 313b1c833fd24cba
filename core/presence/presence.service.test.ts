import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createSeedRooms } from '../../tests/support/chat.js'
import { listRooms } from '../rooms/rooms.queries.js'
import { createPresenceStore } from './presence.store.js'
import { roomListActivity } from './presence.service.js'

let deps: TestDeps
let monitor: Redis

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
})
afterAll(async () => {
  monitor?.disconnect()
  await deps.close()
})

describe('the room list counts', () => {
  it('come from one Redis call for every room, counting only members held by a live server', async () => {
    const rooms = await listRooms(deps.sql)
    expect(rooms.length).toBeGreaterThan(2)
    const store = createPresenceStore(deps.redis, deps.config.REDIS_PREFIX)
    const [first, second] = [rooms[0]!.id, rooms[1]!.id]
    await store.heartbeat('live', 60)
    await store.add('live', first, randomUUID())
    await store.add('live', first, randomUUID())
    await store.add('live', second, randomUUID())
    // A server that stopped renewing its heartbeat: its member is not counted.
    await store.add('gone', second, randomUUID())

    // The first call loads the script into Redis (NOSCRIPT, then EVAL); what is measured is every later page.
    await roomListActivity(
      deps,
      rooms.map((r) => r.id),
    )
    // Every command naming this test's key prefix, as Redis receives it.
    monitor = await deps.redis.duplicate().monitor()
    const seen: string[] = []
    let marker = false
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.includes(`${deps.config.REDIS_PREFIX}:marker`)) marker = true
      else if (args.includes(deps.config.REDIS_PREFIX)) seen.push(args[0]!.toLowerCase())
    })
    const activity = await roomListActivity(
      deps,
      rooms.map((r) => r.id),
    )
    // Redis answers in order: once the marker is seen, every command of the call above has been seen too.
    await deps.redis.get(`${deps.config.REDIS_PREFIX}:marker`)
    await expect.poll(() => marker).toBe(true)

    expect(activity.map((a) => a.count)).toEqual(rooms.map((r) => (r.id === first ? 2 : r.id === second ? 1 : 0)))
    expect(activity.every((a) => a.facilitatorHere === false)).toBe(true)
    expect(seen).toEqual(['evalsha'])
  })
})
