/**
 * The room page recovers from UNAVAILABLE (decision 025: "the client retries"), in Chromium against the real server.
 * The test holds a table locked in a transaction of its own, so what the server reads from it waits past the 3 s
 * socket deadline and is answered UNAVAILABLE: `sessions` for the handshake's session lookup, `room_memberships` for
 * `room:join`. The server then closes the member's socket, as a restart would, and the page connects again into the
 * lock. Once the server's UNAVAILABLE has reached the page, the lock is released: the page must end up in the room by
 * itself (no reload), a message it sends reaching the other member and the other member's reaching it. Socket.IO does
 * not retry a refused handshake on its own, and a refused join was never retried before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { ReservedSql } from 'postgres'
import { signUp } from '../../core/identity/identity.service.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { createSeedRooms } from '../support/chat.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const users: UserSession[] = []
const releases: (() => Promise<void>)[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  for (const release of releases) await release().catch(() => {})
  for (const user of users) await user.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 40_000, interval: 250 })

interface Member {
  page: Page
  accountId: string
  /** Every text frame the page's sockets received, in order. */
  frames: string[]
}

let ip = 0
async function memberInRoom(slug: string): Promise<Member> {
  const user = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
  users.push(user)
  const account = await signUp(deps, {
    kind: 'anonymous',
    password: 'a long secret phrase',
    consent: true,
    locale: 'en',
    ip: `10.78.0.${++ip}`,
  })
  await enterRoom(deps, { accountId: account.accountId, role: 'member', pseudonymMode: 'ask' }, slug, {
    pseudonymChoice: 'generated',
  })
  await signInWith(user, server.baseUrl, account.sessionToken)
  const frames: string[] = []
  user.page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(String(payload))))
  await user.page.goto(`/rooms/${slug}`)
  await waitForHydration(user.page)
  await poll(() => status(user.page)).toBe('Connected')
  return { page: user.page, accountId: account.accountId, frames }
}

const status = (page: Page) => page.getByTestId('connection-status').textContent()

/** Holds `table` locked (nothing can read it) on a connection of its own until the returned release is called. */
async function lockTable(table: 'sessions' | 'room_memberships'): Promise<() => Promise<void>> {
  const connection: ReservedSql = await deps.sql.reserve()
  await connection`begin`
  await connection.unsafe(`lock table ${table} in access exclusive mode`)
  let released = false
  const release = async () => {
    if (released) return
    released = true
    await connection`commit`
    connection.release()
  }
  releases.push(release)
  return release
}

/** The server closes this member's sockets, as a restart would: the page connects again at once. */
async function dropSockets(member: Member) {
  for (const socket of await server.app.io.fetchSockets())
    if ((socket.data as { account?: { accountId: string } }).account?.accountId === member.accountId)
      socket.disconnect()
}

async function send(page: Page, text: string) {
  const composer = page.getByLabel('Write a message')
  await composer.fill(text)
  await composer.press('Enter')
  await poll(() => composer.inputValue()).toBe('')
}

/** Joined for real: what one sends reaches the other, both ways (the page is in the room's broadcast). */
async function expectTalking(member: Member, other: Member, tag: string) {
  await poll(() => status(member.page)).toBe('Connected')
  expect(await member.page.getByRole('alert').count()).toBe(0)
  await send(member.page, `From the page that came back (${tag})`)
  await poll(() => other.page.getByText(`From the page that came back (${tag})`).count()).toBe(1)
  await send(other.page, `Heard by the page that came back (${tag})`)
  await poll(() => member.page.getByText(`Heard by the page that came back (${tag})`).count()).toBe(1)
  await poll(() => member.page.getByTestId('pending-message').count()).toBe(0)
}

describe('the room page after UNAVAILABLE, in Chromium', { timeout: 150_000 }, () => {
  it('connects again after a handshake refused UNAVAILABLE, and is in the room', async () => {
    const member = await memberInRoom('anxiety')
    const other = await memberInRoom('anxiety')
    const release = await lockTable('sessions')
    try {
      const before = member.frames.length
      await dropSockets(member)
      // The server's refusal of the new handshake (a CONNECT_ERROR packet with its code) reaches the page.
      await poll(() => member.frames.slice(before).some((f) => /^44.*"code":"UNAVAILABLE"/.test(f))).toBe(true)
      expect(await status(member.page)).toBe('Connection lost. Reconnecting…')
    } finally {
      await release()
    }
    await expectTalking(member, other, 'handshake')
  })

  it('joins again after a join answered UNAVAILABLE, and is in the room', async () => {
    const member = await memberInRoom('grief')
    const other = await memberInRoom('grief')
    const release = await lockTable('room_memberships')
    try {
      const before = member.frames.length
      await dropSockets(member)
      // The handshake succeeds (sessions is free); the join's ack says UNAVAILABLE.
      await poll(() => member.frames.slice(before).some((f) => /^43\d+\[.*"code":"UNAVAILABLE"/.test(f))).toBe(true)
      await poll(() => status(member.page)).toBe('Connection lost. Reconnecting…')
    } finally {
      await release()
    }
    await expectTalking(member, other, 'join')
  })
})
