import type { TransactionSql } from '../../db/client.js'
import { CHAT_LIMITS, type ChatMember, type ChatMessage, type MessagePage } from '../contracts/socket-events.chat.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { socketRooms } from '../realtime/realtime.publisher.js'
import * as q from './chat.queries.js'
import { normalizeMessageBody, pseudonymSchema } from './chat.schema.js'
import { generateUniquePseudonym } from './pseudonyms.js'
import { invalidateChatAccount } from './membership-cache.js'

import { chatComposition } from './send-pipeline.js'

export { sendMessage, warmSendCache } from './send-pipeline.js'
export type { EditHook, HeldReaderCheck, RoomReadGuard } from './send-pipeline.js'

type Actor = Pick<SessionAccount, 'accountId' | 'role' | 'pseudonymMode'>

export interface RoomView {
  id: string
  slug: string
  title: string
  description: string
  language: 'en' | 'pl'
  rules: string
  slowModeSeconds: number
  locked: boolean
}

const toRoomView = (room: q.RoomRow): RoomView => ({
  id: room.id,
  slug: room.slug,
  title: room.title,
  description: room.description,
  language: room.language,
  rules: room.rules,
  slowModeSeconds: room.slowModeSeconds,
  locked: room.locked,
})

const toMember = (m: q.MembershipRow): ChatMember => ({ memberId: m.id, pseudonym: m.pseudonym, badge: m.badge })

/**
 * The room page: the room, and either the member's own membership or what they need to enter
 * (the rules, a suggested pseudonym). Never anything about other members.
 */
export async function getRoomEntry(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
): Promise<
  | { room: RoomView; status: 'member'; me: ChatMember }
  | {
      room: RoomView
      status: 'entering'
      suggestedPseudonym: string
      pseudonymMode: 'ask' | 'generate'
      pseudonym: string | null
    }
> {
  const room = await q.findRoomBySlug(deps.sql, slug)
  if (!room) throw new AppError('NOT_FOUND')
  const membership = await q.findMembership(deps.sql, room.id, actor.accountId)
  if (membership && membership.rulesVersionAccepted >= room.rulesVersion)
    return { room: toRoomView(room), status: 'member', me: toMember(membership) }
  return {
    room: toRoomView(room),
    status: 'entering',
    suggestedPseudonym: membership
      ? membership.pseudonym
      : generateUniquePseudonym(room.language, await q.takenPseudonyms(deps.sql, room.id)),
    pseudonymMode: actor.pseudonymMode,
    // Rules changed since they entered: they keep their pseudonym and only accept the new rules.
    pseudonym: membership?.pseudonym ?? null,
  }
}

/**
 * First entry: accept the rules and take a pseudonym (chosen, or the suggested/generated one), unique in
 * the room. Later entries after a rules change only accept the new rules.
 */
export async function enterRoom(
  deps: CoreDeps,
  actor: Actor,
  slug: string,
  input: { pseudonymChoice: 'own' | 'generated'; pseudonym?: string; suggested?: string },
): Promise<ChatMember> {
  const room = await q.findRoomBySlug(deps.sql, slug)
  if (!room) throw new AppError('NOT_FOUND')
  const now = nowOf(deps)
  const existing = await q.findMembership(deps.sql, room.id, actor.accountId)
  if (existing) {
    await q.acceptRules(deps.sql, existing.id, room.rulesVersion, now)
    // A send cache on any server still holding the old acceptance reloads (decision 046).
    await invalidateChatAccount(deps, actor.accountId)
    return toMember(existing)
  }
  let pseudonym: string
  if (input.pseudonymChoice === 'own') {
    const parsed = pseudonymSchema.safeParse(input.pseudonym ?? '')
    if (!parsed.success)
      throw new AppError('VALIDATION_FAILED', { pseudonym: parsed.error.issues[0]?.message ?? 'pseudonym_invalid' })
    pseudonym = parsed.data
  } else {
    const suggested = pseudonymSchema.safeParse(input.suggested ?? '')
    pseudonym = suggested.success
      ? suggested.data
      : generateUniquePseudonym(room.language, await q.takenPseudonyms(deps.sql, room.id))
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = await q.insertMembership(deps.sql, {
      roomId: room.id,
      accountId: actor.accountId,
      pseudonym,
      rulesVersion: room.rulesVersion,
      now,
    })
    if (id) return (await q.findMembership(deps.sql, room.id, actor.accountId).then((m) => m && toMember(m)))!
    const raced = await q.findMembership(deps.sql, room.id, actor.accountId)
    if (raced) return toMember(raced)
    if (input.pseudonymChoice === 'own') throw new AppError('CONFLICT', { pseudonym: 'pseudonym_taken' })
    // A generated name was taken meanwhile: draw another.
    pseudonym = generateUniquePseudonym(room.language, await q.takenPseudonyms(deps.sql, room.id))
  }
  throw new AppError('CONFLICT')
}

/** The Socket.IO room of one chat room's held-message readers: their sockets hear a held message's text live. */
export const heldReadersRoom = (roomId: string) => `${socketRooms.chatRoom(roomId)}:held`

async function viewerOf(
  deps: CoreDeps,
  room: q.RoomRow,
  membership: q.MembershipRow,
  accountId: string,
): Promise<q.MessageViewer> {
  // Members are never asked about: only staff accounts may moderate.
  let readsHeld = false
  if (membership.role !== 'member') {
    for (const check of chatComposition(deps).heldReaderChecks)
      if ((readsHeld = await check(deps, room, { accountId, role: membership.role }))) break
  }
  return { membershipId: membership.id, readsHeld }
}

/** The room and the actor's membership, or NOT_FOUND (no such room) / FORBIDDEN (not entered, rules not accepted). */
export async function requireRoomMember(
  deps: CoreDeps,
  accountId: string,
  roomId: string,
): Promise<{ room: q.RoomRow; membership: q.MembershipRow }> {
  const room = await q.findRoomById(deps.sql, roomId)
  if (!room) throw new AppError('NOT_FOUND')
  const membership = await q.findMembership(deps.sql, room.id, accountId)
  if (!membership || membership.rulesVersionAccepted < room.rulesVersion) throw new AppError('FORBIDDEN')
  for (const guard of chatComposition(deps).roomReadGuards) await guard(deps, room, accountId)
  return { room, membership }
}

const pageSize = (limit?: number) => Math.min(limit ?? CHAT_LIMITS.pageSize, 100)

async function pageAfter(
  deps: CoreDeps,
  roomId: string,
  viewer: q.MessageViewer,
  afterSeq: number,
  limit?: number,
): Promise<MessagePage> {
  const size = pageSize(limit)
  const rows = await q.messagesAfter(deps.sql, roomId, afterSeq, size + 1, viewer)
  return { messages: rows.slice(0, size), hasMore: rows.length > size }
}

async function pageBefore(
  deps: CoreDeps,
  roomId: string,
  viewer: q.MessageViewer,
  beforeSeq: number,
  limit?: number,
): Promise<MessagePage> {
  const size = pageSize(limit)
  const rows = await q.messagesBefore(deps.sql, roomId, beforeSeq > 0 ? beforeSeq : null, size + 1, viewer)
  return { messages: rows.slice(-size), hasMore: rows.length > size }
}

/** Messages after `afterSeq`, oldest first: the catch-up after a reconnect. */
export async function syncMessages(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; afterSeq: number; limit?: number },
): Promise<MessagePage> {
  const { room, membership } = await requireRoomMember(deps, accountId, input.roomId)
  return pageAfter(deps, room.id, await viewerOf(deps, room, membership, accountId), input.afterSeq, input.limit)
}

/** Older messages before `beforeSeq` (newest when it is 0), oldest first. */
export async function messageHistory(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; beforeSeq: number; limit?: number },
): Promise<MessagePage> {
  const { room, membership } = await requireRoomMember(deps, accountId, input.roomId)
  return pageBefore(deps, room.id, await viewerOf(deps, room, membership, accountId), input.beforeSeq, input.limit)
}

/** What a member needs on entering the live room (presence is added by the gateway). Access is checked once. */
export async function openRoom(deps: CoreDeps, accountId: string, input: { roomId: string; afterSeq?: number }) {
  const { room, membership } = await requireRoomMember(deps, accountId, input.roomId)
  const viewer = await viewerOf(deps, room, membership, accountId)
  const page =
    input.afterSeq !== undefined
      ? await pageAfter(deps, room.id, viewer, input.afterSeq)
      : await pageBefore(deps, room.id, viewer, 0)
  return {
    ...page,
    me: toMember(membership),
    readsHeld: viewer.readsHeld,
    lastReadSeq: membership.lastReadSeq,
    mutedMemberIds: await q.listMutes(deps.sql, membership.id),
    slowModeSeconds: room.slowModeSeconds,
  }
}

async function changeOwnMessage(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; messageId: string },
  change: (tx: TransactionSql, message: { id: string; body: string }, now: Date) => Promise<void>,
): Promise<ChatMessage> {
  const { room, membership } = await requireRoomMember(deps, accountId, input.roomId)
  const now = nowOf(deps)
  await deps.sql.begin(async (tx) => {
    const message = await q.lockOwnMessage(tx, {
      roomId: room.id,
      messageId: input.messageId,
      membershipId: membership.id,
    })
    if (!message) {
      // Someone else's message is not theirs to change; an unknown id is simply not found.
      throw new AppError((await q.findMessageInRoom(tx, room.id, input.messageId)) ? 'FORBIDDEN' : 'NOT_FOUND')
    }
    if (message.deletedAt) throw new AppError('CONFLICT')
    if (now.getTime() - message.createdAt.getTime() > CHAT_LIMITS.editWindowMinutes * 60_000)
      throw new AppError('FORBIDDEN')
    await change(tx, message, now)
  })
  // The sender's sockets keep their recent texts for the screens (decision 050): an edit or delete drops them.
  await invalidateChatAccount(deps, accountId)
  // The room reads it as everyone does (a held message without its text); its author and the room's
  // held-message readers (moderators) read the text.
  const message = (await q.findMessageForRoomAndAuthor(deps.sql, room.id, input.messageId))!
  deps.realtime.emitToRoom(socketRooms.chatRoom(room.id), 'message:updated', message.room)
  if (message.room.moderation === 'held') {
    deps.realtime.emitToRoom(socketRooms.account(accountId), 'message:updated', message.author)
    deps.realtime.emitToRoom(heldReadersRoom(room.id), 'message:updated', message.author)
  }
  return message.author
}

/** Edit one's own message within 10 minutes; the previous text is kept in message_revisions. */
export async function editMessage(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; messageId: string; body: string },
): Promise<ChatMessage> {
  const normalized = normalizeMessageBody(input.body)
  if (!normalized.ok) throw new AppError('VALIDATION_FAILED', { body: normalized.reason })
  const { editHooks } = chatComposition(deps)
  return changeOwnMessage(deps, accountId, input, async (tx, message, now) => {
    if (message.body === normalized.body) return
    await q.insertRevision(tx, message.id, 'edit', message.body, now)
    await q.updateMessageBody(tx, message.id, normalized.body, now)
    for (const hook of editHooks)
      await hook(tx, deps, { accountId, roomId: input.roomId, messageId: message.id, body: normalized.body })
  })
}

/** Delete one's own message within 10 minutes: peers see it removed; the text is kept for moderation. */
export async function deleteMessage(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; messageId: string },
): Promise<ChatMessage> {
  return changeOwnMessage(deps, accountId, input, async (tx, message, now) => {
    await q.insertRevision(tx, message.id, 'delete', message.body, now)
    await q.markMessageDeleted(tx, message.id, now)
  })
}

/** Personal mute: hides a pseudonym for this member only. Returns the member's muted list. */
export async function setPersonalMute(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; memberId: string; muted: boolean },
): Promise<string[]> {
  const { room, membership } = await requireRoomMember(deps, accountId, input.roomId)
  if (input.muted) {
    const ok = await q.addMute(deps.sql, {
      roomId: room.id,
      membershipId: membership.id,
      mutedMembershipId: input.memberId,
    })
    if (!ok) throw new AppError('NOT_FOUND')
  } else {
    await q.removeMute(deps.sql, membership.id, input.memberId)
  }
  return q.listMutes(deps.sql, membership.id)
}

export async function markRoomRead(
  deps: CoreDeps,
  accountId: string,
  input: { roomId: string; seq: number },
): Promise<number> {
  const { membership } = await requireRoomMember(deps, accountId, input.roomId)
  return q.markRead(deps.sql, membership.id, input.seq)
}
