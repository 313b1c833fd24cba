/**
 * Facilitators are marked wherever people are listed (issue 18): in a finished session's attendance list the
 * facilitator's name carries the "Facilitator" badge and the members' names do not; in a private-message thread
 * the facilitator's messages carry it. (A room's member list and the live session's participants use the same
 * badge and have their own tests.)
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { HttpClient, startTestServer } from '../support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, sessionStartingIn } from '../support/groups.js'
import { startLivekitDouble, type LivekitDouble } from '../support/livekit-twirp.js'
import { closeBrowser, DESKTOP_VIEWPORT, launchBrowser, watchPage, type PageLog } from '../support/browser.js'
import { admitFromLobby, endSession, joinLobby, receiveLivekitWebhook } from '../../core/video/video.service.js'

let livekit: LivekitDouble
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  server = await startTestServer(deps)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
  await livekit?.close()
})

async function personIn(sessionToken: string): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: DESKTOP_VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'UTC',
    serviceWorkers: 'block',
  })
  contexts.push(context)
  context.setDefaultTimeout(20_000)
  context.setDefaultNavigationTimeout(30_000)
  await context.addCookies([
    { name: 'hs_session', value: sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
  const log: PageLog = { csp: [], errors: [], consoleErrors: [] }
  return { page: watchPage(await context.newPage(), log), log }
}

/** The badges in the list item that names `name`. */
const badgesBeside = (page: Page, list: string, name: string) =>
  page.locator(`${list} li`, { hasText: name }).locator('.badge.facilitator').allInnerTexts()

describe('facilitators marked in member lists', () => {
  it('the session page’s attendance list marks the facilitator and not the members', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Badge')
    const member = await makeAccount(deps)
    const groupId = await makeGroup(deps, facilitator, { title: 'Badge circle' })
    await enrol(deps, facilitator, groupId, member, 'Juniper')
    const sessionId = await sessionStartingIn(deps, groupId, 1)
    const lead = await joinLobby(deps, facilitator.account, { sessionId, mode: 'video' }, false)
    const own = await joinLobby(deps, member.account, { sessionId, mode: 'video' }, true)
    await admitFromLobby(deps, facilitator.account, { sessionId })
    const [{ room }] = await deps.sql<
      { room: string }[]
    >`select livekit_room as room from group_sessions where id = ${sessionId}`
    // Both join the video room, as LiveKit reports it (signed webhooks), then the facilitator ends the session.
    for (const identity of [lead.participantId, own.participantId]) {
      const joined = await livekit.signWebhook({ event: 'participant_joined', room: room!, identity })
      expect(await receiveLivekitWebhook(deps, joined.body, joined.authorization)).toBe('accepted')
    }
    await endSession(deps, facilitator.account, { sessionId })

    const { page, log } = await personIn(facilitator.sessionToken)
    await page.goto(`/sessions/${sessionId}`)
    const list = page.getByTestId('attendance')
    await expect.poll(() => list.locator('li').count(), { timeout: 30_000 }).toBe(2)
    expect(await badgesBeside(page, '[data-testid=attendance]', 'Dr Badge')).toEqual(['Facilitator'])
    expect(await badgesBeside(page, '[data-testid=attendance]', 'Juniper')).toEqual([])
    expect(log.errors).toEqual([])
  }, 120_000)

  it('a private-message thread marks the facilitator’s messages, not the member’s', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Letters')
    const member = await makeAccount(deps)
    const groupId = await makeGroup(deps, facilitator, { title: 'Letters circle' })
    await enrol(deps, facilitator, groupId, member, 'Heron')
    const m = HttpClient.as(server.baseUrl, member)
    const started = await m.post(`/messages/new?group=${groupId}`, {
      body: 'May I ask something?',
      clientId: randomUUID(),
    })
    expect(started.status).toBe(302)
    const threadPath = started.headers.get('location')!
    const f = HttpClient.as(server.baseUrl, facilitator)
    expect((await f.post(threadPath, { body: 'Of course, ask away.', clientId: randomUUID() })).status).toBe(200)

    // The member sees the facilitator marked.
    const { page, log } = await personIn(member.sessionToken)
    await page.goto(threadPath)
    const theirs = page.getByTestId('dm').filter({ hasText: 'Of course, ask away.' })
    expect(await theirs.locator('.badge.facilitator').allInnerTexts()).toEqual(['Facilitator'])
    expect(await page.getByTestId('dm').filter({ hasText: 'May I ask something?' }).locator('.badge').count()).toBe(0)
    // The facilitator sees the member unmarked (and their own message is theirs, not badged).
    const { page: lead } = await personIn(facilitator.sessionToken)
    await lead.goto(threadPath)
    expect(
      await lead.getByTestId('dm').filter({ hasText: 'May I ask something?' }).locator('.badge.facilitator').count(),
    ).toBe(0)
    expect(log.errors).toEqual([])
  }, 120_000)
})
