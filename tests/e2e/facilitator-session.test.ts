/**
 * A facilitator's session from measures to notes, in Chromium on a 360 px phone. The facilitator asks the group for
 * a GAD-7; a member who consents to share completes it; the facilitator reads the between-session summary (the
 * member who does not share is not in it), then opens the session's attendance — suggested from the video room's
 * signed webhooks — corrects it, and writes a note about the session and one about a member. The notes are sealed in
 * the database, read back on the page, and only the note about the member reaches that member's data export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { HttpClient, startTestServer } from '../support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../support/groups.js'
import { startLivekitDouble, type LivekitDouble } from '../support/livekit-twirp.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  type UserSession,
} from '../support/browser.js'
import { expectUsableOnPhone, openPage } from '../support/usable.js'
import { exportAccountData } from '../../core/identity/identity.service.js'

let livekit: LivekitDouble
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let facilitatorUser: UserSession
let memberUser: UserSession
let facilitator: TestAccount
let linden: TestAccount
let rowan: TestAccount
let groupId: string
let sessionId: string

const SESSION_NOTE = 'Talked about sleep and evenings; agreed a short check-in next week.'
const LINDEN_NOTE = 'Linden spoke for the first time: follow up on the move.'

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  server = await startTestServer(deps)
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Whole Session')
  linden = await makeAccount(deps, 'member', { email: 'linden-session@example.test' })
  rowan = await makeAccount(deps, 'member')
  groupId = await makeGroup(deps, facilitator, { title: 'Friday circle' })
  await enrol(deps, facilitator, groupId, linden, 'Linden')
  await enrol(deps, facilitator, groupId, rowan, 'Rowan')
  // This week's session began three minutes ago; next week's is ahead (the one the questionnaire is asked for).
  const now = Date.now()
  const [current] = await deps.sql<{ id: string; room: string }[]>`
    insert into group_sessions (group_id, occurrence_at, starts_at, ends_at, status)
    values (${groupId}, ${new Date(now - 3 * 60_000)}, ${new Date(now - 3 * 60_000)}, ${new Date(now + 57 * 60_000)},
            'live')
    returning id, livekit_room as room`
  sessionId = current!.id
  await deps.sql`
    insert into group_sessions (group_id, occurrence_at, starts_at, ends_at)
    values (${groupId}, ${new Date(now + 7 * 86_400_000)}, ${new Date(now + 7 * 86_400_000)},
            ${new Date(now + 7 * 86_400_000 + 3_600_000)})`
  // Linden joined the video room (LiveKit's signed webhook, through the server's endpoint); Rowan never did.
  const [participant] = await deps.sql<{ id: string }[]>`
    insert into group_session_participants (session_id, account_id, role, state, admitted_at)
    values (${sessionId}, ${linden.accountId}, 'member', 'admitted', now()) returning id`
  const joined = await livekit.signWebhook({
    event: 'participant_joined',
    room: current!.room,
    identity: participant!.id,
  })
  const response = await fetch(`${server.baseUrl}/livekit/webhook`, {
    method: 'POST',
    body: joined.body,
    headers: { 'content-type': 'application/webhook+json', authorization: joined.authorization },
  })
  expect(response.status).toBe(200)

  browser = await launchBrowser()
  facilitatorUser = await newUser(browser, { baseURL: server.baseUrl })
  await signInWith(facilitatorUser, server.baseUrl, facilitator.sessionToken)
  memberUser = await newUser(browser, { baseURL: server.baseUrl })
  await signInWith(memberUser, server.baseUrl, linden.sessionToken)
})

afterAll(async () => {
  await facilitatorUser?.close().catch(() => {})
  await memberUser?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
  await livekit?.close()
})

describe("a facilitator's session from measures to notes, in the browser", () => {
  it('asks for a GAD-7, reads the consenting member’s summary, records attendance and writes notes', async () => {
    const fac = facilitatorUser.page
    const member = memberUser.page

    // 1. The facilitator asks the group for a GAD-7 before the next session.
    await openPage(fac, `/groups/${groupId}/measures`)
    await fac.getByLabel('Questionnaire').selectOption('gad7')
    await fac.getByRole('button', { name: 'Ask the members to complete' }).click()
    await expect.poll(() => fac.getByText('The members were asked.').isVisible(), { timeout: 20_000 }).toBe(true)

    // 2. Linden shares their scores with the group and completes the GAD-7.
    await openPage(member, '/care/measures')
    await member.getByRole('button', { name: 'Share my scores with Friday circle' }).click()
    await expect
      .poll(() => member.getByText("Your scores are now shared with this group's facilitators.").isVisible(), {
        timeout: 20_000,
      })
      .toBe(true)
    await member.getByRole('link', { name: 'Start the GAD-7' }).click()
    await member.waitForURL('**/care/measures/gad7', { timeout: 30_000 })
    const answers = [1, 1, 0, 1, 0, 1, 0] // total 4, minimal
    for (const [i, value] of answers.entries()) {
      const label = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'][value]!
      await member
        .getByRole('group', { name: new RegExp(`^${i + 1}\\. `) })
        .getByLabel(label, { exact: true })
        .check()
    }
    await member.getByRole('button', { name: 'Save my answers' }).click()
    await member.waitForURL('**/care/measures/results/**', { timeout: 20_000 })

    // 3. The between-session summary: Linden completed it; Rowan, who does not share, is not there.
    await openPage(fac, `/groups/${groupId}/measures/summary`)
    const row = fac.getByRole('row', { name: /Linden/ })
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('Completed')
    expect(await row.textContent()).toContain('4 (minimal)')
    expect(await fac.getByText('Rowan').count()).toBe(0)

    // 4. From the group page to this session's attendance and notes.
    await openPage(fac, `/groups/${groupId}`)
    await fac.getByRole('link', { name: 'Past sessions: attendance and notes' }).click()
    await fac.waitForURL(`**/groups/${groupId}/sessions`, { timeout: 30_000 })
    await expect
      .poll(() => fac.getByTestId('session-records').textContent(), { timeout: 20_000 })
      .toContain('Attendance not recorded yet')
    await fac.getByTestId('session-records').getByRole('link').first().click()
    await fac.waitForURL(`**/sessions/${sessionId}/notes`, { timeout: 30_000 })
    await expect
      .poll(() => fac.getByRole('heading', { name: 'Attendance and notes' }).isVisible(), { timeout: 20_000 })
      .toBe(true)
    await expectUsableOnPhone(fac, 'session attendance and notes')

    // Suggested from the video room: Linden present, Rowan absent.
    const lindenBox = fac.getByRole('group', { name: 'Linden' })
    const rowanBox = fac.getByRole('group', { name: 'Rowan' })
    expect(await lindenBox.getByLabel('Present').isChecked()).toBe(true)
    expect(await rowanBox.getByLabel('Absent').isChecked()).toBe(true)
    expect(await lindenBox.textContent()).toContain('Suggested from the video room')
    expect(await fac.content()).not.toContain(linden.account.username)

    // 5. The facilitator corrects Rowan (joined by phone, late) and saves.
    await rowanBox.getByLabel('Late').check()
    await fac.getByRole('button', { name: 'Save attendance' }).click()
    await expect.poll(() => fac.getByText('Attendance saved.').isVisible(), { timeout: 20_000 }).toBe(true)
    expect(await fac.getByRole('group', { name: 'Rowan' }).getByLabel('Late').isChecked()).toBe(true)
    expect(await fac.getByRole('group', { name: 'Rowan' }).textContent()).not.toContain('Suggested from the video room')

    // 6. Notes: one about the session, one about Linden.
    await fac.getByLabel('About the session').fill(SESSION_NOTE)
    await fac.getByLabel('About Linden').fill(LINDEN_NOTE)
    await fac.getByRole('button', { name: 'Save notes' }).click()
    await expect.poll(() => fac.getByText('Notes saved.').isVisible(), { timeout: 20_000 }).toBe(true)
    await openPage(fac, `/sessions/${sessionId}/notes`)
    expect(await fac.getByLabel('About the session').inputValue()).toBe(SESSION_NOTE)
    expect(await fac.getByLabel('About Linden').inputValue()).toBe(LINDEN_NOTE)
    expect(await fac.getByLabel('About Rowan').inputValue()).toBe('')

    // Stored sealed: the text is in no row; the attendance is what the facilitator saved.
    const sealed = await deps.sql<
      { sealed: Buffer }[]
    >`select sealed from session_notes where session_id = ${sessionId}`
    expect(sealed).toHaveLength(2)
    for (const { sealed: bytes } of sealed) {
      expect(bytes.includes(Buffer.from('sleep and evenings'))).toBe(false)
      expect(bytes.includes(Buffer.from('follow up on the move'))).toBe(false)
    }
    const attendance = await deps.sql<{ account: string; status: string }[]>`
        select account_id as account, status from session_attendance where session_id = ${sessionId}`
    expect(Object.fromEntries(attendance.map((a) => [a.account, a.status]))).toEqual({
      [linden.accountId]: 'present',
      [rowan.accountId]: 'late',
    })

    // 7. Linden cannot open the page; their export holds the note about them, not the one about the session.
    const refused = await fetch(`${server.baseUrl}/sessions/${sessionId}/notes`, {
      headers: { cookie: linden.cookie },
    })
    expect(refused.status).toBe(404)
    expect(await refused.text()).not.toContain('follow up on the move')
    const exported = JSON.stringify(await exportAccountData(deps, linden.accountId))
    expect(exported).toContain(LINDEN_NOTE)
    expect(exported).not.toContain(SESSION_NOTE)
  }, 240_000)

  it('works without JavaScript for the facilitator, and is a 404 for a member, another facilitator and a clinician', async () => {
    // Yesterday's session, of which the video room recorded nothing: no suggestion, the facilitator chooses.
    const [past] = await deps.sql<{ id: string }[]>`
        insert into group_sessions (group_id, occurrence_at, starts_at, ends_at, status)
        values (${groupId}, now() - interval '1 day', now() - interval '1 day', now() - interval '23 hours', 'ended')
        returning id`
    const path = `/sessions/${past!.id}/notes`
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      javaScriptEnabled: false,
      locale: 'en-GB',
      viewport: MOBILE_VIEWPORT,
      serviceWorkers: 'block',
    })
    context.setDefaultTimeout(20_000)
    await context.addCookies([
      { name: 'hs_session', value: facilitator.sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
    ])
    try {
      const page = await context.newPage()
      await page.goto(path)
      expect(await page.getByText('The video room recorded no one for this session').isVisible()).toBe(true)
      expect(await page.getByRole('group', { name: 'Linden' }).getByRole('radio', { checked: true }).count()).toBe(0)
      await page.getByRole('group', { name: 'Linden' }).getByLabel('Left early').check()
      await page.getByRole('group', { name: 'Rowan' }).getByLabel('Absent').check()
      await page.getByRole('button', { name: 'Save attendance' }).click()
      await page.waitForURL(`**${path}?done=attendance`, { timeout: 30_000 })
      expect(await page.getByText('Attendance saved.').isVisible()).toBe(true)
      expect(await page.getByRole('group', { name: 'Linden' }).getByLabel('Left early').isChecked()).toBe(true)

      await page.getByLabel('About Rowan').fill('Sent apologies by message.')
      await page.getByRole('button', { name: 'Save notes' }).click()
      await page.waitForURL(`**${path}?done=notes`, { timeout: 30_000 })
      expect(await page.getByLabel('About Rowan').inputValue()).toBe('Sent apologies by message.')
    } finally {
      await context.close()
    }

    // Nobody else reaches either page, and a post from another group's facilitator changes nothing.
    const otherLead = await makeVerifiedFacilitator(deps, 'Dr Other Group')
    await makeGroup(deps, otherLead, { title: 'Other circle' })
    const clinician = await makeAccount(deps, 'clinician')
    for (const who of [linden, otherLead, clinician]) {
      for (const page of [path, `/groups/${groupId}/sessions`]) {
        const response = await fetch(`${server.baseUrl}${page}`, { headers: { cookie: who.cookie } })
        expect(response.status, `${who.account.role} ${page}`).toBe(404)
        expect(await response.text()).not.toContain('Sent apologies')
      }
    }
    const intruder = HttpClient.as(server.baseUrl, otherLead)
    const posted = await intruder.post(path, { intent: 'notes', 'note-member:Rowan': 'overwritten' })
    expect(posted.status).toBe(404)
    const [{ n }] = await deps.sql<{ n: number }[]>`
        select count(*)::int as n from session_notes where session_id = ${past!.id} and written_by = ${otherLead.accountId}`
    expect(n).toBe(0)
  }, 180_000)
})
