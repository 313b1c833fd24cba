import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { HttpClient, startTestServer } from '../tests/support/http.js'
import {
  confirmationPath,
  deliverSignUpEmails,
  mailFor,
  mailsFor,
  signUpByEmail,
  tokenOf,
} from '../tests/support/signup.js'
import { hashToken } from '../core/identity/identity.crypto.js'
import { createAccount } from '../tests/support/crisis-fixtures.js'
import { en } from '../app/i18n/en.js'

/**
 * Issue 17, points 3 and 6, over HTTP as Chromium posts forms: a sign-up with an email answers the same whether or not
 * the address has an account (the outcome goes by email), and wrong passwords from one address cannot lock the owner
 * out from theirs. The server trusts X-Forwarded-For here, as behind the production proxy, so each client has its own
 * address.
 */
let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  deps = await createTestDeps({ TRUST_PROXY: 'true' })
  server = await startTestServer(deps)
})
afterAll(async () => {
  deps?.setNow(null)
  await server?.close()
  await deps?.close()
})

/** A browser at one network address. */
class BrowserAt extends HttpClient {
  constructor(
    baseUrl: string,
    readonly address: string,
  ) {
    super(baseUrl)
  }
  override formHeaders() {
    return { ...super.formHeaders(), 'x-forwarded-for': this.address }
  }
}
let addressCounter = 0
const browserAt = (address = `198.51.100.${++addressCounter}`) => new BrowserAt(server.baseUrl, address)

const PASSWORD = 'a long secret phrase'
/** The password createAccount gives its accounts. */
const FIXTURE_PASSWORD = 'a long test passphrase'
const CONDITIONS = /therap|mental|crisis|depress|anxiety|grief|addict|suicid|support group|room|group/i

/** What a person reads in the page's main region. */
function mainText(html: string): string {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}
/** The error code whose English message the page shows, if any. */
function formError(html: string): string | null {
  const text = mainText(html)
  const shown = Object.entries(en).find(([key, message]) => key.startsWith('error.') && text.includes(message))
  return shown ? shown[0].slice('error.'.length) : null
}

async function signUpWithEmail(c: HttpClient, email: string, password = PASSWORD) {
  const response = await c.post('/signup', {
    kind: 'registered',
    email,
    password,
    consent: 'on',
    age: 'on',
    terms: 'on',
  })
  return { response, html: await response.text() }
}
async function signInAs(c: HttpClient, login: string, password: string) {
  const response = await c.post('/signin', { login, password, next: '/rooms' })
  const html = response.status === 302 ? '' : await response.text()
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    error: formError(html),
    text: mainText(html),
    signedIn: c.cookies.has('hs_session'),
  }
}

describe('sign-up with an email reveals nothing (issue 17.3)', () => {
  it('answers a new and a registered address the same way, and tells each by email', async () => {
    const owner = await signUpByEmail(deps, { email: 'owner@example.org', password: PASSWORD, ip: '10.5.0.1' })
    const ownerMailsBefore = mailsFor(deps, 'owner@example.org')

    const existing = await signUpWithEmail(browserAt(), 'Owner@Example.org', 'someone elses password')
    const fresh = await signUpWithEmail(browserAt(), 'newcomer@example.org')
    expect(existing.response.status).toBe(200)
    expect(fresh.response.status).toBe(existing.response.status)
    expect(mainText(fresh.html)).toBe(mainText(existing.html))
    expect(mainText(fresh.html)).toContain('Check your email to continue')
    for (const answer of [existing, fresh]) {
      expect(answer.response.headers.getSetCookie().some((c) => c.startsWith('hs_session='))).toBe(false)
    }
    // Both requests wrote the same kind of row and job (ids only); the worker tells them apart.
    const jobs = await deps.sql<
      { payload: Record<string, string> }[]
    >`select payload from outbox where job_name = 'signup:email' and sent_at is null`
    expect(jobs).toHaveLength(2)
    for (const job of jobs) expect(Object.keys(job.payload)).toEqual(['requestId'])
    expect((await deliverSignUpEmails(deps)).sort()).toEqual(['notice', 'sent'])

    const notice = await mailFor(deps, 'owner@example.org', ownerMailsBefore)
    expect(notice.subject).toBe('Holdspace: someone tried to sign up')
    expect(notice.text).toContain(`${deps.config.publicUrl}/signin`)
    expect(notice.text).toContain(`${deps.config.publicUrl}/forgot-password`)
    expect(confirmationPath(notice), 'the owner gets no link that makes a second account').toBeNull()
    expect(`${notice.subject} ${notice.text}`).not.toMatch(CONDITIONS)
    const confirmation = await mailFor(deps, 'newcomer@example.org')
    expect(confirmationPath(confirmation)).not.toBeNull()
    expect(`${confirmation.subject} ${confirmation.text}`).not.toMatch(CONDITIONS)

    // The owner's account is untouched: the other password does not work, theirs does.
    expect((await signInAs(browserAt(), 'owner@example.org', 'someone elses password')).error).toBe(
      'INVALID_CREDENTIALS',
    )
    expect((await signInAs(browserAt(), 'owner@example.org', PASSWORD)).status).toBe(302)
    expect(await deps.sql`select 1 from accounts where email = 'owner@example.org'`).toHaveLength(1)
    expect(owner.accountId).toBeTruthy()
  })

  it('makes a new account usable only once its link is opened and pressed, and the link works once', async () => {
    const email = 'linked@example.org'
    await signUpWithEmail(browserAt(), email)
    await deliverSignUpEmails(deps)
    const path = confirmationPath(await mailFor(deps, email))!
    const token = tokenOf(path)
    // The token is kept only as its SHA-256.
    const [row] = await deps.sql<
      { tokenHash: Buffer }[]
    >`select token_hash as "tokenHash" from signup_requests where email = ${email}`
    expect(row!.tokenHash.equals(hashToken(token))).toBe(true)
    expect(JSON.stringify(await deps.sql`select * from signup_requests`)).not.toContain(token)

    expect((await signInAs(browserAt(), email, PASSWORD)).error, 'no account before the link').toBe(
      'INVALID_CREDENTIALS',
    )
    const visitor = browserAt()
    const page = await visitor.page(path)
    expect(page.response.status).toBe(200)
    expect(mainText(page.html)).toContain('Confirm your account')
    // Opening the link (what a mail scanner does) creates nothing: the button does.
    expect((await signInAs(browserAt(), email, PASSWORD)).error).toBe('INVALID_CREDENTIALS')

    const confirmed = await visitor.post(path, { token })
    const html = await confirmed.text()
    expect(confirmed.status).toBe(200)
    expect(visitor.cookies.has('hs_session')).toBe(true)
    expect(mainText(html)).toContain('Your account is ready')
    expect(html).toMatch(/data-testid="recovery-code">[A-Z0-9]{5}(-[A-Z0-9]{5}){3}</)
    expect((await signInAs(browserAt(), email, PASSWORD)).status).toBe(302)

    const again = await browserAt().post(path, { token })
    expect(again.status).toBe(400)
    expect(formError(await again.text())).toBe('INVALID_SIGNUP_LINK')
    expect(await deps.sql`select 1 from accounts where email = ${email}`).toHaveLength(1)
  })

  it('expires the link after 24 hours', async () => {
    const email = 'slow@example.org'
    await signUpWithEmail(browserAt(), email)
    await deliverSignUpEmails(deps)
    const path = confirmationPath(await mailFor(deps, email))!
    deps.setNow(new Date(Date.now() + 24 * 3_600_000 + 60_000))
    try {
      const late = await browserAt().post(path, { token: tokenOf(path) })
      expect(late.status).toBe(400)
      expect(formError(await late.text())).toBe('INVALID_SIGNUP_LINK')
    } finally {
      deps.setNow(null)
    }
    expect(await deps.sql`select 1 from accounts where email = ${email}`).toHaveLength(0)
  })

  it('keeps anonymous sign-up instant', async () => {
    const c = browserAt()
    const response = await c.post('/signup', {
      kind: 'anonymous',
      password: PASSWORD,
      consent: 'on',
      age: 'on',
      terms: 'on',
    })
    expect(response.status).toBe(200)
    expect(c.cookies.has('hs_session')).toBe(true)
    expect(mainText(await response.text())).toContain('Your account is ready')
  })
})

describe('sign-in limits that do not lock the owner out (issue 17.6)', () => {
  // A frozen clock: the waits the server names are exact, and moving the clock is how time passes.
  let start = 0
  beforeEach(() => {
    start = Date.now()
    deps.setNow(new Date(start))
  })
  afterEach(() => deps.setNow(null))

  it("an attacker's wrong passwords from another address do not stop the owner signing in from theirs", async () => {
    const owner = await createAccount(deps, 'admin')
    const attacker = browserAt('203.0.113.66')
    const answers: number[] = []
    for (let i = 0; i < 12; i++) answers.push((await signInAs(attacker, owner.email!, `guess number ${i}`)).status)
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401])
    expect(answers.slice(5)).toEqual(Array(7).fill(429))
    const refused = await signInAs(attacker, owner.email!, 'one more guess')
    expect(refused.retryAfter).toBe('15')
    expect(refused.error).toBe('RATE_LIMITED')
    expect(refused.text, 'the page names the real wait').toContain('You can try again from here in 15 seconds.')
    // Even the right password waits at the attacker's address: it cannot be used as an oracle.
    expect((await signInAs(attacker, owner.email!, FIXTURE_PASSWORD)).status).toBe(429)

    const home = browserAt('198.51.100.200')
    const signedIn = await signInAs(home, owner.email!, FIXTURE_PASSWORD)
    expect(signedIn.status).toBe(302)
    expect(signedIn.signedIn).toBe(true)
    // By username too.
    expect((await signInAs(browserAt('198.51.100.200'), owner.username, FIXTURE_PASSWORD)).status).toBe(302)
  })

  it('delays grow at the guessing address and pass with time', async () => {
    const owner = await createAccount(deps, 'member')
    const guesser = browserAt('203.0.113.77')
    for (let i = 0; i < 5; i++) expect((await signInAs(guesser, owner.email!, `wrong ${i}`)).status).toBe(401)
    expect((await signInAs(guesser, owner.email!, 'wrong 5')).retryAfter).toBe('15')
    {
      deps.setNow(new Date(start + 16_000))
      expect((await signInAs(guesser, owner.email!, 'wrong 6')).status).toBe(401)
      expect((await signInAs(guesser, owner.email!, 'wrong 7')).retryAfter).toBe('30')
      deps.setNow(new Date(start + 16_000 + 31_000))
      expect((await signInAs(guesser, owner.email!, 'wrong 8')).status).toBe(401)
      expect((await signInAs(guesser, owner.email!, 'wrong 9')).retryAfter).toBe('60')
      // Waiting it out, the right password works from there too.
      deps.setNow(new Date(start + 16_000 + 31_000 + 61_000))
      expect((await signInAs(guesser, owner.email!, FIXTURE_PASSWORD)).status).toBe(302)
    }
  })

  it("never counts successful sign-ins, and a success clears that address's failures", async () => {
    const owner = await createAccount(deps, 'admin')
    // Each attempt from a fresh browser at the owner's address (a signed-in browser is sent away from /signin).
    const home = () => browserAt('198.51.100.150')
    // The failure from the issue: 4 successes and 1 failure within 5 minutes locked the owner out.
    for (let i = 0; i < 20; i++) expect((await signInAs(home(), owner.email!, FIXTURE_PASSWORD)).status).toBe(302)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect((await signInAs(home(), owner.email!, 'a typo in it')).status).toBe(401)
      expect((await signInAs(home(), owner.email!, FIXTURE_PASSWORD)).status).toBe(302)
    }
  })

  it('many addresses guessing one login slow it down but never refuse the owner', async () => {
    const owner = await createAccount(deps, 'admin')
    for (let a = 0; a < 15; a++) {
      const bot = browserAt(`192.0.2.${a + 1}`)
      for (let i = 0; i < 2; i++) expect((await signInAs(bot, owner.username, `bot ${a} guess ${i}`)).status).toBe(401)
    }
    expect((await signInAs(browserAt('198.51.100.250'), owner.username, FIXTURE_PASSWORD)).status).toBe(302)
  })

  it("keeps the owner's ways back in open: a reset email and the recovery code", async () => {
    const email = 'locked@example.org'
    const owner = await signUpByEmail(deps, { email, password: PASSWORD, ip: '10.5.0.2' })
    const attacker = browserAt('203.0.113.88')
    for (let i = 0; i < 8; i++) await signInAs(attacker, email, `guess ${i}`)
    for (let i = 0; i < 8; i++)
      await attacker.post('/recover', {
        login: owner.username,
        code: 'AAAAA-BBBBB-CCCCC-DDDDD',
        password: 'attacker password',
      })
    for (let i = 0; i < 5; i++) await attacker.post('/forgot-password', { email })
    expect(
      (
        await attacker.post('/recover', {
          login: owner.username,
          code: 'AAAAA-BBBBB-CCCCC-DDDDD',
          password: 'attacker password',
        })
      ).status,
    ).toBe(429)

    const home = browserAt('198.51.100.99')
    const recovered = await home.post('/recover', {
      login: owner.username,
      code: owner.recoveryCode,
      password: 'my new long password',
    })
    expect(recovered.status).toBeLessThan(400)
    expect(home.cookies.has('hs_session')).toBe(true)
    // The reset form answers the owner as it answers everyone, and the links the requests sent are in the inbox.
    const reset = await browserAt('198.51.100.98').post('/forgot-password', { email })
    expect(reset.status).toBe(200)
    const jobs =
      await deps.sql`select 1 from outbox where job_name = 'password-reset:send' and payload->>'accountId' = ${owner.accountId}`
    expect(jobs.length).toBeGreaterThan(0)
  })

  it('keeps logins and addresses out of Redis keys', async () => {
    const keys = await deps.redis.keys(`${deps.config.REDIS_PREFIX}:rl:*`)
    expect(keys.some((k) => k.includes(':rl:signin:pair:'))).toBe(true)
    for (const key of keys) expect(key).not.toMatch(/@|example|198\.51|203\.0|192\.0|admin/)
  })
})
