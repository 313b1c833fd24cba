/**
 * Dialogs on a 360 px phone (issue 18): reporting a message opens a full-width sheet that is wholly on screen, not
 * clipped inside the scrolling message list, with the header's Quick exit still visible above it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../support/chat.js'
import {
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
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const c of clients) c.close()
  for (const s of sessions) await s.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

describe('the report sheet on a 360 px phone', { timeout: 120_000 }, () => {
  it('opens wholly inside the screen, outside the message list, below the header', async () => {
    const author = await chatMember(deps, 'grief', { pseudonym: 'Ada Author' })
    const reader = await chatMember(deps, 'grief', { pseudonym: 'Rey Reader' })
    const roomId = await roomIdOf(deps, 'grief')
    const client = await ChatClient.connect(server.baseUrl, author.cookie)
    clients.push(client)
    await client.join(roomId)
    // Enough messages that the list scrolls, so a form inside it would be cut off.
    const words = ['quiet', 'rain', 'kettle', 'window', 'garden', 'letters']
    for (let i = 1; i <= 4; i++) {
      const lines = words.map((w, j) => `${w} ${i * 10 + j}: thinking about the evening and how it went`).join('\n')
      const reply = await client.send(roomId, `${lines}\nnumber ${i}`)
      expect(reply.ok, JSON.stringify(reply)).toBe(true)
    }

    const user = await newUser(browser, { baseURL: server.baseUrl })
    sessions.push(user)
    await signInWith(user, server.baseUrl, reader.cookie.slice('hs_session='.length))
    const { page } = user
    await page.goto('/rooms/grief')
    await waitForHydration(page)
    const message = page.getByTestId('message').filter({ hasText: 'number 4' })
    await expect.poll(() => message.count(), { timeout: 15_000 }).toBe(1)
    await message.getByRole('button', { name: 'Report' }).click()

    const sheet = page.getByRole('dialog', { name: 'Report this message' })
    await expect.poll(() => sheet.isVisible()).toBe(true)
    // Not inside the scrolling list, whose overflow would clip it.
    expect(await sheet.evaluate((el) => el.closest('[data-testid="messages"], .message-log') === null)).toBe(true)
    const box = (await sheet.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(MOBILE_VIEWPORT.width)
    expect(box.y + box.height).toBeLessThanOrEqual(MOBILE_VIEWPORT.height)
    // Full width on a phone, and the header (with Quick exit) is not covered.
    expect(box.width).toBeGreaterThanOrEqual(MOBILE_VIEWPORT.width - 1)
    const header = (await page.locator('header.site-header').boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(header.y + header.height)
    expect(
      await page
        .getByRole('banner')
        .getByRole('link', { name: /Quick exit/ })
        .isVisible(),
    ).toBe(true)
    // Every control of the sheet is on screen, the first one has focus, and the page passes the phone check.
    for (const control of await sheet.locator('input, textarea, button').all()) {
      const b = (await control.boundingBox())!
      expect(b.y + b.height).toBeLessThanOrEqual(MOBILE_VIEWPORT.height)
    }
    expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    await expectUsableOnPhone(page, 'report sheet')

    // The sheet does its job: the report is sent and the sheet closes.
    await sheet.getByRole('radio', { name: 'Spam', exact: true }).check()
    await sheet.getByRole('button', { name: 'Send report' }).click()
    await expect
      .poll(() => message.getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('A facilitator will look at it')
    expect(await sheet.count()).toBe(0)
  })
})
