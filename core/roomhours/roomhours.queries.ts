import type { Sql } from '../../db/client.js'
import type { OpeningWindow } from './roomhours.js'

export interface RoomHours {
  roomId: string
  zone: string
  windows: OpeningWindow[]
}

/** Each listed room's zone and windows (rooms without windows come back with an empty list). */
export async function findRoomHours(sql: Sql, roomIds: readonly string[]): Promise<Map<string, RoomHours>> {
  const out = new Map<string, RoomHours>()
  if (roomIds.length === 0) return out
  const rooms = await sql<
    { id: string; timeZone: string }[]
  >`select id, time_zone as "timeZone" from rooms where id = any(${sql.array([...roomIds])}::uuid[])`
  for (const r of rooms) out.set(r.id, { roomId: r.id, zone: r.timeZone, windows: [] })
  const rows = await sql<(OpeningWindow & { roomId: string })[]>`
    select room_id as "roomId", weekday, opens_minute as "opensMinute", closes_minute as "closesMinute" from room_opening_hours
    where room_id = any(${sql.array([...roomIds])}::uuid[]) order by weekday, opens_minute`
  for (const row of rows)
    out
      .get(row.roomId)
      ?.windows.push({ weekday: row.weekday, opensMinute: row.opensMinute, closesMinute: row.closesMinute })
  return out
}

/** Replaces a room's schedule (and zone) in one transaction. */
export async function replaceRoomHours(
  sql: Sql,
  roomId: string,
  zone: string,
  windows: readonly OpeningWindow[],
): Promise<boolean> {
  return sql.begin(async (tx) => {
    const updated = await tx`update rooms set time_zone = ${zone} where id = ${roomId} and kind = 'topic'`
    if (updated.count === 0) return false
    await tx`delete from room_opening_hours where room_id = ${roomId}`
    for (const w of windows) {
      await tx`
        insert into room_opening_hours (room_id, weekday, opens_minute, closes_minute)
        values (${roomId}, ${w.weekday}, ${w.opensMinute}, ${w.closesMinute}) on conflict do nothing`
    }
    return true
  }) as Promise<boolean>
}

// ---------------------------------------------------------------------------------------------
// The facilitator rota (decision 048)

export interface RoomRuleRow {
  roomId: string
  zone: string
  withCover: boolean
  windows: OpeningWindow[]
  shifts: { startsAt: Date; endsAt: Date }[]
}

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)))

/**
 * Each listed room's opening hours and, for a room that opens only with cover, the shifts not yet ended of the
 * facilitators still assigned to it (a facilitator taken off the room no longer covers it). One round trip: the
 * send step runs on every member's send.
 */
export async function findRoomRules(
  sql: Sql,
  roomIds: readonly string[],
  now: Date,
): Promise<Map<string, RoomRuleRow>> {
  const out = new Map<string, RoomRuleRow>()
  if (roomIds.length === 0) return out
  const rows = await sql<{ roomId: string; zone: string; withCover: boolean; windows: unknown; shifts: unknown }[]>`
    select r.id as "roomId", r.time_zone as zone, r.opens_with_cover as "withCover",
      coalesce((select json_agg(json_build_object('weekday', h.weekday, 'opensMinute', h.opens_minute,
                  'closesMinute', h.closes_minute) order by h.weekday, h.opens_minute)
                from room_opening_hours h where h.room_id = r.id), '[]'::json) as windows,
      case when r.opens_with_cover then coalesce((
        select json_agg(json_build_object('startsAt', s.starts_at, 'endsAt', s.ends_at) order by s.starts_at)
        from (
          select s.starts_at, s.ends_at from room_rota_shifts s
          join room_facilitators rf on rf.room_id = s.room_id and rf.account_id = s.account_id
          join accounts a on a.id = s.account_id and a.role = 'facilitator'
          where s.room_id = r.id and s.ends_at > ${now}
          order by s.starts_at limit 500
        ) s), '[]'::json) else '[]'::json end as shifts
    from rooms r where r.id = any(${sql.array([...roomIds])}::uuid[])`
  for (const row of rows) {
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as unknown[]
    out.set(row.roomId, {
      roomId: row.roomId,
      zone: row.zone,
      withCover: row.withCover,
      windows: parse(row.windows) as OpeningWindow[],
      shifts: (parse(row.shifts) as { startsAt: unknown; endsAt: unknown }[]).map((s) => ({
        startsAt: toDate(s.startsAt),
        endsAt: toDate(s.endsAt),
      })),
    })
  }
  return out
}

export async function setRoomCover(sql: Sql, roomId: string, withCover: boolean): Promise<boolean> {
  const updated = await sql`update rooms set opens_with_cover = ${withCover} where id = ${roomId} and kind = 'topic'`
  return updated.count > 0
}

/** Whether the account is a facilitator assigned to the topic room (only they can cover it). */
export async function isRoomFacilitator(sql: Sql, roomId: string, accountId: string): Promise<boolean> {
  const rows = await sql`
    select 1 from room_facilitators rf join accounts a on a.id = rf.account_id join rooms r on r.id = rf.room_id
    where rf.room_id = ${roomId} and rf.account_id = ${accountId} and a.role = 'facilitator' and r.kind = 'topic'`
  return rows.length > 0
}

export async function insertShift(
  sql: Sql,
  input: { roomId: string; accountId: string; startsAt: Date; endsAt: Date; by: string },
): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into room_rota_shifts (room_id, account_id, starts_at, ends_at, created_by)
    values (${input.roomId}, ${input.accountId}, ${input.startsAt}, ${input.endsAt}, ${input.by}) returning id`
  return row!.id
}

/** Deletes a shift; `onlyOf` limits it to one facilitator's own shifts. Returns its room, or null if none was deleted. */
export async function deleteShift(sql: Sql, shiftId: string, onlyOf: string | null): Promise<string | null> {
  const rows = onlyOf
    ? await sql<{ roomId: string }[]>`
        delete from room_rota_shifts where id = ${shiftId} and account_id = ${onlyOf} returning room_id as "roomId"`
    : await sql<{ roomId: string }[]>`delete from room_rota_shifts where id = ${shiftId} returning room_id as "roomId"`
  return rows[0]?.roomId ?? null
}

export interface RotaRoomRow {
  id: string
  title: string
  withCover: boolean
}

/** The topic rooms an admin manages (all) or a facilitator covers (those assigned to them). */
export async function rotaRooms(sql: Sql, actor: { accountId: string; role: string }): Promise<RotaRoomRow[]> {
  if (actor.role === 'admin') {
    return sql<RotaRoomRow[]>`
      select id, title, opens_with_cover as "withCover" from rooms where kind = 'topic' order by language, title`
  }
  return sql<RotaRoomRow[]>`
    select r.id, r.title, r.opens_with_cover as "withCover"
    from room_facilitators rf join rooms r on r.id = rf.room_id join accounts a on a.id = rf.account_id
    where rf.account_id = ${actor.accountId} and a.role = 'facilitator' and r.kind = 'topic'
    order by r.language, r.title`
}

/** Facilitators assigned to the rooms (an admin picks who covers a shift among them). */
export async function roomFacilitators(sql: Sql, roomIds: readonly string[]) {
  if (roomIds.length === 0) return []
  return sql<{ roomId: string; accountId: string; username: string }[]>`
    select rf.room_id as "roomId", a.id as "accountId", a.username
    from room_facilitators rf join accounts a on a.id = rf.account_id
    where rf.room_id = any(${sql.array([...roomIds])}::uuid[]) and a.role = 'facilitator'
    order by a.username`
}

/** Shifts of the rooms not yet ended, soonest first. */
export async function upcomingShifts(sql: Sql, roomIds: readonly string[], now: Date) {
  if (roomIds.length === 0) return []
  return sql<{ id: string; roomId: string; accountId: string; username: string; startsAt: Date; endsAt: Date }[]>`
    select s.id, s.room_id as "roomId", s.account_id as "accountId", a.username, s.starts_at as "startsAt",
      s.ends_at as "endsAt"
    from room_rota_shifts s join accounts a on a.id = s.account_id
    where s.room_id = any(${sql.array([...roomIds])}::uuid[]) and s.ends_at > ${now}
    order by s.starts_at limit 500`
}

/** A facilitator's shifts, for their data export. */
export async function shiftsOf(sql: Sql, accountId: string) {
  return sql<{ roomId: string; startsAt: Date; endsAt: Date }[]>`
    select room_id as "roomId", starts_at as "startsAt", ends_at as "endsAt" from room_rota_shifts
    where account_id = ${accountId} order by starts_at`
}
