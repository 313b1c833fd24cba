/**
 * Chat and sign-in while Redis is unavailable (issue 17.2, decision 025), against real processes: a server process
 * (tests/support/server-child.ts) on a redis-server of its own, which the test pauses (SIGSTOP: the connection stays
 * open and nothing answers) and later kills (SIGKILL). A send answers UNAVAILABLE while Redis is still stopped and is
 * never stored later; sign-in answers the "temporarily unavailable" page; once Redis is back, the member's resend with
 * the same client id is stored exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedis } from '../scripts/local-services.js'
import type { ChatMessage } from '../core/contracts/socket-events.chat.js'
import type { Ack } from '../core/contracts/socket-events.js'
import { createTestDeps, type TestDeps } from './support/deps.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from './support/chat.js'
import { HttpClient } from './support/http.js'

const dataDir = path.resolve('.data/test', `chat-redis-${process.pid}-${randomBytes(3).toString('hex')}`)
let deps: TestDeps
let redis: Awaited<ReturnType<typeof startRedis>>
let server: ChildProcess
let baseUrl: string
let roomId: string
let ann: ChatTestMember
let bo: ChatTestMember
const clients: ChatClient[] = []
/** The child's port is known only once it listens: its sockets come from this allowed origin instead. */
const SOCKET_ORIGIN = 'http://holdspace.test'

/** The server process (the real app on port 0) on this test's own redis-server and the suite's PostgreSQL. */
async function startServer(): Promise<{ process: ChildProcess; baseUrl: string }> {
  const c = deps.config
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/server-child.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: deps.databaseUrl,
      REDIS_URL: redis.url,
      REDIS_PREFIX: c.REDIS_PREFIX,
      ALLOWED_ORIGINS: SOCKET_ORIGIN,
      SESSION_SECRET: c.SESSION_SECRET,
      ENCRYPTION_KEY: c.ENCRYPTION_KEY,
      SMTP_URL: c.SMTP_URL,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve((JSON.parse(line) as { port: number }).port),
    )
  })
  return { process: child, baseUrl: `http://127.0.0.1:${port}` }
}

/** The kernel's state letter of the redis-server: 'T' while stopped by SIGSTOP. */
const redisState = () =>
  readFileSync(`/proc/${redis.process.pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')[0]

const storedWithClientId = async (clientId: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where client_id = ${clientId}`)[0]!.n

/** What a peer received live with this text (message:created). */
const peerSaw = (client: ChatClient, body: string) =>
  client.received.some((r) => r.event === 'message:created' && (r.payload as ChatMessage).body === body)

async function signInPage(language: 'en' | 'pl') {
  const browser = new HttpClient(baseUrl)
  browser.cookies.set('hs_lang', language)
  // The form's page first (it needs no Redis): the CSRF cookie, as a browser would have it.
  await browser.get('/signin')
  const response = await browser.post('/signin', {
    login: ann.username,
    password: 'a long secret phrase',
    next: '/rooms',
  })
  return { status: response.status, html: await response.text(), session: browser.cookies.has('hs_session') }
}

function expectUnavailable(reply: Ack<ChatMessage>) {
  expect(reply.ok).toBe(false)
  if (!reply.ok) expect(reply.error.code).toBe('UNAVAILABLE')
}

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  roomId = await roomIdOf(deps, 'anxiety')
  ann = await chatMember(deps, 'anxiety')
  bo = await chatMember(deps, 'anxiety')
  redis = await startRedis({ dataDir, persist: false })
  const started = await startServer()
  server = started.process
  baseUrl = started.baseUrl
}, 120_000)

afterAll(async () => {
  clients.forEach((c) => c.close())
  server?.kill('SIGKILL')
  try {
    process.kill(redis.process.pid!, 'SIGCONT')
  } catch {
    /* already gone */
  }
  await redis?.stop().catch(() => {})
  await deps?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('chat and sign-in while Redis is unavailable', { timeout: 120_000 }, () => {
  it('paused: a send answers UNAVAILABLE while Redis is still stopped, is never stored later, and the resend is stored once', async () => {
    const a = await ChatClient.connect(baseUrl, ann.cookie, SOCKET_ORIGIN)
    const b = await ChatClient.connect(baseUrl, bo.cookie, SOCKET_ORIGIN)
    clients.push(a, b)
    await a.join(roomId)
    await b.join(roomId)
    const healthy = await a.send(roomId, 'Before the pause')
    expect(healthy.ok).toBe(true)
    await b.until(() => peerSaw(b, 'Before the pause'), 10_000, 'the healthy message')

    process.kill(redis.process.pid!, 'SIGSTOP')
    const clientId = randomUUID()
    const started = performance.now()
    const reply = await a.send(roomId, 'Sent while Redis was paused', clientId)
    const ms = Math.round(performance.now() - started)
    // The answer came while Redis is still stopped: the send gave up on it instead of waiting.
    expect(redisState()).toBe('T')
    expectUnavailable(reply)
    console.info(`message:send with Redis paused answered UNAVAILABLE in ${ms} ms`)
    expect(await storedWithClientId(clientId)).toBe(0)

    // Sign-in during the outage: the unavailable page, in the member's language, with the way to help.
    const english = await signInPage('en')
    expect(redisState()).toBe('T')
    expect(english.status).toBe(503)
    expect(english.session).toBe(false)
    expect(english.html).toContain('Holdspace is temporarily unavailable')
    expect(english.html).toContain('href="/help"')
    expect(english.html).toContain('I need help now')
    const polish = await signInPage('pl')
    expect(polish.status).toBe(503)
    expect(polish.html).toContain('Holdspace jest chwilowo niedostępny')

    process.kill(redis.process.pid!, 'SIGCONT')
    // Redis answers again (a send goes through); what it had queued from the abandoned send stored nothing.
    await expect
      .poll(async () => (await a.send(roomId, 'After the pause')).ok, { timeout: 20_000, interval: 200 })
      .toBe(true)
    await b.until(() => peerSaw(b, 'After the pause'), 10_000, 'the message after the pause')
    expect(await storedWithClientId(clientId)).toBe(0)
    expect(peerSaw(b, 'Sent while Redis was paused')).toBe(false)

    // The member's client sends it again with the same client id: stored once, however often it is resent.
    const resent = await a.send(roomId, 'Sent while Redis was paused', clientId)
    expect(resent.ok).toBe(true)
    const again = await a.send(roomId, 'Sent while Redis was paused', clientId)
    expect(again.ok && resent.ok && again.data.id === resent.data.id).toBe(true)
    expect(await storedWithClientId(clientId)).toBe(1)
    await b.until(() => peerSaw(b, 'Sent while Redis was paused'), 10_000, 'the resent message')
  })

  it('killed: a send answers UNAVAILABLE (not INTERNAL), sign-in answers the unavailable page, and the resend is stored once when Redis returns', async () => {
    const a = await ChatClient.connect(baseUrl, ann.cookie, SOCKET_ORIGIN)
    clients.push(a)
    await a.join(roomId)

    const port = redis.port
    await redis.stop()
    const clientId = randomUUID()
    expectUnavailable(await a.send(roomId, 'Sent while Redis was down', clientId))
    expect(await storedWithClientId(clientId)).toBe(0)
    const english = await signInPage('en')
    expect(english.status).toBe(503)
    expect(english.html).toContain('Holdspace is temporarily unavailable')

    redis = await startRedis({ dataDir, persist: false, port })
    await expect
      .poll(async () => (await a.send(roomId, 'Sent while Redis was down', clientId)).ok, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(true)
    expect(await storedWithClientId(clientId)).toBe(1)
  })
})
