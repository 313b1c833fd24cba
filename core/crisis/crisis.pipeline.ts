import { abortHooks, insertStep, persistHooks, recentOwnTexts, type AbortHook, type PersistHook, type SendInput, type SendStep } from '../chat/send-pipeline.js'
import type { CoreDeps } from '../deps.js'
import { classifyRisk, type RiskResult } from './classifier.js'
import { memberCountry } from './crisis-lines.js'
import type { CrisisCard } from '../contracts/socket-events.crisis.js'
import { announceCrisisRaised, crisisCardFor, raiseCrisis, raiseCrisisInTransaction } from './crisis.service.js'
import type { RaiseCrisisResult } from './crisis.schema.js'
import { tellMemberCard } from './crisis.realtime.js'

/**
 * Crisis detection in the chat send pipeline (core/chat/send-pipeline.ts, docs/decisions/014-crisis-in-chat.md):
 *
 *   validate → [crisis-detect] → replay → … → persist (+ raise in the message's transaction) → broadcast → [crisis-card]
 *
 * - `crisis-detect` classifies every new message with the member's recent messages in the room as context
 *   (they can raise the level, never lower it). It runs right after validation, before any step that may
 *   refuse the message (mute, rate limit, moderation's reject), so a refused message is still heard.
 * - High and imminent risk raise a crisis: normally inside the message's own transaction (incident, signal
 *   with the message id, and the outbox row that pages the on-call clinician commit with the message);
 *   if the send is refused after detection, in a transaction of its own, before the refusal reaches the member.
 * - Concern shows the member the crisis card without paging anyone.
 * - The card reaches the sender only: in the ack of their send and as `crisis:card` on their own account room.
 */
const CONTEXT_MESSAGES = 5
const RAISE_LEVELS = new Set(['high', 'imminent'])

interface Detection { risk: RiskResult; raised?: RaiseCrisisResult; card?: CrisisCard }
const detections = new WeakMap<SendInput, Detection>()

/** The sender is the socket's SessionAccount: its saved country, else its language (memberCountry). */
function countryOf(actor: object): string | null {
  const { country, locale } = actor as { country?: string | null; locale?: string }
  return memberCountry({ accountCountry: country ?? null, language: locale ?? null })
}

const detectStep: SendStep = {
  name: 'crisis-detect',
  async run(ctx) {
    const context = await recentOwnTexts(ctx, CONTEXT_MESSAGES)
    const risk = classifyRisk(ctx.body!, { context })
    // Moderation reads the same reading to keep method detail from the room (decision 021): classified once.
    ctx.risk = risk
    if (risk.level !== 'none') detections.set(ctx.input, { risk })
  },
}

const raiseWithMessage: PersistHook = async (tx, ctx) => {
  const detection = detections.get(ctx.input)
  if (!detection || !RAISE_LEVELS.has(detection.risk.level)) return
  detection.raised = await raiseCrisisInTransaction(tx, ctx.deps, {
    memberAccountId: ctx.actor.accountId,
    source: 'message',
    level: detection.risk.level as 'high' | 'imminent',
    roomId: ctx.room!.id,
    messageId: ctx.message.id,
    classifierSignals: detection.risk.signals,
    memberLabel: ctx.membership!.pseudonym,
    country: countryOf(ctx.actor),
  })
}

function showCard(deps: CoreDeps, accountId: string, detection: Detection, actor: object) {
  const country = countryOf(actor)
  detection.card = crisisCardFor(detection.raised ?? { incidentId: null, status: null }, country)
  tellMemberCard(deps, accountId, detection.card)
}

/** After the message's transaction committed: tell the member and the clinicians' console. */
const cardStep: SendStep = {
  name: 'crisis-card',
  async run(ctx) {
    const detection = detections.get(ctx.input)
    if (!detection || !ctx.message) return
    if (detection.raised) announceCrisisRaised(ctx.deps, detection.raised)
    showCard(ctx.deps, ctx.actor.accountId, detection, ctx.actor)
    ctx.message = { ...ctx.message, crisis: detection.card }
  },
}

/** The send was refused after detection (muted, rate-limited, rejected): the crisis is raised all the same. */
const raiseOnRefusal: AbortHook = async (ctx) => {
  const detection = detections.get(ctx.input)
  if (!detection || detection.raised || !ctx.membership) return
  if (RAISE_LEVELS.has(detection.risk.level)) {
    detection.raised = await raiseCrisis(ctx.deps, {
      memberAccountId: ctx.actor.accountId,
      source: 'message',
      level: detection.risk.level as 'high' | 'imminent',
      roomId: ctx.room?.id ?? null,
      classifierSignals: detection.risk.signals,
      reason: 'message not delivered',
      memberLabel: ctx.membership.pseudonym,
      country: countryOf(ctx.actor),
    })
  }
  showCard(ctx.deps, ctx.actor.accountId, detection, ctx.actor)
}

let installed = false

/** Adds crisis detection to the send pipeline once per process. */
export function installCrisisPipeline() {
  if (installed) return
  installed = true
  insertStep(detectStep, { after: 'validate' })
  insertStep(cardStep, { after: 'broadcast' })
  persistHooks.push(raiseWithMessage)
  abortHooks.push(raiseOnRefusal)
}
