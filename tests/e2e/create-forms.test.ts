/**
 * Create forms in a real browser (issue 18): after a success the form is empty again, and the same form sent a
 * second time — a reload after the post without JavaScript, a double press with it — stores nothing twice and says
 * so (decision 049). The HTTP side of every create form is in server/create-forms.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { makeAccount, makeGroup, makeVerifiedFacilitator } from '../support/groups.js'
import {
  closeBrowser,
  DESKTOP_VIEWPORT,
  launchBrowser,
  waitForHydration,
  watchPage,
  type PageLog,
} from '../support/browser.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let browser: Browser
const contexts: BrowserContext[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {})
  await closeBrowser(browser)
  await server?.close()
  await deps?.close()
})

async function personIn(sessionToken: string, javaScriptEnabled: boolean): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: DESKTOP_VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'UTC',
    javaScriptEnabled,
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

const RESENT = 'This form was already sent, so nothing was saved a second time.'

describe('a create form in Chromium', () => {
  it('without JavaScript: a reload after adding a library link adds nothing twice and says so', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Reload')
    const groupId = await makeGroup(deps, facilitator, { title: 'Reload circle' })
    const links = async () =>
      (
        await deps.sql<
          { n: number }[]
        >`select count(*)::int as n from library_resources where group_id = ${groupId} and title = 'Grounding steps'`
      )[0]!.n
    const { page, log } = await personIn(facilitator.sessionToken, false)
    await page.goto(`/groups/${groupId}/library`)
    await page.getByText('Add a link', { exact: true }).click()
    // The link form (closed <details> hide it from the accessibility tree, not from the DOM).
    const linkForm = () => page.locator('form:has(input[name=intent][value=add-link])')
    const form = linkForm()
    const firstToken = await form.locator('input[name=formToken]').inputValue()
    await form.getByLabel('Title').fill('Grounding steps')
    await form.getByLabel('Web address (https://…)').fill('https://example.org/grounding')
    await Promise.all([page.waitForNavigation(), form.getByRole('button', { name: 'Add link' }).click()])
    expect(await page.locator('main').innerText()).toContain('Added to the library.')
    expect(await links()).toBe(1)
    // The page after the post is a new form: empty, with a new token.
    const after = linkForm()
    expect(await after.locator('input[name=url]').inputValue()).toBe('')
    expect(await after.locator('input[name=formToken]').inputValue()).not.toBe(firstToken)

    // Reloading the result page sends the same post again (Chromium resubmits the form's body).
    const reposted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/groups/${groupId}/library`))
    await page.reload()
    expect(new URLSearchParams((await reposted).postData() ?? '').get('formToken')).toBe(firstToken)
    await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain(RESENT)
    expect(await links()).toBe(1)
    expect(log.errors).toEqual([])
  }, 120_000)

  it('with JavaScript: a mood check-in empties the form, and a double press stores one check-in', async () => {
    const member = await makeAccount(deps)
    const checkIns = async () =>
      (
        await deps.sql<
          { n: number }[]
        >`select count(*)::int as n from mood_checkins where account_id = ${member.accountId}`
      )[0]!.n
    const { page, log } = await personIn(member.sessionToken, true)
    await page.goto('/care/mood')
    await waitForHydration(page)
    const note = page.getByLabel('A note, just for you (optional)')
    const firstToken = await page.locator('form input[name=formToken]').first().inputValue()
    await page.locator('input[name=score][value="6"]').check()
    await note.fill('A walk helped.')
    const posts: string[] = []
    page.on('request', (r) => {
      // With JavaScript, Remix posts to the route's data URL (/care/mood.data).
      if (r.method() === 'POST' && /^\/care\/mood(\.data)?$/.test(new URL(r.url()).pathname))
        posts.push(r.postData() ?? '')
    })
    await page.getByRole('button', { name: 'Save check-in' }).click()
    await expect.poll(checkIns, { timeout: 30_000 }).toBe(1)
    // The same page, the form empty again and carrying a new token.
    await expect.poll(() => note.inputValue(), { timeout: 30_000 }).toBe('')
    await expect
      .poll(() => page.locator('form input[name=formToken]').first().inputValue(), { timeout: 30_000 })
      .not.toBe(firstToken)
    expect(await page.locator('input[name=score]:checked').count()).toBe(0)

    // Pressing twice before the page answers stores one check-in (the button waits; the token would refuse a second).
    const secondToken = await page.locator('form input[name=formToken]').first().inputValue()
    await page.locator('input[name=score][value="7"]').check()
    await note.fill('Second one.')
    await page.getByRole('button', { name: 'Save check-in' }).dblclick()
    await expect.poll(checkIns, { timeout: 30_000 }).toBe(2)
    // Whatever reached the server from the double press carried one token, and the page moved on to a new one.
    await expect
      .poll(() => page.locator('form input[name=formToken]').first().inputValue(), { timeout: 30_000 })
      .not.toBe(secondToken)
    const pressed = posts.slice(1).map((p) => new URLSearchParams(p).get('formToken'))
    expect(pressed.length).toBeGreaterThanOrEqual(1)
    expect(new Set(pressed)).toEqual(new Set([secondToken]))
    expect(await checkIns()).toBe(2)

    // The first post sent again as it was (its token used): refused with the notice, nothing stored.
    const replay = await page.context().request.post('/care/mood', {
      form: Object.fromEntries(new URLSearchParams(posts[0]!)),
      maxRedirects: 0,
    })
    expect(replay.status()).toBe(409)
    expect(await replay.text()).toContain(RESENT)
    expect(await checkIns()).toBe(2)
    expect(log.errors).toEqual([])
  }, 120_000)
})
