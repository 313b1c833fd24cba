/**
 * What a crisis message's own path costs, in round trips (docs/decisions/069-crisis-send-round-trips.md and
 * 073-pipelined-begin-and-commit.md): counted with
 * real PostgreSQL and Redis, so it cannot silently grow again. A round trip is a turn of the event loop in which the
 * send put statements (or commands) on the wire: what leaves in one turn leaves in one write (postgres.js pipelines a
 * transaction's queries; the next turn's statement waited for an answer). The member's card is the first thing told
 * after COMMIT, and the room's row lock is held for as few round trips as the incident's durability allows.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { keepPoolWarm, type Sql } from '../../db/client.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { countingPool, createTurnCounter } from '../../tests/support/round-trips.js'
import { createSendCache } from '../chat/membership-cache.js'
import { sendMessage } from '../chat/send-pipeline.js'
import type { CoreDeps } from '../deps.js'
import { createRealtimePublisher, type RealtimePublisher } from '../realtime/realtime.publisher.js'

/** The bench's high-risk message (bench/scenarios/crisis.ts): imminent, so moderation holds it and opens a flag. */
const RISKY = "i can't do this anymore, i'm going to kill myself tonight"
/** High risk, no method named: shown to the room, only crisis's hook has work. */
const HIGH = 'ive been having suicidal thoughts again'

interface Sent {
  turn: number
  kind: 'pg' | 'redis' | 'emit'
  what: string
}

let deps: TestDeps
let viaCounted: CoreDeps
let pool: Sql
let redis: Redis
let sent: Sent[] | null = null
/** The turn of the event loop something was sent in. */
const currentTurn = createTurnCounter()
const record = (kind: Sent['kind'], what: string) => sent?.push({ turn: currentTurn(), kind, what })

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  // One connection: every send's statements meet a connection that has prepared them (as the warmed pool does,
  // decision 064), so a statement's first Parse/Describe round trip is not counted as the path's.
  pool = countingPool(deps.databaseUrl, (query) => record('pg', query))
  // Kept open as the server's pool is (decision 064): a send's transaction may then hold its connection with BEGIN
  // and COMMIT pipelined (decision 073).
  await keepPoolWarm(pool, async () => {})
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 3 })
  const sendCommand = redis.sendCommand.bind(redis)
  redis.sendCommand = ((command: { name: string }, stream?: never) => {
    record('redis', command.name)
    return sendCommand(command as never, stream)
  }) as typeof redis.sendCommand
  const publisher = createRealtimePublisher(redis, deps.config.REDIS_PREFIX)
  const realtime: RealtimePublisher = {
    ...publisher,
    emitToRoom: (room, event, payload) => {
      record('emit', event)
      publisher.emitToRoom(room, event, payload)
    },
  }
  viaCounted = { ...deps, sql: pool, redis, realtime }
})
afterAll(async () => {
  await pool?.end({ timeout: 1 })
  redis?.disconnect()
  await deps?.close()
})

/** A new member (so a new incident, as each of the bench's senders) sends `body` from a warm socket. */
async function traceCrisisSend(body: string, options: { again?: boolean } = {}) {
  const roomId = await roomIdOf(deps, 'low-mood')
  const member = await chatMember(deps, 'low-mood')
  const actor = { accountId: member.accountId, role: 'member' as const, locale: 'en', country: 'GB' }
  const cache = createSendCache()
  await sendMessage(viaCounted, actor, { roomId, clientId: randomUUID(), body: 'hello everyone' }, { cache })
  if (options.again) await sendMessage(viaCounted, actor, { roomId, clientId: randomUUID(), body }, { cache })
  sent = []
  currentTurn.reset()
  const ack = await sendMessage(viaCounted, actor, { roomId, clientId: randomUUID(), body }, { cache })
  const trace = sent
  sent = null
  const card = trace.findIndex((s) => s.kind === 'emit' && s.what === 'crisis:card')
  const beforeCard = trace.slice(0, card)
  const turnsOf = (list: Sent[], kind: Sent['kind']) => new Set(list.filter((s) => s.kind === kind).map((s) => s.turn))
  const seqTaken = trace.find((s) => s.kind === 'pg' && s.what.includes('update rooms set last_seq'))!.turn
  const committed = trace.find((s) => s.kind === 'pg' && /^commit/i.test(s.what))!.turn
  return {
    ack,
    trace,
    /** PostgreSQL round trips and statements from the send's arrival to the card's emit. */
    pgRoundTrips: turnsOf(beforeCard, 'pg').size,
    pgStatements: beforeCard.filter((s) => s.kind === 'pg').length,
    /** Round trips while the room's row lock is held: the one that takes it through the COMMIT. */
    roomLockRoundTrips: [...turnsOf(trace, 'pg')].filter((t) => t >= seqTaken && t <= committed).length,
    /** Redis round trips from the arrival to the card's emit. */
    redisBeforeCard: turnsOf(beforeCard, 'redis').size,
    /** The room's announcement (its script, which the ack waits for) leaves in the card's turn, with the card. */
    announcedWithCard: trace.some((s) => s.kind === 'redis' && s.what === 'evalsha' && s.turn === trace[card]!.turn),
    /** What was told after COMMIT, in order. */
    emitted: trace.filter((s) => s.kind === 'emit').map((s) => s.what),
  }
}

const show = (trace: Sent[]) => trace.map((s) => `${s.turn} ${s.kind} ${s.what.slice(0, 90)}`).join('\n')

describe("a crisis message's round trips", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    // Every shape once on the counted connection first (prepared statements), as a running server's pool has.
    for (const body of [RISKY, HIGH]) {
      await traceCrisisSend(body)
      await traceCrisisSend(body, { again: true })
    }
  })

  it('a held imminent message raising a new incident: two PostgreSQL round trips, the room locked for both', async () => {
    const cost = await traceCrisisSend(RISKY)
    const why = show(cost.trace)
    expect(cost.ack.moderation, why).toBe('held')
    expect(cost.ack.crisis?.incidentId).toEqual(expect.any(String))
    // BEGIN with the seq and the message and the raise's reads; the incident with its signal, event and page job, and
    // beside it the flag with its job, with COMMIT right behind them.
    expect(cost.pgRoundTrips, why).toBe(2)
    expect(cost.pgStatements, why).toBe(8)
    expect(cost.roomLockRoundTrips, why).toBe(2)
    // The rate limit, whose script checks the send cache's tokens too (decision 072), before; the card goes out in the
    // first turn after COMMIT.
    expect(cost.redisBeforeCard, why).toBe(1)
    expect(cost.announcedWithCard, why).toBe(true)
    expect(cost.emitted.slice(0, 3), why).toEqual(['crisis:card', 'crisis:status', 'incident:updated'])
  })

  it('a high-risk message shown to the room: two round trips, the room locked for both', async () => {
    const cost = await traceCrisisSend(HIGH)
    const why = show(cost.trace)
    expect(cost.ack.moderation, why).toBeUndefined()
    expect(cost.ack.crisis?.incidentId).toEqual(expect.any(String))
    expect(cost.pgRoundTrips, why).toBe(2)
    expect(cost.pgStatements, why).toBe(7)
    expect(cost.roomLockRoundTrips, why).toBe(2)
    expect(cost.emitted[0], why).toBe('crisis:card')
  })

  it("a member's next crisis message attaches to their open incident in as many", async () => {
    const cost = await traceCrisisSend(HIGH, { again: true })
    const why = show(cost.trace)
    expect(cost.ack.crisis?.incidentId).toEqual(expect.any(String))
    // BEGIN with the seq and message and the reads; the signal and its event with COMMIT.
    expect(cost.pgRoundTrips, why).toBe(2)
    expect(cost.pgStatements, why).toBe(8)
    expect(cost.roomLockRoundTrips, why).toBe(2)
    expect(cost.emitted[0], why).toBe('crisis:card')
  })
})
