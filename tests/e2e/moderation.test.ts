/**
 * Moderation as three people meet it, each in their own browser: a member reports a message in a
 * chat room; the facilitator, with the queue open, sees it appear without reloading, and mutes the
 * author from there; the author's composer says they are muted and until when, and their next
 * message is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { formatDateTime } from '../../core/contracts/time.js'
import { startTestServer } from '../support/http.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../support/chat.js'
import { startModerationWorker } from '../support/moderation-worker.js'
import {
  DESKTOP_VIEWPORT,
  MOBILE_VIEWPORT,
  closeBrowser,
  horizontalOverflow,
  launchBrowser,
  newUser,
  waitForHydration,
  type UserSession,
  signInWith,
} from '../support/browser.js'
import { accessibilityViolations, describeViolations } from '../support/a11y.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let worker: Awaited<ReturnType<typeof startModerationWorker>>
let browser: Browser
const sessions: UserSession[] = []

async function browserFor(member: ChatTestMember, viewport?: { width: number; height: number }): Promise<UserSession> {
  const user = await newUser(browser, { baseURL: server.baseUrl, ...(viewport ? { viewport } : {}) })
  await signInWith(user, server.baseUrl, member.cookie.slice('hs_session='.length))
  sessions.push(user)
  return user
}

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  worker = await startModerationWorker(deps)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {})
  await closeBrowser(browser)
  await worker?.stop()
  await server?.close()
  await deps?.close()
})

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 })

async function expectAccessible(page: Page) {
  expect(describeViolations(page.url(), await accessibilityViolations(page))).toBe('')
}

async function openRoom(page: Page) {
  await page.goto('/rooms/anxiety')
  await waitForHydration(page)
  await poll(() => page.getByTestId('connection-status').textContent()).toMatch(/connected/i)
}

// Three browsers and three accessibility checks: about 10 s alone, over 30 s when the suite loads both cores.
describe('reporting and muting, live', { timeout: 120_000 }, () => {
  it("a report appears in the facilitator's queue without a reload; a mute from there reaches the author's composer", async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const author = await chatMember(deps, 'anxiety', { pseudonym: 'Ari Author' })
    const reporter = await chatMember(deps, 'anxiety', { pseudonym: 'Rae Reporter' })
    const facilitator = await chatMember(deps, 'anxiety', { role: 'facilitator', pseudonym: 'Fay Facil' })
    await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`

    const authorUser = await browserFor(author)
    const reporterUser = await browserFor(reporter)
    const facilitatorUser = await browserFor(facilitator, DESKTOP_VIEWPORT)

    // The facilitator's queue is open and empty, listening.
    const queue = facilitatorUser.page
    await queue.goto('/moderation')
    await waitForHydration(queue)
    await poll(() => queue.getByTestId('queue-live').textContent()).toBe('Live updates on')
    expect(await queue.getByTestId('flag').count()).toBe(0)
    await queue.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))

    // The author writes; the reporter sees it and reports it.
    await openRoom(authorUser.page)
    await authorUser.page.getByLabel('Write a message').fill('Nobody here gets it, you are all useless')
    await authorUser.page.getByRole('button', { name: 'Send' }).click()
    await openRoom(reporterUser.page)
    const message = reporterUser.page.getByTestId('message').filter({ hasText: 'you are all useless' })
    await poll(() => message.count()).toBe(1)
    await message.getByRole('button', { name: 'Report' }).click()
    const sheet = reporterUser.page.getByRole('dialog', { name: 'Report this message' })
    await sheet.getByRole('radio', { name: 'Harassment or bullying' }).check()
    await sheet.getByLabel('Anything the facilitators should know (optional)').fill('aimed at all of us')
    // The report form fits a phone and passes the accessibility check.
    expect((await horizontalOverflow(reporterUser.page)).scrollWidth).toBeLessThanOrEqual(MOBILE_VIEWPORT.width)
    await expectAccessible(reporterUser.page)
    await sheet.getByRole('button', { name: 'Send report' }).click()
    await poll(() => message.getByRole('status').textContent()).toContain('A facilitator will look at it')

    // It appears in the open queue, in the same document: no reload.
    await poll(() => queue.getByTestId('flag').count()).toBe(1)
    expect(await queue.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    const flag = queue.getByTestId('flag')
    await poll(() => flag.getByTestId('flagged-message').textContent()).toContain('you are all useless')
    expect(await flag.textContent()).toContain('Ari Author')
    // The screen may have flagged the insult already (as harassment aimed at the room): the report joins that flag.
    await poll(() => flag.textContent()).toContain('aimed at all of us')
    // The reporter stays anonymous even here.
    expect(await flag.textContent()).not.toContain('Rae Reporter')

    await expectAccessible(queue)

    // The facilitator mutes the author for 45 minutes.
    await flag.getByLabel('Mute length in minutes (empty: the usual next step)').fill('45')
    await flag.getByTestId('mute-button').click()
    await poll(() => queue.getByRole('status').filter({ hasText: 'Done.' }).count()).toBe(1)

    // The author's composer says so at once, with the time it ends.
    const notice = authorUser.page.getByTestId('sanction-notice')
    await poll(() => notice.isVisible()).toBe(true)
    const [sanction] = await deps.sql<
      { endsAt: Date }[]
    >`select ends_at as "endsAt" from moderation_sanctions where membership_id = ${author.memberId}`
    // In the member's language and zone (UTC here, as their browser's), the zone named.
    const expected = formatDateTime(sanction!.endsAt, { locale: 'en', zone: 'UTC' }, { year: false })
    expect(await notice.textContent()).toContain(`muted you in this room until ${expected}`)

    // And their next message is refused, saying why.
    await authorUser.page.getByLabel('Write a message').fill('hello?')
    await authorUser.page.getByRole('button', { name: 'Send' }).click()
    await poll(() => authorUser.page.getByTestId('pending-message').getAttribute('data-state')).toBe('failed')
    expect(await authorUser.page.getByTestId('pending-message').textContent()).toContain('muted you')

    await expectAccessible(authorUser.page)
    // The appeals page lists the mute, with the form to appeal it.
    await authorUser.page.getByTestId('sanction-notice').getByRole('link', { name: 'Appeals' }).click()
    await authorUser.page.waitForURL('**/appeals')
    await poll(() => authorUser.page.getByTestId('appealable').count()).toBe(1)
    expect((await horizontalOverflow(authorUser.page)).scrollWidth).toBeLessThanOrEqual(MOBILE_VIEWPORT.width)
    await expectAccessible(authorUser.page)

    // Nothing broke along the way.
    for (const user of [authorUser, reporterUser, facilitatorUser]) {
      expect(user.log.errors).toEqual([])
      expect(user.log.csp).toEqual([])
    }
  })
})
