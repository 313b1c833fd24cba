import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { signUpByEmail } from '../../tests/support/signup.js'
import { AppError } from '../errors.js'
import {
  decryptSensitiveProfile,
  deleteAccount,
  getSessionAccount,
  recoverWithCode,
  requestPasswordReset,
  resetPassword,
  saveSensitiveProfile,
  sendPasswordResetEmail,
  signIn,
  signOut,
  signUp,
} from './identity.service.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

const code = async (promise: Promise<unknown>) => {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    return error instanceof AppError ? error.code : `unexpected: ${(error as Error).message}`
  }
}
let ipCounter = 0
const freshIp = () => `10.0.0.${++ipCounter}`

describe('sign-up', () => {
  it('creates an anonymous account with a username, a one-time recovery code and a working session', async () => {
    const created = await signUp(deps, {
      kind: 'anonymous',
      password: 'correct horse battery',
      consent: true,
      locale: 'pl',
      ip: freshIp(),
    })
    expect(created.username).toMatch(/^[a-z]+-[a-z]+-\d{4}$/)
    expect(created.recoveryCode).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/)
    const account = await getSessionAccount(deps, created.sessionToken)
    expect(account).toMatchObject({ kind: 'anonymous', role: 'member', locale: 'pl', email: null })
    const [consent] = await deps.sql`select kind, version from consents where account_id = ${created.accountId}`
    expect(consent).toMatchObject({ kind: 'health_data_processing' })
  })

  it('refuses without consent and writes nothing', async () => {
    const before = await deps.sql`select count(*)::int as n from accounts`
    expect(
      await code(
        signUp(deps, {
          kind: 'anonymous',
          password: 'correct horse battery',
          consent: false,
          locale: 'en',
          ip: freshIp(),
        }),
      ),
    ).toBe('CONSENT_REQUIRED')
    const after = await deps.sql`select count(*)::int as n from accounts`
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('stores the password as argon2id, never in plain text', async () => {
    const created = await signUpByEmail(deps, {
      email: 'Hash@Example.org',
      password: 'a long secret phrase',
      ip: freshIp(),
    })
    const [row] = await deps.sql<
      { password_hash: string; email: string }[]
    >`select password_hash, email from accounts where id = ${created.accountId}`
    expect(row!.password_hash).toMatch(/^\$argon2id\$/)
    expect(row!.email).toBe('hash@example.org')
  })
})

describe('sign-in and sign-out', () => {
  it('signs in by email or username and rotates the session id at every sign-in', async () => {
    const created = await signUpByEmail(deps, {
      email: 'rotate@example.org',
      password: 'a long secret phrase',
      ip: freshIp(),
    })
    const a = await signIn(deps, { login: 'ROTATE@example.org', password: 'a long secret phrase', ip: freshIp() })
    const b = await signIn(deps, { login: created.username, password: 'a long secret phrase', ip: freshIp() })
    expect(new Set([created.sessionToken, a.sessionToken, b.sessionToken]).size).toBe(3)
    expect(Buffer.from(a.sessionToken, 'base64url').length).toBeGreaterThanOrEqual(16)
  })

  it('gives the same answer for an unknown account and a wrong password', async () => {
    await signUpByEmail(deps, { email: 'same@example.org', password: 'a long secret phrase', ip: freshIp() })
    expect(await code(signIn(deps, { login: 'same@example.org', password: 'wrong password!', ip: freshIp() }))).toBe(
      'INVALID_CREDENTIALS',
    )
    expect(await code(signIn(deps, { login: 'nobody@example.org', password: 'wrong password!', ip: freshIp() }))).toBe(
      'INVALID_CREDENTIALS',
    )
  })

  it('sign-out revokes the session so the token no longer works', async () => {
    const created = await signUp(deps, {
      kind: 'anonymous',
      password: 'a long secret phrase',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    expect(await getSessionAccount(deps, created.sessionToken)).not.toBeNull()
    await signOut(deps, created.sessionId)
    expect(await getSessionAccount(deps, created.sessionToken)).toBeNull()
  })

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const created = await signUp(deps, {
      kind: 'anonymous',
      password: 'a long secret phrase',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    const start = Date.now()
    deps.setNow(new Date(start + 29 * 60_000))
    expect(await getSessionAccount(deps, created.sessionToken)).not.toBeNull()
    deps.setNow(new Date(start + 29 * 60_000 + 31 * 60_000))
    expect(await getSessionAccount(deps, created.sessionToken)).toBeNull()
    deps.setNow(null)
    // An idle-expired session stays dead even when the clock is back.
    expect(await getSessionAccount(deps, created.sessionToken)).toBeNull()

    const busy = await signIn(deps, { login: created.username, password: 'a long secret phrase', ip: freshIp() })
    await deps.sql`update sessions set last_seen_at = now() + interval '12 hours' where id = ${busy.sessionId}`
    deps.setNow(new Date(Date.now() + 12 * 3_600_000 + 1000))
    expect(await getSessionAccount(deps, busy.sessionToken)).toBeNull()
    deps.setNow(null)
  })
})

describe('recovery by code', () => {
  it('works once with the right username, sets a new password, issues a new code and revokes old sessions', async () => {
    const created = await signUp(deps, {
      kind: 'anonymous',
      password: 'the first password',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    const recovered = await recoverWithCode(deps, {
      login: created.username,
      code: created.recoveryCode.toLowerCase(),
      password: 'the second password',
      ip: freshIp(),
    })
    expect(recovered.recoveryCode).not.toBe(created.recoveryCode)
    expect(await getSessionAccount(deps, created.sessionToken)).toBeNull()
    expect(await getSessionAccount(deps, recovered.sessionToken)).not.toBeNull()
    expect(
      await code(
        recoverWithCode(deps, {
          login: created.username,
          code: created.recoveryCode,
          password: 'a third password',
          ip: freshIp(),
        }),
      ),
    ).toBe('INVALID_RECOVERY_CODE')
    expect(await code(signIn(deps, { login: created.username, password: 'the first password', ip: freshIp() }))).toBe(
      'INVALID_CREDENTIALS',
    )
    expect(await code(signIn(deps, { login: created.username, password: 'the second password', ip: freshIp() }))).toBe(
      'resolved',
    )
  })

  it("refuses another account's code", async () => {
    const a = await signUp(deps, {
      kind: 'anonymous',
      password: 'the first password',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    const b = await signUp(deps, {
      kind: 'anonymous',
      password: 'the first password',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    expect(
      await code(
        recoverWithCode(deps, {
          login: a.username,
          code: b.recoveryCode,
          password: 'whatever password',
          ip: freshIp(),
        }),
      ),
    ).toBe('INVALID_RECOVERY_CODE')
  })
})

describe('password reset by email', () => {
  it('emails a single-use, short-lived link through SMTP that says nothing about mental health', async () => {
    await signUpByEmail(deps, { email: 'reset@example.org', password: 'the first password', ip: freshIp() })
    const mailsBefore = deps.mail.mails.length
    await requestPasswordReset(deps, { email: 'reset@example.org', ip: freshIp() })
    const [job] = await deps.sql<
      { payload: { accountId: string; requestId: string } }[]
    >`select payload from outbox where job_name = 'password-reset:send'`
    expect(Object.keys(job!.payload).sort()).toEqual(['accountId', 'requestId'])
    expect(await sendPasswordResetEmail(deps, job!.payload)).toBe('sent')
    // A retried job sends nothing more.
    expect(await sendPasswordResetEmail(deps, job!.payload)).toBe('skipped')
    expect(deps.mail.mails).toHaveLength(mailsBefore + 1)
    const mail = deps.mail.mails.at(-1)!
    expect(mail.to).toEqual(['reset@example.org'])
    expect(`${mail.subject} ${mail.text}`).not.toMatch(/therap|mental|crisis|depress|anxiety|support group|suicid/i)
    const token = decodeURIComponent(mail.text.match(/token=([^\s]+)/)![1]!)
    const session = await resetPassword(deps, { token, password: 'a brand new password' })
    expect(await getSessionAccount(deps, session.sessionToken)).not.toBeNull()
    expect(await code(resetPassword(deps, { token, password: 'yet another password' }))).toBe('INVALID_RESET_TOKEN')
    expect(
      await code(signIn(deps, { login: 'reset@example.org', password: 'a brand new password', ip: freshIp() })),
    ).toBe('resolved')
  })

  it('expires the link after 30 minutes', async () => {
    await signUpByEmail(deps, { email: 'late@example.org', password: 'the first password', ip: freshIp() })
    await requestPasswordReset(deps, { email: 'late@example.org', ip: freshIp() })
    const [job] = await deps.sql<{ payload: { accountId: string; requestId: string } }[]>`
      select o.payload from outbox o join accounts a on a.id = (o.payload->>'accountId')::uuid where a.email = 'late@example.org'`
    await sendPasswordResetEmail(deps, job!.payload)
    const mail = deps.mail.mails.at(-1)!
    const token = decodeURIComponent(mail.text.match(/token=([^\s]+)/)![1]!)
    await deps.sql`update password_resets set expires_at = now() - interval '1 second' where request_id = ${job!.payload.requestId}`
    expect(await code(resetPassword(deps, { token, password: 'a brand new password' }))).toBe('INVALID_RESET_TOKEN')
  })

  it('answers the same for an unknown email and enqueues nothing', async () => {
    const before = await deps.sql`select count(*)::int as n from outbox`
    await requestPasswordReset(deps, { email: 'ghost@example.org', ip: freshIp() })
    const after = await deps.sql`select count(*)::int as n from outbox`
    expect(after[0]!.n).toBe(before[0]!.n)
  })
})

describe('rate limits', () => {
  it('keeps IPs and logins out of Redis keys', async () => {
    const keys = await deps.redis.keys(`${deps.config.REDIS_PREFIX}:rl:*`)
    expect(keys.length).toBeGreaterThan(0)
    for (const key of keys) expect(key).not.toMatch(/10\.0\.0|@|example/)
  })
})

describe('identity data at rest', () => {
  it('stores legal name and emergency contact only as AES-GCM ciphertext bound to the account', async () => {
    const a = await signUp(deps, {
      kind: 'anonymous',
      password: 'the first password',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    const b = await signUp(deps, {
      kind: 'anonymous',
      password: 'the first password',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    await saveSensitiveProfile(deps, a.accountId, {
      legalName: 'Maria Kowalska',
      emergencyContact: 'Jan Kowalski +48 601 234 567',
    })
    const [row] = await deps.sql<{ legal_name_enc: Buffer; emergency_contact_enc: Buffer }[]>`
      select legal_name_enc, emergency_contact_enc from sensitive_profiles where account_id = ${a.accountId}`
    const dump = await deps.sql.unsafe(`select * from sensitive_profiles`)
    expect(JSON.stringify(dump)).not.toMatch(/Kowalsk|601 234/)
    expect(row!.emergency_contact_enc.toString('latin1')).not.toContain('Kowalski')
    expect(await decryptSensitiveProfile(deps, a.accountId)).toEqual({
      legalName: 'Maria Kowalska',
      emergencyContact: 'Jan Kowalski +48 601 234 567',
    })
    // A ciphertext copied to another account's row does not decrypt.
    await deps.sql`insert into sensitive_profiles (account_id, emergency_contact_enc) values (${b.accountId}, ${row!.emergency_contact_enc})`
    await expect(decryptSensitiveProfile(deps, b.accountId)).rejects.toThrow()
  })

  it('deleting an account needs the password and removes its data', async () => {
    const a = await signUp(deps, {
      kind: 'anonymous',
      password: 'the first password',
      consent: true,
      locale: 'en',
      ip: freshIp(),
    })
    await saveSensitiveProfile(deps, a.accountId, { legalName: 'X Y', emergencyContact: 'Z' })
    expect(await code(deleteAccount(deps, a.accountId, 'not my password'))).toBe('INVALID_CREDENTIALS')
    await deleteAccount(deps, a.accountId, 'the first password')
    expect(await deps.sql`select 1 from accounts where id = ${a.accountId}`).toHaveLength(0)
    expect(await deps.sql`select 1 from sensitive_profiles where account_id = ${a.accountId}`).toHaveLength(0)
    expect(await getSessionAccount(deps, a.sessionToken)).toBeNull()
  })

  it('never logged a password, email, recovery code or emergency contact', () => {
    const all = deps.logLines.join('\n')
    expect(all).not.toMatch(/example\.org|secret phrase|Kowalsk|password/i)
  })
})
