import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue, type Job } from 'bullmq'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { makeAccount, type TestAccount } from '../../tests/support/groups.js'
import { getMoodReminder, recordMoodCheckIn, saveReminderPreference } from '../../core/selfcare/selfcare.service.js'
import { startOutboxRelay, type OutboxRelay } from '../outbox-relay.js'
import { createQueueProcessor } from './index.js'

/**
 * The daily check-in reminder: due at the member's own local time, emailed only to members who opted in, once
 * per local day however many sweeps run or however often a job is retried, in the member's language, and never
 * naming anything sensitive.
 */
let deps: TestDeps
let relay: OutboxRelay
let notifications: Queue
let reminders: Queue
let warsaw: TestAccount
let anonymous: TestAccount
let checkedIn: TestAccount

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
  reminders = new Queue('reminders', { connection: deps.redis.duplicate(), prefix: `${deps.config.REDIS_PREFIX}:bull` })
  warsaw = await makeAccount(deps, 'member', { email: 'warsaw@example.org', locale: 'pl', timeZone: 'Europe/Warsaw' })
  anonymous = await makeAccount(deps, 'member', { timeZone: 'Europe/Warsaw' })
  checkedIn = await makeAccount(deps, 'member', { email: 'checked@example.org', timeZone: 'Europe/Warsaw' })
})
afterAll(async () => {
  await notifications?.close()
  await reminders?.close()
  await relay?.stop()
  await deps?.close()
})

const sweepJob = { name: 'selfcare:reminder-sweep', data: {} } as Job
const sweep = () => createQueueProcessor(deps, 'reminders')(sweepJob) as Promise<{ queued: number }>

async function reminderEmailJobs(): Promise<Job[]> {
  await relay.drain()
  return (await notifications.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
    (j) => j.name === 'selfcare:reminder-email',
  )
}
const send = (job: Job) => createQueueProcessor(deps, 'notifications')(job) as Promise<{ status: string }>

describe('daily check-in reminders', () => {
  it('can be emailed only to an account with an email address', async () => {
    await expect(
      saveReminderPreference(deps, anonymous.account, { mode: 'daily', time: '08:00', email: true }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { email: 'reminder_email_unavailable' },
    })
    await saveReminderPreference(deps, anonymous.account, { mode: 'daily', time: '08:00', email: false })
    await saveReminderPreference(deps, warsaw.account, { mode: 'daily', time: '08:00', email: true })
    await saveReminderPreference(deps, checkedIn.account, { mode: 'daily', time: '08:00', email: true })
    const [row] = await deps.sql<
      { email: boolean }[]
    >`select email from selfcare_reminders where account_id = ${anonymous.accountId}`
    expect(row).toEqual({ email: false })
  })

  it('are due in the app once the local time has passed and there was no check-in today', async () => {
    deps.setNow(new Date('2026-06-01T05:30:00Z')) // 07:30 in Warsaw (summer time)
    expect(await getMoodReminder(deps, anonymous.account)).toEqual({ due: false })
    deps.setNow(new Date('2026-06-01T06:05:00Z')) // 08:05
    expect(await getMoodReminder(deps, anonymous.account)).toEqual({ due: true })
    await recordMoodCheckIn(deps, checkedIn.account, { score: 6, feelings: [], note: null })
    expect(await getMoodReminder(deps, checkedIn.account)).toEqual({ due: false })
  })

  it('are emailed once per local day to members who opted in and have not checked in, naming nothing sensitive', async () => {
    deps.setNow(new Date('2026-06-01T05:30:00Z'))
    expect(await sweep()).toEqual({ queued: 0 })
    deps.setNow(new Date('2026-06-01T06:05:00Z'))
    expect(await sweep()).toEqual({ queued: 1 })
    expect(await sweep()).toEqual({ queued: 0 })

    const jobs = await reminderEmailJobs()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.data).toEqual({ accountId: warsaw.accountId, localDate: '2026-06-01' })
    expect(await send(jobs[0]!)).toEqual({ status: 'sent' })
    expect(await send(jobs[0]!)).toEqual({ status: 'skipped' })

    const mails = deps.mail.mails.filter((m) => m.to.includes('warsaw@example.org'))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Holdspace: Twoje przypomnienie')
    expect(mails[0]!.text).toContain(`${deps.config.publicUrl}/care`)
    expect(`${mails[0]!.subject} ${mails[0]!.text}`).not.toMatch(
      /mood|nastr|therap|terap|journal|dziennik|crisis|kryzys|feel|czuj|self-care/i,
    )
    expect(deps.mail.mails.some((m) => m.to.includes('checked@example.org'))).toBe(false)

    // The next local day, another one (and one for the member who checked in yesterday, not today).
    deps.setNow(new Date('2026-06-02T06:10:00Z'))
    expect(await sweep()).toEqual({ queued: 2 })
    const next = (await reminderEmailJobs()).find(
      (j) => j.data.localDate === '2026-06-02' && j.data.accountId === warsaw.accountId,
    )!
    expect(await send(next)).toEqual({ status: 'sent' })
    expect(deps.mail.mails.filter((m) => m.to.includes('warsaw@example.org'))).toHaveLength(2)
    deps.setNow(null)
  })

  it('stop when the member turns them off, and say nothing in the job but ids and a date', async () => {
    await saveReminderPreference(deps, warsaw.account, { mode: 'off', time: '', email: false })
    deps.setNow(new Date('2026-06-03T07:00:00Z'))
    expect(await sweep()).toEqual({ queued: 1 })
    const today = (await reminderEmailJobs()).filter((j) => j.data.localDate === '2026-06-03')
    expect(today.map((j) => j.data.accountId)).toEqual([checkedIn.accountId])
    const [row] = await deps.sql<
      { payloads: string }[]
    >`select coalesce(string_agg(payload::text, ' '), '') as payloads from outbox where job_name like 'selfcare:%'`
    expect(row!.payloads).not.toMatch(/@|warsaw|Europe/)
    deps.setNow(null)
  })
})
