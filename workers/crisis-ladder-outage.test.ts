import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import postgres from 'postgres'
import { Queue, Worker, type Job } from 'bullmq'
import type { Sql } from '../db/client.js'
import type { CoreDeps } from '../core/deps.js'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount, waitUntil, type TestAccount } from '../tests/support/crisis-fixtures.js'
import { raiseCrisis } from '../core/crisis/crisis.service.js'
import { saveDefaultPolicy } from '../core/crisis/crisis.admin.js'
import { STEP_GRACE_SECONDS } from '../core/crisis/crisis.sweeper.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'
import { createQueueProcessor } from './processors/index.js'
import { startCrisisWatchdog } from './crisis-watchdog.js'

/**
 * The ladder cannot stall: PostgreSQL goes away while an incident waits at its first level, and the escalation job
 * uses up all its attempts against the dead database (a real outage of this test's database: connections refused,
 * the job's backoff waits cut short by promoting it). After recovery nothing in BullMQ would move the incident
 * again; the watchdog's sweeper re-creates the step from the database and the ladder goes on to the supervisor.
 * Real relay, BullMQ worker, SMTP; the clock is moved instead of waiting the policy's minutes.
 */
let deps: TestDeps
/** What the workers process runs on (relay, worker, watchdog): the test's deps with a pool of its own. */
let workersDeps: CoreDeps
let relay: OutboxRelay
let worker: Worker
let queue: Queue
let admin: ReturnType<typeof postgres>
let supervisor: TestAccount
let first: TestAccount
let second: TestAccount
let clock = new Date()
let relaySql: Sql

/**
 * The workers' pool. postgres.js waits longer and longer between reconnects (up to 20 s); ten attempts against a dead
 * database would take minutes of real time, so this pool reconnects at once; what fails, and how, is unchanged.
 */
const workersPool = () =>
  postgres(deps.databaseUrl, {
    max: 4,
    connect_timeout: 10,
    onnotice: () => {},
    transform: { undefined: null },
    backoff: () => 0.05,
  }) as unknown as Sql

/**
 * A query whose connection the dead database closed before its refusal was read is not failed by postgres.js: it
 * waits, reconnecting, until the database answers (in production the attempt then simply goes on). To see the job use
 * up its attempts during the outage, an attempt that hangs is ended the way a restarted workers process ends it: its
 * pool is closed (the query fails with CONNECTION_DESTROYED) and the workers go on with a new pool.
 */
async function endHungAttempt() {
  const hung = workersDeps.sql
  ;(workersDeps as { sql: Sql }).sql = workersPool()
  await hung.end({ timeout: 0 })
}

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
  deps.setNow(clock)
}

beforeAll(async () => {
  deps = await createTestDeps()
  deps.setNow(clock)
  admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} })
  supervisor = await createAccount(deps, 'admin')
  first = await createAccount(deps, 'clinician')
  second = await createAccount(deps, 'clinician')
  await saveDefaultPolicy(
    deps,
    { accountId: supervisor.accountId, role: 'admin' },
    {
      name: 'Default',
      repeats: 0,
      retriggerMinutes: 30,
      supervisor: supervisor.email!,
      levels: `1 ${first.username}\n1 ${second.username}`,
    },
  )
  workersDeps = { ...deps, sql: workersPool() }
  const prefix = `${deps.config.REDIS_PREFIX}:bull`
  relay = startOutboxRelay({
    sql: (relaySql = workersPool()),
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 100,
  })
  const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  worker = new Worker('crisis', createQueueProcessor(workersDeps, 'crisis'), { connection, prefix })
  worker.on('error', () => {})
  queue = new Queue('crisis', { connection: deps.redis.duplicate(), prefix })
})
afterAll(async () => {
  await setDatabaseReachable(true).catch(() => {})
  await relay?.stop()
  await worker?.close()
  await queue?.close()
  await workersDeps?.sql.end({ timeout: 5 })
  await relaySql?.end({ timeout: 5 })
  await admin?.end()
  await deps?.close()
})

const databaseName = () => new URL(deps.databaseUrl).pathname.slice(1)

/** A PostgreSQL outage for this test's database only: new connections refused, open ones cut. */
async function setDatabaseReachable(reachable: boolean) {
  await admin.unsafe(`alter database "${databaseName()}" with allow_connections ${reachable}`)
  if (!reachable)
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${databaseName()} and pid <> pg_backend_pid()`
}

const mailsTo = (account: TestAccount) => deps.mail.mails.filter((m) => m.to.includes(account.email!))
const escalateJobs = async (
  incidentId: string,
  states: ('delayed' | 'failed' | 'completed' | 'waiting' | 'active')[],
) => (await queue.getJobs(states)).filter((j) => j.name === 'crisis:escalate' && j.data.incidentId === incidentId)
const pagedLevels = async (incidentId: string) =>
  (
    await deps.sql`select escalation_level from crisis_pages where incident_id = ${incidentId} and console_sent_at is not null order by escalation_level`
  ).map((r) => r.escalation_level as number)

describe('an escalation step exhausted during a PostgreSQL outage', { timeout: 180_000 }, () => {
  it('is re-created by the sweeper after recovery, and the ladder goes on to the supervisor', async () => {
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    await waitUntil(() => mailsTo(first).length === 1, 20_000, 'first level paged')
    await waitUntil(
      async () => (await escalateJobs(raised.incidentId, ['delayed'])).length === 1,
      10_000,
      'escalation scheduled',
    )
    const [scheduled] = await escalateJobs(raised.incidentId, ['delayed'])

    // The outage: the escalation comes due and fails every one of its attempts.
    await setDatabaseReachable(false)
    let job: Job | undefined
    let activeSince: { attempt: number; at: number } | undefined
    await waitUntil(
      async () => {
        job = await queue.getJob(scheduled!.id!)
        const state = await job!.getState()
        if (state === 'delayed') await job!.promote() // skip the backoff wait: the outage outlasts all of it
        if (state === 'active') {
          if (activeSince?.attempt !== job!.attemptsMade) activeSince = { attempt: job!.attemptsMade, at: Date.now() }
          else if (Date.now() - activeSince.at > 3_000) {
            activeSince = undefined
            await endHungAttempt()
          }
        }
        return state === 'failed'
      },
      90_000,
      'escalation job exhausted',
    )
    expect(job!.attemptsMade).toBe(job!.opts.attempts)
    expect(job!.failedReason).toMatch(
      /not currently accepting connections|terminat|CONNECTION_DESTROYED|write CONNECTION/,
    )
    await setDatabaseReachable(true)

    // Recovered, and stalled: open at its first level, and no job left that would move it.
    const [stalled] =
      await deps.sql`select status, escalation_level from crisis_incidents where id = ${raised.incidentId}`
    expect(stalled).toEqual({ status: 'open', escalation_level: 0 })
    expect(await escalateJobs(raised.incidentId, ['delayed', 'waiting', 'active'])).toEqual([])

    // Past the level's minute and the grace period, the watchdog's sweeper re-creates the step.
    advance(60_000 + STEP_GRACE_SECONDS * 1000 + 1_000)
    const watchdog = startCrisisWatchdog(workersDeps, 100)
    try {
      await waitUntil(() => mailsTo(second).length === 1, 20_000, 'second level paged')
      expect(await pagedLevels(raised.incidentId)).toEqual([0, 1])
      const [alarm] =
        await deps.sql`select cleared_at from alarms where kind = 'crisis_step_overdue' and incident_id = ${raised.incidentId}`
      expect(alarm).toBeDefined()
      await waitUntil(
        async () =>
          (await deps.sql`select 1 from alarms where incident_id = ${raised.incidentId} and cleared_at is null`)
            .length === 0,
        10_000,
        'alarm cleared',
      )

      // The second level's escalation is lost as well (removed from BullMQ): the sweeper carries the ladder again.
      await waitUntil(
        async () => (await escalateJobs(raised.incidentId, ['delayed'])).length === 1,
        10_000,
        'second escalation scheduled',
      )
      for (const lost of await escalateJobs(raised.incidentId, ['delayed'])) await lost.remove()
      advance(60_000 + STEP_GRACE_SECONDS * 1000 + 1_000)
      await waitUntil(() => mailsTo(supervisor).length === 1, 20_000, 'supervisor paged')
    } finally {
      await watchdog.stop()
    }
    expect(await pagedLevels(raised.incidentId)).toEqual([0, 1, 2])
    expect(mailsTo(first)).toHaveLength(1)
    expect(mailsTo(second)).toHaveLength(1)
    expect(
      deps.logLines.filter((l) => l.includes('re-created by the sweeper') && l.includes(raised.incidentId)),
    ).toHaveLength(2)
  })
})
