/**
 * The room list's kept cards (decision 056) in Chromium: the server sends a card's HTML kept from an earlier page
 * while its data is unchanged, and the browser hydrates it as if React had just rendered it. No hydration error is
 * reported, a card's link navigates inside the app (no document load), and the cards the browser renders itself
 * after an in-app navigation back to the list have exactly the markup the server sent — a closed room's next opening
 * in the reader's zone included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { DateTime } from 'luxon'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { HttpClient, startTestServer } from '../support/http.js'
import { createSeedRooms } from '../support/chat.js'
import { makeAccount } from '../support/groups.js'
import { closeBrowser, launchBrowser, newUser, signInWith, type UserSession } from '../support/browser.js'
import { openPage } from '../support/usable.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let user: UserSession | undefined
const slug = `kept-card-${Date.now().toString(36)}`

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  browser = await launchBrowser()
  const [room] = await deps.sql<{ id: string }[]>`
    insert into rooms (slug, title, description, language, rules, time_zone)
    values (${slug}, 'Kept circle', 'Opens two days from now & stays <small>', 'en', 'Be kind.', 'Europe/Warsaw')
    returning id`
  // One window two days from now (Warsaw): closed while the test runs, so the card shows its next opening.
  const weekday = DateTime.now().setZone('Europe/Warsaw').plus({ days: 2 }).weekday
  await deps.sql`insert into room_opening_hours (room_id, weekday, opens_minute, closes_minute) values (${room!.id}, ${weekday}, 600, 660)`
})
afterAll(async () => {
  await user?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

/** The list's markup as the DOM holds it; React's text separators (`<!-- -->`) exist only in server HTML. */
const LIST_MARKUP = () => document.querySelector('ul.room-list')!.innerHTML.replace(/<!--[^>]*-->/g, '')

describe('the room list sent from kept cards', () => {
  it('hydrates without a mismatch, navigates in the app, and matches the cards the browser renders', async () => {
    const member = await makeAccount(deps, 'member', { timeZone: 'Europe/Warsaw' })
    // A first page renders the cards and keeps them: the browser's page below is sent from kept cards.
    const client = new HttpClient(server.baseUrl)
    client.cookies.set('hs_session', member.sessionToken)
    expect(await (await client.get('/rooms')).text()).toContain(`data-room="${slug}"`)

    user = await newUser(browser, { baseURL: server.baseUrl })
    await signInWith(user, server.baseUrl, member.sessionToken)
    const { page } = user
    await openPage(page, '/rooms')
    expect(await page.getByTestId(`hours-${slug}`).textContent()).toMatch(/10:00/)

    // What the server sends for this list now, parsed by the browser.
    const served = await page.evaluate(async () => {
      const html = await (await fetch('/rooms')).text()
      const doc = new DOMParser().parseFromString(html, 'text/html')
      return doc.querySelector('ul.room-list')!.innerHTML.replace(/<!--[^>]*-->/g, '')
    })
    expect(served).toContain(`href="/rooms/${slug}"`)

    // In-app navigation: the document is not loaded again, so this mark survives.
    await page.evaluate(() => ((window as unknown as { keptMark: boolean }).keptMark = true))
    await page.getByRole('link', { name: 'Enter Kept circle' }).click()
    await page.waitForURL(`**/rooms/${slug}`)
    await page.goBack()
    await page.waitForURL('**/rooms')
    expect(await page.evaluate(() => (window as unknown as { keptMark?: boolean }).keptMark)).toBe(true)

    // Back on the list, React rendered the cards in the browser: the same markup as the kept cards.
    await expect.poll(() => page.evaluate(LIST_MARKUP)).toBe(served)
    expect(user.log.errors).toEqual([])
    expect(user.log.consoleErrors.filter((line) => /React error|[Hh]ydrat/.test(line))).toEqual([])
  }, 120_000)
})
