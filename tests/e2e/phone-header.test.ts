/**
 * The header on a 360 px phone (issue 18): one sticky row, Quick exit always on screen at the right edge, the rest
 * behind a menu button that opens without JavaScript; on a desktop the menu's links sit in the row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { makeAccount } from '../support/groups.js'
import {
  DESKTOP_VIEWPORT,
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone } from '../support/usable.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const sessions: UserSession[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

async function signedIn(
  options: { viewport?: { width: number; height: number }; javaScript?: boolean; locale?: 'en' | 'pl' } = {},
): Promise<UserSession> {
  const account = await makeAccount(deps, 'member', { locale: options.locale ?? 'en' })
  const user = await newUser(browser, {
    baseURL: server.baseUrl,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.locale === 'pl' ? { locale: 'pl-PL' } : {}),
  })
  sessions.push(user)
  await signInWith(user, server.baseUrl, account.sessionToken)
  if (options.javaScript === false) {
    await user.context.close()
    const noJs = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: MOBILE_VIEWPORT,
      javaScriptEnabled: false,
    })
    await noJs.addCookies([
      { name: 'hs_session', value: account.sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
    ])
    const page = await noJs.newPage()
    const session: UserSession = {
      context: noJs,
      page,
      log: user.log,
      newPage: () => noJs.newPage(),
      close: () => noJs.close(),
    }
    sessions.push(session)
    return session
  }
  return user
}

/** The header's box and Quick exit's box, in viewport coordinates. */
async function headerBoxes(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector('header.site-header')!.getBoundingClientRect()
    const exit = document.querySelector('header .quick-exit')!.getBoundingClientRect()
    return {
      header: { top: header.top, height: header.height, bottom: header.bottom },
      exit: { top: exit.top, bottom: exit.bottom, left: exit.left, right: exit.right },
      viewport: { width: window.innerWidth, height: window.innerHeight },
    }
  })
}

describe('the header on a 360 px phone', { timeout: 120_000 }, () => {
  it.each(['en', 'pl'] as const)(
    'is one row (at most 64 px) in %s with Quick exit on screen, and stays at the top when the page scrolls',
    async (locale) => {
      const { page } = await signedIn({ locale })
      await page.goto('/care')
      await waitForHydration(page)
      expect(await page.locator('html').getAttribute('lang')).toBe(locale)
      const before = await headerBoxes(page)
      expect(before.header.height, 'header height').toBeLessThanOrEqual(64)
      expect(before.exit.top).toBeGreaterThanOrEqual(0)
      expect(before.exit.bottom).toBeLessThanOrEqual(before.header.bottom)
      expect(before.exit.right, 'Quick exit within the screen').toBeLessThanOrEqual(before.viewport.width)
      // Quick exit sits at the right edge, where a right thumb reaches it.
      expect(before.viewport.width - before.exit.right).toBeLessThanOrEqual(16)
      expect(
        await page
          .getByRole('banner')
          .getByRole('link', { name: locale === 'en' ? /Quick exit/ : /Szybkie wyjście/ })
          .isVisible(),
      ).toBe(true)
      expect(
        await page
          .getByRole('banner')
          .getByRole('button', { name: locale === 'en' ? 'I need help now' : 'Potrzebuję pomocy teraz' })
          .isVisible(),
      ).toBe(true)

      // Sticky: scrolled to the bottom, the header and Quick exit are still at the top of the screen.
      // (Scrolled again on each try: the page's one reload into the browser's time zone may have put it back at the top.)
      await expect
        .poll(() =>
          page.evaluate(() => {
            window.scrollTo(0, document.documentElement.scrollHeight)
            return window.scrollY
          }),
        )
        .toBeGreaterThan(100)
      const after = await headerBoxes(page)
      expect(after.header.top).toBe(0)
      expect(after.exit.top).toBeGreaterThanOrEqual(0)
      expect(after.exit.bottom).toBeLessThanOrEqual(64)
      await page.evaluate(() => window.scrollTo(0, 0))
      await expectUsableOnPhone(page, `header ${locale}`)
    },
  )

  it('keeps the links behind the menu button; the menu opens, leads to a page and closes there', async () => {
    const { page } = await signedIn()
    await page.goto('/care')
    await waitForHydration(page)
    const account = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account', exact: true })
    expect(await account.isVisible()).toBe(false)
    await page.getByRole('banner').getByText('Menu', { exact: true }).click()
    await expect.poll(() => account.isVisible()).toBe(true)
    // The open menu is inside the screen and passes the accessibility check.
    const panel = await page.locator('.site-menu-panel').boundingBox()
    expect(panel!.x).toBeGreaterThanOrEqual(0)
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(MOBILE_VIEWPORT.width)
    await expectUsableOnPhone(page, 'open menu')
    await account.click()
    await page.waitForURL('**/account')
    await expect.poll(() => page.getByTestId('site-menu').evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false)
    expect(await account.isVisible()).toBe(false)
  })

  it('opens the menu and signs out without JavaScript', async () => {
    const { page, context } = await signedIn({ javaScript: false })
    await page.goto('/care')
    expect((await headerBoxes(page)).header.height).toBeLessThanOrEqual(64)
    const signOut = page.getByRole('button', { name: 'Sign out' })
    expect(await signOut.isVisible()).toBe(false)
    await page.getByRole('banner').getByText('Menu', { exact: true }).click()
    expect(await signOut.isVisible()).toBe(true)
    await Promise.all([page.waitForURL((url) => url.pathname === '/'), signOut.click()])
    expect((await context.cookies()).some((c) => c.name === 'hs_session')).toBe(false)
  })

  it('shows the links in the row on a desktop, without a menu button', async () => {
    const { page } = await signedIn({ viewport: DESKTOP_VIEWPORT })
    await page.goto('/care')
    await waitForHydration(page)
    expect(await page.getByRole('banner').getByText('Menu', { exact: true }).isVisible()).toBe(false)
    await expect
      .poll(() =>
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account', exact: true }).isVisible(),
      )
      .toBe(true)
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true)
    expect((await headerBoxes(page)).header.height).toBeLessThanOrEqual(80)
  })
})
