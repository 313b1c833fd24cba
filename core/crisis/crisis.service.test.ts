import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createAccount, takeOutbox, type OutboxJob, type TestAccount } from '../../tests/support/crisis-fixtures.js'
import { saveSensitiveProfile } from '../identity/identity.service.js'
import { AppError } from '../errors.js'
import { transaction } from '../after-commit.js'
import {
  acknowledgeIncident,
  escalateByFacilitator,
  getIncidentDetail,
  listIncidentQueue,
  raiseCrisis,
  raiseCrisisInTransaction,
  raiseFromReport,
  resolveIncident,
  revealMemberIdentity,
} from './crisis.service.js'
import { getCrisisAdminView, saveDefaultPolicy, saveSchedule } from './crisis.admin.js'
import { escalateIncident, pageIncident, retriggerIncident, runCrisisWatchdog } from './crisis.paging.js'

let deps: TestDeps
let admin: TestAccount
let c1: TestAccount
let c2: TestAccount
let facilitator: TestAccount
let clock = new Date('2026-11-22T10:00:00Z')

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
  deps.setNow(clock)
}

beforeAll(async () => {
  deps = await createTestDeps()
  deps.setNow(clock)
  admin = await createAccount(deps, 'admin')
  c1 = await createAccount(deps, 'clinician')
  c2 = await createAccount(deps, 'clinician', { locale: 'pl' })
  facilitator = await createAccount(deps, 'facilitator')
  // L1: clinician 1 directly, 5 min. L2: whoever is on call in the "Nights" rotation (clinician 2), 10 min.
  // The ladder repeats once, then the admin is the supervisor.
  await saveSchedule(deps, admin.actor, {
    name: 'Nights',
    timeZone: 'Europe/Warsaw',
    handoffTime: '09:00',
    shiftHours: 24,
    startsOn: '2026-11-01',
    members: [c2.username],
  })
  await saveDefaultPolicy(deps, admin.actor, {
    name: 'Default',
    repeats: 1,
    retriggerMinutes: 30,
    supervisor: admin.email!,
    levels: `5 ${c1.username}\n10 schedule:Nights`,
  })
})
afterAll(async () => {
  await deps?.close()
})
beforeEach(async () => {
  await takeOutbox(deps.sql)
})

const count = async (table: 'crisis_incidents' | 'outbox' | 'crisis_signals', memberId?: string) => {
  if (table === 'outbox')
    return (await deps.sql`select count(*)::int as n from outbox where job_name like 'crisis:%'`)[0]!.n as number
  if (table === 'crisis_signals')
    return (
      await deps.sql`select count(*)::int as n from crisis_signals s join crisis_incidents i on i.id = s.incident_id where i.member_account_id = ${memberId!}`
    )[0]!.n as number
  return (await deps.sql`select count(*)::int as n from crisis_incidents where member_account_id = ${memberId!}`)[0]!
    .n as number
}

/** Run queued crisis jobs the way the worker would, moving the clock past each delayed job's delay. */
async function runJob(job: OutboxJob) {
  if (job.delayMs) advance(job.delayMs)
  const payload = job.payload as never
  switch (job.jobName) {
    case 'crisis:page':
      return pageIncident(deps, payload)
    case 'crisis:escalate':
      return escalateIncident(deps, payload)
    case 'crisis:retrigger':
      return retriggerIncident(deps, payload)
    default:
      return null
  }
}

async function pagesOf(incidentId: string) {
  return deps.sql<{ level: number; repeat: number; recipients: string[] }[]>`
    select p.escalation_level as level, p.escalation_repeat as repeat,
           array(select account_id::text from crisis_page_recipients r where r.page_id = p.id order by account_id) as recipients
    from crisis_pages p where incident_id = ${incidentId} order by created_at, escalation_repeat, escalation_level`
}

describe('raising a crisis', () => {
  it('writes the incident and its outbox row in one transaction: both or neither', async () => {
    const member = await createAccount(deps, 'member')
    // The caller's transaction fails after the raise: the incident goes with it.
    await expect(
      transaction(deps, async (tx) => {
        await raiseCrisisInTransaction(tx, deps, {
          memberAccountId: member.accountId,
          source: 'message',
          level: 'high',
        })
        throw new Error('message insert failed')
      }),
    ).rejects.toThrow('message insert failed')
    expect(await count('crisis_incidents', member.accountId)).toBe(0)
    expect(await count('outbox')).toBe(0)

    // The outbox write itself fails: no incident is left behind either.
    await deps.sql.unsafe(
      `alter table outbox add constraint crisis_test_refuse check (job_name <> 'crisis:page') not valid`,
    )
    try {
      await expect(
        raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' }),
      ).rejects.toThrow()
    } finally {
      await deps.sql.unsafe('alter table outbox drop constraint crisis_test_refuse')
    }
    expect(await count('crisis_incidents', member.accountId)).toBe(0)

    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    expect(raised.created).toBe(true)
    const jobs = await takeOutbox(deps.sql)
    expect(jobs).toEqual([
      expect.objectContaining({
        jobName: 'crisis:page',
        payload: { incidentId: raised.incidentId, level: 0, repeat: 0 },
        delayMs: 0,
      }),
    ])
  })

  it('keeps one open incident per member: later signals attach and raise the level, never lower it', async () => {
    const member = await createAccount(deps, 'member')
    const first = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'message',
      level: 'concern',
      messageId: crypto.randomUUID(),
      roomId: crypto.randomUUID(),
    })
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        raiseCrisis(deps, { memberAccountId: member.accountId, source: 'message', level: 'concern' }),
      ),
    )
    expect(new Set(again.map((r) => r.incidentId))).toEqual(new Set([first.incidentId]))
    const higher = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    expect(higher).toMatchObject({ incidentId: first.incidentId, created: false, level: 'imminent' })
    const lower = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'message', level: 'concern' })
    expect(lower.level).toBe('imminent')
    expect(await count('crisis_incidents', member.accountId)).toBe(1)
    expect(await count('crisis_signals', member.accountId)).toBe(6)
    // Only the first raise starts paging.
    expect((await takeOutbox(deps.sql)).filter((j) => j.jobName === 'crisis:page')).toHaveLength(1)
  })

  it('lets facilitators (not members) escalate, audited; a member report raises a concern', async () => {
    const member = await createAccount(deps, 'member')
    const peer = await createAccount(deps, 'member')
    await expect(
      escalateByFacilitator(deps, {
        facilitatorAccountId: peer.accountId,
        memberAccountId: member.accountId,
        reason: 'worried',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await count('crisis_incidents', member.accountId)).toBe(0)
    const reported = await raiseFromReport(deps, {
      reporterAccountId: peer.accountId,
      memberAccountId: member.accountId,
    })
    const escalated = await escalateByFacilitator(deps, {
      facilitatorAccountId: facilitator.accountId,
      memberAccountId: member.accountId,
      reason: 'said goodbye to everyone',
    })
    expect(escalated).toMatchObject({ incidentId: reported.incidentId, level: 'high' })
    const [audit] =
      await deps.sql`select action, target_id, actor_account_id from audit_log where action = 'crisis.escalate' order by id desc limit 1`
    expect(audit).toMatchObject({ target_id: reported.incidentId, actor_account_id: facilitator.accountId })
  })
})

describe('the escalation ladder (fake clock)', () => {
  it('climbs level 1 → level 2 → repeat → supervisor while nobody acknowledges, paging each through console and email', async () => {
    const member = await createAccount(deps, 'member')
    const mailsBefore = deps.mail.mails.length
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const steps: string[] = []
    const delays: number[] = []
    for (let i = 0; i < 12; i++) {
      const jobs = await takeOutbox(deps.sql)
      if (jobs.length === 0) break
      for (const job of jobs) {
        if (job.jobName === 'crisis:escalate') delays.push(job.delayMs)
        const result = await runJob(job)
        steps.push(`${job.jobName}:${result}`)
      }
      if ((await pagesOf(raised.incidentId)).length === 6) break
    }
    const pages = await pagesOf(raised.incidentId)
    expect(pages.map((p) => [p.level, p.repeat, p.recipients])).toEqual([
      [0, 0, [c1.accountId]],
      [1, 0, [c2.accountId]],
      [0, 1, [c1.accountId]],
      [1, 1, [c2.accountId]],
      [2, 1, [admin.accountId]],
      [2, 2, [admin.accountId]],
    ])
    // Each step waits for its own level's acknowledgement timeout; the supervisor uses the last level's.
    expect(delays.slice(0, 5)).toEqual([5, 10, 5, 10, 10].map((m) => m * 60_000))
    const mails = deps.mail.mails.slice(mailsBefore)
    expect(mails.map((m) => m.to[0])).toEqual([c1.email, c2.email, c1.email, c2.email, admin.email, admin.email])
    const detail = await getIncidentDetail(deps, c1.actor, raised.incidentId)
    expect(detail.timeline.filter((e) => e.kind === 'escalated')).toHaveLength(5)
    expect(detail.firstPagedAt).not.toBeNull()
  })

  it('emails the clinician nothing sensitive, in their language', async () => {
    const member = await createAccount(deps, 'member')
    const mailsBefore = deps.mail.mails.length
    const raised = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'imminent',
      memberLabel: 'Sunny Fox',
    })
    for (const job of await takeOutbox(deps.sql)) await runJob(job)
    const [mail] = deps.mail.mails.slice(mailsBefore)
    expect(mail!.to).toEqual([c1.email])
    expect(mail!.subject).toBe('You have an urgent Holdspace alert')
    expect(mail!.text).toContain(`/console/incidents/${raised.incidentId}`)
    for (const secret of ['Sunny Fox', member.username, member.email!, 'imminent', 'crisis', 'suicid', 'risk']) {
      expect(`${mail!.subject}\n${mail!.text}`.toLowerCase()).not.toContain(secret.toLowerCase())
    }
    // Level 2 goes to the Polish-speaking clinician in Polish.
    for (const job of await takeOutbox(deps.sql)) await runJob(job)
    for (const job of await takeOutbox(deps.sql)) await runJob(job)
    const polish = deps.mail.mails.slice(mailsBefore).find((m) => m.to[0] === c2.email)
    expect(polish?.subject).toBe('Masz pilny alert Holdspace')
  })

  it('stops climbing when a clinician acknowledges', async () => {
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const [page] = await takeOutbox(deps.sql)
    await runJob(page!)
    const escalate = (await takeOutbox(deps.sql)).find((j) => j.jobName === 'crisis:escalate')!
    await acknowledgeIncident(deps, c1.actor, raised.incidentId)
    expect(await runJob(escalate)).toBe('stopped')
    const after = await takeOutbox(deps.sql)
    expect(after.map((j) => j.jobName)).toEqual(['crisis:retrigger'])
    expect(await pagesOf(raised.incidentId)).toHaveLength(1)
    // A second acknowledgement of the same incident is a conflict, not a second timeline entry.
    await expect(acknowledgeIncident(deps, c2.actor, raised.incidentId)).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('re-triggers an acknowledged incident left unresolved, and not one that was resolved', async () => {
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    for (const job of await takeOutbox(deps.sql)) await runJob(job)
    await takeOutbox(deps.sql)
    await acknowledgeIncident(deps, c1.actor, raised.incidentId)
    const [retrigger] = await takeOutbox(deps.sql)
    expect(retrigger).toMatchObject({ jobName: 'crisis:retrigger', delayMs: 30 * 60_000 })
    expect(await runJob(retrigger!)).toBe('retriggered')
    const [again] = await takeOutbox(deps.sql)
    expect(again).toMatchObject({
      jobName: 'crisis:page',
      payload: { incidentId: raised.incidentId, level: 0, repeat: 1 },
    })
    expect(await runJob(again!)).toBe('paged')
    expect((await pagesOf(raised.incidentId)).map((p) => [p.level, p.repeat])).toEqual([
      [0, 0],
      [0, 1],
    ])

    // Acknowledged again, then resolved: its re-trigger does nothing.
    await takeOutbox(deps.sql)
    await acknowledgeIncident(deps, c1.actor, raised.incidentId)
    const [second] = (await takeOutbox(deps.sql)).filter((j) => j.jobName === 'crisis:retrigger')
    await resolveIncident(deps, c1.actor, raised.incidentId, { outcome: 'safety_plan', note: 'Made a plan together.' })
    expect(await runJob(second!)).toBe('skipped')
    expect(await takeOutbox(deps.sql)).toEqual([])
    // Resolved: a new signal opens a new incident.
    const next = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'message', level: 'high' })
    expect(next.created).toBe(true)
    expect(next.incidentId).not.toBe(raised.incidentId)
  })

  it('raises an alarm for an incident not paged within 30 seconds, and clears it once paged', async () => {
    // Incidents of earlier tests whose jobs were never run count as paged here.
    await deps.sql`update crisis_incidents set first_paged_at = raised_at where first_paged_at is null`
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    advance(20_000)
    expect((await runCrisisWatchdog(deps)).newAlarms).toBe(0)
    advance(11_000)
    expect(await runCrisisWatchdog(deps)).toEqual({ unpaged: 1, newAlarms: 1 })
    expect(await runCrisisWatchdog(deps)).toEqual({ unpaged: 1, newAlarms: 0 })
    expect(
      deps.logLines.some(
        (l) => l.includes('"level":50') && l.includes(raised.incidentId) && l.includes('not paged within 30 seconds'),
      ),
    ).toBe(true)
    const view = await getCrisisAdminView(deps, admin.actor)
    expect(view.alarms).toEqual([expect.objectContaining({ kind: 'crisis_unpaged', incidentId: raised.incidentId })])
    for (const job of await takeOutbox(deps.sql)) await runJob(job)
    await runCrisisWatchdog(deps)
    expect((await getCrisisAdminView(deps, admin.actor)).alarms).toEqual([])
  })
})

describe('the console and break-glass', () => {
  it('denies the console and its actions to members and facilitators', async () => {
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    for (const actor of [member.actor, facilitator.actor]) {
      await expect(listIncidentQueue(deps, actor)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(getIncidentDetail(deps, actor, raised.incidentId)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(acknowledgeIncident(deps, actor, raised.incidentId)).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(
        revealMemberIdentity(deps, actor, raised.incidentId, 'I want to know who this is'),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(getCrisisAdminView(deps, actor)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(getCrisisAdminView(deps, c1.actor)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('orders the queue by level, then age, and shows labels only', async () => {
    const a = await createAccount(deps, 'member')
    const b = await createAccount(deps, 'member')
    await raiseCrisis(deps, { memberAccountId: a.accountId, source: 'message', level: 'concern' })
    advance(1000)
    const urgent = await raiseCrisis(deps, { memberAccountId: b.accountId, source: 'button', level: 'imminent' })
    const queue = await listIncidentQueue(deps, c1.actor)
    const levels = queue.open.map((i) => i.level)
    expect(levels.indexOf('imminent')).toBeLessThan(levels.lastIndexOf('concern'))
    const imminent = queue.open.filter((i) => i.level === 'imminent')
    expect(imminent.map((i) => i.raisedAt)).toEqual([...imminent.map((i) => i.raisedAt)].sort())
    expect(JSON.stringify(queue)).not.toContain(b.accountId)
    expect(JSON.stringify(queue)).not.toContain(b.email!)
    expect(queue.open.find((i) => i.id === urgent.incidentId)?.memberLabel).toMatch(/^Member [0-9A-F]{6}$/)
  })

  it('reveals identity only with a reason, to the clinician, audited and visible to admins', async () => {
    const member = await createAccount(deps, 'member')
    await saveSensitiveProfile(deps, member.accountId, {
      legalName: 'Anna Kowalska',
      emergencyContact: 'Jan, +48 600 100 200',
    })
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const auditRows = async () =>
      (await deps.sql`select count(*)::int as n from audit_log where action = 'identity.reveal'`)[0]!.n as number
    const before = await auditRows()
    await expect(revealMemberIdentity(deps, c1.actor, raised.incidentId, 'short')).rejects.toBeInstanceOf(AppError)
    expect(await auditRows()).toBe(before)

    const revealed = await revealMemberIdentity(
      deps,
      c1.actor,
      raised.incidentId,
      'Member stopped answering after stating a plan',
    )
    expect(revealed).toEqual({ legalName: 'Anna Kowalska', emergencyContact: 'Jan, +48 600 100 200' })
    expect(await auditRows()).toBe(before + 1)
    const view = await getCrisisAdminView(deps, admin.actor)
    expect(view.reveals[0]).toMatchObject({
      actor: c1.username,
      incidentId: raised.incidentId,
      reason: 'Member stopped answering after stating a plan',
    })
    // The identity appears nowhere else: not in the incident page, the timeline, or the logs.
    const detail = await getIncidentDetail(deps, c2.actor, raised.incidentId)
    expect(JSON.stringify(detail)).not.toContain('Kowalska')
    expect(detail.timeline.map((e) => e.kind)).toContain('identity_revealed')
    expect(deps.logLines.join('\n')).not.toContain('Kowalska')
  })
})
