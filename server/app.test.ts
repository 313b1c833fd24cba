import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedis } from '../scripts/local-services.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { startMetricsServer } from './metrics.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  deps = await createTestDeps()
  server = await startTestServer(deps)
})
afterAll(async () => {
  await server.close()
  await deps.close()
})

const client = () => new HttpClient(server.baseUrl)

async function signUpAnonymously(c: HttpClient) {
  const response = await c.post('/signup', {
    kind: 'anonymous',
    password: 'a long secret phrase',
    consent: 'on',
    age: 'on',
    terms: 'on',
  })
  return response
}

describe('health, readiness and metrics', () => {
  it('reports liveness and readiness of Postgres, Redis and migrations as JSON', async () => {
    const health = await fetch(`${server.baseUrl}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok' })
    const ready = await fetch(`${server.baseUrl}/readyz`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', migrations: 'ok' } })
  })

  it('says which dependency does not answer: a paused Redis is unreachable, PostgreSQL still ok', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hs-readyz-'))
    const own = await startRedis({ dataDir, persist: false })
    const redis = new Redis(own.url, { maxRetriesPerRequest: 1 })
    const paused = await startTestServer({ ...deps, redis, config: { ...deps.config, allowedOrigins: [] } })
    const pid = own.process.pid!
    try {
      expect((await fetch(`${paused.baseUrl}/readyz`)).status).toBe(200)
      process.kill(pid, 'SIGSTOP')
      const ready = await fetch(`${paused.baseUrl}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toEqual({
        status: 'not_ready',
        checks: { postgres: 'ok', redis: 'unreachable', migrations: 'ok' },
      })
    } finally {
      process.kill(pid, 'SIGCONT')
      await paused.close()
      redis.disconnect()
      await own.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('is not ready when a migration is missing', async () => {
    await deps.sql`delete from schema_migrations where version = 1`
    try {
      const ready = await fetch(`${server.baseUrl}/readyz`)
      expect(ready.status).toBe(503)
      expect((await ready.json()).checks.migrations).toBe('pending')
    } finally {
      await deps.sql`insert into schema_migrations (version, name, checksum) values (1, '0001_foundation', 'restored')`
    }
  })

  it('exposes Prometheus metrics on the metrics listener, not on the public port', async () => {
    await fetch(`${server.baseUrl}/healthz`)
    const publicMetrics = await fetch(`${server.baseUrl}/metrics`)
    expect(publicMetrics.status).toBe(404)
    expect(await publicMetrics.text()).not.toContain('holdspace_')
    expect(new URL(server.metricsUrl).port).not.toBe(new URL(server.baseUrl).port)
    const text = await (await fetch(server.metricsUrl)).text()
    expect(text).toContain('holdspace_http_request_duration_seconds_bucket')
    expect(text).toMatch(/holdspace_outbox_pending \d+/)
    expect(text).toContain('holdspace_socket_connections')
  })

  it('asks for the bearer token on the metrics listener when METRICS_TOKEN is set', async () => {
    const token = 'a-metrics-token-of-some-length'
    const guarded = await startMetricsServer(
      { config: { ...deps.config, METRICS_TOKEN: token } },
      server.app.metrics,
      0,
    )
    try {
      const url = `http://127.0.0.1:${guarded.port}/metrics`
      const none = await fetch(url)
      expect(none.status).toBe(401)
      expect(await none.text()).not.toContain('holdspace_')
      expect((await fetch(url, { headers: { authorization: 'Bearer not-the-token-of-some-length' } })).status).toBe(401)
      const good = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
      expect(good.status).toBe(200)
      expect(await good.text()).toContain('holdspace_outbox_pending')
    } finally {
      await guarded.close()
    }
  })
})

describe('pages and headers', () => {
  it('sends a strict CSP with a per-request nonce that the page scripts carry', async () => {
    const a = await client().get('/')
    const b = await client().get('/')
    const csp = a.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    const nonce = csp.match(/'nonce-([^']+)'/)![1]
    expect(b.headers.get('content-security-policy')).not.toContain(nonce)
    const html = await a.text()
    const scripts = html.match(/<script[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
    expect(a.headers.get('x-content-type-options')).toBe('nosniff')
    // Other sites learn nothing, and our own form posts still carry our Origin (no-referrer made it `null`).
    expect(a.headers.get('referrer-policy')).toBe('same-origin')
    expect(html).toContain('<meta name="referrer" content="same-origin"/>')
  })

  it('speaks Polish when the browser asks for it, and after the language switch', async () => {
    const pl = await fetch(`${server.baseUrl}/`, { headers: { 'accept-language': 'pl-PL,pl;q=0.9' } })
    const html = await pl.text()
    expect(html).toContain('<html lang="pl"')
    expect(html).toContain('Szybkie wyjście')
    const c = client()
    await c.get('/')
    const switched = await c.post('/language', { locale: 'pl', redirectTo: '/signin' })
    expect(switched.status).toBe(302)
    expect(switched.headers.get('location')).toBe('/signin')
    expect((await c.page('/signin')).html).toContain('Zaloguj się')
  })

  it('shows open operational alarms to admins and clinicians on every page, never to members', async () => {
    await deps.sql`insert into alarms (kind, dedup_key, incident_id, raised_at) values ('webhook_dead_letter', 'app-test', null, now())`
    try {
      for (const [role, shown] of [
        ['admin', true],
        ['clinician', true],
        ['member', false],
      ] as const) {
        const c = client()
        await c.get('/signup')
        await signUpAnonymously(c)
        await deps.sql`update accounts set role = ${role} where id = (select account_id from sessions order by created_at desc limit 1)`
        const { html } = await c.page('/account')
        expect(html.includes('data-testid="alarm-banner"'), role).toBe(shown)
      }
    } finally {
      await deps.sql`delete from alarms where dedup_key = 'app-test'`
    }
  })

  it('answers a missing asset with 404, not a page or an error', async () => {
    const response = await fetch(`${server.baseUrl}/build/_assets/no-such-file.css`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } })
  })

  it('answers an unknown page with 404 and no internal detail', async () => {
    const { response, html } = await client().page('/no/such/page')
    expect(response.status).toBe(404)
    expect(html).not.toMatch(/at .*\.(ts|js):\d+|Error:|stack/i)
  })
})

describe('forms', () => {
  it('rejects a state-changing form without the CSRF token and changes nothing', async () => {
    const c = client()
    await c.get('/signup')
    const before = (await deps.sql`select count(*)::int as n from accounts`)[0]!.n
    const missing = await c.post(
      '/signup',
      { kind: 'anonymous', password: 'a long secret phrase', consent: 'on', age: 'on', terms: 'on' },
      { csrf: null },
    )
    expect(missing.status).toBe(403)
    const wrong = await c.post(
      '/signup',
      { kind: 'anonymous', password: 'a long secret phrase', consent: 'on', age: 'on', terms: 'on' },
      { csrf: 'x'.repeat(43) },
    )
    expect(wrong.status).toBe(403)
    expect((await deps.sql`select count(*)::int as n from accounts`)[0]!.n).toBe(before)
  })

  it('refuses a form from another site with a 403 page, whatever the browser says of it, and changes nothing', async () => {
    const accounts = async () => (await deps.sql`select count(*)::int as n from accounts`)[0]!.n
    const before = await accounts()
    const fields = { kind: 'anonymous', password: 'a long secret phrase', consent: 'on', age: 'on', terms: 'on' }
    const attempts: Array<[string, Record<string, string>]> = [
      ['a cross-site page (Chromium)', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
      ['a sibling subdomain', { origin: 'https://app.evil.example', 'sec-fetch-site': 'same-site' }],
      ['an older browser naming the other site', { origin: 'https://evil.example' }],
      ['a sandboxed frame or data: URL', { origin: 'null' }],
    ]
    for (const [what, headers] of attempts) {
      const c = client()
      await c.get('/signup')
      const logBefore = deps.logLines.length
      const response = await fetch(`${server.baseUrl}/signup`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ ...fields, csrf: c.csrf() }),
        headers: { cookie: c.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      })
      expect(response.status, what).toBe(403)
      const html = await response.text()
      expect(html, what).toContain('That form came from another site')
      expect(html, what).not.toMatch(/at .*\.(ts|js):\d+|Error:/)
      const logged = deps.logLines.slice(logBefore)
      expect(
        logged.filter((l) => l.includes('form from another site refused')),
        what,
      ).toHaveLength(1)
      expect(logged.join(''), what).not.toMatch(/\n\s+at |"stack"/)
    }
    // A script's data request from another site gets a coded 403 as well.
    const data = await fetch(`${server.baseUrl}/signup.data`, {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    expect(data.status).toBe(403)
    expect((await data.json()).error.code).toBe('FORBIDDEN')
    expect(await accounts()).toBe(before)
  })

  it('accepts our own forms: our Origin, a page cached with the old no-referrer policy, and clients that send no Origin', async () => {
    const ownOrigin = await signUpAnonymously(client())
    expect(ownOrigin.status).toBe(200)
    for (const headers of [{ origin: 'null', 'sec-fetch-site': 'same-origin' }, {}] as Array<Record<string, string>>) {
      const c = client()
      await c.get('/signup')
      const response = await fetch(`${server.baseUrl}/signup`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({
          kind: 'anonymous',
          password: 'a long secret phrase',
          consent: 'on',
          age: 'on',
          terms: 'on',
          csrf: c.csrf(),
        }),
        headers: { cookie: c.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      })
      expect(response.status, JSON.stringify(headers)).toBe(200)
      expect(await response.text()).toMatch(/data-testid="recovery-code">/)
    }
  })

  it('explains a form refused for its CSRF token: the form expired', async () => {
    const c = client()
    await c.get('/signup')
    const response = await c.post(
      '/signup',
      { kind: 'anonymous', password: 'a long secret phrase', consent: 'on', age: 'on', terms: 'on' },
      { csrf: 'x'.repeat(43) },
    )
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('The form expired. Please reload the page and try again.')
  })

  it('signs up with a session cookie that is HttpOnly and SameSite=Lax, then signs out everywhere', async () => {
    const c = client()
    await c.get('/signup')
    const response = await signUpAnonymously(c)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/data-testid="recovery-code">[A-Z0-9]{5}-/)
    const setCookie = response.headers.getSetCookie().find((l) => l.startsWith('hs_session='))!
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Lax/)
    expect(setCookie).not.toMatch(/Secure/) // development/test over http; production adds Secure
    expect((await c.get('/account')).status).toBe(200)
    const out = await c.post('/signout', {})
    expect(out.status).toBe(302)
    expect(c.cookies.has('hs_session')).toBe(false)
    expect((await c.get('/account')).status).toBe(302)
  })

  it('rejects invalid sign-up input field by field, with translatable codes', async () => {
    const c = client()
    await c.get('/signup')
    const response = await c.post('/signup', { kind: 'registered', email: 'not-an-email', password: 'short' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter a valid email address.')
    expect(html).toContain('Use at least 10 characters.')
    expect(html).toContain('Please read and accept how we handle your data.')
    expect(html).toContain('You need to be 16 or older to join.')
    expect(html).toContain('Please accept the terms of use and the privacy notice.')
    expect(c.cookies.has('hs_session')).toBe(false)
  })

  it('redirects a signed-out visitor from the account page to sign-in and back', async () => {
    const response = await client().get('/account')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/signin?next=%2Faccount')
  })

  it("exports the member's own data as JSON, including their decrypted emergency contact", async () => {
    const c = client()
    await c.get('/signup')
    await signUpAnonymously(c)
    const saved = await c.post('/account', {
      intent: 'sensitive',
      legalName: 'Ala Nowak',
      emergencyContact: 'Ola +48 500 100 200',
    })
    expect(saved.status).toBe(200)
    const page = await c.page('/account')
    expect(page.html).not.toContain('Ala Nowak')
    const exported = await c.get('/account/export')
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    const body = await exported.json()
    expect(body.identity).toEqual({ legalName: 'Ala Nowak', emergencyContact: 'Ola +48 500 100 200' })
    expect(body.account.kind).toBe('anonymous')
    expect(body.consents).toHaveLength(1)
  })

  it('secure cookies are marked Secure when configured for production', async () => {
    const prodDeps = await createTestDeps({ SECURE_COOKIES: 'true' })
    const prod = await startTestServer(prodDeps)
    try {
      const response = await new HttpClient(prod.baseUrl).get('/')
      expect(response.headers.getSetCookie().find((l) => l.startsWith('hs_csrf='))).toMatch(/; Secure/)
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    } finally {
      await prod.close()
      await prodDeps.close()
    }
  })
})
