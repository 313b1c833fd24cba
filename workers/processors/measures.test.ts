/**
 * The questionnaire reminder through the real path: the request's outbox row, the relay, BullMQ and the
 * notifications processor; one email per member however often the job runs, naming nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue, type Job } from 'bullmq'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator } from '../../tests/support/groups.js'
import { requestMeasure } from '../../core/measures/measures.service.js'
import { startOutboxRelay, type OutboxRelay } from '../outbox-relay.js'
import { createQueueProcessor } from './index.js'

let deps: TestDeps
let relay: OutboxRelay
let notifications: Queue

beforeAll(async () => {
  deps = await createTestDeps()
  relay = startOutboxRelay({
    sql: deps.sql,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 60_000,
  })
  notifications = new Queue('notifications', {
    connection: deps.redis.duplicate(),
    prefix: `${deps.config.REDIS_PREFIX}:bull`,
  })
})
afterAll(async () => {
  await notifications?.close()
  await relay?.stop()
  await deps?.close()
})

describe('measures:reminder', () => {
  it('becomes one job holding the request id only, and emails each approved member with an address once', async () => {
    const facilitator = await makeVerifiedFacilitator(deps)
    const groupId = await makeGroup(deps, facilitator, { title: 'Reminder circle' })
    const withEmail = await makeAccount(deps, 'member', { email: 'oak@example.test' })
    const anonymous = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, groupId, withEmail, 'Oak')
    await enrol(deps, facilitator, groupId, anonymous, 'Elm')

    const requestId = await requestMeasure(deps, facilitator.account, groupId, 'gad7')
    await relay.drain()
    const jobs = (await notifications.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
      (j) => j.name === 'measures:reminder',
    )
    expect(jobs.map((j) => j.data)).toEqual([{ requestId }])

    const run = (job: Job) => createQueueProcessor(deps, 'notifications')(job) as Promise<{ sent: number }>
    expect(await run(jobs[0]!)).toEqual({ sent: 1 })
    expect(await run(jobs[0]!)).toEqual({ sent: 0 })
    const mails = deps.mail.mails.filter((m) => m.to.includes('oak@example.test'))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Holdspace: something is waiting for you')
    expect(`${mails[0]!.subject} ${mails[0]!.text}`).not.toMatch(
      /phq|gad|depress|anxi|score|questionnaire|Reminder circle|Oak|therap|mood/i,
    )
    expect(deps.logLines.join('\n')).not.toContain('oak@example.test')
  })
})
