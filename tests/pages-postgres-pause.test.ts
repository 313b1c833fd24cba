/**
 * Signed-in pages and socket requests while PostgreSQL does not answer (issue 17, decision 025), against real
 * processes: a server process on a PostgreSQL of its own. Every page answers the 503 "temporarily unavailable" page
 * in the reader's language, with the crisis lines and Retry-After, while PostgreSQL is paused (SIGSTOP) or while one
 * table a loader reads is locked (the session lookup answers; the page deadline catches the loader); socket requests
 * answer UNAVAILABLE. When PostgreSQL answers again, the same pages and requests work.
 */
import { randomBytes } from 'node:crypto'
import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type RunningService } from '../scripts/local-services.js'
import { createSql, type Sql } from '../db/client.js'
import { migrate } from '../db/migrate.js'
import { translate } from '../app/i18n/i18n.js'
import { postmasterState, signalPostgres as signalPostgresAt } from './support/postgres-signals.js'
import { childEnv, startTsxProcess } from './support/processes.js'
import { createTestDeps, type TestDeps } from './support/deps.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from './support/chat.js'
import { createAccount, type TestAccount } from './support/crisis-fixtures.js'
import { closeBrowser, launchBrowser, newUser, signInWith, type UserSession } from './support/browser.js'

const dataDir = path.resolve('.data/test', `pages-pg-${process.pid}-${randomBytes(3).toString('hex')}`)
/** The child's port is known only once it listens: the socket client comes from this allowed origin instead. */
const SOCKET_ORIGIN = 'http://holdspace.test'
let deps: TestDeps
let pg: RunningService
let sql: Sql
let server: ChildProcess
let baseUrl: string
let browser: Browser
let member: ChatTestMember
let facilitator: TestAccount
let clinician: TestAccount
let roomId: string
let socket: ChatClient
const users: UserSession[] = []

const signalPostgres = (signal: NodeJS.Signals) => signalPostgresAt(pg.url, signal)
const tokenOf = (cookie: string) => cookie.slice('hs_session='.length)

/** A person in Chromium (a phone, the given language) signed in with `cookie`. */
async function personIn(locale: 'en-GB' | 'pl-PL', cookie: string): Promise<Page> {
  const user = await newUser(browser, { baseURL: baseUrl, locale })
  users.push(user)
  await signInWith(user, baseUrl, tokenOf(cookie))
  return user.page
}

/** What a page shows and answers: its status, Retry-After, first heading, and the crisis card's text if any. */
async function visit(page: Page, path: string) {
  const response = await page.goto(path, { timeout: 30_000 })
  const card = page.getByTestId('crisis-card')
  return {
    status: response!.status(),
    retryAfter: (await response!.allHeaders())['retry-after'] ?? null,
    heading: (await page.getByRole('heading', { level: 1 }).first().textContent())?.trim(),
    card: (await card.count()) > 0 ? await card.textContent() : null,
  }
}

beforeAll(async () => {
  deps = await createTestDeps()
  pg = await startEmbeddedPostgres({ dataDir, database: 'holdspace', fast: true })
  sql = createSql(pg.url, { max: 4 })
  await migrate(sql)
  const own = { ...deps, sql }
  await createSeedRooms(own)
  roomId = await roomIdOf(own, 'anxiety')
  member = await chatMember(own, 'anxiety')
  facilitator = await createAccount(own, 'facilitator')
  clinician = await createAccount(own, 'clinician')
  const started = startTsxProcess(
    'tests/support/server-child.ts',
    childEnv(deps, { DATABASE_URL: pg.url, ALLOWED_ORIGINS: SOCKET_ORIGIN, LOG_LEVEL: 'silent' }),
  )
  server = started.child
  const port = await new Promise<number>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${started.output()}`)))
    server.stdout!.on('data', () => {
      const line = started
        .output()
        .split('\n')
        .find((l) => l.startsWith('{"port"'))
      if (line) resolve((JSON.parse(line) as { port: number }).port)
    })
  })
  baseUrl = `http://127.0.0.1:${port}`
  socket = await ChatClient.connect(baseUrl, member.cookie, SOCKET_ORIGIN)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  socket?.close()
  for (const user of users) await user.close().catch(() => {})
  await closeBrowser(browser)
  try {
    signalPostgres('SIGCONT')
  } catch {
    /* already stopped */
  }
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGKILL')
    } catch {
      /* already gone */
    }
  }
  await sql?.end({ timeout: 1 }).catch(() => {})
  await pg?.stop().catch(() => {})
  await deps?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const en = (key: Parameters<typeof translate>[1]) => translate('en', key)
const pl = (key: Parameters<typeof translate>[1]) => translate('pl', key)

describe('signed-in pages and socket requests while PostgreSQL does not answer', { timeout: 240_000 }, () => {
  it('a loader stuck on a locked table answers the 503 page with the crisis lines; the page works once the lock is gone', async () => {
    const page = await personIn('en-GB', member.cookie)
    // A room's own page reads its room on every request (the topic list is kept 5 s and would not wait on the lock).
    expect((await visit(page, '/rooms/anxiety')).status).toBe(200)

    // The session lookup answers (sessions are not locked); the room's page waits on the lock for as long as it lasts.
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const holder = sql.begin(async (tx) => {
      await tx`lock table rooms in access exclusive mode`
      locked()
      await released
    })
    await isLocked
    try {
      const stuck = await visit(page, '/rooms/anxiety')
      expect(stuck).toMatchObject({ status: 503, retryAfter: '30', heading: en('error.UNAVAILABLE.title') })
      expect(stuck.card).toContain('Samaritans')
    } finally {
      release()
      await holder
    }
    await expect.poll(async () => (await visit(page, '/rooms/anxiety')).status, { timeout: 30_000 }).toBe(200)
  })

  it("with PostgreSQL paused every signed-in page answers the 503 page in the reader's language, socket requests answer UNAVAILABLE; all work again after", async () => {
    const memberPage = await personIn('en-GB', member.cookie)
    const polishPage = await personIn('pl-PL', member.cookie)
    const facilitatorPage = await personIn('en-GB', facilitator.cookie)
    const clinicianPage = await personIn('en-GB', clinician.cookie)
    const pages: [Page, string][] = [
      [memberPage, '/rooms'],
      [memberPage, '/rooms/anxiety'],
      [memberPage, '/groups'],
      [memberPage, '/messages'],
      [memberPage, '/care'],
      [memberPage, '/account'],
      [facilitatorPage, '/moderation'],
      [clinicianPage, '/console'],
    ]
    const joined = await socket.join(roomId)
    for (const [page, address] of pages) expect([address, (await visit(page, address)).status]).toEqual([address, 200])

    signalPostgres('SIGSTOP')
    try {
      for (const [page, address] of pages) {
        const seen = await visit(page, address)
        expect({ address, ...seen, card: seen.card?.includes('Samaritans') }).toEqual({
          address,
          status: 503,
          retryAfter: '30',
          heading: en('error.UNAVAILABLE.title'),
          card: true,
        })
      }
      const polish = await visit(polishPage, '/care')
      expect(polish).toMatchObject({ status: 503, retryAfter: '30', heading: pl('error.UNAVAILABLE.title') })
      expect(polish.card).toContain(pl('crisis.card.title'))
      expect(await polishPage.textContent('body')).toContain(pl('error.UNAVAILABLE.help'))

      // Socket requests other than a send answer too, instead of waiting for the database.
      const join = await socket.request('room:join', { roomId })
      const history = await socket.request('message:history', {
        roomId,
        beforeSeq: joined.messages.at(-1)?.seq ?? 1,
        limit: 20,
      })
      const moderation = await socket.request('moderation:status', { roomId })
      expect(postmasterState(pg.url)).toBe('T')
      expect([join, history, moderation].map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
        'UNAVAILABLE',
        'UNAVAILABLE',
        'UNAVAILABLE',
      ])
    } finally {
      signalPostgres('SIGCONT')
    }

    for (const [page, address] of pages) {
      await expect.poll(async () => (await visit(page, address)).status, { timeout: 30_000 }).toBe(200)
    }
    await expect.poll(async () => (await socket.request('room:join', { roomId })).ok, { timeout: 30_000 }).toBe(true)
  })
})
