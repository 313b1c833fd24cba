import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { facilitatorKey } from '../core/groups/groups.service.js'
import { makeAccount, makeVerifiedFacilitator, sessionStartingIn, type TestAccount } from '../tests/support/groups.js'

/**
 * The groups pages over HTTP as a browser without JavaScript uses them: a facilitator fills in their profile, an
 * admin verifies the licence, the facilitator creates a group, a member asks to join with a pseudonym and is
 * approved, and the member's own time zone drives every time shown. Bad input changes nothing.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
})

const browserFor = (person: TestAccount | null) => HttpClient.as(server.baseUrl, person)

describe('groups pages', () => {
  it('take a facilitator from profile to verified group, and a member from request to membership', async () => {
    const facilitator = await makeAccount(deps, 'facilitator')
    const admin = await makeAccount(deps, 'admin')
    const member = await makeAccount(deps, 'member')
    const f = browserFor(facilitator)
    const a = browserFor(admin)
    const m = browserFor(member)

    expect((await m.get('/facilitator/profile')).status).toBe(403)
    expect((await m.get('/admin/facilitators')).status).toBe(403)
    expect((await m.get('/groups/new')).status).toBe(403)

    const profile = {
      displayName: 'Dr Pages',
      education: 'MSc',
      experience: '8 years',
      approach: 'Person-centred',
      languages: 'en, pl',
      licenceNumber: 'UKCP-123',
      licenceJurisdiction: 'United Kingdom',
    }
    expect((await f.post('/facilitator/profile', { ...profile, licenceNumber: '' })).status).toBe(422)
    expect((await f.post('/facilitator/profile', profile)).status).toBe(200)
    expect((await f.page('/groups/new')).html).toContain('An admin has to verify your licence')

    const review = await a.page('/admin/facilitators')
    expect(review.html).toContain('Dr Pages')
    expect(review.html).toContain('UKCP-123')
    expect(
      (
        await a.post('/admin/facilitators', {
          facilitator: facilitatorKey(deps, facilitator.accountId),
          verified: 'true',
        })
      ).status,
    ).toBe(200)

    const group = {
      title: 'Sunday check-in',
      description: 'Gentle start to the week.',
      topic: 'Stress',
      language: 'en',
      coFacilitator: '',
      capacity: '6',
      startDate: '2026-03-01',
      startTime: '10:00',
      timeZone: 'Europe/London',
      repeat: 'weekly',
      day_SU: 'on',
      ends: 'never',
      durationMinutes: '60',
      intakeQuestion: 'What brings you here?',
      intent: 'save',
    }
    const refused = await f.post('/groups/new', { ...group, repeat: 'hourly', timeZone: 'Mars/Olympus' })
    expect(refused.status).toBe(422)
    const refusedHtml = await refused.text()
    expect(refusedHtml).toContain('Choose how often the group meets.')
    expect(refusedHtml).toContain('Choose a time zone from the list.')
    const noCount = await f.post('/groups/new', { ...group, ends: 'after', count: '0' })
    expect(noCount.status).toBe(422)
    expect(await noCount.text()).toContain('Enter a number of sessions from 1 to 200.')
    // A raw rule is not a field of the form: the server writes it from the picker.
    const typedRule = await f.post('/groups/new', { ...group, repeat: '', rrule: 'FREQ=WEEKLY;BYDAY=SU' })
    expect(typedRule.status).toBe(422)
    const created = await f.post('/groups/new', group)
    expect(created.status).toBe(302)
    const groupPath = created.headers.get('location')!
    expect(groupPath).toMatch(/^\/groups\/[0-9a-f-]{36}$/)

    // The member, in Tokyo, sees 10:00 London as 19:00 (winter) or 18:00 (British summer time).
    expect((await m.post('/groups', { intent: 'time-zone', timeZone: 'Asia/Tokyo' })).status).toBe(200)
    const list = (await m.page('/groups')).html
    expect(list).toContain('Sunday check-in')
    expect(list).toContain('Verified licence')
    expect(list).toMatch(/Sun \d{1,2} \w{3} \d{4}, (18|19):00/)

    const page = (await m.page(groupPath)).html
    expect(page).toContain('What brings you here?')
    expect(page).toContain('UKCP-123')
    expect((await m.post(groupPath, { intent: 'join', answer: '', pseudonym: 'Ash' })).status).toBe(422)
    expect((await m.post(groupPath, { intent: 'join', answer: 'Work has been a lot.', pseudonym: 'Ash' })).status).toBe(
      200,
    )
    expect((await m.post(groupPath, { intent: 'decide', member: 'Ash', decision: 'approve' })).status).toBe(403)

    const roster = (await f.page(groupPath)).html
    expect(roster).toContain('Work has been a lot.')
    expect(roster).not.toContain(member.accountId)
    expect(roster).not.toContain(member.account.username)
    expect((await f.post(groupPath, { intent: 'decide', member: 'Ash', decision: 'approve' })).status).toBe(200)
    expect((await m.page(groupPath)).html).toContain('You are a member')

    // Only the primary facilitator edits; a co-facilitator choice must be another verified facilitator.
    const other = await makeVerifiedFacilitator(deps, 'Dr Other')
    expect((await browserFor(other).get(`${groupPath}/edit`)).status).toBe(403)
    // Facilitators are chosen by an opaque key, never by account id.
    const choices = (await f.page(`${groupPath}/edit`)).html
    expect(choices).toContain('Dr Other')
    expect(choices).not.toContain(other.accountId)
    expect((await a.page('/admin/facilitators')).html).not.toContain(facilitator.accountId)
    const edited = await f.post(`${groupPath}/edit`, {
      ...group,
      title: 'Sunday check-in (new time)',
      coFacilitator: facilitatorKey(deps, other.accountId),
    })
    expect(edited.status).toBe(302)
    expect((await m.page(groupPath)).html).toContain('Dr Other')

    // Without LiveKit the session page says so plainly and offers chat only; outsiders get no page.
    const sessionId = await sessionStartingIn(deps, groupPath.slice('/groups/'.length), 3)
    const sessionPage = await m.page(`/sessions/${sessionId}`)
    expect(sessionPage.response.status).toBe(200)
    expect(sessionPage.html).toContain('LiveKit is not configured')
    expect(sessionPage.html).toContain('Chat only')
    expect(sessionPage.html).not.toContain('Audio only')
    expect((await browserFor(await makeAccount(deps)).get(`/sessions/${sessionId}`)).status).toBe(403)
  })
})
