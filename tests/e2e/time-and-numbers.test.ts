/**
 * Time, plurals and numbers in a real browser (issue 18): a member whose browser is in New York sees group times
 * in New York time, labelled with the zone, and the zone is saved to their account; a facilitator creates a
 * fortnightly group with the recurrence picker, with JavaScript (live preview) and without it (the preview button);
 * a Polish member sees Polish plurals, decimal commas and a mood summary that describes the check-ins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createTestDeps, type TestDeps } from '../support/deps.js'
import { startTestServer } from '../support/http.js'
import { makeAccount, makeGroup, makeVerifiedFacilitator } from '../support/groups.js'
import {
  closeBrowser,
  launchBrowser,
  MOBILE_VIEWPORT,
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

/** A person's browser with its own zone, language and (optionally) JavaScript off, signed in with a session token. */
async function personIn(options: {
  timezoneId: string
  locale: string
  sessionToken: string
  javaScriptEnabled?: boolean
}): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: MOBILE_VIEWPORT,
    locale: options.locale,
    timezoneId: options.timezoneId,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: 'block',
  })
  contexts.push(context)
  context.setDefaultTimeout(20_000)
  context.setDefaultNavigationTimeout(30_000)
  await context.addCookies([
    { name: 'hs_session', value: options.sessionToken, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ])
  const log: PageLog = { csp: [], errors: [], consoleErrors: [] }
  return { page: watchPage(await context.newPage(), log), log }
}

async function zoneOf(accountId: string) {
  const [row] = await deps.sql<
    { zone: string; source: string }[]
  >`select time_zone as zone, time_zone_source as source from accounts where id = ${accountId}`
  return row
}

describe('time zones', () => {
  it('shows a New York browser the group times in New York time, labelled, and saves the zone to the account', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Zone')
    // Weekly on Sundays at 07:00 in Warsaw: 01:00 in New York in winter (EST, UTC-5; Warsaw CET, UTC+1).
    await makeGroup(deps, facilitator, {
      title: 'Sunday early circle',
      timeZone: 'Europe/Warsaw',
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      firstStartLocal: '2026-11-01T07:00',
    })
    const member = await makeAccount(deps, 'member')
    expect(await zoneOf(member.accountId)).toEqual({ zone: 'UTC', source: 'default' })

    const { page, log } = await personIn({
      timezoneId: 'America/New_York',
      locale: 'en-GB',
      sessionToken: member.sessionToken,
    })
    await page.goto('/groups')
    await waitForHydration(page)
    const card = page.locator('li', { has: page.getByRole('heading', { name: 'Sunday early circle' }) })
    // The page learns the zone from the browser and reloads its data once.
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toMatch(/Sun \d{1,2} \w{3} \d{4}, 01:00 EST/)
    expect(await card.textContent()).not.toMatch(/07:00|06:00 UTC/)
    expect(await zoneOf(member.accountId)).toEqual({ zone: 'America/New_York', source: 'browser' })
    expect(await page.locator('select[name=timeZone]').inputValue()).toBe('America/New_York')

    // The zone is the member's own from now on: a browser elsewhere does not overwrite it.
    const { page: travelling } = await personIn({
      timezoneId: 'Asia/Tokyo',
      locale: 'en-GB',
      sessionToken: member.sessionToken,
    })
    await travelling.goto('/groups')
    await waitForHydration(travelling)
    await expect
      .poll(
        () =>
          travelling
            .locator('li', { has: travelling.getByRole('heading', { name: 'Sunday early circle' }) })
            .textContent(),
        { timeout: 30_000 },
      )
      .toMatch(/01:00 EST/)
    expect((await zoneOf(member.accountId))!.zone).toBe('America/New_York')
    expect(log.errors).toEqual([])
  }, 120_000)
})

async function fillGroup(page: Page, title: string) {
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Topic').fill('Loneliness')
  await page.getByLabel('Intake question for people who ask to join').fill('What would help you most?')
  await page.getByRole('radio', { name: 'Every two weeks' }).check()
  await page.getByRole('checkbox', { name: 'Tuesday' }).check()
  await page.getByLabel('First session date').fill('2027-01-05')
  await page.getByLabel('Start time').fill('18:00')
  await page.getByLabel('Time zone of the schedule').selectOption('Europe/Warsaw')
  await page.getByLabel('Example member time zone for the preview').selectOption('America/New_York')
}

async function storedGroup(title: string) {
  const [row] = await deps.sql<{ rrule: string; firstStartLocal: string; timeZone: string }[]>`
    select rrule, to_char(first_start_local, 'YYYY-MM-DD"T"HH24:MI') as "firstStartLocal", time_zone as "timeZone" from groups where title = ${title}`
  return row
}

const PREVIEW = [
  ['Tue 5 Jan 2027, 18:00 CET', 'Tue 5 Jan 2027, 12:00 EST'],
  ['Tue 19 Jan 2027, 18:00 CET', 'Tue 19 Jan 2027, 12:00 EST'],
  ['Tue 2 Feb 2027, 18:00 CET', 'Tue 2 Feb 2027, 12:00 EST'],
]

async function previewRows(page: Page): Promise<string[][]> {
  return page
    .getByTestId('schedule-preview')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? '')))
}

describe('the recurrence picker', () => {
  it('creates a fortnightly group, previewing the next sessions live in the group’s zone and a member’s zone', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Picker')
    const { page, log } = await personIn({
      timezoneId: 'Europe/Warsaw',
      locale: 'en-GB',
      sessionToken: facilitator.sessionToken,
    })
    await page.goto('/groups/new')
    await waitForHydration(page)
    expect(await page.getByLabel(/RRULE/).count()).toBe(0)
    await fillGroup(page, 'Fortnightly evening circle')
    // No button pressed: the preview follows the fields.
    await expect.poll(async () => (await previewRows(page)).slice(0, 3), { timeout: 30_000 }).toEqual(PREVIEW)
    await page.getByRole('button', { name: 'Save group' }).click()
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/)
    expect(await storedGroup('Fortnightly evening circle')).toEqual({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      firstStartLocal: '2027-01-05T18:00',
      timeZone: 'Europe/Warsaw',
    })
    expect(log.errors).toEqual([])
  }, 120_000)

  it('works without JavaScript: the preview button shows the sessions and keeps what was typed', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr No Script')
    const { page } = await personIn({
      timezoneId: 'Europe/London',
      locale: 'en-GB',
      sessionToken: facilitator.sessionToken,
      javaScriptEnabled: false,
    })
    await page.goto('/groups/new')
    await fillGroup(page, 'Fortnightly circle without script')
    await page.getByRole('button', { name: 'Preview sessions' }).click()
    await page.waitForLoadState('domcontentloaded')
    expect((await previewRows(page)).slice(0, 3)).toEqual(PREVIEW)
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Fortnightly circle without script')
    expect(await page.getByRole('radio', { name: 'Every two weeks' }).isChecked()).toBe(true)
    expect(await storedGroup('Fortnightly circle without script')).toBeUndefined()
    await page.getByRole('button', { name: 'Save group' }).click()
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/)
    expect(await storedGroup('Fortnightly circle without script')).toEqual({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      firstStartLocal: '2027-01-05T18:00',
      timeZone: 'Europe/Warsaw',
    })
  }, 120_000)
})

describe('plurals, numbers and the mood summary', () => {
  it('writes Polish plurals and decimal commas, and the summary names the lowest and highest check-in', async () => {
    const member = await makeAccount(deps, 'member', { locale: 'pl', timeZone: 'Europe/Warsaw' })
    const { page, log } = await personIn({
      timezoneId: 'Europe/Warsaw',
      locale: 'pl-PL',
      sessionToken: member.sessionToken,
    })
    for (const score of ['4', '6', '7']) {
      await page.goto('/care/mood')
      await page.getByRole('radio', { name: score, exact: true }).check()
      await page.getByRole('button', { name: 'Zapisz wpis' }).click()
      await expect.poll(() => page.getByText('Twój wpis został zapisany.').isVisible(), { timeout: 30_000 }).toBe(true)
    }
    await page.goto('/care/mood')
    // Mean 17 / 3 = 5.67: written 5,7 in Polish; lowest and highest are single check-ins, not daily averages.
    const summary = page.locator('figcaption.chart-summary')
    await expect
      .poll(() => summary.textContent(), { timeout: 30_000 })
      .toContain('3 wpisy w 1 z ostatnich 30 dni. Średnia wszystkich wpisów 5,7 na 10; najniższy wpis 4, najwyższy 7.')
    expect(await page.getByText('Masz dziś już 3 wpisy').isVisible()).toBe(true)
    expect(await summary.textContent()).not.toContain('wpisów w 1')
    expect(log.errors).toEqual([])
  }, 120_000)
})

describe('the set-homework form', () => {
  it('is labelled with the group’s zone, empties after success, and an identical resubmit sets nothing twice', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Homework')
    const groupId = await makeGroup(deps, facilitator, { title: 'Homework circle', timeZone: 'Europe/Warsaw' })
    const { page, log } = await personIn({
      timezoneId: 'Europe/Warsaw',
      locale: 'en-GB',
      sessionToken: facilitator.sessionToken,
    })
    await page.goto(`/groups/${groupId}/homework`)
    await waitForHydration(page)
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Set homework' }) })
    const csrf = await form.locator('input[name=csrf]').inputValue()
    await form.getByLabel('Title', { exact: true }).fill('Three kind words')
    await form.getByLabel('Instructions').fill('Write three kind words to yourself each morning.')
    await form.getByLabel('Due date and time (Europe/Warsaw time)').fill('2030-01-10T20:00')
    await form.getByRole('button', { name: 'Set homework' }).click()
    await expect
      .poll(() => page.getByRole('heading', { name: 'Three kind words' }).isVisible(), { timeout: 30_000 })
      .toBe(true)
    expect(await page.locator('main').innerText()).toContain('Homework set.')
    // The fields are empty again and the form has a new token: pressing the button again cannot set the same homework.
    await expect
      .poll(
        () =>
          page
            .locator('form', { has: page.getByRole('button', { name: 'Set homework' }) })
            .getByLabel('Title', { exact: true })
            .inputValue(),
        { timeout: 30_000 },
      )
      .toBe('')
    const [{ token }] = await deps.sql<
      { token: string }[]
    >`select form_token as token from homework where group_id = ${groupId}`
    // Every form on the page carries the page's one token (SafeForm, decision 049); the set-homework form's is new.
    expect(
      await page
        .locator('form', { has: page.getByRole('button', { name: 'Set homework' }) })
        .locator('input[name=formToken]')
        .inputValue(),
    ).not.toBe(token)

    // The same form sent again with its old token (a reload after the post does this): refused, nothing stored.
    const again = await page.context().request.post(`/groups/${groupId}/homework`, {
      form: {
        csrf,
        intent: 'create',
        formToken: token,
        title: 'Three kind words',
        instructions: 'Write three kind words to yourself each morning.',
        dueLocal: '2030-01-10T20:00',
        reflectionPrompt: '',
      },
      maxRedirects: 0,
    })
    expect(again.status()).toBe(409)
    expect(await again.text()).toContain('This homework was already set')
    const [{ n }] = await deps.sql<{ n: number }[]>`select count(*)::int as n from homework where group_id = ${groupId}`
    expect(n).toBe(1)
    expect(log.errors).toEqual([])
  }, 120_000)
})
