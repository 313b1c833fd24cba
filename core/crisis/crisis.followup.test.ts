/**
 * Follow-ups after an incident, driven by the injectable clock: asked when due (with an email without content
 * for a member who chose it), "I'm OK" closes, no answer by the deadline re-opens the incident and pages it
 * again through the ladder, "I need help now" re-opens at once at the highest level.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createAccount, takeOutbox, type TestAccount } from '../../tests/support/crisis-fixtures.js'
import { raiseCrisis, resolveIncident } from './crisis.service.js'
import { pageIncident } from './crisis.paging.js'
import { countOverdueSteps } from './crisis.sweeper.js'
import {
  answerFollowUp,
  dueFollowUp,
  listIncidentFollowUps,
  saveFollowUpContact,
  sendFollowUpEmail,
  sweepFollowUps,
  type FollowUpChoice,
} from './crisis.followup.js'

let deps: TestDeps
let clinician: TestAccount
let clock = new Date('2026-11-22T10:00:00Z')
const HOUR = 3_600_000

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
  deps.setNow(clock)
}
const in24h: FollowUpChoice = { followUpIn: '24h', followUpAt: '', answerWithinHours: 12 }

beforeAll(async () => {
  deps = await createTestDeps()
  deps.setNow(clock)
  clinician = await createAccount(deps, 'clinician')
})
afterAll(async () => {
  await deps?.close()
})
beforeEach(async () => {
  await takeOutbox(deps.sql)
})

/** A member whose incident was resolved with "follow up in 24 h, answer within 12 h". */
async function resolvedWithFollowUp(options: { email?: boolean } = {}) {
  const member = await createAccount(deps, 'member')
  if (options.email) await saveFollowUpContact(deps, member.actor, true)
  const { incidentId } = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'high' })
  await resolveIncident(deps, clinician.actor, incidentId, { outcome: 'follow_up', followUp: in24h })
  const [followUp] = await listIncidentFollowUps(deps, clinician.actor, incidentId)
  await takeOutbox(deps.sql)
  return { member, incidentId, followUpId: followUp!.id }
}

const statusOf = async (incidentId: string) =>
  (
    await deps.sql<{ status: string; level: string; repeat: number }[]>`
    select status, level, escalation_repeat as repeat from crisis_incidents where id = ${incidentId}`
  )[0]!

describe('a follow-up', () => {
  it('is asked when due, and a missed one re-opens the incident and pages again', async () => {
    const { member, incidentId, followUpId } = await resolvedWithFollowUp()
    expect(await dueFollowUp(deps, member.accountId)).toBeNull()
    advance(23 * HOUR)
    expect(await sweepFollowUps(deps)).toEqual({ asked: 0, missed: 0 })

    advance(HOUR)
    expect(await dueFollowUp(deps, member.accountId)).toEqual({ id: followUpId })
    expect((await sweepFollowUps(deps)).asked).toBe(1)
    expect((await sweepFollowUps(deps)).asked).toBe(0)
    expect((await statusOf(incidentId)).status).toBe('resolved')
    expect(await takeOutbox(deps.sql)).toEqual([])

    advance(12 * HOUR - 60_000)
    expect((await sweepFollowUps(deps)).missed).toBe(0)
    advance(60_000)
    expect((await sweepFollowUps(deps)).missed).toBe(1)
    expect(await statusOf(incidentId)).toMatchObject({ status: 'open', level: 'high', repeat: 1 })
    const jobs = await takeOutbox(deps.sql)
    expect(jobs.map((j) => [j.jobName, j.payload])).toEqual([['crisis:page', { incidentId, level: 0, repeat: 1 }]])
    // The re-opened round starts now: its first page is not taken for an overdue step of the old round.
    expect(await countOverdueSteps(deps)).toBe(0)
    // The normal ladder pages it again.
    expect(await pageIncident(deps, jobs[0]!.payload as never)).toBe('paged')
    const [pages] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from crisis_pages where incident_id = ${incidentId} and escalation_repeat = 1`
    expect(pages!.n).toBe(1)
    // A second sweep does nothing more; the member is no longer asked.
    expect(await sweepFollowUps(deps)).toEqual({ asked: 0, missed: 0 })
    expect(await dueFollowUp(deps, member.accountId)).toBeNull()
    const [followUp] = await listIncidentFollowUps(deps, clinician.actor, incidentId)
    expect(followUp).toMatchObject({ status: 'missed', answer: null })
  })

  it('answered "I\'m OK" closes it: the deadline passes and nothing re-opens', async () => {
    const { member, incidentId, followUpId } = await resolvedWithFollowUp()
    advance(24 * HOUR)
    await sweepFollowUps(deps)
    expect(await answerFollowUp(deps, member.actor, { followUpId, answer: 'ok' })).toEqual({
      answer: 'ok',
      incidentId: null,
    })
    advance(13 * HOUR)
    expect(await sweepFollowUps(deps)).toEqual({ asked: 0, missed: 0 })
    expect((await statusOf(incidentId)).status).toBe('resolved')
    expect((await takeOutbox(deps.sql)).filter((j) => j.jobName === 'crisis:page')).toEqual([])
    await expect(answerFollowUp(deps, member.actor, { followUpId, answer: 'help' })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await statusOf(incidentId)).status).toBe('resolved')
  })

  it('"I need help now" re-opens at once at the highest level', async () => {
    const { member, incidentId, followUpId } = await resolvedWithFollowUp()
    advance(24 * HOUR)
    expect(await answerFollowUp(deps, member.actor, { followUpId, answer: 'help' })).toEqual({
      answer: 'help',
      incidentId,
    })
    expect(await statusOf(incidentId)).toMatchObject({ status: 'open', level: 'imminent' })
    expect((await takeOutbox(deps.sql)).map((j) => j.jobName)).toEqual(['crisis:page'])
  })

  it('"I\'m struggling" re-opens for the on-call clinician at the incident\'s level', async () => {
    const { member, incidentId, followUpId } = await resolvedWithFollowUp()
    advance(24 * HOUR)
    await answerFollowUp(deps, member.actor, { followUpId, answer: 'struggling' })
    expect(await statusOf(incidentId)).toMatchObject({ status: 'open', level: 'high' })
  })

  it('is answered only by its member, only once due', async () => {
    const { member, followUpId } = await resolvedWithFollowUp()
    const other = await createAccount(deps, 'member')
    await expect(answerFollowUp(deps, member.actor, { followUpId, answer: 'ok' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    advance(24 * HOUR)
    await expect(answerFollowUp(deps, other.actor, { followUpId, answer: 'ok' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('emails a member who chose it once, without any content', async () => {
    const { member, followUpId } = await resolvedWithFollowUp({ email: true })
    advance(24 * HOUR)
    await sweepFollowUps(deps)
    // (Earlier follow-ups of this file, still waiting, are moved on by the same sweep: only the emails matter here.)
    const jobs = (await takeOutbox(deps.sql)).filter((j) => j.jobName === 'crisis:followup-email')
    expect(jobs.map((j) => j.payload)).toEqual([{ followUpId }])
    expect(await sendFollowUpEmail(deps, { followUpId })).toBe('sent')
    expect(await sendFollowUpEmail(deps, { followUpId })).toBe('skipped')
    const mails = deps.mail.mails.filter((m) => m.to.includes(member.email!))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain('/care/follow-up')
    for (const word of ['crisis', 'clinician', 'help', 'incident', 'struggling', 'kryzys'])
      expect(mails[0]!.text.toLowerCase()).not.toContain(word)
  })

  it('a date in the past is refused and the incident stays as it was', async () => {
    const member = await createAccount(deps, 'member')
    const { incidentId } = await raiseCrisis(deps, {
      memberAccountId: member.accountId,
      source: 'button',
      level: 'high',
    })
    await expect(
      resolveIncident(deps, clinician.actor, incidentId, {
        outcome: 'follow_up',
        followUp: { followUpIn: 'at', followUpAt: '2026-01-01T10:00', answerWithinHours: 12 },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { followUpAt: 'followup_time_invalid' } })
    expect((await statusOf(incidentId)).status).toBe('open')
    expect(await listIncidentFollowUps(deps, clinician.actor, incidentId)).toEqual([])
  })
})
