import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { randomBytes, randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../tests/support/groups.js'
import { chatMember, createSeedRooms, roomIdOf } from '../tests/support/chat.js'
import { assignFacilitator, takeModerationAction } from '../core/moderation/moderation.service.js'
import { FORM_TOKEN_TTL_SECONDS } from '../app/utils/form-token.server.js'

/**
 * Every form that creates something, sent twice with the same one-time token (a second press of the button, or a
 * reload after the post, as a browser without JavaScript does): the first stores, the second is refused with a
 * notice and stores nothing (decision 049). The page after a post carries a new token, so the next entry goes
 * through; a refused or failed first try does not use the token up.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let uploadsDir: string
let member: TestAccount
let facilitator: TestAccount
let admin: TestAccount
let groupId: string

beforeAll(async () => {
  uploadsDir = await mkdtemp(path.join(tmpdir(), 'holdspace-create-forms-'))
  deps = await createTestDeps({ UPLOADS_DIR: uploadsDir })
  server = await startTestServer(deps)
  await createSeedRooms(deps)
  member = await makeAccount(deps)
  admin = await makeAccount(deps, 'admin')
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Once')
  groupId = await makeGroup(deps, facilitator, { title: 'Once circle' })
  await enrol(deps, facilitator, groupId, member, 'Wren')
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true })
})

const browserFor = (person: { sessionToken: string }) => HttpClient.as(server.baseUrl, person)
const RESENT = 'This form was already sent, so nothing was saved a second time.'

/** The one-time token the page's forms carry (every form on one page carries the same one). */
async function tokenOn(client: HttpClient, pagePath: string): Promise<string> {
  const { response, html } = await client.page(pagePath)
  expect(response.status).toBe(200)
  const tokens = [...html.matchAll(/name="formToken" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!)
  expect(tokens.length).toBeGreaterThan(0)
  expect(new Set(tokens).size).toBe(1)
  return tokens[0]!
}

const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n

/**
 * Posts the form twice with the page's token: the first answers `firstStatus`, the second 409 with the notice, and
 * `rows` grew by one only. Then the page's next token goes through once more (the guard is per token, not per form).
 */
async function sentTwice(
  client: HttpClient,
  pagePath: string,
  postPath: string,
  fields: Record<string, string>,
  rows: () => Promise<number>,
  firstStatus: number,
  nextFields: Record<string, string> = fields,
) {
  const before = await rows()
  const formToken = await tokenOn(client, pagePath)
  const first = await client.post(postPath, { ...fields, formToken })
  expect(first.status).toBe(firstStatus)
  expect(await rows()).toBe(before + 1)
  const again = await client.post(postPath, { ...fields, formToken })
  expect(again.status).toBe(409)
  expect(await again.text()).toContain(RESENT)
  expect(await rows()).toBe(before + 1)

  const next = await tokenOn(client, pagePath)
  expect(next).not.toBe(formToken)
  expect((await client.post(postPath, { ...nextFields, formToken: next })).status).toBe(firstStatus)
  expect(await rows()).toBe(before + 2)
  return { first, formToken }
}

describe('create forms sent twice with the same token', () => {
  it('a journal entry is written once, and the key in Redis holds ids only and expires', async () => {
    const m = browserFor(member)
    const entries = () =>
      count(deps.sql`select count(*)::int as n from journal_entries where account_id = ${member.accountId}`)
    const { first, formToken } = await sentTwice(
      m,
      '/care/journal/new',
      '/care/journal/new',
      { title: 'Once only', body: 'A quiet evening walk.' },
      entries,
      302,
    )
    expect(first.headers.get('location')).toMatch(/^\/care\/journal\/[0-9a-f-]{36}\?done=entry$/)
    const keys = await deps.redis.keys(`${deps.config.REDIS_PREFIX}:form:*${formToken}`)
    expect(keys).toEqual([`${deps.config.REDIS_PREFIX}:form:journal:new:${member.accountId}:${formToken}`])
    const ttl = await deps.redis.ttl(keys[0]!)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(FORM_TOKEN_TTL_SECONDS)
  })

  it('a goal, a mood check-in and a questionnaire are stored once', async () => {
    const m = browserFor(member)
    await sentTwice(
      m,
      '/care/goals/new',
      '/care/goals/new',
      { title: 'Walk every day', why: 'Fresh air helps', steps: 'Shoes by the door', groupId: '' },
      () => count(deps.sql`select count(*)::int as n from selfcare_goals where account_id = ${member.accountId}`),
      302,
    )
    const other = await makeAccount(deps)
    await sentTwice(
      browserFor(other),
      '/care/mood',
      '/care/mood',
      { score: '6', note: '' },
      () => count(deps.sql`select count(*)::int as n from mood_checkins where account_id = ${other.accountId}`),
      302,
    )
    // Item 9 "not at all": the result page, not the crisis question.
    const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`item${i + 1}`, i === 8 ? '0' : '1']))
    await sentTwice(
      m,
      '/care/measures/phq9',
      '/care/measures/phq9',
      answers,
      () => count(deps.sql`select count(*)::int as n from measure_responses where account_id = ${member.accountId}`),
      302,
    )
  })

  it('a new group is created once and the refusal shows an empty form', async () => {
    const f = browserFor(facilitator)
    const group = {
      title: 'Resent circle',
      description: 'Created once.',
      topic: 'Stress',
      language: 'en',
      coFacilitator: '',
      capacity: '6',
      startDate: '2030-03-03',
      startTime: '10:00',
      timeZone: 'Europe/London',
      repeat: 'weekly',
      day_SU: 'on',
      ends: 'never',
      durationMinutes: '60',
      intakeQuestion: 'What brings you here?',
      intent: 'save',
    }
    const groups = () => count(deps.sql`select count(*)::int as n from groups where title = 'Resent circle'`)
    const formToken = await tokenOn(f, '/groups/new')
    // A live preview stores nothing and does not use the token up.
    expect((await f.post('/groups/new', { ...group, intent: 'preview', formToken })).status).toBe(200)
    expect((await f.post('/groups/new', { ...group, formToken })).status).toBe(302)
    const again = await f.post('/groups/new', { ...group, formToken })
    expect(again.status).toBe(409)
    const html = await again.text()
    expect(html).toContain(RESENT)
    expect(html).not.toContain('value="Resent circle"')
    expect(await groups()).toBe(1)
  })

  it('a measure request, a library link, a reading and an upload are added once', async () => {
    const f = browserFor(facilitator)
    const measuresPath = `/groups/${groupId}/measures`
    await sentTwice(
      f,
      measuresPath,
      measuresPath,
      { instrument: 'gad7' },
      () => count(deps.sql`select count(*)::int as n from measure_requests where group_id = ${groupId}`),
      302,
      // The same questionnaire again would meet the request's own guard ("already asked"): the next one is another.
      { instrument: 'phq9' },
    )

    const libraryPath = `/groups/${groupId}/library`
    const resources = () =>
      count(deps.sql`select count(*)::int as n from library_resources where group_id = ${groupId}`)
    await sentTwice(
      f,
      libraryPath,
      libraryPath,
      { intent: 'add-link', title: 'Breathing guide', url: 'https://example.org/breathe', description: '' },
      resources,
      200,
    )
    await sentTwice(
      f,
      libraryPath,
      libraryPath,
      { intent: 'add-reading', title: 'A short reading', description: '', body: 'Breathe in for four.' },
      resources,
      200,
    )

    // The upload (multipart, as the page's script and the form without JavaScript send it).
    const stored = async () =>
      (await readdir(uploadsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length
    const formToken = await tokenOn(f, libraryPath)
    const send = async () => {
      const form = new FormData()
      form.append('csrf', f.csrf())
      form.append('formToken', formToken)
      form.append('title', 'A worksheet')
      form.append('description', '')
      const head = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n')
      const pdf = Buffer.concat([head, randomBytes(3000), Buffer.from('\n%%EOF\n')])
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'worksheet.pdf')
      const encoded = new Response(form)
      return fetch(`${server.baseUrl}/library/upload?group=${groupId}`, {
        method: 'POST',
        body: new Uint8Array(await encoded.arrayBuffer()),
        headers: {
          cookie: f.cookieHeader(),
          'content-type': encoded.headers.get('content-type')!,
          ...f.formHeaders(),
        },
      })
    }
    const before = await resources()
    expect((await send()).status).toBe(201)
    const filesAfterFirst = await stored()
    const again = await send()
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ ok: false, formError: 'FORM_RESENT' })
    expect(await resources()).toBe(before + 1)
    // The second copy of the file was dropped, not kept beside the first.
    expect(await stored()).toBe(filesAfterFirst)
  })

  it('a room assignment is made once; a refused first try does not use the token up', async () => {
    const a = browserFor(admin)
    const roomId = await roomIdOf(deps, 'grief')
    const lead = await makeAccount(deps, 'facilitator')
    const assignments = () =>
      count(
        deps.sql`select count(*)::int as n from audit_log where action = 'moderation.assign' and target_id = ${roomId}`,
      )
    const formToken = await tokenOn(a, '/admin/rooms')
    const unknown = await a.post('/admin/rooms', { roomId, username: 'nobody-by-that-name', assign: 'yes', formToken })
    expect(unknown.status).toBe(404)
    expect(await assignments()).toBe(0)
    expect(
      (await a.post('/admin/rooms', { roomId, username: lead.account.username, assign: 'yes', formToken })).status,
    ).toBe(200)
    expect(await assignments()).toBe(1)
    const again = await a.post('/admin/rooms', { roomId, username: lead.account.username, assign: 'yes', formToken })
    expect(again.status).toBe(409)
    expect(await again.text()).toContain(RESENT)
  })

  it('an appeal is filed once, with the notice rather than a bare conflict', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const muted = await chatMember(deps, 'anxiety')
    const lead = await chatMember(deps, 'anxiety', { role: 'facilitator' })
    await assignFacilitator(deps, admin.account, { roomId, username: lead.username, assign: true })
    await takeModerationAction(
      deps,
      { accountId: lead.accountId, role: 'facilitator' } as never,
      { action: 'mute', roomId, memberId: muted.memberId, duration: 60 } as never,
    )
    const [sanction] = await deps.sql<
      { id: string }[]
    >`select id from moderation_sanctions where membership_id = ${muted.memberId}`
    const client = new HttpClient(server.baseUrl)
    client.cookies.set('hs_session', muted.cookie.replace('hs_session=', ''))
    const appeals = () =>
      count(deps.sql`select count(*)::int as n from moderation_appeals where sanction_id = ${sanction!.id}`)
    const formToken = await tokenOn(client, '/appeals')
    const fields = { sanctionId: sanction!.id, body: 'I was quoting someone.', formToken }
    expect((await client.post('/appeals', fields)).status).toBe(200)
    const again = await client.post('/appeals', fields)
    expect(again.status).toBe(409)
    expect(await again.text()).toContain(RESENT)
    expect(await appeals()).toBe(1)
  })

  it('a post without a token (an old page) or with a malformed one is not guarded, and other accounts are apart', async () => {
    const other = await makeAccount(deps)
    const o = browserFor(other)
    const entries = () =>
      count(deps.sql`select count(*)::int as n from journal_entries where account_id = ${other.accountId}`)
    expect((await o.post('/care/journal/new', { title: '', body: 'No token.' })).status).toBe(302)
    expect((await o.post('/care/journal/new', { title: '', body: 'Bad token.', formToken: 'not-a-uuid' })).status).toBe(
      302,
    )
    // A token another account used (guessed or copied) does not refuse this account's form.
    const shared = randomUUID()
    expect(
      (await browserFor(member).post('/care/journal/new', { title: '', body: 'Mine.', formToken: shared })).status,
    ).toBe(302)
    expect((await o.post('/care/journal/new', { title: '', body: 'Theirs.', formToken: shared })).status).toBe(302)
    expect(await entries()).toBe(3)
  })
})
