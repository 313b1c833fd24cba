import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../tests/support/groups.js'

/**
 * The private messages pages over HTTP, as a browser without JavaScript uses them: a member starts a thread from
 * the group page, the facilitator reads it (seeing only the group pseudonym) and answers, and both see read status.
 * Outsiders get 404; bad input changes nothing.
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

const clientIdIn = (html: string) => html.match(/name="clientId" value="([0-9a-f-]{36})"/)?.[1] ?? ''

async function countMessages() {
  const [row] = await deps.sql<{ count: number }[]>`select count(*)::int from direct_messages`
  return row!.count
}

describe('private messages pages', () => {
  it('take a member from the group page to an answered, read conversation with the facilitator', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Maria Nowak', { email: 'maria@clinic.test' })
    const groupId = await makeGroup(deps, facilitator, { title: 'Tuesday evening circle' })
    const member = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, groupId, member, 'Juniper')
    const m = browserFor(member)
    const f = browserFor(facilitator)

    const groupPage = (await m.page(`/groups/${groupId}`)).html
    expect(groupPage).toContain(`href="/messages/new?group=${groupId}"`)
    expect(groupPage).toContain('Message the facilitator')

    const start = await m.page(`/messages/new?group=${groupId}`)
    expect(start.response.status).toBe(200)
    expect(start.html).toContain('Dr Maria Nowak usually answers within 48 hours.')
    expect(start.html).toContain('Your message')
    const clientId = clientIdIn(start.html)
    expect(clientId).not.toBe('')

    const first = await m.post(`/messages/new?group=${groupId}`, {
      body: 'Could we talk about what happened on Tuesday?',
      clientId,
    })
    expect(first.status).toBe(302)
    const threadPath = first.headers.get('location')!
    expect(threadPath).toMatch(/^\/messages\/[0-9a-f-]{36}$/)
    // A double submit of the same form lands on the same thread with one message.
    const again = await m.post(`/messages/new?group=${groupId}`, {
      body: 'Could we talk about what happened on Tuesday?',
      clientId,
    })
    expect(again.headers.get('location')).toBe(threadPath)
    expect(await countMessages()).toBe(1)
    // Coming back to "Message the facilitator" opens the existing thread.
    expect((await m.get(`/messages/new?group=${groupId}`)).headers.get('location')).toBe(threadPath)

    const mine = (await m.page(threadPath)).html
    expect(mine).toContain('Could we talk about what happened on Tuesday?')
    expect(mine).toMatch(/data-read="false"[^>]*>Sent</)

    const inbox = (await f.page('/messages')).html
    expect(inbox).toContain('Juniper')
    expect(inbox).toContain('1 unread')
    const seen = (await f.page(threadPath)).html
    expect(seen).toContain('Could we talk about what happened on Tuesday?')
    expect(seen).toContain('Juniper')
    for (const page of [inbox, seen]) {
      expect(page).not.toContain(member.account.username)
      expect(page).not.toContain(member.accountId)
    }

    expect((await m.page(threadPath)).html).toMatch(/data-read="true"[^>]*>Read /)

    const reply = await f.post(threadPath, { body: 'Yes, of course. How are you today?', clientId: clientIdIn(seen) })
    expect(reply.status).toBe(200)
    expect(await reply.text()).toContain('Message sent.')
    expect((await m.page('/messages')).html).toContain('1 unread')
    const answered = (await m.page(threadPath)).html
    expect(answered).toContain('Dr Maria Nowak')
    expect(answered).toContain('Yes, of course. How are you today?')
    expect((await f.page(threadPath)).html).toMatch(/data-read="true"[^>]*>Read /)
  })

  it('give outsiders a 404 and change nothing on bad input', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Outside')
    const groupId = await makeGroup(deps, facilitator)
    const member = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, groupId, member, 'Rowan')
    const m = browserFor(member)
    const start = await m.page(`/messages/new?group=${groupId}`)
    const created = await m.post(`/messages/new?group=${groupId}`, {
      body: 'Hello there',
      clientId: clientIdIn(start.html),
    })
    const threadPath = created.headers.get('location')!
    const before = await countMessages()

    const peer = await makeAccount(deps)
    await enrol(deps, facilitator, groupId, peer, 'Hazel')
    const others = [
      peer,
      await makeVerifiedFacilitator(deps, 'Dr Other'),
      await makeAccount(deps, 'admin'),
      await makeAccount(deps, 'clinician'),
    ]
    for (const outsider of others) {
      const b = browserFor(outsider)
      expect((await b.get(threadPath)).status).toBe(404)
      expect((await b.post(threadPath, { body: 'let me in', clientId: randomUUID() })).status).toBe(404)
    }
    expect((await browserFor(await makeAccount(deps)).get(`/messages/new?group=${groupId}`)).status).toBe(404)
    expect((await browserFor(facilitator).get(`/messages/new?group=${groupId}`)).status).toBe(404)

    const page = (await m.page(threadPath)).html
    const empty = await m.post(threadPath, { body: '   ', clientId: clientIdIn(page) })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Write a message first.')
    const long = await m.post(threadPath, { body: 'x'.repeat(4001), clientId: clientIdIn(page) })
    expect(long.status).toBe(422)
    expect(await long.text()).toContain('A message can be at most 4000 characters.')
    expect((await m.post(threadPath, { body: 'no id' })).status).toBe(422)
    expect((await m.post(threadPath, { body: 'no csrf', clientId: clientIdIn(page) }, { csrf: null })).status).toBe(403)
    expect(
      (await m.post(threadPath, { body: 'wrong csrf', clientId: clientIdIn(page) }, { csrf: 'forged' })).status,
    ).toBe(403)
    expect(await countMessages()).toBe(before)
  })

  it('show the member crisis lines after a message that reads as a crisis', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Crisis')
    const groupId = await makeGroup(deps, facilitator)
    const member = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, groupId, member, 'Aspen')
    const m = browserFor(member)
    const start = await m.page(`/messages/new?group=${groupId}`)
    const sent = await m.post(`/messages/new?group=${groupId}`, {
      body: 'I have been thinking about ending my life',
      clientId: clientIdIn(start.html),
    })
    const page = (await m.page(sent.headers.get('location')!)).html
    expect(page).toContain('data-testid="crisis-card"')
    expect(page).toContain('A crisis clinician has been told')
    const [incident] = await deps.sql<{ source: string; memberLabel: string }[]>`
      select source, member_label as "memberLabel" from crisis_incidents where member_account_id = ${member.accountId}`
    expect(incident).toEqual({ source: 'direct_message', memberLabel: 'Aspen' })
    // The facilitator's page shows the message, never the crisis card meant for the member.
    expect((await browserFor(facilitator).page(sent.headers.get('location')!)).html).not.toContain(
      'data-testid="crisis-card"',
    )
  })

  it('let a facilitator state their usual response time on their profile', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Hours')
    const f = browserFor(facilitator)
    // The same licence, so the profile stays verified.
    const [licence] = await deps.sql<{ licenceNumber: string }[]>`
      select licence_number as "licenceNumber" from facilitator_profiles where account_id = ${facilitator.accountId}`
    const profile = {
      displayName: 'Dr Hours',
      education: '',
      experience: '',
      approach: '',
      languages: 'en',
      licenceNumber: licence!.licenceNumber,
      licenceJurisdiction: 'Poland',
    }
    expect((await f.post('/facilitator/profile', { ...profile, responseHours: '0' })).status).toBe(422)
    expect((await f.post('/facilitator/profile', { ...profile, responseHours: '200' })).status).toBe(422)
    expect((await f.post('/facilitator/profile', { ...profile, responseHours: '24' })).status).toBe(200)
    expect((await f.page('/facilitator/profile')).html).toMatch(
      /name="responseHours"[^>]*value="24"|value="24"[^>]*name="responseHours"/,
    )
    const groupId = await makeGroup(deps, facilitator)
    const member = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, groupId, member, 'Sorrel')
    expect((await browserFor(member).page(`/messages/new?group=${groupId}`)).html).toContain(
      'Dr Hours usually answers within 24 hours.',
    )
  })
})
