/**
 * Rooms that open only with cover (decision 043), in Chromium on a 360 px phone: a closed room's page says it is
 * read-only (no composer), when it opens next and which lines are open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { DateTime } from 'luxon'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { makeAccount } from '../support/groups.js'
import { closeBrowser, launchBrowser, newUser, signInWith, type UserSession } from '../support/browser.js'
import { expectUsableOnPhone, openPage } from '../support/usable.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import { roomhoursEn } from '../../app/i18n/roomhours.en.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let user: UserSession | undefined
let roomId = ''
const slug = `late-circle-${Date.now().toString(36)}`

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  browser = await launchBrowser()
  const [room] = await deps.sql<{ id: string }[]>`
    insert into rooms (slug, title, description, language, rules, time_zone)
    values (${slug}, 'Late circle', 'Open two days from now', 'en', 'Be kind.', 'Europe/Warsaw') returning id`
  roomId = room!.id
  // One window, two days from now (Warsaw): the room is closed while the test runs, whatever the hour.
  const weekday = DateTime.now().setZone('Europe/Warsaw').plus({ days: 2 }).weekday
  await deps.sql`insert into room_opening_hours (room_id, weekday, opens_minute, closes_minute) values (${roomId}, ${weekday}, 600, 660)`
})
afterAll(async () => {
  await user?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

describe('a closed room on a phone', () => {
  it('shows it is closed, when it opens and the lines; a message sent anyway is refused with the reason', async () => {
    const member = await makeAccount(deps, 'member', { timeZone: 'Europe/Warsaw' })
    await enterRoom(deps, member.account, slug, { pseudonymChoice: 'own', pseudonym: 'Night Owl' })
    user = await newUser(browser, { baseURL: server.baseUrl })
    await signInWith(user, server.baseUrl, member.sessionToken)
    const { page } = user

    await openPage(page, '/rooms')
    expect(await page.getByTestId(`hours-${slug}`).textContent()).toContain(roomhoursEn['roomhours.closedNow'])

    await openPage(page, `/rooms/${slug}`)
    const notice = page.getByTestId('room-closed')
    expect(await notice.getByRole('heading', { name: roomhoursEn['roomhours.closedTitle'] }).isVisible()).toBe(true)
    expect(await page.getByTestId('room-next-opening').textContent()).toMatch(/10:00/)
    expect(await notice.locator('.crisis-line').count()).toBeGreaterThan(0)
    await expectUsableOnPhone(page, 'closed room')

    // Read-only: the composer gives way to a notice (the server refuses a member's send anyway: core tests).
    expect(await page.getByTestId('composer-closed').textContent()).toBe(roomhoursEn['roomhours.composerClosed'])
    expect(await page.getByLabel('Write a message').count()).toBe(0)
    expect(await deps.sql`select id from messages where room_id = ${roomId}`).toHaveLength(0)
  }, 120_000)
})
