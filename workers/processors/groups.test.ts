import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue, type Job } from 'bullmq'
import { DateTime } from 'luxon'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../../tests/support/groups.js'
import { cancelSession, materializeSessions, moveSession } from '../../core/groups/groups.service.js'
import { startOutboxRelay, type OutboxRelay } from '../outbox-relay.js'
import { createQueueProcessor } from './index.js'

/**
 * Session reminders, from the fact to the delayed BullMQ job and its processing: scheduled 24 hours and
 * 15 minutes ahead, made void by a move (which schedules new ones) or a cancellation, sent once per person, and
 * naming no group, topic or condition.
 */
let deps: TestDeps
let relay: OutboxRelay
let queue: Queue
let facilitator: TestAccount
let member: TestAccount
let groupId: string
const HOUR = 3_600_000

beforeAll(async () => {
  deps = await createTestDeps()
  relay = startOutboxRelay({
    sql: deps.sql,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 60_000,
  })
  queue = new Queue('reminders', { connection: deps.redis.duplicate(), prefix: `${deps.config.REDIS_PREFIX}:bull` })
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Reminder', { email: 'facilitator@example.org' })
  member = await makeAccount(deps, 'member', { email: 'member@example.org', locale: 'pl' })
  // Weekly, first session two days from now (in UTC wall time, minute precision).
  const first = DateTime.utc().plus({ days: 2 }).startOf('minute')
  groupId = await makeGroup(deps, facilitator, {
    title: 'Grief circle',
    topic: 'Bereavement',
    timeZone: 'UTC',
    firstStartLocal: first.toFormat("yyyy-MM-dd'T'HH:mm"),
    rrule: 'FREQ=WEEKLY',
  })
  await enrol(deps, facilitator, groupId, member, 'Willow')
})
afterAll(async () => {
  await queue?.close()
  await relay?.stop()
  await deps?.close()
})

async function delayedReminders(): Promise<Job[]> {
  await relay.drain()
  return (await queue.getJobs(['delayed'])).filter((j) => j.name === 'groups:reminder')
}
async function sessions() {
  return deps.sql<{ id: string; startsAt: Date }[]>`
    select id, starts_at as "startsAt" from group_sessions where group_id = ${groupId} order by starts_at`
}
const run = (job: Job) =>
  createQueueProcessor(deps, 'reminders')(job) as Promise<{ status: string; recipients: number }>

describe('session reminders', () => {
  it('are scheduled as delayed jobs 24 hours and 15 minutes before each session within the horizon', async () => {
    const [first, second, third] = await sessions()
    const jobs = await delayedReminders()
    const byKey = new Map(jobs.map((j) => [`${j.data.sessionId}/${j.data.kind}`, j]))
    // The first two weeks are within the 14-day horizon; the third week's are scheduled by the periodic job later.
    expect([...byKey.keys()].sort()).toEqual(
      [`${first!.id}/15m`, `${first!.id}/24h`, `${second!.id}/15m`, `${second!.id}/24h`].sort(),
    )
    expect(byKey.has(`${third!.id}/24h`)).toBe(false)
    const due = (job: Job) => job.timestamp + (job.opts.delay ?? 0)
    expect(Math.abs(due(byKey.get(`${first!.id}/24h`)!) - (first!.startsAt.getTime() - 24 * HOUR))).toBeLessThan(5_000)
    expect(Math.abs(due(byKey.get(`${first!.id}/15m`)!) - (first!.startsAt.getTime() - 15 * 60_000))).toBeLessThan(
      5_000,
    )
    expect(byKey.get(`${first!.id}/15m`)!.data).toEqual({
      sessionId: first!.id,
      kind: '15m',
      startsAt: first!.startsAt.toISOString(),
    })

    // Idempotent: materializing again schedules nothing new.
    await materializeSessions(deps, { groupId })
    expect(await delayedReminders()).toHaveLength(4)
  })

  it('sends each person one reminder that names no group, topic or facilitator, even when the job is retried', async () => {
    const [first] = await sessions()
    const job = (await delayedReminders()).find((j) => j.data.sessionId === first!.id && j.data.kind === '15m')!
    expect(await run(job)).toEqual({ status: 'sent', recipients: 2 })
    expect(await run(job)).toEqual({ status: 'sent', recipients: 0 })
    const mails = deps.mail.mails.filter((m) => m.text.includes(`/sessions/${first!.id}`))
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['facilitator@example.org', 'member@example.org'])
    const pl = mails.find((m) => m.to[0] === 'member@example.org')!
    expect(pl.subject).toBe('Holdspace: spotkanie za 15 minut')
    for (const mail of mails)
      expect(`${mail.subject} ${mail.text}`).not.toMatch(/grief|bereave|circle|willow|reminder|therap|dr /i)
  })

  it('are rescheduled when a session moves: the old jobs do nothing, new ones go with the new time', async () => {
    const [, second] = await sessions()
    const oldJobs = (await delayedReminders()).filter((j) => j.data.sessionId === second!.id)
    const newStart = DateTime.fromJSDate(second!.startsAt, { zone: 'UTC' }).plus({ hours: 3 })
    await moveSession(deps, facilitator.account, second!.id, { startsLocal: newStart.toFormat("yyyy-MM-dd'T'HH:mm") })

    const newJobs = (await delayedReminders()).filter(
      (j) => j.data.sessionId === second!.id && j.data.startsAt === newStart.toJSDate().toISOString(),
    )
    expect(newJobs.map((j) => j.data.kind).sort()).toEqual(['15m', '24h'])
    const due = (job: Job) => job.timestamp + (job.opts.delay ?? 0)
    expect(Math.abs(due(newJobs.find((j) => j.data.kind === '24h')!) - (newStart.toMillis() - 24 * HOUR))).toBeLessThan(
      5_000,
    )

    const sentBefore = deps.mail.mails.length
    for (const job of oldJobs) expect(await run(job)).toEqual({ status: 'skipped', recipients: 0 })
    expect(deps.mail.mails.length).toBe(sentBefore)
    expect(await run(newJobs[0]!)).toEqual({ status: 'sent', recipients: 2 })
  })

  it('do nothing once the session is cancelled', async () => {
    const [first] = await sessions()
    const jobs = (await delayedReminders()).filter((j) => j.data.sessionId === first!.id && j.data.kind === '24h')
    expect(jobs).toHaveLength(1)
    await cancelSession(deps, facilitator.account, first!.id)
    const sentBefore = deps.mail.mails.length
    expect(await run(jobs[0]!)).toEqual({ status: 'skipped', recipients: 0 })
    expect(deps.mail.mails.length).toBe(sentBefore)
    // A member cannot cancel or move.
    await expect(cancelSession(deps, member.account, first!.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
