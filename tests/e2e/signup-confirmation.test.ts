/**
 * Sign-up with an email in a real browser (issue 17.3): Chromium on a 360 px phone fills in the form, reads "check your
 * email", follows the link from the email the local SMTP catcher received, presses the button and keeps its recovery
 * code on screen, signed in. The same form for an address that already has an account shows the same page, and its
 * owner gets the notice instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import {
  closeBrowser,
  launchBrowser,
  newUser,
  waitForHydration,
  waitForRouterIdle,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone } from '../support/usable.js'
import { confirmationPath, deliverSignUpEmails, mailFor, mailsFor, signUpInBrowser } from '../support/signup.js'

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

const user = async () => {
  const session = await newUser(browser, { baseURL: server.baseUrl })
  sessions.push(session)
  return session
}

describe('sign-up by emailed link in Chromium', { timeout: 120_000 }, () => {
  it('a new address gets in through the emailed link; a registered one sees the same page and its owner is told', async () => {
    const newcomer = await user()
    const created = await signUpInBrowser(newcomer.page, deps, {
      email: 'browser.newcomer@example.org',
      password: 'a long secret phrase',
    })
    expect(created.recoveryCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/)
    // The one-time code stays on screen once everything settles, and the browser is signed in.
    await waitForRouterIdle(newcomer.page)
    expect(await newcomer.page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account is ready')
    await expectUsableOnPhone(newcomer.page, 'confirmed sign-up')
    await newcomer.page.goto('/account')
    expect(new URL(newcomer.page.url()).pathname).toBe('/account')
    expect(await newcomer.page.locator('main').textContent()).toContain(created.username)

    // The same form with the now registered address: the same page, no session, and the owner gets the notice.
    const stranger = await user()
    const ownerMails = mailsFor(deps, 'browser.newcomer@example.org')
    await stranger.page.goto('/signup')
    await waitForHydration(stranger.page)
    await stranger.page.locator('input[name=kind][value=registered]').check()
    await stranger.page.locator('input[name=email]').fill('browser.newcomer@example.org')
    await stranger.page.locator('input[name=password]').fill('another long password')
    await stranger.page.locator('input[name=consent]').check()
    await stranger.page.locator('input[name=age]').check()
    await stranger.page.locator('input[name=terms]').check()
    await stranger.page.locator('form button[type=submit]').last().click()
    await stranger.page.getByTestId('check-email').waitFor()
    expect(await stranger.page.getByRole('heading', { level: 1 }).textContent()).toBe('Check your email to continue')
    await expectUsableOnPhone(stranger.page, 'check your email')
    expect((await stranger.context.cookies()).some((c) => c.name === 'hs_session')).toBe(false)
    await deliverSignUpEmails(deps)
    const notice = await mailFor(deps, 'browser.newcomer@example.org', ownerMails)
    expect(notice.subject).toBe('Holdspace: someone tried to sign up')
    expect(confirmationPath(notice)).toBeNull()

    // The used link, opened again, says so in words.
    const used = confirmationPath(deps.mail.mails.find((m) => confirmationPath(m))!)!
    const late = await user()
    await late.page.goto(used)
    await waitForHydration(late.page)
    await expectUsableOnPhone(late.page, 'confirm page')
    await late.page.locator('form button[type=submit]').last().click()
    await expect
      .poll(() => late.page.locator('main').textContent())
      .toContain('That link has expired or was already used.')
  })
})
