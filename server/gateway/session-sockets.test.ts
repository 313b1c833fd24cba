/**
 * The socket cap per session (issue 17.7), with real Socket.IO clients against two server processes sharing one
 * Redis: an in-process server and a real child process that is killed with SIGKILL. One sign-in may hold at most
 * SOCKETS_PER_SESSION sockets across both; one more is refused with the coded connect_error TOO_MANY_CONNECTIONS;
 * a closed socket frees its place, and so does a dead server's once its leases run out. Renewals are spread over
 * the period (decision 062): each session has its own turn, and every socket is still renewed within its lease.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../core/config/config.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { startTestServer } from '../../tests/support/http.js'
import { chatMember, createSeedRooms } from '../../tests/support/chat.js'
import { openSocket, waitForDisconnect, type TestSocket } from '../../tests/support/sockets.js'
import { RenewalSlots } from './session-sockets.js'

const ORIGIN = 'http://sockets.test'
const CAP = 4
const LEASE_SECONDS = 2

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>> = []
let child: ChildProcess | undefined
const sockets: TestSocket[] = []

async function startChildServer(): Promise<{ process: ChildProcess; baseUrl: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'tests/support/server-child.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: deps.databaseUrl,
      REDIS_URL: deps.config.REDIS_URL,
      REDIS_PREFIX: deps.config.REDIS_PREFIX,
      SESSION_SECRET: deps.config.SESSION_SECRET,
      ENCRYPTION_KEY: deps.config.ENCRYPTION_KEY,
      SMTP_URL: deps.config.SMTP_URL,
      ALLOWED_ORIGINS: ORIGIN,
      PRESENCE_TTL_SECONDS: String(LEASE_SECONDS),
      SOCKETS_PER_SESSION: String(CAP),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`child server exited with ${code}`)))
    createInterface({ input: proc.stdout! }).once('line', (line) =>
      resolve((JSON.parse(line) as { port: number }).port),
    )
  })
  return { process: proc, baseUrl: `http://127.0.0.1:${port}` }
}

beforeAll(async () => {
  deps = await createTestDeps({
    SOCKETS_PER_SESSION: String(CAP),
    PRESENCE_TTL_SECONDS: String(LEASE_SECONDS),
    ALLOWED_ORIGINS: ORIGIN,
  })
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
})
afterAll(async () => {
  sockets.forEach((s) => s.disconnect())
  child?.kill('SIGKILL')
  for (const s of servers) await s.close()
  await deps?.close()
})

/** Opens a socket; resolves with 'connected' or the refusal's code (connect_error data), and the socket. */
function attempt(baseUrl: string, cookie: string): Promise<{ outcome: string; socket: TestSocket }> {
  const socket = openSocket(baseUrl, { cookie, origin: ORIGIN })
  sockets.push(socket)
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ outcome: 'connected', socket }))
    socket.once('connect_error', (err) => {
      const code = (err as Error & { data?: { code?: string } }).data?.code
      resolve({ outcome: code ? `${err.message}/${code}` : err.message, socket })
    })
  })
}

describe('sockets per session', () => {
  it('defaults to 20', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://x/y',
      REDIS_URL: 'redis://x',
      SESSION_SECRET: 'x'.repeat(32),
      ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    })
    expect(config.SOCKETS_PER_SESSION).toBe(20)
  })

  it('admits the cap across two servers, refuses one more with a code, and frees a place when a socket closes', async () => {
    const member = await chatMember(deps, 'anxiety')
    const other = await chatMember(deps, 'anxiety')
    const open: TestSocket[] = []
    for (let n = 0; n < CAP; n++) {
      const { outcome, socket } = await attempt(servers[n % 2]!.baseUrl, member.cookie)
      expect(outcome).toBe('connected')
      open.push(socket)
    }
    // One more, on either server, is refused with a coded connect_error; nothing of it stays open.
    for (const server of servers)
      expect((await attempt(server.baseUrl, member.cookie)).outcome).toBe('TOO_MANY_CONNECTIONS/TOO_MANY_CONNECTIONS')
    // Many more attempts change nothing.
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, n) => attempt(servers[n % 2]!.baseUrl, member.cookie)),
    )
    expect(burst.filter((b) => b.outcome === 'connected')).toHaveLength(0)
    // Another sign-in is not affected.
    expect((await attempt(servers[1]!.baseUrl, other.cookie)).outcome).toBe('connected')

    // Closing one socket frees its place (the server removes it on disconnect).
    open[0]!.disconnect()
    await expect
      .poll(
        async () => {
          const { outcome, socket } = await attempt(servers[1]!.baseUrl, member.cookie)
          if (outcome === 'connected') open.push(socket)
          return outcome
        },
        { timeout: 10_000 },
      )
      .toBe('connected')
    expect((await attempt(servers[0]!.baseUrl, member.cookie)).outcome).toBe(
      'TOO_MANY_CONNECTIONS/TOO_MANY_CONNECTIONS',
    )
    // Leases are renewed: long after a lease would have run out, the open sockets still count.
    const key = `${deps.config.REDIS_PREFIX}:sockets:session:${member.sessionId}`
    const firstScores = await deps.redis.zrange(key, 0, -1, 'WITHSCORES')
    await expect
      .poll(
        async () => JSON.stringify(await deps.redis.zrange(key, 0, -1, 'WITHSCORES')) !== JSON.stringify(firstScores),
        { timeout: 10_000 },
      )
      .toBe(true)
    expect(await deps.redis.zcard(key)).toBe(CAP)
    expect((await attempt(servers[0]!.baseUrl, member.cookie)).outcome).toBe(
      'TOO_MANY_CONNECTIONS/TOO_MANY_CONNECTIONS',
    )
  })

  it("a killed server's sockets stop counting once their leases run out, so the session is not locked out", async () => {
    const member = await chatMember(deps, 'grief')
    const started = await startChildServer()
    child = started.process
    // One socket on the surviving server keeps renewing the session's count; the rest are on the child.
    expect((await attempt(servers[0]!.baseUrl, member.cookie)).outcome).toBe('connected')
    const onChild: TestSocket[] = []
    for (let n = 0; n < CAP - 1; n++) {
      const { outcome, socket } = await attempt(started.baseUrl, member.cookie)
      expect(outcome).toBe('connected')
      onChild.push(socket)
    }
    expect((await attempt(servers[0]!.baseUrl, member.cookie)).outcome).toBe(
      'TOO_MANY_CONNECTIONS/TOO_MANY_CONNECTIONS',
    )

    // SIGKILL: no disconnect handler, no cleanup runs on the dead server.
    const gone = Promise.all(onChild.map((s) => waitForDisconnect(s, 10_000)))
    child.kill('SIGKILL')
    await gone
    await expect
      .poll(async () => (await attempt(servers[0]!.baseUrl, member.cookie)).outcome, { timeout: 15_000, interval: 500 })
      .toBe('connected')
  })
})

describe('lease renewals spread over the period (decision 062)', () => {
  it('gives every session one turn per round, new sessions to the emptiest turns, and none after it left', () => {
    const slots = new RenewalSlots(8)
    const sessions = Array.from({ length: 30 }, (_, n) => `session-${n}`)
    sessions.forEach((id) => slots.add(id))
    slots.add('session-0') // a second socket of a session keeps its turn
    const round = () => Array.from({ length: slots.size }, () => [...slots.next()])
    const first = round()
    // Each session exactly once per round, and no turn carries more than its share (30 over 8: at most 4).
    expect(first.flat().sort()).toEqual([...sessions].sort())
    expect(Math.max(...first.map((turn) => turn.length))).toBe(4)
    // The same turns come round again, in the same order.
    expect(round()).toEqual(first)
    // Sessions that left are renewed no more; sessions that arrive fill the turns they left.
    const leaving = first[0]!
    leaving.forEach((id) => slots.delete(id))
    leaving.forEach((_, n) => slots.add(`late-${n}`))
    const after = round()
    for (const id of leaving) expect(after.flat()).not.toContain(id)
    expect(after.flat()).toHaveLength(30)
    expect(Math.max(...after.map((turn) => turn.length))).toBe(4)
  })

  it('renews every socket of many sessions before its lease runs out', async () => {
    const members = await Promise.all(Array.from({ length: 12 }, () => chatMember(deps, 'anxiety')))
    for (const [n, member] of members.entries())
      expect((await attempt(servers[n % 2]!.baseUrl, member.cookie)).outcome).toBe('connected')
    const keys = members.map((m) => `${deps.config.REDIS_PREFIX}:sockets:session:${m.sessionId}`)
    const leaseEnd = async (key: string) => Number((await deps.redis.zrange(key, 0, -1, 'WITHSCORES'))[1] ?? 0)
    const firstEnds = await Promise.all(keys.map(leaseEnd))
    expect(firstEnds.every((end) => end > 0)).toBe(true)
    const redisNow = async () => {
      const [seconds, micros] = await deps.redis.time()
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)
    }
    // Wait until every first lease has run out on Redis' clock: then only renewals keep the sockets counted.
    const lastFirstEnd = Math.max(...firstEnds)
    await expect.poll(redisNow, { timeout: 20_000, interval: 200 }).toBeGreaterThan(lastFirstEnd)
    const now = await redisNow()
    for (const key of keys) {
      expect(await deps.redis.zcard(key)).toBe(1)
      expect(await leaseEnd(key)).toBeGreaterThan(now)
    }
  })
})
