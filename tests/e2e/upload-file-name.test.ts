/**
 * Issue 17.8 in Chromium: a facilitator uploads a file named `a=b "c" ;d.pdf` (the browser sends it as
 * filename="a=b %22c%22 ;d.pdf") with JavaScript on and with it off. Both uploads are added, the member sees the name
 * exactly as it was written (escaped, not interpreted), and no log line holds the name.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../support/groups.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  newUser,
  signInWith,
  type UserSession,
} from '../support/browser.js'
import { openPage } from '../support/usable.js'

const NAME = 'a=b "c" ;d.pdf'
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(4000, 32),
  Buffer.from('\n%%EOF\n'),
])

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let uploadsDir: string
let facilitator: TestAccount
let member: TestAccount
let groupId: string
let withScript: UserSession
let withoutScript: BrowserContext
let memberUser: UserSession

beforeAll(async () => {
  uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'hs-e2e-upload-name-'))
  deps = await createTestDeps({ UPLOADS_DIR: uploadsDir })
  server = await startTestServer(deps)
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Birch', { email: 'birch@example.test' })
  member = await makeAccount(deps, 'member')
  groupId = await makeGroup(deps, facilitator, { title: 'Morning circle' })
  await enrol(deps, facilitator, groupId, member, 'Alder')
  browser = await launchBrowser()
  withScript = await newUser(browser, { baseURL: server.baseUrl })
  await signInWith(withScript, server.baseUrl, facilitator.sessionToken)
  memberUser = await newUser(browser, { baseURL: server.baseUrl })
  await signInWith(memberUser, server.baseUrl, member.sessionToken)
  withoutScript = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: MOBILE_VIEWPORT,
    locale: 'en-GB',
    javaScriptEnabled: false,
  })
  await withoutScript.addCookies([
    { name: 'hs_session', value: facilitator.sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
}, 120_000)

afterAll(async () => {
  await withScript?.close().catch(() => {})
  await memberUser?.close().catch(() => {})
  await withoutScript?.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
  await rm(uploadsDir, { recursive: true, force: true })
})

describe('a file name with = ; and quotes, in Chromium', { timeout: 120_000 }, () => {
  it('uploads with JavaScript on and off, and the member sees the name as written', async () => {
    const scripted = withScript.page
    await openPage(scripted, `/groups/${groupId}/library`)
    const form = scripted.locator('form', { has: scripted.getByRole('button', { name: 'Upload file' }) })
    await form.getByLabel('Title', { exact: true }).fill('With script')
    await form
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: NAME, mimeType: 'application/pdf', buffer: PDF })
    await form.getByRole('button', { name: 'Upload file' }).click()
    await expect.poll(() => scripted.getByText('Added to the library.').isVisible()).toBe(true)

    const plain = await withoutScript.newPage()
    await plain.goto(`/groups/${groupId}/library`)
    const plainForm = plain.locator('form', { has: plain.getByRole('button', { name: 'Upload file' }) })
    await plainForm.getByLabel('Title', { exact: true }).fill('Without script')
    await plainForm
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: NAME, mimeType: 'application/pdf', buffer: PDF })
    await plainForm.getByRole('button', { name: 'Upload file' }).click()
    await expect.poll(() => plain.getByText('Added to the library.').isVisible()).toBe(true)

    expect(await deps.sql`select title from library_resources where file_name = ${NAME} order by title`).toEqual([
      { title: 'With script' },
      { title: 'Without script' },
    ])
    const m = memberUser.page
    await openPage(m, `/groups/${groupId}/library`)
    const links = m.getByRole('link', { name: new RegExp(NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    await expect.poll(() => links.count()).toBe(2)
    expect(deps.logLines.filter((l) => l.includes('a=b') || l.includes(';d.pdf'))).toEqual([])
  })
})
