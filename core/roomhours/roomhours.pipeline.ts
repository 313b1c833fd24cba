import type { SendStep } from '../chat/send-pipeline.js'
import { nowOf } from '../deps.js'
import { AppError } from '../errors.js'
import { openingState } from './roomhours.js'
import { findRoomWindows } from './roomhours.queries.js'

/**
 * Outside its opening hours a topic room is read-only for members: the send is refused with ROOM_CLOSED and
 * nothing is stored (decision 043). Facilitators and staff may still post (a note that the room is closed, a
 * pointer to help). Placed after `crisis-detect`, so a refused message that shows risk is still heard
 * (crisis's abort hook raises it).
 */
const roomHoursStep: SendStep = {
  name: 'room-hours',
  async run(ctx) {
    if (ctx.room?.kind !== 'topic' || ctx.actor.role !== 'member') return
    const hours = await findRoomWindows(ctx.deps.sql, ctx.room.id)
    if (openingState(hours.windows, hours.zone, nowOf(ctx.deps)).open) return
    throw new AppError('ROOM_CLOSED')
  },
}

/** Room hours' part of the chat engine, placed by core/composition/send.ts. */
export const roomHoursSend = { steps: { roomHours: roomHoursStep } } as const
