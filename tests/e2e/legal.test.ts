/**
 * Issue 18: the age confirmation and the terms and privacy notice at sign-up, and the /privacy and /terms pages an
 * admin edits at /admin/legal. Over HTTP as a browser posts, and in Chromium with JavaScript off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { HttpClient, startTestServer } from '../support/http.js'
import { makeAccount, type TestAccount } from '../support/groups.js'
import { MOBILE_VIEWPORT, closeBrowser, launchBrowser } from '../support/browser.js'
import { confirmationPath, deliverSignUpEmails, mailFor, mailsFor, tokenOf } from '../support/signup.js'
import { legalEn } from '../../app/i18n/legal.en.js'
import { legalPl } from '../../app/i18n/legal.pl.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
let admin: TestAccount
let member: TestAccount
const contexts: BrowserContext[] = []
const PASSWORD = 'a long secret phrase'
const VERSION = /^terms:\d+,privacy:\d+$/

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  browser = await launchBrowser()
  admin = await makeAccount(deps, 'admin')
  member = await makeAccount(deps, 'member')
})
afterAll(async () => {
  for (const c of contexts) await c.close()
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

const count = async (q: Promise<Array<{ n: number }>>) => (await q)[0]!.n

describe('sign-up asks for the age and the terms', () => {
  it('refuses an anonymous sign-up without the age confirmation or the terms, creating nothing', async () => {
    const c = new HttpClient(server.baseUrl)
    const noAge = await c.post('/signup', { kind: 'anonymous', password: PASSWORD, consent: 'on', terms: 'on' })
    expect(noAge.status).toBe(422)
    const html = await noAge.text()
    expect(html).toContain(legalEn['error.age_required'].replace('{age}', '16'))
    expect(html).not.toContain(legalEn['error.terms_required'])
    expect(c.cookies.has('hs_session')).toBe(false)

    const noTerms = await c.post('/signup', { kind: 'anonymous', password: PASSWORD, consent: 'on', age: 'on' })
    expect(noTerms.status).toBe(422)
    expect(await noTerms.text()).toContain(legalEn['error.terms_required'])
    expect(c.cookies.has('hs_session')).toBe(false)
  })

  it('refuses a registered sign-up without them in Polish, and writes no request', async () => {
    const email = `legal-${Date.now().toString(36)}@example.test`
    const c = new HttpClient(server.baseUrl)
    c.cookies.set('hs_lang', 'pl')
    const response = await c.post('/signup', { kind: 'registered', email, password: PASSWORD, consent: 'on' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain(legalPl['error.age_required'].replace('{age}', '16'))
    expect(html).toContain(legalPl['error.terms_required'])
    expect(await count(deps.sql`select count(*)::int as n from signup_requests where email = ${email}`)).toBe(0)
  })

  it('shows the minimum age from the MIN_AGE setting', async () => {
    const before = deps.config.MIN_AGE
    ;(deps.config as { MIN_AGE: number }).MIN_AGE = 18
    try {
      const html = await (await new HttpClient(server.baseUrl).get('/signup')).text()
      expect(html).toContain(legalEn['legal.signup.age'].replace('{age}', '18'))
      expect(html).toContain('href="/terms"')
      expect(html).toContain('href="/privacy"')
    } finally {
      ;(deps.config as { MIN_AGE: number }).MIN_AGE = before
    }
  })

  it('records when and which versions an anonymous member accepted', async () => {
    const c = new HttpClient(server.baseUrl)
    const response = await c.post('/signup', {
      kind: 'anonymous',
      password: PASSWORD,
      consent: 'on',
      age: 'on',
      terms: 'on',
    })
    expect(response.status).toBe(200)
    const username = (await response.text()).match(/data-testid="username">([^<]+)</)![1]!
    const [row] = await deps.sql<{ termsAcceptedAt: Date | null; termsVersion: string | null }[]>`
      select terms_accepted_at as "termsAcceptedAt", terms_version as "termsVersion" from accounts where username = ${username}`
    expect(row!.termsAcceptedAt).toBeInstanceOf(Date)
    expect(row!.termsVersion).toMatch(VERSION)
  })

  it('records them for a registered member, from the request to the confirmed account', async () => {
    const email = `legal-ok-${Date.now().toString(36)}@example.test`
    const before = mailsFor(deps, email)
    const c = new HttpClient(server.baseUrl)
    const response = await c.post('/signup', {
      kind: 'registered',
      email,
      password: PASSWORD,
      consent: 'on',
      age: 'on',
      terms: 'on',
    })
    expect(response.status).toBe(200)
    await deliverSignUpEmails(deps)
    const path = confirmationPath(await mailFor(deps, email, before))!
    const confirmed = await c.post('/signup/confirm', { token: tokenOf(path) })
    expect(confirmed.status).toBe(200)
    const [row] = await deps.sql<{ termsAcceptedAt: Date | null; termsVersion: string | null }[]>`
      select terms_accepted_at as "termsAcceptedAt", terms_version as "termsVersion" from accounts where email = ${email}`
    expect(row!.termsAcceptedAt).toBeInstanceOf(Date)
    expect(row!.termsVersion).toMatch(VERSION)
  })

  it('without JavaScript in Chromium, a form missing the age box comes back with the field error', async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      javaScriptEnabled: false,
      locale: 'en-GB',
      viewport: MOBILE_VIEWPORT,
    })
    contexts.push(context)
    context.setDefaultTimeout(20_000)
    const page = await context.newPage()
    await page.goto('/signup')
    await page.getByLabel(/^Password/).fill(PASSWORD)
    await page.getByRole('checkbox', { name: /I agree that Holdspace may process/ }).check()
    await page.getByRole('checkbox', { name: /I accept the terms of use/ }).check()
    // The browser's own check of `required` would stop the post; a person with an old browser or a script would not.
    await page.locator('input[name=age]').evaluate((el) => el.removeAttribute('required'))
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
      page.getByRole('button', { name: 'Create my account' }).click(),
    ])
    expect(response.status()).toBe(422)
    await page.waitForLoadState('domcontentloaded')
    expect(await page.getByTestId('age-error').textContent()).toBe(legalEn['error.age_required'].replace('{age}', '16'))
    expect((await context.cookies()).some((c) => c.name === 'hs_session')).toBe(false)
  }, 60_000)
})

describe('the privacy notice and terms', () => {
  it("are shown signed out and signed in, in the reader's language, linked from the footer", async () => {
    const out = await new HttpClient(server.baseUrl).get('/terms')
    expect(out.status).toBe(200)
    const html = await out.text()
    expect(html).toContain(legalEn['legal.terms.title'])
    expect(html).toContain('href="/privacy"')
    const pl = new HttpClient(server.baseUrl)
    pl.cookies.set('hs_lang', 'pl')
    // React 18's stream writer left a NUL byte here, where a Polish letter met its 2,048-byte buffer's end
    // (app/entry.server.tsx drops them).
    const plHtml = await (await pl.get('/privacy')).text()
    expect(plHtml).not.toContain('\u0000')
    expect(plHtml).toContain(legalPl['legal.privacy.title'])
    const signedIn = await HttpClient.as(server.baseUrl, member).get('/privacy')
    expect(signedIn.status).toBe(200)
    expect(await signedIn.text()).toContain('data-testid="legal-privacy"')
  })

  it("an admin's edit shows on /privacy as escaped text with a new version, audited by id", async () => {
    const body = `Run by <b>Clinic ${Date.now().toString(36)}</b>.\n\nSecond paragraph.`
    const saved = await HttpClient.as(server.baseUrl, admin).post('/admin/legal', {
      kind: 'privacy',
      locale: 'en',
      body,
    })
    expect(saved.status).toBe(200)
    expect(await saved.text()).toMatch(/Saved as version \d+\./)

    const context = await browser.newContext({ baseURL: server.baseUrl, javaScriptEnabled: false, locale: 'en-GB' })
    contexts.push(context)
    const page = await context.newPage()
    await page.goto('/privacy')
    const paragraphs = page.getByTestId('legal-privacy').locator('p:not(.help)')
    expect(await paragraphs.allTextContents()).toEqual([body.split('\n\n')[0], 'Second paragraph.'])
    expect(await page.locator('[data-testid=legal-privacy] b').count()).toBe(0)
    expect(await page.getByTestId('legal-privacy').textContent()).toMatch(/Version [2-9]/)

    const [audit] = await deps.sql<{ actor: string; details: Record<string, unknown> }[]>`
      select actor_account_id as actor, details from audit_log where action = 'legal.update' and target_id = 'privacy:en'
      order by id desc limit 1`
    expect(audit!.actor).toBe(admin.accountId)
    expect(JSON.stringify(audit!.details)).not.toContain('Clinic')
  }, 60_000)

  it('refuses a member at /admin/legal and changes nothing', async () => {
    const c = HttpClient.as(server.baseUrl, member)
    expect((await c.get('/admin/legal')).status).toBe(403)
    const before = await deps.sql`select body, version from legal_pages where kind = 'terms' and locale = 'en'`
    const post = await c.post('/admin/legal', { kind: 'terms', locale: 'en', body: 'Taken over.' })
    expect(post.status).toBe(403)
    expect(await deps.sql`select body, version from legal_pages where kind = 'terms' and locale = 'en'`).toEqual(before)
  })

  it('refuses an empty text with a field error', async () => {
    const response = await HttpClient.as(server.baseUrl, admin).post('/admin/legal', {
      kind: 'terms',
      locale: 'pl',
      body: '   ',
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain(legalEn['error.legal_body_required'])
  })
})
