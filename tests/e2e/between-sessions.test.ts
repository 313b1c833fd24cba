/**
 * Between sessions, in a real browser on a 360 px phone: the facilitator sets homework and shares a recording's
 * transcript as a PDF; the member records a mood check-in and sees it on the chart, writes in the journal (and,
 * writing something crisis-level, is asked before anyone is told), marks the homework done with a reflection,
 * opens the shared file, sets a goal agreed with the facilitator, and writes to the facilitator, who reads and
 * answers. Every page passes the axe-core check without sideways scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../support/groups.js'
import { closeBrowser, launchBrowser, newUser, openSiteMenu, signInWith, type UserSession } from '../support/browser.js'
import { expectUsableOnPhone, openPage } from '../support/usable.js'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let uploadsDir: string
let facilitatorUser: UserSession
let memberUser: UserSession
let facilitator: TestAccount
let member: TestAccount
let groupId: string

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(4000, 32),
  Buffer.from('\n%%EOF\n'),
])

beforeAll(async () => {
  uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'hs-e2e-uploads-'))
  deps = await createTestDeps({ UPLOADS_DIR: uploadsDir })
  server = await startTestServer(deps)
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Maple', { email: 'maple@example.test' })
  member = await makeAccount(deps, 'member', { timeZone: 'Europe/Warsaw' })
  groupId = await makeGroup(deps, facilitator, { title: 'Evening circle' })
  await enrol(deps, facilitator, groupId, member, 'Rowan')
  browser = await launchBrowser()
  facilitatorUser = await newUser(browser, { baseURL: server.baseUrl })
  memberUser = await newUser(browser, { baseURL: server.baseUrl })
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
  await rm(uploadsDir, { recursive: true, force: true })
})

async function incidentsOfMember() {
  return deps.sql<
    { source: string }[]
  >`select source from crisis_incidents where member_account_id = ${member.accountId}`
}

describe('between sessions, in the browser', { timeout: 120_000 }, () => {
  it('lets the facilitator set homework and share a file with the group', async () => {
    const f = facilitatorUser.page
    await openPage(f, `/groups/${groupId}/homework`)
    await f.getByLabel('Title', { exact: true }).fill('Three good things')
    await f.getByLabel('Instructions').fill('Each evening, write down three things that went well.')
    await f.getByLabel('Due date and time').fill('2030-01-10T20:00')
    await f.getByLabel('Reflection question (optional)').fill('What surprised you?')
    await f.getByRole('button', { name: 'Set homework' }).click()
    await expect.poll(() => f.getByText('Homework set.').isVisible()).toBe(true)
    await expect.poll(() => f.getByRole('heading', { name: 'Three good things' }).isVisible()).toBe(true)
    await expectUsableOnPhone(f, 'homework (facilitator)')

    await openPage(f, `/groups/${groupId}/library`)
    const upload = f.locator('form', { has: f.getByRole('button', { name: 'Upload file' }) })
    await upload.getByLabel('Title', { exact: true }).fill('Breathing exercise transcript')
    await upload
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'breathing.pdf', mimeType: 'application/pdf', buffer: PDF })
    await upload.getByRole('button', { name: 'Upload file' }).click()
    await expect.poll(() => f.getByText('Added to the library.').isVisible()).toBe(true)
    await expect
      .poll(() =>
        f
          .getByRole('link', { name: /breathing\.pdf/ })
          .first()
          .isVisible(),
      )
      .toBe(true)
    await expectUsableOnPhone(f, 'group library (facilitator)')
  })

  it('records a mood check-in and shows it on the chart', async () => {
    const m = memberUser.page
    await openPage(m, '/care/mood')
    await m.getByRole('radio', { name: '7', exact: true }).check()
    await m.getByRole('checkbox', { name: 'Hopeful' }).check()
    await m.getByLabel('A note, just for you (optional)').fill('Walked to the park after work.')
    await m.getByRole('button', { name: 'Save check-in' }).click()
    const chart = m.getByRole('img', {
      name: /1 check-in on 1 of the last 30 days\. Average of all check-ins 7 out of 10/,
    })
    await expect.poll(() => chart.isVisible()).toBe(true)
    await expect.poll(() => chart.locator('.mood-latest-dot').count()).toBe(1)
    // The chart's text alternative: the day's number in the table.
    await m.getByText('Show the numbers').first().click()
    await expect.poll(() => m.locator('.chart-table table').first().textContent()).toContain('7')
    await expectUsableOnPhone(m, 'mood')
  })

  it('keeps a journal entry, and asks before telling anyone when the words are crisis-level', async () => {
    const m = memberUser.page
    await openPage(m, '/care/journal/new')
    await m.getByLabel('What is on your mind?').fill('A calmer day. The group helped more than I expected.')
    await m.getByRole('button', { name: 'Save entry' }).click()
    await expect
      .poll(() => m.getByText('A calmer day. The group helped more than I expected.').first().isVisible())
      .toBe(true)
    await expectUsableOnPhone(m, 'journal entry')

    await openPage(m, '/care/journal/new')
    await m.getByLabel('What is on your mind?').fill('I want to kill myself tonight, I have the pills ready.')
    await m.getByRole('button', { name: 'Save entry' }).click()
    await expect.poll(() => m.getByText('Would you like a clinician to contact you?').isVisible()).toBe(true)
    await expect.poll(() => m.getByTestId('crisis-card').isVisible()).toBe(true)
    // Saved, shown the lines, asked: and nobody has been told.
    expect(await incidentsOfMember()).toEqual([])
    await expectUsableOnPhone(m, 'crisis question')
    await m.getByLabel('Anything you would like them to know (optional)').fill('Evenings are the worst.')
    await m.getByRole('button', { name: 'Yes, please' }).click()
    await expect.poll(() => m.getByTestId('support-answer').textContent()).toContain('A clinician has been told')
    expect(await incidentsOfMember()).toEqual([{ source: 'self_care' }])
  })

  it('marks the homework done with a reflection, and opens the shared file', async () => {
    const m = memberUser.page
    // Self-care's overview lists homework still to do, across groups.
    await openPage(m, '/care')
    await expect.poll(() => m.getByTestId('care-homework').textContent()).toContain('Three good things')
    await expectUsableOnPhone(m, 'self-care overview')
    await openPage(m, `/groups/${groupId}`)
    await m.getByRole('link', { name: 'Homework' }).click()
    await expect.poll(() => m.getByRole('heading', { name: 'Three good things' }).isVisible()).toBe(true)
    await m.getByRole('button', { name: 'Mark as done: Three good things' }).click()
    await expect.poll(() => m.getByText('Marked as done. Well done.').isVisible()).toBe(true)
    await m.getByLabel('Your reflection (only the facilitators see it)').fill('How much the small things add up.')
    await m.getByRole('button', { name: 'Share reflection' }).click()
    await expect.poll(() => m.getByText('Your reflection is shared with the facilitators.').isVisible()).toBe(true)
    await expectUsableOnPhone(m, 'homework (member)')
    await openPage(m, '/care')
    await expect.poll(() => m.getByTestId('care-homework').count()).toBe(0)

    await openPage(m, `/groups/${groupId}/library`)
    const link = m.getByRole('link', { name: /breathing\.pdf/ }).first()
    const href = await link.getAttribute('href')
    const file = await m.request.get(href!)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toBe('application/pdf')
    expect(Buffer.from(await file.body()).equals(PDF)).toBe(true)
    await expectUsableOnPhone(m, 'group library (member)')

    // The facilitator sees who did it, by group pseudonym, with the reflection.
    const f = facilitatorUser.page
    await openPage(f, `/groups/${groupId}/homework`)
    await expect.poll(() => f.getByText('1 of 1 members have done it').isVisible()).toBe(true)
    await expect.poll(() => f.locator('main').textContent()).toContain('How much the small things add up.')
    expect(await f.locator('main').textContent()).toContain('Rowan')
    expect(await f.locator('main').textContent()).not.toContain(member.account.username)
  })

  it('sets a goal agreed with the facilitator, ticks a step, and the facilitator follows it', async () => {
    const m = memberUser.page
    await openPage(m, '/care/goals/new')
    await m.getByLabel('Goal', { exact: true }).fill('Walk every evening')
    await m.getByLabel('Why it matters to you').fill('It clears my head.')
    await m.getByLabel('Small steps, one per line').fill('Shoes by the door\nTen minutes round the block')
    await m.getByLabel('Agreed with the facilitator of').selectOption({ label: 'Evening circle' })
    await m.getByRole('button', { name: 'Save goal' }).click()
    await expect.poll(() => m.getByRole('heading', { name: 'Walk every evening' }).isVisible()).toBe(true)
    await m.getByRole('button', { name: 'Mark “Shoes by the door” done' }).click()
    await expect.poll(() => m.getByRole('button', { name: 'Mark “Shoes by the door” not done' }).isVisible()).toBe(true)
    await expect.poll(() => m.getByText('1 of 2 steps done').first().isVisible()).toBe(true)
    await expectUsableOnPhone(m, 'goal (member)')

    const f = facilitatorUser.page
    await openPage(f, `/groups/${groupId}`)
    await f.getByRole('link', { name: 'Goals members agreed with you' }).click()
    await expect.poll(() => f.getByText('Walk every evening').isVisible()).toBe(true)
    const page = await f.locator('main').textContent()
    expect(page).toContain('Rowan')
    expect(page).toContain('1 of 2 steps done')
    expect(page).not.toContain(member.account.username)
    await expectUsableOnPhone(f, 'agreed goals (facilitator)')
  })

  it('sends the facilitator a message that the facilitator reads and answers', async () => {
    const m = memberUser.page
    const f = facilitatorUser.page
    await openPage(m, `/groups/${groupId}`)
    await m.getByRole('link', { name: 'Message the facilitator' }).click()
    await expect
      .poll(() => m.getByTestId('response-time').textContent())
      .toContain('Dr Maple usually answers within 48 hours')
    await m.getByLabel('Your message').fill('Could we talk about the homework on Thursday?')
    await m.getByRole('button', { name: 'Send' }).click()
    await expect
      .poll(() => m.getByTestId('dm').last().textContent())
      .toContain('Could we talk about the homework on Thursday?')
    await expect.poll(() => m.getByTestId('dm-status').last().textContent()).toBe('Sent')
    await expectUsableOnPhone(m, 'thread (member)')

    await openPage(f, '/messages')
    // On a phone the main links sit in the closed site menu: its Messages link still carries the count.
    await openSiteMenu(f)
    await expect.poll(() => f.getByRole('link', { name: /^Messages/ }).textContent()).toBe('Messages 1(1 unread)')
    await f.getByTestId('site-menu').locator('summary').click()
    const row = f.getByTestId('dm-thread').filter({ hasText: 'Rowan' })
    await expect.poll(() => row.textContent()).toContain('1')
    await expectUsableOnPhone(f, 'inbox (facilitator)')
    await row.getByRole('link', { name: 'Rowan' }).click()
    await expect.poll(() => f.getByText('Could we talk about the homework on Thursday?').isVisible()).toBe(true)
    await f.getByLabel('Your message').fill('Yes, let us start with it. Thank you for asking.')
    await f.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => f.getByText('Message sent.').isVisible()).toBe(true)
    await expect.poll(() => f.getByTestId('nav-unread').count()).toBe(0)
    await expectUsableOnPhone(f, 'thread (facilitator)')

    // The member's open thread updates: the answer arrives and their message shows as read.
    await expect
      .poll(() => m.getByText('Yes, let us start with it. Thank you for asking.').isVisible(), { timeout: 15_000 })
      .toBe(true)
    await expect.poll(() => m.getByTestId('dm-status').first().textContent()).toMatch(/^Read /)
  })

  it('ran without a Content Security Policy violation or a page error', () => {
    for (const user of [facilitatorUser, memberUser]) {
      expect(user.log.csp).toEqual([])
      expect(user.log.errors).toEqual([])
    }
  })
})
