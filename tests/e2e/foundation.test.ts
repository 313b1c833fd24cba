/**
 * The foundation as a person meets it, in a real browser on a 360 px phone screen, against the real
 * server (Express + Remix build + Socket.IO) with a real database and Redis: anonymous sign-up,
 * sign-out, recovery-code sign-in, the Polish interface, and the quick exit (button and Esc).
 * Every page must hydrate, break no Content Security Policy rule, and not scroll sideways.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { openPage } from '../support/usable.js'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  horizontalOverflow,
  launchBrowser,
  newUser,
  openSiteMenu,
  waitForHydration,
  waitForRouterIdle,
  type UserSession,
} from '../support/browser.js'

const PASSWORD = 'a calm long passphrase'
const NEW_PASSWORD = 'another calm passphrase'

/** A neutral site for the quick exit to land on, on its own origin. */
async function startNeutralSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Weather</title></head><body><h1>Weather</h1><p>Sunny spells.</p></body></html>',
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let neutral: Awaited<ReturnType<typeof startNeutralSite>>
let browser: Browser
let member: UserSession

beforeAll(async () => {
  neutral = await startNeutralSite()
  deps = await createTestDeps({ QUICK_EXIT_URL: neutral.url })
  server = await startTestServer(deps)
  browser = await launchBrowser()
  member = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
})

afterAll(async () => {
  await member?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
  await neutral?.close()
})

/** Assert the page fits a 360 px screen: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page)
  expect(viewportWidth, `${label}: viewport`).toBe(MOBILE_VIEWPORT.width)
  expect(scrollWidth, `${label}: document.documentElement.scrollWidth`).toBeLessThanOrEqual(MOBILE_VIEWPORT.width)
}

/** Load a page by URL and wait until React has taken it over. */

describe('the foundation in a browser, on a 360 px screen', { timeout: 120_000 }, () => {
  let username = ''
  let firstCode = ''

  it('signs a member up anonymously and shows their username and one-time recovery code', async () => {
    const { page } = member
    await openPage(page, '/')
    await expect.poll(() => page.title()).toBe('Holdspace')
    await expectNoSidewaysScroll(page, 'landing')

    await page.getByRole('link', { name: 'Join Holdspace' }).first().click()
    await page.waitForURL('**/signup')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Join Holdspace')
    await expectNoSidewaysScroll(page, 'sign-up form')

    // Choosing "with an email address" reveals the email field: only React can do that, so the
    // client bundle loaded under the CSP and hydrated the page.
    const email = page.getByLabel('Email address', { exact: true })
    await expect.poll(() => email.count()).toBe(0)
    await page.getByRole('radio', { name: /With an email address/ }).check()
    await expect.poll(() => email.isVisible()).toBe(true)
    await page.getByRole('radio', { name: /Anonymously/ }).check()
    await expect.poll(() => email.count()).toBe(0)

    await page.getByLabel('Password (at least 10 characters)').fill(PASSWORD)
    await page.getByRole('checkbox', { name: /I agree that Holdspace may process/ }).check()
    await page.getByRole('checkbox', { name: 'I am 16 or older.' }).check()
    await page.getByRole('checkbox', { name: /I accept the terms of use/ }).check()
    await page.getByRole('button', { name: 'Create my account' }).click()

    // The one-time code must stay on screen once everything has settled: the member is signed in
    // now, and nothing may carry them away (to /rooms) before they could write the code down.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account is ready')
    await waitForRouterIdle(page)
    expect(new URL(page.url()).pathname, "the new account's recovery code page stays on screen").toBe('/signup')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account is ready')
    username = (await page.getByTestId('username').textContent()) ?? ''
    firstCode = (await page.getByTestId('recovery-code').textContent()) ?? ''
    expect(username).toMatch(/^[a-z]+-[a-z]+-\d{4}$/)
    expect(firstCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/)
    await expectNoSidewaysScroll(page, 'recovery code card')

    const cookies = await member.context.cookies()
    const session = cookies.find((c) => c.name === 'hs_session')
    expect(session, 'a session cookie is set').toBeDefined()
    expect(session!.httpOnly).toBe(true)
    expect(session!.sameSite).toBe('Lax')
  })

  it('signs out from the header', async () => {
    const { page } = member
    await openSiteMenu(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await expect.poll(() => page.locator('header a[href="/signin"]').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0)
    expect((await member.context.cookies()).some((c) => c.name === 'hs_session')).toBe(false)

    // Signed out for real: the account page now sends to sign-in.
    await page.goto('/account')
    await page.waitForURL((url) => url.pathname === '/signin')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account')
  })

  it('signs back in with the recovery code, gets a new code, and /account shows the username', async () => {
    const { page } = member
    await openPage(page, '/signin')
    await expectNoSidewaysScroll(page, 'sign-in form')
    await page.getByRole('link', { name: 'Use a recovery code' }).click()
    await page.waitForURL('**/recover')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in with a recovery code')
    await expectNoSidewaysScroll(page, 'recover form')

    await page.getByLabel('Username (or email)').fill(username)
    await page.getByLabel('Recovery code').fill(firstCode)
    await page.getByLabel('New password (at least 10 characters)').fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Recover my account' }).click()

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('You are back in')
    await waitForRouterIdle(page)
    expect(new URL(page.url()).pathname, 'the new recovery code page stays on screen').toBe('/recover')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You are back in')
    expect(await page.getByTestId('username').textContent()).toBe(username)
    const newCode = (await page.getByTestId('recovery-code').textContent()) ?? ''
    expect(newCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/)
    expect(newCode).not.toBe(firstCode)
    await expectNoSidewaysScroll(page, 'new recovery code card')

    await openSiteMenu(page)
    await page.getByRole('link', { name: 'Account', exact: true }).click()
    await page.waitForURL('**/account')
    await expect.poll(() => page.getByTestId('account-username').textContent()).toBe(username)
    await expectNoSidewaysScroll(page, 'account')

    await openPage(page, '/rooms')
    await expectNoSidewaysScroll(page, 'rooms')
  })

  it('switches the interface to Polish with the language switch', async () => {
    const { page } = member
    await openPage(page, '/account')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await openSiteMenu(page)
    await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: 'Polski' }).click()
    await page.waitForFunction(() => document.documentElement.lang === 'pl')
    await waitForHydration(page)
    expect(new URL(page.url()).pathname).toBe('/account')
    expect(await page.locator('html[lang="pl"]').count()).toBe(1)
    await expect.poll(() => page.getByRole('link', { name: /Szybkie wyjście/ }).isVisible()).toBe(true)
    await openSiteMenu(page)
    expect(await page.getByRole('button', { name: 'Wyloguj się' }).isVisible()).toBe(true)
    expect(await page.getByTestId('account-username').textContent()).toBe(username)
    await expectNoSidewaysScroll(page, 'account (pl)')

    // The choice sticks: a fresh load of another page is Polish too.
    await openPage(page, '/')
    expect(await page.locator('html').getAttribute('lang')).toBe('pl')
    await expectNoSidewaysScroll(page, 'landing (pl)')
    await openPage(page, '/rooms')
    await expectNoSidewaysScroll(page, 'rooms (pl)')
  })

  it('quick exit (button) leaves for the neutral site and overwrites the Holdspace entry it was clicked on', async () => {
    const { page } = member
    // A neutral Holdspace page first, then the account page (sensitive: it shows who this is).
    await openPage(page, '/')
    await openSiteMenu(page)
    await page.getByRole('navigation', { name: 'Główna nawigacja' }).getByRole('link', { name: 'Konto' }).click()
    await page.waitForURL('**/account')
    await expect.poll(() => page.getByTestId('account-username').textContent()).toBe(username)
    await expectNoSidewaysScroll(page, 'account (pl), before quick exit')
    const lengthBefore = await page.evaluate(() => history.length)

    await page.getByRole('link', { name: /Szybkie wyjście/ }).click()
    await page.waitForURL(neutral.url)
    expect(await page.title()).toBe('Weather')
    // Replaced, not pushed: the history did not grow, so the account page is no longer an entry.
    expect(await page.evaluate(() => history.length)).toBe(lengthBefore)

    // Back reaches the page before the account page, never the account page itself.
    await page.goBack()
    await page.waitForLoadState('domcontentloaded')
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await page.getByTestId('account-username').count()).toBe(0)
    expect(await page.content()).not.toContain(username)
  })

  it('quick exit (Esc) from a fresh tab leaves no Holdspace page to go back to', async () => {
    const page = await member.newPage()
    try {
      // A new tab starts on about:blank; the account page is its only Holdspace entry.
      await openPage(page, '/account')
      await expect.poll(() => page.getByTestId('account-username').textContent()).toBe(username)
      await expectNoSidewaysScroll(page, 'account (pl), new tab')
      const lengthBefore = await page.evaluate(() => history.length)

      await page.keyboard.press('Escape')
      await page.waitForURL(neutral.url)
      expect(await page.title()).toBe('Weather')
      expect(await page.evaluate(() => history.length)).toBe(lengthBefore)

      // Back skips straight past Holdspace to the blank start of the tab.
      await page.goBack()
      expect(page.url()).toBe('about:blank')
      expect(await page.content()).not.toContain(username)
      expect(await page.content()).not.toContain('Holdspace')
    } finally {
      await page.close()
    }
  })

  it('broke no Content Security Policy rule and threw no page error anywhere', async () => {
    expect(member.log.csp).toEqual([])
    expect(member.log.errors).toEqual([])

    // Control: the watcher does see a violation when there is one (an image from another origin).
    const probe = await newUser(browser, { baseURL: server.baseUrl })
    try {
      await openPage(probe.page, '/')
      await probe.page.evaluate((src) => {
        const img = document.createElement('img')
        img.src = src
        document.body.append(img)
      }, `${neutral.url}pixel.png`)
      await expect.poll(() => probe.log.csp.length).toBeGreaterThan(0)
      expect(probe.log.csp[0]).toContain('img-src')
    } finally {
      await probe.close()
    }
  })
})
