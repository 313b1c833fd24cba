/**
 * Keys and focus (issue 18): Esc leaves the site only outside text fields, and a visible hint says so; after a page
 * change in the browser the new page's heading has focus, so a screen reader announces the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { makeAccount } from '../support/groups.js'
import {
  closeBrowser,
  launchBrowser,
  newUser,
  openSiteMenu,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'

const NEUTRAL = 'http://neutral.invalid/weather'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const sessions: UserSession[] = []

beforeAll(async () => {
  deps = await createTestDeps({ QUICK_EXIT_URL: NEUTRAL })
  server = await startTestServer(deps)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

async function visitor(): Promise<UserSession> {
  const user = await newUser(browser, { baseURL: server.baseUrl })
  sessions.push(user)
  // The neutral site, answered in the browser: no network needed.
  await user.context.route('http://neutral.invalid/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><p>Sunny</p>' }),
  )
  return user
}

describe('Esc and focus', { timeout: 120_000 }, () => {
  it('Esc in a text field keeps the page and what was typed; outside a field it leaves; the hint says so', async () => {
    const { page } = await visitor()
    await page.goto('/signin')
    await waitForHydration(page)
    const hint = page.getByTestId('shortcut-hint')
    expect(await hint.isVisible()).toBe(true)
    expect(await hint.textContent()).toMatch(/Esc.*not while typing in a field/)

    const field = page.getByLabel('Email or username')
    await field.fill('someone typing')
    // The key handler runs synchronously: once the key press returns, leaving would already have emptied the page.
    await field.press('Escape')
    expect(new URL(page.url()).pathname).toBe('/signin')
    expect(await page.locator('main h1').count()).toBe(1)
    expect(await field.inputValue()).toBe('someone typing')
    const password = page.getByLabel('Password', { exact: true })
    await password.fill('secret words')
    await password.press('Escape')
    expect(await page.locator('main h1').count()).toBe(1)

    // Outside a field (focus on the page itself) Esc leaves at once.
    await page.locator('main h1').click()
    await page.keyboard.press('Escape')
    await page.waitForURL(NEUTRAL)
    expect(await page.title()).toBe('Weather')
  })

  it("after a page change in the browser the new page's heading has focus", async () => {
    const account = await makeAccount(deps, 'member')
    const user = await visitor()
    await signInWith(user, server.baseUrl, account.sessionToken)
    const { page } = user
    await page.goto('/care')
    await waitForHydration(page)
    await openSiteMenu(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account', exact: true }).click()
    await page.waitForURL('**/account')
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const active = document.activeElement
            return active?.tagName === 'H1' && active.closest('main') !== null ? active.textContent : null
          }),
        { timeout: 15_000 },
      )
      .toBe('Your account')
    expect(await page.locator('main h1').getAttribute('tabindex')).toBe('-1')
    // And again on the next page change, from a link in the page.
    await openSiteMenu(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library', exact: true }).click()
    await page.waitForURL('**/library')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName === 'H1'), { timeout: 15_000 })
      .toBe(true)
  })
})
