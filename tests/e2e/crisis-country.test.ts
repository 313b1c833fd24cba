/**
 * The member's country in a real browser (issue 13): Chromium with the locale en-GB signs up through the page, enters
 * a room, writes words of crisis, and the card in the room lists the UK lines first — the country was taken at
 * sign-up from the browser and is the one every place uses. And a private-message thread under an open request for
 * help stays readable on a 360 px phone: one calm line, the lines folded away, the messages first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone, openPage } from '../support/usable.js'
import { createSeedRooms } from '../support/chat.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator } from '../support/groups.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import { hashToken } from '../../core/identity/identity.crypto.js'
import { raiseCrisis } from '../../core/crisis/crisis.service.js'
import * as messages from '../../core/messages/messages.service.js'
import argon2 from 'argon2'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const sessions: UserSession[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  await createSeedRooms(deps)
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

describe('the member country in the browser', { timeout: 120_000 }, () => {
  it('an en-GB browser signs up, and the crisis card in a room lists the UK lines first', async () => {
    const user = await newUser(browser, { baseURL: server.baseUrl, locale: 'en-GB' })
    sessions.push(user)
    const { page } = user
    await openPage(page, '/signup')
    await page.getByRole('radio', { name: /Anonymously/ }).check()
    await page.getByLabel('Password (at least 10 characters)').fill('a long secret phrase')
    await page.getByRole('checkbox', { name: /I agree that Holdspace may process/ }).check()
    await page.locator('input[name=age]').check()
    await page.locator('input[name=terms]').check()
    await page.getByRole('button', { name: 'Create my account' }).click()
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account is ready')

    const token = (await user.context.cookies()).find((c) => c.name === 'hs_session')!.value
    const [row] = await deps.sql<{ accountId: string; country: string | null }[]>`
      select a.id as "accountId", a.country from sessions s join accounts a on a.id = s.account_id where s.token_hash = ${hashToken(token)}`
    expect(row!.country).toBe('GB')

    await enterRoom(deps, { accountId: row!.accountId, role: 'member', pseudonymMode: 'ask' }, 'low-mood', {
      pseudonymChoice: 'generated',
    })
    await openPage(page, '/rooms/low-mood')
    await page.getByTestId('connection-status').filter({ hasText: 'Connected' }).waitFor()
    await page.getByLabel('Write a message').fill("I can't go on, I want to die")
    await page.keyboard.press('Enter')
    const card = page.getByTestId('crisis-card')
    await card.waitFor()
    const names = await card.locator('.crisis-line strong').allTextContents()
    expect(names[0]).toBe('Samaritans')
    expect(names).toContain('Emergency services (112 in the EU, 911 in North America, 999 in the UK)')
    expect(user.log.errors, 'page errors').toEqual([])
    expect(user.log.csp, 'CSP violations').toEqual([])
  })

  it('a thread under an open request for help stays readable on a 360 px phone', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Phone')
    const member = await makeAccount(deps, 'member')
    const groupId = await makeGroup(deps, facilitator, { title: 'Phone circle' })
    await enrol(deps, facilitator, groupId, member, 'Hazel')
    await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const sent = await messages.sendMessage(
      deps,
      member.account,
      { groupId },
      { body: 'Could we talk about sleep next session?', clientId: messages.newClientId() },
    )

    const user = await newUser(browser, { baseURL: server.baseUrl, locale: 'en-GB', viewport: MOBILE_VIEWPORT })
    sessions.push(user)
    await signInWith(user, server.baseUrl, member.sessionToken)
    const { page } = user
    await openPage(page, `/messages/${sent.threadId}`)
    await waitForHydration(page)
    const notice = page.getByTestId('dm-crisis')
    expect(await notice.getAttribute('data-reason')).toBe('still_open')
    expect(await page.locator('main').textContent()).not.toContain('sounds really hard')
    // The card is folded: its lines are not on screen until the member opens them.
    expect(await page.getByTestId('crisis-card').isVisible()).toBe(false)
    // One calm line takes at most a quarter of the phone's screen above the messages (the full card was a screen).
    const folded = (await notice.boundingBox())!
    expect(folded.height).toBeLessThanOrEqual(MOBILE_VIEWPORT.height / 4)
    const message = (await page.getByTestId('dm').first().boundingBox())!
    expect(message.y).toBeGreaterThanOrEqual(folded.y + folded.height)
    await expectUsableOnPhone(page, 'thread under an open request')

    await page.getByText('Crisis lines you can call now').click()
    await expect.poll(() => page.getByTestId('crisis-card').isVisible()).toBe(true)
    expect((await notice.boundingBox())!.height).toBeGreaterThan(MOBILE_VIEWPORT.height / 2)
    await expectUsableOnPhone(page, 'thread with the lines open')
    expect(user.log.errors, 'page errors').toEqual([])
  })

  it('deleting the account while a request for help is open is refused kindly on a phone, with the lines, and nothing is deleted', async () => {
    const member = await makeAccount(deps, 'member', { password: await argon2.hash('a long secret phrase') })
    await deps.sql`update accounts set country = 'GB' where id = ${member.accountId}`
    await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const user = await newUser(browser, { baseURL: server.baseUrl, locale: 'en-GB', viewport: MOBILE_VIEWPORT })
    sessions.push(user)
    await signInWith(user, server.baseUrl, member.sessionToken)
    const { page } = user
    await openPage(page, '/account')
    await page.getByLabel('Confirm with your password').fill('a long secret phrase')
    await page.getByRole('button', { name: 'Delete my account for good' }).click()
    const waits = page.getByTestId('deletion-waits')
    await waits.waitFor()
    expect(await waits.getByRole('alert').textContent()).toContain('Nothing was deleted.')
    expect((await waits.locator('.crisis-line strong').allTextContents())[0]).toBe('Samaritans')
    await expectUsableOnPhone(page, 'account deletion refused')
    const [row] = await deps.sql<{ n: number }[]>`
      select count(*)::int as n from crisis_incidents where member_account_id = ${member.accountId} and status <> 'resolved'`
    expect(row!.n).toBe(1)
    expect(user.log.errors, 'page errors').toEqual([])
  })
})
