import { afterCommit } from '../after-commit.js'
import {
  recentOwnTexts,
  type AbortHook,
  type PersistHook,
  type SendActor,
  type SendStep,
} from '../chat/send-pipeline.js'
import { classifyRisk, type RiskResult } from './classifier.js'
import { memberCountry } from './crisis-lines.js'
import type { CrisisCard } from '../contracts/socket-events.crisis.js'
import type { TransactionSql } from '../../db/client.js'
import {
  crisisCardFor,
  raiseCrisis,
  raiseCrisisInTransaction,
  startRaiseReads,
  type RaiseReads,
} from './crisis.service.js'
import type { RaiseCrisisResult } from './crisis.schema.js'
import { tellMemberCard } from './crisis.realtime.js'

/**
 * Crisis detection in the chat send pipeline (core/chat/send-pipeline.ts, docs/decisions/014-crisis-in-chat.md).
 * The composition root (core/composition/send.ts) places the steps:
 *
 *   validate → [crisis-detect] → replay → … → persist (+ raise in the message's transaction) → broadcast → [crisis-card]
 *
 * - `crisis-detect` classifies every new message with the member's recent messages in the room as context
 *   (they can raise the level, never lower it). It runs right after validation, before any step that may
 *   refuse the message (mute, rate limit, moderation's reject), so a refused message is still heard.
 * - High and imminent risk raise a crisis: normally inside the message's own transaction (incident, signal
 *   with the message id, and the outbox row that pages the on-call clinician commit with the message);
 *   if the send is refused after detection, in a transaction of its own, before the refusal reaches the member.
 *   The raise registers the console's announcement with `afterCommit` (core/after-commit.ts): it goes out right
 *   after COMMIT, from this process, never after a rollback; the worker keeps email, webhook and escalation.
 * - Concern shows the member the crisis card without paging anyone.
 * - The card reaches the sender only: as `crisis:card` on their own account room right after the commit, and in
 *   the ack of their send (`crisis-card`).
 */
const CONTEXT_MESSAGES = 5
const RAISE_LEVELS = new Set(['high', 'imminent'])

/** Crisis's slot on the send's context (ids and levels only, never text). */
export interface CrisisSendSlot {
  risk: RiskResult
  raised?: RaiseCrisisResult
  card?: CrisisCard
  /** Set after the message's transaction committed (with its raise): a later failure raises nothing again. */
  committed?: boolean
  /** The raise's reads, sent with the message's insert in this transaction (`alongside`), for the hook to await. */
  reads?: { tx: TransactionSql; reads: Promise<RaiseReads> }
}

declare module '../chat/send-pipeline.js' {
  interface SendContext {
    crisis?: CrisisSendSlot
  }
}

/** The sender's saved country, else their language (memberCountry). */
function countryOf(actor: SendActor): string | null {
  return memberCountry({ accountCountry: actor.country ?? null, language: actor.locale ?? null })
}

const detect: SendStep = {
  name: 'crisis-detect',
  async run(ctx) {
    const context = await recentOwnTexts(ctx, CONTEXT_MESSAGES)
    const risk = classifyRisk(ctx.body!, { context })
    // Moderation reads the same reading to keep method detail from the room (decision 021): classified once.
    ctx.risk = risk
    if (risk.level !== 'none') ctx.crisis = { risk }
  },
}

function cardFor(actor: SendActor, slot: CrisisSendSlot): CrisisCard {
  slot.card = crisisCardFor(slot.raised ?? { incidentId: null, status: null }, countryOf(actor))
  return slot.card
}

/**
 * In the message's transaction: raise (high, imminent), and show the card once the message is committed. The card is
 * the first thing told after COMMIT (registered before the raise registers the member's status and the console's
 * page, and before the room's announcement).
 */
const raiseWithMessage: PersistHook = async (tx, ctx) => {
  const slot = ctx.crisis
  if (!slot) return
  afterCommit(tx, () => {
    slot.committed = true
    tellMemberCard(ctx.deps, ctx.actor.accountId, slot.card!)
  })
  if (RAISE_LEVELS.has(slot.risk.level)) {
    // Reads started in another transaction (one that rolled back before a retry) are not this one's.
    const reads = slot.reads?.tx === tx ? slot.reads.reads : undefined
    slot.reads = undefined
    slot.raised = await raiseCrisisInTransaction(
      tx,
      ctx.deps,
      {
        memberAccountId: ctx.actor.accountId,
        source: 'message',
        level: slot.risk.level as 'high' | 'imminent',
        roomId: ctx.room!.id,
        messageId: ctx.message.id,
        classifierSignals: slot.risk.signals,
        memberLabel: ctx.membership!.pseudonym,
        country: countryOf(ctx.actor),
      },
      reads,
    )
  }
  cardFor(ctx.actor, slot)
}

// The raise's reads need no message: they go out with the message's insert, in its round trip (after the room's lock).
raiseWithMessage.alongside = async (tx, ctx) => {
  const slot = ctx.crisis
  if (!slot || !RAISE_LEVELS.has(slot.risk.level)) return
  slot.reads = { tx, reads: startRaiseReads(tx, ctx.actor.accountId) }
  await slot.reads.reads
}

// Work only for a send with a reading (concern shows the card, high and imminent raise); any other send is written
// in one statement without a transaction (core/chat/group-commit.ts, decision 050).
raiseWithMessage.appliesTo = (ctx) => ctx.crisis !== undefined

/** The sender's ack carries the card the commit showed them. */
const card: SendStep = {
  name: 'crisis-card',
  async run(ctx) {
    const slot = ctx.crisis
    if (!slot?.committed || !slot.card || !ctx.message) return
    ctx.message = { ...ctx.message, crisis: slot.card }
  },
}

/** The send was refused after detection (muted, rate-limited, rejected): the crisis is raised all the same. */
const raiseOnRefusal: AbortHook = async (ctx) => {
  const slot = ctx.crisis
  // The message's transaction committed (and announced) before a later step failed: nothing more to raise.
  if (!slot || slot.committed || !ctx.membership) return
  // A raise inside a transaction that rolled back never happened.
  slot.raised = undefined
  if (RAISE_LEVELS.has(slot.risk.level)) {
    slot.raised = await raiseCrisis(ctx.deps, {
      memberAccountId: ctx.actor.accountId,
      source: 'message',
      level: slot.risk.level as 'high' | 'imminent',
      roomId: ctx.room?.id ?? null,
      classifierSignals: slot.risk.signals,
      reason: 'message not delivered',
      memberLabel: ctx.membership.pseudonym,
      country: countryOf(ctx.actor),
    })
  }
  tellMemberCard(ctx.deps, ctx.actor.accountId, cardFor(ctx.actor, slot))
}

/** Crisis's part of the send pipeline, placed by core/composition/send.ts. */
export const crisisSend = {
  steps: { detect, card },
  persistHook: raiseWithMessage,
  abortHook: raiseOnRefusal,
} as const
