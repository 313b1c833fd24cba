import type { CoreDeps } from '../deps.js'
import { nowOf } from '../deps.js'
import { AppError } from '../errors.js'
import { isTimeZone } from '../groups/recurrence.js'
import { requireCapability } from '../identity/permissions.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { openingState, parseWindows, type OpeningState, type OpeningWindow } from './roomhours.js'
import * as q from './roomhours.queries.js'

export type { OpeningState, OpeningWindow }

/** Whether each room is open now and, when closed, when it next opens (rooms without hours are always open). */
export async function roomOpenings(deps: CoreDeps, roomIds: readonly string[]): Promise<Record<string, OpeningState>> {
  const hours = await q.findRoomHours(deps.sql, roomIds)
  const now = nowOf(deps)
  const out: Record<string, OpeningState> = {}
  for (const id of roomIds) {
    const h = hours.get(id)
    out[id] = h
      ? openingState(h.windows, h.zone, now)
      : { open: true, scheduled: false, nextOpening: null, closesAt: null }
  }
  return out
}

/** The admin's schedule for one room: lines of `<weekday 1-7> HH:MM-HH:MM` in the room's zone; empty = always open. */
export async function setRoomHours(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { roomId: string; zone: string; windows: string },
): Promise<void> {
  requireCapability(actor, 'rooms:manage')
  const windows = parseWindows(input.windows)
  const fields: Record<string, string> = {}
  if (!isTimeZone(input.zone)) fields.zone = 'invalid'
  if (!windows) fields.windows = 'invalid'
  if (!windows || Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', fields)
  if (!(await q.replaceRoomHours(deps.sql, input.roomId, input.zone, windows))) throw new AppError('NOT_FOUND')
}

/** Each topic room's zone and windows as the admin form shows them (`<weekday 1-7> HH:MM-HH:MM` per line). */
export async function listRoomHours(
  deps: CoreDeps,
  actor: SessionAccount,
  roomIds: readonly string[],
): Promise<Record<string, { zone: string; windows: string }>> {
  requireCapability(actor, 'rooms:manage')
  const hours = await q.findRoomHours(deps.sql, roomIds)
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return Object.fromEntries(
    [...hours.values()].map((h) => [
      h.roomId,
      {
        zone: h.zone,
        windows: h.windows.map((w) => `${w.weekday} ${hhmm(w.opensMinute)}-${hhmm(w.closesMinute)}`).join('\n'),
      },
    ]),
  )
}
