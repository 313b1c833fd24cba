/**
 * The safety plan and the follow-up, in a real browser on a 360 px phone: a member writes their plan and shares
 * it; the clinician working their incident opens it (audited), resolves the incident with "follow up"; when it is
 * due the member is asked "How are you now?" on every page and answers. The same, with JavaScript off: writing
 * the plan and answering "I need help now", which re-opens the incident at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
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
import { expectUsableOnPhone, openPage } from '../support/usable.js'
import { raiseCrisis, resolveIncident } from '../../core/crisis/crisis.service.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let memberUser: UserSession
let clinicianUser: UserSession
let member: TestAccount
let clinician: TestAccount

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  member = await makeAccount(deps, 'member', { email: 'willow@example.test' })
  clinician = await makeAccount(deps, 'clinician')
  browser = await launchBrowser()
  memberUser = await newUser(browser, { baseURL: server.baseUrl })
  clinicianUser = await newUser(browser, { baseURL: server.baseUrl })
  await signInWith(memberUser, server.baseUrl, member.sessionToken)
  await signInWith(clinicianUser, server.baseUrl, clinician.sessionToken)
})

afterAll(async () => {
  await memberUser?.close().catch(() => {})
  await clinicianUser?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

async function writePlan(page: Page, marker: string) {
  await page.getByLabel('1. Warning signs').fill(`${marker} I stop answering my phone\nI can't sleep`)
  await page.getByLabel('2. Things I can do on my own').fill('Walk by the river')
  await page.getByLabel('4. People I can ask for help').fill('My brother Tomek')
  await page.getByLabel('7. What matters most to me and is worth living for').fill('My cat, Mila')
  await page.getByRole('button', { name: 'Save my plan' }).click()
  await expect.poll(() => page.getByText('Your safety plan is saved.').isVisible()).toBe(true)
  await page.getByRole('button', { name: 'Share my plan with the crisis team' }).click()
  await expect.poll(() => page.getByText('Your plan is now shared with the crisis team.').isVisible()).toBe(true)
}

/** The follow-up falls due: its time is moved to a minute ago instead of waiting the hour. */
async function followUpFallsDue(incidentId: string) {
  await deps.sql`update crisis_followups set due_at = now() - interval '1 minute' where incident_id = ${incidentId} and status = 'scheduled'`
}

describe('safety plan and follow-up, in the browser', { timeout: 120_000 }, () => {
  it('the member writes and shares a plan; the clinician opens it, audited, and resolves with a follow-up the member answers', async () => {
    const m = memberUser.page
    await openPage(m, '/care')
    await m.getByRole('link', { name: 'Safety plan' }).click()
    await expect.poll(() => m.getByRole('heading', { name: 'My safety plan' }).isVisible()).toBe(true)
    await writePlan(m, 'PLAN-E2E-41')
    expect(await m.getByLabel('1. Warning signs').inputValue()).toContain('PLAN-E2E-41')
    await expectUsableOnPhone(m, 'safety plan')

    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    const c = clinicianUser.page
    await openPage(c, `/console/incidents/${incidentId}`)
    await expect.poll(() => c.getByTestId('safety-plan').count()).toBe(0)
    await c.getByRole('button', { name: 'Open the safety plan' }).click()
    await expect.poll(() => c.getByTestId('safety-plan').isVisible()).toBe(true)
    await expect
      .poll(() => c.getByTestId('safety-plan').textContent())
      .toContain('PLAN-E2E-41 I stop answering my phone')
    expect(await c.getByTestId('safety-plan').textContent()).toContain('My cat, Mila')
    const audits =
      await deps.sql`select actor_account_id from audit_log where action = 'safety_plan.view' and target_id = ${incidentId}`
    expect(audits.map((a) => a.actor_account_id)).toEqual([clinician.accountId])
    await expectUsableOnPhone(c, 'incident with the safety plan')

    await c.getByLabel('Outcome').selectOption({ label: 'Follow up with the member later' })
    await c.getByLabel('Ask the member how they are').selectOption({ label: 'in 1 hour' })
    await c.getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => c.getByTestId('follow-ups').isVisible()).toBe(true)
    await expect.poll(() => c.getByTestId('follow-ups').textContent()).toContain('Scheduled')

    // Not yet due: no question.
    await openPage(m, '/rooms')
    expect(await m.getByTestId('follow-up').count()).toBe(0)
    await followUpFallsDue(incidentId)
    await openPage(m, '/groups')
    await expect.poll(() => m.getByRole('heading', { name: 'How are you now?' }).isVisible()).toBe(true)
    await expectUsableOnPhone(m, 'follow-up question')
    await m.getByRole('button', { name: 'I’m OK' }).click()
    await expect.poll(() => m.getByText('Thank you for letting us know.', { exact: false }).isVisible()).toBe(true)
    expect(await m.getByTestId('follow-up').count()).toBe(0)
    const [followUp] = await deps.sql`select status, answer from crisis_followups where incident_id = ${incidentId}`
    expect(followUp).toEqual({ status: 'answered', answer: 'ok' })

    await openPage(c, `/console/incidents/${incidentId}`)
    await expect.poll(() => c.getByTestId('follow-ups').textContent()).toContain('“I’m OK”')
  })

  it('an unshared plan is not offered on the incident page', async () => {
    const other = await makeAccount(deps, 'member')
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: other.accountId,
      source: 'button',
      level: 'concern',
    })
    const c = clinicianUser.page
    await openPage(c, `/console/incidents/${incidentId}`)
    await expect.poll(() => c.getByTestId('plan-section').textContent()).toContain('No shared safety plan to show')
    expect(await c.getByRole('button', { name: 'Open the safety plan' }).count()).toBe(0)
  })

  it('without JavaScript: the plan is written and "I need help now" re-opens the incident at once', async () => {
    const person = await makeAccount(deps, 'member')
    const context: BrowserContext = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: MOBILE_VIEWPORT,
      javaScriptEnabled: false,
      locale: 'en-GB',
    })
    try {
      await context.addCookies([
        { name: 'hs_session', value: person.sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
      ])
      const page = await context.newPage()
      expect((await page.goto('/care/safety-plan'))?.status()).toBe(200)
      await writePlan(page, 'NOJS-PLAN-7')
      const [stored] =
        await deps.sql`select shared_at is not null as shared from safety_plans where account_id = ${person.accountId}`
      expect(stored).toEqual({ shared: true })

      const { incidentId } = await raiseCrisis(deps, {
        memberAccountId: person.accountId,
        source: 'button',
        level: 'high',
      })
      await resolveIncident(deps, { accountId: clinician.accountId, role: 'clinician' }, incidentId, {
        outcome: 'follow_up',
        followUp: { followUpIn: '24h', followUpAt: '', answerWithinHours: 12 },
      })
      await followUpFallsDue(incidentId)
      expect((await page.goto('/care'))?.status()).toBe(200)
      await page.getByRole('button', { name: 'I need help now' }).last().click()
      await expect.poll(() => page.url()).toContain('/help')
      const [incident] = await deps.sql`select status, level from crisis_incidents where id = ${incidentId}`
      expect(incident).toEqual({ status: 'open', level: 'imminent' })
    } finally {
      await context.close()
    }
  })
})
