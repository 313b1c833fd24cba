/**
 * Rooms that open only while a facilitator is on duty (decision 048), in Chromium on a 360 px phone:
 * - without JavaScript, a room closed by its rota says so, names its next opening (the next shift's start) in the
 *   member's own zone, shows the crisis lines and no composer; the room list says it is closed now;
 * - an admin's rota form, without JavaScript, refuses an end before the start with a clear message and stores nothing,
 *   and stores a good shift as the instant of the wall time in the admin's zone;
 * - with JavaScript, the open room's page follows its rota live: the composer appears when a shift starts (and the
 *   room list says open now) and gives way to the closed notice when it ends (the server's clock through deps, the page's through Playwright's clock).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DateTime } from 'luxon'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { makeAccount, type TestAccount } from '../support/groups.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone } from '../support/usable.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import { formatDateTime } from '../../core/contracts/time.js'
import { roomhoursEn } from '../../app/i18n/roomhours.en.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const contexts: BrowserContext[] = []
const users: UserSession[] = []
let roomId = ''
let facilitator: TestAccount
const slug = `rota-circle-${Date.now().toString(36)}`
const HOUR = 3_600_000
/** Ten minutes: the live test's shift starts and lasts that long (the test session's sign-in lasts an hour). */
const SHIFT = 10 * 60_000

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  browser = await launchBrowser()
  const [room] = await deps.sql<{ id: string }[]>`
    insert into rooms (slug, title, description, language, rules, opens_with_cover)
    values (${slug}, 'Rota circle', 'Open while a facilitator is on duty', 'en', 'Be kind.', true) returning id`
  roomId = room!.id
  facilitator = await makeAccount(deps, 'facilitator')
  await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`
})
afterAll(async () => {
  deps?.setNow(null)
  for (const u of users) await u.close().catch(() => {})
  for (const c of contexts) await c.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

async function withoutJavaScript(sessionToken: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    javaScriptEnabled: false,
    viewport: MOBILE_VIEWPORT,
    locale: 'en-GB',
    serviceWorkers: 'block',
  })
  context.setDefaultTimeout(30_000)
  contexts.push(context)
  await context.addCookies([
    { name: 'hs_session', value: sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
  return context.newPage()
}

/** Click a submit button without JavaScript and wait for the page the server answers the post with (its status). */
async function submit(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
    button.click(),
  ])
  await page.waitForLoadState('domcontentloaded')
  return response.status()
}

async function member(timeZone: string, pseudonym: string) {
  const m = await makeAccount(deps, 'member', { timeZone })
  await enterRoom(deps, m.account, slug, { pseudonymChoice: 'own', pseudonym })
  return m
}

async function clearShifts() {
  await deps.sql`delete from room_rota_shifts where room_id = ${roomId}`
}

describe('a room closed by its rota', () => {
  it('shows a member without JavaScript that it is closed, its next opening in their zone, and the lines', async () => {
    await clearShifts()
    // The next shift starts in 26 hours: the room is closed while the test runs, whatever the hour.
    const startsAt = new Date(Math.ceil((Date.now() + 26 * HOUR) / 60_000) * 60_000)
    await deps.sql`
      insert into room_rota_shifts (room_id, account_id, starts_at, ends_at)
      values (${roomId}, ${facilitator.accountId}, ${startsAt}, ${new Date(startsAt.getTime() + 2 * HOUR)})`
    const reader = await member('America/New_York', 'Quiet Fern')
    const page = await withoutJavaScript(reader.sessionToken)

    expect((await page.goto('/rooms'))?.status()).toBe(200)
    const listed = await page.getByTestId(`hours-${slug}`).textContent()
    expect(listed).toContain(roomhoursEn['roomhours.closedNow'])

    expect((await page.goto(`/rooms/${slug}`))?.status()).toBe(200)
    const notice = page.getByTestId('room-closed')
    expect(await notice.getByRole('heading', { name: roomhoursEn['roomhours.closedTitle'] }).isVisible()).toBe(true)
    // The shift's start, in New York time with the zone named, as the member's own pages show times.
    const expected = formatDateTime(startsAt, { zone: 'America/New_York', locale: 'en' })
    expect(await page.getByTestId('room-next-opening').textContent()).toContain(expected)
    expect(listed).toContain(expected)
    expect(await notice.locator('.crisis-line').count()).toBeGreaterThan(0)
    // Read-only: no composer, a notice in its place.
    expect(await page.getByTestId('composer-closed').textContent()).toBe(roomhoursEn['roomhours.composerClosed'])
    expect(await page.getByLabel('Write a message').count()).toBe(0)
  }, 120_000)

  it("refuses an admin's shift that ends before it starts, without JavaScript, storing nothing", async () => {
    await clearShifts()
    const admin = await makeAccount(deps, 'admin', { timeZone: 'Europe/Warsaw' })
    const page = await withoutJavaScript(admin.sessionToken)
    // The rota is reached from the moderation page.
    expect((await page.goto('/moderation'))?.status()).toBe(200)
    expect(await page.getByRole('link', { name: roomhoursEn['rota.title'] }).getAttribute('href')).toBe('/rota')
    expect((await page.goto('/rota'))?.status()).toBe(200)
    const card = page.locator(`[data-rota-room="${roomId}"]`)
    const form = card.locator(`form[data-rota-add="${roomId}"]`)
    await form.getByLabel('Starts').fill(wallIn10Days(18))
    await form.getByLabel('Ends').fill(wallIn10Days(17))
    expect(await submit(page, form.getByRole('button', { name: 'Add shift' }))).toBe(422)
    const refused = page.locator(`[data-rota-room="${roomId}"] form[data-rota-add="${roomId}"]`)
    expect(await refused.getByRole('alert').textContent()).toBe(roomhoursEn['error.shift_end_before_start'])
    expect(await deps.sql`select id from room_rota_shifts where room_id = ${roomId}`).toHaveLength(0)

    // Corrected: stored as the instant of the wall time in the admin's zone (Warsaw).
    await refused.getByLabel('Starts').fill(wallIn10Days(18))
    await refused.getByLabel('Ends').fill(wallIn10Days(20))
    expect(await submit(page, refused.getByRole('button', { name: 'Add shift' }))).toBe(200)
    expect(await page.getByRole('status').first().textContent()).toContain(roomhoursEn['rota.added'])
    const [stored] = await deps.sql<{ startsAt: Date; endsAt: Date }[]>`
      select starts_at as "startsAt", ends_at as "endsAt" from room_rota_shifts where room_id = ${roomId}`
    expect(stored!.startsAt.getTime()).toBe(warsawInstantIn10Days(18).getTime())
    expect(stored!.endsAt.getTime()).toBe(warsawInstantIn10Days(20).getTime())

    // The shift's remove button takes it off the rota; the cover box turns the requirement off.
    const card2 = page.locator(`[data-rota-room="${roomId}"]`)
    expect(await submit(page, card2.getByRole('button', { name: roomhoursEn['rota.remove'] }))).toBe(200)
    expect(await deps.sql`select id from room_rota_shifts where room_id = ${roomId}`).toHaveLength(0)
    const card3 = page.locator(`[data-rota-room="${roomId}"]`)
    await card3.getByLabel(roomhoursEn['rota.coverLabel']).uncheck()
    expect(await submit(page, card3.getByRole('button', { name: roomhoursEn['rota.coverSave'] }))).toBe(200)
    expect((await deps.sql`select opens_with_cover from rooms where id = ${roomId}`)[0]!.opens_with_cover).toBe(false)
    await deps.sql`update rooms set opens_with_cover = true where id = ${roomId}`
  }, 120_000)

  it('follows its rota live: the composer appears as a shift starts and goes as it ends', async () => {
    await clearShifts()
    const reader = await member('Europe/Warsaw', 'Calm Heron')
    const t0 = new Date(Math.floor(Date.now() / 60_000) * 60_000)
    await deps.sql`
      insert into room_rota_shifts (room_id, account_id, starts_at, ends_at)
      values (${roomId}, ${facilitator.accountId}, ${new Date(t0.getTime() + SHIFT)}, ${new Date(t0.getTime() + 2 * SHIFT)})`
    deps.setNow(t0)
    const user = await newUser(browser, { baseURL: server.baseUrl })
    users.push(user)
    await signInWith(user, server.baseUrl, reader.sessionToken)
    const { page } = user
    await page.clock.install({ time: t0 })
    await page.goto(`/rooms/${slug}`)
    // Hydrated (waitForHydration's animation-frame polling does not run under the installed clock).
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            Object.keys(document.querySelector('main') ?? document.body).some((k) => k.startsWith('__reactFiber$')),
          ),
        { timeout: 30_000 },
      )
      .toBe(true)
    expect(await page.getByTestId('composer-closed').isVisible()).toBe(true)
    await expectUsableOnPhone(page, 'room closed by its rota')

    // The shift starts: the server's clock moves on, and the page's timer for the opening fires.
    deps.setNow(new Date(t0.getTime() + SHIFT + 5_000))
    await page.clock.fastForward(SHIFT + 5_000)
    await expect.poll(() => page.getByLabel('Write a message').count(), { timeout: 60_000 }).toBe(1)
    expect(await page.getByTestId('room-closed').count()).toBe(0)
    // The room list says so too.
    const list = await user.newPage()
    expect((await list.goto('/rooms'))?.status()).toBe(200)
    expect(await list.getByTestId(`hours-${slug}`).textContent()).toBe(roomhoursEn['roomhours.openNow'])
    await list.close()

    // The shift ends: the composer gives way to the notice again.
    deps.setNow(new Date(t0.getTime() + 2 * SHIFT + 5_000))
    await page.clock.fastForward(SHIFT)
    await expect.poll(() => page.getByTestId('composer-closed').count(), { timeout: 60_000 }).toBe(1)
    expect(await page.getByTestId('room-closed').isVisible()).toBe(true)
    deps.setNow(null)
  }, 180_000)
})

/** Ten days from now in Warsaw at `hour`:00, as typed in a datetime-local field, and as an instant. */
const tenDays = () => DateTime.now().setZone('Europe/Warsaw').plus({ days: 10 }).startOf('day')
function wallIn10Days(hour: number): string {
  return tenDays().set({ hour }).toFormat("yyyy-MM-dd'T'HH:mm")
}
function warsawInstantIn10Days(hour: number): Date {
  return tenDays().set({ hour }).toJSDate()
}
