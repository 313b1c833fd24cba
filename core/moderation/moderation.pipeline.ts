import { heldReadersRoom } from '../chat/chat.service.js'
import {
  recentOwnTexts,
  type CachePrefetch,
  type EditHook,
  type HeldReaderCheck,
  type PersistHook,
  type RoomReadGuard,
  type SendActor,
  type SendStep,
} from '../chat/send-pipeline.js'
import { cachedForSend } from '../chat/membership-cache.js'
import { classifyRisk } from '../crisis/classifier.js'
import { nowOf } from '../deps.js'
import { AppError } from '../errors.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import * as q from './moderation.queries.js'
import { SCREEN_CATEGORY } from './moderation.schema.js'
import { canModerate, flagInTransaction, flagNewMessageInTransaction, requireMaySend } from './moderation.service.js'
import { keepsFromPeers, methodSignals, type RiskReading } from './safe-messaging.js'
import { screenMessage, senderNotice, type ScreenResult } from './screen.js'

/**
 * Moderation's part of the chat send pipeline (core/chat/send-pipeline.ts), placed by the composition root
 * (core/composition/send.ts):
 *
 *   … validate → replay → [moderation] → rate-limit → [screen] → … → [screen-verdict] → persist → [screen-notice]
 *     → broadcast → [held-to-readers]
 *
 * - `moderation`: an active mute or ban refuses the send (MUTED / BANNED with `until`). The sanctions are kept in
 *   the socket's send cache, which every sanction invalidates through Redis before it is acknowledged (decision
 *   046), so a sanction taken on any server holds on every server's next send. It runs
 *   after `replay`, so resending a message stored before the mute still gets its original ack.
 * - `screen`: the in-process rules (core/moderation/screen.ts) with the sender's recent texts.
 * - `screen-verdict`: a rejected message stops here, just before persist. Crisis detection ran right after
 *   `validate`, so a rejected message is still heard (crisis.pipeline.ts raises it on the refusal).
 * - the persist hook: a held message is stored as held (not shown to peers); a held or flagged one
 *   opens a flag and enqueues its scoring in the message's own transaction.
 * - `screen-notice`: the sender's ack of a held message carries the kind notice in their language.
 *
 * - safe messaging (docs/decisions/021): a message the crisis classifier rates imminent, or that names a method or
 *   means (safe-messaging.ts decides), is held with reason `safe_messaging` whatever the screen said (unless it
 *   rejected it): peers never get its text, its sender is told it went to the care team.
 * - `held-to-readers`: after the broadcast (which carries no text), a held message's text goes to its sender's own
 *   sockets and to the room's held-message readers (its facilitators and admins in the room).
 *
 * Edits pass the same screen (an edit hook in the edit's transaction): a rejected edit is refused, a held one
 * takes the message off peers' screens until a facilitator looks, a flagged one opens a flag.
 */
const RECENT_TEXTS = 8
/** The crisis step's context (core/crisis/crisis.pipeline.ts): the same messages give the same reading. */
const CRISIS_CONTEXT = 5

/** The screen's result, held for safe messaging when the crisis reading asks for it (a rejection stands). */
export function withSafeMessaging(result: ScreenResult, risk: RiskReading | undefined): ScreenResult {
  if (result.outcome === 'reject' || !risk || !keepsFromPeers(risk)) return result
  const ids = [...new Set([`crisis.${risk.level}`, ...methodSignals(risk)])]
  return {
    outcome: 'hold',
    reason: 'safe_messaging',
    signals: [
      ...ids.map((id) => ({ id, category: 'self_harm_method' as const, outcome: 'hold' as const })),
      ...result.signals,
    ],
  }
}

/** Moderation's slot on the send's context: the screen's decision, read by the verdict, the persist hook and the notice. */
export interface ModerationSendSlot {
  decision: ScreenResult
}

declare module '../chat/send-pipeline.js' {
  interface SendContext {
    moderation?: ModerationSendSlot
  }
}

const moderationStep: SendStep = {
  name: 'moderation',
  async run(ctx) {
    const { deps, membership } = ctx
    // The sanctions in force, kept in the socket's send cache until a sanction changes them (decision 046).
    await requireMaySend(deps, membership!.id, (now) =>
      cachedForSend(ctx.cacheEntry, RESTRICTIONS_SLOT, () => q.activeRestrictions(deps.sql, membership!.id, now)),
    )
  },
}

const RESTRICTIONS_SLOT = 'moderation:restrictions'

/** The sanctions in force into a new send-cache entry, as the `moderation` step would read them (decision 071). */
const prefetchRestrictions: CachePrefetch = Object.assign(
  (deps: Parameters<CachePrefetch>[0], entry: Parameters<CachePrefetch>[1], at: Parameters<CachePrefetch>[2]) =>
    void cachedForSend(entry, RESTRICTIONS_SLOT, () => q.activeRestrictions(deps.sql, at.membership.id, at.now)),
  { slot: RESTRICTIONS_SLOT },
)

const screenStep: SendStep = {
  name: 'screen',
  async run(ctx) {
    const screened = screenMessage(ctx.body!, { recentOwnTexts: await recentOwnTexts(ctx, RECENT_TEXTS) })
    // Crisis detection's reading when it left one on the send; otherwise the same classifier on the same context.
    ctx.risk ??= classifyRisk(ctx.body!, { context: await recentOwnTexts(ctx, CRISIS_CONTEXT) })
    ctx.moderation = { decision: withSafeMessaging(screened, ctx.risk) }
  },
}

/**
 * After the broadcast: a held message's text reaches only its sender (every tab, with the notice) and the room's
 * held-message readers. Sent after the broadcast, so it replaces the text-less copy on those screens.
 */
const heldToReaders: SendStep = {
  name: 'held-to-readers',
  runOnReplay: true,
  async run(ctx) {
    const message = ctx.message
    if (message?.moderation !== 'held' || message.body === null) return
    const { crisis: _card, notice, ...text } = message
    ctx.deps.realtime.emitToRoom(
      socketRooms.account(ctx.actor.accountId),
      'message:updated',
      notice ? { ...text, notice } : text,
    )
    ctx.deps.realtime.emitToRoom(heldReadersRoom(message.roomId), 'message:updated', text)
  },
}

const moderatorsReadHeld: HeldReaderCheck = (deps, room, actor) => canModerate(deps, actor, room.id)

/**
 * A banned member reads nothing of the room for the ban's length (history, catch-up, joining live): the chat
 * engine's read guard, as for a removed session participant (decision 015). The ban itself makes their sockets
 * leave the room (takeModerationAction); when it ends, joining works again. Read from PostgreSQL at each read.
 */
const bannedMayNotRead: RoomReadGuard = async (deps, room, accountId) => {
  const until = await q.activeBanEnd(deps.sql, room.id, accountId, nowOf(deps))
  if (until) throw new AppError('BANNED', { until: until.toISOString() })
}

const verdictStep: SendStep = {
  name: 'screen-verdict',
  async run(ctx) {
    const result = ctx.moderation?.decision
    // A held message is written held by persist's own insert (one statement).
    if (result?.outcome === 'hold') ctx.storeHeld = true
    if (result?.outcome !== 'reject') return
    throw new AppError('MESSAGE_REJECTED', {
      reason: result.reason ?? 'rejected',
      notice: senderNotice(result, localeOf(ctx.actor)) ?? '',
    })
  },
}

const noticeStep: SendStep = {
  name: 'screen-notice',
  runOnReplay: true,
  async run(ctx) {
    if (ctx.message?.moderation !== 'held') return
    const result = ctx.moderation?.decision
    const reason = result?.reason ?? ((await q.findFlagReason(ctx.deps.sql, ctx.message.id)) as ScreenResult['reason'])
    const notice = senderNotice({ outcome: 'hold', reason, signals: [] }, localeOf(ctx.actor))
    if (notice) ctx.message = { ...ctx.message, notice }
  },
}

const flagScreened: PersistHook = async (tx, ctx) => {
  const result = ctx.moderation?.decision
  if (!result || (result.outcome !== 'hold' && result.outcome !== 'flag')) return
  // Stored held by persist's insert (the verdict set ctx.storeHeld); the flag opens in the same transaction, its
  // statement leaving with the COMMIT when that is pipelined (decision 073).
  const held = result.outcome === 'hold'
  await flagNewMessageInTransaction(tx, ctx.deps, {
    messageId: ctx.message.id,
    roomId: ctx.room!.id,
    membershipId: ctx.membership!.id,
    source: 'screen',
    category: result.reason ? SCREEN_CATEGORY[result.reason] : 'other',
    signals: result.signals.map((s) => s.id),
    screenReason: result.reason,
    held,
  })
}

// Work only for a held or flagged message; any other send is written in one statement (decision 050).
flagScreened.appliesTo = (ctx) => {
  const outcome = ctx.moderation?.decision.outcome
  return outcome === 'hold' || outcome === 'flag'
}

const screenEdit: EditHook = async (tx, deps, edit) => {
  const result = withSafeMessaging(screenMessage(edit.body), classifyRisk(edit.body))
  if (result.outcome === 'deliver') return
  if (result.outcome === 'reject') {
    const locale = await q.accountLocale(tx, edit.accountId)
    throw new AppError('MESSAGE_REJECTED', {
      reason: result.reason ?? 'rejected',
      notice: senderNotice(result, locale) ?? '',
    })
  }
  const message = await q.findTargetMessage(tx, edit.roomId, edit.messageId)
  if (!message) return
  const held = result.outcome === 'hold'
  if (held && message.status === 'visible') await q.setMessageStatus(tx, message.id, 'held', null, nowOf(deps))
  await flagInTransaction(tx, deps, {
    messageId: message.id,
    roomId: edit.roomId,
    membershipId: message.membershipId,
    source: 'screen',
    category: result.reason ? SCREEN_CATEGORY[result.reason] : 'other',
    signals: result.signals.map((s) => s.id),
    screenReason: result.reason,
    held,
  })
}

function localeOf(actor: SendActor): 'en' | 'pl' {
  return actor.locale === 'pl' ? 'pl' : 'en'
}

/** Moderation's part of the chat engine, placed by core/composition/send.ts. */
export const moderationSend = {
  steps: { mayPost: moderationStep, screen: screenStep, verdict: verdictStep, notice: noticeStep, heldToReaders },
  persistHook: flagScreened,
  editHook: screenEdit,
  readGuard: bannedMayNotRead,
  heldReaderCheck: moderatorsReadHeld,
  prefetch: { restrictions: prefetchRestrictions },
} as const
