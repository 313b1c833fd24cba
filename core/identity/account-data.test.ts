/**
 * "Export my data" and "delete my account" across every slice: a member who has used all of Holdspace gets all
 * of it back in the export (decrypted), and after deletion nothing in the database still points at them or
 * holds what they wrote, and files they uploaded are gone from storage.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import argon2 from 'argon2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import {
  enrol,
  groupInput,
  makeAccount,
  makeVerifiedFacilitator,
  type TestAccount,
} from '../../tests/support/groups.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { enterRoom, sendMessage as sendChatMessage } from '../chat/chat.service.js'
import { createGroup, facilitatorKey } from '../groups/groups.service.js'
import { deleteAccount, exportAccountData } from './identity.service.js'
import * as selfcare from '../selfcare/selfcare.service.js'
import * as goals from '../selfcare/goals.service.js'
import { saveReminderPreference } from '../selfcare/reminders.service.js'
import * as library from '../library/library.service.js'
import { storeUpload } from '../library/library.upload.js'
import * as messages from '../messages/messages.service.js'
import * as measures from '../measures/measures.service.js'
import { goalSchema, moodCheckInSchema, reminderSchema } from '../selfcare/selfcare.schema.js'
import { homeworkSchema } from '../library/library.schema.js'
import { resolveIncident } from '../crisis/crisis.service.js'
import { addReaction } from '../reactions/reactions.service.js'
import * as sessionNotes from '../sessionnotes/sessionnotes.service.js'

const PASSWORD = 'a long secret phrase'
let deps: TestDeps
let uploadsDir: string
let facilitator: TestAccount
let member: TestAccount
let groupId: string

async function* chunks(buffer: Buffer) {
  yield new Uint8Array(buffer)
}

/** Every uuid column of every table that holds `id`, as "table.column". */
async function rowsPointingAt(id: string): Promise<string[]> {
  const columns = await deps.sql<{ table: string; column: string }[]>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = 'public' and data_type = 'uuid'`
  const found: string[] = []
  for (const { table, column } of columns) {
    const [row] = await deps.sql.unsafe<{ n: number }[]>(
      `select count(*)::int as n from "${table}" where "${column}" = $1`,
      [id],
    )
    if (row!.n > 0) found.push(`${table}.${column}`)
  }
  return found
}

/** Every text column of every table that contains `needle`. */
async function textsContaining(needle: string): Promise<string[]> {
  const columns = await deps.sql<{ table: string; column: string }[]>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'character varying')`
  const found: string[] = []
  for (const { table, column } of columns) {
    const [row] = await deps.sql.unsafe<{ n: number }[]>(
      `select count(*)::int as n from "${table}" where "${column}"::text like '%' || $1 || '%'`,
      [needle],
    )
    if (row!.n > 0) found.push(`${table}.${column}`)
  }
  return found
}

beforeAll(async () => {
  uploadsDir = await mkdtemp(path.join(os.tmpdir(), 'hs-erasure-'))
  deps = await createTestDeps({ UPLOADS_DIR: uploadsDir })
  await createSeedRooms(deps)
  facilitator = await makeVerifiedFacilitator(deps, 'Dr Export')
  member = await makeAccount(deps, 'member', {
    email: 'everything@example.test',
    password: await argon2.hash(PASSWORD),
    timeZone: 'Europe/Warsaw',
  })
  groupId = await createGroup(deps, facilitator.account, groupInput({ title: 'Thursday circle' }))
  await enrol(deps, facilitator, groupId, member, 'Linden')
})
afterAll(async () => {
  await deps.close()
  await rm(uploadsDir, { recursive: true, force: true })
})

describe('export and erasure across every slice', () => {
  it('exports everything the member has, then deletion leaves nothing of theirs', async () => {
    const me = member.account
    // Self-care
    await selfcare.writeJournalEntry(deps, me, { title: 'Sunday', body: 'JOURNAL-7731 the walk by the river helped' })
    await selfcare.recordMoodCheckIn(
      deps,
      me,
      moodCheckInSchema.parse({ score: '6', feelings: 'calm,tired', note: 'MOODNOTE-4410 slept badly' }),
    )
    const goalId = await goals.createGoal(
      deps,
      me,
      goalSchema.parse({
        title: 'GOAL-1902 walk daily',
        why: 'it clears my head',
        steps: 'shoes by the door\n10 minutes',
        groupId,
      }),
    )
    await goals.addGoalCheckIn(deps, me, goalId, {
      note: 'GOALCHECK-5521 did three days',
      rating: 4,
      date: '2026-11-20',
    })
    await saveReminderPreference(deps, me, reminderSchema.parse({ mode: 'daily', time: '20:30', email: 'on' }))
    // Homework and the group's library
    const homeworkId = await library.createHomework(
      deps,
      facilitator.account,
      groupId,
      homeworkSchema.parse({
        title: 'Three good things',
        instructions: 'Write down three good things each evening.',
        dueLocal: '2026-12-01',
        reflectionPrompt: 'What surprised you?',
      }),
    )
    await library.setHomeworkDone(deps, me, groupId, homeworkId, true)
    await library.saveReflection(deps, me, groupId, homeworkId, 'REFLECT-8830 the small things count')
    // A private message to the facilitator and the answer
    const sent = await messages.sendMessage(
      deps,
      me,
      { groupId },
      { body: 'DM-6604 can we talk about Thursday?', clientId: messages.newClientId() },
    )
    await messages.sendMessage(
      deps,
      facilitator.account,
      { threadId: sent.threadId },
      { body: 'Of course, see you then.', clientId: messages.newClientId() },
    )
    // A peer room under a room pseudonym, one message; another member in the same room
    await enterRoom(deps, { accountId: member.accountId, role: 'member', pseudonymMode: 'ask' }, 'low-mood', {
      pseudonymChoice: 'own',
      pseudonym: 'Quillon',
    })
    await sendChatMessage(
      deps,
      { accountId: member.accountId, role: 'member' },
      { roomId: await roomIdOf(deps, 'low-mood'), clientId: messages.newClientId(), body: 'CHAT-3317 hello everyone' },
    )
    const chatter = await chatMember(deps, 'low-mood', { pseudonym: 'Juniper', email: 'chat@example.test' })
    // A hug on the other member's message (decision 040)
    const peerMessage = await sendChatMessage(
      deps,
      { accountId: chatter.accountId, role: 'member' },
      { roomId: await roomIdOf(deps, 'low-mood'), clientId: messages.newClientId(), body: 'rough week' },
    )
    await addReaction(deps, member.accountId, {
      roomId: await roomIdOf(deps, 'low-mood'),
      messageId: peerMessage.id,
      kind: 'hug',
    })
    // A GAD-7 shared with the group (answers, total and consent are the member's; the request stays with the group)
    await measures.submitMeasure(deps, me, 'gad7', [3, 2, 1, 0, 3, 2, 1])
    await measures.setMeasureConsent(deps, me, groupId, 'grant')
    await measures.requestMeasure(deps, facilitator.account, groupId, 'phq9')
    // A session the member attended, with the facilitator's note about them (decision 042)
    const [past] = await deps.sql<{ id: string }[]>`
      insert into group_sessions (group_id, occurrence_at, starts_at, ends_at)
      values (${groupId}, now() - interval '2 hours', now() - interval '2 hours', now() - interval '1 hour')
      returning id`
    await sessionNotes.saveAttendance(deps, facilitator.account, past!.id, [{ pseudonym: 'Linden', status: 'late' }])
    await sessionNotes.saveNotes(deps, facilitator.account, past!.id, {
      session: 'the whole group',
      members: [{ pseudonym: 'Linden', text: 'SESSIONNOTE-6120 spoke about the move' }],
    })

    const exportedData = await exportAccountData(deps, member.accountId)
    expect(
      (exportedData as { measures?: { responses: Array<{ answers: number[] }>; consents: unknown[] } }).measures,
    ).toMatchObject({
      responses: [{ answers: [3, 2, 1, 0, 3, 2, 1] }],
      consents: [{ group: { id: groupId } }],
    })
    expect((exportedData as { sessionNotes?: unknown }).sessionNotes).toMatchObject({
      attendance: [{ group: 'Thursday circle', status: 'late' }],
      notesAboutMe: [{ group: 'Thursday circle', note: 'SESSIONNOTE-6120 spoke about the move' }],
    })
    expect((exportedData as { reactions?: unknown[] }).reactions).toEqual([
      expect.objectContaining({ messageId: peerMessage.id, kind: 'hug' }),
    ])
    const exported = JSON.stringify(exportedData)
    for (const text of [
      'JOURNAL-7731',
      'MOODNOTE-4410',
      'GOAL-1902',
      'GOALCHECK-5521',
      'REFLECT-8830',
      'DM-6604',
      'Of course, see you then.',
      'Linden',
      'Quillon',
      'CHAT-3317',
      'Thursday circle',
      '20:30',
      'SESSIONNOTE-6120',
    ]) {
      expect(exported, text).toContain(text)
    }

    await deleteAccount(deps, member.accountId, PASSWORD)
    expect(await rowsPointingAt(member.accountId)).toEqual([])
    for (const text of [
      'MOODNOTE',
      'GOAL-1902',
      'GOALCHECK-5521',
      'REFLECT-8830',
      'DM-6604',
      'Linden',
      'Quillon',
      'CHAT-3317',
    ]) {
      expect(await textsContaining(text), text).toEqual([])
    }
    // The facilitator's homework stays with the group; the other member's chat account is untouched.
    const [homework] = await deps.sql<{ n: number }[]>`select count(*)::int as n from homework where id = ${homeworkId}`
    expect(homework!.n).toBe(1)
    expect(await deps.sql`select kind from message_reactions where message_id = ${peerMessage.id}`).toEqual([])
    expect(await rowsPointingAt(chatter.accountId)).not.toEqual([])
  })

  it('deleting an account removes the files it uploaded from storage', async () => {
    const contributor = await makeVerifiedFacilitator(deps, 'Dr Uploads')
    await deps.sql`update accounts set password_hash = ${await argon2.hash(PASSWORD)} where id = ${contributor.accountId}`
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'),
      Buffer.alloc(2000, 7),
      Buffer.from('\n%%EOF\n'),
    ])
    const stored = await storeUpload(deps, {
      fileName: 'grounding.pdf',
      contentType: 'application/pdf',
      data: chunks(pdf),
    })
    await library.addFileResource(
      deps,
      contributor.account,
      { public: true },
      { title: 'Grounding exercise', description: '' },
      stored,
    )
    const filesIn = async () =>
      (await readdir(uploadsDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
    expect(await filesIn()).not.toEqual([])

    await deleteAccount(deps, contributor.accountId, PASSWORD)
    expect(await filesIn()).toEqual([])
    expect(await rowsPointingAt(contributor.accountId)).toEqual([])
  })

  it('refuses, changing nothing, to delete a facilitator who leads a group; a co-facilitator leaves the group to its lead', async () => {
    const lead = await makeVerifiedFacilitator(deps, 'Dr Lead')
    const co = await makeVerifiedFacilitator(deps, 'Dr Co')
    for (const person of [lead, co])
      await deps.sql`update accounts set password_hash = ${await argon2.hash(PASSWORD)} where id = ${person.accountId}`
    const led = await createGroup(
      deps,
      lead.account,
      groupInput({ title: 'Co-led circle', coFacilitator: facilitatorKey(deps, co.accountId) }),
    )

    await expect(deleteAccount(deps, lead.accountId, PASSWORD)).rejects.toMatchObject({ code: 'LEADS_GROUPS' })
    const [still] = await deps.sql<{ n: number }[]>`
      select count(*)::int as n from sessions where account_id = ${lead.accountId} and revoked_at is null`
    expect(still!.n).toBe(1)

    await deleteAccount(deps, co.accountId, PASSWORD)
    const [group] = await deps.sql<{ facilitatorId: string; coFacilitatorId: string | null }[]>`
      select facilitator_id as "facilitatorId", co_facilitator_id as "coFacilitatorId" from groups where id = ${led}`
    expect(group).toEqual({ facilitatorId: lead.accountId, coFacilitatorId: null })
    expect(await rowsPointingAt(co.accountId)).toEqual([])
  })

  it('keeps the note written for the clinician in the export, and waits with deletion while the member has an open crisis (decision 020)', async () => {
    const person = await makeAccount(deps, 'member', { password: await argon2.hash(PASSWORD) })
    const clinician = await makeAccount(deps, 'clinician')
    const entry = await selfcare.writeJournalEntry(deps, person.account, {
      title: null,
      body: 'I have decided to kill myself tonight, I have the pills ready.',
    })
    const asked = await selfcare.requestClinicianContact(deps, person.account, {
      kind: 'journal',
      entryId: entry.id,
      message: 'NOTE-5150 please call me, I am at home tonight',
      country: 'GB',
    })
    const incidentId = asked.incidentId!

    const exported = await exportAccountData(deps, person.accountId)
    expect(exported.crisis).toMatchObject([
      { status: 'open', notesForClinician: [{ body: 'NOTE-5150 please call me, I am at home tonight' }] },
    ])

    const footprint = async () => {
      const [row] = await deps.sql<
        { accounts: number; incidents: number; signals: number; sessions: number; outbox: number }[]
      >`
        select (select count(*)::int from accounts where id = ${person.accountId}) as accounts,
               (select count(*)::int from crisis_incidents where member_account_id = ${person.accountId} and status <> 'resolved') as incidents,
               (select count(*)::int from crisis_signals where incident_id = ${incidentId}) as signals,
               (select count(*)::int from sessions where account_id = ${person.accountId} and revoked_at is null) as sessions,
               (select count(*)::int from outbox where payload->>'incidentId' = ${incidentId}) as outbox`
      return row!
    }
    const before = await footprint()
    expect(before).toMatchObject({ accounts: 1, incidents: 1, signals: 1, sessions: 1 })
    await expect(deleteAccount(deps, person.accountId, PASSWORD)).rejects.toMatchObject({ code: 'CRISIS_OPEN' })
    expect(await footprint()).toEqual(before)

    // Once the clinician has resolved it, the member's erasure goes ahead and takes the incident with it.
    await resolveIncident(deps, { accountId: clinician.accountId, role: 'clinician' }, incidentId, {
      outcome: 'safety_plan',
    })
    await deleteAccount(deps, person.accountId, PASSWORD)
    expect(await rowsPointingAt(person.accountId)).toEqual([])
    expect(await textsContaining('NOTE-5150')).toEqual([])
  })
})
