/**
 * What a member sees when they send while Redis is paused (issue 17.2, decision 025): Chromium on a 360 px phone, the
 * real server on a redis-server of its own, which the test pauses with SIGSTOP. The message stays on screen with
 * "Connection trouble: your message was not sent", in the member's language; once Redis answers again the page sends
 * it again by itself, with the same client id, and it is stored exactly once.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { signUp } from '../../core/identity/identity.service.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import { createRequestPathRedis } from '../../core/runtime.js'
import { createRealtimePublisher } from '../../core/realtime/realtime.publisher.js'
import { startRedis } from '../../scripts/local-services.js'
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

const dataDir = path.resolve('.data/test', `e2e-chat-redis-${process.pid}-${randomBytes(3).toString('hex')}`)
let base: TestDeps
let deps: TestDeps
let redis: Awaited<ReturnType<typeof startRedis>>
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const users: UserSession[] = []

beforeAll(async () => {
  base = await createTestDeps()
  redis = await startRedis({ dataDir, persist: false })
  // The server's request-path Redis client, as createCoreDeps builds it, on the redis-server this test can pause.
  const client = createRequestPathRedis(redis.url)
  client.on('error', () => {})
  deps = { ...base, redis: client, realtime: createRealtimePublisher(client, base.config.REDIS_PREFIX) }
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  for (const user of users) await user.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  try {
    process.kill(redis.process.pid!, 'SIGCONT')
  } catch {
    /* already gone */
  }
  deps?.redis.disconnect()
  await redis?.stop().catch(() => {})
  await base?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 })
const redisState = () =>
  readFileSync(`/proc/${redis.process.pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ')[0]
const stored = async (body: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where body = ${body}`)[0]!.n

async function memberInRoom(locale: 'en' | 'pl', ip: string): Promise<Page> {
  const user = await newUser(browser, {
    baseURL: server.baseUrl,
    viewport: MOBILE_VIEWPORT,
    locale: locale === 'pl' ? 'pl-PL' : 'en-GB',
  })
  users.push(user)
  const slug = locale === 'pl' ? 'lek' : 'anxiety'
  const account = await signUp(deps, { kind: 'anonymous', password: 'a long secret phrase', consent: true, locale, ip })
  await enterRoom(deps, { accountId: account.accountId, role: 'member', pseudonymMode: 'ask' }, slug, {
    pseudonymChoice: 'generated',
  })
  await signInWith(user, server.baseUrl, account.sessionToken)
  await user.page.goto(`/rooms/${slug}`)
  await waitForHydration(user.page)
  return user.page
}

async function send(page: Page, label: string, text: string) {
  const composer = page.getByLabel(label)
  await composer.fill(text)
  await composer.press('Enter')
  await poll(() => composer.inputValue()).toBe('')
}

describe('sending while Redis is paused, in Chromium', { timeout: 120_000 }, () => {
  it('shows the message as not sent because of connection trouble, then sends it once when Redis answers', async () => {
    const english = await memberInRoom('en', '10.77.0.1')
    const polish = await memberInRoom('pl', '10.77.0.2')
    await send(english, 'Write a message', 'Before the pause')
    await poll(() => stored('Before the pause')).toBe(1)

    process.kill(redis.process.pid!, 'SIGSTOP')
    await send(english, 'Write a message', 'Written while Redis was paused')
    const notice = () => english.getByTestId('pending-message').getByTestId('send-error').textContent()
    await poll(notice).toBe(
      'Connection trouble: your message was not sent. We will send it when the connection is back.',
    )
    await send(polish, 'Napisz wiadomość', 'Napisane podczas przerwy')
    await poll(() => polish.getByTestId('pending-message').getByTestId('send-error').textContent()).toBe(
      'Problem z połączeniem: Twoja wiadomość nie została wysłana. Wyślemy ją, gdy połączenie wróci.',
    )
    // Shown while Redis is still stopped, and nothing was stored.
    expect(redisState()).toBe('T')
    expect(await stored('Written while Redis was paused')).toBe(0)

    process.kill(redis.process.pid!, 'SIGCONT')
    // No click, no reload: the page sends it again by itself, and it is stored once.
    await poll(() => english.getByTestId('pending-message').count()).toBe(0)
    await poll(() => stored('Written while Redis was paused')).toBe(1)
    await poll(() => english.getByText('Written while Redis was paused').count()).toBe(1)
    await poll(() => stored('Napisane podczas przerwy')).toBe(1)
    expect(await stored('Written while Redis was paused')).toBe(1)
  })
})
