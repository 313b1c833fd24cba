import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { makeAccount, type TestAccount } from '../tests/support/groups.js'
import { raiseCrisis } from '../core/crisis/crisis.service.js'

/**
 * The safety plan and follow-up pages over HTTP, as a browser without JavaScript uses them: bad input changes
 * nothing, the incident page offers a shared plan without reading it and shows it only on an audited opening,
 * resolving with "follow up" validates its time, and the member's answer is theirs alone and only once due.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let clinician: TestAccount
let facilitator: TestAccount

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  clinician = await makeAccount(deps, 'clinician')
  facilitator = await makeAccount(deps, 'facilitator')
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
})

const browserFor = (person: TestAccount) => HttpClient.as(server.baseUrl, person)
const PLAN = {
  warningSigns: 'PAGES-PLAN-31 I stop eating',
  copingStrategies: 'Cold shower',
  reasonsForLiving: 'My niece',
}
const views = async (incidentId: string) =>
  (
    await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from audit_log where action = 'safety_plan.view' and target_id = ${incidentId}`
  )[0]!.n
const planRows = async (accountId: string) =>
  deps.sql<
    { shared: boolean }[]
  >`select shared_at is not null as shared from safety_plans where account_id = ${accountId}`

describe('the safety plan page', () => {
  it('saves, shares and stops sharing; an empty plan or a missing token changes nothing', async () => {
    const member = await makeAccount(deps)
    const browser = browserFor(member)
    expect((await browser.page('/care/safety-plan')).html).toContain('Save your plan first')

    const empty = await browser.post('/care/safety-plan', { intent: 'save', warningSigns: '  ' })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('plan_empty')
    expect(await planRows(member.accountId)).toEqual([])
    expect((await browser.post('/care/safety-plan', { intent: 'save', ...PLAN }, { csrf: null })).status).toBe(403)
    expect(await planRows(member.accountId)).toEqual([])

    const saved = await browser.post('/care/safety-plan', { intent: 'save', ...PLAN })
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toBe('/care/safety-plan?done=plan')
    const { html } = await browser.page('/care/safety-plan?done=plan')
    expect(html).toContain('Your safety plan is saved.')
    expect(html).toContain('PAGES-PLAN-31 I stop eating')
    expect(await planRows(member.accountId)).toEqual([{ shared: false }])

    expect((await browser.post('/care/safety-plan', { intent: 'share', share: 'maybe' })).status).toBe(422)
    expect(await planRows(member.accountId)).toEqual([{ shared: false }])
    expect((await browser.post('/care/safety-plan', { intent: 'share', share: 'yes' })).headers.get('location')).toBe(
      '/care/safety-plan?done=plan-shared',
    )
    expect(await planRows(member.accountId)).toEqual([{ shared: true }])
    expect((await browser.post('/care/safety-plan', { intent: 'share', share: 'no' })).headers.get('location')).toBe(
      '/care/safety-plan?done=plan-unshared',
    )
    expect(await planRows(member.accountId)).toEqual([{ shared: false }])

    // Another member sees only their own (empty) page.
    expect((await browserFor(await makeAccount(deps)).page('/care/safety-plan')).html).not.toContain('PAGES-PLAN-31')
  })
})

describe('the incident page', () => {
  it('offers a shared plan without reading it, shows it on an audited opening, and refuses other roles', async () => {
    const member = await makeAccount(deps)
    const browser = browserFor(member)
    await browser.post('/care/safety-plan', { intent: 'save', ...PLAN })
    await browser.post('/care/safety-plan', { intent: 'share', share: 'yes' })
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })

    const console = browserFor(clinician)
    const page = await console.page(`/console/incidents/${incidentId}`)
    expect(page.html).toContain('Open the safety plan')
    expect(page.html).not.toContain('PAGES-PLAN-31')
    expect(await views(incidentId)).toBe(0)

    const opened = await console.post(`/console/incidents/${incidentId}`, { intent: 'plan' })
    expect(opened.status).toBe(200)
    expect(opened.headers.get('cache-control')).toBe('no-store')
    expect(await opened.text()).toContain('PAGES-PLAN-31 I stop eating')
    expect(await views(incidentId)).toBe(1)

    expect((await browserFor(facilitator).post(`/console/incidents/${incidentId}`, { intent: 'plan' })).status).toBe(
      403,
    )
    expect(await views(incidentId)).toBe(1)
  })

  it('an unshared plan is not offered, and asking for it is a 404 with nothing audited', async () => {
    const member = await makeAccount(deps)
    await browserFor(member).post('/care/safety-plan', { intent: 'save', ...PLAN })
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    const console = browserFor(clinician)
    expect((await console.page(`/console/incidents/${incidentId}`)).html).not.toContain('Open the safety plan')
    const refused = await console.post(`/console/incidents/${incidentId}`, { intent: 'plan' })
    expect(refused.status).toBe(404)
    expect(await refused.text()).not.toContain('PAGES-PLAN-31')
    expect(await views(incidentId)).toBe(0)
  })
})

describe('follow-ups over HTTP', () => {
  it('a bad time is refused and the incident stays open; then the member alone answers, once it is due', async () => {
    const member = await makeAccount(deps)
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    const console = browserFor(clinician)
    const resolve = (fields: Record<string, string>) =>
      console.post(`/console/incidents/${incidentId}`, { intent: 'resolve', outcome: 'follow_up', ...fields })

    const past = await resolve({ followUpIn: 'at', followUpAt: '2020-01-01T10:00', answerWithinHours: '12' })
    expect(past.status).toBe(422)
    expect(await past.text()).toContain('followup_time_invalid')
    expect((await resolve({ followUpIn: '24h', answerWithinHours: '5' })).status).toBe(422)
    expect((await deps.sql`select status from crisis_incidents where id = ${incidentId}`)[0]!.status).toBe('open')
    expect(await deps.sql`select id from crisis_followups where incident_id = ${incidentId}`).toEqual([])

    expect((await resolve({ followUpIn: '4h', answerWithinHours: '12' })).status).toBe(200)
    const [followUp] = await deps.sql<{ id: string; hours: number }[]>`
      select id, round(extract(epoch from due_at - now()) / 3600)::int as hours from crisis_followups where incident_id = ${incidentId}`
    expect(followUp!.hours).toBe(4)

    const mine = browserFor(member)
    const early = await mine.post('/care/follow-up', { followUpId: followUp!.id, answer: 'ok' })
    expect(early.status).toBe(404)
    expect((await mine.page('/care')).html).not.toContain('How are you now?')

    await deps.sql`update crisis_followups set due_at = now() - interval '1 minute' where id = ${followUp!.id}`
    expect((await mine.page('/care')).html).toContain('How are you now?')
    expect((await mine.post('/care/follow-up', { followUpId: followUp!.id, answer: 'maybe' })).status).toBe(400)
    expect(
      (await browserFor(await makeAccount(deps)).post('/care/follow-up', { followUpId: followUp!.id, answer: 'ok' }))
        .status,
    ).toBe(404)
    expect((await deps.sql`select status from crisis_followups where id = ${followUp!.id}`)[0]!.status).toBe(
      'scheduled',
    )

    const answered = await mine.post('/care/follow-up', { followUpId: followUp!.id, answer: 'struggling' })
    expect(answered.headers.get('location')).toBe('/help')
    expect((await deps.sql`select status from crisis_incidents where id = ${incidentId}`)[0]!.status).toBe('open')
    expect((await mine.page('/care')).html).not.toContain('How are you now?')
    expect((await mine.post('/care/follow-up', { followUpId: followUp!.id, answer: 'ok' })).status).toBe(409)
  })
})
