import type { PresenceSnapshot, RoomActivity } from '../contracts/socket-events.chat.js'
import type { CoreDeps } from '../deps.js'
import * as chatQueries from '../chat/chat.queries.js'
import { createPresenceStore, type PresenceStore } from './presence.store.js'

/** Who is in a room now: pseudonyms and badges from PostgreSQL for the member ids Redis holds. */
export async function presenceSnapshot(
  deps: CoreDeps,
  store: PresenceStore,
  roomId: string,
): Promise<PresenceSnapshot> {
  const { version, memberIds } = await store.snapshot(roomId)
  const members = await chatQueries.membersOfRoom(deps.sql, roomId, memberIds)
  return { roomId, version, count: members.length, members }
}

/**
 * How many are in each room and whether a facilitator is among them (the room list): one Redis round trip for all
 * rooms, and PostgreSQL only when someone is present (for the facilitator badge).
 */
export async function roomActivity(deps: CoreDeps, store: PresenceStore, roomIds: string[]): Promise<RoomActivity[]> {
  if (roomIds.length === 0) return []
  const { version, memberIds } = await store.snapshots(roomIds)
  const snapshots = roomIds.map((roomId, i) => ({ roomId, version, memberIds: memberIds[i] ?? [] }))
  const facilitators = await chatQueries.facilitatorMemberships(
    deps.sql,
    snapshots.flatMap((s) => s.memberIds),
  )
  return snapshots.map((s) => ({
    roomId: s.roomId,
    version: s.version,
    count: s.memberIds.length,
    facilitatorHere: s.memberIds.some((id) => facilitators.has(id)),
  }))
}

export async function allRoomsActivity(deps: CoreDeps, store: PresenceStore): Promise<RoomActivity[]> {
  return roomActivity(deps, store, await chatQueries.listRoomIds(deps.sql))
}

const stores = new WeakMap<CoreDeps['redis'], PresenceStore>()

/** The room list's counts for these rooms, for a page loader (live updates follow over the socket). */
export async function roomListActivity(deps: CoreDeps, roomIds: string[]): Promise<RoomActivity[]> {
  let store = stores.get(deps.redis)
  if (!store) stores.set(deps.redis, (store = createPresenceStore(deps.redis, deps.config.REDIS_PREFIX)))
  return roomActivity(deps, store, roomIds)
}
