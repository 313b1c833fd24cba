import type { ChatMessage } from './socket-events.chat.js'

/**
 * How a client keeps a room's messages: ordered by the room's gapless `seq`, each message once.
 * Live announcements, history pages, sync pages and acks may overlap or arrive in any order; merging
 * them here gives every client the same list. Browser and tests use the same code.
 */
export interface Timeline {
  /** Ascending by seq, no duplicates. */
  messages: ChatMessage[]
}

export const emptyTimeline = (): Timeline => ({ messages: [] })

/** Insert or replace messages (an edit or delete replaces by id). Returns a new timeline. */
export function mergeMessages(timeline: Timeline, incoming: readonly ChatMessage[]): Timeline {
  if (incoming.length === 0) return timeline
  const bySeq = new Map<number, ChatMessage>()
  for (const m of timeline.messages) bySeq.set(m.seq, m)
  for (const m of incoming) {
    const current = bySeq.get(m.seq)
    // A later edit wins; an older copy (a stale page) never overwrites a newer state.
    if (!current || version(m) >= version(current)) bySeq.set(m.seq, m)
  }
  return { messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq) }
}

function version(m: ChatMessage): number {
  return Math.max(
    Date.parse(m.createdAt),
    m.editedAt ? Date.parse(m.editedAt) : 0,
    m.deletedAt ? Date.parse(m.deletedAt) : 0,
    m.moderatedAt ? Date.parse(m.moderatedAt) : 0,
  )
}

/** The highest seq with no gap before it: what to sync after. 0 when the timeline is empty. */
export function lastContiguousSeq(timeline: Timeline): number {
  const { messages } = timeline
  if (messages.length === 0) return 0
  let last = messages[0]!.seq
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.seq !== last + 1) break
    last = messages[i]!.seq
  }
  return last
}

/** The highest seq held. */
export function lastSeq(timeline: Timeline): number {
  return timeline.messages.at(-1)?.seq ?? 0
}
