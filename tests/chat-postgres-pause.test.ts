/**
 * A chat send while PostgreSQL is paused (issue 17.2, decision 025), against real processes: a server process on a
 * PostgreSQL of its own, which the test pauses (SIGSTOP: connections open, nothing answers). The send answers
 * UNAVAILABLE while PostgreSQL is still stopped; when it resumes, the abandoned send does not go on to store the
 * message; the member's resend with the same client id is stored once.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { postmasterState, signalPostgres as signalPostgresAt } from './support/postgres-signals.js'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type RunningService } from '../scripts/local-services.js'
import { createSql, type Sql } from '../db/client.js'
import { migrate } from '../db/migrate.js'
import { createTestDeps, type TestDeps } from './support/deps.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from './support/chat.js'

const dataDir = path.resolve('.data/test', `chat-pg-${process.pid}-${randomBytes(3).toString('hex')}`)
/** The child's port is known only once it listens: its sockets come from this allowed origin instead. */
const SOCKET_ORIGIN = 'http://holdspace.test'
let deps: TestDeps
let pg: RunningService
let sql: Sql
let own: TestDeps
let server: ChildProcess
let member: ChatTestMember
let roomId: string
const clients: ChatClient[] = []

const signalPostgres = (signal: NodeJS.Signals) => signalPostgresAt(pg.url, signal)

const storedWithClientId = async (clientId: string) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from messages where client_id = ${clientId}`)[0]!.n

beforeAll(async () => {
  deps = await createTestDeps()
  pg = await startEmbeddedPostgres({ dataDir, database: 'holdspace', fast: true })
  sql = createSql(pg.url, { max: 4 })
  await migrate(sql)
  own = { ...deps, sql }
  await createSeedRooms(own)
  roomId = await roomIdOf(own, 'anxiety')
  member = await chatMember(own, 'anxiety')
  const c = deps.config
  server = spawn(process.execPath, ['--import', 'tsx', 'tests/support/server-child.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: pg.url,
      REDIS_URL: c.REDIS_URL,
      REDIS_PREFIX: c.REDIS_PREFIX,
      ALLOWED_ORIGINS: SOCKET_ORIGIN,
      SESSION_SECRET: c.SESSION_SECRET,
      ENCRYPTION_KEY: c.ENCRYPTION_KEY,
      SMTP_URL: c.SMTP_URL,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    createInterface({ input: server.stdout! }).once('line', (line) =>
      resolve((JSON.parse(line) as { port: number }).port),
    )
  })
  const client = await ChatClient.connect(`http://127.0.0.1:${port}`, member.cookie, SOCKET_ORIGIN)
  clients.push(client)
}, 120_000)

afterAll(async () => {
  clients.forEach((c) => c.close())
  server?.kill('SIGKILL')
  try {
    signalPostgres('SIGCONT')
  } catch {
    /* already stopped */
  }
  await sql?.end({ timeout: 1 }).catch(() => {})
  await pg?.stop().catch(() => {})
  await deps?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a chat send while PostgreSQL is paused', { timeout: 120_000 }, () => {
  it('answers UNAVAILABLE while PostgreSQL is still stopped, stores nothing when it resumes, and the resend is stored once', async () => {
    const a = clients[0]!
    await a.join(roomId)
    expect((await a.send(roomId, 'Before the pause')).ok).toBe(true)

    signalPostgres('SIGSTOP')
    const clientId = randomUUID()
    const started = performance.now()
    const reply = await a.send(roomId, 'Sent while PostgreSQL was paused', clientId)
    const ms = Math.round(performance.now() - started)
    expect(postmasterState(pg.url)).toBe('T')
    expect(reply.ok ? 'stored' : reply.error.code).toBe('UNAVAILABLE')
    console.info(`message:send with PostgreSQL paused answered UNAVAILABLE in ${ms} ms`)

    signalPostgres('SIGCONT')
    // The database answers again (a new send is stored); the abandoned one went no further.
    await expect
      .poll(async () => (await a.send(roomId, 'After the pause')).ok, { timeout: 20_000, interval: 200 })
      .toBe(true)
    expect(await storedWithClientId(clientId)).toBe(0)

    const resent = await a.send(roomId, 'Sent while PostgreSQL was paused', clientId)
    expect(resent.ok).toBe(true)
    expect((await a.send(roomId, 'Sent while PostgreSQL was paused', clientId)).ok).toBe(true)
    expect(await storedWithClientId(clientId)).toBe(1)
  })
})
