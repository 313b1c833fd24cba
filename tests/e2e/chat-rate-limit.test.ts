/**
 * A member who sends too fast sees the real wait in their own language (issue 17.1): Chromium on a 360 px phone
 * screen, the real server, Redis and socket. The limit is one message per 30 seconds here, so the second message
 * is refused and its notice says how many seconds remain — never a vague "a few minutes".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
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

const SOCKET_CAP = 3
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const users: UserSession[] = []

beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '1/30', SOCKETS_PER_SESSION: String(SOCKET_CAP) })
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const user of users) await user.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 })

/** A member who already entered `slug`, signed in in their own browser context with the page open. */
async function memberInRoom(slug: string, locale: 'en' | 'pl', ip: string): Promise<Page> {
  return (await memberWithPages(slug, locale, ip)).page
}

async function memberWithPages(slug: string, locale: 'en' | 'pl', ip: string): Promise<UserSession> {
  const user = await newUser(browser, {
    baseURL: server.baseUrl,
    viewport: MOBILE_VIEWPORT,
    locale: locale === 'pl' ? 'pl-PL' : 'en-GB',
  })
  users.push(user)
  const account = await signUp(deps, { kind: 'anonymous', password: 'a long secret phrase', consent: true, locale, ip })
  await enterRoom(deps, { accountId: account.accountId, role: 'member', pseudonymMode: 'ask' }, slug, {
    pseudonymChoice: 'generated',
  })
  await signInWith(user, server.baseUrl, account.sessionToken)
  await user.page.goto(`/rooms/${slug}`)
  await waitForHydration(user.page)
  return user
}

async function send(page: Page, label: string, text: string) {
  const composer = page.getByLabel(label)
  await composer.fill(text)
  await composer.press('Enter')
  await poll(() => composer.inputValue()).toBe('')
}

const waitShown = (page: Page) => page.getByTestId('pending-message').getByTestId('send-error').textContent()

describe('sending too fast', { timeout: 120_000 }, () => {
  it('tells the member in English how many seconds to wait', async () => {
    const page = await memberInRoom('anxiety', 'en', '10.30.0.1')
    await send(page, 'Write a message', 'first')
    await poll(() => page.getByTestId('message-sent').count()).toBe(1)
    await send(page, 'Write a message', 'second')
    await poll(() => waitShown(page)).toMatch(/^You are sending messages quickly\. Try again in \d+ seconds?\.$/)
    const seconds = Number(/in (\d+)/.exec((await waitShown(page)) ?? '')![1])
    expect(seconds).toBeGreaterThanOrEqual(1)
    expect(seconds).toBeLessThanOrEqual(30)
    expect(await page.getByTestId('pending-message').textContent()).not.toContain('few minutes')
  })

  it('and in Polish', async () => {
    const page = await memberInRoom('lek', 'pl', '10.30.0.2')
    await send(page, 'Napisz wiadomość', 'pierwsza')
    await poll(() => page.getByTestId('message-sent').count()).toBe(1)
    await send(page, 'Napisz wiadomość', 'druga')
    await poll(() => waitShown(page)).toMatch(
      /^Wysyłasz wiadomości bardzo szybko\. Spróbuj ponownie za (\d+ s|sekundę)\.$/,
    )
  })

  it('a sign-in past its socket cap is told to close tabs, in the page, not left reconnecting', async () => {
    const user = await memberWithPages('anxiety', 'en', '10.30.0.3')
    const alert = (page: Page) => page.getByRole('alert').filter({ hasText: 'too many open tabs or windows' })
    let refused: Page | null = null
    for (let n = 0; n < SOCKET_CAP + 1 && !refused; n++) {
      const page = await user.newPage()
      await page.goto('/rooms/anxiety')
      await waitForHydration(page)
      await poll(
        async () => (await page.getByText('Connected', { exact: true }).count()) > 0 || (await alert(page).count()) > 0,
      ).toBe(true)
      if ((await alert(page).count()) > 0) refused = page
    }
    expect(refused).not.toBeNull()
    expect(await alert(refused!).textContent()).toBe(
      'This sign-in has too many open tabs or windows. Close some of them and reload this page.',
    )
  })
})
