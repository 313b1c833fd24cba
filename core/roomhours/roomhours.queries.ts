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

/** One room's windows, in one round trip (the send step runs on every member's send; empty = always open). */
export async function findRoomWindows(sql: Sql, roomId: string): Promise<{ zone: string; windows: OpeningWindow[] }> {
  const rows = await sql<{ zone: string; weekday: number; opensMinute: number; closesMinute: number }[]>`
    select r.time_zone as zone, h.weekday, h.opens_minute as "opensMinute", h.closes_minute as "closesMinute"
    from room_opening_hours h join rooms r on r.id = h.room_id
    where h.room_id = ${roomId}`
  return {
    zone: rows[0]?.zone ?? 'UTC',
    windows: rows.map(({ weekday, opensMinute, closesMinute }) => ({ weekday, opensMinute, closesMinute })),
  }
}
