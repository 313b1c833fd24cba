/**
 * The daily retention purge on a fake clock, against real PostgreSQL and a real file store: it removes exactly what
 * the configured periods make due and nothing else, a second run changes nothing, one audit row holds counts only,
 * and the audit chain still verifies.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import { makeAccount, makeGroup, makeVerifiedFacilitator } from '../../tests/support/groups.js'
import { runAuditVerify } from '../../scripts/audit-verify.js'
import { verifyAuditChain } from '../audit/audit.service.js'
import { deleteMessage, editMessage, sendMessage } from '../chat/chat.service.js'
import { storageOf } from '../storage/storage.js'
import { takeModerationAction } from '../moderation/moderation.service.js'
import { escalateByFacilitator } from '../crisis/crisis.service.js'
import { runRetentionPurge } from './retention.service.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
// The clock's present is the real present: sign-up and test fixtures write sessions against the real time.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000)
const ago = (ms: number) => new Date(NOW.getTime() - ms)

let deps: TestDeps
let uploads: string
let roomId: string
let author: ChatTestMember
beforeAll(async () => {
  uploads = await mkdtemp(join(tmpdir(), 'hs-retention-'))
  deps = await createTestDeps({
    CHAT_RATE_LIMIT_MEMBER: '1000/10',
    CHAT_RATE_LIMIT_ROOM: '1000/10',
    UPLOADS_DIR: uploads,
    MODERATION_APPEAL_DAYS: '14',
    RETENTION_DELETED_MESSAGE_HOURS: '24',
    RETENTION_CHAT_DAYS: '365',
    RETENTION_CRISIS_DAYS: '90',
    RETENTION_SESSION_DAYS: '30',
    RETENTION_PRIVATE_MESSAGE_DAYS: '180',
    RETENTION_BATCH_SIZE: '2',
  })
  await createSeedRooms(deps)
  roomId = await roomIdOf(deps, 'anxiety')
  deps.setNow(NOW)
  author = await chatMember(deps, 'anxiety')
})
afterAll(async () => {
  await deps.close()
  await rm(uploads, { recursive: true, force: true })
})

const actor = () => ({ accountId: author.accountId, role: 'member' as const, pseudonymMode: 'ask' as const })

/** Send a message as the author at `at` (the fake clock), through the real send path. */
async function sendAt(at: Date, body: string): Promise<string> {
  deps.setNow(at)
  const sent = await sendMessage(deps, actor(), { roomId, clientId: randomUUID(), body })
  return sent.id
}

async function message(id: string) {
  const [row] = await deps.sql<
    { body: string | null; purgedAt: Date | null }[]
  >`select body, purged_at as "purgedAt" from messages where id = ${id}`
  return row ?? null
}
const revisionsOf = async (id: string) =>
  (await deps.sql`select 1 from message_revisions where message_id = ${id}`).length

async function incident(status: 'open' | 'resolved', resolvedAt: Date | null): Promise<string> {
  deps.setNow(NOW)
  const member = await chatMember(deps, 'anxiety')
  const [row] = await deps.sql<{ id: string }[]>`
    insert into crisis_incidents (member_account_id, member_label, member_locale, status, level, source, policy_snapshot, raised_at, resolved_at, outcome)
    values (${member.accountId}, 'Member', 'en', ${status}, 'high', 'message', '{}'::jsonb, ${ago(400 * DAY)}, ${resolvedAt}, ${resolvedAt ? 'referred' : null})
    returning id`
  await deps.sql`insert into crisis_chat_messages (incident_id, author_role, body, created_at) values (${row!.id}, 'member', 'crisis chat text', ${ago(399 * DAY)})`
  await deps.sql`insert into crisis_notes (incident_id, body, created_at) values (${row!.id}, 'clinician note', ${ago(399 * DAY)})`
  await deps.sql`insert into crisis_signals (incident_id, source, level, reason, created_at) values (${row!.id}, 'button', 'high', 'free text reason', ${ago(400 * DAY)})`
  return row!.id
}

const incidentDetail = async (id: string) => ({
  chat: (await deps.sql`select 1 from crisis_chat_messages where incident_id = ${id}`).length,
  notes: (await deps.sql`select 1 from crisis_notes where incident_id = ${id}`).length,
  reasons: (await deps.sql`select 1 from crisis_signals where incident_id = ${id} and reason is not null`).length,
  incident: (await deps.sql`select 1 from crisis_incidents where id = ${id}`).length,
})

it('purges exactly what is due, in batches; a second run is a no-op; the audit row holds counts only and the chain verifies', async () => {
  // Chat messages: one past the chat period, one past it but feeding an open incident, one recent.
  const old = await sendAt(ago(400 * DAY), 'an old message')
  const oldInCrisis = await sendAt(ago(400 * DAY), 'an old message that raised a crisis')
  const recent = await sendAt(ago(10 * DAY), 'a recent message')
  const openIncident = await incident('open', null)
  await deps.sql`insert into crisis_signals (incident_id, source, level, room_id, message_id, created_at) values (${openIncident}, 'message', 'high', ${roomId}, ${oldInCrisis}, ${ago(400 * DAY)})`

  // Deleted by its author (edited first, so it has two earlier versions): two days ago is past the 24 h grace, an hour ago is not.
  const deletedLongAgo = await sendAt(ago(2 * DAY), 'first words')
  await editMessage(deps, author.accountId, { roomId, messageId: deletedLongAgo, body: 'second words' })
  await deleteMessage(deps, author.accountId, { roomId, messageId: deletedLongAgo })
  const deletedJustNow = await sendAt(ago(HOUR), 'deleted just now')
  await deleteMessage(deps, author.accountId, { roomId, messageId: deletedJustNow })

  // Hidden and removed: past the 14-day appeal window, within it, and past it with an appeal pending.
  const hiddenLongAgo = await sendAt(ago(30 * DAY), 'hidden long ago')
  const removedLongAgo = await sendAt(ago(30 * DAY), 'removed long ago')
  const hiddenRecently = await sendAt(ago(5 * DAY), 'hidden recently')
  const removedAppealed = await sendAt(ago(30 * DAY), 'removed and appealed')
  await deps.sql`update messages set moderation_status = 'hidden', moderated_at = ${ago(20 * DAY)} where id = ${hiddenLongAgo}`
  await deps.sql`update messages set moderation_status = 'removed', moderated_at = ${ago(20 * DAY)} where id in (${removedLongAgo}, ${removedAppealed})`
  await deps.sql`update messages set moderation_status = 'hidden', moderated_at = ${ago(4 * DAY)} where id = ${hiddenRecently}`
  const [membership] = await deps.sql<
    { id: string }[]
  >`select id from room_memberships where account_id = ${author.accountId}`
  await deps.sql`insert into moderation_appeals (room_id, membership_id, message_id, body, created_at) values (${roomId}, ${membership!.id}, ${removedAppealed}, 'please', ${ago(10 * DAY)})`

  // Crisis: resolved 100 days ago (past the 90-day period), resolved 10 days ago, and the open one above.
  const resolvedLongAgo = await incident('resolved', ago(100 * DAY))
  const resolvedRecently = await incident('resolved', ago(10 * DAY))

  // Sessions: ended 40 days ago (expired, revoked), ended 5 days ago, and the live ones of signed-up accounts.
  const session = async (expiresAt: Date, revokedAt: Date | null) => {
    const [row] = await deps.sql<{ id: string }[]>`
      insert into sessions (token_hash, account_id, created_at, expires_at, revoked_at)
      values (${randomBytes(32)}, ${author.accountId}, ${ago(60 * DAY)}, ${expiresAt}, ${revokedAt}) returning id`
    return row!.id
  }
  const expiredLongAgo = await session(ago(40 * DAY), null)
  const revokedLongAgo = await session(NOW, ago(40 * DAY))
  const expiredRecently = await session(ago(5 * DAY), null)

  // Files: one of a group that is then deleted, one of a group that stays.
  const storage = storageOf(deps)
  const facilitator = await makeVerifiedFacilitator(deps)
  const fileOf = async (groupId: string) => {
    const key = `retention/${randomBytes(12).toString('hex')}`
    await storage.put(key, Readable.from([Buffer.from('file bytes')]), 'text/plain')
    await deps.sql`
      insert into library_resources (group_id, added_by, kind, title, storage_key, content_type, size_bytes, file_name)
      values (${groupId}, ${facilitator.accountId}, 'file', 'A worksheet', ${key}, 'text/plain', 10, 'sheet.txt')`
    return key
  }
  deps.setNow(NOW)
  const deletedGroup = await makeGroup(deps, facilitator)
  const keptGroup = await makeGroup(deps, facilitator)
  const goneFile = await fileOf(deletedGroup)
  const keptFile = await fileOf(keptGroup)
  await deps.sql`delete from groups where id = ${deletedGroup}`

  // Private messages: a thread of old and recent ones, an old thread with nothing recent, and an old thread whose
  // message raised a crisis still open (kept whole: the clinician reads the messages around it).
  const privateGroup = await makeGroup(deps, facilitator)
  const thread = async (memberId: string, lastAt: Date) => {
    const [row] = await deps.sql<{ id: string }[]>`
      insert into message_threads (group_id, member_account_id, created_at, last_message_at) values (${privateGroup}, ${memberId}, ${ago(500 * DAY)}, ${lastAt}) returning id`
    return row!.id
  }
  const privateMessage = async (threadId: string, at: Date, body: string) => {
    const [row] = await deps.sql<{ id: string }[]>`
      insert into direct_messages (thread_id, author_account_id, author_side, client_id, body, created_at)
      values (${threadId}, ${facilitator.accountId}, 'facilitator', ${randomUUID()}, ${body}, ${at}) returning id`
    return row!.id
  }
  const privateBodies = async (threadId: string) =>
    (
      await deps.sql<
        { body: string }[]
      >`select body from direct_messages where thread_id = ${threadId} order by created_at`
    ).map((r) => r.body)
  const threadExists = async (threadId: string) =>
    (await deps.sql`select 1 from message_threads where id = ${threadId}`).length === 1
  const mixedThread = await thread((await chatMember(deps, 'anxiety')).accountId, ago(5 * DAY))
  await privateMessage(mixedThread, ago(400 * DAY), 'an old private message')
  await privateMessage(mixedThread, ago(5 * DAY), 'a recent private message')
  const oldThread = await thread((await chatMember(deps, 'anxiety')).accountId, ago(400 * DAY))
  await privateMessage(oldThread, ago(401 * DAY), 'old private one')
  await privateMessage(oldThread, ago(400 * DAY), 'old private two')
  const crisisMember = await chatMember(deps, 'anxiety')
  const crisisThread = await thread(crisisMember.accountId, ago(400 * DAY))
  await privateMessage(crisisThread, ago(401 * DAY), 'before the private crisis message')
  const crisisMessage = await privateMessage(crisisThread, ago(400 * DAY), 'a private message that raised a crisis')
  await deps.sql`insert into crisis_signals (incident_id, source, level, message_id, created_at) values (${openIncident}, 'direct_message', 'high', ${crisisMessage}, ${ago(400 * DAY)})`

  // Sign-up requests: one whose emailed link expired, one still waiting.
  const signupRequest = async (expiresAt: Date) => {
    const [row] = await deps.sql<{ id: string }[]>`
      insert into signup_requests (email, password_hash, locale, consent_version, created_at, expires_at)
      values (${`${randomBytes(6).toString('hex')}@example.test`}, 'hash', 'en', 'v1', ${ago(2 * DAY)}, ${expiresAt}) returning id`
    return row!.id
  }
  const expiredSignup = await signupRequest(ago(DAY))
  const waitingSignup = await signupRequest(new Date(NOW.getTime() + HOUR))

  deps.setNow(NOW)
  const liveSessions = (await deps.sql`select 1 from sessions where expires_at > ${NOW} and revoked_at is null`).length
  const auditBefore = (await deps.sql<{ n: number }[]>`select count(*)::int as n from audit_log`)[0]!.n
  const counts = await runRetentionPurge(deps)

  expect(counts).toEqual({
    messageTexts: 3,
    messageRevisions: 2,
    messages: 1,
    crisisChatMessages: 1,
    crisisNotes: 1,
    crisisSignalReasons: 1,
    privateMessages: 3,
    privateThreads: 1,
    sessions: 2,
    signupRequests: 1,
    files: 1,
    jobs: 0,
  })
  // Private messages past the period go; recent ones, and a thread feeding an open crisis, stay; an emptied old thread goes.
  expect(await privateBodies(mixedThread)).toEqual(['a recent private message'])
  expect(await threadExists(oldThread)).toBe(false)
  expect(await privateBodies(crisisThread)).toEqual([
    'before the private crisis message',
    'a private message that raised a crisis',
  ])
  // An expired sign-up request goes; one still waiting for its link stays.
  const signups = (await deps.sql<{ id: string }[]>`select id from signup_requests`).map((r) => r.id)
  expect(signups).not.toContain(expiredSignup)
  expect(signups).toContain(waitingSignup)
  // Chat retention: the old message is gone, the one feeding an open incident and the recent one stay.
  expect(await message(old)).toBeNull()
  expect((await message(oldInCrisis))?.body).toBe('an old message that raised a crisis')
  expect((await message(recent))?.body).toBe('a recent message')
  // Text purged, rows (seq, times) kept; earlier versions gone with it.
  expect(await message(deletedLongAgo)).toEqual({ body: null, purgedAt: NOW })
  expect(await revisionsOf(deletedLongAgo)).toBe(0)
  expect(await message(deletedJustNow)).toEqual({ body: 'deleted just now', purgedAt: null })
  expect(await revisionsOf(deletedJustNow)).toBe(1)
  expect((await message(hiddenLongAgo))?.body).toBeNull()
  expect((await message(removedLongAgo))?.body).toBeNull()
  expect((await message(hiddenRecently))?.body).toBe('hidden recently')
  expect((await message(removedAppealed))?.body).toBe('removed and appealed')
  // Crisis detail: only the incident resolved past the period loses its chat, notes and reasons; incidents stay.
  expect(await incidentDetail(resolvedLongAgo)).toEqual({ chat: 0, notes: 0, reasons: 0, incident: 1 })
  expect(await incidentDetail(resolvedRecently)).toEqual({ chat: 1, notes: 1, reasons: 1, incident: 1 })
  expect(await incidentDetail(openIncident)).toEqual({ chat: 1, notes: 1, reasons: 1, incident: 1 })
  // Sessions ended past the period go; a recently ended one and every live one stay.
  const sessionIds = (await deps.sql<{ id: string }[]>`select id from sessions`).map((r) => r.id)
  expect(sessionIds).not.toContain(expiredLongAgo)
  expect(sessionIds).not.toContain(revokedLongAgo)
  expect(sessionIds).toContain(expiredRecently)
  expect((await deps.sql`select 1 from sessions where expires_at > ${NOW} and revoked_at is null`).length).toBe(
    liveSessions,
  )
  // The deleted group's file is gone from storage; the kept group's file is still served.
  expect(await storage.get(goneFile)).toBeNull()
  const kept = await storage.get(keptFile)
  expect(kept).not.toBeNull()
  kept!.stream.destroy()
  expect(await deps.sql`select 1 from storage_deletions`).toHaveLength(0)

  // One audit row, counts only: no text of anything it removed.
  const audits = await deps.sql<
    { action: string; actor: string | null; reason: string; details: Record<string, unknown> }[]
  >`
    select action, actor_account_id as actor, reason, details from audit_log where id > ${auditBefore} order by id`
  expect(audits).toEqual([{ action: 'retention.purge', actor: null, reason: '', details: counts }])
  expect(Object.values(audits[0]!.details).every((v) => typeof v === 'number')).toBe(true)
  expect(deps.logLines.join('')).not.toMatch(
    /old message|first words|second words|hidden long ago|crisis chat text|clinician note|free text reason|private (message|one|two|crisis)/,
  )

  // Twice is a no-op: nothing due, nothing changed, no audit row.
  const snapshot = async () => ({
    messages: await deps.sql`select id, body, purged_at from messages order by id`,
    revisions: (await deps.sql`select 1 from message_revisions`).length,
    crisis: [await incidentDetail(resolvedRecently), await incidentDetail(openIncident)],
    sessions: (await deps.sql`select 1 from sessions`).length,
    privateMessages: (await deps.sql`select 1 from direct_messages`).length,
    signups: (await deps.sql`select 1 from signup_requests`).length,
  })
  const before = await snapshot()
  expect(Object.values(await runRetentionPurge(deps)).every((n) => n === 0)).toBe(true)
  expect(await snapshot()).toEqual(before)
  expect((await deps.sql<{ n: number }[]>`select count(*)::int as n from audit_log`)[0]!.n).toBe(auditBefore + 1)

  // The append-only chain still verifies, by the service and by `npm run audit:verify`'s own logic.
  expect(await verifyAuditChain(deps.sql)).toEqual({ ok: true, rows: auditBefore + 1 })
  const lines: string[] = []
  expect(await runAuditVerify(deps.databaseUrl, (line) => lines.push(line))).toBe(0)

  // What was purged stays purged: unhiding it has nothing to show. The author still sends after their texts were purged.
  const admin = await makeAccount(deps, 'admin')
  await expect(
    takeModerationAction(
      deps,
      { accountId: admin.accountId, role: 'admin' },
      { roomId, action: 'unhide', messageId: hiddenLongAgo },
    ),
  ).rejects.toMatchObject({ code: 'CONFLICT' })
  expect((await message(await sendAt(NOW, 'still here')))?.body).toBe('still here')

  // A day later the message deleted an hour ago is past its grace period, and goes alone.
  deps.setNow(new Date(NOW.getTime() + DAY))
  expect((await runRetentionPurge(deps)).messageTexts).toBe(1)
  expect(await message(deletedJustNow)).toEqual({ body: null, purgedAt: new Date(NOW.getTime() + DAY) })
})

it("a facilitator's escalation reason describes the member: it stays on the signal (which retention clears), not in the audit log", async () => {
  deps.setNow(null)
  const member = await chatMember(deps, 'anxiety')
  const staff = await makeAccount(deps, 'facilitator')
  const raised = await escalateByFacilitator(deps, {
    facilitatorAccountId: staff.accountId,
    memberAccountId: member.accountId,
    reason: 'said goodbye to everyone',
  })
  const [audit] = await deps.sql<{ reason: string; details: unknown }[]>`
    select reason, details from audit_log where action = 'crisis.escalate' and target_id = ${raised.incidentId}`
  expect(audit).toEqual({ reason: '', details: { withReason: true } })
  expect(
    await deps.sql`select 1 from crisis_signals where incident_id = ${raised.incidentId} and reason = 'said goodbye to everyone'`,
  ).toHaveLength(1)
})
