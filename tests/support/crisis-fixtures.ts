import { signUp } from '../../core/identity/identity.service.js'
import type { Role } from '../../core/identity/identity.schema.js'
import type { CoreDeps } from '../../core/deps.js'
import type { Sql } from '../../db/client.js'

let ipCounter = 0

export interface TestAccount {
  accountId: string
  role: Role
  email: string | null
  username: string
  sessionId: string
  cookie: string
  actor: { accountId: string; role: Role }
}

/** A signed-up account with a role; registered (with an email) unless `email: null`. */
export async function createAccount(
  deps: CoreDeps,
  role: Role,
  options: { email?: string | null; locale?: 'en' | 'pl' } = {},
): Promise<TestAccount> {
  const n = ++ipCounter
  const email =
    options.email === undefined ? `${role}${n}.${Math.random().toString(36).slice(2, 8)}@example.test` : options.email
  const created = await signUp(deps, {
    kind: 'anonymous',
    password: 'a long test passphrase',
    consent: true,
    locale: options.locale ?? 'en',
    ip: `10.77.${Math.floor(n / 250)}.${n % 250}`,
  })
  // A registered account is made directly in the database: the emailed-link sign-up has its own tests
  // (core/identity/signup.test.ts, tests/support/signup.ts).
  if (email)
    await deps.sql`update accounts set kind = 'registered', email = ${email.toLowerCase()} where id = ${created.accountId}`
  await deps.sql`update accounts set role = ${role} where id = ${created.accountId}`
  return {
    accountId: created.accountId,
    role,
    email,
    username: created.username,
    sessionId: created.sessionId,
    cookie: `hs_session=${created.sessionToken}`,
    actor: { accountId: created.accountId, role },
  }
}

export interface OutboxJob {
  id: string
  jobName: string
  payload: Record<string, unknown>
  delayMs: number
}

/** Take the unsent outbox rows in order and mark them sent: what the relay would hand to BullMQ. */
export async function takeOutbox(sql: Sql): Promise<OutboxJob[]> {
  const rows = await sql<(OutboxJob & { createdAt: Date })[]>`
    update outbox set sent_at = now() where sent_at is null
    returning id, job_name as "jobName", payload, delay_ms as "delayMs", created_at as "createdAt"`
  return [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(({ createdAt: _c, ...job }) => job)
}

export const waitUntil = async (check: () => Promise<boolean> | boolean, ms = 15_000, what = 'condition') => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${what} not met in time`)
}
