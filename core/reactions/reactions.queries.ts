import type { Sql, TransactionSql } from '../../db/client.js'
import {
  REACTION_KINDS,
  type ReactionCounts,
  type ReactionKind,
  type ReactionState,
} from '../contracts/socket-events.reactions.js'

type Db = Sql | TransactionSql

/** A message that can take a reaction: in this room, visible (not held, hidden or removed) and not deleted. */
export async function reactableMessage(db: Db, roomId: string, messageId: string): Promise<boolean> {
  const rows = await db`
    select 1 from messages
    where id = ${messageId} and room_id = ${roomId} and moderation_status = 'visible' and deleted_at is null`
  return rows.length > 0
}

export async function insertReaction(
  db: Db,
  input: { messageId: string; membershipId: string; kind: ReactionKind; now: Date },
): Promise<void> {
  await db`
    insert into message_reactions (message_id, membership_id, kind, created_at)
    values (${input.messageId}, ${input.membershipId}, ${input.kind}, ${input.now})
    on conflict do nothing`
}

export async function deleteReaction(
  db: Db,
  input: { messageId: string; membershipId: string; kind: ReactionKind },
): Promise<void> {
  await db`delete from message_reactions where message_id = ${input.messageId} and membership_id = ${input.membershipId} and kind = ${input.kind}`
}

const zero = (): ReactionCounts => Object.fromEntries(REACTION_KINDS.map((k) => [k, 0])) as ReactionCounts

/**
 * Counts per kind and the viewer's own kinds, for the room's visible messages among `messageIds` (others are left
 * out: a held or removed message shows no reactions).
 */
export async function reactionStates(
  db: Db,
  roomId: string,
  messageIds: string[],
  membershipId: string,
): Promise<ReactionState[]> {
  if (messageIds.length === 0) return []
  const rows = await db<Array<{ messageId: string; kind: ReactionKind; count: number; mine: boolean }>>`
    select r.message_id as "messageId", r.kind, count(*)::int as count, bool_or(r.membership_id = ${membershipId}) as mine
    from message_reactions r
    join messages m on m.id = r.message_id
    where m.room_id = ${roomId} and m.id = any(${messageIds}::uuid[]) and m.moderation_status = 'visible' and m.deleted_at is null
    group by r.message_id, r.kind`
  const states = new Map<string, ReactionState>()
  for (const row of rows) {
    const state = states.get(row.messageId) ?? { messageId: row.messageId, counts: zero(), mine: [] }
    state.counts[row.kind] = row.count
    if (row.mine) state.mine.push(row.kind)
    states.set(row.messageId, state)
  }
  return [...states.values()]
}

export async function reactionState(
  db: Db,
  roomId: string,
  messageId: string,
  membershipId: string,
): Promise<ReactionState> {
  const [state] = await reactionStates(db, roomId, [messageId], membershipId)
  return state ?? { messageId, counts: zero(), mine: [] }
}

/** "Export my data": the member's own reactions (ids and kinds; never another member's text). */
export async function selectReactionsExport(db: Db, accountId: string) {
  return db<Array<{ roomId: string; messageId: string; kind: ReactionKind; createdAt: Date }>>`
    select rm.room_id as "roomId", r.message_id as "messageId", r.kind, r.created_at as "createdAt"
    from message_reactions r join room_memberships rm on rm.id = r.membership_id
    where rm.account_id = ${accountId}
    order by r.created_at`
}
