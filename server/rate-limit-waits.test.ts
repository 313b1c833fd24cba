/**
 * Issue 17: every rate-limited account form (recovery code, sign-up, password-reset request) answers a refusal with
 * 429, a Retry-After header, and the real wait on the page in the reader's language — over HTTP as Chromium posts a
 * form without JavaScript. Sign-in's own refusal is tested in sign-up-and-sign-in.test.ts. The server trusts
 * X-Forwarded-For here, as behind the production proxy, so each client has its own address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import { createAccount } from '../tests/support/crisis-fixtures.js'
import { translate } from '../app/i18n/i18n.js'
import { AUTH_RATE_LIMITS } from '../core/security/rate-limit.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  deps = await createTestDeps({ TRUST_PROXY: 'true' })
  server = await startTestServer(deps)
})
afterAll(async () => {
  await server?.close()
  await deps?.close()
})

/** A browser at one network address, in one language. */
class BrowserAt extends HttpClient {
  constructor(
    baseUrl: string,
    readonly address: string,
    readonly language = 'en-GB,en;q=0.9',
  ) {
    super(baseUrl)
  }
  override formHeaders() {
    return { ...super.formHeaders(), 'x-forwarded-for': this.address, 'accept-language': this.language }
  }
}

/** What a person reads in the page's main region. */
function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

async function post(client: BrowserAt, path: string, fields: Record<string, string>) {
  await client.page(path)
  const response = await client.post(path, fields)
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    text: mainText(await response.text()),
  }
}

/** The wait the page should name for `seconds`, as the RetryAfter component words it. */
const waitText = (locale: 'en' | 'pl', seconds: number) =>
  seconds < 120
    ? translate(locale, 'form.retryAfterSeconds', { seconds })
    : translate(locale, 'form.retryAfterMinutes', { minutes: Math.ceil(seconds / 60) })

describe('rate-limited account forms say how long to wait', () => {
  it('recovery code: past the free guesses at one address, 429 with Retry-After and the real wait', async () => {
    const owner = await createAccount(deps, 'member')
    const guesser = new BrowserAt(server.baseUrl, '203.0.113.10')
    const guess = () =>
      post(guesser, '/recover', {
        login: owner.username,
        code: 'AAAAA-BBBBB-CCCCC-DDDDD',
        password: 'a new long password',
      })
    for (let i = 0; i < 5; i++) expect((await guess()).retryAfter).toBeNull()
    const refused = await guess()
    expect(refused).toMatchObject({ status: 429, retryAfter: '15' })
    expect(refused.text).toContain(waitText('en', 15))
  })

  it('sign-up: past the per-address limit, 429 with Retry-After and the wait in minutes, in Polish for a Polish reader', async () => {
    const visitor = new BrowserAt(server.baseUrl, '203.0.113.20', 'pl-PL,pl;q=0.9')
    const signUp = () => {
      // Each sign-up signs the visitor in; the next one comes from the same address, signed out.
      visitor.cookies.delete('hs_session')
      return post(visitor, '/signup', {
        kind: 'anonymous',
        password: 'a long secret phrase',
        consent: 'on',
        age: 'on',
        terms: 'on',
      })
    }
    for (let i = 0; i < AUTH_RATE_LIMITS.signUpPerIp.limit; i++) expect((await signUp()).status).toBe(200)
    const refused = await signUp()
    expect(refused.status).toBe(429)
    const seconds = Number(refused.retryAfter)
    expect(seconds).toBeGreaterThan(120)
    expect(seconds).toBeLessThanOrEqual(AUTH_RATE_LIMITS.signUpPerIp.windowSeconds)
    expect(refused.text).toContain(waitText('pl', seconds))
  })

  it('password-reset request: past the per-address limit, 429 with Retry-After and the real wait', async () => {
    const visitor = new BrowserAt(server.baseUrl, '203.0.113.30')
    const ask = (n: number) => post(visitor, '/forgot-password', { email: `someone${n}@example.org` })
    for (let i = 0; i < AUTH_RATE_LIMITS.resetPerIp.limit; i++) expect((await ask(i)).status).toBe(200)
    const refused = await ask(99)
    expect(refused.status).toBe(429)
    const seconds = Number(refused.retryAfter)
    expect(seconds).toBeGreaterThan(0)
    expect(refused.text).toContain(waitText('en', seconds))
  })
})
