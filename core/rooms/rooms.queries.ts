import type { Sql } from '../../db/client.js'

export interface RoomSummary {
  id: string
  slug: string
  title: string
  description: string
  language: 'en' | 'pl'
}

export async function listRooms(sql: Sql): Promise<RoomSummary[]> {
  return sql<
    RoomSummary[]
  >`select id, slug, title, description, language from rooms where kind = 'topic' order by language, title`
}

/**
 * The room list's rooms (as listRooms), and which of them can be closed: those with opening hours or that open only
 * with cover (decision 043). Every other room is always open, so the list asks for opening states only for these
 * (decision 056). Reads roomhours' table and column without importing the slice: one query for the kept list.
 */
export async function listTopicRoomsWithSchedules(sql: Sql): Promise<{ rooms: RoomSummary[]; scheduledIds: string[] }> {
  const rows = await sql<(RoomSummary & { scheduled: boolean })[]>`
    select r.id, r.slug, r.title, r.description, r.language,
      (r.opens_with_cover or exists (select 1 from room_opening_hours h where h.room_id = r.id)) as scheduled
    from rooms r where r.kind = 'topic' order by r.language, r.title`
  return {
    rooms: rows.map(({ scheduled: _scheduled, ...room }) => room),
    scheduledIds: rows.filter((r) => r.scheduled).map((r) => r.id),
  }
}
