/**
 * Session attendance and notes against real PostgreSQL, with the video room's attendance written by the real
 * LiveKit webhook receiver from events the LiveKit double signs: the prefill (present, late, left early, absent),
 * saving and correcting, the notes sealed at rest (no plaintext in any column; a wrong or missing key fails loudly; a
 * ciphertext moved to another row does not open; a rotated key still reads), who may see them, the audit rows, and
 * what the member's export holds.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { enrol, makeAccount, makeGroup, makeVerifiedFacilitator, type TestAccount } from '../../tests/support/groups.js'
import { startLivekitDouble, type LivekitDouble, type WebhookInput } from '../../tests/support/livekit-twirp.js'
import { AppError } from '../errors.js'
import { receiveLivekitWebhook } from '../video/video.service.js'
import { NotesKeyError, notesKeyId } from './sessionnotes.crypto.js'
import { attendanceFormSchema, notesFormSchema } from './sessionnotes.schema.js'
import {
  exportSessionNotesData,
  getSessionRecord,
  saveAttendance,
  saveNotes,
  suggestAttendance,
} from './sessionnotes.service.js'

const MIN = 60_000
let livekit: LivekitDouble
let deps: TestDeps
let lead: TestAccount
let co: TestAccount
let otherLead: TestAccount
let clinician: TestAccount
let admin: TestAccount
const members: Record<'Ash' | 'Birch' | 'Cedar' | 'Dune', TestAccount> = {} as never
let groupId: string
let sessionId: string
let room: string
let start: Date
let end: Date

async function participant(sessionId: string, account: TestAccount, role: 'member' | 'facilitator') {
  const [row] = await deps.sql<{ id: string }[]>`
    insert into group_session_participants (session_id, account_id, role, state, admitted_at)
    values (${sessionId}, ${account.accountId}, ${role}, 'admitted', now()) returning id`
  return row!.id
}

/** A webhook as LiveKit sends it at `at` (the test clock is set there: the receiver refuses stale events). */
async function webhook(at: Date, input: Omit<WebhookInput, 'room' | 'createdAt'>) {
  deps.setNow(at)
  const signed = await livekit.signWebhook({ ...input, room, createdAt: Math.floor(at.getTime() / 1000) })
  expect(await receiveLivekitWebhook(deps, signed.body, signed.authorization)).toBe('accepted')
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) =>
      error instanceof AppError ? error.code : `${(error as Error).name}: ${(error as Error).message}`,
  )

const statuses = async (who: TestAccount = lead) =>
  Object.fromEntries(
    (await getSessionRecord(deps, who.account, sessionId)).members.map((m) => [m.pseudonym, [m.status, m.source]]),
  )

beforeAll(async () => {
  livekit = await startLivekitDouble()
  deps = await createTestDeps(livekit.env)
  lead = await makeVerifiedFacilitator(deps, 'Dr Notes')
  co = await makeVerifiedFacilitator(deps, 'Dr Second')
  otherLead = await makeVerifiedFacilitator(deps, 'Dr Elsewhere')
  clinician = await makeAccount(deps, 'clinician')
  admin = await makeAccount(deps, 'admin')
  groupId = await makeGroup(deps, lead, { title: 'Tuesday circle' })
  await deps.sql`update groups set co_facilitator_id = ${co.accountId} where id = ${groupId}`
  await makeGroup(deps, otherLead, { title: 'Another circle' })
  for (const name of ['Ash', 'Birch', 'Cedar', 'Dune'] as const) {
    members[name] = await makeAccount(deps, 'member')
    await enrol(deps, lead, groupId, members[name], name)
  }
  // A session that ran an hour, ending two hours ago (whole seconds: webhook times are whole seconds).
  start = new Date(Math.floor((Date.now() - 3 * 60 * MIN) / 1000) * 1000)
  end = new Date(start.getTime() + 60 * MIN)
  const [row] = await deps.sql<{ id: string; room: string }[]>`
    insert into group_sessions (group_id, occurrence_at, starts_at, ends_at, status)
    values (${groupId}, ${start}, ${start}, ${end}, 'ended') returning id, livekit_room as room`
  sessionId = row!.id
  room = row!.room
})

afterAll(async () => {
  await deps?.close()
  await livekit?.close()
})

beforeEach(() => deps.setNow(null))

describe('attendance suggested from the video room', () => {
  it('reads present, late, left early and absent from the signed join and leave events', async () => {
    // Before anything reached the video room there is nothing to suggest.
    expect(await statuses()).toEqual({
      Ash: [null, 'none'],
      Birch: [null, 'none'],
      Cedar: [null, 'none'],
      Dune: [null, 'none'],
    })
    const ids = {
      lead: await participant(sessionId, lead, 'facilitator'),
      Ash: await participant(sessionId, members.Ash, 'member'),
      Birch: await participant(sessionId, members.Birch, 'member'),
      Cedar: await participant(sessionId, members.Cedar, 'member'),
    }
    const at = (minutes: number) => new Date(start.getTime() + minutes * MIN)
    await webhook(at(-2), { event: 'participant_joined', identity: ids.lead })
    await webhook(at(-1), { event: 'participant_joined', identity: ids.Ash })
    await webhook(at(4), { event: 'participant_joined', identity: ids.Cedar }) // within 5 minutes: on time
    await webhook(at(12), { event: 'participant_joined', identity: ids.Birch }) // late
    // Ash drops out and comes back: still present.
    await webhook(at(20), { event: 'participant_left', identity: ids.Ash })
    await webhook(at(21), { event: 'participant_joined', identity: ids.Ash })
    await webhook(at(40), { event: 'participant_left', identity: ids.Cedar }) // 20 minutes before the end
    await webhook(at(61), { event: 'room_finished' })
    deps.setNow(null)

    const record = await getSessionRecord(deps, lead.account, sessionId)
    expect(record.videoRecorded).toBe(true)
    expect(record.open).toBe(true)
    expect(Object.fromEntries(record.members.map((m) => [m.pseudonym, [m.status, m.source]]))).toEqual({
      Ash: ['present', 'video'],
      Birch: ['late', 'video'],
      Cedar: ['left_early', 'video'],
      Dune: ['absent', 'video'],
    })
    const birch = record.members.find((m) => m.pseudonym === 'Birch')!
    expect(birch.joinedAt).toBe(at(12).toISOString())
    expect(birch.leftAt).toBe(at(61).toISOString())
    // Pseudonyms only: no account id, username or the facilitators in the member list.
    const shown = JSON.stringify(record)
    for (const m of Object.values(members)) {
      expect(shown).not.toContain(m.accountId)
      expect(shown).not.toContain(m.account.username)
    }
    expect(record.members.map((m) => m.pseudonym)).toEqual(['Ash', 'Birch', 'Cedar', 'Dune'])
  })

  it('counts five minutes of grace at either end, and an early "end session" as the end', () => {
    const session = { startsAt: new Date(0), endsAt: new Date(60 * MIN), endedAt: null }
    const presence = (joined: number, left: number | null) => ({
      accountId: 'x',
      firstJoinedAt: new Date(joined * MIN),
      lastLeftAt: left === null ? null : new Date(left * MIN),
    })
    expect(suggestAttendance(presence(5, 55), session, true)).toBe('present')
    expect(suggestAttendance(presence(5.01, null), session, true)).toBe('late')
    expect(suggestAttendance(presence(0, 54.9), session, true)).toBe('left_early')
    expect(suggestAttendance(presence(10, 20), session, true)).toBe('late')
    expect(suggestAttendance(undefined, session, true)).toBe('absent')
    expect(suggestAttendance(undefined, session, false)).toBeNull()
    // The facilitator ended the session at 40 minutes: leaving with everyone then is not leaving early.
    expect(suggestAttendance(presence(0, 40), { ...session, endedAt: new Date(40 * MIN) }, true)).toBe('present')
  })
})

describe('recording attendance', () => {
  it('saves the facilitator’s corrections, and refuses an unknown or missing member without changing anything', async () => {
    const form = (entries: Record<string, string>) =>
      attendanceFormSchema.parse(Object.fromEntries(Object.entries(entries).map(([k, v]) => [`attendance:${k}`, v])))
    const all = { Ash: 'present', Birch: 'present', Cedar: 'left_early', Dune: 'absent' }

    expect(await code(saveAttendance(deps, lead.account, sessionId, form({ ...all, Zed: 'present' })))).toBe(
      'VALIDATION_FAILED',
    )
    const { Dune: _dropped, ...withoutDune } = all
    await expect(saveAttendance(deps, lead.account, sessionId, form(withoutDune))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'attendance:Dune': 'attendance_required' },
    })
    expect(await deps.sql`select 1 from session_attendance where session_id = ${sessionId}`).toHaveLength(0)
    expect(attendanceFormSchema.safeParse({ 'attendance:Ash': 'asleep' }).success).toBe(false)

    await saveAttendance(deps, lead.account, sessionId, form(all))
    expect(await statuses()).toEqual({
      Ash: ['present', 'saved'],
      Birch: ['present', 'saved'], // corrected from the suggested "late"
      Cedar: ['left_early', 'saved'],
      Dune: ['absent', 'saved'],
    })
    // The co-facilitator may correct it too.
    await saveAttendance(deps, co.account, sessionId, form({ ...all, Dune: 'late' }))
    expect((await statuses(co)).Dune).toEqual(['late', 'saved'])
    const [audit] = await deps.sql<{ n: number }[]>`
      select count(*)::int as n from audit_log where action = 'session_attendance:record' and target_id = ${sessionId}`
    expect(audit!.n).toBe(2)
  })

  it('cannot record a session that has not started yet', async () => {
    const [row] = await deps.sql<{ id: string }[]>`
      insert into group_sessions (group_id, occurrence_at, starts_at, ends_at)
      values (${groupId}, now() + interval '2 days', now() + interval '2 days', now() + interval '2 days 1 hour')
      returning id`
    const record = await getSessionRecord(deps, lead.account, row!.id)
    expect(record.open).toBe(false)
    const form = attendanceFormSchema.parse({ 'attendance:Ash': 'present' })
    expect(await code(saveAttendance(deps, lead.account, row!.id, form))).toBe('CONFLICT')
    expect(await code(saveNotes(deps, lead.account, row!.id, { session: 'too soon', members: [] }))).toBe('CONFLICT')
    expect(await deps.sql`select 1 from session_notes where session_id = ${row!.id}`).toHaveLength(0)
  })
})

describe('session notes', () => {
  const SESSION_TEXT = 'SESSION-NOTE-4471 the group talked about sleep'
  const ASH_TEXT = 'ASH-NOTE-9023 spoke for the first time; follow up on the new job'

  it('seals notes at rest: no column holds the text, the key id is stored, and they read back for the facilitators', async () => {
    await saveNotes(
      deps,
      lead.account,
      sessionId,
      notesFormSchema.parse({ 'note-session': SESSION_TEXT, 'note-member:Ash': ASH_TEXT, 'note-member:Birch': '' }),
    )
    const rows = await deps.sql<{ keyId: string; sealed: Buffer; member: string | null }[]>`
      select key_id as "keyId", sealed, member_account_id as member from session_notes where session_id = ${sessionId}`
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      expect(row.keyId).toBe(notesKeyId(deps.config.NOTES_KEY))
      expect(row.sealed.includes(Buffer.from('SESSION-NOTE'))).toBe(false)
      expect(row.sealed.includes(Buffer.from('ASH-NOTE'))).toBe(false)
    }
    // Nowhere in the database in the clear: not in a text or json column (the audit log included), not in bytes.
    for (const needle of ['SESSION-NOTE-4471', 'ASH-NOTE-9023']) {
      const [hit] = await deps.sql<{ n: number }[]>`
        select count(*)::int as n from session_notes where position(convert_to(${needle}, 'UTF8') in sealed) > 0`
      expect(hit!.n).toBe(0)
      const [audit] = await deps.sql<{ n: number }[]>`
        select count(*)::int as n from audit_log where details::text like ${'%' + needle + '%'}`
      expect(audit!.n).toBe(0)
    }

    const record = await getSessionRecord(deps, co.account, sessionId)
    expect(record.sessionNote).toBe(SESSION_TEXT)
    expect(record.members.find((m) => m.pseudonym === 'Ash')!.note).toBe(ASH_TEXT)
    expect(record.members.find((m) => m.pseudonym === 'Birch')!.note).toBe('')

    const audits = await deps.sql<{ action: string; actor: string }[]>`
      select action, actor_account_id as actor from audit_log
      where target_id = ${sessionId} and action like 'session_notes:%' order by id`
    expect(audits).toEqual([
      { action: 'session_notes:write', actor: lead.accountId },
      { action: 'session_notes:view', actor: co.accountId },
    ])

    // An empty box removes that note; an over-long one is refused.
    await saveNotes(
      deps,
      lead.account,
      sessionId,
      notesFormSchema.parse({ 'note-session': SESSION_TEXT, 'note-member:Ash': ' ' }),
    )
    expect(
      (await getSessionRecord(deps, lead.account, sessionId)).members.find((m) => m.pseudonym === 'Ash')!.note,
    ).toBe('')
    expect(notesFormSchema.safeParse({ 'note-session': 'x'.repeat(10_001) }).success).toBe(false)
    await saveNotes(
      deps,
      lead.account,
      sessionId,
      notesFormSchema.parse({ 'note-session': SESSION_TEXT, 'note-member:Ash': ASH_TEXT }),
    )

    // A form without the session's box leaves that note as it was; a name that is not a member changes nothing.
    await saveNotes(deps, lead.account, sessionId, notesFormSchema.parse({ 'note-member:Birch': 'BIRCH-NOTE' }))
    const afterPartial = await getSessionRecord(deps, lead.account, sessionId)
    expect(afterPartial.sessionNote).toBe(SESSION_TEXT)
    expect(afterPartial.members.find((m) => m.pseudonym === 'Birch')!.note).toBe('BIRCH-NOTE')
    const before = await deps.sql`select key_id, sealed from session_notes where session_id = ${sessionId} order by id`
    await expect(
      saveNotes(deps, lead.account, sessionId, notesFormSchema.parse({ 'note-session': '', 'note-member:Zed': 'x' })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(
      await deps.sql`select key_id, sealed from session_notes where session_id = ${sessionId} order by id`,
    ).toEqual(before)
    await saveNotes(deps, lead.account, sessionId, notesFormSchema.parse({ 'note-member:Birch': '' }))
  })

  it('fails loudly with a wrong key, opens with the previous key after a rotation, and never opens on another row', async () => {
    const otherKey = randomBytes(32).toString('base64')
    const rotated = { ...deps, config: { ...deps.config, NOTES_KEY: otherKey } }
    // A wrong key is an error, never an empty note.
    const wrong = await code(getSessionRecord(rotated, lead.account, sessionId))
    expect(wrong).toMatch(/^NotesKeyError: session note sealed with notes key [0-9a-f]{8}, which is not configured$/)
    await expect(exportSessionNotesData(rotated, members.Ash.accountId)).rejects.toBeInstanceOf(NotesKeyError)

    // Rotation: the old key as NOTES_KEY_PREVIOUS still opens; a save seals with the new key.
    const withPrevious = { ...rotated, config: { ...rotated.config, NOTES_KEY_PREVIOUS: deps.config.NOTES_KEY } }
    expect((await getSessionRecord(withPrevious, lead.account, sessionId)).sessionNote).toBe(SESSION_TEXT)
    await saveNotes(withPrevious, lead.account, sessionId, { session: SESSION_TEXT, members: [] })
    const keys = await deps.sql<{ keyId: string; member: string | null }[]>`
      select key_id as "keyId", member_account_id as member from session_notes where session_id = ${sessionId}`
    expect(keys.find((k) => k.member === null)!.keyId).toBe(notesKeyId(otherKey))
    expect(keys.find((k) => k.member !== null)!.keyId).toBe(notesKeyId(deps.config.NOTES_KEY))
    expect((await getSessionRecord(withPrevious, lead.account, sessionId)).sessionNote).toBe(SESSION_TEXT)
    // Back to the original key for the rest: the session note again under it.
    await saveNotes(deps, lead.account, sessionId, { session: SESSION_TEXT, members: [] })

    // Ash's sealed note copied onto a note about Dune does not open as Dune's.
    await deps.sql`
      insert into session_notes (session_id, member_account_id, key_id, sealed)
      select session_id, ${members.Dune.accountId}, key_id, sealed from session_notes
      where session_id = ${sessionId} and member_account_id = ${members.Ash.accountId}`
    expect(await code(getSessionRecord(deps, lead.account, sessionId))).toMatch(
      /^NotesKeyError: session note does not open/,
    )
    await deps.sql`delete from session_notes where session_id = ${sessionId} and member_account_id = ${members.Dune.accountId}`
    expect((await getSessionRecord(deps, lead.account, sessionId)).sessionNote).toBe(SESSION_TEXT)
  })

  it('is only for the group’s facilitators: members, another group’s facilitator, clinicians and admins get NOT_FOUND', async () => {
    for (const who of [members.Ash, members.Dune, otherLead, clinician, admin]) {
      expect(await code(getSessionRecord(deps, who.account, sessionId)), who.account.role).toBe('NOT_FOUND')
      expect(await code(saveNotes(deps, who.account, sessionId, { session: 'overwritten', members: [] }))).toBe(
        'NOT_FOUND',
      )
      expect(await code(saveAttendance(deps, who.account, sessionId, [{ pseudonym: 'Ash', status: 'absent' }]))).toBe(
        'NOT_FOUND',
      )
    }
    expect(await code(getSessionRecord(deps, lead.account, 'not-a-uuid'))).toBe('NOT_FOUND')
    const record = await getSessionRecord(deps, lead.account, sessionId)
    expect(record.sessionNote).toBe(SESSION_TEXT)
    expect(record.members.find((m) => m.pseudonym === 'Ash')!.status).toBe('present')
  })

  it('exports to the member their attendance and the notes about them, not the note about the whole session', async () => {
    const ash = await exportSessionNotesData(deps, members.Ash.accountId)
    expect(ash).toEqual({
      attendance: [
        { group: 'Tuesday circle', session: start.toISOString(), status: 'present', recordedAt: expect.any(String) },
      ],
      notesAboutMe: [
        { group: 'Tuesday circle', session: start.toISOString(), note: ASH_TEXT, updatedAt: expect.any(String) },
      ],
    })
    expect(JSON.stringify(ash)).not.toContain('SESSION-NOTE')
    const dune = await exportSessionNotesData(deps, members.Dune.accountId)
    expect(dune.attendance.map((a) => a.status)).toEqual(['late'])
    expect(dune.notesAboutMe).toEqual([])
  })
})
