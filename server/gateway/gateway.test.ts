import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { startTestServer } from '../../tests/support/http.js'
import { connectOutcome, openSocket, waitForDisconnect, type TestSocket } from '../../tests/support/sockets.js'
import { signOut, signUp } from '../../core/identity/identity.service.js'
import { MAX_SOCKET_PAYLOAD_BYTES } from '../../core/contracts/socket-events.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>
const sockets: TestSocket[] = []
let ip = 0

beforeAll(async () => {
  deps = await createTestDeps()
  // Two server processes' worth of gateways sharing one Redis.
  servers = [await startTestServer(deps), await startTestServer(deps)]
  // Both listen on their own port; allow each one's origin.
})
afterAll(async () => {
  sockets.forEach((s) => s.disconnect())
  for (const s of servers) await s.close()
  await deps.close()
})

async function member() {
  const created = await signUp(deps, {
    kind: 'anonymous',
    password: 'a long secret phrase',
    consent: true,
    locale: 'en',
    ip: `10.1.0.${++ip}`,
  })
  return { ...created, cookie: `hs_session=${created.sessionToken}` }
}
function track(socket: TestSocket) {
  sockets.push(socket)
  return socket
}

describe('socket handshake', () => {
  it('refuses a connection without a session', async () => {
    expect(await connectOutcome(track(openSocket(servers[0]!.baseUrl)))).toBe('UNAUTHENTICATED')
  })

  it('refuses a forged or revoked session cookie', async () => {
    const forged = track(openSocket(servers[0]!.baseUrl, { cookie: 'hs_session=' + 'A'.repeat(43) }))
    expect(await connectOutcome(forged)).toBe('UNAUTHENTICATED')
    const m = await member()
    await signOut(deps, m.sessionId)
    expect(await connectOutcome(track(openSocket(servers[0]!.baseUrl, { cookie: m.cookie })))).toBe('UNAUTHENTICATED')
  })

  it('refuses a disallowed Origin even with a valid session', async () => {
    const m = await member()
    const socket = track(openSocket(servers[0]!.baseUrl, { cookie: m.cookie, origin: 'https://evil.example' }))
    expect(await connectOutcome(socket)).not.toBe('connected')
  })

  it('accepts a valid session from an allowed Origin and answers with a typed ack', async () => {
    const m = await member()
    const socket = track(openSocket(servers[0]!.baseUrl, { cookie: m.cookie }))
    expect(await connectOutcome(socket)).toBe('connected')
    expect(await socket.emitWithAck('session:get', {})).toEqual({ ok: true, data: { role: 'member', locale: 'en' } })
  })
})

describe('requests', () => {
  it('answers malformed payloads with VALIDATION_FAILED and no internal detail', async () => {
    const m = await member()
    const socket = track(openSocket(servers[0]!.baseUrl, { cookie: m.cookie }))
    await connectOutcome(socket)
    for (const bad of [null, 'text', 42, [], { extra: true }, JSON.parse('{"__proto__": {"polluted": 1}}')]) {
      const reply = await (socket.emitWithAck as (e: string, p: unknown) => Promise<unknown>)('session:get', bad)
      expect(reply).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.any(String) } })
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('closes a connection that sends more than the payload cap', async () => {
    const m = await member()
    const socket = track(openSocket(servers[0]!.baseUrl, { cookie: m.cookie }))
    await connectOutcome(socket)
    const gone = waitForDisconnect(socket)
    socket.emit('session:get', { blob: 'x'.repeat(MAX_SOCKET_PAYLOAD_BYTES + 10) } as never, () => {})
    expect(await gone).toMatch(/transport close|transport error/)
  })
})

describe('session revocation', () => {
  it("sign-out closes that session's sockets on every server process, and only them", async () => {
    const m = await member()
    const other = await member()
    const a = track(openSocket(servers[0]!.baseUrl, { cookie: m.cookie }))
    const b = track(openSocket(servers[1]!.baseUrl, { cookie: m.cookie }))
    const bystander = track(openSocket(servers[1]!.baseUrl, { cookie: other.cookie }))
    await Promise.all([connectOutcome(a), connectOutcome(b), connectOutcome(bystander)])
    const closed = Promise.all([waitForDisconnect(a), waitForDisconnect(b)])
    await signOut(deps, m.sessionId)
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect'])
    expect(bystander.connected).toBe(true)
  })

  it('an idle-expired session closes its socket at the next event', async () => {
    const m = await member()
    const socket = track(openSocket(servers[0]!.baseUrl, { cookie: m.cookie }))
    await connectOutcome(socket)
    const ended = new Promise((resolve) => socket.once('session:ended', resolve))
    const gone = waitForDisconnect(socket)
    deps.setNow(new Date(Date.now() + 31 * 60_000))
    try {
      // The gateway re-checks the session about once a minute per socket; make this socket due.
      for (const server of servers) {
        for (const s of server.app.io.of('/').sockets.values()) s.data.recheckAt = 0
      }
      socket.emit('session:get', {}, () => {})
      expect(await ended).toEqual({ reason: 'expired' })
      expect(await gone).toBe('io server disconnect')
    } finally {
      deps.setNow(null)
    }
  })
})
