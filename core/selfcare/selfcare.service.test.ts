import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../../tests/support/groups.js'
import { AppError } from '../errors.js'
import * as selfcare from './selfcare.service.js'

/**
 * Self-care, private to the member: the journal is ciphertext in the database and nobody else — another member,
 * a facilitator, a clinician, an admin — can read, change or delete it; mood check-ins are limited per local day;
 * crisis-level text raises nothing until the member says yes; goals are the member's, shown to a group's
 * facilitators only when agreed with that group; export has everything and erasure removes everything.
 */
let deps: TestDeps
let member: TestAccount
let otherMember: TestAccount
let clinician: TestAccount
let admin: TestAccount
let facilitator: TestAccount
let otherFacilitator: TestAccount
let groupId: string
let otherGroupId: string

const CRISIS_TEXT = 'I have decided to kill myself tonight, I have the pills ready.'

beforeAll(async () => {
  deps = await createTestDeps()
  member = await makeAccount(deps, 'member', { timeZone: 'Asia/Tokyo', email: 'member@example.org' })
  otherMember = await makeAccount(deps, 'member')
  clinician = await makeAccount(deps, 'clinician')
  admin = await makeAccount(deps, 'admin')
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Goals')
  otherFacilitator = await makeVerifiedFacilitator(deps, 'Dr Elsewhere')
  groupId = await makeGroup(deps, facilitator, { title: 'Steady steps' })
  otherGroupId = await makeGroup(deps, otherFacilitator, { title: 'Another circle' })
  await enrol(deps, facilitator, groupId, member, 'Fern')
  await enrol(deps, facilitator, groupId, otherMember, 'Moss')
})
afterAll(async () => {
  await deps?.close()
})

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'resolved'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

async function fieldOf(promise: Promise<unknown>): Promise<Record<string, string> | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    if (error instanceof AppError) return error.fields
    throw error
  }
}

const others = () => [otherMember, facilitator, clinician, admin]

async function crisisFootprint(accountId: string) {
  const [incidents] = await deps.sql<
    { n: number }[]
  >`select count(*)::int as n from crisis_incidents where member_account_id = ${accountId}`
  const [outbox] = await deps.sql<{ n: number }[]>`select count(*)::int as n from outbox where job_name like 'crisis:%'`
  return { incidents: incidents!.n, outbox: outbox!.n }
}

/** Every crisis table, the outbox and the audit log as text: what a clinician or an operator could ever see. */
async function everythingOutsideSelfCare(): Promise<string> {
  const tables = [
    'crisis_incidents',
    'crisis_signals',
    'crisis_events',
    'crisis_notes',
    'crisis_chat_messages',
    'outbox',
    'audit_log',
  ]
  let all = ''
  for (const table of tables) {
    const rows = await deps.sql.unsafe(`select t::text as row from ${table} t`)
    all += rows.map((r) => r.row as string).join('\n')
  }
  return `${all}\n${deps.logLines.join('')}`
}

describe('the private journal', () => {
  it('is ciphertext in the database, readable only by its author', async () => {
    const body = 'Rainy-walk marker 7Q: I told my sister about the new job.'
    const saved = await selfcare.writeJournalEntry(deps, member.account, { title: 'Sunday thoughts XK4', body })
    expect(saved.askAboutSupport).toBe(false)

    const [row] = await deps.sql<{ titleEnc: Buffer; bodyEnc: Buffer; dump: string }[]>`
      select title_enc as "titleEnc", body_enc as "bodyEnc", j::text as dump from journal_entries j where id = ${saved.id}`
    for (const needle of ['Rainy-walk', 'sister', 'XK4', 'Sunday']) {
      expect(row!.bodyEnc.includes(Buffer.from(needle))).toBe(false)
      expect(row!.titleEnc.includes(Buffer.from(needle))).toBe(false)
      expect(row!.dump).not.toContain(needle)
    }
    // The member key is stored only wrapped; nothing in the key table is the raw key of 32 bytes.
    const [key] = await deps.sql<
      { wrappedKey: Buffer }[]
    >`select wrapped_key as "wrappedKey" from selfcare_keys where account_id = ${member.accountId}`
    expect(key!.wrappedKey.length).toBeGreaterThan(32 + 16)

    const own = await selfcare.getJournalEntry(deps, member.account, saved.id)
    expect(own).toMatchObject({ id: saved.id, title: 'Sunday thoughts XK4', body })
    expect((await selfcare.listJournal(deps, member.account)).map((e) => e.title)).toContain('Sunday thoughts XK4')

    for (const someone of others()) {
      expect(await codeOf(selfcare.getJournalEntry(deps, someone.account, saved.id))).toBe('NOT_FOUND')
      expect(
        await codeOf(
          selfcare.updateJournalEntry(deps, someone.account, saved.id, { title: null, body: 'overwritten' }),
        ),
      ).toBe('NOT_FOUND')
      expect(await codeOf(selfcare.deleteJournalEntry(deps, someone.account, saved.id))).toBe('NOT_FOUND')
      expect(await selfcare.listJournal(deps, someone.account)).toEqual([])
    }
    expect((await selfcare.getJournalEntry(deps, member.account, saved.id)).body).toBe(body)
  })

  it('binds each ciphertext to its entry: a body copied onto another entry does not open', async () => {
    const a = await selfcare.writeJournalEntry(deps, member.account, { title: null, body: 'First entry' })
    const b = await selfcare.writeJournalEntry(deps, member.account, { title: null, body: 'Second entry' })
    await deps.sql`update journal_entries set body_enc = (select body_enc from journal_entries where id = ${a.id}) where id = ${b.id}`
    await expect(selfcare.getJournalEntry(deps, member.account, b.id)).rejects.toThrow()
    await selfcare.deleteJournalEntry(deps, member.account, b.id)
  })

  it('lets the author edit and delete entries', async () => {
    const saved = await selfcare.writeJournalEntry(deps, member.account, { title: null, body: 'Draft' })
    await selfcare.updateJournalEntry(deps, member.account, saved.id, { title: 'Titled', body: 'Edited text' })
    expect(await selfcare.getJournalEntry(deps, member.account, saved.id)).toMatchObject({
      title: 'Titled',
      body: 'Edited text',
    })
    await selfcare.deleteJournalEntry(deps, member.account, saved.id)
    expect(await codeOf(selfcare.getJournalEntry(deps, member.account, saved.id))).toBe('NOT_FOUND')
    expect(await codeOf(selfcare.getJournalEntry(deps, member.account, 'not-an-id'))).toBe('NOT_FOUND')
  })
})

describe('mood check-ins', () => {
  it("allow three a day in the member's own time zone, with a clear code for the fourth", async () => {
    // 23:30 in Tokyo on 10 March…
    deps.setNow(new Date('2026-03-10T14:30:00Z'))
    for (const score of [3, 5, 6])
      await selfcare.recordMoodCheckIn(deps, member.account, { score, feelings: ['tired'], note: null })
    expect(
      await fieldOf(selfcare.recordMoodCheckIn(deps, member.account, { score: 7, feelings: [], note: null })),
    ).toEqual({ checkIn: 'mood_daily_limit' })
    expect(await codeOf(selfcare.recordMoodCheckIn(deps, member.account, { score: 7, feelings: [], note: null }))).toBe(
      'RATE_LIMITED',
    )
    const overview = await selfcare.getMoodOverview(deps, member.account, 30)
    expect(overview.todayCount).toBe(3)
    expect(overview.today).toBe('2026-03-10')
    // …and 00:30 on 11 March: a new day there, although still 10 March in UTC.
    deps.setNow(new Date('2026-03-10T15:30:00Z'))
    await selfcare.recordMoodCheckIn(deps, member.account, {
      score: 8,
      feelings: ['calm', 'hopeful'],
      note: 'Slept well — note 5R',
    })
    deps.setNow(null)
  })

  it('seal the note, chart the daily average over 30 or 90 days, and stay private', async () => {
    deps.setNow(new Date('2026-03-11T03:00:00Z'))
    const [row] = await deps.sql<
      { dump: string }[]
    >`select m::text as dump from mood_checkins m where account_id = ${member.accountId} and note_enc is not null`
    expect(row!.dump).not.toContain('5R')
    expect(row!.dump).not.toContain('Slept')

    const month = await selfcare.getMoodOverview(deps, member.account, 30)
    expect(month.days).toHaveLength(30)
    expect(month.days.at(-1)).toMatchObject({ date: '2026-03-11', average: 8, count: 1 })
    expect(month.days.at(-2)).toMatchObject({ date: '2026-03-10', average: 4.7, count: 3 })
    expect(month.days[0]!.average).toBeNull()
    expect(month.latest).toMatchObject({ score: 8, feelings: ['calm', 'hopeful'], note: 'Slept well — note 5R' })
    expect((await selfcare.getMoodOverview(deps, member.account, 90)).days).toHaveLength(90)

    for (const someone of others()) {
      const theirs = await selfcare.getMoodOverview(deps, someone.account, 30)
      expect(theirs.latest).toBeNull()
      expect(theirs.recent).toEqual([])
      expect(await codeOf(selfcare.deleteMoodCheckIn(deps, someone.account, month.latest!.id))).toBe('NOT_FOUND')
    }
    deps.setNow(null)
  })
})

describe('crisis-level text', () => {
  it('is saved, raises nothing, and asks; only a yes tells a clinician — once, without the entry', async () => {
    const before = await crisisFootprint(member.accountId)
    const saved = await selfcare.writeJournalEntry(deps, member.account, {
      title: null,
      body: `Diary 9Z. ${CRISIS_TEXT}`,
    })
    expect(saved.askAboutSupport).toBe(true)
    expect((await selfcare.getJournalEntry(deps, member.account, saved.id)).body).toContain('Diary 9Z')
    expect(await crisisFootprint(member.accountId)).toEqual(before)
    expect(await selfcare.getSupportPrompt(deps, member.account, 'journal', saved.id)).toMatchObject({
      ask: true,
      alreadyRequested: false,
    })

    // Nobody else can say yes for it, and a yes for an ordinary entry is refused.
    const plain = await selfcare.writeJournalEntry(deps, member.account, { title: null, body: 'A quiet day.' })
    expect(
      await codeOf(
        selfcare.requestClinicianContact(deps, otherMember.account, {
          kind: 'journal',
          entryId: saved.id,
          message: null,
          country: null,
        }),
      ),
    ).toBe('NOT_FOUND')
    expect(
      await codeOf(
        selfcare.requestClinicianContact(deps, member.account, {
          kind: 'journal',
          entryId: plain.id,
          message: null,
          country: null,
        }),
      ),
    ).toBe('CONFLICT')
    expect(
      await codeOf(
        selfcare.requestClinicianContact(deps, member.account, {
          kind: 'mood',
          entryId: saved.id,
          message: null,
          country: null,
        }),
      ),
    ).toBe('NOT_FOUND')
    expect(await crisisFootprint(member.accountId)).toEqual(before)

    const yes = { kind: 'journal' as const, entryId: saved.id, message: 'Please call after 6pm', country: 'PL' }
    const [first, second] = await Promise.all([
      selfcare.requestClinicianContact(deps, member.account, yes),
      selfcare.requestClinicianContact(deps, member.account, yes),
    ])
    expect(first.incidentId).toBeTruthy()
    expect(second.incidentId).toBe(first.incidentId)
    expect([first.created, second.created].filter(Boolean)).toHaveLength(1)
    expect((await crisisFootprint(member.accountId)).incidents).toBe(before.incidents + 1)
    const incidents = await deps.sql<{ source: string; level: string; country: string | null }[]>`
      select source, level, member_country as country from crisis_incidents where member_account_id = ${member.accountId}`
    expect(incidents).toEqual([{ source: 'self_care', level: 'imminent', country: 'PL' }])
    const signals = await deps.sql<{ reason: string | null }[]>`
      select s.reason from crisis_signals s join crisis_incidents i on i.id = s.incident_id where i.member_account_id = ${member.accountId}`
    expect(signals).toEqual([{ reason: 'Please call after 6pm' }])
    expect(await selfcare.getSupportPrompt(deps, member.account, 'journal', saved.id)).toMatchObject({
      alreadyRequested: true,
    })

    const visible = await everythingOutsideSelfCare()
    for (const needle of ['Diary 9Z', 'pills ready', 'kill myself', 'quiet day']) expect(visible).not.toContain(needle)
  })

  it('in a mood note is handled the same way, and "no" creates nothing', async () => {
    const someone = await makeAccount(deps, 'member')
    const saved = await selfcare.recordMoodCheckIn(deps, someone.account, {
      score: 1,
      feelings: ['numb'],
      note: `Mood 4T. ${CRISIS_TEXT}`,
    })
    expect(saved.askAboutSupport).toBe(true)
    expect(await crisisFootprint(someone.accountId)).toMatchObject({ incidents: 0 })
    const calm = await selfcare.recordMoodCheckIn(deps, someone.account, { score: 2, feelings: [], note: 'Low but ok' })
    expect(calm.askAboutSupport).toBe(false)
    // Saying no is just not saying yes: the service is never called and nothing is stored.
    expect(await crisisFootprint(someone.accountId)).toMatchObject({ incidents: 0 })
    const [requests] = await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from selfcare_support_requests where account_id = ${someone.accountId}`
    expect(requests!.n).toBe(0)

    const yes = await selfcare.requestClinicianContact(deps, someone.account, {
      kind: 'mood',
      entryId: saved.id,
      message: null,
      country: null,
    })
    expect(yes.created).toBe(true)
    expect(await crisisFootprint(someone.accountId)).toMatchObject({ incidents: 1 })
    expect(await everythingOutsideSelfCare()).not.toContain('Mood 4T')
  })
})

describe('goals', () => {
  it("belong to the member; a goal agreed with a group is readable by that group's facilitators only, under the group pseudonym", async () => {
    expect(await selfcare.goalGroupChoices(deps, member.account)).toEqual([{ id: groupId, title: 'Steady steps' }])
    expect(
      await fieldOf(
        selfcare.createGoal(deps, member.account, { title: 'x', why: '', steps: [], groupId: otherGroupId }),
      ),
    ).toEqual({ groupId: 'goal_group_invalid' })

    const shared = await selfcare.createGoal(deps, member.account, {
      title: 'Walk more',
      why: 'Clears my head',
      steps: ['Walk 10 minutes', 'Walk to work once'],
      groupId,
    })
    const privateGoal = await selfcare.createGoal(deps, member.account, {
      title: 'Private goal',
      why: '',
      steps: [],
      groupId: null,
    })
    const goal = await selfcare.getGoal(deps, member.account, shared)
    expect(goal.progress).toEqual({ done: 0, total: 2 })
    await selfcare.setGoalStepDone(deps, member.account, shared, goal.steps[0]!.id, true)
    await selfcare.addGoalCheckIn(deps, member.account, shared, {
      note: 'Two walks this week',
      rating: 4,
      date: '2026-03-12',
    })
    await selfcare.addGoalStep(deps, member.account, shared, 'Walk with a friend')
    const updated = await selfcare.getGoal(deps, member.account, shared)
    expect(updated.progress).toEqual({ done: 1, total: 3 })
    expect(updated.checkIns).toMatchObject([{ note: 'Two walks this week', rating: 4, date: '2026-03-12' }])
    await selfcare.setGoalStepDone(deps, member.account, shared, goal.steps[0]!.id, false)
    expect((await selfcare.getGoal(deps, member.account, shared)).progress.done).toBe(0)

    for (const someone of others()) {
      expect(await codeOf(selfcare.getGoal(deps, someone.account, shared))).toBe('NOT_FOUND')
      expect(await codeOf(selfcare.setGoalStepDone(deps, someone.account, shared, goal.steps[0]!.id, true))).toBe(
        'NOT_FOUND',
      )
      expect(
        await codeOf(
          selfcare.addGoalCheckIn(deps, someone.account, shared, { note: 'x', rating: null, date: '2026-03-12' }),
        ),
      ).toBe('NOT_FOUND')
      expect(await codeOf(selfcare.setGoalStatus(deps, someone.account, shared, 'archived'))).toBe('NOT_FOUND')
    }

    const view = await selfcare.listGroupGoals(deps, facilitator.account, groupId)
    expect(view.members).toHaveLength(1)
    expect(view.members[0]!.pseudonym).toBe('Fern')
    expect(view.members[0]!.goals.map((g) => g.title)).toEqual(['Walk more'])
    expect(view.members[0]!.goals[0]!.checkIns[0]!.note).toBe('Two walks this week')
    expect(JSON.stringify(view)).not.toContain(member.account.username)
    expect(JSON.stringify(view)).not.toContain(member.accountId)
    expect(JSON.stringify(view)).not.toContain('Private goal')
    for (const someone of [otherMember, member, otherFacilitator, clinician, admin]) {
      expect(await codeOf(selfcare.listGroupGoals(deps, someone.account, groupId))).toBe('NOT_FOUND')
    }

    // Archived goals stay with the member; completing keeps it visible.
    await selfcare.setGoalStatus(deps, member.account, shared, 'completed')
    expect((await selfcare.listGroupGoals(deps, facilitator.account, groupId)).members[0]!.goals[0]!.status).toBe(
      'completed',
    )
    await selfcare.setGoalStatus(deps, member.account, shared, 'archived')
    expect((await selfcare.listGroupGoals(deps, facilitator.account, groupId)).members).toEqual([])
    await selfcare.setGoalStatus(deps, member.account, shared, 'active')
    expect((await selfcare.listGoals(deps, member.account)).map((g) => g.id).sort()).toEqual(
      [shared, privateGoal].sort(),
    )
  })
})

describe('export and erasure', () => {
  it("export has everything of the member's, decrypted; deleting the account removes every row and the key", async () => {
    const person = await makeAccount(deps, 'member', { email: 'erase@example.org' })
    await enrol(deps, facilitator, groupId, person, 'Heather')
    const entry = await selfcare.writeJournalEntry(deps, person.account, { title: 'Export title', body: 'Export body' })
    await selfcare.recordMoodCheckIn(deps, person.account, { score: 6, feelings: ['content'], note: 'Export note' })
    const crisisMood = await selfcare.recordMoodCheckIn(deps, person.account, {
      score: 2,
      feelings: [],
      note: CRISIS_TEXT,
    })
    await selfcare.requestClinicianContact(deps, person.account, {
      kind: 'mood',
      entryId: crisisMood.id,
      message: null,
      country: null,
    })
    const goalId = await selfcare.createGoal(deps, person.account, {
      title: 'Export goal',
      why: 'Because',
      steps: ['Step one'],
      groupId,
    })
    await selfcare.addGoalCheckIn(deps, person.account, goalId, {
      note: 'Export goal note',
      rating: null,
      date: '2026-03-01',
    })
    await selfcare.saveReminderPreference(deps, person.account, { mode: 'daily', time: '20:30', email: true })

    const data = await selfcare.exportSelfCareData(deps, person.accountId)
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
    expect(data.journal).toMatchObject([{ id: entry.id, title: 'Export title', body: 'Export body' }])
    expect(data.moodCheckIns.map((m) => m.note).sort()).toEqual([CRISIS_TEXT, 'Export note'].sort())
    expect(data.goals).toMatchObject([
      {
        title: 'Export goal',
        why: 'Because',
        steps: [{ text: 'Step one', done: false }],
        checkIns: [{ note: 'Export goal note' }],
        agreedWithGroup: { id: groupId },
      },
    ])
    expect(data.reminder).toEqual({ daily: true, time: '20:30', email: true })
    expect(data.clinicianContactRequests).toMatchObject([{ entryKind: 'mood', entryId: crisisMood.id }])
    expect(JSON.stringify(await selfcare.exportSelfCareData(deps, member.accountId))).not.toContain('Export')

    const tables = [
      'selfcare_keys',
      'journal_entries',
      'mood_checkins',
      'selfcare_goals',
      'selfcare_reminders',
      'selfcare_support_requests',
    ]
    const remaining = async () => {
      let n = 0
      for (const table of tables)
        n += Number(
          (
            await deps.sql.unsafe(`select count(*)::int as n from ${table} where account_id = $1`, [person.accountId])
          )[0]!.n,
        )
      n += (await deps.sql`select count(*)::int as n from selfcare_goal_steps where goal_id = ${goalId}`)[0]!
        .n as number
      n += (await deps.sql`select count(*)::int as n from selfcare_goal_checkins where goal_id = ${goalId}`)[0]!
        .n as number
      return n
    }
    expect(await remaining()).toBeGreaterThan(6)
    await deps.sql`delete from accounts where id = ${person.accountId}`
    expect(await remaining()).toBe(0)
    expect(await selfcare.exportSelfCareData(deps, person.accountId)).toMatchObject({
      journal: [],
      moodCheckIns: [],
      goals: [],
      reminder: null,
    })
  })
})
