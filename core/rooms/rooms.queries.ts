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
