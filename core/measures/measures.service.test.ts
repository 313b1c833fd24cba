/**
 * PHQ-9 and GAD-7: scoring at every band boundary; PHQ-9 item 9 asks about a clinician and raises a crisis only on
 * a yes (once); a group's facilitators see a member's scores only while the member consents and is approved in the
 * group — every facilitator view; the between-session summary; the reminder job; export and deletion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import {
  enrol,
  makeAccount,
  makeGroup,
  makeVerifiedFacilitator,
  sessionStartingIn,
  type TestAccount,
} from '../../tests/support/groups.js'
import { leaveGroup } from '../groups/groups.service.js'
import { createHomework, setHomeworkDone } from '../library/library.service.js'
import { homeworkSchema } from '../library/library.schema.js'
import { answersSchema, scoreOf, severityOf } from './measures.schema.js'
import * as measures from './measures.service.js'

let deps: TestDeps
let facilitator: TestAccount
let otherFacilitator: TestAccount
let member: TestAccount
let quiet: TestAccount
let outsider: TestAccount
let groupId: string
let otherGroupId: string

beforeAll(async () => {
  deps = await createTestDeps()
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Measures')
  otherFacilitator = await makeVerifiedFacilitator(deps, 'Dr Elsewhere')
  member = await makeAccount(deps, 'member', { email: 'rowan@example.test', timeZone: 'Europe/Warsaw' })
  quiet = await makeAccount(deps, 'member', { email: 'quiet@example.test', locale: 'pl' })
  outsider = await makeAccount(deps, 'member')
  groupId = await makeGroup(deps, facilitator, { title: 'Tuesday circle' })
  otherGroupId = await makeGroup(deps, otherFacilitator, { title: 'Other circle' })
  await enrol(deps, facilitator, groupId, member, 'Rowan')
  await enrol(deps, facilitator, groupId, quiet, 'Birch')
  await enrol(deps, otherFacilitator, otherGroupId, member, 'Alder')
})
afterAll(async () => {
  await deps?.close()
})

/** Answers summing to `total`, spread over the items; with `item9` given, item 9 is that and items 1–8 carry the rest. */
const spread = (count: number, total: number) =>
  Array.from({ length: count }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)))
const phq9 = (total: number, item9?: number) =>
  item9 === undefined ? spread(9, total) : [...spread(8, total - item9), item9]
const gad7 = (total: number) => spread(7, total)

async function incidentsOf(accountId: string) {
  return deps.sql<
    { source: string; level: string }[]
  >`select source, level from crisis_incidents where member_account_id = ${accountId}`
}

describe('scoring', () => {
  it('puts each PHQ-9 total in its band, at every boundary', () => {
    const expected: Array<[number, string]> = [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'moderately_severe'],
      [19, 'moderately_severe'],
      [20, 'severe'],
      [27, 'severe'],
    ]
    for (const [total, band] of expected) {
      expect(scoreOf('phq9', phq9(total)), `PHQ-9 ${total}`).toEqual({ total, severity: band })
    }
    expect(() => severityOf('phq9', 28)).toThrow(RangeError)
  })

  it('puts each GAD-7 total in its band, at every boundary', () => {
    const expected: Array<[number, string]> = [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'severe'],
      [21, 'severe'],
    ]
    for (const [total, band] of expected)
      expect(scoreOf('gad7', gad7(total)), `GAD-7 ${total}`).toEqual({ total, severity: band })
    expect(() => severityOf('gad7', 22)).toThrow(RangeError)
  })

  it('refuses a missing item, an answer outside 0–3, or the wrong number of answers', () => {
    const form = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`item${i + 1}`, '1']))
    expect(answersSchema('phq9').parse(form)).toEqual(Array(9).fill(1))
    const { item4: _, ...missing } = form
    const failed = answersSchema('phq9').safeParse(missing)
    expect(failed.success).toBe(false)
    expect(failed.error!.issues[0]).toMatchObject({ path: ['item4'], message: 'measure_answer_required' })
    expect(answersSchema('phq9').safeParse({ ...form, item2: '4' }).success).toBe(false)
    expect(() => scoreOf('gad7', [1, 1, 1])).toThrow(RangeError)
    expect(() => scoreOf('gad7', [1, 1, 1, 1, 1, 1, -1])).toThrow(RangeError)
  })

  it('saves a response with its total and nothing else changes on bad answers', async () => {
    await expect(measures.submitMeasure(deps, outsider.account, 'phq9', [1, 1, 1])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    })
    const [none] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from measure_responses where account_id = ${outsider.accountId}`
    expect(none!.n).toBe(0)
    const saved = await measures.submitMeasure(deps, outsider.account, 'gad7', gad7(12))
    expect(saved.askAboutSupport).toBe(false)
    expect(await measures.getMeasureResult(deps, outsider.account, saved.id)).toMatchObject({
      instrument: 'gad7',
      total: 12,
      max: 21,
      severity: 'moderate',
    })
    // Someone else's result does not exist for them.
    await expect(measures.getMeasureResult(deps, member.account, saved.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('PHQ-9 item 9', () => {
  it('above "not at all" asks at once; nothing is raised until the member says yes, then once, at the answer\'s level', async () => {
    const asker = await makeAccount(deps, 'member')
    const none = await measures.submitMeasure(deps, asker.account, 'phq9', phq9(6, 0))
    expect(none.askAboutSupport).toBe(false)
    await expect(
      measures.requestClinicianAfterMeasure(deps, asker.account, { responseId: none.id, message: null, country: 'PL' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' })

    const some = await measures.submitMeasure(deps, asker.account, 'phq9', phq9(8, 1))
    expect(some.askAboutSupport).toBe(true)
    expect((await measures.getMeasureResult(deps, asker.account, some.id)).askAboutSupport).toBe(true)
    expect(await incidentsOf(asker.accountId)).toEqual([])

    // Someone else cannot say yes for them.
    await expect(
      measures.requestClinicianAfterMeasure(deps, outsider.account, {
        responseId: some.id,
        message: null,
        country: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const first = await measures.requestClinicianAfterMeasure(deps, asker.account, {
      responseId: some.id,
      message: 'please call after six',
      country: 'PL',
    })
    const again = await measures.requestClinicianAfterMeasure(deps, asker.account, {
      responseId: some.id,
      message: null,
      country: 'PL',
    })
    expect(first.created).toBe(true)
    expect(again).toEqual({ incidentId: first.incidentId, created: false })
    expect(await incidentsOf(asker.accountId)).toEqual([{ source: 'self_care', level: 'concern' }])
    expect((await measures.getMeasureResult(deps, asker.account, some.id)).clinicianRequested).toBe(true)
    const reasons = await deps.sql<{ reason: string | null }[]>`
      select s.reason from crisis_signals s join crisis_incidents i on i.id = s.incident_id where i.member_account_id = ${asker.accountId}`
    expect(reasons).toEqual([{ reason: 'please call after six' }])
  })

  it('"more than half the days" or "nearly every day" is raised as high', async () => {
    const asker = await makeAccount(deps, 'member')
    const saved = await measures.submitMeasure(deps, asker.account, 'phq9', phq9(20, 3))
    expect(saved.askAboutSupport).toBe(true)
    await measures.requestClinicianAfterMeasure(deps, asker.account, {
      responseId: saved.id,
      message: null,
      country: null,
    })
    expect(await incidentsOf(asker.accountId)).toEqual([{ source: 'self_care', level: 'high' }])
  })

  it('GAD-7 never asks (it has no such item)', async () => {
    const asker = await makeAccount(deps, 'member')
    expect((await measures.submitMeasure(deps, asker.account, 'gad7', [3, 3, 3, 3, 3, 3, 3])).askAboutSupport).toBe(
      false,
    )
  })
})

describe('consent gates every facilitator view', () => {
  it("shows a member's scores under the group pseudonym only while they consent, and only to that group's facilitators", async () => {
    // The earlier questionnaire a second before the later one: two answers in the same millisecond have no order.
    deps.setNow(new Date(Date.now() - 1_000))
    await measures.submitMeasure(deps, member.account, 'phq9', phq9(14))
    deps.setNow(null)
    await measures.submitMeasure(deps, member.account, 'phq9', phq9(9))
    await measures.submitMeasure(deps, quiet.account, 'phq9', phq9(22))

    // No consent yet: neither view shows anyone's scores.
    let view = await measures.getGroupMeasures(deps, facilitator.account, groupId)
    expect(view.members).toEqual([])
    expect(view.notSharing).toBe(2)
    let summary = await measures.getSessionSummary(deps, facilitator.account, groupId)
    expect(summary.members).toEqual([])
    expect(JSON.stringify([view, summary])).not.toMatch(/\b(9|14|22)\b.*severity|Rowan|Birch/)

    await measures.setMeasureConsent(deps, member.account, groupId, 'grant')
    view = await measures.getGroupMeasures(deps, facilitator.account, groupId)
    expect(view.members.map((m) => m.pseudonym)).toEqual(['Rowan'])
    const phq = view.members[0]!.trends.find((t) => t.instrument === 'phq9')!
    expect(phq.points.map((p) => p.total)).toEqual([14, 9])
    expect(phq.change).toBe(-5)
    expect(view.notSharing).toBe(1)
    expect(JSON.stringify(view)).not.toContain(member.accountId)
    expect(JSON.stringify(view)).not.toContain(member.account.username)
    summary = await measures.getSessionSummary(deps, facilitator.account, groupId)
    expect(summary.members.map((m) => m.pseudonym)).toEqual(['Rowan'])
    expect(summary.members[0]!.measures.find((m) => m.instrument === 'phq9')).toMatchObject({
      latest: 9,
      severity: 'mild',
      change: -5,
    })

    // Consent is for one group: the member's other group sees nothing.
    expect((await measures.getGroupMeasures(deps, otherFacilitator.account, otherGroupId)).members).toEqual([])
    expect((await measures.getSessionSummary(deps, otherFacilitator.account, otherGroupId)).members).toEqual([])

    // Withdrawn: gone from both views at once; the record keeps both times.
    await measures.setMeasureConsent(deps, member.account, groupId, 'withdraw')
    expect((await measures.getGroupMeasures(deps, facilitator.account, groupId)).members).toEqual([])
    expect((await measures.getSessionSummary(deps, facilitator.account, groupId)).members).toEqual([])
    const history = await deps.sql<{ grantedAt: Date; withdrawnAt: Date | null }[]>`
      select granted_at as "grantedAt", withdrawn_at as "withdrawnAt" from measure_consents where account_id = ${member.accountId}`
    expect(history).toHaveLength(1)
    expect(history[0]!.withdrawnAt).not.toBeNull()
    expect(
      (await measures.getMemberMeasures(deps, member.account)).consents.find((c) => c.groupId === groupId)!.sharedSince,
    ).toBeNull()
  })

  it('hides the scores of a member who left the group even if they had consented', async () => {
    const leaver = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, groupId, leaver, 'Hazel')
    await measures.submitMeasure(deps, leaver.account, 'gad7', gad7(7))
    await measures.setMeasureConsent(deps, leaver.account, groupId, 'grant')
    expect(
      (await measures.getGroupMeasures(deps, facilitator.account, groupId)).members.map((m) => m.pseudonym),
    ).toContain('Hazel')
    await leaveGroup(deps, leaver.account, groupId)
    expect(
      (await measures.getGroupMeasures(deps, facilitator.account, groupId)).members.map((m) => m.pseudonym),
    ).not.toContain('Hazel')
    expect(
      (await measures.getSessionSummary(deps, facilitator.account, groupId)).members.map((m) => m.pseudonym),
    ).not.toContain('Hazel')
  })

  it("gives members, other groups' facilitators, admins and strangers NOT_FOUND on every facilitator view and action", async () => {
    const admin = await makeAccount(deps, 'admin')
    for (const who of [member, outsider, otherFacilitator, admin]) {
      await expect(measures.getGroupMeasures(deps, who.account, groupId), 'measures').rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      await expect(measures.getSessionSummary(deps, who.account, groupId), 'summary').rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
      await expect(measures.requestMeasure(deps, who.account, groupId, 'phq9'), 'request').rejects.toMatchObject({
        code: 'NOT_FOUND',
      })
    }
    await expect(measures.getGroupMeasures(deps, facilitator.account, 'not-a-uuid')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('lets a member consent only for a group they are approved in', async () => {
    await expect(measures.setMeasureConsent(deps, outsider.account, groupId, 'grant')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
    const [row] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from measure_consents where account_id = ${outsider.accountId}`
    expect(row!.n).toBe(0)
  })
})

describe('requests, the summary and the reminder', () => {
  it('asks the members before the next session, emails each once naming nothing, and the summary shows who completed it', async () => {
    const group = await makeGroup(deps, facilitator, { title: 'Summary circle' })
    const a = await makeAccount(deps, 'member', { email: 'a@example.test' })
    const b = await makeAccount(deps, 'member', { email: 'b@example.test', locale: 'pl' })
    const c = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, group, a, 'Ash')
    await enrol(deps, facilitator, group, b, 'Beech')
    await enrol(deps, facilitator, group, c, 'Cedar')
    const homeworkId = await createHomework(
      deps,
      facilitator.account,
      group,
      homeworkSchema.parse({
        title: 'Notice one good thing',
        instructions: 'Each evening.',
        dueLocal: '2099-01-01T10:00',
        reflectionPrompt: '',
      }),
    )
    await deps.sql`update homework set due_at = now() + interval '30 minutes' where id = ${homeworkId}`
    await sessionStartingIn(deps, group, 60 * 24)
    // Before the request (a second before: in the same millisecond it would count as answering it).
    deps.setNow(new Date(Date.now() - 1_000))
    await measures.submitMeasure(deps, a.account, 'phq9', phq9(16))
    deps.setNow(null)

    const requestId = await measures.requestMeasure(deps, facilitator.account, group, 'phq9')
    // Asking again for the same session changes nothing and emails nobody twice.
    await expect(measures.requestMeasure(deps, facilitator.account, group, 'phq9')).rejects.toMatchObject({
      code: 'CONFLICT',
      fields: { instrument: 'measure_already_requested' },
    })
    // The reminder's outbox row, written with the request, holds its id only.
    const rows = await deps.sql<{ payload: unknown }[]>`select payload from outbox where job_name = 'measures:reminder'`
    expect(rows.map((r) => r.payload)).toEqual([{ requestId }])
    const send = () => measures.sendMeasureReminders(deps, { requestId })

    // Pending for every approved member; the one who answers before the email is not emailed.
    expect((await measures.getMemberMeasures(deps, a.account)).pending.map((p) => p.instrument)).toEqual(['phq9'])
    await measures.submitMeasure(deps, a.account, 'phq9', phq9(11))
    expect((await measures.getMemberMeasures(deps, a.account)).pending).toEqual([])

    expect(await send()).toEqual({ sent: 1 })
    expect(await send()).toEqual({ sent: 0 })
    const mails = deps.mail.mails.filter((m) => m.to.includes('b@example.test'))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Holdspace: coś na Ciebie czeka')
    expect(mails[0]!.text).toContain(`${deps.config.publicUrl}/care/measures`)
    expect(`${mails[0]!.subject} ${mails[0]!.text}`).not.toMatch(
      /phq|gad|depres|anxi|lęk|niepok|score|wynik|Summary circle|Beech|therap|terap/i,
    )
    expect(deps.mail.mails.some((m) => m.to.includes('a@example.test'))).toBe(false)
    expect(deps.logLines.join('\n')).not.toContain('b@example.test')

    await setHomeworkDone(deps, a.account, group, homeworkId, true)
    await setHomeworkDone(deps, b.account, group, homeworkId, true)
    await measures.setMeasureConsent(deps, a.account, group, 'grant')
    await measures.setMeasureConsent(deps, b.account, group, 'grant')
    const summary = await measures.getSessionSummary(deps, facilitator.account, group)
    expect(summary.notSharing).toBe(1)
    expect(summary.members).toEqual([
      {
        pseudonym: 'Ash',
        measures: [
          { instrument: 'phq9', requested: true, completed: true, latest: 11, severity: 'moderate', change: -5 },
          { instrument: 'gad7', requested: false, completed: false, latest: null, severity: null, change: null },
        ],
        homework: { done: 1, total: 1 },
      },
      {
        pseudonym: 'Beech',
        measures: [
          { instrument: 'phq9', requested: true, completed: false, latest: null, severity: null, change: null },
          { instrument: 'gad7', requested: false, completed: false, latest: null, severity: null, change: null },
        ],
        homework: { done: 1, total: 1 },
      },
    ])
    expect(summary.sessionLabel).not.toBeNull()
  })
})

describe('export and deletion', () => {
  it("exports the member's answers, scores and consents with their times", async () => {
    const exporter = await makeAccount(deps, 'member')
    await enrol(deps, facilitator, groupId, exporter, 'Spruce')
    await measures.submitMeasure(deps, exporter.account, 'gad7', [0, 1, 2, 3, 0, 1, 2])
    await measures.setMeasureConsent(deps, exporter.account, groupId, 'grant')
    await measures.setMeasureConsent(deps, exporter.account, groupId, 'withdraw')
    await measures.setMeasureConsent(deps, exporter.account, groupId, 'grant')
    const data = await measures.exportMeasuresData(deps, exporter.accountId)
    expect(data.responses).toMatchObject([
      { instrument: 'gad7', answers: [0, 1, 2, 3, 0, 1, 2], total: 9, severity: 'mild' },
    ])
    expect(data.consents).toHaveLength(2)
    expect(data.consents[0]).toMatchObject({ group: { id: groupId, title: 'Tuesday circle' } })
    expect(data.consents[0]!.withdrawnAt).not.toBeNull()
    expect(data.consents[1]!.withdrawnAt).toBeNull()
  })

  it("deleting the account removes the answers, consents and reminder sends; the facilitator's request stays with the group", async () => {
    const leaving = await makeAccount(deps, 'member', { email: 'leaving@example.test' })
    await enrol(deps, facilitator, groupId, leaving, 'Willow')
    await measures.submitMeasure(deps, leaving.account, 'phq9', phq9(5))
    await measures.setMeasureConsent(deps, leaving.account, groupId, 'grant')
    const requestId = await measures.requestMeasure(deps, facilitator.account, groupId, 'gad7')
    expect(await measures.sendMeasureReminders(deps, { requestId })).toMatchObject({ sent: expect.any(Number) })
    const counts = async () => {
      const [row] = await deps.sql<{ responses: number; consents: number; reminders: number }[]>`
        select (select count(*)::int from measure_responses where account_id = ${leaving.accountId}) as responses,
               (select count(*)::int from measure_consents where account_id = ${leaving.accountId}) as consents,
               (select count(*)::int from measure_reminders where account_id = ${leaving.accountId}) as reminders`
      return row
    }
    expect(await counts()).toEqual({ responses: 1, consents: 1, reminders: 1 })
    // What deleteAccount does once its checks pass: the account row goes, and every member-owned row with it.
    await deps.sql`delete from accounts where id = ${leaving.accountId}`
    expect(await counts()).toEqual({ responses: 0, consents: 0, reminders: 0 })
    const [request] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from measure_requests where id = ${requestId}`
    expect(request!.n).toBe(1)
  })
})
