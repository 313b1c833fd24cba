/**
 * A group session as people meet it, in a real browser (Chromium with fake camera and microphone) on a 360 px
 * screen, against the real server with the LiveKit protocol double: the facilitator opens the session, a member
 * passes the device check into the lobby, the facilitator admits them, and the member's page receives its
 * LiveKit token and joins the session view. The double speaks RoomService and signs tokens' checks, but it
 * carries no media, so the video connection itself is only attempted.
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
let facilitator: TestAccount
let member: TestAccount
let sessionId: string
let groupId: string

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  server = await startTestServer(deps)
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Browser')
  member = await makeAccount(deps, 'member', { timeZone: 'Europe/Warsaw' })
  groupId = await makeGroup(deps, facilitator, { title: 'Evening circle' })
  await enrol(deps, facilitator, groupId, member, 'Rowan')
  sessionId = await sessionStartingIn(deps, groupId, 4)
  browser = await launchBrowser()
  facilitatorUser = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
  memberUser = await newUser(browser, { baseURL: server.baseUrl, viewport: MOBILE_VIEWPORT })
  for (const [user, person] of [
    [facilitatorUser, facilitator],
    [memberUser, member],
  ] as const) {
    await signInWith(user, server.baseUrl, person.sessionToken)
  }
})

afterAll(async () => {
  await facilitatorUser?.close().catch(() => {})
  await memberUser?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
  await livekit?.close()
})

describe('a group session in the browser', { timeout: 120_000 }, () => {
  it('shows the member the group with its next sessions in their own time zone', async () => {
    const { page } = memberUser
    await openPage(page, '/groups')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Therapist-led groups')
    await expect.poll(() => page.getByRole('link', { name: 'Evening circle' }).isVisible()).toBe(true)
    // Weekly at 18:00 Warsaw time; this member's zone is Warsaw too, so a Tuesday 18:00 is listed.
    await expect
      .poll(() => page.getByTestId('next-sessions').first().textContent())
      .toMatch(/Tue \d{1,2} \w{3} \d{4}, 18:00/)
    await expectUsableOnPhone(page, 'group list')
    await openPage(page, `/groups/${groupId}`)
    await expect.poll(() => page.getByTestId('my-status').textContent()).toBe('You are a member')
    await expect.poll(() => page.getByText('Verified licence').first().isVisible()).toBe(true)
    await expectUsableOnPhone(page, 'group page')

    // A session reminder reaches the open page in-app (the email is the other half).
    await page.locator('[data-testid="session-reminders"][data-listening="true"]').waitFor({ state: 'attached' })
    const { sendSessionReminder } = await import('../../core/groups/reminders.service.js')
    const [session] = await deps.sql<
      { startsAt: Date }[]
    >`select starts_at as "startsAt" from group_sessions where id = ${sessionId}`
    expect(
      await sendSessionReminder(deps, { sessionId, kind: '15m', startsAt: session!.startsAt.toISOString() }),
    ).toMatchObject({ status: 'sent' })
    await expect.poll(() => page.getByTestId('session-reminder').textContent()).toContain('A session starts soon.')
    await page.getByTestId('session-reminder').getByRole('link').click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/sessions/${sessionId}`)
    await expect
      .poll(() => page.getByRole('heading', { name: 'Check your camera and microphone' }).isVisible())
      .toBe(true)
  })

  it('takes the member through the device check and the lobby, and into the session once the facilitator admits them', async () => {
    const f = facilitatorUser.page
    const m = memberUser.page

    await openPage(f, `/sessions/${sessionId}`)
    await f.getByRole('button', { name: 'Open the session' }).click()
    await expect.poll(() => f.getByRole('heading', { name: 'Waiting in the lobby' }).isVisible()).toBe(true)
    await expect.poll(() => f.getByText('Nobody is waiting.').isVisible()).toBe(true)
    expect(livekit.callsOf('CreateRoom')).toHaveLength(1)

    await openPage(m, `/sessions/${sessionId}`)
    await expect.poll(() => m.getByRole('heading', { name: 'Check your camera and microphone' }).isVisible()).toBe(true)
    await m.getByRole('radio', { name: 'Video' }).check()
    await m.getByRole('button', { name: 'Test camera and microphone' }).click()
    await expect.poll(() => m.getByTestId('device-status').textContent()).toBe('Camera and microphone work.')
    // The preview plays the (fake) camera.
    await expect
      .poll(() => m.locator('video.device-preview').evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && !v.paused))
      .toBe(true)
    await expectUsableOnPhone(m, 'device check')
    await m.getByRole('button', { name: 'Go to the lobby' }).click()
    await expect.poll(() => m.getByRole('heading', { name: 'Lobby' }).isVisible()).toBe(true)
    await expect
      .poll(() => m.getByTestId('lobby-status').textContent())
      .toBe('You are in the lobby. The facilitator will let you in.')
    await expectUsableOnPhone(m, 'lobby')

    // The facilitator sees the member by their group pseudonym and admits them.
    await expect.poll(() => f.getByTestId('lobby-list').textContent()).toContain('Rowan')
    await f.getByRole('button', { name: 'Admit: Rowan' }).click()
    await expect.poll(() => f.getByTestId('room-list').textContent()).toContain('Rowan')
    // The facilitator is marked in words in the session's participant list; the member is not (issue 18).
    await expect.poll(() => f.getByTestId('room-list').locator('li', { hasText: 'Facilitator' }).count()).toBe(1)
    expect(await f.getByTestId('room-list').locator('li', { hasText: 'Rowan' }).textContent()).not.toContain(
      'Facilitator',
    )

    // The member's page receives its token and joins the session view.
    await expect.poll(() => m.getByRole('heading', { name: 'In the session' }).isVisible()).toBe(true)
    await expect.poll(() => m.getByTestId('token-status').textContent()).toBe('Your access to the session is ready.')
    await expect.poll(() => m.getByTestId('video-status').isVisible()).toBe(true)
    await expectUsableOnPhone(m, 'session view')
    await expectUsableOnPhone(f, 'facilitator controls')

    // The page's Content Security Policy held, and nothing crashed.
    expect(memberUser.log.csp).toEqual([])
    expect(facilitatorUser.log.csp).toEqual([])
    expect(memberUser.log.errors).toEqual([])
    expect(facilitatorUser.log.errors).toEqual([])
  })
})
