/**
 * The send cache's prefetch (decision 071) on a real PostgreSQL and Redis: a socket's entry is made with everything
 * the steps keep in it, side by side, when the socket joins a room (`warmSendCache`) or at the first send, so the
 * member's first message reads nothing more than the later ones; a prefetched value is the one the step would read.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sql } from '../../db/client.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { countingPool, createTurnCounter } from '../../tests/support/round-trips.js'
import type { CoreDeps } from '../deps.js'
import { createSendCache } from './membership-cache.js'
import { sendMessage, warmSendCache } from './send-pipeline.js'

let deps: TestDeps
let counted: CoreDeps
let pool: Sql
let statements: string[] = []
/** The turn of the event loop each statement was sent in (a new number once the previous turn has ended). */
let turns: number[] = []
const currentTurn = createTurnCounter()

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  // The same database through a pool that records every statement it sends.
  pool = countingPool(
    deps.databaseUrl,
    (query) => {
      statements.push(query)
      turns.push(currentTurn())
    },
    4,
  )
  counted = { ...deps, sql: pool }
})
afterAll(async () => {
  await pool.end()
  await deps.close()
})

/**
 * The reads the send cache saves: the room and membership, the recent texts, the room's hours and the sanctions in
 * force (not the pool's own type lookup, or the first send's clock and announcement-counter reads, which a process
 * makes once).
 */
const KEPT_READS = [
  /^select r\.id, r\.slug/,
  /^select body from messages/,
  /^select r\.id as "roomId", r\.time_zone/,
  /^select id, room_id as "roomId", membership_id/,
]
const reads = () => statements.filter((s) => KEPT_READS.some((kept) => kept.test(s)))

describe('send cache prefetch', () => {
  it('a joined socket keeps the room, membership, recent texts, room hours and sanctions: its first send reads none of them', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const member = await chatMember(deps, 'anxiety')
    // An earlier message, so the recent texts are not empty.
    await sendMessage(deps, member, { roomId, clientId: randomUUID(), body: 'hello from before' })

    const cache = createSendCache()
    statements = []
    turns = []
    await warmSendCache(counted, cache, roomId, member.accountId)
    const entry = cache.get(roomId)!
    expect(entry).toBeDefined()
    expect([...entry.extras.keys()].sort()).toEqual(['chat:recent-texts', 'moderation:restrictions', 'room-hours'])
    await Promise.all(entry.extras.values())
    expect(await entry.extras.get('chat:recent-texts')).toEqual(['hello from before'])
    expect(reads().length).toBe(4)

    statements = []
    turns = []
    const sent = await sendMessage(
      counted,
      member,
      { roomId, clientId: randomUUID(), body: 'first message after joining' },
      { cache },
    )
    expect(sent.seq).toBeGreaterThan(0)
    // Only the message's own statement: no room, membership, sanction, hours or recent-texts read.
    expect(reads()).toEqual([])
  })

  it('at a cold first send the kept values are loaded side by side, once each', async () => {
    const roomId = await roomIdOf(deps, 'grief')
    const member = await chatMember(deps, 'grief')
    const cache = createSendCache()
    statements = []
    turns = []
    await sendMessage(counted, member, { roomId, clientId: randomUUID(), body: 'a first message, cold' }, { cache })
    // The room and membership, then the three kept values: each read once, the three in the same turn.
    expect(reads().length).toBe(4)
    const turnOf = (n: number) => turns[statements.indexOf(reads()[n]!)]
    expect(new Set([turnOf(1), turnOf(2), turnOf(3)]).size).toBe(1)
    expect(turnOf(1)).toBeGreaterThan(turnOf(0)!)
    expect([...cache.get(roomId)!.extras.keys()].sort()).toEqual([
      'chat:recent-texts',
      'moderation:restrictions',
      'room-hours',
    ])
  })

  it('keeps nothing for an account that is not a member, and answers without throwing', async () => {
    const roomId = await roomIdOf(deps, 'parenting')
    const cache = createSendCache()
    await warmSendCache(counted, cache, roomId, randomUUID())
    expect(cache.size).toBe(0)
  })
})
