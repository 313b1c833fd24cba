import type { ChatMember } from '../contracts/socket-events.chat.js'
import type { RoomReadGuard, SendStep } from '../chat/send-pipeline.js'
import * as chatQueries from '../chat/chat.queries.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { GRACE_AFTER_MS, OPENS_BEFORE_MS, getSessionPage } from './video.service.js'
import * as q from './video.queries.js'

/**
 * The group chat beside a session's video, on the chat engine (docs/decisions/015-group-session-chat.md):
 * one room of kind 'group_session' per session, created on first use, never listed with the topic rooms.
 * Enrolled members take part under their group pseudonym and the facilitators under their profile name;
 * the group's facilitators moderate it. Everything chat does applies: ordering, idempotent sends,
 * moderation screening and crisis detection.
 */
export interface SessionChatView {
  room: { id: string; title: string; locked: boolean; language: 'en' | 'pl' }
  me: ChatMember
}

export async function openSessionChat(
  deps: CoreDeps,
  actor: SessionAccount,
  sessionId: string,
): Promise<SessionChatView> {
  // Same rules as the session page: a facilitator or an enrolled member, while the session is open.
  const page = await getSessionPage(deps, actor, sessionId)
  if (!page.open) throw new AppError('FORBIDDEN')
  const access = await q.findSessionChatAccess(
    deps.sql,
    page.chatRoomId ?? '00000000-0000-0000-0000-000000000000',
    actor.accountId,
  )
  if (access?.removed) throw new AppError('FORBIDDEN')
  const room = await deps.sql.begin((tx) => q.ensureSessionChatRoom(tx, sessionId))
  const now = nowOf(deps)
  let membership = await chatQueries.findMembership(deps.sql, room.id, actor.accountId)
  if (!membership) {
    const pseudonym = page.name.trim().slice(0, 32)
    await chatQueries.insertMembership(deps.sql, {
      roomId: room.id,
      accountId: actor.accountId,
      pseudonym,
      rulesVersion: room.rulesVersion,
      now,
    })
    membership = await chatQueries.findMembership(deps.sql, room.id, actor.accountId)
    if (!membership) throw new AppError('CONFLICT')
  }
  return {
    room: { id: room.id, title: room.title, locked: room.locked, language: room.language },
    me: { memberId: membership.id, pseudonym: membership.pseudonym, badge: membership.badge },
  }
}

/**
 * A send into a session's chat also needs the session to be open and the sender not removed from it:
 * membership alone is not enough (it outlives the session).
 */
const sessionChatAccess: SendStep = {
  name: 'session-chat-access',
  async run(ctx) {
    if (ctx.room?.kind !== 'group_session') return
    const access = await q.findSessionChatAccess(ctx.deps.sql, ctx.room.id, ctx.actor.accountId)
    const now = nowOf(ctx.deps).getTime()
    const open =
      access !== null &&
      ['scheduled', 'moved', 'live'].includes(access.status) &&
      now >= access.startsAt.getTime() - OPENS_BEFORE_MS &&
      now < access.endsAt.getTime() + GRACE_AFTER_MS
    if (!open || !(access.facilitator || access.enrolled) || access.removed) throw new AppError('FORBIDDEN')
  },
}

/** Someone removed from a session may no longer read its chat either (history, catch-up, joining live). */
const removedMayNotRead: RoomReadGuard = async (deps, room, accountId) => {
  if (room.kind !== 'group_session') return
  const access = await q.findSessionChatAccess(deps.sql, room.id, accountId)
  if (access?.removed) throw new AppError('FORBIDDEN')
}

/** The session chat's part of the chat engine, placed by core/composition/send.ts (after `authorize`). */
export const sessionChatSend = { steps: { access: sessionChatAccess }, readGuard: removedMayNotRead } as const
