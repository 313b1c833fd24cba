/**
 * The signed-in /rooms page's fast path (decision 052) over two real server processes' apps sharing one PostgreSQL and
 * one Redis: a session signed out on one server is refused by the other on its very next page, although that server
 * had it cached; the room list is kept for ROOM_LIST_MAX_AGE_MS and shows a room made by the operator CLI after it;
 * the security headers worked out once at start still carry a fresh nonce per page; a page is sent whole with its
 * length; public files are still served.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ROOM_LIST_MAX_AGE_MS } from '../core/rooms/rooms.cache.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../tests/support/chat.js'
import { makeAccount } from '../tests/support/groups.js'

let deps: TestDeps
let servers: Array<Awaited<ReturnType<typeof startTestServer>>>

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  servers = [await startTestServer(deps), await startTestServer(deps)]
})
afterEach(() => deps.setNow(null))
afterAll(async () => {
  for (const s of servers) await s.close()
  await deps.close()
})

const clientOn = (server: 0 | 1, cookie: string) => {
  const client = new HttpClient(servers[server]!.baseUrl)
  client.cookies.set('hs_session', cookie.split('=')[1]!)
  return client
}

describe('the session cache across two servers', () => {
  it('refuses a session signed out on the other server on its very next page', async () => {
    const member = await chatMember(deps, 'anxiety')
    const one = clientOn(1, member.cookie)
    // Three pages: the first sight is not trusted, the next two are answered from server 1's cache.
    for (let i = 0; i < 3; i++) expect((await one.get('/rooms')).status).toBe(200)
    const zero = clientOn(0, member.cookie)
    expect((await zero.post('/signout', {})).status).toBe(302)
    const after = await one.get('/rooms')
    expect(after.status).toBe(302)
    expect(after.headers.get('location')).toMatch(/^\/signin/)
  })
})

describe('the room list', () => {
  it('is kept for ROOM_LIST_MAX_AGE_MS and then shows a room the operator made', async () => {
    const member = await chatMember(deps, 'anxiety')
    const client = clientOn(0, member.cookie)
    // Past whatever an earlier page left in the cache: this page reads the list afresh.
    const start = Date.now() + 10 * ROOM_LIST_MAX_AGE_MS
    deps.setNow(new Date(start))
    const first = await (await client.get('/rooms')).text()
    expect(first).toContain('data-room="anxiety"')
    await deps.sql`
      insert into rooms (slug, title, description, language, rules)
      values ('page-cache-new', 'A new room', 'Made by the operator CLI.', 'en', 'Be kind.')`
    deps.setNow(new Date(start + ROOM_LIST_MAX_AGE_MS - 1_000))
    expect(await (await client.get('/rooms')).text()).not.toContain('data-room="page-cache-new"')
    deps.setNow(new Date(start + ROOM_LIST_MAX_AGE_MS + 1_000))
    expect(await (await client.get('/rooms')).text()).toContain('data-room="page-cache-new"')
  })
})

describe('opening states on the list (decision 056)', () => {
  it('are read only for rooms with hours: new hours show within ROOM_LIST_MAX_AGE_MS, removed hours at once', async () => {
    const client = clientOn(0, (await chatMember(deps, 'anxiety')).cookie)
    const badge = async () =>
      (await (await client.get('/rooms')).text()).match(/data-testid="hours-loneliness">([^<]*)</)?.[1] ?? null
    const start = Date.now() + 40 * ROOM_LIST_MAX_AGE_MS
    deps.setNow(new Date(start))
    expect(await badge()).toBeNull()
    const roomId = await roomIdOf(deps, 'loneliness')
    // One window, on the weekday three days from now: closed at every moment of this test.
    const weekday = (new Date(start).getUTCDay() + 3) % 7 || 7
    await deps.sql`insert into room_opening_hours (room_id, weekday, opens_minute, closes_minute) values (${roomId}, ${weekday}, 600, 660)`
    try {
      // The kept list does not know of the hours yet: the room is shown as always open until it is read again.
      deps.setNow(new Date(start + ROOM_LIST_MAX_AGE_MS - 1_000))
      expect(await badge()).toBeNull()
      deps.setNow(new Date(start + ROOM_LIST_MAX_AGE_MS + 1_000))
      expect(await badge()).toBe('Closed now')
    } finally {
      await deps.sql`delete from room_opening_hours where room_id = ${roomId}`
    }
    // Hours removed: the room's opening state is read on every page, so it is always open again at once.
    expect(await badge()).toBeNull()
  })
})

describe('the kept room cards (decision 056)', () => {
  it("sends a card afresh when what it shows changed: a member's arrival and departure, a new title", async () => {
    const member = await chatMember(deps, 'grief')
    const reader = clientOn(0, (await chatMember(deps, 'anxiety')).cookie)
    const countOf = async () =>
      (await (await reader.get('/rooms')).text()).match(/data-testid="count-grief">([^<]*)</)?.[1]
    // The same page twice: the second is sent from kept cards.
    expect(await countOf()).toBe('0 here now')
    expect(await countOf()).toBe('0 here now')
    const chat = await ChatClient.connect(servers[1]!.baseUrl, member.cookie)
    await chat.join(await roomIdOf(deps, 'grief'))
    await expect.poll(countOf).toBe('1 here now')
    chat.socket.disconnect()
    await expect.poll(countOf).toBe('0 here now')

    // A title edited by the operator CLI shows once the room list is read again (ROOM_LIST_MAX_AGE_MS).
    const start = Date.now() + 20 * ROOM_LIST_MAX_AGE_MS
    deps.setNow(new Date(start))
    const before = await (await reader.get('/rooms')).text()
    expect(before).toContain('>Grief and loss</a>')
    await deps.sql`update rooms set title = 'Grief, loss & after' where slug = 'grief'`
    deps.setNow(new Date(start + ROOM_LIST_MAX_AGE_MS + 1_000))
    const after = await (await reader.get('/rooms')).text()
    expect(after).toContain('>Grief, loss &amp; after</a>')
    expect(after).not.toContain('>Grief and loss</a>')
    await deps.sql`update rooms set title = 'Grief and loss' where slug = 'grief'`
  })
})

describe('the kept room cards in two languages', () => {
  it('gives a Polish reader Polish cards after an English reader was sent the same rooms', async () => {
    const english = HttpClient.as(servers[0]!.baseUrl, await makeAccount(deps, 'member', { locale: 'en' }))
    const polish = HttpClient.as(servers[0]!.baseUrl, await makeAccount(deps, 'member', { locale: 'pl' }))
    for (let i = 0; i < 2; i++) {
      const en = await (await english.get('/rooms')).text()
      expect(en).toContain('data-testid="count-grief">0 here now<')
      expect(en).toContain('aria-label="Enter Grief and loss"')
      const pl = await (await polish.get('/rooms')).text()
      expect(pl).toContain('data-testid="count-grief">Obecnie: 0<')
      expect(pl).toContain('aria-label="Wejdź do pokoju Grief and loss"')
      expect(pl).not.toContain('here now')
    }
  })
})

describe('headers and public files', () => {
  it("sends helmet's headers with a fresh nonce on every page, and serves public files", async () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${servers[0]!.baseUrl}/help`)
      const html = await response.text()
      const nonce = response.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1]!
      expect(html).toContain(`nonce="${nonce}"`)
      seen.add(nonce)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(response.headers.get('referrer-policy')).toBe('same-origin')
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin')
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    }
    expect(seen.size).toBe(2)
    // A page goes out as one write with its length, not in chunks (React renders it whole first).
    const page = await fetch(`${servers[0]!.baseUrl}/help`, { headers: { 'accept-encoding': 'identity' } })
    const bytes = Buffer.byteLength(await page.text())
    expect(page.headers.get('transfer-encoding')).toBeNull()
    expect(Number(page.headers.get('content-length'))).toBe(bytes)
    const icon = await fetch(`${servers[0]!.baseUrl}/favicon.svg`)
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toMatch(/svg/)
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600')
  })
})
