import { randomUUID } from 'node:crypto'
import argon2 from 'argon2'
import { AppError } from '../errors.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import { passwordResetEmail } from '../notify/emails.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import { AUTH_RATE_LIMITS, consumeRateLimit, requireWithinRateLimits } from '../security/rate-limit.js'
import { beginGuess, RECOVERY_CODE_LIMITS, SIGN_IN_LIMITS } from './signin-limits.js'
import { signUpConfirmationEmail, signUpExistingAccountEmail } from './signup.emails.js'
import * as q from './identity.queries.js'
import { accountDataOf, type AccountDataDeps } from './account-data.js'
import {
  invalidateSession,
  invalidateSessionsOf,
  MAX_AGE_MS,
  readSessionTokens,
  remember,
  TOUCH_EVERY_MS,
  type SessionCache,
} from './session-cache.js'
import {
  decryptField,
  encryptField,
  generateRecoveryCode,
  hashRecoveryCode,
  hashToken,
  randomToken,
} from './identity.crypto.js'
import { CONSENT_VERSION, type Locale, type SessionAccount } from './identity.schema.js'

const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const
// A real hash to verify against when the login is unknown, so timing does not tell whether an account exists.
let dummyHash: Promise<string> | null = null
const getDummyHash = () => (dummyHash ??= argon2.hash(randomToken(), ARGON2))

export const PASSWORD_RESET_MINUTES = 30

export interface SignedIn {
  sessionToken: string
  sessionId: string
  accountId: string
  expiresAt: Date
}

const ADJECTIVES = ['calm', 'quiet', 'gentle', 'steady', 'bright', 'kind', 'soft', 'warm', 'still', 'brave']
const NOUNS = ['heron', 'otter', 'willow', 'harbor', 'meadow', 'lantern', 'river', 'sparrow', 'cedar', 'ember']
function generateUsername(): string {
  const pick = (list: string[]) => list[Math.floor(Math.random() * list.length)]
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${Math.floor(1000 + Math.random() * 9000)}`
}

function rateOpts(deps: CoreDeps) {
  return { prefix: deps.config.REDIS_PREFIX, secret: deps.config.SESSION_SECRET }
}

async function openSession(deps: CoreDeps, accountId: string): Promise<SignedIn> {
  const sessionToken = randomToken(32)
  const expiresAt = new Date(nowOf(deps).getTime() + deps.config.SESSION_ABSOLUTE_HOURS * 3_600_000)
  const sessionId = await q.insertSession(deps.sql, { tokenHash: hashToken(sessionToken), accountId, expiresAt })
  return { sessionToken, sessionId, accountId, expiresAt }
}

/** Shared by anonymous sign-up and a confirmed registered one: the account, its consent and a signed-in session. */
async function createAccountWithSession(
  deps: CoreDeps,
  input: {
    kind: 'registered' | 'anonymous'
    email: string | null
    passwordHash: string
    locale: Locale
    country: string | null
    consentVersion: string
    termsVersion: string | null
  },
): Promise<(SignedIn & { recoveryCode: string; username: string }) | null> {
  const recoveryCode = generateRecoveryCode()
  for (let attempt = 0; attempt < 5; attempt++) {
    const username = generateUsername()
    const created = await deps.sql.begin(async (tx) => {
      const account = await q.insertAccount(tx, {
        kind: input.kind,
        email: input.email,
        username,
        passwordHash: input.passwordHash,
        recoveryCodeHash: hashRecoveryCode(recoveryCode),
        locale: input.locale,
        country: input.country,
      })
      if (!account) return null
      await q.insertConsent(tx, account.id, 'health_data_processing', input.consentVersion)
      if (input.termsVersion) await q.setTermsAccepted(tx, account.id, input.termsVersion)
      return account
    })
    if (created) {
      const session = await openSession(deps, created.id)
      return { ...session, recoveryCode, username }
    }
    // A taken email ends here; a taken generated username (a pseudonym, not a contact) tries another.
    if (input.email && (await q.findRegisteredAccountByEmail(deps.sql, input.email))) return null
  }
  throw new AppError('CONFLICT')
}

/**
 * Anonymous sign-up: no email, signed in at once with a username and a recovery code to keep. `termsVersion` is what
 * the sign-up form accepted with its age and terms checkboxes (core/legal currentLegalVersion), kept on the account.
 */
export async function signUp(
  deps: CoreDeps,
  input: {
    kind: 'anonymous'
    password: string
    consent: boolean
    termsVersion?: string
    locale: Locale
    country?: string | null
    ip: string
  },
): Promise<SignedIn & { recoveryCode: string; username: string }> {
  if (!input.consent) throw new AppError('CONSENT_REQUIRED')
  await requireWithinRateLimits(deps.redis, rateOpts(deps), [
    { rule: AUTH_RATE_LIMITS.signUpPerIp, identifier: input.ip },
  ])
  const passwordHash = await argon2.hash(input.password, ARGON2)
  const created = await createAccountWithSession(deps, {
    kind: 'anonymous',
    email: null,
    passwordHash,
    locale: input.locale,
    country: input.country ?? null,
    consentVersion: CONSENT_VERSION,
    termsVersion: input.termsVersion ?? null,
  })
  if (!created) throw new AppError('CONFLICT')
  return created
}

export const SIGN_UP_CONFIRM_HOURS = 24
/** More sign-ups for one address than this in an hour are answered the same way but send nothing (no mail bombing). */
const SIGN_UP_EMAILS_PER_HOUR = { bucket: 'signup-email', limit: 3, windowSeconds: 3600 }

/**
 * Sign-up with an email (docs/decisions/026). The answer is always the same ("check your email") whether or not the
 * address has an account: the same work runs either way (the password is hashed, a request row and its outbox row are
 * written) and the notifications worker decides what to send — a confirmation link, or a notice to the owner.
 */
export async function requestSignUp(
  deps: CoreDeps,
  input: {
    email: string
    password: string
    consent: boolean
    termsVersion?: string
    locale: Locale
    country?: string | null
    ip: string
  },
): Promise<void> {
  if (!input.consent) throw new AppError('CONSENT_REQUIRED')
  const email = input.email.toLowerCase()
  await requireWithinRateLimits(deps.redis, rateOpts(deps), [
    { rule: AUTH_RATE_LIMITS.signUpPerIp, identifier: input.ip },
  ])
  const perEmail = await consumeRateLimit(deps.redis, rateOpts(deps), SIGN_UP_EMAILS_PER_HOUR, email)
  const passwordHash = await argon2.hash(input.password, ARGON2)
  if (!perEmail.allowed) return
  const now = nowOf(deps)
  await deps.sql.begin(async (tx) => {
    const requestId = await q.insertSignUpRequest(tx, {
      email,
      passwordHash,
      locale: input.locale,
      country: input.country ?? null,
      consentVersion: CONSENT_VERSION,
      termsVersion: input.termsVersion ?? null,
      now,
      expiresAt: new Date(now.getTime() + SIGN_UP_CONFIRM_HOURS * 3_600_000),
    })
    await enqueueOutbox(tx, 'signup:email', { requestId })
  })
}

/**
 * Runs in the notifications worker. A new address gets the confirmation link (its token made here, so it never sits
 * in a job payload); an address that already has an account gets a notice in that account's language instead.
 */
export async function sendSignUpEmail(
  deps: CoreDeps,
  payload: { requestId: string },
): Promise<'sent' | 'notice' | 'skipped'> {
  const request = await q.findUnsentSignUpRequest(deps.sql, payload.requestId, nowOf(deps))
  if (!request) return 'skipped'
  const existing = await q.findRegisteredAccountByEmail(deps.sql, request.email)
  if (existing) {
    const links = { signIn: `${deps.config.publicUrl}/signin`, reset: `${deps.config.publicUrl}/forgot-password` }
    await deps.mailer.send({ to: request.email, ...signUpExistingAccountEmail(existing.locale, links) })
    await q.markSignUpRequestSent(deps.sql, payload.requestId, true)
    return 'notice'
  }
  const token = randomToken(32)
  if (!(await q.setUnsentSignUpToken(deps.sql, payload.requestId, hashToken(token)))) return 'skipped'
  const link = `${deps.config.publicUrl}/signup/confirm?token=${encodeURIComponent(token)}`
  await deps.mailer.send({ to: request.email, ...signUpConfirmationEmail(request.locale, link, SIGN_UP_CONFIRM_HOURS) })
  await q.markSignUpRequestSent(deps.sql, payload.requestId, false)
  return 'sent'
}

/**
 * Opening the emailed link (and pressing its button) creates the account and signs it in. The link works once and
 * expires; one that is unknown, used, expired, or whose address got an account meanwhile is INVALID_SIGNUP_LINK.
 */
export async function confirmSignUp(
  deps: CoreDeps,
  input: { token: string },
): Promise<SignedIn & { recoveryCode: string; username: string }> {
  const request = await q.consumeSignUpRequest(deps.sql, hashToken(input.token), nowOf(deps))
  if (!request) throw new AppError('INVALID_SIGNUP_LINK')
  const created = await createAccountWithSession(deps, {
    kind: 'registered',
    email: request.email,
    passwordHash: request.passwordHash,
    locale: request.locale,
    country: request.country,
    consentVersion: request.consentVersion,
    termsVersion: request.termsVersion,
  })
  if (!created) throw new AppError('INVALID_SIGNUP_LINK')
  return created
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Same answer and similar time whether the login is unknown or the password is wrong. Wrong guesses are limited per
 * (login, address) pair and slowed per login, never refusing the owner at their own address (signin-limits.ts);
 * a success is not counted and clears its pair. `country` (the browser's, from memberCountry) is saved only on an
 * account that has none yet (made before accounts had a country).
 */
export async function signIn(
  deps: CoreDeps,
  input: { login: string; password: string; ip: string; country?: string | null },
): Promise<SignedIn> {
  const login = input.login.toLowerCase()
  const attempt = await beginGuess(deps.redis, { ...rateOpts(deps), now: nowOf(deps) }, SIGN_IN_LIMITS, login, input.ip)
  if (attempt.slowDownMs > 0) await sleep(attempt.slowDownMs)
  const account = await q.findCredentialsByLogin(deps.sql, login)
  const ok = await argon2.verify(account?.passwordHash ?? (await getDummyHash()), input.password)
  if (!account || !ok) throw new AppError('INVALID_CREDENTIALS')
  await attempt.succeeded()
  if (input.country) {
    await q.setCountryIfUnknown(deps.sql, account.id, input.country)
    await invalidateSessionsOf(deps, account.id)
  }
  return openSession(deps, account.id)
}

/**
 * Recovery by code: the code works once. It signs the member in with a new password and returns
 * a fresh code to show once; every older session is revoked.
 */
export async function recoverWithCode(
  deps: CoreDeps,
  input: { login: string; code: string; password: string; ip: string },
): Promise<SignedIn & { recoveryCode: string }> {
  const login = input.login.toLowerCase()
  // Limited like sign-in (per login and address pair), so guesses elsewhere never close the owner's way back in.
  const attempt = await beginGuess(
    deps.redis,
    { ...rateOpts(deps), now: nowOf(deps) },
    RECOVERY_CODE_LIMITS,
    login,
    input.ip,
  )
  if (attempt.slowDownMs > 0) await sleep(attempt.slowDownMs)
  const accountId = await q.findAccountIdByRecovery(deps.sql, login, hashRecoveryCode(input.code))
  if (!accountId) throw new AppError('INVALID_RECOVERY_CODE')
  await attempt.succeeded()
  const recoveryCode = generateRecoveryCode()
  const passwordHash = await argon2.hash(input.password, ARGON2)
  const revoked = await deps.sql.begin(async (tx) => {
    await q.updateRecoveryCode(tx, accountId, hashRecoveryCode(recoveryCode))
    await q.updatePassword(tx, accountId, passwordHash)
    return q.revokeAllSessions(tx, accountId)
  })
  await invalidateSessionsOf(deps, accountId)
  revoked.forEach((id) => deps.realtime.disconnectRoom(socketRooms.session(id)))
  const session = await openSession(deps, accountId)
  return { ...session, recoveryCode }
}

/** Always succeeds from the caller's view, so the form never reveals whether an email is registered. */
export async function requestPasswordReset(deps: CoreDeps, input: { email: string; ip: string }): Promise<void> {
  const email = input.email.toLowerCase()
  await requireWithinRateLimits(deps.redis, rateOpts(deps), [
    { rule: AUTH_RATE_LIMITS.resetPerIp, identifier: input.ip },
  ])
  // Past the per-address limit the answer stays the same but nothing is sent: others asking for the owner's address
  // can neither flood the inbox nor refuse the owner's own request (earlier links in the inbox still work).
  const perEmail = await consumeRateLimit(deps.redis, rateOpts(deps), AUTH_RATE_LIMITS.resetPerEmail, email)
  if (!perEmail.allowed) return
  const account = await q.findRegisteredAccountByEmail(deps.sql, email)
  if (!account) return
  await deps.sql.begin((tx) =>
    enqueueOutbox(tx, 'password-reset:send', { accountId: account.id, requestId: randomUUID() }),
  )
}

/**
 * Runs in the notifications worker. The link's token is made here, so it never sits in a job
 * payload; the job id (the outbox id) keeps a retried job from sending a second link.
 */
export async function sendPasswordResetEmail(
  deps: CoreDeps,
  payload: { accountId: string; requestId: string },
): Promise<'sent' | 'skipped'> {
  const account = await q.findRegisteredContact(deps.sql, payload.accountId)
  if (!account?.email) return 'skipped'
  const token = randomToken(32)
  const expiresAt = new Date(nowOf(deps).getTime() + PASSWORD_RESET_MINUTES * 60_000)
  const fresh = await q.upsertUnsentPasswordReset(deps.sql, {
    requestId: payload.requestId,
    tokenHash: hashToken(token),
    accountId: payload.accountId,
    expiresAt,
  })
  if (!fresh) return 'skipped'
  const link = `${deps.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`
  await deps.mailer.send({ to: account.email, ...passwordResetEmail(account.locale, link, PASSWORD_RESET_MINUTES) })
  await q.markPasswordResetSent(deps.sql, payload.requestId)
  return 'sent'
}

export async function resetPassword(deps: CoreDeps, input: { token: string; password: string }): Promise<SignedIn> {
  const passwordHash = await argon2.hash(input.password, ARGON2)
  const result = await deps.sql.begin(async (tx) => {
    const accountId = await q.consumePasswordReset(tx, hashToken(input.token))
    if (!accountId) return null
    await q.updatePassword(tx, accountId, passwordHash)
    return { accountId, revoked: await q.revokeAllSessions(tx, accountId) }
  })
  if (!result) throw new AppError('INVALID_RESET_TOKEN')
  await invalidateSessionsOf(deps, result.accountId)
  result.revoked.forEach((id) => deps.realtime.disconnectRoom(socketRooms.session(id)))
  return openSession(deps, result.accountId)
}

/**
 * Resolve a session cookie. Idle and absolute timeouts are enforced here, on every request and
 * every socket handshake; an expired session is revoked so it can never come back. With a `cache` (the page
 * server's, decision 052) a warm entry whose version tokens in Redis are unchanged is answered without PostgreSQL;
 * one that looks idle or expired is read again, so only PostgreSQL's answer revokes.
 */
export async function getSessionAccount(
  deps: CoreDeps,
  token: string | undefined | null,
  cache?: SessionCache,
): Promise<SessionAccount | null> {
  if (!token || token.length < 20 || token.length > 100) return null
  const tokenHash = hashToken(token)
  if (!cache) {
    const row = await resolveSession(deps, tokenHash)
    return row && accountOfRow(row)
  }
  const key = tokenHash.toString('base64')
  const known = cache.get(key)
  const now = nowOf(deps).getTime()
  // Read before the row below, so a row read before a change is tagged with a token that change replaces.
  const tokens = known ? await readSessionTokens(deps, known.row) : null
  if (
    known &&
    tokens !== null &&
    known.tokens === tokens &&
    now - known.loadedAt < MAX_AGE_MS &&
    now >= known.loadedAt &&
    isLive(deps, known.row, Math.max(known.row.lastSeenAt.getTime(), known.touchedAt - TOUCH_EVERY_MS), now)
  ) {
    if (now - known.touchedAt >= TOUCH_EVERY_MS) {
      await q.touchSession(deps.sql, known.row.sessionId)
      known.touchedAt = now
    }
    return accountOfRow(known.row)
  }
  const row = await resolveSession(deps, tokenHash)
  if (!row) {
    cache.delete(key)
    return null
  }
  // A first sight is not trusted yet: its tokens could only be read after the row (the ids come from the row).
  remember(cache, key, {
    tokens: known?.row.sessionId === row.sessionId ? tokens : null,
    loadedAt: now,
    touchedAt: now,
    row,
  })
  return accountOfRow(row)
}

function isLive(deps: CoreDeps, row: q.SessionRow, lastSeen: number, now: number): boolean {
  return row.expiresAt.getTime() > now && lastSeen + deps.config.SESSION_IDLE_MINUTES * 60_000 > now
}

/** The session's row from PostgreSQL, revoking it when it is idle or expired; touched when it is live. */
async function resolveSession(deps: CoreDeps, tokenHash: Buffer): Promise<q.SessionRow | null> {
  const row = await q.findSessionByTokenHash(deps.sql, tokenHash)
  if (!row || row.revokedAt) return null
  const now = nowOf(deps).getTime()
  if (!isLive(deps, row, row.lastSeenAt.getTime(), now)) {
    await q.revokeSessionById(deps.sql, row.sessionId)
    await invalidateSession(deps, row.sessionId)
    deps.realtime.disconnectRoom(socketRooms.session(row.sessionId))
    return null
  }
  await q.touchSession(deps.sql, row.sessionId)
  return row
}

function accountOfRow(row: q.SessionRow): SessionAccount {
  return {
    sessionId: row.sessionId,
    accountId: row.accountId,
    kind: row.kind,
    username: row.username,
    email: row.email,
    role: row.role,
    locale: row.locale,
    pseudonymMode: row.pseudonymMode,
    country: row.country,
  }
}

/** Sign-out ends this session everywhere: the cookie stops working and its open sockets are closed. */
export async function signOut(deps: CoreDeps, sessionId: string): Promise<void> {
  await q.revokeSessionById(deps.sql, sessionId)
  await invalidateSession(deps, sessionId)
  deps.realtime.disconnectRoom(socketRooms.session(sessionId))
}

export async function signOutEverywhere(deps: CoreDeps, accountId: string): Promise<void> {
  const ids = await q.revokeAllSessions(deps.sql, accountId)
  await invalidateSessionsOf(deps, accountId)
  ids.forEach((id) => deps.realtime.disconnectRoom(socketRooms.session(id)))
}

export async function saveSensitiveProfile(
  deps: CoreDeps,
  accountId: string,
  input: { legalName: string; emergencyContact: string },
) {
  const key = deps.config.ENCRYPTION_KEY
  await q.upsertSensitiveProfile(
    deps.sql,
    accountId,
    input.legalName ? encryptField(key, input.legalName, accountId) : null,
    input.emergencyContact ? encryptField(key, input.emergencyContact, accountId) : null,
  )
}

/** Whether the member has stored each field — the values themselves are never sent back to a page. */
export async function getSensitiveProfileStatus(deps: CoreDeps, accountId: string) {
  const row = await q.findSensitiveProfile(deps.sql, accountId)
  return { hasLegalName: Boolean(row?.legalNameEnc), hasEmergencyContact: Boolean(row?.emergencyContactEnc) }
}

/** Decrypts identity data. Only the member's own export and the audited break-glass path may call this. */
export async function decryptSensitiveProfile(deps: CoreDeps, accountId: string) {
  const row = await q.findSensitiveProfile(deps.sql, accountId)
  const key = deps.config.ENCRYPTION_KEY
  return {
    legalName: row?.legalNameEnc ? decryptField(key, row.legalNameEnc, accountId) : null,
    emergencyContact: row?.emergencyContactEnc ? decryptField(key, row.emergencyContactEnc, accountId) : null,
  }
}

export async function savePreferences(
  deps: CoreDeps,
  accountId: string,
  input: { locale: Locale; pseudonymMode: 'ask' | 'generate'; country?: string },
) {
  await q.updatePreferences(deps.sql, accountId, input.locale, input.pseudonymMode, input.country ?? null)
  await invalidateSessionsOf(deps, accountId)
}

/**
 * "Export my data": everything held about the member, from every slice (the parts listed in
 * core/composition/account-data.ts), decrypted where it is sealed.
 */
export async function exportAccountData(deps: AccountDataDeps, accountId: string) {
  const parts = accountDataOf(deps)
  const data = await q.selectExport(deps.sql, accountId)
  const slices: Record<string, unknown> = {}
  for (const part of parts) if (part.exportData) slices[part.name] = await part.exportData(deps, accountId)
  const own = {
    exportedAt: nowOf(deps).toISOString(),
    ...data,
    identity: await decryptSensitiveProfile(deps, accountId),
  }
  // Each slice's section under its name (`chat`, `crisis`, …): keys the registry decides, hence an open record.
  return Object.assign(own, slices)
}

/**
 * Erasure. A slice may refuse it (LEADS_GROUPS while the account leads a group; CRISIS_OPEN while the member has a
 * crisis incident that is not resolved, so a paged clinician can reach them: docs/decisions/020); then nothing
 * changes.
 */
export async function deleteAccount(deps: AccountDataDeps, accountId: string, password: string): Promise<void> {
  const parts = accountDataOf(deps)
  const passwordHash = await q.findPasswordHash(deps.sql, accountId)
  if (!passwordHash || !(await argon2.verify(passwordHash, password))) throw new AppError('INVALID_CREDENTIALS')
  const afterErasure: Array<() => Promise<void>> = []
  for (const part of parts) if (part.prepareErasure) afterErasure.push(await part.prepareErasure(deps, accountId))
  // Every member-owned row references the account ON DELETE CASCADE; the journal's key goes with it.
  const sessions = await deps.sql.begin(async (tx) => {
    await q.lockAccount(tx, accountId)
    for (const part of parts) await part.refuseErasure?.(tx, accountId)
    const revoked = await q.revokeAllSessions(tx, accountId)
    await q.deleteAccountRow(tx, accountId)
    return revoked
  })
  await invalidateSessionsOf(deps, accountId)
  for (const step of afterErasure) await step()
  sessions.forEach((id) => deps.realtime.disconnectRoom(socketRooms.session(id)))
}
