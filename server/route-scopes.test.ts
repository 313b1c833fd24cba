/**
 * The route-scoped Remix handler (server/remix-handler.ts, decision 052): each request is matched against only the
 * routes its first path segment can reach, and the answer is the same as the whole build's — status, redirect,
 * headers that matter and the HTML, partial route manifest included — for pages signed in and out, data requests,
 * odd spellings of a path and addresses no route has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRequestHandler, type AppLoadContext, type ServerBuild } from '@remix-run/node'
import { getSessionAccount } from '../core/identity/identity.service.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { chatMember, createSeedRooms } from '../tests/support/chat.js'
import { loadRemixBuild } from './index.js'
import { createRouteScopedHandler, routeScopes } from './remix-handler.js'

let deps: TestDeps
let build: ServerBuild
let memberCookie: string

beforeAll(async () => {
  deps = await createTestDeps()
  build = await loadRemixBuild()
  await createSeedRooms(deps)
  memberCookie = (await chatMember(deps, 'anxiety')).cookie
})
afterAll(async () => {
  await deps.close()
})

describe('which routes a path can match', () => {
  it('keeps the routes of the first segment and those matching any segment, and nothing else', () => {
    const { scopeOf } = routeScopes(build)
    const rooms = scopeOf('/rooms')!
    expect([...rooms.routeIds].sort()).toEqual(
      ['root', 'routes/$', 'routes/_index', 'routes/rooms.$slug', 'routes/rooms._index'].sort(),
    )
    // React Router compares case-insensitively and decoded; a data request is matched without `.data`.
    for (const same of ['/ROOMS', '/r%6Foms', '/rooms/anxiety', '/rooms.data', '/rooms/anxiety.data'])
      expect(scopeOf(same)!.key).toBe(rooms.key)
    // A nested route brings its parent.
    expect(scopeOf('/account/export')!.routeIds).toEqual(
      new Set(['root', 'routes/$', 'routes/_index', 'routes/account', 'routes/account.export']),
    )
    // No route starts with this segment: the routes that match anything (the not-found splat) still do.
    expect(scopeOf('/no-such-page')!.routeIds).toEqual(new Set(['root', 'routes/$', 'routes/_index']))
    expect(scopeOf('/_root.data')!.routeIds).toEqual(new Set(['root', 'routes/$', 'routes/_index']))
    // The lazy route discovery's manifest request, paths React Router may read differently: the whole build.
    expect(scopeOf('/__manifest')).toBeNull()
    expect(scopeOf('/%E0%A4%A')).toBeNull()
    expect(scopeOf('//rooms')).toBeNull()
  })
})

describe('the same answers as the whole build', () => {
  const whole = () => createRequestHandler(build, 'production')
  const context = async (cookie: string | null): Promise<AppLoadContext> => ({
    deps,
    cspNonce: 'fixed-nonce',
    csrfToken: 'fixed-csrf-token-0000000000000000000000000000',
    clientIp: '127.0.0.1',
    account: cookie ? await getSessionAccount(deps, cookie.split('=')[1]) : null,
    sessionUnavailable: false,
  })
  /**
   * Each page carries a fresh one-time form token (decision 049) and the presence version (a clock reading);
   * everything else must be byte for byte equal.
   */
  const comparable = async (response: Response) => ({
    status: response.status,
    location: response.headers.get('location'),
    contentType: response.headers.get('content-type'),
    body: (await response.text())
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')
      .replace(/\d{13,}/g, 'CLOCK'),
  })

  it('renders every page, redirect, refusal and data request identically', async () => {
    const scoped = createRouteScopedHandler(build)
    const reference = whole()
    const cases: Array<[string, string | null]> = [
      ['/', null],
      ['/rooms', memberCookie],
      ['/ROOMS', memberCookie],
      ['/r%6Foms', memberCookie],
      ['/rooms/anxiety', memberCookie],
      ['/rooms/no-such-room', memberCookie],
      ['/rooms', null],
      ['/help', null],
      ['/signin', null],
      ['/privacy', null],
      ['/account', memberCookie],
      ['/care', memberCookie],
      ['/groups', memberCookie],
      ['/no-such-page', memberCookie],
      ['/rooms.data', memberCookie],
      ['/_root.data', memberCookie],
      ['/help.data', null],
    ]
    for (const [path, cookie] of cases) {
      const request = () =>
        new Request(`http://localhost${path}`, { headers: cookie ? { cookie, 'accept-language': 'en' } : {} })
      const expected = await comparable(await reference(request(), await context(cookie)))
      const got = await comparable(await scoped(request(), await context(cookie)))
      expect({ path, ...got }).toEqual({ path, ...expected })
      // The pages really rendered (not two equal error pages), and the partial manifest names the matched routes.
      if (path === '/rooms' && cookie) {
        expect(got.status).toBe(200)
        expect(got.body).toContain('data-room="anxiety"')
        expect(got.body).toContain('"routes/rooms._index"')
      }
      if (path === '/no-such-page') expect(got.status).toBe(404)
    }
  })
})
