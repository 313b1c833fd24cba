import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../tests/support/groups.js'

/**
 * The questionnaire pages over HTTP as a browser without JavaScript uses them: a missing answer changes nothing,
 * item 9 leads to the crisis question, someone else's result is a 404, and each facilitator page (the scores and
 * the summary) shows a member's scores only while that member shares with the group — for the co-facilitator too —
 * and is a 404 for everyone who does not lead the group.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let member: TestAccount
let otherMember: TestAccount
let facilitator: TestAccount
let coFacilitator: TestAccount
let otherFacilitator: TestAccount
let clinician: TestAccount
let admin: TestAccount
let groupId: string

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  member = await makeAccount(deps, 'member', { locale: 'pl' })
  otherMember = await makeAccount(deps, 'member')
  clinician = await makeAccount(deps, 'clinician')
  admin = await makeAccount(deps, 'admin')
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Pages')
  coFacilitator = await makeVerifiedFacilitator(deps, 'Dr Second')
  otherFacilitator = await makeVerifiedFacilitator(deps, 'Dr Other')
  groupId = await makeGroup(deps, facilitator, { title: 'Friday circle' })
  await enrol(deps, facilitator, groupId, member, 'Juniper')
  await enrol(deps, facilitator, groupId, otherMember, 'Maple')
  await deps.sql`update groups set co_facilitator_id = ${coFacilitator.accountId} where id = ${groupId}`
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
})

const browserFor = (person: TestAccount) => HttpClient.as(server.baseUrl, person)
const answers = (values: number[]) => Object.fromEntries(values.map((v, i) => [`item${i + 1}`, String(v)]))
const count = async () => (await deps.sql<{ n: number }[]>`select count(*)::int as n from measure_responses`)[0]!.n

describe('questionnaire pages', () => {
  it('refuses a PHQ-9 with a missing answer, changing nothing, and names the question', async () => {
    const m = browserFor(member)
    const { item3: _, ...missing } = answers([1, 1, 1, 1, 1, 1, 1, 1, 0])
    const before = await count()
    const refused = await m.post('/care/measures/phq9', missing)
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toContain('Odpowiedz, proszę, na każde pytanie.')
    expect(html).toContain('Wybierz odpowiedź.')
    expect(await count()).toBe(before)
    expect((await m.get('/care/measures/phq10')).status).toBe(404)
  })

  it('shows the crisis lines and the clinician question after item 9, in Polish; someone else gets a 404', async () => {
    const m = browserFor(member)
    const saved = await m.post('/care/measures/phq9', answers([1, 1, 1, 1, 1, 1, 1, 1, 2]))
    expect(saved.status).toBe(302)
    const location = saved.headers.get('location')!
    expect(location).toMatch(/^\/care\/measures\/results\/[0-9a-f-]{36}$/)
    const { html } = await m.page(location)
    expect(html).toContain('data-testid="crisis-card"')
    expect(html).toContain('Czy chcesz, żeby skontaktował się z Tobą klinicysta?')
    expect(html).toContain('10 z 27')
    expect((await browserFor(otherMember).get(location)).status).toBe(404)
    expect((await browserFor(otherMember).post(location, { answer: 'yes' })).status).toBe(404)
    const [incidents] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from crisis_incidents where member_account_id = ${member.accountId}`
    expect(incidents!.n).toBe(0)
  })

  it('shows scores on both facilitator pages only while the member shares, to the facilitator and co-facilitator only', async () => {
    const m = browserFor(member)
    const pages = [`/groups/${groupId}/measures`, `/groups/${groupId}/measures/summary`]
    for (const lead of [facilitator, coFacilitator]) {
      for (const path of pages) {
        const { response, html } = await browserFor(lead).page(path)
        expect(response.status, path).toBe(200)
        expect(html, path).not.toContain('Juniper')
      }
    }
    expect((await m.post('/care/measures', { groupId, consent: 'grant' })).headers.get('location')).toBe(
      '/care/measures?done=granted#sharing',
    )
    for (const lead of [facilitator, coFacilitator]) {
      for (const path of pages) {
        const { html } = await browserFor(lead).page(path)
        expect(html, path).toContain('Juniper')
        expect(html, path).not.toContain('Maple')
        expect(html, path).not.toContain(member.account.username)
      }
    }
    for (const outsider of [member, otherMember, otherFacilitator, clinician, admin]) {
      for (const path of pages) expect((await browserFor(outsider).get(path)).status, path).toBe(404)
      expect((await browserFor(outsider).post(pages[0]!, { instrument: 'phq9' })).status).toBe(404)
    }
    const [requests] = await deps.sql<{ n: number }[]>`select count(*)::int as n from measure_requests`
    expect(requests!.n).toBe(0)

    await m.post('/care/measures', { groupId, consent: 'withdraw' })
    for (const path of pages) expect((await browserFor(facilitator).page(path)).html, path).not.toContain('Juniper')
  })

  it('lets the facilitator ask once per questionnaire and session; asking again says so and emails nobody', async () => {
    const f = browserFor(facilitator)
    const path = `/groups/${groupId}/measures`
    expect((await f.post(path, { instrument: 'gad7' })).headers.get('location')).toBe(`${path}?done=asked`)
    const again = await f.post(path, { instrument: 'gad7' })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('The members were already asked for this questionnaire')
    const [requests] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from measure_requests where group_id = ${groupId}`
    expect(requests!.n).toBe(1)
    expect((await f.post(path, { instrument: 'phq9' })).status).toBe(302)
    expect((await f.post(path, { instrument: 'phq27' })).status).toBe(422)
  })

  it('refuses consent for a group the member is not in', async () => {
    const otherGroup = await makeGroup(deps, otherFacilitator, { title: 'Elsewhere circle' })
    expect((await browserFor(member).post('/care/measures', { groupId: otherGroup, consent: 'grant' })).status).toBe(
      404,
    )
    const [row] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from measure_consents where group_id = ${otherGroup}`
    expect(row!.n).toBe(0)
  })
})
