/**
 * Group video controls in a real browser (Chromium, 360 px) against the real server and the LiveKit protocol double
 * (decision 047): a member raises their hand, the facilitator sees it in the queue and lowers it; the member tells
 * the facilitators privately that they are not OK, sees the crisis lines and the clinician question, and the
 * facilitator's page shows the signal live — the other member's page never does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
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
import { startLivekitDouble, type LivekitDouble } from '../support/livekit-twirp.js'
import { expectUsableOnPhone, openPage } from '../support/usable.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  type UserSession,
} from '../support/browser.js'

let livekit: LivekitDouble
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let facilitatorUser: UserSession
let memberUser: UserSession
let peerUser: UserSession
let sessionId: string
let peerToken: string

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  server = await startTestServer(deps)
  const facilitator: TestAccount = await makeVerifiedFacilitator(deps, 'Dr Hands')
  const member = await makeAccount(deps, 'member', { timeZone: 'Europe/Warsaw' })
  const peer = await makeAccount(deps, 'member', { timeZone: 'Europe/Warsaw' })
  const groupId = await makeGroup(deps, facilitator, { title: 'Hands circle' })
  await enrol(deps, facilitator, groupId, member, 'Rowan')
  await enrol(deps, facilitator, groupId, peer, 'Sorrel')
  sessionId = await sessionStartingIn(deps, groupId, 4)
  peerToken = peer.sessionToken
  browser = await launchBrowser()
  facilitatorUser = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
  memberUser = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
  peerUser = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
  for (const [user, person] of [
    [facilitatorUser, facilitator],
    [memberUser, member],
    [peerUser, peer],
  ] as const) {
    await signInWith(user, server.baseUrl, person.sessionToken)
  }
})

afterAll(async () => {
  for (const user of [facilitatorUser, memberUser, peerUser]) await user?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
  await livekit?.close()
})

describe('group video controls in the browser', { timeout: 180_000 }, () => {
  it('a raised hand reaches the facilitator, who lowers it; "not OK" reaches the facilitators only', async () => {
    const f = facilitatorUser.page
    const m = memberUser.page
    const p = peerUser.page

    await openPage(f, `/sessions/${sessionId}`)
    await f.getByRole('button', { name: 'Open the session' }).click()
    await expect
      .poll(() => f.getByRole('heading', { name: 'Raised hands' }).isVisible(), { timeout: 30_000 })
      .toBe(true)
    await expect.poll(() => f.getByText('No hands raised.').isVisible()).toBe(true)

    for (const page of [m, p]) {
      await openPage(page, `/sessions/${sessionId}`)
      await page.getByRole('radio', { name: 'Chat only' }).check()
      await page.getByRole('button', { name: 'Go to the lobby' }).click()
      await expect.poll(() => page.getByRole('heading', { name: 'Lobby' }).isVisible(), { timeout: 30_000 }).toBe(true)
    }
    await expect.poll(() => f.getByTestId('lobby-list').textContent(), { timeout: 30_000 }).toContain('Sorrel')
    await f.getByRole('button', { name: 'Admit everyone' }).click()
    for (const page of [m, p])
      await expect
        .poll(() => page.getByRole('heading', { name: 'In the session' }).isVisible(), { timeout: 30_000 })
        .toBe(true)

    // The member raises their hand; the facilitator sees it in the queue, by pseudonym.
    await m.getByRole('button', { name: 'Raise hand' }).click()
    await expect.poll(() => m.getByTestId('hand-status').isVisible(), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => f.getByTestId('hand-queue').textContent(), { timeout: 30_000 }).toContain('Rowan')
    await expectUsableOnPhone(f, 'facilitator with a raised hand')
    await expectUsableOnPhone(m, 'member with a raised hand')

    // The facilitator lowers it: gone from the queue, and the member's button says so.
    await f.getByRole('button', { name: 'Lower: Rowan' }).click()
    await expect.poll(() => f.getByText('No hands raised.').isVisible(), { timeout: 30_000 }).toBe(true)
    await expect.poll(() => m.getByRole('button', { name: 'Raise hand' }).isVisible(), { timeout: 30_000 }).toBe(true)
    expect(await m.getByTestId('hand-status').count()).toBe(0)

    // "I'm not OK": the member sees the crisis lines and the question; the facilitator's page shows it live.
    await m.getByRole('button', { name: "I'm not OK" }).click()
    await expect.poll(() => m.getByTestId('crisis-card').isVisible(), { timeout: 30_000 }).toBe(true)
    await expect
      .poll(() => m.getByRole('heading', { name: 'Would you like a clinician to contact you?' }).isVisible())
      .toBe(true)
    await expect
      .poll(() => f.getByTestId('signal-list').locator('li', { hasText: 'Rowan' }).textContent(), { timeout: 30_000 })
      .toContain('is not OK')
    // The member stayed in the session on the same page (the video view was not torn down).
    expect(await m.getByRole('heading', { name: 'In the session' }).isVisible()).toBe(true)
    await expectUsableOnPhone(m, 'not OK support')

    // The other member's page shows nothing of it, even after a reload.
    expect(await p.getByText('is not OK').count()).toBe(0)
    await openPage(p, `/sessions/${sessionId}`)
    expect(await p.getByTestId('signal-list').count()).toBe(0)
    expect(await p.getByText('is not OK').count()).toBe(0)
    expect(await p.getByRole('heading', { name: 'Private signals from members' }).count()).toBe(0)

    for (const user of [facilitatorUser, memberUser, peerUser]) {
      expect(user.log.csp).toEqual([])
      expect(user.log.errors).toEqual([])
    }
  })

  it('the private signals work with JavaScript off: "stepping out" is sent, "not OK" shows the lines and asks', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: MOBILE_VIEWPORT,
      locale: 'en-GB',
      javaScriptEnabled: false,
    })
    try {
      await context.addCookies([
        { name: 'hs_session', value: peerToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
      ])
      const page = await context.newPage()
      await page.goto(`/sessions/${sessionId}`)
      await page.getByRole('button', { name: "I'm stepping out" }).click()
      await expect
        .poll(() => page.getByTestId('signal-sent').textContent(), { timeout: 30_000 })
        .toBe('The facilitators have been told.')
      await expect
        .poll(
          () =>
            facilitatorUser.page.getByTestId('signal-list').locator('li', { hasText: 'Sorrel' }).first().textContent(),
          { timeout: 30_000 },
        )
        .toContain('is stepping out')

      await page.getByRole('button', { name: "I'm not OK" }).click()
      await expect.poll(() => page.getByTestId('crisis-card').isVisible(), { timeout: 30_000 }).toBe(true)
      await page.getByRole('button', { name: 'No, thanks' }).click()
      await expect
        .poll(() => page.getByTestId('support-answer').textContent(), { timeout: 30_000 })
        .toContain('Nothing was sent to anyone')
      const [{ n }] = await deps.sql<{ n: number }[]>`
        select count(*)::int as n from crisis_incidents i join group_members m on m.account_id = i.member_account_id
        where m.pseudonym = 'Sorrel'`
      expect(n).toBe(0)
    } finally {
      await context.close()
    }
  })
})
