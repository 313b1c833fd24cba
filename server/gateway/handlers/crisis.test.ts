import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { io as connect } from 'socket.io-client'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { HttpClient, startTestServer } from '../../../tests/support/http.js'
import { connectOutcome, type TestSocket } from '../../../tests/support/sockets.js'
import { createAccount, type TestAccount } from '../../../tests/support/crisis-fixtures.js'
import { socketRooms } from '../../../core/realtime/realtime.publisher.js'
import { saveSensitiveProfile } from '../../../core/identity/identity.service.js'
import type {
  CrisisCard,
  CrisisStatusEvent,
  IncidentAnnouncement,
} from '../../../core/contracts/socket-events.crisis.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
const sockets: TestSocket[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
})
afterAll(async () => {
  sockets.forEach((s) => s.disconnect())
  await server?.close()
  await deps?.close()
})

async function socketFor(account: TestAccount, acceptLanguage = 'en-GB,en;q=0.8') {
  const socket: TestSocket = connect(server.baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: { cookie: account.cookie, origin: server.baseUrl, 'accept-language': acceptLanguage },
  })
  sockets.push(socket)
  expect(await connectOutcome(socket)).toBe('connected')
  const heard: { event: string; payload: unknown }[] = []
  socket.onAny((event, payload) => heard.push({ event, payload }))
  return { socket, heard }
}

/** Resolves once `socket` hears a marker sent to its own account room after everything before it. */
function drained(account: TestAccount, socket: TestSocket): Promise<void> {
  const marker = crypto.randomUUID()
  const heard = new Promise<void>((resolve) => {
    const listener = (_event: string, payload: unknown) => {
      if ((payload as { incidentId?: string } | undefined)?.incidentId !== marker) return
      socket.offAny(listener)
      resolve()
    }
    socket.onAny(listener)
  })
  deps.realtime.emitToRoom(socketRooms.account(account.accountId), 'crisis:message', { incidentId: marker })
  return heard
}

async function signIn(account: TestAccount) {
  const client = new HttpClient(server.baseUrl)
  client.cookies.set('hs_session', account.cookie.split('=')[1]!)
  return client
}

describe('crisis over sockets', () => {
  it('answers "I need help now" with the card, tells only the sender, and puts the incident on the console', async () => {
    const sender = await createAccount(deps, 'member')
    const other = await createAccount(deps, 'member')
    const clinician = await createAccount(deps, 'clinician')
    const a = await socketFor(sender)
    const b = await socketFor(other)
    const c = await socketFor(clinician)

    const reply = await a.socket.emitWithAck('crisis:help', {})
    expect(reply.ok).toBe(true)
    const card = (reply as { ok: true; data: CrisisCard }).data
    expect(card).toMatchObject({ status: 'open', country: 'GB' })
    expect(card.local.map((l) => l.phone)).toEqual(['116 123'])
    expect(card.international.length).toBeGreaterThan(0)

    await Promise.all([drained(sender, a.socket), drained(other, b.socket), drained(clinician, c.socket)])
    expect(a.heard.filter((h) => h.event === 'crisis:status').map((h) => h.payload as CrisisStatusEvent)).toEqual([
      { incidentId: card.incidentId, status: 'open' },
    ])
    expect(b.heard.filter((h) => h.event !== 'crisis:message')).toEqual([])
    const announced = c.heard
      .filter((h) => h.event === 'incident:updated')
      .map((h) => h.payload as IncidentAnnouncement)
    expect(announced).toEqual([
      expect.objectContaining({ incidentId: card.incidentId, level: 'imminent', status: 'open' }),
    ])
    const wire = JSON.stringify(announced)
    expect(wire).not.toContain(sender.accountId)
    expect(wire).not.toContain(sender.username)
    expect(wire).not.toContain(sender.email!)
  })

  it('refuses a malformed help request and changes nothing', async () => {
    const member = await createAccount(deps, 'member')
    const { socket } = await socketFor(member)
    expect(await socket.emitWithAck('crisis:help', { level: 'none' } as never)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await deps.sql`select id from crisis_incidents where member_account_id = ${member.accountId}`).toEqual([])
  })
})

describe('crisis pages', () => {
  it('shows the crisis card from the help button without JavaScript, in the member language and country', async () => {
    const member = await createAccount(deps, 'member', { locale: 'pl' })
    const client = await signIn(member)
    const response = await client.post('/help', { intent: 'help' })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('data-testid="crisis-card"')
    expect(html).toContain('116 123')
    expect(html).toContain('116 111')
    expect(html).toContain('data-status="open"')
    const [incident] =
      await deps.sql`select level, source from crisis_incidents where member_account_id = ${member.accountId}`
    expect(incident).toEqual({ level: 'imminent', source: 'button' })
  })

  it('shows crisis lines to someone signed out, without raising anything', async () => {
    const anonymous = new HttpClient(server.baseUrl)
    const page = await anonymous.get('/help', { 'accept-language': 'en-US' })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('data-testid="crisis-card"')
    expect(html).toContain('988')
    const refused = await anonymous.post('/help', { intent: 'help' })
    expect(refused.status).toBe(302)
    expect(refused.headers.get('location')).toMatch(/^\/signin/)
  })

  it('denies the console, the incident page, break-glass and the admin page to those without the role', async () => {
    const member = await createAccount(deps, 'member')
    const facilitator = await createAccount(deps, 'facilitator')
    const clinician = await createAccount(deps, 'clinician')
    const admin = await createAccount(deps, 'admin')
    await saveSensitiveProfile(deps, member.accountId, {
      legalName: 'Ewa Nowak',
      emergencyContact: 'Sister, +48 600 000 000',
    })
    await (await signIn(member)).post('/help', { intent: 'help' })
    const [{ id }] = await deps.sql`select id from crisis_incidents where member_account_id = ${member.accountId}`

    for (const who of [member, facilitator]) {
      const client = await signIn(who)
      expect((await client.get('/console')).status).toBe(403)
      expect((await client.get(`/console/incidents/${id}`)).status).toBe(403)
      const denied = await client.post(`/console/incidents/${id}`, {
        intent: 'reveal',
        reason: 'I would like to know who this is',
      })
      expect(denied.status).toBe(403)
      expect(await denied.text()).not.toContain('Ewa Nowak')
      expect((await client.get('/admin/crisis')).status).toBe(403)
    }
    expect(await deps.sql`select 1 from audit_log where action = 'identity.reveal'`).toEqual([])

    const clinicianClient = await signIn(clinician)
    expect((await clinicianClient.get('/admin/crisis')).status).toBe(403)
    const queue = await clinicianClient.page('/console')
    expect(queue.response.status).toBe(200)
    expect(queue.html).toContain(`data-incident="${id}"`)

    const noReason = await clinicianClient.post(`/console/incidents/${id}`, { intent: 'reveal', reason: '' })
    expect(noReason.status).toBe(422)
    const revealed = await clinicianClient.post(`/console/incidents/${id}`, {
      intent: 'reveal',
      reason: 'No answer after stating a plan tonight',
    })
    expect(revealed.status).toBe(200)
    const html = await revealed.text()
    expect(html).toContain('Ewa Nowak')
    expect(html).toContain('Sister, +48 600 000 000')
    // The incident page itself, loaded again, does not carry the identity.
    expect((await clinicianClient.page(`/console/incidents/${id}`)).html).not.toContain('Ewa Nowak')

    const adminPage = await (await signIn(admin)).page('/admin/crisis')
    expect(adminPage.response.status).toBe(200)
    expect(adminPage.html).toContain('No answer after stating a plan tonight')
    expect(adminPage.html).toContain(clinician.username)
    expect(adminPage.html).not.toContain('Ewa Nowak')
  })

  it('lets an admin edit on-call schedules, overrides and the policy, refusing bad input with field errors', async () => {
    const admin = await createAccount(deps, 'admin')
    const clinician = await createAccount(deps, 'clinician')
    const member = await createAccount(deps, 'member')
    const client = await signIn(admin)
    const schedule = {
      intent: 'schedule',
      name: 'Weekdays',
      timeZone: 'Europe/Warsaw',
      handoffTime: '08:30',
      shiftHours: '12',
      startsOn: '2026-11-02',
      members: clinician.username,
    }

    const badZone = await client.post('/admin/crisis', { ...schedule, timeZone: 'Mars/Olympus' })
    expect(badZone.status).toBe(422)
    expect(await badZone.text()).toContain('That is not a known time zone.')
    const badTime = await client.post('/admin/crisis', { ...schedule, handoffTime: '25:00' })
    expect(badTime.status).toBe(422)
    const notClinician = await client.post('/admin/crisis', { ...schedule, members: member.username })
    expect(notClinician.status).toBe(422)
    expect(await deps.sql`select 1 from oncall_schedules where name = 'Weekdays'`).toEqual([])

    expect((await client.post('/admin/crisis', schedule)).status).toBe(200)
    const [{ id: scheduleId }] = await deps.sql`select id from oncall_schedules where name = 'Weekdays'`
    const override = {
      intent: 'override',
      scheduleId,
      login: admin.email!,
      startsAt: '2026-12-24T18:00Z',
      endsAt: '2026-12-24T06:00Z',
    }
    expect((await client.post('/admin/crisis', override)).status).toBe(422)
    expect((await client.post('/admin/crisis', { ...override, endsAt: '2026-12-26T06:00Z' })).status).toBe(200)

    const policy = {
      intent: 'policy',
      name: 'Default',
      repeats: '2',
      retriggerMinutes: '20',
      supervisor: admin.username,
      levels: '5 schedule:Weekdays\n10 ' + clinician.username,
    }
    expect((await client.post('/admin/crisis', { ...policy, levels: '500 schedule:Weekdays' })).status).toBe(422)
    expect((await client.post('/admin/crisis', { ...policy, levels: '5 schedule:Nowhere' })).status).toBe(422)
    expect((await client.post('/admin/crisis', policy)).status).toBe(200)
    const page = await client.page('/admin/crisis')
    expect(page.html).toContain('5 schedule:Weekdays')
    expect(page.html).toContain(`10 ${clinician.username}`)
  })

  it('exports the unpaged-incident gauge and open alarms on the metrics port', async () => {
    const text = await (await fetch(server.metricsUrl)).text()
    expect(text).toMatch(/^holdspace_crisis_unpaged_incidents \d+$/m)
    expect(text).toContain('# TYPE holdspace_alarms_open gauge')
  })
})
