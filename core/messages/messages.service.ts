import { randomUUID } from 'node:crypto'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import { requireWithinRateLimits, type RateLimitRule } from '../security/rate-limit.js'
import { classifyRisk, type RiskResult } from '../crisis/classifier.js'
import { memberCountry } from '../crisis/crisis-lines.js'
import { crisisCardFor, raiseCrisis, raiseCrisisInTransaction } from '../crisis/crisis.service.js'
import { transaction } from '../after-commit.js'
import type { RaiseCrisisResult } from '../crisis/crisis.schema.js'
import { formatInZone } from '../groups/recurrence.js'
import { newMessageEmail } from './messages.emails.js'
import * as q from './messages.queries.js'
import {
  DEFAULT_RESPONSE_HOURS,
  threadIdSchema,
  type Inbox,
  type InboxThread,
  type NewThreadView,
  type SendMessageInput,
  type SendResult,
  type ThreadSide,
  type ThreadView,
} from './messages.schema.js'

/**
 * Private, asynchronous messages between a member of a group and the group's facilitators
 * (docs/decisions/016-private-messages.md). One thread per group and member; the facilitator and the
 * co-facilitator both read and answer it. Facilitators see the member only by their group pseudonym.
 * Anyone else gets NOT_FOUND: a thread's existence is not revealed.
 */

export const MESSAGE_RATE_LIMIT: RateLimitRule = { bucket: 'dm-send', limit: 20, windowSeconds: 600 }
/** The member's own earlier messages in the thread that the crisis classifier reads as context. */
const CONTEXT_MESSAGES = 5

interface Access {
  thread: q.ThreadRow
  side: ThreadSide
}

const facilitatorIdsOf = (g: { facilitatorId: string; coFacilitatorId: string | null }) =>
  [g.facilitatorId, g.coFacilitatorId].filter((id): id is string => Boolean(id))

async function requireThreadAccess(deps: CoreDeps, actor: SessionAccount, threadId: string): Promise<Access> {
  if (!threadIdSchema.safeParse(threadId).success) throw new AppError('NOT_FOUND')
  const thread = await q.findThread(deps.sql, threadId)
  if (!thread) throw new AppError('NOT_FOUND')
  if (thread.memberAccountId === actor.accountId) return { thread, side: 'member' }
  if (facilitatorIdsOf(thread).includes(actor.accountId)) return { thread, side: 'facilitator' }
  throw new AppError('NOT_FOUND')
}

/** The group and the actor's approved membership in it: only members start a thread with the facilitators. */
async function requireApprovedMember(deps: CoreDeps, actor: SessionAccount, groupId: string) {
  if (!threadIdSchema.safeParse(groupId).success) throw new AppError('NOT_FOUND')
  const group = await q.findGroup(deps.sql, groupId)
  if (!group) throw new AppError('NOT_FOUND')
  const membership = await q.findMembership(deps.sql, groupId, actor.accountId)
  if (membership?.status !== 'approved') throw new AppError('NOT_FOUND')
  return { group, membership }
}

async function facilitatorsOf(deps: CoreDeps, group: { facilitatorId: string; coFacilitatorId: string | null }) {
  const ids = facilitatorIdsOf(group)
  const profiles = await q.findFacilitators(deps.sql, ids)
  const byId = new Map(profiles.map((p) => [p.accountId, p]))
  return {
    names: ids.map((id) => byId.get(id)?.displayName).filter((n): n is string => Boolean(n)),
    responseHours: byId.get(group.facilitatorId)?.responseHours ?? DEFAULT_RESPONSE_HOURS,
  }
}

/** Live update for everyone in the thread (ids only); each page re-reads what its viewer may see. */
function announceThread(
  deps: CoreDeps,
  thread: { id: string; memberAccountId: string; facilitatorId: string; coFacilitatorId: string | null },
) {
  for (const accountId of [thread.memberAccountId, ...facilitatorIdsOf(thread)]) {
    deps.realtime.emitToRoom(socketRooms.account(accountId), 'thread:updated', { threadId: thread.id })
  }
}

// ── reading ────────────────────────────────────────────────────────────────────────────────────────────
export async function listInbox(deps: CoreDeps, actor: SessionAccount): Promise<Inbox> {
  const now = nowOf(deps).getTime()
  const zone = await q.findAccountTimeZone(deps.sql, actor.accountId)
  const label = (d: Date) => formatInZone(d, zone, actor.locale)
  const [asMemberRows, asFacilitatorRows] = await Promise.all([
    q.listMemberThreads(deps.sql, actor.accountId),
    actor.role === 'facilitator' ? q.listFacilitatorThreads(deps.sql, actor.accountId) : Promise.resolve([]),
  ])
  const ids = [...new Set(asMemberRows.flatMap(facilitatorIdsOf))]
  const names = new Map((await q.findFacilitators(deps.sql, ids)).map((p) => [p.accountId, p.displayName]))
  const asMember: InboxThread[] = asMemberRows.map((row) => ({
    id: row.id,
    groupTitle: row.groupTitle,
    withName: facilitatorIdsOf(row)
      .map((id) => names.get(id))
      .filter(Boolean)
      .join(', '),
    unread: row.unread,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastMessageLabel: label(row.lastMessageAt),
    waitingSince: null,
    waitingLabel: null,
    overdue: false,
    canSend: row.memberStatus === 'approved',
  }))
  const asFacilitator: InboxThread[] = asFacilitatorRows.map((row) => ({
    id: row.id,
    groupTitle: row.groupTitle,
    withName: row.memberPseudonym,
    unread: row.unread,
    lastMessageAt: row.lastMessageAt.toISOString(),
    lastMessageLabel: label(row.lastMessageAt),
    waitingSince: row.waitingSince?.toISOString() ?? null,
    waitingLabel: row.waitingSince ? label(row.waitingSince) : null,
    overdue: row.waitingSince !== null && now - row.waitingSince.getTime() > row.responseHours * 3_600_000,
    canSend: row.memberStatus === 'approved',
  }))
  return { asMember, asFacilitator }
}

/** Total unread messages addressed to the account (both as a member and as a facilitator). */
export async function countUnread(deps: CoreDeps, actor: SessionAccount): Promise<number> {
  return q.countUnreadFor(deps.sql, actor.accountId)
}

/** Open a thread: what the other side wrote becomes read (any facilitator opening counts for both). */
export async function openThread(deps: CoreDeps, actor: SessionAccount, threadId: string): Promise<ThreadView> {
  const { thread, side } = await requireThreadAccess(deps, actor, threadId)
  const marked = await q.markReadBy(deps.sql, thread.id, side, nowOf(deps))
  if (marked > 0) announceThread(deps, thread)
  const [rows, facilitators, zone] = await Promise.all([
    q.listMessages(deps.sql, thread.id),
    facilitatorsOf(deps, thread),
    q.findAccountTimeZone(deps.sql, actor.accountId),
  ])
  return {
    id: thread.id,
    viewerSide: side,
    groupId: thread.groupId,
    groupTitle: thread.groupTitle,
    facilitatorNames: facilitators.names,
    memberPseudonym: thread.memberPseudonym,
    responseHours: facilitators.responseHours,
    canSend: thread.memberStatus === 'approved',
    messages: rows.map((m) => ({
      id: m.id,
      mine: m.authorAccountId === actor.accountId,
      author:
        m.authorAccountId === actor.accountId
          ? null
          : m.authorSide === 'member'
            ? thread.memberPseudonym
            : m.authorDisplayName,
      byFacilitator: m.authorSide === 'facilitator',
      body: m.body,
      sentAt: m.createdAt.toISOString(),
      readAt: m.readAt?.toISOString() ?? null,
      sentLabel: formatInZone(m.createdAt, zone, actor.locale),
      readLabel: m.readAt ? formatInZone(m.readAt, zone, actor.locale) : null,
    })),
  }
}

/** The member's "Message the facilitator": their existing thread, or what the empty one will show. */
export async function startThread(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
): Promise<{ threadId: string } | { threadId: null; view: NewThreadView }> {
  const { group } = await requireApprovedMember(deps, actor, groupId)
  const threadId = await q.findThreadIdOf(deps.sql, group.id, actor.accountId)
  if (threadId) return { threadId }
  const facilitators = await facilitatorsOf(deps, group)
  return {
    threadId: null,
    view: {
      groupId: group.id,
      groupTitle: group.title,
      facilitatorNames: facilitators.names,
      responseHours: facilitators.responseHours,
    },
  }
}

/** A fresh id for a send form, so a double submit of that form stores one message. */
export function newClientId(): string {
  return randomUUID()
}

// ── sending ────────────────────────────────────────────────────────────────────────────────────────────
type Target = { threadId: string } | { groupId: string }

interface Resolved {
  side: ThreadSide
  groupId: string
  memberAccountId: string
  memberPseudonym: string
  threadId: string | null
  facilitatorId: string
  coFacilitatorId: string | null
}

async function resolveTarget(deps: CoreDeps, actor: SessionAccount, target: Target): Promise<Resolved> {
  if ('threadId' in target) {
    const { thread, side } = await requireThreadAccess(deps, actor, target.threadId)
    // A member who left keeps the thread to read; it no longer takes messages from either side.
    if (thread.memberStatus !== 'approved') throw new AppError('FORBIDDEN')
    return {
      side,
      groupId: thread.groupId,
      memberAccountId: thread.memberAccountId,
      memberPseudonym: thread.memberPseudonym,
      threadId: thread.id,
      facilitatorId: thread.facilitatorId,
      coFacilitatorId: thread.coFacilitatorId,
    }
  }
  const { group, membership } = await requireApprovedMember(deps, actor, target.groupId)
  return {
    side: 'member',
    groupId: group.id,
    memberAccountId: actor.accountId,
    memberPseudonym: membership.pseudonym,
    threadId: await q.findThreadIdOf(deps.sql, group.id, actor.accountId),
    facilitatorId: group.facilitatorId,
    coFacilitatorId: group.coFacilitatorId,
  }
}

/**
 * Send a message. Idempotent on the form's client id (a double submit finds the stored message). A member's
 * message is read by the crisis classifier first; any risk raises a crisis in the message's own transaction
 * (source 'direct_message'), and the member gets the crisis card. A notification job (ids only) is written in
 * the same transaction.
 */
export async function sendMessage(
  deps: CoreDeps,
  actor: SessionAccount,
  target: Target,
  input: SendMessageInput,
): Promise<SendResult> {
  const to = await resolveTarget(deps, actor, target)
  const replay = await q.findOwnMessageByClientId(deps.sql, actor.accountId, input.clientId)
  if (replay) return replayOf(deps, to, replay)

  const country = memberCountry({ accountCountry: actor.country, language: actor.locale })
  // Every risk level raises a crisis here, unlike a live room: a private message may wait hours for its reader.
  let risk: RiskResult | null = null
  if (to.side === 'member') {
    const context = to.threadId ? await q.recentMemberTexts(deps.sql, to.threadId, CONTEXT_MESSAGES) : []
    const result = classifyRisk(input.body, { context })
    if (result.level !== 'none') risk = result
  }

  try {
    await requireWithinRateLimits(
      deps.redis,
      { prefix: deps.config.REDIS_PREFIX, secret: deps.config.SESSION_SECRET },
      [{ rule: MESSAGE_RATE_LIMIT, identifier: actor.accountId }],
    )
  } catch (error) {
    // A refused message that read as a crisis is still heard (as in chat, docs/decisions/014).
    if (risk) {
      await raiseCrisis(deps, {
        memberAccountId: actor.accountId,
        source: 'direct_message',
        level: risk.level as 'concern' | 'high' | 'imminent',
        classifierSignals: risk.signals,
        reason: 'message not delivered',
        memberLabel: to.memberPseudonym,
        country,
      })
    }
    throw error
  }

  const at = nowOf(deps)
  const stored = await transaction(deps, async (tx) => {
    const threadId = to.threadId ?? (await q.upsertThread(tx, to.groupId, to.memberAccountId))
    const messageId = await q.insertMessage(tx, {
      threadId,
      authorAccountId: actor.accountId,
      side: to.side,
      clientId: input.clientId,
      body: input.body,
      at,
    })
    if (!messageId) return null
    await q.touchThread(tx, threadId, at)
    let raised: RaiseCrisisResult | null = null
    // The raise announces itself after the commit (afterCommit).
    if (risk) {
      raised = await raiseCrisisInTransaction(tx, deps, {
        memberAccountId: to.memberAccountId,
        source: 'direct_message',
        level: risk.level as 'concern' | 'high' | 'imminent',
        messageId,
        classifierSignals: risk.signals,
        memberLabel: to.memberPseudonym,
        country,
      })
    }
    await enqueueOutbox(tx, 'messages:notify', { messageId })
    return { threadId, messageId, raised }
  })
  if (!stored) {
    // Two submits of one form raced: the other one stored it.
    const again = await q.findOwnMessageByClientId(deps.sql, actor.accountId, input.clientId)
    if (!again) throw new AppError('CONFLICT')
    return replayOf(deps, to, again)
  }
  announceThread(deps, {
    id: stored.threadId,
    memberAccountId: to.memberAccountId,
    facilitatorId: to.facilitatorId,
    coFacilitatorId: to.coFacilitatorId,
  })
  deps.log.info(
    { threadId: stored.threadId, messageId: stored.messageId, side: to.side, risk: risk?.level ?? 'none' },
    'direct message sent',
  )
  return {
    threadId: stored.threadId,
    messageId: stored.messageId,
    created: true,
    crisis: risk ? crisisCardFor(stored.raised ?? { incidentId: null, status: null }, country) : null,
  }
}

async function replayOf(deps: CoreDeps, to: Resolved, replay: { id: string; threadId: string }): Promise<SendResult> {
  // A client id belongs to one form: reused for another thread it is a bad request, not a resend.
  const threadId = to.threadId ?? (await q.findThreadIdOf(deps.sql, to.groupId, to.memberAccountId))
  if (threadId !== replay.threadId) throw new AppError('CONFLICT')
  return { threadId: replay.threadId, messageId: replay.id, created: false, crisis: null }
}

// ── notifications (notifications worker) ───────────────────────────────────────────────────────────────
/**
 * "You have a new message" to the other side: the member (if registered with an email) or the group's
 * facilitators. No name, pseudonym, group or text. One email per thread and recipient until they have read
 * what they were emailed about; a retried job sends nothing twice (deliveries are recorded per message).
 */
export async function notifyNewMessage(deps: CoreDeps, payload: { messageId: string }): Promise<{ sent: number }> {
  const message = await q.findMessageForNotify(deps.sql, payload.messageId)
  // Deleted with its thread, or already read: nothing to tell.
  if (!message || message.readAt) return { sent: 0 }
  const recipientIds = message.authorSide === 'member' ? facilitatorIdsOf(message) : [message.memberAccountId]
  const link = `${deps.config.publicUrl}/messages`
  let sent = 0
  for (const person of await q.findRecipients(deps.sql, recipientIds)) {
    if (!person.email) continue
    const claimed = await deps.sql.begin(async (tx) => {
      if (!(await q.lockThread(tx, message.threadId))) return false
      if (await q.alreadyEmailed(tx, message.threadId, message.id, person.accountId)) return false
      await q.recordEmail(tx, message.id, message.threadId, person.accountId, nowOf(deps))
      return true
    })
    if (!claimed) continue
    try {
      await deps.mailer.send({ to: person.email, ...newMessageEmail(person.locale, link) })
    } catch (error) {
      // Let the retry send it: the claim is released so this recipient is not skipped next time.
      await q.releaseEmail(deps.sql, message.id, person.accountId)
      throw error
    }
    sent++
  }
  return { sent }
}

// ── export ─────────────────────────────────────────────────────────────────────────────────────────────
/**
 * Everything of the account in this slice: the threads they are the member of, with both sides' messages
 * (facilitators by display name) and read times, and the answers they wrote as a facilitator (their own words only).
 */
export async function exportMessagesData(deps: CoreDeps, accountId: string) {
  const threads = await q.listMemberThreads(deps.sql, accountId)
  const asMember = await Promise.all(
    threads.map(async (t) => ({
      group: t.groupTitle,
      myPseudonym: t.memberPseudonym,
      messages: (await q.listMessages(deps.sql, t.id)).map((m) => ({
        from: m.authorSide === 'member' ? 'me' : (m.authorDisplayName ?? 'facilitator'),
        body: m.body,
        sentAt: m.createdAt.toISOString(),
        readAt: m.readAt?.toISOString() ?? null,
      })),
    })),
  )
  const answeredAsFacilitator = (await q.listOwnAuthoredAsFacilitator(deps.sql, accountId)).map((m) => ({
    body: m.body,
    sentAt: m.createdAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
  }))
  return { threads: asMember, answeredAsFacilitator }
}
