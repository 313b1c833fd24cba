import { randomUUID } from 'node:crypto'
import type { TransactionSql } from '../../db/client.js'
import { commitsPipelined, commitWith, transaction } from '../after-commit.js'
import { recordAudit } from '../audit/audit.service.js'
import { requireRoomMember } from '../chat/chat.service.js'
import { invalidateChatAccount, invalidateChatRoom } from '../chat/membership-cache.js'
import type { MemberModerationStatus, ReportCategory, SanctionKind } from '../contracts/socket-events.moderation.js'
import { raiseCrisisInTransaction } from '../crisis/crisis.service.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { can, requireCapability } from '../identity/permissions.js'
import { enqueueOutbox, outboxRowSelect } from '../outbox/outbox.queries.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import * as q from './moderation.queries.js'
import { announceFlag, announceMessageState, moderationRooms } from './moderation.realtime.js'
import type {
  ActRequest,
  Appealable,
  ModerationQueue,
  QueueAppeal,
  QueueItem,
  QueueMessage,
} from './moderation.schema.js'
import { WARNINGS_BEFORE_MUTE, deadlineMinutes, ladderOf, nextPenalty, scorePriority } from './penalties.js'

export interface Actor {
  accountId: string
  role: string
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

// ---------------------------------------------------------------------------------------------
// Authorization

/** Admins moderate every room; a facilitator only the rooms they are assigned to; members nothing. */
export async function canModerate(deps: CoreDeps, actor: Actor, roomId: string): Promise<boolean> {
  if (can(actor, 'moderation:every-room')) return true
  if (!can(actor, 'moderation:act')) return false
  return q.isAssignedFacilitator(deps.sql, roomId, actor.accountId)
}

export async function requireModerator(deps: CoreDeps, actor: Actor, roomId: string): Promise<void> {
  if (!(await canModerate(deps, actor, roomId))) throw new AppError('FORBIDDEN')
}

// ---------------------------------------------------------------------------------------------
// Opening flags (the send pipeline's screen, reports)

/**
 * Opens (or joins) the message's flag and enqueues its scoring in the caller's transaction, so a flag
 * exists only with its committed message and always reaches the worker.
 */
export async function flagInTransaction(
  tx: TransactionSql,
  deps: CoreDeps,
  input: {
    messageId: string
    roomId: string
    membershipId: string
    source: 'report' | 'screen' | 'facilitator'
    category: ReportCategory
    signals?: string[]
    screenReason?: string | null
    held?: boolean
  },
): Promise<q.FlagRow> {
  // A new flag and its job: one statement (inside a message's transaction the room's lock is held meanwhile).
  const { flag, created } = await q.openFlag(tx, newFlagRow(tx, deps, input))
  if (!created) await enqueueOutbox(tx, 'moderation:flag', { flagId: flag.id })
  return flag
}

/**
 * A flag on a message written in this same transaction (the send's persist hook). No other transaction can have
 * flagged it (it is not committed yet), so the flag's statement never finds one open and nothing here needs its
 * answer: in a transaction whose COMMIT is pipelined it leaves with the COMMIT (decision 073); otherwise it is
 * `flagInTransaction`.
 */
export async function flagNewMessageInTransaction(
  tx: TransactionSql,
  deps: CoreDeps,
  input: Parameters<typeof flagInTransaction>[2],
): Promise<void> {
  if (!commitsPipelined(tx)) {
    await flagInTransaction(tx, deps, input)
    return
  }
  commitWith(tx, q.insertFlagWithJob(tx, newFlagRow(tx, deps, input)))
}

/** A new flag's row for `input`, with a fresh id, its priority and deadline, and its job (one statement with it). */
function newFlagRow(tx: TransactionSql, deps: CoreDeps, input: Parameters<typeof flagInTransaction>[2]) {
  const now = nowOf(deps)
  const priority = flagPriority(input)
  const id = randomUUID()
  return {
    ...input,
    id,
    priority,
    deadlineAt: new Date(now.getTime() + deadlineMinutes(priority) * MINUTE),
    now,
    job: outboxRowSelect(tx, 'moderation:flag', { flagId: id }),
  }
}

function flagPriority(input: Parameters<typeof flagInTransaction>[2]): number {
  return scorePriority({
    category: input.category,
    held: input.held ?? false,
    distinctReporters: 0,
    facilitatorReport: input.source === 'facilitator',
    reporterHistory: [],
  })
}

/**
 * A member reports someone else's message, once. The reported member never learns who reported;
 * a "self-harm risk" report also raises the crisis path for the message's author, in the same transaction.
 */
export async function reportMessage(
  deps: CoreDeps,
  actor: Actor,
  input: { roomId: string; messageId: string; category: ReportCategory; note?: string },
): Promise<{ reported: true }> {
  const { membership } = await requireRoomMember(deps, actor.accountId, input.roomId)
  const message = await q.findTargetMessage(deps.sql, input.roomId, input.messageId)
  if (!message || message.status === 'held') throw new AppError('NOT_FOUND')
  if (message.membershipId === membership.id) throw new AppError('BAD_REQUEST')
  if (await q.hasReported(deps.sql, message.id, membership.id))
    throw new AppError('CONFLICT', { report: 'already_reported' })
  const byFacilitator = await canModerate(deps, actor, input.roomId)
  const now = nowOf(deps)
  const flag = await transaction(deps, async (tx) => {
    const flag = await flagInTransaction(tx, deps, {
      messageId: message.id,
      roomId: input.roomId,
      membershipId: message.membershipId,
      source: byFacilitator ? 'facilitator' : 'report',
      category: input.category,
    })
    const inserted = await q.insertReport(tx, {
      messageId: message.id,
      reporterMembershipId: membership.id,
      flagId: flag.id,
      category: input.category,
      note: input.note ?? '',
      byFacilitator,
      now,
    })
    // A double click racing itself: the first report stands, this transaction changes nothing.
    if (!inserted) throw new AppError('CONFLICT', { report: 'already_reported' })
    // Announced after the commit by the raise itself (afterCommit).
    if (input.category === 'self_harm') {
      await raiseCrisisInTransaction(tx, deps, {
        memberAccountId: message.accountId,
        source: 'report',
        level: 'concern',
        roomId: input.roomId,
        messageId: message.id,
        reporterAccountId: actor.accountId,
        memberLabel: message.pseudonym,
      })
    }
    return flag
  })
  // The queue shows it at once; the worker announces again once it has scored it.
  announceFlag(deps, {
    flagId: flag.id,
    roomId: flag.roomId,
    priority: flag.priority,
    status: 'open',
    stage: flag.stage,
  })
  return { reported: true }
}

// ---------------------------------------------------------------------------------------------
// The member's side

export async function getMemberStatus(
  deps: CoreDeps,
  accountId: string,
  roomId: string,
): Promise<MemberModerationStatus> {
  // Not requireRoomMember: a banned member may not read the room, but may learn until when they are banned.
  const membershipId = await q.findMembershipIdOf(deps.sql, roomId, accountId)
  if (!membershipId) throw new AppError('FORBIDDEN')
  return memberStatusOf(deps, roomId, membershipId)
}

async function memberStatusOf(deps: CoreDeps, roomId: string, membershipId: string): Promise<MemberModerationStatus> {
  const now = nowOf(deps)
  const active = await q.activeRestrictions(deps.sql, membershipId, now)
  const until = (kind: SanctionKind) => active.find((s) => s.kind === kind)?.endsAt.toISOString() ?? null
  return {
    roomId,
    mutedUntil: until('mute'),
    bannedUntil: until('ban'),
    activeWarnings: await q.countActiveWarnings(deps.sql, membershipId, now),
  }
}

/**
 * The send pipeline's check (and reactions'). A sanction holds at once on every server: the send path keeps the rows
 * in its cache only until a sanction invalidates it (decision 046); other callers read PostgreSQL.
 */
export async function requireMaySend(
  deps: CoreDeps,
  membershipId: string,
  /** The send path passes the rows kept in its cache (decision 046); they are compared with the clock here. */
  restrictions: (now: Date) => Promise<q.SanctionRow[]> = (now) => q.activeRestrictions(deps.sql, membershipId, now),
): Promise<void> {
  const now = nowOf(deps)
  const active = (await restrictions(now)).filter((s) => s.startsAt <= now && s.endsAt > now)
  const ban = active.find((s) => s.kind === 'ban')
  if (ban) throw new AppError('BANNED', { until: ban.endsAt.toISOString() })
  const mute = active.find((s) => s.kind === 'mute')
  if (mute) throw new AppError('MUTED', { until: mute.endsAt.toISOString() })
}

// ---------------------------------------------------------------------------------------------
// Facilitators' actions

interface Effects {
  messages: string[]
  sanctions: Array<{ accountId: string; kind: SanctionKind; until: string | null; ended: boolean }>
  room: { slowModeSeconds: number; locked: boolean } | null
  flags: Array<{ flagId: string; status: 'open' | 'dismissed' | 'actioned'; priority: number; stage: number }>
}

/**
 * One moderation action, taken at once: the change and its audit row commit together; then every
 * server process hears of it (peers' screens, the member's composer, the facilitators' queue).
 */
export async function takeModerationAction(deps: CoreDeps, actor: Actor, input: ActRequest): Promise<{ done: true }> {
  await requireModerator(deps, actor, input.roomId)
  const now = nowOf(deps)
  const reason = input.reason ?? ''
  const effects: Effects = { messages: [], sanctions: [], room: null, flags: [] }
  const ladder = ladderOf(deps.config)

  await transaction(deps, async (tx) => {
    const audit = (
      action: string,
      targetType: string,
      targetId: string,
      details: Record<string, string | number | boolean | null> = {},
    ) =>
      recordAudit(tx, deps, {
        actorAccountId: actor.accountId,
        action: `moderation.${action}`,
        targetType,
        targetId,
        reason,
        details: { roomId: input.roomId, ...details },
      })

    const flag = input.flagId ? await q.lockFlag(tx, input.flagId) : null
    if (input.flagId && (!flag || flag.roomId !== input.roomId)) throw new AppError('NOT_FOUND')
    const messageId = input.messageId ?? flag?.messageId
    const memberId = input.memberId ?? flag?.membershipId

    const resolve = async (status: 'dismissed' | 'actioned') => {
      const open = flag?.status === 'open' ? flag : messageId ? await q.findOpenFlagOfMessage(tx, messageId) : null
      if (open && (await q.resolveFlag(tx, open.id, status, actor.accountId, now))) {
        effects.flags.push({ flagId: open.id, status, priority: open.priority, stage: open.stage })
      }
    }
    const requireMessage = async () => {
      if (!messageId) throw new AppError('BAD_REQUEST')
      const message = await q.lockTargetMessage(tx, input.roomId, messageId)
      if (!message) throw new AppError('NOT_FOUND')
      return message
    }
    const requireMember = async () => {
      if (!memberId) throw new AppError('BAD_REQUEST')
      const member = await q.findMembershipInRoom(tx, input.roomId, memberId)
      if (!member) throw new AppError('NOT_FOUND')
      // Staff are not sanctioned from the queue; an admin handles that outside it.
      if (member.role !== 'member' || member.accountId === actor.accountId) throw new AppError('FORBIDDEN')
      await q.lockMembership(tx, member.id)
      return member
    }
    const setStatus = async (message: q.TargetMessage, status: q.MessageStatus) => {
      await q.setMessageStatus(tx, message.id, status, actor.accountId, now)
      effects.messages.push(message.id)
    }
    const sanction = async (
      member: { id: string; accountId: string },
      kind: SanctionKind,
      durationMs: number,
      details: Record<string, string | number | boolean | null> = {},
    ) => {
      const row = await q.insertSanction(tx, {
        roomId: input.roomId,
        membershipId: member.id,
        kind,
        reason,
        flagId: flag?.id ?? null,
        messageId: messageId ?? null,
        actorAccountId: actor.accountId,
        startsAt: now,
        endsAt: new Date(now.getTime() + durationMs),
      })
      await audit(kind === 'warning' ? 'warn' : kind, 'membership', member.id, {
        sanctionId: row.id,
        until: row.endsAt.toISOString(),
        ...details,
      })
      // A warning reaches the member live too (their composer shows it without a reload), like a mute or ban.
      effects.sanctions.push({ accountId: member.accountId, kind, until: row.endsAt.toISOString(), ended: false })
      return row
    }
    const escalate = async (
      member: { id: string; accountId: string },
      details: Record<string, string | number | boolean | null>,
    ) => {
      const step = nextPenalty(ladder, await q.countPriorMutes(tx, member.id))
      await sanction(member, step.kind, step.durationMs, { ladder: true, ...details })
    }

    switch (input.action) {
      case 'claim': {
        if (!flag) throw new AppError('BAD_REQUEST')
        if (!(await q.claimFlag(tx, flag.id, actor.accountId))) throw new AppError('CONFLICT')
        await audit('claim', 'flag', flag.id)
        effects.flags.push({ flagId: flag.id, status: 'open', priority: flag.priority, stage: flag.stage })
        break
      }
      case 'dismiss': {
        if (!flag) throw new AppError('BAD_REQUEST')
        if (flag.status !== 'open') throw new AppError('CONFLICT')
        const message = await requireMessage()
        // Nothing wrong after all: a held message goes out, an automatic hide is undone.
        if (
          message.status === 'held' ||
          (message.status === 'hidden' && flag.autoHiddenAt && message.moderatedBy === null)
        )
          await setStatus(message, 'visible')
        await resolve('dismissed')
        await audit('dismiss', 'flag', flag.id, { messageId: message.id })
        break
      }
      case 'hide':
      case 'remove': {
        const message = await requireMessage()
        const status = input.action === 'hide' ? 'hidden' : 'removed'
        if (message.status === status) throw new AppError('CONFLICT')
        await setStatus(message, status)
        await resolve('actioned')
        await audit(input.action, 'message', message.id, { memberId: message.membershipId })
        break
      }
      case 'release': {
        const message = await requireMessage()
        if (message.status !== 'held') throw new AppError('CONFLICT')
        await setStatus(message, 'visible')
        await resolve('dismissed')
        await audit('release', 'message', message.id, { memberId: message.membershipId })
        break
      }
      case 'unhide': {
        const message = await requireMessage()
        // A message whose text retention purged has nothing to show again.
        if (message.status === 'visible' || message.purged) throw new AppError('CONFLICT')
        await setStatus(message, 'visible')
        await resolve('actioned')
        await audit('unhide', 'message', message.id, { memberId: message.membershipId, was: message.status })
        break
      }
      case 'warn': {
        const member = await requireMember()
        await sanction(member, 'warning', ladder.warningMs)
        if ((await q.countActiveWarnings(tx, member.id, now)) >= WARNINGS_BEFORE_MUTE)
          await escalate(member, { warnings: WARNINGS_BEFORE_MUTE })
        await resolve('actioned')
        break
      }
      case 'mute': {
        const member = await requireMember()
        if (input.duration) await sanction(member, 'mute', input.duration * MINUTE)
        else await escalate(member, {})
        await resolve('actioned')
        break
      }
      case 'ban': {
        const member = await requireMember()
        await sanction(member, 'ban', input.duration ? input.duration * DAY : ladder.banMs)
        await resolve('actioned')
        break
      }
      case 'escalate': {
        // A facilitator's "escalate to crisis care": the member (not a sanction) — the crisis path pages a clinician.
        const member = await requireMember()
        // Announced after the commit by the raise itself (afterCommit).
        const crisis = await raiseCrisisInTransaction(tx, deps, {
          memberAccountId: member.accountId,
          source: 'facilitator',
          level: 'high',
          roomId: input.roomId,
          messageId: messageId ?? null,
          reporterAccountId: actor.accountId,
          reason: reason || null,
          memberLabel: member.pseudonym,
        })
        await audit('escalate', 'member', member.id, { incidentId: crisis.incidentId })
        await resolve('actioned')
        break
      }
      case 'end_sanction': {
        if (!input.sanctionId) throw new AppError('BAD_REQUEST')
        const row = await q.lockSanction(tx, input.roomId, input.sanctionId)
        if (!row) throw new AppError('NOT_FOUND')
        if (!(await q.endSanctionEarly(tx, row.id, actor.accountId, now))) throw new AppError('CONFLICT')
        const member = (await q.findMembershipInRoom(tx, input.roomId, row.membershipId))!
        await audit('end_sanction', 'sanction', row.id, { kind: row.kind, memberId: row.membershipId })
        if (row.kind !== 'warning')
          effects.sanctions.push({ accountId: member.accountId, kind: row.kind, until: null, ended: true })
        break
      }
      case 'slow_mode':
      case 'lock':
      case 'unlock': {
        if (!(await q.lockRoom(tx, input.roomId))) throw new AppError('NOT_FOUND')
        const settings =
          input.action === 'slow_mode'
            ? { slowModeSeconds: input.slowModeSeconds ?? 0 }
            : { locked: input.action === 'lock' }
        if (input.action === 'slow_mode' && input.slowModeSeconds === undefined) throw new AppError('BAD_REQUEST')
        effects.room = await q.updateRoomSettings(tx, input.roomId, settings)
        await audit(input.action, 'room', input.roomId, {
          slowModeSeconds: effects.room.slowModeSeconds,
          locked: effects.room.locked,
        })
        break
      }
    }
  })

  // Before anyone hears of it (and before the ack): the next send on any server reads the change (decision 046).
  for (const s of effects.sanctions) if (s.kind !== 'warning') await invalidateChatAccount(deps, s.accountId)
  if (effects.room) await invalidateChatRoom(deps, input.roomId)
  for (const messageId of effects.messages) await announceMessageState(deps, input.roomId, messageId)
  for (const s of effects.sanctions) {
    // A ban also takes the room away at once: every socket of the account leaves it (and so its presence).
    if (s.kind === 'ban' && !s.ended)
      deps.realtime.leaveRoom(socketRooms.account(s.accountId), socketRooms.chatRoom(input.roomId))
    deps.realtime.emitToRoom(socketRooms.account(s.accountId), 'moderation:sanctioned', {
      roomId: input.roomId,
      kind: s.kind,
      until: s.until,
      ended: s.ended,
    })
  }
  if (effects.room)
    deps.realtime.emitToRoom(socketRooms.chatRoom(input.roomId), 'room:moderated', {
      roomId: input.roomId,
      ...effects.room,
    })
  for (const f of effects.flags)
    announceFlag(deps, {
      flagId: f.flagId,
      roomId: input.roomId,
      priority: f.priority,
      status: f.status,
      stage: f.stage,
    })
  return { done: true }
}

// ---------------------------------------------------------------------------------------------
// The queue

const CONTEXT_SPAN = 3

export async function getModerationQueue(deps: CoreDeps, actor: Actor): Promise<ModerationQueue> {
  requireCapability(actor, 'moderation:act')
  const rooms = await q.moderatedRooms(deps.sql, actor)
  const roomIds = rooms.map((r) => r.id)
  const now = nowOf(deps)
  const rows = await q.openFlags(deps.sql, roomIds)
  const flags: QueueItem[] = await Promise.all(
    rows.map(async (row) => {
      const [around, counts, sanctions] = await Promise.all([
        q.messagesAround(deps.sql, row.roomId, row.seq, CONTEXT_SPAN),
        q.flagCountsOfMembership(deps.sql, row.membershipId),
        q.sanctionsOfMembership(deps.sql, row.membershipId),
      ])
      const toQueueMessage = (m: (typeof around)[number]): QueueMessage => ({
        id: m.id,
        seq: m.seq,
        pseudonym: m.pseudonym,
        body: m.deletedAt ? null : m.body,
        status: m.status,
        createdAt: m.createdAt.toISOString(),
        flagged: m.id === row.messageId,
      })
      const message = around.find((m) => m.id === row.messageId)
      return {
        flagId: row.id,
        roomId: row.roomId,
        roomTitle: row.roomTitle,
        category: row.category,
        source: row.source,
        signals: row.signals,
        priority: row.priority,
        deadlineAt: row.deadlineAt.toISOString(),
        stage: row.stage,
        held: row.held,
        autoHidden: row.autoHiddenAt !== null,
        owner: row.ownerAccountId === null ? 'nobody' : row.ownerAccountId === actor.accountId ? 'you' : 'another',
        createdAt: row.createdAt.toISOString(),
        reports: {
          count: row.reportCount,
          categories: row.reportCategories,
          notes: row.reportNotes,
          byFacilitator: row.byFacilitator,
        },
        member: { memberId: row.membershipId, pseudonym: row.pseudonym },
        message: message
          ? toQueueMessage(message)
          : {
              id: row.messageId,
              seq: row.seq,
              pseudonym: row.pseudonym,
              body: row.body,
              status: row.messageStatus,
              createdAt: row.messageCreatedAt.toISOString(),
              flagged: true,
            },
        context: around.filter((m) => m.id !== row.messageId).map(toQueueMessage),
        history: {
          flags: counts,
          sanctions: sanctions.map((s) => ({
            id: s.id,
            kind: s.kind,
            startsAt: s.startsAt.toISOString(),
            endsAt: s.endsAt.toISOString(),
            reason: s.reason,
            active: s.endedEarlyAt === null && s.endsAt > now,
          })),
        },
      }
    }),
  )
  const appeals: QueueAppeal[] = (await q.pendingAppeals(deps.sql, roomIds))
    // A different facilitator (or an admin) decides: the one who acted does not see it here.
    .filter((a) => a.originalActorId !== actor.accountId)
    .map((a) => ({
      appealId: a.id,
      roomId: a.roomId,
      roomTitle: a.roomTitle,
      pseudonym: a.pseudonym,
      memberId: a.membershipId,
      kind: a.sanctionKind ?? 'removal',
      body: a.body,
      createdAt: a.createdAt.toISOString(),
      messageBody: a.messageBody,
      sanction: a.sanctionKind
        ? { kind: a.sanctionKind, endsAt: a.sanctionEndsAt!.toISOString(), reason: a.sanctionReason ?? '' }
        : null,
    }))
  return { rooms, flags, appeals }
}

/** The rooms whose moderation announcements this account may receive. */
export async function moderatedRoomIds(deps: CoreDeps, actor: Actor): Promise<string[]> {
  requireCapability(actor, 'moderation:act')
  return (await q.moderatedRooms(deps.sql, actor)).map((r) => r.id)
}

// ---------------------------------------------------------------------------------------------
// Appeals

export async function listAppealables(deps: CoreDeps, accountId: string): Promise<Appealable[]> {
  const now = nowOf(deps)
  const windowMs = deps.config.MODERATION_APPEAL_DAYS * DAY
  const { sanctions, messages } = await q.appealablesOf(deps.sql, accountId, new Date(now.getTime() - windowMs))
  return [
    ...sanctions.map((s): Appealable => ({
      roomTitle: s.roomTitle,
      pseudonym: s.pseudonym,
      kind: s.kind,
      sanctionId: s.sanctionId,
      messageId: null,
      reason: s.reason,
      at: s.startsAt.toISOString(),
      until: (s.endedEarlyAt ?? s.endsAt).toISOString(),
      appeal: s.appealStatus ? { status: s.appealStatus, note: s.decisionNote ?? '' } : null,
      canAppeal: !s.appealStatus,
    })),
    ...messages.map((m): Appealable => ({
      roomTitle: m.roomTitle,
      pseudonym: m.pseudonym,
      kind: 'removal',
      sanctionId: null,
      messageId: m.messageId,
      reason: '',
      at: m.moderatedAt.toISOString(),
      until: null,
      appeal: m.appealStatus ? { status: m.appealStatus, note: m.decisionNote ?? '' } : null,
      canAppeal: !m.appealStatus && (m.status === 'removed' || m.status === 'hidden'),
    })),
  ]
}

/** A member appeals a mute, a ban or a removed (or hidden) message of theirs, once, within the appeal window. */
export async function fileAppeal(
  deps: CoreDeps,
  accountId: string,
  input: { sanctionId?: string; messageId?: string; body: string },
): Promise<{ appealId: string }> {
  const now = nowOf(deps)
  const windowStart = now.getTime() - deps.config.MODERATION_APPEAL_DAYS * DAY
  let target: {
    roomId: string
    membershipId: string
    sanctionId: string | null
    messageId: string | null
    actor: string | null
  }
  if (input.sanctionId) {
    const s = await q.findOwnSanction(deps.sql, accountId, input.sanctionId)
    if (!s || s.kind === 'warning') throw new AppError('NOT_FOUND')
    if (s.startsAt.getTime() < windowStart) throw new AppError('FORBIDDEN')
    target = {
      roomId: s.roomId,
      membershipId: s.membershipId,
      sanctionId: s.id,
      messageId: null,
      actor: s.actorAccountId,
    }
  } else if (input.messageId) {
    const m = await q.findOwnModeratedMessage(deps.sql, accountId, input.messageId)
    if (!m || (m.status !== 'removed' && m.status !== 'hidden')) throw new AppError('NOT_FOUND')
    if (!m.moderatedAt || m.moderatedAt.getTime() < windowStart) throw new AppError('FORBIDDEN')
    target = { roomId: m.roomId, membershipId: m.membershipId, sanctionId: null, messageId: m.id, actor: m.moderatedBy }
  } else {
    throw new AppError('BAD_REQUEST')
  }
  const appeal = await deps.sql.begin(async (tx) => {
    const row = await q.insertAppeal(tx, {
      roomId: target.roomId,
      membershipId: target.membershipId,
      sanctionId: target.sanctionId,
      messageId: target.messageId,
      body: input.body,
      originalActorId: target.actor,
      now,
    })
    if (!row) throw new AppError('CONFLICT', { appeal: 'already_appealed' })
    await recordAudit(tx, deps, {
      actorAccountId: accountId,
      action: 'moderation.appeal',
      targetType: 'appeal',
      targetId: row.id,
      details: { roomId: target.roomId, sanctionId: target.sanctionId, messageId: target.messageId },
    })
    return row
  })
  deps.realtime.emitToRoom(moderationRooms.room(appeal.roomId), 'moderation:appealed', {
    appealId: appeal.id,
    roomId: appeal.roomId,
  })
  return { appealId: appeal.id }
}

/** A different facilitator of the room, or an admin, upholds or overturns an appeal; overturning lifts its effect. */
export async function decideAppeal(
  deps: CoreDeps,
  actor: Actor,
  input: { appealId: string; decision: 'upheld' | 'overturned'; note?: string },
): Promise<void> {
  const now = nowOf(deps)
  let lifted: { accountId: string; roomId: string; kind: SanctionKind } | null = null
  let restored: { roomId: string; messageId: string } | null = null
  await deps.sql.begin(async (tx) => {
    const appeal = await q.lockAppeal(tx, input.appealId)
    if (!appeal) throw new AppError('NOT_FOUND')
    if (!(await canModerate(deps, actor, appeal.roomId))) throw new AppError('FORBIDDEN')
    if (appeal.originalActorId === actor.accountId) throw new AppError('FORBIDDEN')
    if (appeal.status !== 'pending') throw new AppError('CONFLICT')
    await q.decideAppealRow(tx, appeal.id, { status: input.decision, by: actor.accountId, note: input.note ?? '', now })
    if (input.decision === 'overturned') {
      if (appeal.sanctionId) {
        const sanction = (await q.lockSanction(tx, appeal.roomId, appeal.sanctionId))!
        if (await q.endSanctionEarly(tx, sanction.id, actor.accountId, now)) {
          const member = (await q.findMembershipInRoom(tx, appeal.roomId, sanction.membershipId))!
          lifted = { accountId: member.accountId, roomId: appeal.roomId, kind: sanction.kind }
        }
      } else if (appeal.messageId) {
        await q.setMessageStatus(tx, appeal.messageId, 'visible', actor.accountId, now)
        restored = { roomId: appeal.roomId, messageId: appeal.messageId }
      }
    }
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: `moderation.appeal_${input.decision}`,
      targetType: 'appeal',
      targetId: appeal.id,
      reason: input.note ?? '',
      details: { roomId: appeal.roomId, sanctionId: appeal.sanctionId, messageId: appeal.messageId },
    })
  })
  const l = lifted as { accountId: string; roomId: string; kind: SanctionKind } | null
  // The lifted mute or ban stops holding on every server's next send (decision 046).
  if (l) await invalidateChatAccount(deps, l.accountId)
  if (l)
    deps.realtime.emitToRoom(socketRooms.account(l.accountId), 'moderation:sanctioned', {
      roomId: l.roomId,
      kind: l.kind,
      until: null,
      ended: true,
    })
  const r = restored as { roomId: string; messageId: string } | null
  if (r) await announceMessageState(deps, r.roomId, r.messageId)
}

// ---------------------------------------------------------------------------------------------
// Admin: who moderates which room

export async function assignFacilitator(
  deps: CoreDeps,
  actor: Actor,
  input: { roomId: string; username: string; assign: boolean },
): Promise<void> {
  requireCapability(actor, 'rooms:manage')
  const account = await q.findAccountByUsername(deps.sql, input.username)
  if (!account) throw new AppError('NOT_FOUND', { username: 'unknown_account' })
  if (account.role !== 'facilitator') throw new AppError('VALIDATION_FAILED', { username: 'not_a_facilitator' })
  const changed = await deps.sql.begin(async (tx) => {
    const changed = await q.setAssignment(tx, {
      roomId: input.roomId,
      accountId: account.id,
      assign: input.assign,
      by: actor.accountId,
      now: nowOf(deps),
    })
    if (!changed) return false
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: input.assign ? 'moderation.assign' : 'moderation.unassign',
      targetType: 'room',
      targetId: input.roomId,
      details: { accountId: account.id },
    })
    return true
  })
  // Whose shifts open the room changed (decision 048): senders' cached room rules reload (decision 046).
  if (changed) await invalidateChatRoom(deps, input.roomId)
}

export async function listFacilitatorAssignments(deps: CoreDeps, actor: Actor) {
  requireCapability(actor, 'rooms:manage')
  return q.listAssignments(deps.sql)
}

// ---------------------------------------------------------------------------------------------
// What happened to my reports (issue 18)

export interface OwnReport {
  reportId: string
  category: ReportCategory
  roomTitle: string
  createdAt: string
  /** waiting: no facilitator has decided yet; action_taken: they acted on it; no_action: they looked and left it. */
  outcome: 'waiting' | 'action_taken' | 'no_action'
  decidedAt: string | null
}

/**
 * The member's own reports with their outcome. The outcome says only whether a facilitator acted, never what they
 * did to the other member (a warning, mute or ban stays between that member and the facilitators).
 */
export async function listMyReports(deps: CoreDeps, accountId: string): Promise<OwnReport[]> {
  const rows = await q.reportsOfAccount(deps.sql, accountId, 50)
  return rows.map((r) => ({
    reportId: r.reportId,
    category: r.category,
    roomTitle: r.roomTitle,
    createdAt: r.createdAt.toISOString(),
    outcome: r.status === 'open' ? 'waiting' : r.status === 'actioned' ? 'action_taken' : 'no_action',
    decidedAt: r.status === 'open' ? null : (r.resolvedAt?.toISOString() ?? null),
  }))
}
