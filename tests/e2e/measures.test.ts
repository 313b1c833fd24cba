/**
 * Measurement-based care in a real browser on a 360 px phone. The facilitator asks the group to complete a PHQ-9;
 * the member — with JavaScript switched off — completes it, answering item 9 "several days", and sees the crisis
 * lines and the clinician question at once; saying yes raises one crisis. The facilitator sees no score until the
 * member shares with the group, then sees it under the group pseudonym on both views, and nothing once the member
 * stops sharing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import {
  enrol,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  sessionStartingIn,
  type TestAccount,
} from '../support/groups.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  watchPage,
  type PageLog,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone, openPage } from '../support/usable.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let facilitatorUser: UserSession
let memberContext: BrowserContext
let memberPage: Page
let facilitator: TestAccount
let member: TestAccount
let groupId: string

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Measures')
  member = await makeAccount(deps, 'member', { email: 'linden@example.test' })
  groupId = await makeGroup(deps, facilitator, { title: 'Wednesday circle' })
  await enrol(deps, facilitator, groupId, member, 'Linden')
  await sessionStartingIn(deps, groupId, 60 * 24)
  browser = await launchBrowser()
  facilitatorUser = await newUser(browser, { baseURL: server.baseUrl })
  await signInWith(facilitatorUser, server.baseUrl, facilitator.sessionToken)
  // The member's browser runs no JavaScript: every step is a plain form post.
  memberContext = await browser.newContext({
    baseURL: server.baseUrl,
    javaScriptEnabled: false,
    locale: 'en-GB',
    viewport: MOBILE_VIEWPORT,
    serviceWorkers: 'block',
  })
  memberContext.setDefaultTimeout(20_000)
  await memberContext.addCookies([
    { name: 'hs_session', value: member.sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
  const log: PageLog = { csp: [], errors: [], consoleErrors: [] }
  memberPage = watchPage(await memberContext.newPage(), log)
})

afterAll(async () => {
  await facilitatorUser?.close().catch(() => {})
  await memberContext?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

async function incidents() {
  return deps.sql<
    { source: string; level: string }[]
  >`select source, level from crisis_incidents where member_account_id = ${member.accountId}`
}

describe("PHQ-9 from the request to the facilitator's view, in the browser", { timeout: 180_000 }, () => {
  it('the facilitator asks, the member completes it without JavaScript, item 9 offers a clinician, scores are seen only with consent', async () => {
    const fac = facilitatorUser.page
    const measuresPath = `/groups/${groupId}/measures`

    // The facilitator asks the group for a PHQ-9 before the next session.
    await openPage(fac, measuresPath)
    await expectUsableOnPhone(fac, 'facilitator measures')
    await fac.getByLabel('Questionnaire').selectOption('phq9')
    await fac.getByRole('button', { name: 'Ask the members to complete' }).click()
    await expect.poll(() => fac.getByText('The members were asked.').isVisible(), { timeout: 20_000 }).toBe(true)

    // The member sees the request and completes the PHQ-9; item 9: "several days".
    await memberPage.goto('/care/measures')
    await expect
      .poll(() => memberPage.getByTestId('measures-pending').textContent())
      .toContain('Wednesday circle asked you to complete the PHQ-9')
    await memberPage.getByRole('link', { name: 'Start the PHQ-9' }).click()
    await memberPage.waitForURL('**/care/measures/phq9')
    const answers = [2, 2, 1, 1, 0, 1, 0, 0, 1] // total 8, mild
    for (const [i, value] of answers.entries()) {
      const label = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'][value]!
      await memberPage
        .getByRole('group', { name: new RegExp(`^${i + 1}\\. `) })
        .getByLabel(label, { exact: true })
        .check()
    }
    await memberPage.getByRole('button', { name: 'Save my answers' }).click()
    await memberPage.waitForURL('**/care/measures/results/**')

    // At once: the crisis lines and the question; nothing raised yet.
    expect(await memberPage.getByTestId('crisis-card').isVisible()).toBe(true)
    expect(
      await memberPage.getByRole('heading', { name: 'Would you like a clinician to contact you?' }).isVisible(),
    ).toBe(true)
    expect(await memberPage.getByTestId('measure-score').textContent()).toBe('Your score: 8 of 27 — mild.')
    expect(await incidents()).toEqual([])
    const resultPath = new URL(memberPage.url()).pathname
    await memberPage.getByLabel('Anything you would like them to know (optional)').fill('evenings are hardest')
    await memberPage.getByRole('button', { name: 'Yes, please' }).click()
    await expect
      .poll(() => memberPage.getByTestId('support-answer').textContent())
      .toContain('A clinician has been told')
    expect(await incidents()).toEqual([{ source: 'self_care', level: 'concern' }])

    // The same pages with JavaScript on pass the phone and accessibility check (axe needs scripts to run).
    const memberWithScripts = await newUser(browser, { baseURL: server.baseUrl })
    await signInWith(memberWithScripts, server.baseUrl, member.sessionToken)
    await openPage(memberWithScripts.page, '/care/measures/phq9')
    await expectUsableOnPhone(memberWithScripts.page, 'PHQ-9 form')
    await openPage(memberWithScripts.page, resultPath)
    expect(await memberWithScripts.page.getByTestId('support-answer').textContent()).toContain(
      'You already asked for a clinician',
    )
    await expectUsableOnPhone(memberWithScripts.page, 'PHQ-9 result with the crisis card')
    await memberWithScripts.close()

    // No consent yet: the facilitator sees no score on either view.
    await openPage(fac, measuresPath)
    expect(await fac.getByTestId('sharing-members').textContent()).toContain(
      'No member shares their scores with this group yet.',
    )
    expect(await fac.getByText('Latest PHQ-9').count()).toBe(0)
    await openPage(fac, `${measuresPath}/summary`)
    expect(await fac.getByText('Linden').count()).toBe(0)
    expect(await fac.getByTestId('session-summary').count()).toBe(0)

    // The member shares with the group.
    await memberPage.goto('/care/measures')
    expect(await memberPage.getByTestId('measures-pending').count()).toBe(0)
    expect(await memberPage.getByTestId('trend-phq9').textContent()).toContain('Latest PHQ-9: 8 of 27 (mild)')
    await memberPage.getByRole('button', { name: 'Share my scores with Wednesday circle' }).click()
    await expect
      .poll(() => memberPage.getByText("Your scores are now shared with this group's facilitators.").isVisible())
      .toBe(true)
    expect(await memberPage.getByTestId('measures-sharing').textContent()).toContain(
      'Shared with the facilitators of Wednesday circle since',
    )

    // Now the facilitator sees the score under the group pseudonym, and the summary says it was completed.
    await openPage(fac, measuresPath)
    const section = fac.getByRole('region', { name: 'Linden' })
    expect(await section.getByTestId('trend-phq9').textContent()).toContain('Latest PHQ-9: 8 of 27 (mild)')
    expect(await fac.content()).not.toContain(member.account.username)
    await openPage(fac, `${measuresPath}/summary`)
    const row = fac.getByRole('row', { name: /Linden/ })
    expect(await row.textContent()).toContain('Completed')
    expect(await row.textContent()).toContain('8 (mild)')
    await expectUsableOnPhone(fac, 'between-session summary')

    // The member stops sharing: gone from both views.
    await memberPage.getByRole('button', { name: 'Stop sharing with Wednesday circle' }).click()
    await expect.poll(() => memberPage.getByText('You stopped sharing.').isVisible()).toBe(true)
    await openPage(fac, measuresPath)
    expect(await fac.getByText('Latest PHQ-9').count()).toBe(0)
    await openPage(fac, `${measuresPath}/summary`)
    expect(await fac.getByText('Linden').count()).toBe(0)
  })

  it('gives the member and strangers the 404 page for the facilitator views', async () => {
    const stranger = await makeAccount(deps, 'facilitator')
    for (const who of [member, stranger]) {
      for (const path of [`/groups/${groupId}/measures`, `/groups/${groupId}/measures/summary`]) {
        const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: who.cookie } })
        expect(response.status, `${path}`).toBe(404)
        expect(await response.text()).not.toContain('Linden')
      }
    }
  })
})
