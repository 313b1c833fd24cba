/**
 * The bench's clients connect as a real client must (bench/connect.ts), against the real server (Express + Socket.IO
 * gateway) on this file's own database: a handshake or a join the server answers UNAVAILABLE, because a table it
 * needs is locked past the 3 s request deadline (decision 025), is tried again after a back-off and then succeeds; a
 * refusal that is an answer (UNAUTHENTICATED, a room the member is not in) is not retried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReservedSql } from 'postgres'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { startTestServer } from '../tests/support/http.js'
import { chatMember, createSeedRooms, roomIdOf } from '../tests/support/chat.js'
import { BACKOFF, backoffMs, connectAndJoin, type ConnectOutcome } from './connect.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
const outcomes: ConnectOutcome[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
})
afterAll(async () => {
  outcomes.forEach((o) => o.socket.disconnect())
  await server?.close()
  await deps?.close()
})

/** Holds `table` locked (nothing can read it) on a connection of its own until the returned release is called. */
async function lockTable(table: 'sessions' | 'room_memberships'): Promise<() => Promise<void>> {
  const connection: ReservedSql = await deps.sql.reserve()
  await connection`begin`
  await connection.unsafe(`lock table ${table} in access exclusive mode`)
  let released = false
  return async () => {
    if (released) return
    released = true
    await connection`commit`
    connection.release()
  }
}

/** Connects and joins with the table locked, releasing it when the client says it will retry `retried`. */
async function connectWhileLocked(
  table: 'sessions' | 'room_memberships',
  retried: string,
  target: { cookie: string; roomId: string },
) {
  const release = await lockTable(table)
  const seen: string[] = []
  try {
    const outcome = await connectAndJoin(
      { url: server.baseUrl, origin: server.baseUrl, ...target },
      {
        onRetry: (what) => {
          seen.push(what)
          if (what === retried) void release()
        },
      },
    )
    outcomes.push(outcome)
    return { outcome, seen }
  } finally {
    await release()
  }
}

describe('bench clients connect and join as a real client does', { timeout: 90_000 }, () => {
  it('waits 500 ms doubling to 5 s between tries, with ±50 % jitter', () => {
    expect(backoffMs(0, () => 0)).toBe(250)
    expect(backoffMs(0, () => 1)).toBe(750)
    expect(backoffMs(1, () => 0.5)).toBe(1_000)
    expect(backoffMs(3, () => 0.5)).toBe(4_000)
    expect(backoffMs(4, () => 0.5)).toBe(BACKOFF.maxMs)
    expect(backoffMs(20, () => 1)).toBe(7_500)
  })

  it('tries a handshake the server answered UNAVAILABLE again, and then connects and joins', async () => {
    const member = await chatMember(deps, 'anxiety')
    const roomId = await roomIdOf(deps, 'anxiety')
    // The handshake's session lookup cannot read the sessions table: past its deadline it answers UNAVAILABLE.
    const { outcome, seen } = await connectWhileLocked('sessions', 'handshake:UNAVAILABLE', {
      cookie: member.cookie,
      roomId,
    })
    expect(seen[0]).toBe('handshake:UNAVAILABLE')
    expect(outcome.ok).toBe(true)
    expect(outcome.retries['handshake:UNAVAILABLE']).toBeGreaterThanOrEqual(1)
    expect(outcome.socket.connected).toBe(true)
  })

  it('tries a join the server answered UNAVAILABLE again on the same socket, and then is in the room', async () => {
    const member = await chatMember(deps, 'grief')
    const roomId = await roomIdOf(deps, 'grief')
    const { outcome, seen } = await connectWhileLocked('room_memberships', 'join:UNAVAILABLE', {
      cookie: member.cookie,
      roomId,
    })
    expect(seen).toEqual(['join:UNAVAILABLE'])
    expect(outcome.ok).toBe(true)
    expect(outcome.retries).toEqual({ 'join:UNAVAILABLE': 1 })
    // Joined for real: a message from another member of the room reaches this socket.
    const other = await chatMember(deps, 'grief')
    const peer = await connectAndJoin({ url: server.baseUrl, origin: server.baseUrl, cookie: other.cookie, roomId })
    outcomes.push(peer)
    const heard = new Promise<string>((resolve) =>
      outcome.socket.on('message:created', (m: { body: string }) => resolve(m.body)),
    )
    const reply = await peer.socket.timeout(10_000).emitWithAck('message:send', {
      roomId,
      clientId: crypto.randomUUID(),
      body: 'hello from the other member',
    })
    expect(reply.ok).toBe(true)
    expect(await heard).toBe('hello from the other member')
  })

  it('does not retry an answer: an unknown session, or a room the member is not in', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const stranger = await connectAndJoin({
      url: server.baseUrl,
      origin: server.baseUrl,
      cookie: `hs_session=${'x'.repeat(43)}`,
      roomId,
    })
    outcomes.push(stranger)
    expect(stranger).toMatchObject({ ok: false, failure: 'handshake:UNAUTHENTICATED', retries: {} })

    const member = await chatMember(deps, 'anxiety')
    const elsewhere = await connectAndJoin({
      url: server.baseUrl,
      origin: server.baseUrl,
      cookie: member.cookie,
      roomId: await roomIdOf(deps, 'loneliness'),
    })
    outcomes.push(elsewhere)
    expect(elsewhere.ok).toBe(false)
    expect(elsewhere.failure).toMatch(/^join:(FORBIDDEN|NOT_FOUND|NOT_A_MEMBER)/)
    expect(elsewhere.retries).toEqual({})
  })
})
