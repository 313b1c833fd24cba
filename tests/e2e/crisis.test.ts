/**
 * Crisis in a real browser: a member asks for help and sees the crisis card at once; a clinician in
 * another browser context sees the incident appear live on the console, acknowledges it, and the
 * member's status changes live. Each way of raising a crisis is one entry in TRIGGERS — the typed
 * high-risk chat message joins them once chat is wired to crisis detection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { openPage } from '../support/usable.js'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { createAccount, type TestAccount } from '../support/crisis-fixtures.js'
import {
  DESKTOP_VIEWPORT,
  MOBILE_VIEWPORT,
  closeBrowser,
  horizontalOverflow,
  launchBrowser,
  newUser,
  signInWith,
  waitForHydration,
  type UserSession,
} from '../support/browser.js'
import { accessibilityViolations, describeViolations } from '../support/a11y.js'
import { raiseCrisis } from '../../core/crisis/crisis.service.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import { invalidateSessionsOf } from '../../core/identity/session-cache.js'
import { createSeedRooms } from '../support/chat.js'

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

async function signedIn(account: TestAccount, viewport: { width: number; height: number }): Promise<UserSession> {
  const session = await newUser(browser, { baseURL: server.baseUrl, viewport })
  await signInWith(session, server.baseUrl, account.cookie.slice('hs_session='.length))
  sessions.push(session)
  return session
}

/** Ways a member raises a crisis from an ordinary page; each leaves them looking at the crisis card. */
const TRIGGERS: Record<string, (page: Page, member: TestAccount) => Promise<void>> = {
  'the "I need help now" button': async (page) => {
    await openPage(page, '/rooms')
    await page.getByRole('button', { name: 'I need help now' }).first().click()
  },
  'a high-risk chat message': async (page, member) => {
    await createSeedRooms(deps)
    await enterRoom(deps, { accountId: member.accountId, role: 'member', pseudonymMode: 'ask' }, 'low-mood', {
      pseudonymChoice: 'generated',
    })
    await openPage(page, '/rooms/low-mood')
    await page.getByTestId('connection-status').filter({ hasText: 'Connected' }).waitFor()
    await page.getByLabel('Write a message').fill("i can't take it anymore, i'm going to kill myself tonight")
    await page.keyboard.press('Enter')
  },
}

describe('crisis in the browser', { timeout: 120_000 }, () => {
  for (const [name, raise] of Object.entries(TRIGGERS)) {
    it(`shows the card after ${name}, and the member sees the clinician acknowledge live`, async () => {
      const member = await createAccount(deps, 'member')
      const clinician = await createAccount(deps, 'clinician')
      const m = await signedIn(member, MOBILE_VIEWPORT)
      const c = await signedIn(clinician, DESKTOP_VIEWPORT)

      await openPage(c.page, '/console')
      const incidents = c.page.getByTestId('incident')
      const before = await incidents.count()

      await raise(m.page, member)
      const card = m.page.getByTestId('crisis-card')
      await card.waitFor()
      expect(await card.textContent()).toContain('Find A Helpline')
      const status = m.page.getByTestId('crisis-status')
      await expect
        .poll(() => status.textContent())
        .toBe('A clinician has been told and will join you. Stay here if you can.')
      await waitForHydration(m.page)

      // The console updates without a reload.
      await expect.poll(() => incidents.count(), { timeout: 15_000 }).toBe(before + 1)
      const [{ id }] = await deps.sql`select id from crisis_incidents where member_account_id = ${member.accountId}`
      const row = c.page.locator(`[data-incident="${id}"]`)
      expect(await row.textContent()).toContain('Imminent')
      expect(await row.textContent()).not.toContain(member.username)
      await row.getByRole('link', { name: 'Open' }).click()
      await c.page.waitForURL(`**/console/incidents/${id}`)
      await waitForHydration(c.page)
      await c.page.getByRole('button', { name: 'Acknowledge' }).click()
      await expect.poll(() => c.page.getByTestId('incident-status').textContent()).toBe('Acknowledged')

      // The member's status changes live, without a reload.
      await expect
        .poll(() => status.textContent(), { timeout: 15_000 })
        .toBe('A clinician has seen your request and is joining you now.')

      // The private chat works both ways (from a chat room the member follows the card's link to it).
      if ((await m.page.getByTestId('crisis-chat').count()) === 0) {
        await m.page.getByRole('link', { name: 'Open the help page to talk with the clinician' }).click()
        await m.page.getByTestId('crisis-chat').waitFor({ state: 'attached' })
      }
      await c.page.getByLabel('Your message').fill('I am here with you. Are you safe right now?')
      await c.page.getByRole('button', { name: 'Send' }).click()
      await expect
        .poll(() => m.page.getByTestId('crisis-chat').textContent(), { timeout: 15_000 })
        .toContain('Are you safe right now?')

      for (const s of [m, c]) {
        expect(s.log.csp, 'CSP violations').toEqual([])
        expect(s.log.errors, 'page errors').toEqual([])
      }
    })
  }

  it('every crisis page passes the accessibility check and fits a 360 px phone, in English and Polish', async () => {
    const member = await createAccount(deps, 'member')
    const clinician = await createAccount(deps, 'clinician')
    const admin = await createAccount(deps, 'admin')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const problems: string[] = []
    const pages: [TestAccount, string][] = [
      [member, '/help'],
      [clinician, '/console'],
      [clinician, `/console/incidents/${raised.incidentId}`],
      [admin, '/admin/crisis'],
    ]
    const sessionOf = new Map<TestAccount, UserSession>()
    for (const locale of ['en', 'pl']) {
      for (const [account, path] of pages) {
        await deps.sql`update accounts set locale = ${locale} where id = ${account.accountId}`
        // Set behind the product's back: tell the page servers' session caches, as saving preferences does (decision 052).
        await invalidateSessionsOf(deps, account.accountId)
        if (!sessionOf.has(account)) sessionOf.set(account, await signedIn(account, MOBILE_VIEWPORT))
        const session = sessionOf.get(account)!
        await openPage(session.page, path).catch((error) => {
          throw new Error(
            `${locale} ${path}: ${(error as Error).message.split('\n')[0]}; page errors: ${session.log.errors.join(' | ')}; console: ${session.log.consoleErrors.join(' | ')}`,
          )
        })
        const violations = await accessibilityViolations(session.page)
        if (violations.length) problems.push(describeViolations(`${locale} ${path}`, violations))
        const { overflows, scrollWidth } = await horizontalOverflow(session.page)
        if (overflows) problems.push(`${locale} ${path}: scrolls sideways (${scrollWidth}px)`)
        expect(await session.page.getAttribute('html', 'lang')).toBe(locale)
      }
    }
    expect(problems.join('\n')).toBe('')
  })
})
