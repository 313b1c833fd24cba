/**
 * Queue health on the crisis console, in Chromium: rendered by the server (JavaScript off), in Polish, on a 360 px
 * phone without sideways scrolling or accessibility violations; and kept live like the rest of the console (an
 * acknowledgement elsewhere updates it without a reload).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { createAccount, type TestAccount } from '../support/crisis-fixtures.js'
import {
  DESKTOP_VIEWPORT,
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone, openPage } from '../support/usable.js'
import { acknowledgeIncident, raiseCrisis } from '../../core/crisis/crisis.service.js'
import { saveSchedule } from '../../core/crisis/crisis.admin.js'
import { pageIncident } from '../../core/crisis/crisis.paging.js'
import { checkWorkersHeartbeat, recordHeartbeat } from '../../core/crisis/crisis.sweeper.js'
import { crisisEn } from '../../app/i18n/crisis.en.js'
import { crisisPl } from '../../app/i18n/crisis.pl.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const sessions: UserSession[] = []
let onCall: TestAccount
let paged: string

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  browser = await launchBrowser()
  const admin = await createAccount(deps, 'admin')
  onCall = await createAccount(deps, 'clinician', { locale: 'pl' })
  await saveSchedule(deps, admin.actor, {
    name: 'Health',
    timeZone: 'UTC',
    handoffTime: '00:00',
    shiftHours: 24,
    startsOn: '2026-01-01',
    members: [onCall.username],
  })
  // Two open incidents raised now: one paged (its escalation never runs: no worker here), one never paged.
  const start = new Date()
  deps.setNow(start)
  const first = await raiseCrisis(deps, {
    memberAccountId: (await createAccount(deps, 'member')).accountId,
    source: 'button',
    level: 'imminent',
  })
  await raiseCrisis(deps, {
    memberAccountId: (await createAccount(deps, 'member')).accountId,
    source: 'report',
    level: 'concern',
  })
  expect(await pageIncident(deps, { incidentId: first.incidentId, level: 0, repeat: 0 })).toBe('paged')
  paged = first.incidentId
  // Seven minutes later both next steps are overdue (the fallback policy's 5 minutes, and a page after a minute).
  deps.setNow(new Date(start.getTime() + 7 * 60_000))
})
afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

describe('queue health on the console', { timeout: 120_000 }, () => {
  it('is rendered by the server without JavaScript, in Polish, readable on a 360 px phone', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: MOBILE_VIEWPORT,
      javaScriptEnabled: false,
      locale: 'pl-PL',
      serviceWorkers: 'block',
    })
    context.setDefaultTimeout(15_000)
    const page = await context.newPage()
    sessions.push({
      context,
      page,
      log: { csp: [], errors: [], consoleErrors: [] },
      newPage: () => context.newPage(),
      close: () => context.close(),
    })
    await context.addCookies([
      {
        name: 'hs_session',
        value: onCall.cookie.slice('hs_session='.length),
        url: server.baseUrl,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ])
    const response = await page.goto('/console')
    expect(response?.status()).toBe(200)
    expect(await page.getByTestId('queue-health').getByRole('heading').textContent()).toBe(
      crisisPl['console.health.title'],
    )
    expect(await page.getByTestId('health-by-level').textContent()).toBe(
      `${crisisPl['crisis.level.imminent']} 1 · ${crisisPl['crisis.level.high']} 0 · ${crisisPl['crisis.level.concern']} 1`,
    )
    expect(await page.getByTestId('health-longest-wait').textContent()).toBe(
      crisisPl['console.health.minutes'].replace('{count}', '7'),
    )
    expect(await page.getByTestId('health-on-call').textContent()).toBe(onCall.username)
    expect(await page.getByTestId('health-unacknowledged').textContent()).toBe('1')
    expect(await page.getByTestId('health-overdue').textContent()).toBe('2')

    // The same page on a 360 px phone with scripts running: no sideways scroll, no WCAG 2.1 AA violation.
    const phone = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT, locale: 'pl-PL' })
    sessions.push(phone)
    await signInWith(phone, server.baseUrl, onCall.cookie.slice('hs_session='.length))
    await openPage(phone.page, '/console')
    await phone.page.getByTestId('queue-health').waitFor()
    await expectUsableOnPhone(phone.page, 'console queue health (pl)')
  })

  it('updates live when an incident is acknowledged', async () => {
    const clinician = await createAccount(deps, 'clinician')
    const session = await newUser(browser, { baseURL: server.baseUrl, viewport: DESKTOP_VIEWPORT })
    sessions.push(session)
    await signInWith(session, server.baseUrl, clinician.cookie.slice('hs_session='.length))
    await openPage(session.page, '/console')
    const unacknowledged = session.page.getByTestId('health-unacknowledged')
    expect(await unacknowledged.textContent()).toBe('1')
    expect(await session.page.getByTestId('queue-health').getByRole('heading').textContent()).toBe('Queue health')

    await acknowledgeIncident(deps, onCall.actor, paged)
    await expect.poll(() => unacknowledged.textContent()).toBe('0')
    // The acknowledged incident no longer waits: the longest wait is the other one's, and one step is overdue.
    expect(await session.page.getByTestId('health-overdue').textContent()).toBe('1')
  })

  it('shows clinicians the banner when the workers process stopped beating', async () => {
    const clinician = await createAccount(deps, 'clinician')
    await recordHeartbeat(deps, { instanceId: 'e2e-workers', process: 'workers', startedAt: new Date() })
    deps.setNow(new Date(deps.now!().getTime() + 45_000))
    expect(await checkWorkersHeartbeat(deps)).toMatchObject({ down: true, newAlarm: true })
    const session = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
    sessions.push(session)
    await signInWith(session, server.baseUrl, clinician.cookie.slice('hs_session='.length))
    for (const path of ['/rooms', '/console']) {
      await openPage(session.page, path)
      expect(await session.page.getByTestId('alarm-banner').textContent(), path).toContain(
        crisisEn['crisisAdmin.alarm.workersDown'],
      )
    }
  })
})
