import { cachedForSend } from '../chat/membership-cache.js'
import type { CachePrefetch, SendStep } from '../chat/send-pipeline.js'
import { nowOf } from '../deps.js'
import { AppError } from '../errors.js'
import { findRoomRules } from './roomhours.queries.js'
import { roomState } from './rota.js'

/**
 * Outside its opening hours (decision 043), or with none of its facilitators on a shift when it opens only with
 * cover (decision 048), a topic room is read-only for members: the send is refused with ROOM_CLOSED and nothing is
 * stored. Facilitators and staff may still post (a note that the room is closed, a
 * pointer to help). Placed after `crisis-detect`, so a refused message that shows risk is still heard
 * (crisis's abort hook raises it).
 */
const roomHoursStep: SendStep = {
  name: 'room-hours',
  async run(ctx) {
    if (ctx.room?.kind !== 'topic' || ctx.actor.role !== 'member') return
    const now = nowOf(ctx.deps)
    const roomId = ctx.room.id
    // Kept in the sender's cache entry (decision 046): the rule holds the room's hours and every shift that had not
    // ended when it was read, so it answers for any later moment until hours, cover, shifts or the room's
    // facilitators change, which replace the room's token (roomhours.service.ts, moderation's assignments).
    const rule = await cachedForSend(ctx.cacheEntry, ROOM_HOURS_SLOT, () => loadRule(ctx.deps, roomId, now))
    if (!rule || roomState(rule, now).open) return
    throw new AppError('ROOM_CLOSED')
  },
}

const ROOM_HOURS_SLOT = 'room-hours'
const loadRule = async (deps: Parameters<CachePrefetch>[0], roomId: string, now: Date) =>
  (await findRoomRules(deps.sql, [roomId], now)).get(roomId)

/** The room's rule into a new send-cache entry, for the senders the step reads it for (decision 071). */
const prefetchRoomHours: CachePrefetch = Object.assign(
  (deps: Parameters<CachePrefetch>[0], entry: Parameters<CachePrefetch>[1], at: Parameters<CachePrefetch>[2]) => {
    if (at.room.kind !== 'topic' || at.membership.role !== 'member') return
    void cachedForSend(entry, ROOM_HOURS_SLOT, () => loadRule(deps, at.room.id, at.now))
  },
  { slot: ROOM_HOURS_SLOT },
)

/** Room hours' part of the chat engine, placed by core/composition/send.ts. */
export const roomHoursSend = {
  steps: { roomHours: roomHoursStep },
  prefetch: { roomHours: prefetchRoomHours },
} as const
