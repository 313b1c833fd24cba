/**
 * Follow-ups through the real workers path (outbox relay → BullMQ → processors, local SMTP), the clock moved with
 * the injectable clock instead of waiting: the sweep asks a due follow-up and the member who chose email gets one
 * without content; a follow-up not answered in time re-opens the incident and the on-call person is paged again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue, Worker } from 'bullmq'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount, type TestAccount } from '../tests/support/crisis-fixtures.js'
import { raiseCrisis, resolveIncident } from '../core/crisis/crisis.service.js'
import { answerFollowUp, saveFollowUpContact } from '../core/crisis/crisis.followup.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'
import { createQueueProcessor } from './processors/index.js'

let deps: TestDeps
let relay: OutboxRelay
let workers: Worker[] = []
let crisisQueue: Queue
let onCall: TestAccount
let clinician: TestAccount
let clock = new Date('2026-11-22T10:00:00Z')
const HOUR = 3_600_000

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
  deps.setNow(clock)
}

beforeAll(async () => {
  deps = await createTestDeps()
  deps.setNow(clock)
  // No policy configured: the fallback pages every admin.
  onCall = await createAccount(deps, 'admin')
  clinician = await createAccount(deps, 'clinician')
  const prefix = `${deps.config.REDIS_PREFIX}:bull`
  relay = startOutboxRelay({
    sql: deps.sql,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 100,
  })
  workers = (['crisis', 'notifications'] as const).map(
    (queue) =>
      new Worker(queue, createQueueProcessor(deps, queue), {
        connection: deps.redis.duplicate({ maxRetriesPerRequest: null }),
        prefix,
      }),
  )
  crisisQueue = new Queue('crisis', { connection: deps.redis.duplicate(), prefix })
})
afterAll(async () => {
  await relay?.stop()
  await Promise.all(workers.map((w) => w.close()))
  await crisisQueue?.close()
  await deps?.close()
})

const mailsTo = (email: string) => deps.mail.mails.filter((m) => m.to.includes(email))
/** What the job scheduler does every minute (workers/schedules.ts). */
const sweep = () => crisisQueue.add('crisis:followup-sweep', {})

describe('follow-ups through the workers', { timeout: 60_000 }, () => {
  it('emails the member when asked, and pages again when nobody answered in time', async () => {
    const member = await createAccount(deps, 'member')
    await saveFollowUpContact(deps, member.actor, true)
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    await expect.poll(() => mailsTo(onCall.email!).length).toBe(1)
    await resolveIncident(deps, clinician.actor, incidentId, {
      outcome: 'follow_up',
      followUp: { followUpIn: '24h', followUpAt: '', answerWithinHours: 12 },
    })

    advance(24 * HOUR)
    await sweep()
    await expect.poll(() => mailsTo(member.email!).length).toBe(1)
    const [mail] = mailsTo(member.email!)
    expect(mail!.subject).toBe('Holdspace: something is waiting for you')
    expect(mail!.text).toContain(`${deps.config.publicUrl}/care/follow-up`)
    expect(mail!.raw).not.toContain(incidentId)

    advance(12 * HOUR)
    await sweep()
    await expect
      .poll(async () => (await deps.sql`select status from crisis_incidents where id = ${incidentId}`)[0]!.status)
      .toBe('open')
    await expect.poll(() => mailsTo(onCall.email!).length).toBe(2)
    const pages =
      await deps.sql`select escalation_level, escalation_repeat from crisis_pages where incident_id = ${incidentId} order by created_at`
    expect(pages).toEqual([
      { escalation_level: 0, escalation_repeat: 0 },
      { escalation_level: 0, escalation_repeat: 1 },
    ])
    // Another sweep changes nothing more, and the member got one email.
    const again = await sweep()
    await expect.poll(async () => (await crisisQueue.getJob(again.id!))?.finishedOn).toBeDefined()
    expect(mailsTo(member.email!)).toHaveLength(1)
    expect(await deps.sql`select count(*)::int as n from crisis_pages where incident_id = ${incidentId}`).toEqual([
      { n: 2 },
    ])
  })

  it('an answered follow-up does not page again', async () => {
    const member = await createAccount(deps, 'member')
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    await expect
      .poll(
        async () =>
          (await deps.sql`select count(*)::int as n from crisis_pages where incident_id = ${incidentId}`)[0]!.n,
      )
      .toBe(1)
    await resolveIncident(deps, clinician.actor, incidentId, {
      outcome: 'follow_up',
      followUp: { followUpIn: '1h', followUpAt: '', answerWithinHours: 1 },
    })
    advance(HOUR)
    const [{ id: followUpId }] = await deps.sql<
      { id: string }[]
    >`select id from crisis_followups where incident_id = ${incidentId}`
    await answerFollowUp(deps, member.actor, { followUpId, answer: 'ok' })
    advance(2 * HOUR)
    const job = await sweep()
    await expect.poll(async () => (await crisisQueue.getJob(job.id!))?.finishedOn).toBeDefined()
    expect((await deps.sql`select status from crisis_incidents where id = ${incidentId}`)[0]!.status).toBe('resolved')
    expect(await deps.sql`select count(*)::int as n from crisis_pages where incident_id = ${incidentId}`).toEqual([
      { n: 1 },
    ])
  })
})
