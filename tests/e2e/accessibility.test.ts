import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accessibilityViolations, describeViolations } from '../support/a11y.js'
import { closeBrowser, launchBrowser, newUser, waitForHydration } from '../support/browser.js'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'

/**
 * Every foundation page, signed out and signed in, in English and Polish, on a 360 px phone, passes the
 * axe-core WCAG 2.1 A/AA check. Form error states are checked too: that is where labels and alerts matter.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  browser = await launchBrowser()
})
afterAll(async () => {
  await closeBrowser(browser)
  await server.close()
  await deps.close()
})

// Each test walks every page in Chromium with axe: 12–14 s alone, more when the suite loads both cores.
describe('accessibility (axe-core, WCAG 2.1 AA)', { timeout: 120_000 }, () => {
  it('the checker itself reports a real violation (control)', async () => {
    const user = await newUser(browser, { baseURL: server.baseUrl })
    try {
      await user.page.setContent('<html lang="en"><body><main><img src="data:,"><button></button></main></body></html>')
      const ids = (await accessibilityViolations(user.page)).map((v) => v.id)
      expect(ids).toEqual(expect.arrayContaining(['image-alt', 'button-name']))
    } finally {
      await user.close()
    }
  })

  for (const locale of ['en-GB', 'pl-PL']) {
    it(`signed-out pages pass in ${locale}`, async () => {
      const user = await newUser(browser, { baseURL: server.baseUrl, locale })
      try {
        const problems: string[] = []
        for (const path of [
          '/',
          '/signup',
          '/signin',
          '/recover',
          '/forgot-password',
          '/reset-password?token=x',
          '/no-such-page',
          '/help',
          '/refused',
        ]) {
          await user.page.goto(path)
          await waitForHydration(user.page)
          const violations = await accessibilityViolations(user.page)
          if (violations.length) problems.push(describeViolations(path, violations))
        }
        // The sign-up form showing its field errors.
        await user.page.goto('/signup')
        await waitForHydration(user.page)
        await user.page.locator('input[name=kind][value=registered]').check()
        await user.page.locator('form button[type=submit]').last().click()
        await user.page.locator('.field-error').first().waitFor()
        const formErrors = await accessibilityViolations(user.page)
        if (formErrors.length) problems.push(describeViolations('/signup (errors)', formErrors))
        expect(problems.join('\n')).toBe('')
      } finally {
        await user.close()
      }
    })
  }

  for (const locale of ['en-GB', 'pl-PL']) {
    it(`signed-in pages pass in ${locale}`, async () => {
      await signedInPagesPass(locale)
    })
  }
})

/** A new member's pages, empty states included, after signing up in `locale`. */
async function signedInPagesPass(locale: string) {
  const user = await newUser(browser, { baseURL: server.baseUrl, locale })
  try {
    await user.page.goto('/signup')
    await waitForHydration(user.page)
    await user.page.locator('input[name=password]').fill('a long secret phrase')
    await user.page.locator('input[name=consent]').check()
    await user.page.locator('input[name=age]').check()
    await user.page.locator('input[name=terms]').check()
    await user.page.locator('form button[type=submit]').last().click()
    await user.page.getByTestId('recovery-code').waitFor()
    const problems: string[] = []
    const created = await accessibilityViolations(user.page)
    if (created.length) problems.push(describeViolations('/signup (created)', created))
    const betweenSessions = [
      '/care',
      '/care/mood',
      '/care/mood?days=90',
      '/care/journal',
      '/care/journal/new',
      '/care/goals',
      '/care/goals/new',
      '/care/reminders',
      '/messages',
      '/library',
    ]
    for (const path of ['/account', '/rooms', ...betweenSessions]) {
      await user.page.goto(path)
      await waitForHydration(user.page)
      const violations = await accessibilityViolations(user.page)
      if (violations.length) problems.push(describeViolations(path, violations))
    }
    expect(problems.join('\n')).toBe('')
  } finally {
    await user.close()
  }
}
