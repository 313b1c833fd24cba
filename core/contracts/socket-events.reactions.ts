import type { AckCallback } from './socket-events.js'

/**
 * Supportive reactions on chat messages (docs/realtime.md, docs/decisions/040-reactions.md). The room hears counts
 * only; who reacted is never sent to peers. The member's own reactions come back in the acks and in
 * `reaction:list`.
 */
export const REACTION_KINDS = ['hug', 'same_here', 'thank_you'] as const
export type ReactionKind = (typeof REACTION_KINDS)[number]
export type ReactionCounts = Record<ReactionKind, number>

export interface ReactionState {
  messageId: string
  counts: ReactionCounts
  mine: ReactionKind[]
}

export interface ReactionsClientEvents {
  'reaction:add': (
    payload: { roomId: string; messageId: string; kind: ReactionKind },
    ack: AckCallback<ReactionState>,
  ) => void
  'reaction:remove': (
    payload: { roomId: string; messageId: string; kind: ReactionKind },
    ack: AckCallback<ReactionState>,
  ) => void
  /** Counts and the member's own reactions for messages of the room (after a join or a page of history). */
  'reaction:list': (
    payload: { roomId: string; messageIds: string[] },
    ack: AckCallback<{ reactions: ReactionState[] }>,
  ) => void
}

export interface ReactionsServerEvents {
  'reaction:updated': (payload: { roomId: string; messageId: string; counts: ReactionCounts }) => void
}
