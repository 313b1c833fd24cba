import { randomUUID } from 'node:crypto'
import type { TransactionSql } from '../../db/client.js'
import { afterCommit, commitsPipelined, commitWith, transaction } from '../after-commit.js'
import { recordAudit } from '../audit/audit.service.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { can, requireCapability } from '../identity/permissions.js'
import { decryptSensitiveProfile } from '../identity/identity.service.js'
import type { Role } from '../identity/identity.schema.js'
import { enqueueOutbox, outboxRowSelect } from '../outbox/outbox.queries.js'
import type { CrisisCard } from '../contracts/socket-events.crisis.js'
import { compareRisk } from './classifier.js'
import { crisisLinesFor, memberCountry } from './crisis-lines.js'
import * as q from './crisis.queries.js'
import { scheduleFollowUpInTransaction, type FollowUpChoice } from './crisis.followup.js'
import { announceChat, announceToClinicians, tellMember } from './crisis.realtime.js'
import {
  FALLBACK_POLICY,
  type CrisisOutcome,
  type IncidentDetail,
  type IncidentSummary,
  type RaiseCrisisInput,
  type RaiseCrisisResult,
  type CrisisChatMessage,
} from './crisis.schema.js'

export interface Actor {
  accountId: string
  role: Role
}

function requireConsoleRole(actor: Actor) {
  requireCapability(actor, 'crisis:console')
}

/** A label for the console when the signal did not come with a room pseudonym. Not derived from the account. */
function labelFor(incidentId: string) {
  return `Member ${incidentId.replace(/-/g, '').slice(0, 6).toUpperCase()}`
}

/**
 * Raise a crisis inside the caller's transaction (the chat path writes its message in the same one).
 * The incident (or the signal attached to the member's open incident) and the outbox row that starts
 * paging commit together or not at all. The announcement (member's status, console queue) is registered with
 * `afterCommit` (core/after-commit.ts), so the caller opens its transaction with `transaction(deps, …)`: it goes out
 * once right after COMMIT and never after a rollback; no caller can forget it.
 */
export async function raiseCrisisInTransaction(
  tx: TransactionSql,
  deps: CoreDeps,
  input: RaiseCrisisInput,
  reads: Promise<RaiseReads> = startRaiseReads(tx, input.memberAccountId),
): Promise<RaiseCrisisResult> {
  const at = nowOf(deps)
  // The raise runs inside the message's transaction, which holds the room's row lock: every round trip here delays
  // the room's next message and the member's card. So the reads go out together (postgres.js pipelines a
  // transaction's queries on its one connection; the chat path sends them with the message's insert), and a new
  // incident's rows are one statement.
  const [member, openFound, defaultPolicy] = await reads
  if (!member) throw new AppError('NOT_FOUND')
  const signal = {
    source: input.source,
    level: input.level,
    roomId: input.roomId ?? null,
    messageId: input.messageId ?? null,
    reporterAccountId: input.reporterAccountId ?? null,
    reason: input.reason ?? null,
    classifierSignals: input.classifierSignals ?? [],
    at,
  }
  let open = openFound
  if (!open) {
    const id = randomUUID()
    const policy = defaultPolicy ?? FALLBACK_POLICY
    const memberLabel = input.memberLabel?.trim() || labelFor(id)
    const raised: RaiseCrisisResult = {
      incidentId: id,
      created: true,
      level: input.level,
      status: 'open',
      memberLabel,
      memberAccountId: member.id,
      escalationLevel: 0,
      repeat: 0,
    }
    const incidentRows = {
      incident: {
        id,
        memberAccountId: member.id,
        memberLabel,
        memberLocale: member.locale,
        // Kept on the incident as it was when raised; a facilitator's escalation or a report has no browser to ask.
        memberCountry: input.country ?? memberCountry({ accountCountry: member.country, language: member.locale }),
        level: input.level,
        source: input.source,
        policy,
        raisedAt: at,
      },
      signal,
      actorAccountId: input.reporterAccountId ?? null,
      page: outboxRowSelect(tx, 'crisis:page', { incidentId: id, level: 0, repeat: 0 }),
    }
    if (commitsPipelined(tx)) {
      // The statement leaves with the COMMIT (decision 073); an open incident committed meanwhile by a concurrent
      // raise makes it fail and the transaction roll back (its caller writes it again, and then attaches).
      commitWith(tx, q.insertRaisedIncident(tx, { ...incidentRows, failIfOpen: true }))
      return announcedAfterCommit(tx, deps, raised)
    }
    // The incident, its signal, its `raised` event and its page job: one statement, all or (an open one exists) none.
    if (await q.insertRaisedIncident(tx, incidentRows)) return announcedAfterCommit(tx, deps, raised)
    // Another transaction raised one for this member a moment ago: attach to it.
    open = await q.selectOpenIncidentForUpdate(tx, member.id)
    if (!open) throw new AppError('CONFLICT')
  }
  const incident = open
  const level = compareRisk(input.level, incident.level) > 0 ? input.level : incident.level
  const attached = Promise.all([
    q.insertSignal(tx, { incidentId: incident.id, ...signal }),
    q.insertEvent(tx, { incidentId: incident.id, kind: 'signal', actorAccountId: input.reporterAccountId ?? null, at }),
    ...(level !== incident.level
      ? [
          q.updateIncidentLevel(tx, incident.id, level),
          q.insertEvent(tx, { incidentId: incident.id, kind: 'level_raised', at }),
        ]
      : []),
  ])
  // Nothing here needs their answers: with a pipelined COMMIT they leave with it (decision 073).
  if (commitsPipelined(tx)) commitWith(tx, attached)
  else await attached
  return announcedAfterCommit(tx, deps, {
    incidentId: incident.id,
    created: false,
    level,
    status: incident.status,
    memberLabel: incident.memberLabel,
    memberAccountId: member.id,
    escalationLevel: incident.escalationLevel,
    repeat: incident.escalationRepeat,
  })
}

export type RaiseReads = [
  Awaited<ReturnType<typeof q.findAccountBrief>>,
  Awaited<ReturnType<typeof q.selectOpenIncidentForUpdate>>,
  Awaited<ReturnType<typeof q.selectDefaultPolicy>>,
]

/**
 * What a raise reads (the member, their open incident, locked, and the default policy), sent at once and not
 * awaited here: the chat path starts it right behind the message's insert so both share one round trip
 * (`PersistHook.alongside`), then hands it to `raiseCrisisInTransaction`. Only in the transaction that raises.
 */
export function startRaiseReads(tx: TransactionSql, memberAccountId: string): Promise<RaiseReads> {
  const reads = Promise.all([
    q.findAccountBrief(tx, memberAccountId),
    q.selectOpenIncidentForUpdate(tx, memberAccountId),
    q.selectDefaultPolicy(tx),
  ])
  // A transaction that fails before the raise awaits it (a resend found at the insert) rolls back; not unhandled.
  reads.catch(() => {})
  return reads
}

function announcedAfterCommit(tx: TransactionSql, deps: CoreDeps, result: RaiseCrisisResult): RaiseCrisisResult {
  afterCommit(tx, () => announceCrisisRaised(deps, result))
  return result
}

/** After the raising transaction committed (registered by raiseCrisisInTransaction): the member's status and the console's queue update live. */
export function announceCrisisRaised(deps: CoreDeps, result: RaiseCrisisResult) {
  tellMember(deps, result.memberAccountId, result.incidentId, result.status)
  announceToClinicians(deps, 'incident:updated', {
    id: result.incidentId,
    memberLabel: result.memberLabel,
    level: result.level,
    status: result.status,
    escalationLevel: result.escalationLevel,
    escalationRepeat: result.repeat,
  })
}

export async function raiseCrisis(deps: CoreDeps, input: RaiseCrisisInput): Promise<RaiseCrisisResult> {
  return transaction(deps, (tx) => raiseCrisisInTransaction(tx, deps, input))
}

/** The member's crisis card, built from data in this process: no worker, no Redis in the way. */
export function crisisCardFor(
  result: { incidentId: string | null; status: RaiseCrisisResult['status'] | null },
  country: string | null,
): CrisisCard {
  return { incidentId: result.incidentId, status: result.status, country, ...crisisLinesFor(country) }
}

/** "I need help now": the highest urgency, no typing needed. */
export async function requestHelpNow(
  deps: CoreDeps,
  input: { memberAccountId: string; country: string | null },
): Promise<CrisisCard> {
  const result = await raiseCrisis(deps, {
    memberAccountId: input.memberAccountId,
    source: 'button',
    level: 'imminent',
    country: input.country,
  })
  return crisisCardFor(result, input.country)
}

/** A facilitator's (or admin's) "escalate to crisis care" on a member or a message. */
export async function escalateByFacilitator(
  deps: CoreDeps,
  input: { facilitatorAccountId: string; memberAccountId: string; roomId?: string; messageId?: string; reason: string },
): Promise<RaiseCrisisResult> {
  const facilitator = await q.findAccountBrief(deps.sql, input.facilitatorAccountId)
  if (!facilitator || !can(facilitator, 'crisis:escalate-member')) throw new AppError('FORBIDDEN')
  if (input.facilitatorAccountId === input.memberAccountId) throw new AppError('BAD_REQUEST')
  return transaction(deps, async (tx) => {
    const raised = await raiseCrisisInTransaction(tx, deps, {
      memberAccountId: input.memberAccountId,
      source: 'facilitator',
      level: 'high',
      roomId: input.roomId,
      messageId: input.messageId,
      reporterAccountId: facilitator.id,
      reason: input.reason,
    })
    // The reason describes the member; it stays on the signal (cleared by retention), never in the append-only audit log.
    await recordAudit(tx, deps, {
      actorAccountId: facilitator.id,
      action: 'crisis.escalate',
      targetType: 'incident',
      targetId: raised.incidentId,
      details: { withReason: input.reason.trim().length > 0 },
    })
    return raised
  })
}

/** A member's "self-harm risk" report about another member (the report UI belongs to moderation). */
export async function raiseFromReport(
  deps: CoreDeps,
  input: { reporterAccountId: string; memberAccountId: string; roomId?: string; messageId?: string },
): Promise<{ incidentId: string }> {
  if (input.reporterAccountId === input.memberAccountId) throw new AppError('BAD_REQUEST')
  const result = await raiseCrisis(deps, {
    memberAccountId: input.memberAccountId,
    source: 'report',
    level: 'concern',
    roomId: input.roomId,
    messageId: input.messageId,
    reporterAccountId: input.reporterAccountId,
  })
  return { incidentId: result.incidentId }
}

// ---------------------------------------------------------------------------------------------
// The clinician console

function summaryOf(row: q.IncidentRow): IncidentSummary {
  return {
    id: row.id,
    memberLabel: row.memberLabel,
    level: row.level,
    status: row.status,
    source: row.source,
    escalationLevel: row.escalationLevel,
    repeat: row.escalationRepeat,
    raisedAt: row.raisedAt.toISOString(),
    firstPagedAt: row.firstPagedAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
  }
}

/** Open and acknowledged incidents, highest level first, then oldest first. */
export async function listIncidentQueue(
  deps: CoreDeps,
  actor: Actor,
): Promise<{ open: IncidentSummary[]; resolved: IncidentSummary[] }> {
  requireConsoleRole(actor)
  const [open, resolved] = await Promise.all([q.selectQueue(deps.sql), q.selectRecentlyResolved(deps.sql)])
  return { open: open.map(summaryOf), resolved: resolved.map(summaryOf) }
}

export async function getIncidentDetail(deps: CoreDeps, actor: Actor, incidentId: string): Promise<IncidentDetail> {
  requireConsoleRole(actor)
  const row = await q.selectIncident(deps.sql, incidentId)
  if (!row) throw new AppError('NOT_FOUND')
  const [signals, events, notes, chat] = await Promise.all([
    q.selectSignals(deps.sql, row.id),
    q.selectEvents(deps.sql, row.id),
    q.selectNotes(deps.sql, row.id),
    q.selectChat(deps.sql, row.id),
  ])
  const staff = await q.selectLoginNames(
    deps.sql,
    [...events.map((e) => e.actorAccountId), ...notes.map((n) => n.authorAccountId)].filter(
      (v): v is string => Boolean(v) && v !== row.memberAccountId,
    ),
  )
  const triggerIds = (source: 'chat' | 'direct_message') => [
    ...new Set(
      signals
        .filter((s) => (s.source === 'direct_message') === (source === 'direct_message'))
        .map((s) => s.messageId)
        .filter((v): v is string => Boolean(v)),
    ),
  ]
  const chatContext = (
    await Promise.all(
      triggerIds('chat').map(async (messageId) => ({
        messageId,
        rows: await q.selectMessageContext(deps.sql, messageId, CONTEXT_AROUND),
      })),
    )
  )
    .filter((c) => c.rows.length > 0)
    .map((c) => ({
      messageId: c.messageId,
      kind: 'chat' as const,
      roomTitle: c.rows[0]!.roomTitle,
      messages: c.rows.map((m) => ({
        seq: m.seq,
        pseudonym: m.pseudonym,
        body: m.deleted ? null : m.body,
        at: m.createdAt.toISOString(),
        trigger: m.trigger,
      })),
    }))
  const directContext = (
    await Promise.all(
      triggerIds('direct_message').map(async (messageId) => ({
        messageId,
        rows: await q.selectDirectMessageContext(deps.sql, messageId, CONTEXT_AROUND),
      })),
    )
  )
    .filter((c) => c.rows.length > 0)
    .map((c) => ({
      messageId: c.messageId,
      kind: 'direct_message' as const,
      roomTitle: c.rows[0]!.groupTitle,
      messages: c.rows.map((m, i) => ({
        seq: i,
        pseudonym: m.author,
        body: m.body,
        at: m.createdAt.toISOString(),
        trigger: m.trigger,
      })),
    }))
  const context = [...chatContext, ...directContext]
  return {
    ...summaryOf(row),
    memberLocale: row.memberLocale,
    memberCountry: row.memberCountry,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    outcome: row.outcome,
    policyName: row.policySnapshot.name,
    signals: signals.map((s) => ({
      ...s,
      reason: s.source === 'self_care' || s.reason === NOT_DELIVERED ? null : s.reason,
      notDelivered: s.reason === NOT_DELIVERED,
      createdAt: s.createdAt.toISOString(),
    })),
    memberNotes: signals
      .filter((s) => s.source === 'self_care' && s.reason)
      .map((s) => ({ body: s.reason!, at: s.createdAt.toISOString() })),
    timeline: events.map((e) => ({
      kind: e.kind,
      actor: e.actorAccountId ? (staff.get(e.actorAccountId) ?? null) : null,
      escalationLevel: e.escalationLevel,
      repeat: e.repeat,
      at: e.createdAt.toISOString(),
    })),
    notes: notes.map((n) => ({
      author: n.authorAccountId ? (staff.get(n.authorAccountId) ?? null) : null,
      body: n.body,
      at: n.createdAt.toISOString(),
    })),
    chat: chatOf(chat),
    context,
  }
}

/** The reason stored on a signal whose message was refused after it was classified (chat and private messages). */
export const NOT_DELIVERED = 'message not delivered'

/** How many messages before and after a triggering one the clinician sees. */
const CONTEXT_AROUND = 3

function chatOf(rows: Awaited<ReturnType<typeof q.selectChat>>): CrisisChatMessage[] {
  return rows.map((m) => ({ id: m.id, from: m.authorRole, body: m.body, at: m.createdAt.toISOString() }))
}

/** Acknowledging stops the climb; if still unresolved after the policy's re-trigger time, paging starts again. */
export async function acknowledgeIncident(deps: CoreDeps, actor: Actor, incidentId: string): Promise<void> {
  requireConsoleRole(actor)
  const at = nowOf(deps)
  const incident = await deps.sql.begin(async (tx) => {
    const row = await q.selectIncidentForUpdate(tx, incidentId)
    if (!row) throw new AppError('NOT_FOUND')
    if (row.status !== 'open') throw new AppError('CONFLICT')
    const ackCount = await q.markAcknowledged(tx, row.id, actor.accountId, at)
    if (ackCount === null) throw new AppError('CONFLICT')
    await q.insertEvent(tx, {
      incidentId: row.id,
      kind: 'acknowledged',
      actorAccountId: actor.accountId,
      escalationLevel: row.escalationLevel,
      repeat: row.escalationRepeat,
      at,
    })
    await enqueueOutbox(
      tx,
      'crisis:retrigger',
      { incidentId: row.id, ackCount },
      { delayMs: row.policySnapshot.retriggerMinutes * 60_000 },
    )
    return { ...row, status: 'acknowledged' as const }
  })
  tellMember(deps, incident.memberAccountId, incident.id, 'acknowledged')
  announceToClinicians(deps, 'incident:updated', incident)
}

export async function resolveIncident(
  deps: CoreDeps,
  actor: Actor,
  incidentId: string,
  input: { outcome: CrisisOutcome; note?: string; followUp?: FollowUpChoice },
): Promise<void> {
  requireConsoleRole(actor)
  if (input.outcome === 'follow_up' && !input.followUp)
    throw new AppError('VALIDATION_FAILED', { followUpIn: 'required' })
  const at = nowOf(deps)
  const incident = await deps.sql.begin(async (tx) => {
    const row = await q.selectIncidentForUpdate(tx, incidentId)
    if (!row) throw new AppError('NOT_FOUND')
    if (!(await q.markResolved(tx, row.id, actor.accountId, input.outcome, at))) throw new AppError('CONFLICT')
    if (input.note) await q.insertNote(tx, row.id, actor.accountId, input.note, at)
    await q.insertEvent(tx, { incidentId: row.id, kind: 'resolved', actorAccountId: actor.accountId, at })
    await q.clearAlarms(tx, 'crisis_unpaged', row.id, at)
    // "Follow up": the member is asked how they are at the chosen time (crisis.followup.ts).
    if (input.outcome === 'follow_up' && input.followUp) {
      await scheduleFollowUpInTransaction(tx, {
        incidentId: row.id,
        memberAccountId: row.memberAccountId,
        actorAccountId: actor.accountId,
        choice: input.followUp,
        at,
      })
    }
    return { ...row, status: 'resolved' as const }
  })
  tellMember(deps, incident.memberAccountId, incident.id, 'resolved')
  announceToClinicians(deps, 'incident:updated', incident)
}

export async function addIncidentNote(deps: CoreDeps, actor: Actor, incidentId: string, body: string): Promise<void> {
  requireConsoleRole(actor)
  const at = nowOf(deps)
  await deps.sql.begin(async (tx) => {
    const row = await q.selectIncidentForUpdate(tx, incidentId)
    if (!row) throw new AppError('NOT_FOUND')
    await q.insertNote(tx, row.id, actor.accountId, body, at)
    await q.insertEvent(tx, { incidentId: row.id, kind: 'note', actorAccountId: actor.accountId, at })
  })
}

/**
 * Break-glass: the member's legal name and emergency contact, for this clinician only. The reason
 * and the reveal are written to the audit log first; if that fails, nothing is decrypted.
 */
export async function revealMemberIdentity(
  deps: CoreDeps,
  actor: Actor,
  incidentId: string,
  reason: string,
): Promise<{ legalName: string | null; emergencyContact: string | null }> {
  requireConsoleRole(actor)
  const trimmed = reason.trim()
  if (trimmed.length < 10) throw new AppError('VALIDATION_FAILED', { reason: 'reason_too_short' })
  const at = nowOf(deps)
  const memberAccountId = await deps.sql.begin(async (tx) => {
    const row = await q.selectIncidentForUpdate(tx, incidentId)
    if (!row) throw new AppError('NOT_FOUND')
    await recordAudit(tx, deps, {
      actorAccountId: actor.accountId,
      action: 'identity.reveal',
      targetType: 'incident',
      targetId: row.id,
      reason: trimmed,
      details: { memberLabel: row.memberLabel },
    })
    await q.insertEvent(tx, { incidentId: row.id, kind: 'identity_revealed', actorAccountId: actor.accountId, at })
    return row.memberAccountId
  })
  deps.log.info({ incidentId, actorAccountId: actor.accountId }, 'break-glass identity reveal')
  return decryptSensitiveProfile(deps, memberAccountId)
}

// ---------------------------------------------------------------------------------------------
// The private crisis chat and the member's own view

export interface MemberCrisisView {
  incidentId: string
  status: 'open' | 'acknowledged' | 'resolved'
  chat: CrisisChatMessage[]
  /** The member's own messages that raised or joined the incident: a page says "this message" only about these. */
  triggerMessageIds: string[]
}

/** The member's current (or just resolved) incident and its private chat. Only ever their own. */
export async function getMemberCrisis(deps: CoreDeps, memberAccountId: string): Promise<MemberCrisisView | null> {
  const row = await q.selectLatestIncidentOfMember(deps.sql, memberAccountId)
  if (!row) return null
  if (row.status === 'resolved' && row.resolvedAt && nowOf(deps).getTime() - row.resolvedAt.getTime() > 24 * 3_600_000)
    return null
  const [chat, triggerMessageIds] = await Promise.all([
    q.selectChat(deps.sql, row.id),
    q.selectTriggerMessageIds(deps.sql, row.id),
  ])
  return { incidentId: row.id, status: row.status, chat: chatOf(chat), triggerMessageIds }
}

export async function sendCrisisChat(deps: CoreDeps, actor: Actor, incidentId: string, body: string): Promise<void> {
  const row = await q.selectIncident(deps.sql, incidentId)
  if (!row) throw new AppError('NOT_FOUND')
  const isMember = row.memberAccountId === actor.accountId
  if (!isMember) requireConsoleRole(actor)
  if (row.status === 'resolved' && isMember) throw new AppError('CONFLICT')
  await q.insertChatMessage(deps.sql, {
    incidentId: row.id,
    authorAccountId: actor.accountId,
    authorRole: isMember ? 'member' : 'clinician',
    body,
    at: nowOf(deps),
  })
  announceChat(deps, row.memberAccountId, row.id)
}
