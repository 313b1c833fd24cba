import type { Sql, TransactionSql } from '../../db/client.js'
import type { Locale, Role } from './identity.schema.js'

type Db = Sql | TransactionSql

export interface AccountCredentialsRow {
  id: string
  kind: 'registered' | 'anonymous'
  passwordHash: string
}

export async function insertAccount(
  db: Db,
  input: {
    kind: 'registered' | 'anonymous'
    email: string | null
    username: string
    passwordHash: string
    recoveryCodeHash: Buffer
    locale: Locale
    country?: string | null
    role?: Role
  },
): Promise<{ id: string } | null> {
  const rows = await db<{ id: string }[]>`
    insert into accounts (kind, email, username, password_hash, recovery_code_hash, locale, country, role)
    values (${input.kind}, ${input.email}, ${input.username}, ${input.passwordHash}, ${input.recoveryCodeHash}, ${input.locale},
            ${input.country ?? null}, ${input.role ?? 'member'})
    on conflict do nothing
    returning id`
  return rows[0] ?? null
}

export async function insertConsent(db: Db, accountId: string, kind: 'health_data_processing', version: string) {
  await db`insert into consents (account_id, kind, version) values (${accountId}, ${kind}, ${version})`
}

/** The age confirmation and terms/privacy acceptance at sign-up: when, and which versions (issue 18). */
export async function setTermsAccepted(db: Db, accountId: string, termsVersion: string) {
  await db`update accounts set terms_accepted_at = now(), terms_version = ${termsVersion} where id = ${accountId}`
}

export async function findCredentialsByLogin(db: Db, login: string): Promise<AccountCredentialsRow | null> {
  const rows = await db<AccountCredentialsRow[]>`
    select id, kind, password_hash as "passwordHash" from accounts
    where email = ${login} or username = ${login}
    limit 1`
  return rows[0] ?? null
}

export async function findAccountIdByRecovery(db: Db, login: string, codeHash: Buffer): Promise<string | null> {
  const rows = await db<{ id: string }[]>`
    select id from accounts where recovery_code_hash = ${codeHash} and (email = ${login} or username = ${login})`
  return rows[0]?.id ?? null
}

export async function findRegisteredAccountByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; locale: Locale } | null> {
  const rows = await db<{ id: string; locale: Locale }[]>`
    select id, locale from accounts where email = ${email} and kind = 'registered'`
  return rows[0] ?? null
}

export async function updatePassword(db: Db, accountId: string, passwordHash: string) {
  await db`update accounts set password_hash = ${passwordHash} where id = ${accountId}`
}

export async function updateRecoveryCode(db: Db, accountId: string, codeHash: Buffer) {
  await db`update accounts set recovery_code_hash = ${codeHash} where id = ${accountId}`
}

export async function insertSession(
  db: Db,
  input: { tokenHash: Buffer; accountId: string; expiresAt: Date },
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into sessions (token_hash, account_id, expires_at)
    values (${input.tokenHash}, ${input.accountId}, ${input.expiresAt})
    returning id`
  return row!.id
}

export interface SessionRow {
  sessionId: string
  accountId: string
  kind: 'registered' | 'anonymous'
  username: string
  email: string | null
  role: Role
  locale: Locale
  pseudonymMode: 'ask' | 'generate'
  country: string | null
  lastSeenAt: Date
  expiresAt: Date
  revokedAt: Date | null
}

export async function findPasswordHash(db: Db, accountId: string): Promise<string | null> {
  const rows = await db<
    { passwordHash: string }[]
  >`select password_hash as "passwordHash" from accounts where id = ${accountId}`
  return rows[0]?.passwordHash ?? null
}

export async function findRegisteredContact(
  db: Db,
  accountId: string,
): Promise<{ email: string | null; locale: Locale } | null> {
  const rows = await db<{ email: string | null; locale: Locale }[]>`
    select email, locale from accounts where id = ${accountId} and kind = 'registered'`
  return rows[0] ?? null
}

export async function findSessionByTokenHash(db: Db, tokenHash: Buffer): Promise<SessionRow | null> {
  const rows = await db<SessionRow[]>`
    select s.id as "sessionId", a.id as "accountId", a.kind, a.username, a.email, a.role, a.locale,
           a.pseudonym_mode as "pseudonymMode", a.country, s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt",
           s.revoked_at as "revokedAt"
    from sessions s join accounts a on a.id = s.account_id
    where s.token_hash = ${tokenHash}`
  return rows[0] ?? null
}

export async function touchSession(db: Db, sessionId: string) {
  await db`update sessions set last_seen_at = now() where id = ${sessionId} and last_seen_at < now() - interval '15 seconds'`
}

export async function revokeSessionById(db: Db, sessionId: string) {
  await db`update sessions set revoked_at = now() where id = ${sessionId} and revoked_at is null`
}

export async function revokeAllSessions(db: Db, accountId: string): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    update sessions set revoked_at = now() where account_id = ${accountId} and revoked_at is null returning id`
  return rows.map((r) => r.id)
}

/** Stores (or, on a retried job whose mail did not go out, replaces) the link for one reset request. */
export async function upsertUnsentPasswordReset(
  db: Db,
  input: { requestId: string; tokenHash: Buffer; accountId: string; expiresAt: Date },
): Promise<boolean> {
  const rows = await db`
    insert into password_resets (request_id, token_hash, account_id, expires_at)
    values (${input.requestId}, ${input.tokenHash}, ${input.accountId}, ${input.expiresAt})
    on conflict (request_id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at
      where password_resets.sent_at is null
    returning request_id`
  return rows.length > 0
}

export async function markPasswordResetSent(db: Db, requestId: string) {
  await db`update password_resets set sent_at = now() where request_id = ${requestId}`
}

/** Marks the link used and returns its account, in one statement so a link works once even under a race. */
export async function consumePasswordReset(db: Db, tokenHash: Buffer): Promise<string | null> {
  const rows = await db<{ accountId: string }[]>`
    update password_resets set used_at = now()
    where token_hash = ${tokenHash} and used_at is null and expires_at > now()
    returning account_id as "accountId"`
  return rows[0]?.accountId ?? null
}

export async function upsertSensitiveProfile(
  db: Db,
  accountId: string,
  legalNameEnc: Buffer | null,
  emergencyContactEnc: Buffer | null,
) {
  await db`
    insert into sensitive_profiles (account_id, legal_name_enc, emergency_contact_enc, updated_at)
    values (${accountId}, ${legalNameEnc}, ${emergencyContactEnc}, now())
    on conflict (account_id) do update
      set legal_name_enc = excluded.legal_name_enc, emergency_contact_enc = excluded.emergency_contact_enc, updated_at = now()`
}

export async function findSensitiveProfile(
  db: Db,
  accountId: string,
): Promise<{ legalNameEnc: Buffer | null; emergencyContactEnc: Buffer | null } | null> {
  const rows = await db<{ legalNameEnc: Buffer | null; emergencyContactEnc: Buffer | null }[]>`
    select legal_name_enc as "legalNameEnc", emergency_contact_enc as "emergencyContactEnc"
    from sensitive_profiles where account_id = ${accountId}`
  return rows[0] ?? null
}

export async function updatePreferences(
  db: Db,
  accountId: string,
  locale: Locale,
  pseudonymMode: 'ask' | 'generate',
  country: string | null,
) {
  await db`
    update accounts set locale = ${locale}, pseudonym_mode = ${pseudonymMode}, country = coalesce(${country}::text, country)
    where id = ${accountId}`
}

/** An account made before accounts had a country takes one the first time it signs in again. */
export async function setCountryIfUnknown(db: Db, accountId: string, country: string) {
  await db`update accounts set country = ${country} where id = ${accountId} and country is null`
}

export async function selectExport(db: Db, accountId: string) {
  const [account] = await db`
    select kind, email, username, role, locale, country, pseudonym_mode as "pseudonymMode", created_at as "createdAt"
    from accounts where id = ${accountId}`
  const consents = await db`
    select kind, version, granted_at as "grantedAt" from consents where account_id = ${accountId} order by granted_at`
  const sessions = await db`
    select created_at as "createdAt", last_seen_at as "lastSeenAt", expires_at as "expiresAt", revoked_at as "revokedAt"
    from sessions where account_id = ${accountId} order by created_at`
  return { account, consents, sessions }
}

/**
 * Locks the account row for the rest of the transaction. Raising a crisis inserts a row that references the account,
 * which waits for this lock: nothing can be raised between deletion's last check and the delete.
 */
export async function lockAccount(db: Db, accountId: string) {
  await db`select id from accounts where id = ${accountId} for update`
}

export async function deleteAccountRow(db: Db, accountId: string) {
  await db`delete from accounts where id = ${accountId}`
}

/** A registered sign-up waiting for its emailed link; expired requests are deleted on the way. */
export async function insertSignUpRequest(
  db: Db,
  input: {
    email: string
    passwordHash: string
    locale: Locale
    country: string | null
    consentVersion: string
    termsVersion: string | null
    now: Date
    expiresAt: Date
  },
): Promise<string> {
  await db`delete from signup_requests where expires_at <= ${input.now}`
  const [row] = await db<{ id: string }[]>`
    insert into signup_requests (email, password_hash, locale, country, consent_version, terms_version, expires_at)
    values (${input.email}, ${input.passwordHash}, ${input.locale}, ${input.country}, ${input.consentVersion}, ${input.termsVersion},
            ${input.expiresAt})
    returning id`
  return row!.id
}

export async function findUnsentSignUpRequest(
  db: Db,
  requestId: string,
  now: Date,
): Promise<{ email: string; locale: Locale; expiresAt: Date } | null> {
  const rows = await db<{ email: string; locale: Locale; expiresAt: Date }[]>`
    select email, locale, expires_at as "expiresAt" from signup_requests
    where id = ${requestId} and sent_at is null and expires_at > ${now}`
  return rows[0] ?? null
}

/** Stores (or, on a retried job whose mail did not go out, replaces) the hash of the link's token. */
export async function setUnsentSignUpToken(db: Db, requestId: string, tokenHash: Buffer): Promise<boolean> {
  const rows =
    await db`update signup_requests set token_hash = ${tokenHash} where id = ${requestId} and sent_at is null returning id`
  return rows.length > 0
}

/** `forExistingAccount`: the address already has an account, so the request keeps no password and no link. */
export async function markSignUpRequestSent(db: Db, requestId: string, forExistingAccount: boolean) {
  if (forExistingAccount) {
    await db`update signup_requests set sent_at = now(), password_hash = null, token_hash = null where id = ${requestId}`
  } else {
    await db`update signup_requests set sent_at = now() where id = ${requestId}`
  }
}

/** Deletes the request the link belongs to and returns it, in one statement, so a link works once even under a race. */
export async function consumeSignUpRequest(
  db: Db,
  tokenHash: Buffer,
  now: Date,
): Promise<{
  email: string
  passwordHash: string
  locale: Locale
  country: string | null
  consentVersion: string
  termsVersion: string | null
} | null> {
  const rows = await db<
    {
      email: string
      passwordHash: string
      locale: Locale
      country: string | null
      consentVersion: string
      termsVersion: string | null
    }[]
  >`
    delete from signup_requests
    where token_hash = ${tokenHash} and sent_at is not null and password_hash is not null and expires_at > ${now}
    returning email, password_hash as "passwordHash", locale, country, consent_version as "consentVersion", terms_version as "termsVersion"`
  return rows[0] ?? null
}
