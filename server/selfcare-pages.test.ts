import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../tests/support/groups.js'

/**
 * The self-care pages over HTTP as a browser without JavaScript uses them: check-ins with a chart, the journal
 * (and that every other role gets a 404 for it), the crisis question that asks before telling anyone, goals
 * shared with a group's facilitator, and reminders.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let member: TestAccount
let otherMember: TestAccount
let facilitator: TestAccount
let otherFacilitator: TestAccount
let clinician: TestAccount
let admin: TestAccount
let groupId: string

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  member = await makeAccount(deps, 'member', { email: 'pages@example.org' })
  otherMember = await makeAccount(deps, 'member')
  clinician = await makeAccount(deps, 'clinician')
  admin = await makeAccount(deps, 'admin')
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Pages')
  otherFacilitator = await makeVerifiedFacilitator(deps, 'Dr Other')
  groupId = await makeGroup(deps, facilitator, { title: 'Thursday circle' })
  await makeGroup(deps, otherFacilitator, { title: 'Other circle' })
  await enrol(deps, facilitator, groupId, member, 'Juniper')
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
})

const browserFor = (person: TestAccount | null) => HttpClient.as(server.baseUrl, person)

/** A form with repeated fields (checkboxes), posted as a browser would. */
async function postRepeated(client: HttpClient, path: string, fields: Array<[string, string]>) {
  if (!client.csrf()) await client.get('/')
  const body = new URLSearchParams([...fields, ['csrf', client.csrf()]])
  return fetch(server.baseUrl + path, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: {
      cookie: client.cookieHeader(),
      'content-type': 'application/x-www-form-urlencoded',
      ...client.formHeaders(),
    },
  })
}

const count = async (query: 'mood' | 'incidents', accountId: string) => {
  const rows =
    query === 'mood'
      ? await deps.sql<{ n: number }[]>`select count(*)::int as n from mood_checkins where account_id = ${accountId}`
      : await deps.sql<
          { n: number }[]
        >`select count(*)::int as n from crisis_incidents where member_account_id = ${accountId}`
  return rows[0]!.n
}

const CRISIS_TEXT = 'I have decided to kill myself tonight, I have the pills ready.'

describe('self-care pages', () => {
  it('need an account', async () => {
    const anonymous = new HttpClient(server.baseUrl)
    const response = await anonymous.get('/care')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^\/signin\?next=%2Fcare/)
  })

  it('take a mood check-in with feelings and a note, chart it, and refuse bad input and a fourth check-in in a day', async () => {
    const m = browserFor(member)
    const overview = await m.page('/care')
    expect(overview.response.status).toBe(200)
    expect(overview.html).toContain('How are you today?')
    expect(overview.html).toContain('No check-ins in the last 30 days yet')

    const refused = await postRepeated(m, '/care/mood', [
      ['score', '11'],
      ['feelings', 'calm'],
    ])
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('Choose a number from 1 to 10.')
    expect(
      (
        await postRepeated(m, '/care/mood', [
          ['score', '5'],
          ['feelings', 'euphoric'],
        ])
      ).status,
    ).toBe(422)
    expect(await count('mood', member.accountId)).toBe(0)

    const saved = await postRepeated(m, '/care/mood', [
      ['score', '7'],
      ['feelings', 'calm'],
      ['feelings', 'hopeful'],
      ['note', 'Walked by the river'],
    ])
    expect(saved.status).toBe(302)
    expect(saved.headers.get('location')).toBe('/care/mood?done=checkin')
    const page = (await m.page('/care/mood?done=checkin')).html
    expect(page).toContain('Your check-in is saved.')
    expect(page).toContain('<svg')
    expect(page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/)
    expect(page).toContain('1 check-in on 1 of the last 30 days. Average of all check-ins 7 out of 10')
    expect(page).toContain('Latest: 7 out of 10')
    expect(page).toContain('Show the numbers')
    expect(page).toContain('Calm')
    expect(page).toContain('Hopeful')
    expect(page).toContain('Walked by the river')
    expect(page).not.toMatch(/\sstyle="/)
    expect((await m.page('/care/mood?days=90')).html).toContain('Your mood over the last 90 days')

    for (const score of ['4', '6']) expect((await m.post('/care/mood', { score })).status).toBe(302)
    const fourth = await m.post('/care/mood', { score: '8' })
    expect(fourth.status).toBe(429)
    expect(await fourth.text()).toContain('You have checked in 3 times today already.')
    expect(await count('mood', member.accountId)).toBe(3)
    expect((await m.page('/care')).html).toContain('that is the most for one day')

    // Nobody else sees the check-ins.
    for (const someone of [otherMember, facilitator, clinician, admin]) {
      expect((await browserFor(someone).page('/care/mood')).html).not.toContain('Walked by the river')
    }
  })

  it('keep the journal to its author: every other role gets a 404 and changes nothing', async () => {
    const m = browserFor(member)
    const created = await m.post('/care/journal/new', {
      title: 'Letter to myself',
      body: 'Pages marker Q8: proud of today.',
    })
    expect(created.status).toBe(302)
    const location = created.headers.get('location')!
    expect(location).toMatch(/^\/care\/journal\/[0-9a-f-]{36}\?done=entry$/)
    const entryPath = location.replace(/\?.*$/, '')
    const own = (await m.page(location)).html
    expect(own).toContain('Pages marker Q8: proud of today.')
    expect(own).toContain('Your entry is saved.')
    expect((await m.page('/care/journal')).html).toContain('Letter to myself')

    for (const someone of [otherMember, facilitator, clinician, admin]) {
      const b = browserFor(someone)
      const page = await b.page(entryPath)
      expect(page.response.status).toBe(404)
      expect(page.html).not.toContain('proud of today')
      expect((await b.post(entryPath, { intent: 'save', title: '', body: 'overwritten' })).status).toBe(404)
      expect((await b.post(entryPath, { intent: 'delete' })).status).toBe(404)
      expect((await b.page('/care/journal')).html).not.toContain('Letter to myself')
    }
    expect((await m.page(entryPath)).html).toContain('Pages marker Q8')

    expect((await m.post('/care/journal/new', { title: '', body: '   ' })).status).toBe(422)
    const edited = await m.post(entryPath, { intent: 'save', title: 'Letter', body: 'Edited words' })
    expect(edited.status).toBe(302)
    expect((await m.page(entryPath)).html).toContain('Edited words')
    const deleted = await m.post(entryPath, { intent: 'delete' })
    expect(deleted.headers.get('location')).toBe('/care/journal?done=deleted')
    expect((await m.get(entryPath)).status).toBe(404)
  })

  it('after crisis-level text show the crisis lines and ask; only a yes tells a clinician, once', async () => {
    const person = await makeAccount(deps, 'member')
    const p = browserFor(person)
    const created = await p.post('/care/journal/new', { title: '', body: `Night note K2. ${CRISIS_TEXT}` })
    expect(created.status).toBe(302)
    const supportPath = created.headers.get('location')!
    expect(supportPath).toMatch(/^\/care\/support\/journal\/[0-9a-f-]{36}$/)
    expect(await count('incidents', person.accountId)).toBe(0)

    const page = (await p.page(supportPath)).html
    expect(page).toContain('data-testid="crisis-card"')
    expect(page).toContain('Would you like a clinician to contact you?')
    expect(page).toContain('Yes, please')
    expect(page).toContain('No, thanks')
    expect((await browserFor(otherMember).get(supportPath)).status).toBe(404)
    expect((await browserFor(clinician).post(supportPath, { answer: 'yes', message: '' })).status).toBe(404)

    const no = await p.post(supportPath, { answer: 'no', message: '' })
    expect(no.status).toBe(200)
    expect(await no.text()).toContain('Nothing was sent to anyone.')
    expect(await count('incidents', person.accountId)).toBe(0)

    const yes = await p.post(supportPath, { answer: 'yes', message: 'Evenings are best' })
    expect(yes.status).toBe(200)
    expect(await yes.text()).toContain('A clinician has been told')
    expect((await p.post(supportPath, { answer: 'yes', message: 'Evenings are best' })).status).toBe(200)
    expect(await count('incidents', person.accountId)).toBe(1)
    const [incident] = await deps.sql<
      { source: string }[]
    >`select source from crisis_incidents where member_account_id = ${person.accountId}`
    expect(incident!.source).toBe('self_care')
    expect((await p.page(supportPath)).html).toContain('You already asked for a clinician to contact you about this.')

    // An ordinary entry has no question to answer.
    const calm = await p.post('/care/journal/new', { title: '', body: 'A calm afternoon.' })
    const calmId = calm.headers.get('location')!.match(/[0-9a-f-]{36}/)![0]
    const calmSupport = await p.get(`/care/support/journal/${calmId}`)
    expect(calmSupport.status).toBe(302)
    expect(calmSupport.headers.get('location')).toBe(`/care/journal/${calmId}`)
    // A forged yes for it is refused (the page then sends the member back to their entry) and adds nothing.
    const signals = () => deps.sql<{ n: number }[]>`
      select count(*)::int as n from crisis_signals s join crisis_incidents i on i.id = s.incident_id where i.member_account_id = ${person.accountId}`
    const [before] = await signals()
    const forged = await p.post(`/care/support/journal/${calmId}`, { answer: 'yes', message: '' })
    expect(forged.headers.get('location')).toBe(`/care/journal/${calmId}`)
    expect((await signals())[0]!.n).toBe(before!.n)

    // A crisis-level mood note goes to the same question.
    const mood = await p.post('/care/mood', { score: '1', note: CRISIS_TEXT })
    expect(mood.headers.get('location')).toMatch(/^\/care\/support\/mood\/[0-9a-f-]{36}$/)
  })

  it("show a goal agreed with a group to that group's facilitator under the group pseudonym, and to nobody else", async () => {
    const m = browserFor(member)
    const form = (await m.page('/care/goals/new')).html
    expect(form).toContain('Thursday circle')
    expect(form).not.toContain('Other circle')
    const created = await m.post('/care/goals/new', {
      title: 'Sleep by eleven',
      why: 'Mornings feel better',
      steps: 'Phone away at 22:30\nRead a chapter',
      groupId,
    })
    expect(created.status).toBe(302)
    const goalPath = created.headers.get('location')!.replace(/\?.*$/, '')
    const goalPage = (await m.page(goalPath)).html
    expect(goalPage).toContain('0 of 2 steps done')
    const stepId = goalPage.match(/name="stepId" value="([0-9a-f-]{36})"/)![1]!
    expect((await m.post(goalPath, { intent: 'toggle-step', stepId, done: 'true' })).status).toBe(302)
    expect(
      (await m.post(goalPath, { intent: 'check-in', note: 'Managed three nights', rating: '4', date: '2026-03-02' }))
        .status,
    ).toBe(302)
    const after = (await m.page(goalPath)).html
    expect(after).toContain('1 of 2 steps done')
    expect(after).toContain('Managed three nights')
    expect((await m.post(goalPath, { intent: 'check-in', note: 'x', rating: '9', date: '2026-03-02' })).status).toBe(
      422,
    )

    const view = await browserFor(facilitator).page(`/care/groups/${groupId}/goals`)
    expect(view.response.status).toBe(200)
    expect(view.html).toContain('Juniper')
    expect(view.html).toContain('Sleep by eleven')
    expect(view.html).toContain('Managed three nights')
    expect(view.html).not.toContain(member.account.username)
    expect((await browserFor(facilitator).page(`/groups/${groupId}`)).html).toContain(`/care/groups/${groupId}/goals`)
    for (const someone of [member, otherMember, otherFacilitator, clinician, admin]) {
      const page = await browserFor(someone).page(`/care/groups/${groupId}/goals`)
      expect(page.response.status).toBe(404)
      expect(page.html).not.toContain('Sleep by eleven')
    }
    for (const someone of [otherMember, facilitator, admin])
      expect((await browserFor(someone).get(goalPath)).status).toBe(404)
  })

  it('save a daily reminder, offer email only to an account with an address, and show the reminder in the app when due', async () => {
    const m = browserFor(member)
    expect((await m.page('/care/reminders')).html).toContain('Also email me')
    const saved = await m.post('/care/reminders', { mode: 'daily', time: '00:00', email: 'on' })
    expect(saved.headers.get('location')).toBe('/care/reminders?done=reminder')
    expect((await m.post('/care/reminders', { mode: 'daily', time: '25:00' })).status).toBe(422)

    const person = await makeAccount(deps, 'member')
    const p = browserFor(person)
    const page = (await p.page('/care/reminders')).html
    expect(page).not.toContain('Also email me')
    expect(page).toContain('Email reminders need an account with an email address.')
    expect((await p.post('/care/reminders', { mode: 'daily', time: '00:00', email: 'on' })).status).toBe(422)
    expect((await p.post('/care/reminders', { mode: 'daily', time: '00:00' })).status).toBe(302)
    expect((await p.page('/care')).html).toContain('data-testid="care-reminder"')
    expect((await p.page('/')).html).toContain('data-testid="care-reminder"')
    expect((await new HttpClient(server.baseUrl).page('/')).html).not.toContain('data-testid="care-reminder"')
    expect((await p.post('/care/mood', { score: '6' })).status).toBe(302)
    expect((await p.page('/care')).html).not.toContain('data-testid="care-reminder"')
    expect((await p.page('/')).html).not.toContain('data-testid="care-reminder"')
  })
})
