import { invalidateChatRoom } from '../chat/membership-cache.js'
import type { CoreDeps } from '../deps.js'
import { nowOf } from '../deps.js'
import { AppError } from '../errors.js'
import { instantFromLocal, isTimeZone } from '../groups/recurrence.js'
import { requireCapability } from '../identity/permissions.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { parseWindows, type OpeningState, type OpeningWindow } from './roomhours.js'
import * as q from './roomhours.queries.js'
import { roomState } from './rota.js'

export type { OpeningState, OpeningWindow }

/**
 * Whether each room is open now and, when closed, when it next opens: its opening hours (decision 043) and, for a
 * room that opens only with cover, its facilitators' shifts (decision 048). A room without either is always open.
 */
export async function roomOpenings(deps: CoreDeps, roomIds: readonly string[]): Promise<Record<string, OpeningState>> {
  const now = nowOf(deps)
  const rules = await q.findRoomRules(deps.sql, roomIds, now)
  const out: Record<string, OpeningState> = {}
  for (const id of roomIds) {
    const rule = rules.get(id)
    out[id] = rule ? roomState(rule, now) : { open: true, scheduled: false, nextOpening: null, closesAt: null }
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
  // Senders' caches keep the room's rule (roomhours.pipeline.ts): the very next send reads the new one.
  await invalidateChatRoom(deps, input.roomId)
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

// ---------------------------------------------------------------------------------------------
// The facilitator rota (decision 048)

const SHIFT_MAX_MS = 24 * 60 * 60_000
const SHIFT_AHEAD_MS = 90 * 24 * 60 * 60_000
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An admin sets whether a room opens only while one of its facilitators is on a shift. */
export async function setRoomCover(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { roomId: string; withCover: boolean },
): Promise<void> {
  requireCapability(actor, 'rooms:manage')
  if (!uuid.test(input.roomId) || !(await q.setRoomCover(deps.sql, input.roomId, input.withCover)))
    throw new AppError('NOT_FOUND')
  await invalidateChatRoom(deps, input.roomId)
}

/**
 * A shift on a room's rota, its start and end entered as wall times in `zone` (the writer's zone) and stored as
 * instants. An admin puts any of the room's facilitators on it; a facilitator signs only themselves up, and only in
 * a room they look after. Bad input changes nothing.
 */
export async function addShift(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { roomId: string; accountId?: string; startsAt: string; endsAt: string; zone: string },
): Promise<string> {
  const isAdmin = actor.role === 'admin'
  if (!isAdmin) requireCapability(actor, 'moderation:act')
  const accountId = isAdmin ? (input.accountId ?? '') : actor.accountId
  if (!uuid.test(input.roomId)) throw new AppError('NOT_FOUND')
  if (!isAdmin && !(await q.isRoomFacilitator(deps.sql, input.roomId, actor.accountId))) throw new AppError('FORBIDDEN')
  const fields: Record<string, string> = {}
  if (isAdmin && (!uuid.test(accountId) || !(await q.isRoomFacilitator(deps.sql, input.roomId, accountId))))
    fields.accountId = 'shift_not_facilitator'
  const zone = isTimeZone(input.zone) ? input.zone : 'UTC'
  const startsAt = instantFromLocal(input.startsAt.trim(), zone)
  const endsAt = instantFromLocal(input.endsAt.trim(), zone)
  const now = nowOf(deps)
  if (!startsAt) fields.startsAt = 'shift_time_invalid'
  else if (startsAt.getTime() > now.getTime() + SHIFT_AHEAD_MS) fields.startsAt = 'shift_too_far'
  if (!endsAt) fields.endsAt = 'shift_time_invalid'
  else if (startsAt && endsAt <= startsAt) fields.endsAt = 'shift_end_before_start'
  else if (startsAt && endsAt.getTime() - startsAt.getTime() > SHIFT_MAX_MS) fields.endsAt = 'shift_too_long'
  else if (endsAt <= now) fields.endsAt = 'shift_in_past'
  if (Object.keys(fields).length > 0 || !startsAt || !endsAt) throw new AppError('VALIDATION_FAILED', fields)
  const id = await q.insertShift(deps.sql, { roomId: input.roomId, accountId, startsAt, endsAt, by: actor.accountId })
  await invalidateChatRoom(deps, input.roomId)
  return id
}

/** Takes a shift off the rota: an admin any shift, a facilitator only their own. */
export async function removeShift(deps: CoreDeps, actor: SessionAccount, shiftId: string): Promise<void> {
  const isAdmin = actor.role === 'admin'
  if (!isAdmin) requireCapability(actor, 'moderation:act')
  const roomId = uuid.test(shiftId) ? await q.deleteShift(deps.sql, shiftId, isAdmin ? null : actor.accountId) : null
  if (!roomId) throw new AppError('NOT_FOUND')
  await invalidateChatRoom(deps, roomId)
}

export interface RotaRoom {
  id: string
  title: string
  withCover: boolean
  open: boolean
  facilitators: { accountId: string; username: string }[]
  shifts: { id: string; username: string | null; mine: boolean; startsAt: Date; endsAt: Date; counts: boolean }[]
}

/**
 * The rota page: for an admin every topic room, for a facilitator the rooms they look after. Usernames of other
 * staff are shown to admins only; a facilitator sees their own shifts and that others are covered.
 */
export async function listRota(deps: CoreDeps, actor: SessionAccount): Promise<RotaRoom[]> {
  const isAdmin = actor.role === 'admin'
  if (!isAdmin) requireCapability(actor, 'moderation:act')
  const now = nowOf(deps)
  const rooms = await q.rotaRooms(deps.sql, actor)
  const ids = rooms.map((r) => r.id)
  const [facilitators, shifts, openings] = await Promise.all([
    q.roomFacilitators(deps.sql, ids),
    q.upcomingShifts(deps.sql, ids, now),
    roomOpenings(deps, ids),
  ])
  return rooms.map((room) => {
    const here = facilitators.filter((f) => f.roomId === room.id)
    return {
      ...room,
      open: openings[room.id]?.open ?? true,
      facilitators: isAdmin ? here.map(({ accountId, username }) => ({ accountId, username })) : [],
      shifts: shifts
        .filter((s) => s.roomId === room.id)
        .map((s) => ({
          id: s.id,
          username: isAdmin || s.accountId === actor.accountId ? s.username : null,
          mine: s.accountId === actor.accountId,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          counts: here.some((f) => f.accountId === s.accountId),
        })),
    }
  })
}

/** A facilitator's own shifts, for their data export (decision 048). */
export async function exportRotaData(deps: CoreDeps, accountId: string) {
  const shifts = await q.shiftsOf(deps.sql, accountId)
  return {
    roomShifts: shifts.map((s) => ({
      roomId: s.roomId,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
  }
}
