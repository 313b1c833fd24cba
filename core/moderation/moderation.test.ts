/**
 * Moderation against real PostgreSQL and Redis: the screen in the send path, report deduplication and
 * anonymity, the worker's scoring, auto-hide thresholds and deadlines (idempotent on retry), the
 * penalty ladder on a fake clock, appeals, the audit trail, and every authorization denial.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import { editMessage, messageHistory, sendMessage } from '../chat/chat.service.js'
import { AppError } from '../errors.js'
import { runAuditVerify } from '../../scripts/audit-verify.js'
import './moderation.pipeline.js'
import {
  assignFacilitator,
  decideAppeal,
  fileAppeal,
  getMemberStatus,
  getModerationQueue,
  listAppealables,
  moderatedRoomIds,
  reportMessage,
  requireMaySend,
  takeModerationAction,
} from './moderation.service.js'
import { processDeadline, processFlag } from './moderation.jobs.js'
import type { ActRequest } from './moderation.schema.js'

let deps: TestDeps
let roomId: string
let otherRoomId: string
let admin: ChatTestMember
let facilitator: ChatTestMember
let facilitator2: ChatTestMember
let outsider: ChatTestMember

const asActor = (m: ChatTestMember, role = 'member') => ({ accountId: m.accountId, role, locale: 'en' as const })
const fac = () => asActor(facilitator, 'facilitator')
const fac2 = () => asActor(facilitator2, 'facilitator')

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
    return 'ok'
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

async function member(name?: string) {
  return chatMember(deps, 'anxiety', name ? { pseudonym: name } : {})
}

async function send(m: ChatTestMember, body: string) {
  return sendMessage(deps, { accountId: m.accountId, role: 'member', locale: 'en' } as never, {
    roomId,
    clientId: randomUUID(),
    body,
  })
}

const act = (actor: { accountId: string; role: string }, input: Omit<ActRequest, 'roomId'> & { roomId?: string }) =>
  takeModerationAction(deps, actor, { roomId, ...input } as ActRequest)

async function flagOf(messageId: string) {
  const rows = await deps.sql<{ id: string; status: string; priority: number; stage: number; deadlineAt: Date }[]>`
    select id, status, priority, escalation_stage as stage, deadline_at as "deadlineAt" from moderation_flags where message_id = ${messageId} order by created_at`
  return rows
}
const statusOf = async (messageId: string) =>
  (await deps.sql<{ s: string }[]>`select moderation_status as s from messages where id = ${messageId}`)[0]!.s
const auditCount = async (action: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = ${action}`)[0]!.n
const outboxCount = async (job: string, flagId: string) =>
  (
    await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from outbox where job_name = ${job} and payload->>'flagId' = ${flagId}`
  )[0]!.n

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  roomId = await roomIdOf(deps, 'anxiety')
  otherRoomId = await roomIdOf(deps, 'grief')
  admin = await chatMember(deps, 'anxiety', { role: 'admin' as never, pseudonym: 'Admin Ash' })
  facilitator = await chatMember(deps, 'anxiety', { role: 'facilitator', pseudonym: 'Fay Facil' })
  facilitator2 = await chatMember(deps, 'anxiety', { role: 'facilitator', pseudonym: 'Gus Guide' })
  outsider = await chatMember(deps, 'grief', { role: 'facilitator', pseudonym: 'Olli Out' })
  const [fayName, gusName, olliName] = await Promise.all(
    [facilitator, facilitator2, outsider].map(
      async (f) =>
        (await deps.sql<{ u: string }[]>`select username as u from accounts where id = ${f.accountId}`)[0]!.u,
    ),
  )
  await assignFacilitator(deps, asActor(admin, 'admin'), { roomId, username: fayName!, assign: true })
  await assignFacilitator(deps, asActor(admin, 'admin'), { roomId, username: gusName!, assign: true })
  await assignFacilitator(deps, asActor(admin, 'admin'), { roomId: otherRoomId, username: olliName!, assign: true })
})
afterAll(async () => {
  deps.setNow(null)
  await deps.close()
})

describe('automatic screening in the send path', () => {
  it('delivers ordinary venting, including the false-positive sentences', async () => {
    const m = await member()
    for (const body of ['this exam is killing me', 'mój numer buta to 42']) {
      const message = await send(m, body)
      expect(message.body).toBe(body)
      expect(message.moderation).toBeUndefined()
      expect(await flagOf(message.id)).toHaveLength(0)
    }
  })

  it('rejects contact details with a reason and the kind notice, storing nothing', async () => {
    const m = await member()
    const before = (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages`)[0]!.n
    const error = await send(m, 'call me on +48 601 234 567').catch((e: AppError) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('MESSAGE_REJECTED')
    expect((error as AppError).fields).toMatchObject({
      reason: 'personal_data',
      notice: expect.stringContaining('contact details'),
    })
    expect((await deps.sql<{ n: number }[]>`select count(*)::int as n from messages`)[0]!.n).toBe(before)
  })

  it('holds method detail: stored as held, text not shown to peers, the sender told kindly, a flag queued', async () => {
    const m = await member()
    const message = await send(m, 'how many paracetamol would it take to not wake up')
    expect(message.moderation).toBe('held')
    // Its author reads their own words (decision 021); a peer's history has the message without its text.
    expect(message.body).toBe('how many paracetamol would it take to not wake up')
    const peer = await member()
    const seen = (await messageHistory(deps, peer.accountId, { roomId, beforeSeq: 0 })).messages.find(
      (x) => x.id === message.id,
    )
    expect(seen).toMatchObject({ body: null, moderation: 'held' })
    expect(message.notice).toMatch(/facilitator/)
    expect(await statusOf(message.id)).toBe('held')
    const [flag] = await flagOf(message.id)
    expect(flag).toMatchObject({ status: 'open' })
    expect(await outboxCount('moderation:flag', flag!.id)).toBe(1)
    // The outbox payload carries ids only.
    const [row] = await deps.sql<
      { payload: Record<string, unknown> }[]
    >`select payload from outbox where payload->>'flagId' = ${flag!.id}`
    expect(Object.keys(row!.payload)).toEqual(['flagId'])
  })

  it('screens edits too: contact details are refused and the original stays; method detail is held', async () => {
    const m = await member()
    const message = await send(m, 'see you all tomorrow')
    const edit = (body: string) => editMessage(deps, m.accountId, { roomId, messageId: message.id, body })
    expect(await errorCode(edit('my number is +48 601 234 567'))).toBe('MESSAGE_REJECTED')
    const [row] = await deps.sql<{ body: string }[]>`select body from messages where id = ${message.id}`
    expect(row!.body).toBe('see you all tomorrow')
    const held = await edit('how many paracetamol would it take to not wake up')
    expect(held).toMatchObject({ body: 'how many paracetamol would it take to not wake up', moderation: 'held' })
    const peer = await member()
    const seen = (await messageHistory(deps, peer.accountId, { roomId, beforeSeq: 0 })).messages.find(
      (x) => x.id === message.id,
    )
    expect(seen).toMatchObject({ body: null, moderation: 'held' })
    expect((await flagOf(message.id))[0]).toMatchObject({ status: 'open' })
  })

  it('flags an insult aimed at someone: delivered to the room and queued for review', async () => {
    const m = await member()
    const message = await send(m, 'you are such an idiot')
    expect(message.body).toBe('you are such an idiot')
    expect(message.moderation).toBeUndefined()
    expect((await flagOf(message.id))[0]).toMatchObject({ status: 'open' })
  })
})

describe('reports', () => {
  it('a member reports a message once; the second report changes nothing', async () => {
    const author = await member()
    const reporter = await member()
    const message = await send(author, 'an ordinary message')
    await reportMessage(deps, asActor(reporter), { roomId, messageId: message.id, category: 'harassment' })
    expect(
      await errorCode(reportMessage(deps, asActor(reporter), { roomId, messageId: message.id, category: 'spam' })),
    ).toBe('CONFLICT')
    const reports = await deps.sql`select 1 from moderation_reports where message_id = ${message.id}`
    expect(reports).toHaveLength(1)
    expect(await flagOf(message.id)).toHaveLength(1)
    // Nobody reports their own message; an unknown message is not found.
    expect(
      await errorCode(reportMessage(deps, asActor(author), { roomId, messageId: message.id, category: 'other' })),
    ).toBe('BAD_REQUEST')
    expect(
      await errorCode(reportMessage(deps, asActor(reporter), { roomId, messageId: randomUUID(), category: 'other' })),
    ).toBe('NOT_FOUND')
  })

  it('a "self-harm risk" report raises the crisis path for the author, under their room pseudonym', async () => {
    const author = await member('Sam Quiet')
    const reporter = await member()
    const message = await send(author, 'I do not see the point any more')
    await reportMessage(deps, asActor(reporter), { roomId, messageId: message.id, category: 'self_harm' })
    const incidents = await deps.sql<{ memberLabel: string; source: string }[]>`
      select member_label as "memberLabel", source from crisis_incidents where member_account_id = ${author.accountId}`
    expect(incidents).toEqual([{ memberLabel: 'Sam Quiet', source: 'report' }])
  })
})

describe('the moderation worker', () => {
  it('auto-hides after three distinct reporters, not before; a retried job leaves the same end state', async () => {
    const author = await member()
    const message = await send(author, 'something people find hurtful')
    const reporters = [await member(), await member(), await member()]
    await reportMessage(deps, asActor(reporters[0]!), { roomId, messageId: message.id, category: 'harassment' })
    await reportMessage(deps, asActor(reporters[1]!), { roomId, messageId: message.id, category: 'harassment' })
    const [flag] = await flagOf(message.id)
    expect(await processFlag(deps, { flagId: flag!.id })).toBe('scored')
    expect(await statusOf(message.id)).toBe('visible')
    const twoReporters = (await flagOf(message.id))[0]!.priority

    await reportMessage(deps, asActor(reporters[2]!), { roomId, messageId: message.id, category: 'other' })
    await processFlag(deps, { flagId: flag!.id })
    expect(await statusOf(message.id)).toBe('hidden')
    const afterFirst = {
      flag: (await flagOf(message.id))[0],
      audits: await auditCount('moderation.auto_hide'),
      deadlines: await outboxCount('moderation:deadline', flag!.id),
    }
    expect(afterFirst.flag!.priority).toBeGreaterThan(twoReporters)

    // The same job again (a retry, a duplicate): nothing new.
    await processFlag(deps, { flagId: flag!.id })
    await processFlag(deps, { flagId: flag!.id })
    expect((await flagOf(message.id))[0]).toEqual(afterFirst.flag)
    expect(await auditCount('moderation.auto_hide')).toBe(afterFirst.audits)
    expect(await outboxCount('moderation:deadline', flag!.id)).toBe(afterFirst.deadlines)
    expect(afterFirst.deadlines).toBe(1)
  })

  it('any facilitator report hides at once', async () => {
    const author = await member()
    const message = await send(author, 'another message')
    await reportMessage(deps, fac(), { roomId, messageId: message.id, category: 'harassment' })
    const [flag] = await flagOf(message.id)
    await processFlag(deps, { flagId: flag!.id })
    expect(await statusOf(message.id)).toBe('hidden')
  })

  it('a flag nobody handles is re-notified at its deadline, then raised to admins; late or stale jobs do nothing', async () => {
    const author = await member()
    const reporter = await member()
    const start = new Date('2031-01-01T10:00:00Z')
    deps.setNow(start)
    try {
      const message = await send(author, 'please look at this later')
      await reportMessage(deps, asActor(reporter), { roomId, messageId: message.id, category: 'spam' })
      const [flag] = await flagOf(message.id)
      await processFlag(deps, { flagId: flag!.id })
      const { deadlineAt } = (await flagOf(message.id))[0]!
      expect(await processDeadline(deps, { flagId: flag!.id, stage: 0 })).toBe('early')

      deps.setNow(new Date(deadlineAt.getTime() + 1000))
      expect(await processDeadline(deps, { flagId: flag!.id, stage: 0 })).toBe('renotified')
      expect(await processDeadline(deps, { flagId: flag!.id, stage: 0 })).toBe('stale')
      expect((await flagOf(message.id))[0]!.stage).toBe(1)
      expect(await outboxCount('moderation:deadline', flag!.id)).toBe(2)

      const second = (await flagOf(message.id))[0]!.deadlineAt
      deps.setNow(new Date(second.getTime() + 1000))
      expect(await processDeadline(deps, { flagId: flag!.id, stage: 1 })).toBe('raised')
      expect(await processDeadline(deps, { flagId: flag!.id, stage: 1 })).toBe('stale')
      expect((await flagOf(message.id))[0]!.stage).toBe(2)
    } finally {
      deps.setNow(null)
    }
  })

  it('a handled flag is not escalated', async () => {
    const author = await member()
    const reporter = await member()
    const message = await send(author, 'fine after all')
    await reportMessage(deps, asActor(reporter), { roomId, messageId: message.id, category: 'other' })
    const [flag] = await flagOf(message.id)
    await act(fac(), { action: 'dismiss', flagId: flag!.id })
    deps.setNow(new Date(Date.now() + 24 * 3_600_000))
    try {
      expect(await processDeadline(deps, { flagId: flag!.id, stage: 0 })).toBe('stale')
      expect(await processFlag(deps, { flagId: flag!.id })).toBe('closed')
    } finally {
      deps.setNow(null)
    }
  })
})

describe('the penalty ladder (fake clock)', () => {
  it('warnings expire after 6 h; a third active warning mutes 24 h; mutes grow 24 h, 24 h, then a long ban', async () => {
    const m = await member()
    const t0 = new Date('2032-03-01T08:00:00Z')
    const at = (hours: number) => deps.setNow(new Date(t0.getTime() + hours * 3_600_000))
    try {
      at(0)
      await act(fac(), { action: 'warn', memberId: m.memberId, reason: 'be kind' })
      at(7) // the first warning has expired
      await act(fac(), { action: 'warn', memberId: m.memberId })
      await act(fac(), { action: 'warn', memberId: m.memberId })
      let status = await getMemberStatus(deps, m.accountId, roomId)
      expect(status).toMatchObject({ activeWarnings: 2, mutedUntil: null })
      await requireMaySend(deps, m.memberId)

      await act(fac(), { action: 'warn', memberId: m.memberId })
      status = await getMemberStatus(deps, m.accountId, roomId)
      expect(status.mutedUntil).toBe(new Date(t0.getTime() + (7 + 24) * 3_600_000).toISOString())
      expect(await errorCode(send(m, 'am I muted?'))).toBe('MUTED')
      const refused = await send(m, 'still?').catch((e: AppError) => e)
      expect((refused as AppError).fields).toEqual({ until: status.mutedUntil })

      at(7 + 24 + 1) // mute over, warnings used up by it
      expect(await getMemberStatus(deps, m.accountId, roomId)).toMatchObject({ mutedUntil: null, activeWarnings: 0 })
      expect((await send(m, 'back again')).body).toBe('back again')

      // Second step of the ladder: another 24 h mute (a facilitator's mute without a length follows the ladder).
      await act(fac(), { action: 'mute', memberId: m.memberId })
      expect((await getMemberStatus(deps, m.accountId, roomId)).mutedUntil).toBe(
        new Date(t0.getTime() + (7 + 24 + 1 + 24) * 3_600_000).toISOString(),
      )

      at(7 + 24 + 1 + 25)
      await act(fac(), { action: 'mute', memberId: m.memberId })
      status = await getMemberStatus(deps, m.accountId, roomId)
      expect(status.mutedUntil).toBeNull()
      expect(status.bannedUntil).toBe(
        new Date(t0.getTime() + (7 + 24 + 1 + 25) * 3_600_000 + 30 * 86_400_000).toISOString(),
      )
      expect(await errorCode(send(m, 'banned?'))).toBe('BANNED')
    } finally {
      deps.setNow(null)
    }
  })

  it("follows a deployment's own ladder", async () => {
    const custom = await createTestDeps({
      MODERATION_WARNING_HOURS: '1',
      MODERATION_MUTE_LADDER_HOURS: '2',
      MODERATION_BAN_DAYS: '3',
    })
    try {
      expect(custom.config.MODERATION_MUTE_LADDER_HOURS).toEqual([2])
      const { ladderOf, nextPenalty } = await import('./penalties.js')
      const ladder = ladderOf(custom.config)
      expect(nextPenalty(ladder, 0)).toEqual({ kind: 'mute', durationMs: 2 * 3_600_000 })
      expect(nextPenalty(ladder, 1)).toEqual({ kind: 'ban', durationMs: 3 * 86_400_000 })
      expect(ladder.warningMs).toBe(3_600_000)
    } finally {
      await custom.close()
    }
  })

  it('a mute ended early lets the member send again at once', async () => {
    const m = await member()
    await act(fac(), { action: 'mute', memberId: m.memberId, duration: 60 })
    expect(await errorCode(send(m, 'hello?'))).toBe('MUTED')
    const [sanction] = await deps.sql<
      { id: string }[]
    >`select id from moderation_sanctions where membership_id = ${m.memberId} and kind = 'mute'`
    await act(fac2(), { action: 'end_sanction', sanctionId: sanction!.id })
    expect((await send(m, 'hello again')).body).toBe('hello again')
    expect(await errorCode(act(fac2(), { action: 'end_sanction', sanctionId: sanction!.id }))).toBe('CONFLICT')
  })
})

describe("facilitators' actions", () => {
  it('hide, unhide, remove, dismiss, slow mode and lock each change the room and write one audit row', async () => {
    const author = await member()
    const message = await send(author, 'a message to moderate')
    await act(fac(), { action: 'hide', messageId: message.id, reason: 'off topic' })
    expect(await statusOf(message.id)).toBe('hidden')
    await act(fac(), { action: 'unhide', messageId: message.id })
    expect(await statusOf(message.id)).toBe('visible')
    await act(fac(), { action: 'remove', messageId: message.id, reason: 'rule 2' })
    expect(await statusOf(message.id)).toBe('removed')

    const held = await send(author, 'what is the lethal dose of paracetamol')
    const [flag] = await flagOf(held.id)
    await act(fac(), { action: 'dismiss', flagId: flag!.id })
    expect(await statusOf(held.id)).toBe('visible')
    expect((await flagOf(held.id))[0]!.status).toBe('dismissed')

    await act(fac(), { action: 'slow_mode', slowModeSeconds: 30 })
    await act(fac(), { action: 'lock' })
    const [room] = await deps.sql<
      { s: number; l: boolean }[]
    >`select slow_mode_seconds as s, locked as l from rooms where id = ${roomId}`
    expect(room).toEqual({ s: 30, l: true })
    await act(fac(), { action: 'unlock' })
    await act(fac(), { action: 'slow_mode', slowModeSeconds: 0 })

    const rows = await deps.sql<{ action: string; actor: string; targetId: string; reason: string }[]>`
      select action, actor_account_id as actor, target_id as "targetId", reason from audit_log
      where action like 'moderation.%' and actor_account_id = ${facilitator.accountId} order by id`
    const tail = rows.slice(-8)
    expect(tail.map((r) => r.action)).toEqual([
      'moderation.hide',
      'moderation.unhide',
      'moderation.remove',
      'moderation.dismiss',
      'moderation.slow_mode',
      'moderation.lock',
      'moderation.unlock',
      'moderation.slow_mode',
    ])
    expect(tail[0]).toMatchObject({ targetId: message.id, reason: 'off topic' })
  })

  it("the queue is ordered by priority, with surrounding messages and the member's history under their room pseudonym", async () => {
    const author = await member('Quinn Queue')
    await send(author, 'before it')
    const low = await send(author, 'a spammy thing')
    const reporter = await member()
    await reportMessage(deps, asActor(reporter), { roomId, messageId: low.id, category: 'spam' })
    const high = await send(author, 'worrying words')
    await reportMessage(deps, asActor(reporter), { roomId, messageId: high.id, category: 'self_harm' })
    for (const id of [low.id, high.id]) await processFlag(deps, { flagId: (await flagOf(id))[0]!.id })
    await act(fac(), { action: 'warn', memberId: author.memberId })

    await act(fac2(), { action: 'claim', flagId: (await flagOf(high.id))[0]!.id })
    const queue = await getModerationQueue(deps, fac())
    const mine = queue.flags.filter((f) => f.member.pseudonym === 'Quinn Queue')
    expect(mine.map((f) => f.message.id)).toEqual([high.id, low.id])
    const priorities = queue.flags.map((f) => f.priority)
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities)
    expect(mine[1]!.context.map((m) => m.body)).toContain('before it')
    expect(mine[0]!.history.sanctions.map((s) => s.kind)).toContain('warning')
    // Every flag has an owner once someone takes it; the queue says whose without naming them.
    expect(mine.map((f) => f.owner)).toEqual(['another', 'nobody'])
    expect((await getModerationQueue(deps, fac2())).flags.find((f) => f.message.id === high.id)!.owner).toBe('you')
    // Members appear by pseudonym and handle only.
    expect(JSON.stringify(queue)).not.toContain(author.accountId)
    expect(JSON.stringify(queue)).not.toContain(author.username)
    expect(JSON.stringify(queue)).not.toContain(reporter.username)
  })
})

describe('appeals', () => {
  it('a member appeals a mute once; the facilitator who muted may not decide; another overturns it and the member sees the outcome', async () => {
    const m = await member()
    await act(fac(), { action: 'mute', memberId: m.memberId, duration: 120, reason: 'spamming' })
    const [sanction] = await deps.sql<
      { id: string }[]
    >`select id from moderation_sanctions where membership_id = ${m.memberId} and kind = 'mute'`
    const { appealId } = await fileAppeal(deps, m.accountId, {
      sanctionId: sanction!.id,
      body: 'It was a misunderstanding.',
    })
    expect(await errorCode(fileAppeal(deps, m.accountId, { sanctionId: sanction!.id, body: 'again' }))).toBe('CONFLICT')
    // Only their own sanctions.
    const other = await member()
    expect(await errorCode(fileAppeal(deps, other.accountId, { sanctionId: sanction!.id, body: 'mine?' }))).toBe(
      'NOT_FOUND',
    )

    expect(await errorCode(decideAppeal(deps, fac(), { appealId, decision: 'overturned' }))).toBe('FORBIDDEN')
    expect((await getModerationQueue(deps, fac())).appeals.map((a) => a.appealId)).not.toContain(appealId)
    expect((await getModerationQueue(deps, fac2())).appeals.map((a) => a.appealId)).toContain(appealId)
    expect(
      await errorCode(decideAppeal(deps, asActor(outsider, 'facilitator'), { appealId, decision: 'overturned' })),
    ).toBe('FORBIDDEN')

    await decideAppeal(deps, fac2(), { appealId, decision: 'overturned', note: 'Agreed, sorry.' })
    expect(await errorCode(decideAppeal(deps, asActor(admin, 'admin'), { appealId, decision: 'upheld' }))).toBe(
      'CONFLICT',
    )
    expect((await send(m, 'thank you')).body).toBe('thank you')
    const seen = await listAppealables(deps, m.accountId)
    expect(seen.find((a) => a.sanctionId === sanction!.id)).toMatchObject({
      appeal: { status: 'overturned', note: 'Agreed, sorry.' },
      canAppeal: false,
    })
  })

  it('a removed message is kept (not shown) and can be appealed; an upheld appeal leaves it removed', async () => {
    const m = await member()
    const message = await send(m, 'my removed words')
    await act(fac(), { action: 'remove', messageId: message.id })
    const [kept] = await deps.sql<{ body: string }[]>`select body from messages where id = ${message.id}`
    expect(kept!.body).toBe('my removed words')
    const { appealId } = await fileAppeal(deps, m.accountId, { messageId: message.id, body: 'Please look again.' })
    await decideAppeal(deps, asActor(admin, 'admin'), { appealId, decision: 'upheld', note: 'It breaks rule 2.' })
    expect(await statusOf(message.id)).toBe('removed')
    expect((await listAppealables(deps, m.accountId)).find((a) => a.messageId === message.id)!.appeal).toEqual({
      status: 'upheld',
      note: 'It breaks rule 2.',
    })
  })

  it('the appeal window closes after the configured days', async () => {
    const m = await member()
    await act(fac(), { action: 'mute', memberId: m.memberId, duration: 30 })
    const [sanction] = await deps.sql<
      { id: string }[]
    >`select id from moderation_sanctions where membership_id = ${m.memberId} and kind = 'mute'`
    deps.setNow(new Date(Date.now() + 15 * 86_400_000))
    try {
      expect(await errorCode(fileAppeal(deps, m.accountId, { sanctionId: sanction!.id, body: 'late' }))).toBe(
        'FORBIDDEN',
      )
    } finally {
      deps.setNow(null)
    }
  })
})

describe('escalate to crisis care', () => {
  it('a facilitator raises the crisis path for a member from a message; it is audited and paged like any crisis', async () => {
    const m = await member()
    const sent = await send(m, 'i just want everything to stop')
    await act(fac(), {
      action: 'escalate',
      memberId: m.memberId,
      messageId: sent.id,
      reason: 'worrying pattern tonight',
    })
    const [incident] =
      await deps.sql`select id, level, source, member_label as "memberLabel" from crisis_incidents where member_account_id = ${m.accountId}`
    expect(incident).toMatchObject({ level: 'high', source: 'facilitator', memberLabel: m.pseudonym })
    const [signal] =
      await deps.sql`select message_id as "messageId", reporter_account_id as "by" from crisis_signals where incident_id = ${incident!.id}`
    expect(signal).toMatchObject({ messageId: sent.id, by: facilitator.accountId })
    expect(
      await deps.sql`select 1 from outbox where job_name = 'crisis:page' and payload->>'incidentId' = ${incident!.id}`,
    ).toHaveLength(1)
    expect(
      await deps.sql`select 1 from audit_log where action = 'moderation.escalate' and actor_account_id = ${facilitator.accountId}`,
    ).toHaveLength(1)
    // A member cannot escalate anyone.
    const other = await member()
    expect(await errorCode(act(asActor(other), { action: 'escalate', memberId: m.memberId }))).toBe('FORBIDDEN')
  })
})

describe('authorization: every denial', () => {
  it('members moderate nothing', async () => {
    const m = await member()
    const target = await member()
    const message = await send(target, 'leave me be')
    for (const action of ['hide', 'remove', 'unhide'] as const) {
      expect(await errorCode(act(asActor(m), { action, messageId: message.id }))).toBe('FORBIDDEN')
    }
    for (const action of ['warn', 'mute', 'ban'] as const) {
      expect(await errorCode(act(asActor(m), { action, memberId: target.memberId }))).toBe('FORBIDDEN')
    }
    expect(await errorCode(act(asActor(m), { action: 'lock' }))).toBe('FORBIDDEN')
    expect(await errorCode(act(asActor(m), { action: 'slow_mode', slowModeSeconds: 60 }))).toBe('FORBIDDEN')
    expect(await errorCode(getModerationQueue(deps, asActor(m)))).toBe('FORBIDDEN')
    expect(await errorCode(moderatedRoomIds(deps, asActor(m)))).toBe('FORBIDDEN')
    expect(await errorCode(assignFacilitator(deps, asActor(m), { roomId, username: 'x-y-z', assign: true }))).toBe(
      'FORBIDDEN',
    )
    expect(await statusOf(message.id)).toBe('visible')
  })

  it('a facilitator moderates only rooms they are assigned to', async () => {
    const target = await member()
    const message = await send(target, 'in the anxiety room')
    const olli = asActor(outsider, 'facilitator')
    expect(await errorCode(act(olli, { action: 'hide', messageId: message.id }))).toBe('FORBIDDEN')
    expect(await errorCode(act(olli, { action: 'mute', memberId: target.memberId }))).toBe('FORBIDDEN')
    expect(await errorCode(act(olli, { action: 'lock' }))).toBe('FORBIDDEN')
    // Naming their own room while pointing at another room's message or member finds nothing.
    expect(await errorCode(act(olli, { roomId: otherRoomId, action: 'hide', messageId: message.id }))).toBe('NOT_FOUND')
    expect(await errorCode(act(olli, { roomId: otherRoomId, action: 'mute', memberId: target.memberId }))).toBe(
      'NOT_FOUND',
    )
    expect((await getModerationQueue(deps, olli)).rooms.map((r) => r.id)).toEqual([otherRoomId])
    expect(
      await errorCode(assignFacilitator(deps, olli, { roomId: otherRoomId, username: 'x-y-z', assign: true })),
    ).toBe('FORBIDDEN')
    expect(await statusOf(message.id)).toBe('visible')
  })

  it('a facilitator role without an assignment, or an unassigned facilitator, is denied; staff are not sanctioned from the queue', async () => {
    const unassigned = await chatMember(deps, 'anxiety', { role: 'facilitator' })
    const target = await member()
    expect(
      await errorCode(act(asActor(unassigned, 'facilitator'), { action: 'warn', memberId: target.memberId })),
    ).toBe('FORBIDDEN')
    expect(await errorCode(act(fac(), { action: 'mute', memberId: facilitator2.memberId }))).toBe('FORBIDDEN')
    expect(await errorCode(act(fac(), { action: 'mute', memberId: facilitator.memberId }))).toBe('FORBIDDEN')
  })
})

describe('the audit trail', () => {
  it('refuses UPDATE and DELETE, and the verify command proves the chain, and catches tampering', async () => {
    expect(await auditCount('moderation.hide')).toBeGreaterThan(0)
    await expect(
      deps.sql`update audit_log set reason = 'nothing to see' where action = 'moderation.hide'`,
    ).rejects.toThrow(/append-only/)
    await expect(deps.sql`delete from audit_log where action = 'moderation.hide'`).rejects.toThrow(/append-only/)

    const lines: string[] = []
    expect(await runAuditVerify(deps.databaseUrl, (l) => lines.push(l))).toBe(0)
    expect(lines[0]).toMatch(/^audit log intact: \d+ rows$/)

    // Someone with the power to switch the guard off edits a row: the verifier names it.
    const [row] = await deps.sql<
      { id: string }[]
    >`select id::text from audit_log where action = 'moderation.hide' order by id limit 1`
    await deps.sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger audit_log_no_update_delete`
      await tx`update audit_log set reason = 'rewritten' where id = ${row!.id}`
      await tx`alter table audit_log enable trigger audit_log_no_update_delete`
    })
    lines.length = 0
    expect(await runAuditVerify(deps.databaseUrl, (l) => lines.push(l))).toBe(1)
    expect(lines[0]).toContain(`broken at row ${row!.id}`)
  })
})
