import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { makeAccount, type TestAccount } from '../tests/support/groups.js'
import { roomhoursEn } from '../app/i18n/roomhours.en.js'

/**
 * Rooms that open only with cover, as members see them (decision 043): the list says which rooms are open now;
 * a closed room's page says it is read-only, when it opens next in the member's own zone, and shows the crisis lines.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let member: TestAccount
let roomId: string
const slug = `evening-circle-${Date.now().toString(36)}`
// Monday 7 December 2026 18:00 in Warsaw is 12:00 in New York.
const OPENS = new Date('2026-12-07T17:00:00Z')

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
  member = await makeAccount(deps, 'member', { timeZone: 'America/New_York' })
  // The tests move the clock to the day the room opens: the session is made to be live (not expired, not idle) then.
  await deps.sql`update sessions set expires_at = ${new Date(OPENS.getTime() + 86_400_000)}, last_seen_at = ${new Date(OPENS.getTime() + 3_600_000)} where account_id = ${member.accountId}`
  const [room] = await deps.sql<{ id: string }[]>`
    insert into rooms (slug, title, description, language, rules, time_zone)
    values (${slug}, 'Evening circle', 'Evenings only', 'en', 'Be kind.', 'Europe/Warsaw') returning id`
  roomId = room!.id
  await deps.sql`insert into room_opening_hours (room_id, weekday, opens_minute, closes_minute) values (${roomId}, 1, 1080, 1200)`
})
afterAll(async () => {
  deps?.setNow(null)
  await server?.close()
  await deps?.close()
})

const section = (html: string, testId: string) => {
  const start = html.indexOf(`data-testid="${testId}"`)
  expect(start).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</', start) + 200)
}

describe('a room outside its opening hours', () => {
  it('is listed as closed with its next opening, and its page is read-only with the lines', async () => {
    deps.setNow(new Date(OPENS.getTime() - 3_600_000))
    const client = HttpClient.as(server.baseUrl, member)
    const list = await client.get('/rooms')
    expect(list.status).toBe(200)
    const listed = await list.text()
    const badge = section(listed, `hours-${slug}`)
    expect(badge).toContain(roomhoursEn['roomhours.closedNow'])
    expect(badge).toContain(`dateTime="${OPENS.toISOString()}"`)

    const page = await client.get(`/rooms/${slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(roomhoursEn['roomhours.closedTitle'])
    const next = section(html, 'room-next-opening')
    expect(next).toContain(`dateTime="${OPENS.toISOString()}"`)
    expect(next).toMatch(/12:00/) // the member's zone, not the room's (18:00)
    expect(html).toContain('class="crisis-lines"')
  })

  it('is listed as open and has no closed notice while it is open', async () => {
    deps.setNow(new Date(OPENS.getTime() + 60_000))
    const client = HttpClient.as(server.baseUrl, member)
    expect(section(await (await client.get('/rooms')).text(), `hours-${slug}`)).toContain(
      roomhoursEn['roomhours.openNow'],
    )
    const html = await (await client.get(`/rooms/${slug}`)).text()
    expect(html).not.toContain('data-testid="room-closed"')
  })
})

describe('an admin setting opening hours', () => {
  it('saves a schedule from a form without JavaScript; bad hours or zone change nothing; members may not', async () => {
    deps.setNow(null)
    const admin = await makeAccount(deps, 'admin')
    const client = HttpClient.as(server.baseUrl, admin)
    const page = await client.get('/admin/room-hours')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('1 18:00-20:00')
    const stored = async () =>
      deps.sql`select weekday, opens_minute, closes_minute from room_opening_hours where room_id = ${roomId} order by weekday`

    expect(
      (
        await client.post('/admin/room-hours', {
          roomId,
          zone: 'Europe/Warsaw',
          windows: '2 07:00-09:00\n1 18:00-20:00',
        })
      ).status,
    ).toBe(200)
    expect(await stored()).toEqual([
      { weekday: 1, opens_minute: 1080, closes_minute: 1200 },
      { weekday: 2, opens_minute: 420, closes_minute: 540 },
    ])
    expect(
      (await client.post('/admin/room-hours', { roomId, zone: 'Europe/Warsaw', windows: 'Mondays 6pm' })).status,
    ).toBe(422)
    expect((await client.post('/admin/room-hours', { roomId, zone: 'Nowhere/City', windows: '' })).status).toBe(422)
    expect(await stored()).toHaveLength(2)

    const asMember = HttpClient.as(server.baseUrl, await makeAccount(deps, 'member'))
    expect((await asMember.post('/admin/room-hours', { roomId, zone: 'Europe/Warsaw', windows: '' })).status).not.toBe(
      200,
    )
    expect(await stored()).toHaveLength(2)
  })
})
