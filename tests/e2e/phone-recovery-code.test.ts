/**
 * Keeping the one-time recovery code (issue 18): after an anonymous sign-up in Chromium on a phone the code can be
 * copied (the clipboard holds it) and downloaded as a text file; without JavaScript a text box holds it to copy.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'

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

async function signUpAnonymously(page: Page): Promise<{ username: string; code: string }> {
  await page.getByLabel(/^Password/).fill('a long secret phrase')
  await page.locator('input[name=consent]').check()
  await page.locator('input[name=age]').check()
  await page.locator('input[name=terms]').check()
  await page.locator('main form button[type=submit]').last().click()
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
    .toBe('Your account is ready')
  return {
    username: (await page.getByTestId('username').textContent())!,
    code: (await page.getByTestId('recovery-code').textContent())!,
  }
}

describe('the recovery code can be kept', { timeout: 120_000 }, () => {
  it('is copied to the clipboard and downloaded as a text file', async () => {
    const user = await newUser(browser, { baseURL: server.baseUrl })
    sessions.push(user)
    await user.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl })
    const { page } = user
    await page.goto('/signup')
    await waitForHydration(page)
    const { username, code } = await signUpAnonymously(page)
    expect(code).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/)

    await page.getByRole('button', { name: 'Copy the code' }).click()
    await expect.poll(() => page.getByTestId('recovery-tools').getByRole('status').textContent()).toBe('Copied.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as a text file' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('holdspace-recovery-code.txt')
    const text = await readFile((await download.path())!, 'utf8')
    expect(text).toContain(code)
    expect(text).toContain(username)
  })

  it('without JavaScript sits in a text box to select and copy', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: MOBILE_VIEWPORT,
      javaScriptEnabled: false,
    })
    sessions.push({
      context,
      page: await context.newPage(),
      log: { csp: [], errors: [], consoleErrors: [] },
      newPage: () => context.newPage(),
      close: () => context.close(),
    })
    const page = sessions.at(-1)!.page
    await page.goto('/signup')
    const { username, code } = await signUpAnonymously(page)
    const box = page.getByLabel('Your username and code as text, to select and copy')
    expect(await box.isVisible()).toBe(true)
    expect(await box.inputValue()).toContain(code)
    expect(await box.inputValue()).toContain(username)
    expect(await page.getByRole('button', { name: 'Copy the code' }).count()).toBe(0)
  })
})
