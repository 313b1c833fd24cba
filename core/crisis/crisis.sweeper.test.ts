import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createAccount, takeOutbox, type TestAccount } from '../../tests/support/crisis-fixtures.js'
import { acknowledgeIncident, raiseCrisis, resolveIncident } from './crisis.service.js'
import { saveDefaultPolicy, saveSchedule } from './crisis.admin.js'
import {
  escalateIncident,
  pageIncident,
  retriggerIncident,
  retryAfterMs,
  WEBHOOK_RETRY_AFTER_CAP_MS,
} from './crisis.paging.js'
import {
  checkWorkersHeartbeat,
  raiseOverdueStepAlarms,
  recordHeartbeat,
  sweepCrisisLadder,
  STEP_GRACE_SECONDS,
} from './crisis.sweeper.js'
import { getQueueHealth } from './crisis.health.js'

/**
 * The sweeper against real PostgreSQL, driven with a moved clock: jobs are "lost" by taking their outbox rows and
 * never running them, which leaves the database exactly as an exhausted BullMQ job leaves it.
 */
let deps: TestDeps
let admin: TestAccount
let c1: TestAccount
let c2: TestAccount
let clock = new Date('2026-11-22T10:00:00Z')
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
  deps.setNow(clock)
}
const GRACE = STEP_GRACE_SECONDS * 1000

beforeAll(async () => {
  deps = await createTestDeps()
  deps.setNow(clock)
  admin = await createAccount(deps, 'admin')
  c1 = await createAccount(deps, 'clinician')
  c2 = await createAccount(deps, 'clinician')
  await saveSchedule(deps, admin.actor, {
    name: 'Days',
    timeZone: 'Europe/Warsaw',
    handoffTime: '09:00',
    shiftHours: 24,
    startsOn: '2026-11-01',
    members: [c2.username],
  })
  // L1: clinician 1, 5 min; L2: clinician 2, 10 min; no repeat; then the admin as supervisor. Re-trigger after 30 min.
  await saveDefaultPolicy(deps, admin.actor, {
    name: 'Default',
    repeats: 0,
    retriggerMinutes: 30,
    supervisor: admin.email!,
    levels: `5 ${c1.username}\n10 ${c2.username}`,
  })
})
afterAll(async () => {
  await deps?.close()
})
beforeEach(async () => {
  await takeOutbox(deps.sql)
  // Settle what earlier tests left open, so each test sees only its own incident.
  for (const { id } of await deps.sql`select id from crisis_incidents where status <> 'resolved'`) {
    await deps.sql`update crisis_incidents set status = 'resolved', resolved_at = now() where id = ${id}`
  }
  await deps.sql`update alarms set cleared_at = now() where cleared_at is null`
})

const jobsOf = async (incidentId: string) =>
  (await takeOutbox(deps.sql))
    .filter((j) => j.payload.incidentId === incidentId)
    .map((j) => ({ name: j.jobName, payload: j.payload }))
const recipientsOf = async (incidentId: string, level: number) =>
  (
    await deps.sql`
    select r.account_id from crisis_page_recipients r join crisis_pages p on p.id = r.page_id
    where p.incident_id = ${incidentId} and p.escalation_level = ${level}`
  ).map((r) => r.account_id as string)
const openAlarms = async (incidentId: string) =>
  (await deps.sql`select kind from alarms where incident_id = ${incidentId} and cleared_at is null`).map(
    (a) => a.kind as string,
  )

async function pagedAtFirstLevel() {
  const member = await createAccount(deps, 'member')
  const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
  await takeOutbox(deps.sql)
  expect(await pageIncident(deps, { incidentId: raised.incidentId, level: 0, repeat: 0 })).toBe('paged')
  // The delayed escalate job is written and then lost (its attempts used up during an outage).
  expect(await jobsOf(raised.incidentId)).toEqual([
    { name: 'crisis:escalate', payload: { incidentId: raised.incidentId, level: 0, repeat: 0 } },
  ])
  return raised
}

describe('the ladder sweeper', () => {
  it('re-creates a lost escalation step once it is overdue, and the ladder climbs on to the supervisor', async () => {
    const raised = await pagedAtFirstLevel()
    // Not yet overdue: the level's 5 minutes and the grace period have not passed.
    advance(5 * 60_000 + GRACE - 1_000)
    expect((await sweepCrisisLadder(deps)).recreated).toEqual([])
    expect(await raiseOverdueStepAlarms(deps)).toEqual({ overdue: 0, newAlarms: 0 })

    advance(2_000)
    expect(await raiseOverdueStepAlarms(deps)).toEqual({ overdue: 1, newAlarms: 1 })
    expect(await openAlarms(raised.incidentId)).toEqual(['crisis_step_overdue'])
    expect(
      deps.logLines.filter((l) => l.includes('crisis ladder step overdue') && l.includes('"level":50')),
    ).toHaveLength(1)
    expect((await sweepCrisisLadder(deps)).recreated.map((s) => s.key)).toEqual(['escalate:0:0'])
    // A second sweep (another workers process, the next tick) re-creates nothing more.
    expect((await sweepCrisisLadder(deps)).recreated).toEqual([])
    const recreated = await jobsOf(raised.incidentId)
    expect(recreated).toEqual([
      { name: 'crisis:escalate', payload: { incidentId: raised.incidentId, level: 0, repeat: 0 } },
    ])

    // The re-created step runs like the ladder's own: level 2 is paged and the overdue alarm clears.
    expect(await escalateIncident(deps, recreated[0]!.payload as never)).toBe('escalated')
    expect(await openAlarms(raised.incidentId)).toEqual([])
    // A duplicate of the lost step (the original job after all) is stale and does nothing.
    expect(await escalateIncident(deps, { incidentId: raised.incidentId, level: 0, repeat: 0 })).toBe('stale')
    expect(await pageIncident(deps, { incidentId: raised.incidentId, level: 1, repeat: 0 })).toBe('paged')
    expect(await recipientsOf(raised.incidentId, 1)).toEqual([c2.accountId])
    await takeOutbox(deps.sql)

    // Level 2's escalation is lost too: after its 10 minutes the sweeper carries the ladder to the supervisor.
    advance(10 * 60_000 + GRACE + 1_000)
    const [step] = (await sweepCrisisLadder(deps)).recreated
    expect(step).toMatchObject({ kind: 'escalate', level: 1, repeat: 0 })
    const [job] = await jobsOf(raised.incidentId)
    expect(await escalateIncident(deps, job!.payload as never)).toBe('escalated')
    const [page] = await jobsOf(raised.incidentId)
    expect(page).toEqual({ name: 'crisis:page', payload: { incidentId: raised.incidentId, level: 2, repeat: 0 } })
    expect(await pageIncident(deps, page!.payload as never)).toBe('paged')
    expect(await recipientsOf(raised.incidentId, 2)).toEqual([admin.accountId])
  })

  it('re-creates a page whose job was lost, and leaves alone a step still waiting in the outbox', async () => {
    const raised = await pagedAtFirstLevel()
    advance(5 * 60_000)
    expect(await escalateIncident(deps, { incidentId: raised.incidentId, level: 0, repeat: 0 })).toBe('escalated')
    // The level-2 page row is in the outbox (Redis down): overdue, alarmed, but not re-created.
    advance(GRACE + 1_000)
    expect((await sweepCrisisLadder(deps)).recreated).toEqual([])
    expect((await raiseOverdueStepAlarms(deps)).newAlarms).toBe(1)
    // Now it is lost (handed to BullMQ, which gave up): the sweeper pages again.
    await takeOutbox(deps.sql)
    expect((await sweepCrisisLadder(deps)).recreated.map((s) => s.key)).toEqual(['page:1:0'])
    const [page] = await jobsOf(raised.incidentId)
    expect(await pageIncident(deps, page!.payload as never)).toBe('paged')
    expect(await recipientsOf(raised.incidentId, 1)).toEqual([c2.accountId])
    expect(await openAlarms(raised.incidentId)).toEqual([])
  })

  it('re-creates a lost re-trigger of an acknowledged, unresolved incident, once', async () => {
    const raised = await pagedAtFirstLevel()
    await acknowledgeIncident(deps, c1.actor, raised.incidentId)
    await takeOutbox(deps.sql) // the delayed crisis:retrigger is lost
    advance(30 * 60_000 + GRACE + 1_000)
    expect((await sweepCrisisLadder(deps)).recreated.map((s) => s.key)).toEqual(['retrigger:1'])
    expect((await sweepCrisisLadder(deps)).recreated).toEqual([])
    const [job] = await jobsOf(raised.incidentId)
    expect(job).toEqual({ name: 'crisis:retrigger', payload: { incidentId: raised.incidentId, ackCount: 1 } })
    expect(await retriggerIncident(deps, job!.payload as never)).toBe('retriggered')
    const [row] =
      await deps.sql`select status, escalation_level, escalation_repeat from crisis_incidents where id = ${raised.incidentId}`
    expect(row).toEqual({ status: 'open', escalation_level: 0, escalation_repeat: 1 })
  })

  it('sweeps nothing for a resolved incident', async () => {
    const raised = await pagedAtFirstLevel()
    await resolveIncident(deps, c1.actor, raised.incidentId, { outcome: 'no_risk' })
    advance(60 * 60_000)
    expect((await sweepCrisisLadder(deps)).recreated).toEqual([])
    expect(await raiseOverdueStepAlarms(deps)).toEqual({ overdue: 0, newAlarms: 0 })
  })
})

describe('the workers heartbeat check', () => {
  it('alarms once when the newest heartbeat is stale, from any number of processes, and clears when it beats again', async () => {
    expect(await checkWorkersHeartbeat(deps)).toEqual({ lastBeatAt: null, down: false, newAlarm: false })
    const instance = { instanceId: 'test-workers-1', process: 'workers', startedAt: clock }
    await recordHeartbeat(deps, instance)
    advance(20_000)
    expect((await checkWorkersHeartbeat(deps)).down).toBe(false)
    advance(15_000)
    expect(await checkWorkersHeartbeat(deps)).toMatchObject({ down: true, newAlarm: true })
    // The server process and the workers' watchdog both check: still one alarm row.
    expect(await checkWorkersHeartbeat(deps)).toMatchObject({ down: true, newAlarm: false })
    expect(await deps.sql`select kind from alarms where kind = 'workers_down' and cleared_at is null`).toEqual([
      { kind: 'workers_down' },
    ])
    expect(deps.logLines.filter((l) => l.includes('no workers heartbeat') && l.includes('"level":50'))).toHaveLength(1)
    await recordHeartbeat(deps, instance)
    expect((await checkWorkersHeartbeat(deps)).down).toBe(false)
    expect(await deps.sql`select kind from alarms where kind = 'workers_down' and cleared_at is null`).toEqual([])
  })
})

describe('queue health', () => {
  it('counts open incidents by level, the longest wait, who is on call, unacknowledged pages and overdue steps', async () => {
    const first = await pagedAtFirstLevel()
    const member = await createAccount(deps, 'member')
    await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'report', level: 'concern' })
    advance(7 * 60_000)
    const health = await getQueueHealth(deps, c1.actor)
    expect(health).toEqual({
      openByLevel: { imminent: 1, high: 0, concern: 1 },
      longestWaitMinutes: 7,
      onCallNow: [c2.username],
      unacknowledgedPages: 1,
      overdueSteps: 2, // the lost escalation of the first, the never-sent page of the second
    })
    await acknowledgeIncident(deps, c1.actor, first.incidentId)
    expect((await getQueueHealth(deps, c1.actor)).unacknowledgedPages).toBe(0)
    await expect(getQueueHealth(deps, (await createAccount(deps, 'member')).actor)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates, caps them, and ignores what it cannot read', () => {
    const now = new Date('2026-11-22T10:00:00Z')
    expect(retryAfterMs('3', now)).toBe(3_000)
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:07 GMT', now)).toBe(7_000)
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0)
    expect(retryAfterMs('86400', now)).toBe(WEBHOOK_RETRY_AFTER_CAP_MS)
    expect(retryAfterMs('soon', now)).toBeNull()
    expect(retryAfterMs(null, now)).toBeNull()
  })
})
