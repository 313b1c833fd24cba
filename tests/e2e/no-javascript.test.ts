/**
 * Every form works without JavaScript: a Chromium with JavaScript disabled (an old phone, a blocked script, a
 * script that never arrived) signs up, signs out, signs in, enters rooms, presses "I need help now" (the incident
 * is raised and the page lists the member's lines: an en-GB browser gets the Samaritans first), writes in the
 * crisis chat and recovers the account with its code. Signed-out pages link to help. A form posted from another site changes nothing and is
 * answered with a 403 page in the visitor's language. Pages carry `Referrer-Policy: same-origin`, so the browser
 * sends our own Origin with a form post (under `no-referrer` it sent `Origin: null`, which the origin check refused
 * with a blank 500).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import {
  MOBILE_VIEWPORT,
  closeBrowser,
  launchBrowser,
  openSiteMenu,
  watchPage,
  type PageLog,
} from '../support/browser.js'
import { createSeedRooms } from '../support/chat.js'

const PASSWORD = 'a calm long passphrase'
const NEW_PASSWORD = 'another calm passphrase'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let foreign: { url: string; close: () => Promise<void> }
let browser: Browser
const contexts: BrowserContext[] = []

/** A page of another site (another host, so the browser calls it cross-site) holding a form that posts to Holdspace. */
async function startForeignSite(target: string): Promise<typeof foreign> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Win a prize</title></head><body>
    <form method="post" action="${target}/signup">
      <input type="hidden" name="kind" value="anonymous"><input type="hidden" name="password" value="${PASSWORD}">
      <input type="hidden" name="consent" value="on"><input type="hidden" name="age" value="on"><input type="hidden" name="terms" value="on"><input type="hidden" name="csrf" value="${'x'.repeat(43)}">
      <button type="submit">Claim</button>
    </form></body></html>`
  const site: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end(html)
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.2', resolve))
  const { port } = site.address() as AddressInfo
  return {
    url: `http://127.0.0.2:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        site.closeAllConnections()
        site.close(() => resolve())
      }),
  }
}

/** A browser with JavaScript switched off, as a person whose scripts did not load. */
async function browserWithoutJavaScript(
  locale = 'en-GB',
): Promise<{ page: Page; log: PageLog; context: BrowserContext }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    javaScriptEnabled: false,
    locale,
    viewport: MOBILE_VIEWPORT,
    serviceWorkers: 'block',
  })
  context.setDefaultTimeout(15_000)
  contexts.push(context)
  const log: PageLog = { csp: [], errors: [], consoleErrors: [] }
  return { page: watchPage(await context.newPage(), log), log, context }
}

/** Click a submit button and wait for the page the server answers the post with; returns that answer's status. */
async function submit(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
    button.click(),
  ])
  await page.waitForLoadState('domcontentloaded')
  return response.status()
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent()
const count = async (query: Promise<Array<{ n: number }>>) => (await query)[0]!.n

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  foreign = await startForeignSite(server.baseUrl)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {})
  await closeBrowser(browser)
  await foreign?.close()
  await server?.close()
  await deps?.close()
})

describe('without JavaScript, in Chromium', { timeout: 120_000 }, () => {
  let visitor: Awaited<ReturnType<typeof browserWithoutJavaScript>>
  let username = ''
  let code = ''

  beforeAll(async () => {
    visitor = await browserWithoutJavaScript()
  })

  it('links to "I need help now" from every signed-out page, and the help page lists the GB lines first', async () => {
    const { page } = visitor
    for (const path of ['/', '/signin', '/signup', '/recover']) {
      const response = await page.goto(path)
      expect(response?.headers()['referrer-policy'], path).toBe('same-origin')
      const help = page.getByRole('banner').getByRole('link', { name: 'I need help now' })
      expect(await help.getAttribute('href'), path).toBe('/help')
    }
    await page.getByRole('banner').getByRole('link', { name: 'I need help now' }).click()
    await page.waitForURL('**/help')
    const card = page.getByTestId('crisis-card')
    expect(await card.getByRole('listitem').first().textContent()).toContain('Samaritans')
    expect(await card.getByRole('link', { name: 'Call 116 123' }).first().getAttribute('href')).toBe('tel:116123')
  })

  it('signs up anonymously and shows the username and recovery code', async () => {
    const { page } = visitor
    await page.goto('/signup')
    await page.getByLabel('Password (at least 10 characters)').fill(PASSWORD)
    await page.getByRole('checkbox', { name: /I agree that Holdspace may process/ }).check()
    await page.getByRole('checkbox', { name: 'I am 16 or older.' }).check()
    await page.getByRole('checkbox', { name: /I accept the terms of use/ }).check()
    expect(await submit(page, page.getByRole('button', { name: 'Create my account' }))).toBe(200)
    expect(await heading(page)).toBe('Your account is ready')
    username = (await page.getByTestId('username').textContent()) ?? ''
    code = (await page.getByTestId('recovery-code').textContent()) ?? ''
    expect(username).toMatch(/^[a-z]+-[a-z]+-\d{4}$/)
    expect(code).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/)
    expect(await count(deps.sql`select count(*)::int as n from accounts where username = ${username}`)).toBe(1)
  })

  it('signs out from the header and signs in with the password', async () => {
    const { page, context } = visitor
    await page.goto('/rooms')
    await openSiteMenu(page)
    expect(await submit(page, page.getByRole('button', { name: 'Sign out' }))).toBe(302)
    expect((await context.cookies()).some((c) => c.name === 'hs_session')).toBe(false)
    await page.goto('/signin')
    await page.getByLabel('Email or username').fill(username)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    expect(await submit(page, page.getByRole('button', { name: 'Sign in' }))).toBe(302)
    expect(new URL(page.url()).pathname).toBe('/rooms')
    await openSiteMenu(page)
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
  })

  it('enters a room: accepts the rules and picks a pseudonym', async () => {
    const { page } = visitor
    await page.goto('/rooms/anxiety')
    await page.getByRole('checkbox', { name: 'I have read the rules and will follow them' }).check()
    await page.getByRole('radio', { name: 'Choose my own name' }).check()
    await page.getByLabel('Pseudonym (2 to 32 characters)').fill('Quiet Heron')
    expect(await submit(page, page.getByRole('button', { name: 'Enter the room' }))).toBe(302)
    expect(new URL(page.url()).pathname).toBe('/rooms/anxiety')
    expect(await page.getByRole('button', { name: 'Enter the room' }).count()).toBe(0)
    expect(
      await count(deps.sql`
      select count(*)::int as n from room_memberships m join rooms r on r.id = m.room_id join accounts a on a.id = m.account_id
      where r.slug = 'anxiety' and a.username = ${username} and m.pseudonym = 'Quiet Heron'`),
    ).toBe(1)
  })

  it('enters another room with the suggested name', async () => {
    const { page } = visitor
    await page.goto('/rooms/low-mood')
    const suggested = (await page.getByRole('radio', { name: /Use the suggested name/ }).getAttribute('id'))!
    const label = (await page.locator(`label[for="${suggested}"]`).textContent())!
    await page.getByRole('checkbox', { name: 'I have read the rules and will follow them' }).check()
    await page.getByRole('radio', { name: /Use the suggested name/ }).check()
    expect(await submit(page, page.getByRole('button', { name: 'Enter the room' }))).toBe(302)
    expect(await page.getByRole('button', { name: 'Enter the room' }).count()).toBe(0)
    const [row] = await deps.sql<{ pseudonym: string }[]>`
      select m.pseudonym from room_memberships m join rooms r on r.id = m.room_id join accounts a on a.id = m.account_id
      where r.slug = 'low-mood' and a.username = ${username}`
    expect(label).toContain(row!.pseudonym)
  })

  it('"I need help now" in the header raises the incident and shows the member\'s lines', async () => {
    const { page } = visitor
    await page.goto('/rooms')
    expect(await submit(page, page.getByRole('banner').getByRole('button', { name: 'I need help now' }))).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/help')
    expect(await page.getByTestId('crisis-status').getAttribute('data-status')).toBe('open')
    const card = page.getByTestId('crisis-card')
    expect(await card.getByRole('listitem').first().textContent()).toContain('Samaritans')
    expect(await card.getByRole('link', { name: 'Call 116 123' }).count()).toBeGreaterThan(0)
    const incidents = await deps.sql<{ source: string; level: string; country: string | null }[]>`
      select i.source, i.level, i.member_country as country from crisis_incidents i join accounts a on a.id = i.member_account_id
      where a.username = ${username}`
    expect(incidents).toEqual([{ source: 'button', level: 'imminent', country: 'GB' }])
  })

  it('writes to the clinician in the crisis chat', async () => {
    const { page } = visitor
    await page.getByLabel('Your message').fill('I am at home and I am scared.')
    expect(await submit(page, page.getByRole('button', { name: 'Send' }))).toBe(200)
    expect(await page.getByTestId('crisis-chat').textContent()).toContain('I am at home and I am scared.')
    expect(
      await count(deps.sql`
      select count(*)::int as n from crisis_chat_messages c join crisis_incidents i on i.id = c.incident_id
      join accounts a on a.id = i.member_account_id where a.username = ${username}`),
    ).toBe(1)
  })

  it('recovers the account with the recovery code', async () => {
    const { page } = visitor
    await openSiteMenu(page)
    expect(await submit(page, page.getByRole('button', { name: 'Sign out' }))).toBe(302)
    await page.goto('/recover')
    await page.getByLabel('Username (or email)').fill(username)
    await page.getByLabel('Recovery code').fill(code)
    await page.getByLabel('New password (at least 10 characters)').fill(NEW_PASSWORD)
    expect(await submit(page, page.getByRole('button', { name: 'Recover my account' }))).toBe(200)
    expect(await heading(page)).toBe('You are back in')
    expect(await page.getByTestId('username').textContent()).toBe(username)
  })

  it('answers no page with a blank page or a browser error', () => {
    expect(visitor.log.errors).toEqual([])
    expect(visitor.log.csp).toEqual([])
  })
})

describe('a form posted from another site', { timeout: 60_000 }, () => {
  for (const [locale, title, lang] of [
    ['en-GB', 'That form came from another site', 'en'],
    ['pl-PL', 'Ten formularz przyszedł z innej strony', 'pl'],
  ] as const) {
    it(`changes nothing and is answered with a 403 page in the visitor's language (${locale})`, async () => {
      const { page } = await browserWithoutJavaScript(locale)
      const accountsBefore = await count(deps.sql`select count(*)::int as n from accounts`)
      const logBefore = deps.logLines.length
      await page.goto(foreign.url)
      expect(await submit(page, page.getByRole('button', { name: 'Claim' }))).toBe(403)
      expect(new URL(page.url()).origin).toBe(server.baseUrl)
      expect(await page.locator('html').getAttribute('lang')).toBe(lang)
      expect(await heading(page)).toBe(title)
      expect(await page.getByTestId('refused').isVisible()).toBe(true)
      expect(await page.getByRole('main').locator('a[href="/help"]').count()).toBe(1)
      expect(await count(deps.sql`select count(*)::int as n from accounts`)).toBe(accountsBefore)
      // One line said why, and no stack trace.
      const logged = deps.logLines.slice(logBefore).join('')
      expect(logged).toContain('form from another site refused')
      expect(logged).not.toMatch(/\n\s+at |stack/)
    })
  }
})
