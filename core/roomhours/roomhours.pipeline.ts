import type { SendStep } from '../chat/send-pipeline.js'
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
    const rule = (await findRoomRules(ctx.deps.sql, [ctx.room.id], now)).get(ctx.room.id)
    if (!rule || roomState(rule, now).open) return
    throw new AppError('ROOM_CLOSED')
  },
}

/** Room hours' part of the chat engine, placed by core/composition/send.ts. */
export const roomHoursSend = { steps: { roomHours: roomHoursStep } } as const
