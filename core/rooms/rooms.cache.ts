import { nowOf, type CoreDeps } from '../deps.js'
import { listTopicRoomsWithSchedules, type RoomSummary } from './rooms.queries.js'

/**
 * The topic rooms for the room list (`/rooms`), read from PostgreSQL at most once per ROOM_LIST_MAX_AGE_MS per server
 * process (decision 052). Topic rooms are made and edited only by the operator CLI (`npm run admin -- create-room`,
 * `edit-room`), a few times a year and without Redis, so a change shows on every server's list within this bound
 * rather than through a version token. Concurrent page requests share one read; a failed read is not kept.
 *
 * With the list it keeps which rooms have opening hours or open only with cover (`scheduledIds`, decision 056): the
 * page asks for opening states only for those. An admin's new schedule shows on the list within the same bound; a
 * schedule removed shows at once (the state read then says the room is always open).
 */
export const ROOM_LIST_MAX_AGE_MS = 5_000

export interface TopicRoomList {
  rooms: RoomSummary[]
  /** The rooms with opening hours or cover: the only ones that can be closed. */
  scheduledIds: string[]
}

const lists = new WeakMap<CoreDeps['sql'], { readAt: number; rooms: Promise<TopicRoomList> }>()

export function cachedTopicRooms(deps: Pick<CoreDeps, 'sql' | 'now'>): Promise<TopicRoomList> {
  const now = nowOf(deps).getTime()
  const kept = lists.get(deps.sql)
  if (kept && now - kept.readAt < ROOM_LIST_MAX_AGE_MS && now >= kept.readAt) return kept.rooms
  const entry = { readAt: now, rooms: listTopicRoomsWithSchedules(deps.sql) }
  lists.set(deps.sql, entry)
  entry.rooms.catch(() => {
    if (lists.get(deps.sql) === entry) lists.delete(deps.sql)
  })
  return entry.rooms
}
