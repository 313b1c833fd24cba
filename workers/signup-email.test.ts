import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Worker } from 'bullmq'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { confirmationPath, mailFor, tokenOf } from '../tests/support/signup.js'
import { createAccount } from '../tests/support/crisis-fixtures.js'
import { confirmSignUp, requestSignUp, sendSignUpEmail } from '../core/identity/identity.service.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'
import { createQueueProcessor } from './processors/index.js'

/**
 * The sign-up email through the real path (issue 17.3): outbox row → relay → BullMQ → the notifications worker →
 * SMTP. A new address gets its link, an address with an account gets the notice in that account's language, and a
 * job run twice sends nothing more.
 */
let deps: TestDeps
let relay: OutboxRelay
let worker: Worker

beforeAll(async () => {
  deps = await createTestDeps()
  relay = startOutboxRelay({
    sql: deps.sql,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 100,
  })
  const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  worker = new Worker('notifications', createQueueProcessor(deps, 'notifications'), {
    connection,
    prefix: `${deps.config.REDIS_PREFIX}:bull`,
  })
})
afterAll(async () => {
  await relay?.stop()
  await worker?.close()
  await deps?.close()
})

describe('the signup:email job', () => {
  it("sends a new address its link and an existing account's owner the notice, each once", async () => {
    const owner = await createAccount(deps, 'member', { email: 'taken@example.org', locale: 'pl' })
    await requestSignUp(deps, {
      email: 'taken@example.org',
      password: 'a long secret phrase',
      consent: true,
      locale: 'en',
      ip: '10.8.0.1',
    })
    await requestSignUp(deps, {
      email: 'fresh@example.org',
      password: 'a long secret phrase',
      consent: true,
      locale: 'en',
      ip: '10.8.0.2',
    })

    const notice = await mailFor(deps, 'taken@example.org')
    // In the account's language, not the stranger's (the catcher's parser may split an encoded subject: spaces ignored).
    expect(notice.subject.replace(/\s+/g, '')).toBe('Holdspace:próbazałożeniakonta')
    expect(confirmationPath(notice)).toBeNull()
    const link = confirmationPath(await mailFor(deps, 'fresh@example.org'))!
    await expect.poll(async () => (await deps.sql`select 1 from signup_requests where sent_at is null`).length).toBe(0)
    // The notice's request keeps no password; the other keeps only its hash until the link is used.
    const rows = await deps.sql<{ email: string; hasPassword: boolean }[]>`
      select email, password_hash is not null as "hasPassword" from signup_requests order by email`
    expect(rows).toEqual([
      { email: 'fresh@example.org', hasPassword: true },
      { email: 'taken@example.org', hasPassword: false },
    ])

    const created = await confirmSignUp(deps, { token: tokenOf(link) })
    expect(created.accountId).not.toBe(owner.accountId)
    expect(deps.mail.mails).toHaveLength(2)
    const jobs = await deps.sql<
      { payload: Record<string, string> }[]
    >`select payload from outbox where job_name = 'signup:email'`
    expect(jobs.every((j) => Object.keys(j.payload).join() === 'requestId')).toBe(true)
    // A retried job (the same request) sends nothing more.
    for (const job of jobs) expect(await sendSignUpEmail(deps, { requestId: job.payload.requestId! })).toBe('skipped')
    expect(deps.mail.mails).toHaveLength(2)
  })
})
