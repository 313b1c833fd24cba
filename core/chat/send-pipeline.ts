import type { TransactionSql } from '../../db/client.js'
import type { ChatMessage } from '../contracts/socket-events.chat.js'
import { DeadlineExceeded, SEND_STEP_DEADLINE_MS, isUnavailable, withDeadline } from '../deadline.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { keyedDigestOfId } from '../identity/identity.crypto.js'
import { ensureAnnounced } from './chat.broadcast.js'
import { persistGrouped } from './group-commit.js'
import {
  cachedForSend,
  dropEntry,
  entryStillCurrent,
  roomAndMembership,
  tokenCheckOf,
  type SendCache,
  type SendCacheEntry,
} from './membership-cache.js'
import { TOKENS_CHANGED, consumeSlidingWindows, type SlidingWindowRule } from './chat.rate-limit.js'
import * as q from './chat.queries.js'
import { normalizeMessageBody } from './chat.schema.js'

/**
 * Sending a chat message is a pipeline of named steps (docs/decisions/008-chat-send-pipeline.md):
 *
 *   authenticate → authorize → validate → replay → rate-limit → persist → broadcast
 *
 * Each step reads and extends one context and may throw an AppError, which stops the pipeline before anything is
 * written. Chat exports its own steps (`chatSteps`); other slices export theirs (moderation's mute/ban check after
 * `replay`, its screen after `rate-limit`; crisis detection after `validate`) and hooks that run inside the
 * message's transaction. Nothing registers itself: the composition root (core/composition/send.ts) lists every
 * step and hook in written order and hands the pipeline to core as `deps.chat` (decision 030). A deps built
 * without the root refuses to send. The gateway authenticated the socket and parsed the payload's shape first.
 */
export interface SendActor {
  accountId: string
  role: string
  /** The sender's language (the screens' notices) and saved country (the crisis card's lines), when known. */
  locale?: string | null
  country?: string | null
}
export interface SendInput {
  roomId: string
  clientId: string
  body: string
}

/**
 * One send's state. Other slices add their own typed slot by declaration merging (`declare module
 * '../chat/send-pipeline.js' { interface SendContext { crisis?: … } }`), so chat never imports them.
 */
export interface SendContext {
  deps: CoreDeps
  actor: SendActor
  input: SendInput
  /** The sending socket's cache (core/chat/membership-cache.ts, decision 046); absent for other entry points. */
  cache?: SendCache
  /** The cache entry `authorize` used or made: other slices keep per-send facts beside it (`cachedForSend`). */
  cacheEntry?: SendCacheEntry
  /** Whether `authorize` may use a warm entry without reading its tokens first (a send's first attempt). */
  checkLater?: boolean
  /**
   * Set by `authorize` when it used the socket's warm entry without reading its tokens (decision 072): `rate-limit`
   * checks them in its script, and a refusal before that checks them first. Cleared once checked.
   */
  entryUnchecked?: boolean
  room?: q.RoomRow
  membership?: q.MembershipRow
  body?: string
  /** Set by `persist` (or by a refusal that found the stored original). A replay skips the remaining steps except those with `runOnReplay`. */
  message?: ChatMessage
  replayed?: boolean
  /**
   * Set by `replay`: from here a refusal first looks the client id up, so a resend of a stored message gets its
   * original ack (decision 050: the lookup costs a query only on a refusal, never on the happy path).
   */
  resendCheckedOnRefusal?: boolean
  /** Set when `persist` started: its own failures are answered as they are (it detects a resend itself). */
  persisting?: boolean
  /** The sender's latest messages in the room, read once per send (see recentOwnTexts). */
  recentOwnTexts?: Promise<string[]>
  /**
   * What crisis detection found in this message (set by its `crisis-detect` step; ids only, never text).
   * Moderation reads it to keep method detail and imminent risk from the room (docs/decisions/021); the rate limit
   * lets a message that raises a crisis past the room's shared budget.
   */
  risk?: { level: string; signals: readonly string[] }
  /**
   * Set when a step waited longer than SEND_STEP_DEADLINE_MS: its sender was answered UNAVAILABLE, so the send must
   * never be stored later (decision 025). The transaction checks it last thing before its commit.
   */
  abandoned?: boolean
  /** Set when the commit was sent before the send was abandoned: from then on it is waited for, never abandoned. */
  committing?: boolean
  /**
   * Set when the message's single statement was sent (decision 050): the statement stores nothing if PostgreSQL runs
   * it after its cutoff, so the send waits for its answer until this time (epoch ms: the cutoff and a grace), and
   * only then abandons it.
   */
  statementAnswerBy?: number
  /** The room's announcement of this send's transaction, handed over right after its COMMIT (chat.broadcast.ts). */
  announced?: Promise<void>
  /**
   * Store the message held (not shown to peers) rather than visible: set before `persist` by a step that decided it
   * (moderation's screen verdict, decision 021), so the insert writes it held in one statement.
   */
  storeHeld?: boolean
}

/** How many of the sender's latest messages a send may look back at (the screens' context). */
export const RECENT_OWN_TEXTS_MAX = 8

/** The send cache's slot for the sender's recent texts in the room (decision 050). */
const RECENT_TEXTS_SLOT = 'chat:recent-texts'

/**
 * The sender's latest messages in this room before this one, oldest first. Several steps need them (the spam
 * screen, the crisis context): they are read once per send and shared. With the socket's send cache they are read
 * from PostgreSQL once per socket and room, then this socket's own stored sends are appended (`keepRecentText`);
 * an edit or delete changes the account's token, which drops them with the entry (decision 050).
 */
export function recentOwnTexts(ctx: SendContext, limit: number): Promise<string[]> {
  ctx.recentOwnTexts ??= cachedForSend(ctx.cacheEntry, RECENT_TEXTS_SLOT, () =>
    loadRecentTexts(ctx.deps, ctx.membership!.id),
  ).then((texts) => [...texts])
  return ctx.recentOwnTexts.then((texts) => texts.slice(-Math.min(limit, RECENT_OWN_TEXTS_MAX)))
}

const loadRecentTexts = (deps: CoreDeps, membershipId: string) =>
  q.recentTexts(deps.sql, membershipId, RECENT_OWN_TEXTS_MAX)

/** The recent texts into a new entry, as `recentOwnTexts` would read them at the first send. */
const prefetchRecentTexts: CachePrefetch = Object.assign(
  (deps: CoreDeps, entry: SendCacheEntry, { membership }: { membership: q.MembershipRow }) =>
    void cachedForSend(entry, RECENT_TEXTS_SLOT, () => loadRecentTexts(deps, membership.id)),
  { slot: RECENT_TEXTS_SLOT },
)

/** After a stored send: its text joins the cached recent texts of the socket's entry (when they were read). */
function keepRecentText(ctx: SendContext): void {
  const kept = ctx.cacheEntry?.extras.get(RECENT_TEXTS_SLOT) as Promise<string[]> | undefined
  const body = ctx.body
  if (!kept || body === undefined) return
  void kept.then(
    (texts) => {
      texts.push(body)
      if (texts.length > RECENT_OWN_TEXTS_MAX) texts.splice(0, texts.length - RECENT_OWN_TEXTS_MAX)
    },
    () => {},
  )
}

export interface SendStep {
  name: string
  run: (ctx: SendContext) => Promise<void>
  /** Once `replay` found the stored message, only steps marked here still run. */
  runOnReplay?: boolean
}

/**
 * Runs inside the message's transaction, after the insert: a hook's rows commit or roll back with it. What it has
 * to announce it registers with `afterCommit(tx, …)` (core/after-commit.ts): announced right after COMMIT, never
 * after a rollback. A message's hooks are started in the written order but do not wait for each other (their
 * statements share round trips), so a hook never reads rows another hook writes.
 *
 * `appliesTo` says, before persist, whether the hook has work for this send (crisis: a reading; moderation: a hold
 * or flag). When no hook applies, the message is written by one autocommit statement instead of a transaction
 * (decision 050). A hook without it always applies.
 */
export type PersistHook = ((tx: TransactionSql, ctx: SendContext & { message: ChatMessage }) => Promise<void>) & {
  appliesTo?: (ctx: SendContext) => boolean
  /**
   * Started in the message's transaction right after the statement that takes the room's seq is sent, without waiting
   * for it, so its statements share that statement's round trip (postgres.js pipelines a transaction's queries): for
   * reads that do not need the message (crisis: the member, their open incident, the default policy). It keeps what
   * it started for the hook and returns it; the hooks start once it and the insert have answered. The room's lock is
   * still taken first. Only for a send it applies to.
   */
  alongside?: (tx: TransactionSql, ctx: SendContext) => Promise<unknown>
}

/**
 * Runs when a step refused the send (mute, rate limit, moderation's reject…) or it failed, before the error
 * reaches the sender. For slices that must act on what was said even if it is not delivered (crisis).
 */
export type AbortHook = (ctx: SendContext, error: unknown) => Promise<void>

/**
 * Rooms where a membership is not enough to read: a member removed from a group session keeps their membership
 * (their messages stay in the room) but may no longer read it; a banned member reads nothing for the ban's length.
 * A guard throws to refuse.
 */
export type RoomReadGuard = (deps: CoreDeps, room: q.RoomRow, accountId: string) => Promise<void>

/**
 * Who reads the text of held messages (docs/decisions/021): besides its author, those who moderate the room.
 * Moderation provides the check (assigned facilitators and admins); chat does not know who moderates.
 */
export type HeldReaderCheck = (
  deps: CoreDeps,
  room: q.RoomRow,
  actor: { accountId: string; role: string },
) => Promise<boolean>

/** Run in the edit's transaction after the new text is written (moderation screens it); throwing refuses the edit. */
export type EditHook = (
  tx: TransactionSql,
  deps: CoreDeps,
  edit: { accountId: string; roomId: string; messageId: string; body: string },
) => Promise<void>

/** The send pipeline, in the order it runs. Built by core/composition/send.ts, never by a slice. */
export interface SendPipeline {
  steps: readonly SendStep[]
  persistHooks: readonly PersistHook[]
  abortHooks: readonly AbortHook[]
  /** What the steps keep in a send-cache entry, loaded together as soon as the entry is made (decision 071). */
  cachePrefetch: readonly CachePrefetch[]
}

/**
 * Starts, into a new send-cache entry, a load that one of the steps keeps there with `cachedForSend` — the same
 * name, the same load, under the same conditions — so that the entry's loads run side by side when it is made (a
 * socket joining a room, a first send, a reload) instead of one after another as the steps reach them; the step
 * then finds its value in flight or ready (decision 071). It must not throw; a load that fails is not kept, and the
 * step loads again.
 */
export type CachePrefetch = ((
  deps: CoreDeps,
  entry: SendCacheEntry,
  at: { room: q.RoomRow; membership: q.MembershipRow; now: Date },
) => void) & { readonly slot: string }

/** Everything other slices add to the chat engine, assembled in one place (core/composition/send.ts). */
export interface ChatComposition {
  send: SendPipeline
  editHooks: readonly EditHook[]
  roomReadGuards: readonly RoomReadGuard[]
  heldReaderChecks: readonly HeldReaderCheck[]
}

/** The composed chat engine, or a loud refusal: a deps built without the composition root would skip safety steps. */
export function chatComposition(deps: CoreDeps): ChatComposition {
  if (!deps.chat)
    throw new Error('chat is not composed: build CoreDeps through composeCore (core/composition/index.ts)')
  return deps.chat
}

const authenticate: SendStep = {
  name: 'authenticate',
  async run(ctx) {
    if (!ctx.actor?.accountId) throw new AppError('UNAUTHENTICATED')
  },
}

const authorize: SendStep = {
  name: 'authorize',
  async run(ctx) {
    // From the socket's cache while the room's and the account's version tokens are unchanged (decision 046).
    // A warm entry is used at once; its tokens are checked by the rate-limit script (decision 072).
    const found = await roomAndMembership(ctx.deps, ctx.cache, ctx.input.roomId, ctx.actor.accountId, {
      checkLater: ctx.checkLater,
    })
    if (!found) throw new AppError('NOT_FOUND')
    const { room, membership } = found
    ctx.cacheEntry = found.entry
    ctx.entryUnchecked = found.unchecked
    if (!membership || membership.rulesVersionAccepted < room.rulesVersion) throw new AppError('FORBIDDEN')
    if (room.locked && membership.badge !== 'facilitator') throw new AppError('FORBIDDEN')
    ctx.room = room
    ctx.membership = membership
    if (found.entry && found.fresh) prefetchInto(ctx.deps, found.entry, room, membership)
  },
}

/** Starts every composed prefetch into a new entry (decision 071). */
function prefetchInto(deps: CoreDeps, entry: SendCacheEntry, room: q.RoomRow, membership: q.MembershipRow): void {
  const at = { room, membership, now: nowOf(deps) }
  for (const prefetch of chatComposition(deps).send.cachePrefetch) prefetch(deps, entry, at)
}

/**
 * Makes the socket's entry for a room it has just joined, with everything the steps keep in it, so the member's
 * first message is sent as fast as the later ones (decision 071). Nothing is kept for a non-member; it never throws
 * (a failed load is loaded again by the send that needs it).
 */
export async function warmSendCache(
  deps: CoreDeps,
  cache: SendCache,
  roomId: string,
  accountId: string,
): Promise<void> {
  try {
    const found = await roomAndMembership(deps, cache, roomId, accountId)
    if (found?.entry && found.membership && found.fresh) prefetchInto(deps, found.entry, found.room, found.membership)
  } catch (error) {
    deps.log.warn({ roomId, err: { message: (error as Error).message } }, 'send cache warm-up failed')
  }
}

const validate: SendStep = {
  name: 'validate',
  async run(ctx) {
    const result = normalizeMessageBody(ctx.input.body)
    if (!result.ok) throw new AppError('VALIDATION_FAILED', { body: result.reason })
    ctx.body = result.body
  },
}

/**
 * A resend of an already stored message (same client id) answers with the original, creating nothing. A new client
 * id is the common case, so nothing is read here (decision 050): `persist` finds a resend at its insert (the unique
 * (membership, client id) pair), and a step after this one that refuses the send (mute, room closed, rate limit,
 * the screen) makes `sendMessage` look the client id up first, so a resend of a message stored before the refusal
 * still gets its original ack.
 */
const replay: SendStep = {
  name: 'replay',
  async run(ctx) {
    ctx.resendCheckedOnRefusal = true
  },
}

/**
 * The buckets a send draws on (sliding windows, core/chat/chat.rate-limit.ts). Everyone has their own budget.
 * The room's shared budget is for members' ordinary traffic only: the room's facilitators, admins and a message
 * that raises a crisis never wait for others' traffic, so a flooding member cannot keep them silent.
 */
export function chatRateRules(ctx: SendContext): SlidingWindowRule[] {
  const { deps, room, membership, actor } = ctx
  const prefix = `${deps.config.REDIS_PREFIX}:rl`
  // Keyed digests, as every rate-limit key: Redis never links a bucket to an account. Remembered per process, so a
  // warm send computes no HMAC.
  const id = (value: string) => keyedDigestOfId(deps.config.SESSION_SECRET, value)
  const staff = membership!.badge === 'facilitator' || actor.role === 'admin'
  // A message that raises a crisis (docs/crisis.md) is never held back by the room's traffic.
  const crisis = ctx.risk?.level === 'high' || ctx.risk?.level === 'imminent'
  const seconds = (rule: { limit: number; windowSeconds: number }) => ({
    limit: rule.limit,
    windowMs: rule.windowSeconds * 1000,
  })
  const rules: SlidingWindowRule[] = [
    { key: `${prefix}:chat-member:${id(actor.accountId)}`, ...seconds(deps.config.CHAT_RATE_LIMIT_MEMBER) },
  ]
  if (!staff && !crisis)
    rules.push({ key: `${prefix}:chat-room:${id(room!.id)}`, ...seconds(deps.config.CHAT_RATE_LIMIT_ROOM) })
  // Facilitators are not slowed by slow mode: they may need to step in.
  if (room!.slowModeSeconds > 0 && !staff)
    rules.push({ key: `${prefix}:chat-slow:${id(membership!.id)}`, limit: 1, windowMs: room!.slowModeSeconds * 1000 })
  return rules
}

const rateLimit: SendStep = {
  name: 'rate-limit',
  async run(ctx) {
    const { deps, input, actor } = ctx
    const tokenCheck =
      ctx.entryUnchecked && ctx.cacheEntry
        ? tokenCheckOf(deps, input.roomId, actor.accountId, ctx.cacheEntry)
        : undefined
    const waitMs = await consumeSlidingWindows(deps.redis, chatRateRules(ctx), tokenCheck)
    if (waitMs === TOKENS_CHANGED) throw new EntryOutdated()
    ctx.entryUnchecked = false
    // The ack carries the exact wait (retryAfterMs, server/gateway/respond.ts).
    if (waitMs > 0) throw new AppError('RATE_LIMITED', undefined, waitMs / 1000)
  },
}

/**
 * Stores the message with its gapless seq, the persist hooks' rows in the same transaction. Sends for the same room
 * arriving together share one transaction (group commit, core/chat/group-commit.ts); the ack is built from the
 * values written, never read back.
 */
const persist: SendStep = {
  name: 'persist',
  async run(ctx) {
    const { deps, membership } = ctx
    // Never stored on an entry whose tokens nobody checked (a composition without `rate-limit`).
    if (ctx.entryUnchecked && !(await entryStillCurrent(deps, ctx.input.roomId, ctx.actor.accountId, ctx.cacheEntry!)))
      throw new EntryOutdated()
    ctx.entryUnchecked = false
    ctx.persisting = true
    const outcome = await persistGrouped(ctx, chatComposition(deps).send.persistHooks)
    if ('stored' in outcome) {
      // The ack is the sender's: they read their own message even when it is held.
      ctx.message = q.storedMessage(outcome.stored, { membershipId: membership!.id, readsHeld: false })
      keepRecentText(ctx)
      return
    }
    ctx.message = (await q.findMessageByClientId(deps.sql, membership!.id, ctx.input.clientId))!
    ctx.replayed = true
  },
}

/**
 * Waits for the room's announcement of this message (handed over right after its COMMIT, in seq order, decision
 * 046), so peers are told before the sender's ack. A replay makes sure it was announced, in case the first attempt
 * stopped after its commit. Neither ever fails the send: stored is what an ack promises.
 */
const broadcast: SendStep = {
  name: 'broadcast',
  runOnReplay: true,
  async run(ctx) {
    await (ctx.announced ?? ensureAnnounced(ctx.deps, ctx.room!.id, ctx.message!.seq))
  },
}

/** Chat's own steps, for the composition root to place; never reorder persist before validate or rate-limit. */
export const chatSteps = { authenticate, authorize, validate, replay, rateLimit, persist, broadcast } as const

/** Chat's own send-cache prefetch (the recent texts), for the composition root to list. */
export const chatPrefetch = { recentTexts: prefetchRecentTexts } as const

/**
 * Runs the steps. A step that waits longer than SEND_STEP_DEADLINE_MS (a Redis or PostgreSQL that does not answer)
 * answers UNAVAILABLE and abandons the send: no later step runs, and its transaction rolls back instead of committing
 * when the database answers again, so a message its sender was told was not sent is never stored later (decision
 * 025). A commit already sent is waited for: the ack never calls a stored message unsent. The deadline is per step,
 * not per send, so a slow but answering send (a cold process, a busy CPU) is not refused. A dependency that refuses
 * outright (Redis killed) answers UNAVAILABLE too, never INTERNAL.
 */
export async function sendMessage(
  deps: CoreDeps,
  actor: SendActor,
  input: SendInput,
  options: { cache?: SendCache } = {},
): Promise<ChatMessage> {
  const sent = await sendOnce(deps, actor, input, options.cache, true)
  if (sent !== OUTDATED) return sent
  // The warm entry's tokens had changed (decision 072): it was dropped, and the send starts again, reading them first
  // as a cold send does. Nothing was recorded, stored or told in the first attempt.
  const again = await sendOnce(deps, actor, input, options.cache, false)
  if (again === OUTDATED) throw new Error('send cache entry outdated twice')
  return again
}

/** Thrown inside a send whose unchecked cache entry turned out outdated; it never reaches the sender. */
class EntryOutdated extends Error {
  override name = 'EntryOutdated'
}
const OUTDATED = Symbol('outdated')

async function sendOnce(
  deps: CoreDeps,
  actor: SendActor,
  input: SendInput,
  cache: SendCache | undefined,
  checkLater: boolean,
): Promise<ChatMessage | typeof OUTDATED> {
  const { steps, abortHooks } = chatComposition(deps).send
  const ctx: SendContext = { deps, actor, input, cache, checkLater }
  let at = 0
  const runFrom = async (from: number) => {
    for (at = from; at < steps.length; at++) {
      const step = steps[at]!
      if (ctx.replayed && !step.runOnReplay) continue
      // Once stored (or replayed) the message is the sender's: announcing it is never abandoned.
      if (ctx.message) await step.run(ctx)
      else await runWithinDeadline(ctx, step)
    }
  }
  try {
    try {
      await runFrom(0)
    } catch (refusal) {
      if (await refusedByOutdatedEntry(ctx, refusal)) {
        dropEntry(cache, input.roomId, ctx.cacheEntry)
        return OUTDATED
      }
      // A resend of a stored message answers with the original even when a later check now refuses it.
      const original = await storedOriginal(ctx, refusal)
      if (!original) throw refusal
      ctx.message = original
      ctx.replayed = true
      await runFrom(at + 1)
    }
  } catch (thrown) {
    const error = !(thrown instanceof AppError) && isUnavailable(thrown) ? new AppError('UNAVAILABLE') : thrown
    for (const hook of abortHooks) {
      await hook(ctx, error).catch((hookError: unknown) =>
        deps.log.error({ err: { message: (hookError as Error).message } }, 'send abort hook failed'),
      )
    }
    throw error
  }
  return ctx.message!
}

/**
 * Whether the send stopped on an unchecked cache entry that is outdated: the rate-limit script found its tokens
 * changed, or a step refused by what the entry said before they were checked, and they have changed since (or cannot
 * be read). A refusal on an entry whose tokens still hold stands; so does UNAVAILABLE (a step's deadline).
 */
async function refusedByOutdatedEntry(ctx: SendContext, refusal: unknown): Promise<boolean> {
  if (refusal instanceof EntryOutdated) return true
  if (!ctx.entryUnchecked || !ctx.cacheEntry || !(refusal instanceof AppError) || refusal.code === 'UNAVAILABLE')
    return false
  ctx.entryUnchecked = false
  return !(await entryStillCurrent(ctx.deps, ctx.input.roomId, ctx.actor.accountId, ctx.cacheEntry))
}

/**
 * After a refusal between `replay` and `persist` (not persist's own failure): the message this client id stored
 * before, if any. One query, only on a refusal, within the step deadline; null when there is none or the database
 * does not answer (the refusal stands).
 */
async function storedOriginal(ctx: SendContext, refusal: unknown): Promise<ChatMessage | null> {
  if (!ctx.resendCheckedOnRefusal || ctx.persisting || ctx.message || !ctx.membership) return null
  if (!(refusal instanceof AppError) && !isUnavailable(refusal)) return null
  try {
    return await withDeadline(
      q.findMessageByClientId(ctx.deps.sql, ctx.membership.id, ctx.input.clientId),
      SEND_STEP_DEADLINE_MS,
    )
  } catch {
    return null
  }
}

async function runWithinDeadline(ctx: SendContext, step: SendStep): Promise<void> {
  const run = step.run(ctx)
  try {
    await withDeadline(run, SEND_STEP_DEADLINE_MS)
  } catch (error) {
    if (!(error instanceof DeadlineExceeded)) throw error
    if (ctx.committing) return run
    // The single statement was sent: wait for its answer until its cutoff has passed (decision 050).
    if (ctx.statementAnswerBy !== undefined && (await answeredBy(ctx, run))) return run
    ctx.abandoned = true
    throw new AppError('UNAVAILABLE')
  }
}

/**
 * Whether `run` settled by the time its statement's answer is due (`ctx.statementAnswerBy`, epoch ms; a send written
 * again on its own after a failed batch gets a new one, and is waited for again). An answer PostgreSQL already sent
 * but this process has not read yet (a busy event loop) is read first: I/O is polled before `setImmediate` runs.
 */
async function answeredBy(ctx: SendContext, run: Promise<void>): Promise<boolean> {
  let answered = false
  const settled = run.then(
    () => void (answered = true),
    () => void (answered = true),
  )
  for (;;) {
    const until = ctx.statementAnswerBy!
    let timer: NodeJS.Timeout | undefined
    await Promise.race([settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, until - Date.now())))])
    clearTimeout(timer)
    if (!answered) await new Promise<void>((resolve) => setImmediate(resolve))
    if (answered || ctx.statementAnswerBy === until) return answered
  }
}
