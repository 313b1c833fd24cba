import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../tests/support/groups.js'
import { ChatClient, createSeedRooms, roomIdOf } from '../tests/support/chat.js'
import { enterRoom } from '../core/chat/chat.service.js'
import { hashToken } from '../core/identity/identity.crypto.js'
import { CRISIS_LINES } from '../core/crisis/crisis-lines.js'
import { raiseCrisis, revealMemberIdentity } from '../core/crisis/crisis.service.js'
import * as selfcare from '../core/selfcare/selfcare.service.js'
import * as messages from '../core/messages/messages.service.js'
import type { CrisisCard } from '../core/contracts/socket-events.crisis.js'
import { crisisEn } from '../app/i18n/crisis.en.js'
import { crisisPl } from '../app/i18n/crisis.pl.js'
import { messagesEn } from '../app/i18n/messages.en.js'
import { messagesPl } from '../app/i18n/messages.pl.js'

/**
 * The member's country and language along the crisis path (issue 13): one country for /help, the card in a room,
 * private messages, self-care and the console; line names and every crisis string in the page's language; the
 * member's own words on the incident page; deletion waiting for an open incident; honest wording in threads.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
const sockets: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  await createSeedRooms(deps)
})
afterAll(async () => {
  sockets.forEach((s) => s.socket.disconnect())
  await server?.close()
  await deps?.close()
})

const PASSWORD = 'a long secret phrase'
const SAMARITANS = CRISIS_LINES.find((l) => l.id === 'gb-samaritans')!
const US_988 = CRISIS_LINES.find((l) => l.id === 'us-988')!
const PL_ADULTS = CRISIS_LINES.find((l) => l.id === 'pl-116123')!

/** What a person reads: the page's text without tags, scripts (Remix's loader data) or styles. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

/** The local lines' names in the order the card lists them, read from the rendered card. */
function cardLineNames(html: string): string[] {
  const card = html.slice(html.indexOf('data-testid="crisis-card"'))
  return [...card.matchAll(/<li class="crisis-line"><strong>([^<]+)<\/strong>/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  )
}

/** Sign up through the page as a browser without JavaScript would, its Accept-Language (and language cookie) sent. */
async function signUpWithBrowser(
  acceptLanguage: string,
  language?: 'pl' | 'en',
): Promise<{ client: HttpClient; accountId: string; token: string }> {
  const client = new HttpClient(server.baseUrl)
  if (language) client.cookies.set('hs_lang', language)
  const headers = { 'accept-language': acceptLanguage }
  await client.get('/signup', headers)
  const response = await fetch(`${server.baseUrl}/signup`, {
    method: 'POST',
    body: new URLSearchParams({
      kind: 'anonymous',
      password: PASSWORD,
      consent: 'on',
      age: 'on',
      terms: 'on',
      csrf: client.csrf(),
    }),
    headers: {
      cookie: client.cookieHeader(),
      'content-type': 'application/x-www-form-urlencoded',
      ...client.formHeaders(),
      ...headers,
    },
    redirect: 'manual',
  })
  expect(response.status).toBe(200)
  const token = response.headers
    .getSetCookie()
    .map((c) => /^hs_session=([^;]+)/.exec(c)?.[1])
    .find(Boolean)!
  client.cookies.set('hs_session', token)
  const [row] = await deps.sql<
    { accountId: string }[]
  >`select account_id as "accountId" from sessions where token_hash = ${hashToken(token)}`
  return { client, accountId: row!.accountId, token }
}

async function getWith(client: HttpClient, path: string, acceptLanguage: string) {
  const response = await client.get(path, { 'accept-language': acceptLanguage })
  return { status: response.status, html: await response.text() }
}

const countryOf = async (accountId: string) =>
  (await deps.sql<{ country: string | null }[]>`select country from accounts where id = ${accountId}`)[0]!.country

describe('the member country', () => {
  it('is taken from an en-GB browser at sign-up, and the card in a room (real Socket.IO) lists the GB lines first', async () => {
    const { accountId, token } = await signUpWithBrowser('en-GB,en;q=0.8')
    expect(await countryOf(accountId)).toBe('GB')
    expect(
      cardLineNames((await getWith(HttpClient.as(server.baseUrl, { sessionToken: token }), '/help', 'en-GB')).html)[0],
    ).toBe('Samaritans')

    await enterRoom(deps, { accountId, role: 'member', pseudonymMode: 'ask' }, 'low-mood', {
      pseudonymChoice: 'own',
      pseudonym: 'Rowan',
    })
    const roomId = await roomIdOf(deps, 'low-mood')
    // The socket's own headers say nothing of the region: the account's country decides.
    const chat = await ChatClient.connect(server.baseUrl, `hs_session=${token}`)
    sockets.push(chat)
    await chat.join(roomId)
    await chat.request('message:send', {
      roomId,
      clientId: randomUUID(),
      body: "I can't take it anymore, I'm going to kill myself tonight",
    })
    await chat.until(() => chat.received.some((r) => r.event === 'crisis:card'), 10_000, 'the crisis card')
    const card = chat.received.find((r) => r.event === 'crisis:card')!.payload as CrisisCard
    expect(card.country).toBe('GB')
    expect(card.local[0]).toMatchObject({ id: SAMARITANS.id, phone: '116 123', names: SAMARITANS.names })
    const [incident] =
      await deps.sql`select member_country as "memberCountry" from crisis_incidents where member_account_id = ${accountId}`
    expect(incident).toEqual({ memberCountry: 'GB' })
  })

  it('follows the language a Polish reader chose, not an en-US browser, unless the account says US; the setting changes the lines', async () => {
    const { client, accountId } = await signUpWithBrowser('en-US,en;q=0.9', 'pl')
    expect(await countryOf(accountId)).toBe('PL')
    const polish = await getWith(client, '/help', 'en-US,en;q=0.9')
    expect(cardLineNames(polish.html)[0]).toBe(PL_ADULTS.names.pl)
    expect(cardLineNames(polish.html)).not.toContain(US_988.names.pl)

    // A signed-out Polish reader with the same browser: the language, not the region of another language.
    const visitor = new HttpClient(server.baseUrl)
    visitor.cookies.set('hs_lang', 'pl')
    expect(cardLineNames((await getWith(visitor, '/help', 'en-US')).html)[0]).toBe(PL_ADULTS.names.pl)

    // Account settings: the select offers the countries we have lines for and "another country".
    const settings = await getWith(client, '/account', 'en-US')
    expect(settings.html).toMatch(/<select id="pref-country" name="country"/)
    for (const code of ['US', 'GB', 'IE', 'PL', 'ZZ']) expect(settings.html).toContain(`<option value="${code}"`)

    const saved = await client.post('/account', {
      intent: 'preferences',
      locale: 'pl',
      pseudonymMode: 'ask',
      country: 'US',
    })
    expect(saved.status).toBe(200)
    expect(await countryOf(accountId)).toBe('US')
    const american = await getWith(client, '/help', 'en-US')
    expect(cardLineNames(american.html)[0]).toBe(US_988.names.pl)
    expect(visibleText(american.html)).toContain('Czynne całą dobę')

    const other = await client.post('/account', {
      intent: 'preferences',
      locale: 'en',
      pseudonymMode: 'ask',
      country: 'ZZ',
    })
    expect(other.status).toBe(200)
    const international = await getWith(client, '/help', 'en-GB')
    expect(cardLineNames(international.html)[0]).toBe(CRISIS_LINES.find((l) => l.id === 'intl-emergency')!.names.en)

    const refused = await client.post('/account', {
      intent: 'preferences',
      locale: 'en',
      pseudonymMode: 'ask',
      country: 'Narnia',
    })
    expect(refused.status).toBe(422)
    expect(await countryOf(accountId)).toBe('ZZ')
  })

  it('is saved on an older account at its next sign-in, and never overwrites one the member chose', async () => {
    const older = await makeAccount(deps, 'member', {
      email: 'older@example.org',
      password: await (await import('argon2')).default.hash(PASSWORD),
    })
    expect(await countryOf(older.accountId)).toBeNull()
    const signIn = async (acceptLanguage: string) => {
      const client = new HttpClient(server.baseUrl)
      await client.get('/signin', { 'accept-language': acceptLanguage })
      return fetch(`${server.baseUrl}/signin`, {
        method: 'POST',
        body: new URLSearchParams({
          login: 'older@example.org',
          password: PASSWORD,
          csrf: client.csrf(),
          next: '/rooms',
        }),
        headers: {
          cookie: client.cookieHeader(),
          'content-type': 'application/x-www-form-urlencoded',
          ...client.formHeaders(),
          'accept-language': acceptLanguage,
        },
        redirect: 'manual',
      })
    }
    expect((await signIn('en-IE,en;q=0.8')).status).toBe(302)
    expect(await countryOf(older.accountId)).toBe('IE')
    expect((await signIn('en-GB')).status).toBe(302)
    expect(await countryOf(older.accountId)).toBe('IE')
  })
})

describe('the incident page', () => {
  it("shows the member's country and their own words for the clinician", async () => {
    const member = await makeAccount(deps, 'member')
    const clinician = await makeAccount(deps, 'clinician')
    const entry = await selfcare.writeJournalEntry(deps, member.account, {
      title: null,
      body: 'I have decided to kill myself tonight, I have the pills ready.',
    })
    await deps.sql`update accounts set country = 'GB' where id = ${member.accountId}`
    // The member answers "Yes, please" on the self-care question page, with a note for the clinician.
    const asked = await HttpClient.as(server.baseUrl, member).post(`/care/support/journal/${entry.id}`, {
      answer: 'yes',
      message: 'Please call me, I am at home tonight.',
    })
    expect(asked.status).toBe(200)
    const [incident] = await deps.sql<
      { id: string }[]
    >`select id from crisis_incidents where member_account_id = ${member.accountId}`
    const page = await getWith(HttpClient.as(server.baseUrl, clinician), `/console/incidents/${incident!.id}`, 'en-GB')
    expect(page.status).toBe(200)
    const text = visibleText(page.html)
    expect(text).toContain('In the member’s own words')
    expect(text).toContain('Please call me, I am at home tonight.')
    expect(visibleText(/data-testid="incident-country">([\s\S]*?)<\/dd>/.exec(page.html)![1]!).trim()).toBe(
      'United Kingdom (GB)',
    )
  })
})

describe('Polish pages', () => {
  /** Every English crisis string that has a different Polish wording, and the English names of the lines. */
  const english = [
    ...Object.entries(crisisEn)
      .filter(([key, value]) => crisisPl[key as keyof typeof crisisEn] !== value)
      .map(([, value]) => value),
    ...Object.entries(messagesEn)
      .filter(
        ([key, value]) =>
          key.startsWith('messages.thread.crisis') && messagesPl[key as keyof typeof messagesEn] !== value,
      )
      .map(([, v]) => v),
    ...CRISIS_LINES.filter((l) => l.names.en !== l.names.pl).map((l) => l.names.en),
  ]
    .filter((s) => !s.includes('{'))
    .filter((s) => s.length >= 8)
  const englishIn = (text: string) => english.filter((s) => text.includes(s))

  it('show no English crisis string: help with the card, the console queue and incident, the admin page, account deletion', async () => {
    const member = await makeAccount(deps, 'member', {
      locale: 'pl',
      password: await (await import('argon2')).default.hash(PASSWORD),
    })
    const clinician = await makeAccount(deps, 'clinician', { locale: 'pl' })
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const memberClient = HttpClient.as(server.baseUrl, member)
    memberClient.cookies.set('hs_lang', 'pl')
    const clinicianClient = HttpClient.as(server.baseUrl, clinician)
    clinicianClient.cookies.set('hs_lang', 'pl')
    const admin = await makeAccount(deps, 'admin', { locale: 'pl' })
    const adminClient = HttpClient.as(server.baseUrl, admin)
    adminClient.cookies.set('hs_lang', 'pl')
    await revealMemberIdentity(
      deps,
      { accountId: clinician.accountId, role: 'clinician' },
      raised.incidentId,
      'Zagrożenie życia, brak kontaktu',
    )

    const pages = {
      help: visibleText((await getWith(memberClient, '/help', 'pl')).html),
      queue: visibleText((await getWith(clinicianClient, '/console', 'pl')).html),
      incident: visibleText((await getWith(clinicianClient, `/console/incidents/${raised.incidentId}`, 'pl')).html),
      admin: visibleText((await getWith(adminClient, '/admin/crisis', 'pl')).html),
      deletion: visibleText(
        await (await memberClient.post('/account', { intent: 'delete', password: PASSWORD })).text(),
      ),
    }
    expect(english.length).toBeGreaterThan(100)
    for (const [name, text] of Object.entries(pages)) {
      expect(englishIn(text), name).toEqual([])
      expect(text, name).not.toMatch(/Member [0-9A-F]{6}/)
    }
    expect(pages.help).toContain('Numer alarmowy (112 w Unii Europejskiej')
    expect(pages.help).toContain('Wyszukiwarka telefonów zaufania na całym świecie (bezpłatne')
    expect(pages.queue).toMatch(/Uczestnik [0-9A-F]{6}/)
    expect(pages.incident).toMatch(/Zgłoszenie\s*:\s*Uczestnik [0-9A-F]{6}/)
    expect(pages.incident).toContain('Kraj Polska (PL)')
    expect(pages.admin).toMatch(/tożsamość: Uczestnik [0-9A-F]{6}/)
    expect(pages.deletion).toContain(crisisPl['error.CRISIS_OPEN'])

    // The scan sees English when it is there: the same help page in English.
    memberClient.cookies.set('hs_lang', 'en')
    expect(englishIn(visibleText((await getWith(memberClient, '/help', 'en')).html))).toContain(
      'Emergency services (112 in the EU, 911 in North America, 999 in the UK)',
    )
  })
})

describe('account deletion during an open incident', () => {
  it('is refused kindly, with the crisis lines for the member country, and changes nothing (decision 020)', async () => {
    const member = await makeAccount(deps, 'member', {
      password: await (await import('argon2')).default.hash(PASSWORD),
    })
    await deps.sql`update accounts set country = 'GB' where id = ${member.accountId}`
    await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const client = HttpClient.as(server.baseUrl, member)
    const refused = await client.post('/account', { intent: 'delete', password: PASSWORD })
    expect(refused.status).toBe(409)
    const html = await refused.text()
    expect(html).toContain('data-testid="deletion-waits"')
    expect(visibleText(html)).toContain('Your request for help is still open')
    expect(cardLineNames(html)[0]).toBe('Samaritans')
    expect(await countryOf(member.accountId)).toBe('GB')
    expect((await client.get('/account')).status).toBe(200)
  })
})

describe('a private-message thread under an open incident', () => {
  it('answers a harmless message with one calm line, and only a message that showed risk with "sounds really hard"', async () => {
    const facilitator = await makeVerifiedFacilitator(deps, 'Dr Thread')
    const member: TestAccount = await makeAccount(deps, 'member')
    const groupId = await makeGroup(deps, facilitator, { title: 'Tuesday circle' })
    await enrol(deps, facilitator, groupId, member, 'Alder')
    await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const client = HttpClient.as(server.baseUrl, member)

    const harmless = await messages.sendMessage(
      deps,
      member.account,
      { groupId },
      { body: 'Could we talk about sleep next session?', clientId: messages.newClientId() },
    )
    expect(harmless.crisis).toBeNull()
    const calm = await getWith(client, `/messages/${harmless.threadId}`, 'en-GB')
    expect(calm.html).toContain('data-reason="still_open"')
    expect(visibleText(calm.html)).toContain(messagesEn['messages.thread.crisisOpen'])
    expect(visibleText(calm.html)).not.toContain('sounds really hard')
    // The lines are folded away (a <details>, no JavaScript needed) so the thread comes first.
    expect(calm.html).toMatch(
      /<details><summary>Crisis lines you can call now<\/summary><section class="card crisis-card"/,
    )

    const risky = await messages.sendMessage(
      deps,
      member.account,
      { threadId: harmless.threadId },
      { body: 'I want to die, I cannot do this any more', clientId: messages.newClientId() },
    )
    expect(risky.crisis).not.toBeNull()
    const shown = await getWith(client, `/messages/${harmless.threadId}`, 'en-GB')
    expect(shown.html).toContain('data-reason="this_message"')
    expect(visibleText(shown.html)).toContain('What you wrote sounds really hard')
    // Right below the member's message that showed risk, not above the thread.
    expect(shown.html.indexOf('data-testid="dm-crisis"')).toBeGreaterThan(
      shown.html.indexOf('I want to die, I cannot do this any more'),
    )

    // A later harmless message is again not answered as if it showed risk.
    await messages.sendMessage(
      deps,
      member.account,
      { threadId: harmless.threadId },
      { body: 'Thank you for earlier.', clientId: messages.newClientId() },
    )
    const after = await getWith(client, `/messages/${harmless.threadId}`, 'en-GB')
    expect(after.html).toContain('data-reason="still_open"')
    expect(visibleText(after.html)).not.toContain('sounds really hard')
  })
})
