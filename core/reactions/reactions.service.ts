import type { ReactionKind, ReactionState } from '../contracts/socket-events.reactions.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { keyedDigest } from '../identity/identity.crypto.js'
import { requireRoomMember } from '../chat/chat.service.js'
import { consumeSlidingWindows } from '../chat/chat.rate-limit.js'
import { requireMaySend } from '../moderation/moderation.service.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import * as q from './reactions.queries.js'
import { REACTION_RATE_LIMIT } from './reactions.schema.js'

/**
 * Supportive reactions (docs/decisions/040-reactions.md). A reaction is not a message: it takes no seq, is never
 * unread, never counts as a reply and never moves a message. The room hears counts only; the member's own
 * reactions come back to them alone. Muted and banned members cannot react (a reaction is a way to speak).
 */
type Change = { roomId: string; messageId: string; kind: ReactionKind }

async function change(
  deps: CoreDeps,
  accountId: string,
  input: Change,
  write: (membershipId: string) => Promise<void>,
): Promise<ReactionState> {
  const { membership } = await requireRoomMember(deps, accountId, input.roomId)
  await requireMaySend(deps, membership.id)
  const key = `${deps.config.REDIS_PREFIX}:rl:reaction:${keyedDigest(deps.config.SESSION_SECRET, accountId)}`
  const waitMs = await consumeSlidingWindows(deps.redis, [{ key, ...REACTION_RATE_LIMIT }])
  if (waitMs > 0) throw new AppError('RATE_LIMITED', undefined, waitMs / 1000)
  // Held, hidden, removed and deleted messages take no reactions (and answer as if absent).
  if (!(await q.reactableMessage(deps.sql, input.roomId, input.messageId))) throw new AppError('NOT_FOUND')
  await write(membership.id)
  const state = await q.reactionState(deps.sql, input.roomId, input.messageId, membership.id)
  deps.realtime.emitToRoom(socketRooms.chatRoom(input.roomId), 'reaction:updated', {
    roomId: input.roomId,
    messageId: input.messageId,
    counts: state.counts,
  })
  return state
}

/** Adds the member's reaction; adding it again changes nothing. */
export function addReaction(deps: CoreDeps, accountId: string, input: Change): Promise<ReactionState> {
  return change(deps, accountId, input, (membershipId) =>
    q.insertReaction(deps.sql, { ...input, membershipId, now: nowOf(deps) }),
  )
}

/** Takes the member's reaction back; taking back one that is not there changes nothing. */
export function removeReaction(deps: CoreDeps, accountId: string, input: Change): Promise<ReactionState> {
  return change(deps, accountId, input, (membershipId) => q.deleteReaction(deps.sql, { ...input, membershipId }))
}

/** Counts and the member's own reactions for messages they read (after a join or a page of history). */
export async function listReactions(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; messageIds: string[] },
): Promise<{ reactions: ReactionState[] }> {
  const { membership } = await requireRoomMember(deps, accountId, input.roomId)
  return { reactions: await q.reactionStates(deps.sql, input.roomId, input.messageIds, membership.id) }
}

export async function exportReactionsData(deps: CoreDeps, accountId: string) {
  const rows = await q.selectReactionsExport(deps.sql, accountId)
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))
}
