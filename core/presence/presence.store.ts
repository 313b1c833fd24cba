import { createHash } from 'node:crypto'
import type { Redis } from 'ioredis'

/**
 * Who is in which room, in Redis, shared by every server process. Keys hold ids only:
 *
 *   <p>:presence:servers                      set of server ids that registered presence
 *   <p>:presence:server:<sid>                 heartbeat, expires after the TTL unless renewed
 *   <p>:presence:server:<sid>:rooms           set of room ids where that server has members
 *   <p>:presence:room:<rid>:servers           set of server ids with members in that room
 *   <p>:presence:room:<rid>:server:<sid>      set of membership ids that server holds in that room
 *
 * A member is present when any live server (heartbeat present) holds them. A server that dies stops
 * renewing its heartbeat; every surviving server sweeps servers whose heartbeat expired, deleting
 * their keys. Empty sets vanish by themselves, so nothing stale remains.
 */
export interface PresenceKeys {
  prefix: string
}

const SNAPSHOT = `
local p, rid = ARGV[1], ARGV[2]
local servers = redis.call('SMEMBERS', p .. ':presence:room:' .. rid .. ':servers')
local seen, out = {}, {}
for _, sid in ipairs(servers) do
  if redis.call('EXISTS', p .. ':presence:server:' .. sid) == 1 then
    for _, m in ipairs(redis.call('SMEMBERS', p .. ':presence:room:' .. rid .. ':server:' .. sid)) do
      if not seen[m] then seen[m] = true; out[#out + 1] = m end
    end
  end
end
local t = redis.call('TIME')
return { string.format('%s%06d', t[1], tonumber(t[2])), out }`

// SNAPSHOT for many rooms in one round trip (the room list): ARGV = prefix, room ids…; returns { version, {ids}… }.
const SNAPSHOTS = `
local p = ARGV[1]
local live, result = {}, {}
for i = 2, #ARGV do
  local rid, seen, out = ARGV[i], {}, {}
  for _, sid in ipairs(redis.call('SMEMBERS', p .. ':presence:room:' .. rid .. ':servers')) do
    if live[sid] == nil then live[sid] = redis.call('EXISTS', p .. ':presence:server:' .. sid) == 1 end
    if live[sid] then
      for _, m in ipairs(redis.call('SMEMBERS', p .. ':presence:room:' .. rid .. ':server:' .. sid)) do
        if not seen[m] then seen[m] = true; out[#out + 1] = m end
      end
    end
  end
  result[#result + 1] = out
end
local t = redis.call('TIME')
return { string.format('%s%06d', t[1], tonumber(t[2])), result }`
const SNAPSHOTS_SHA = createHash('sha1').update(SNAPSHOTS).digest('hex')

const ADD = `
local p, sid, rid, mid = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('SADD', p .. ':presence:room:' .. rid .. ':server:' .. sid, mid)
redis.call('SADD', p .. ':presence:room:' .. rid .. ':servers', sid)
redis.call('SADD', p .. ':presence:server:' .. sid .. ':rooms', rid)
return 1`

const REMOVE = `
local p, sid, rid, mid = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local key = p .. ':presence:room:' .. rid .. ':server:' .. sid
redis.call('SREM', key, mid)
if redis.call('SCARD', key) == 0 then
  redis.call('SREM', p .. ':presence:room:' .. rid .. ':servers', sid)
  redis.call('SREM', p .. ':presence:server:' .. sid .. ':rooms', rid)
end
return 1`

const HEARTBEAT = `
local p, sid, ttl = ARGV[1], ARGV[2], ARGV[3]
local existed = redis.call('EXISTS', p .. ':presence:server:' .. sid)
redis.call('SET', p .. ':presence:server:' .. sid, '1', 'EX', ttl)
redis.call('SADD', p .. ':presence:servers', sid)
return existed`

// Removes everything a server registered, if its heartbeat is gone (or force = 1). Returns its room ids.
const PURGE = `
local p, sid, force = ARGV[1], ARGV[2], ARGV[3]
local hb = p .. ':presence:server:' .. sid
if force ~= '1' and redis.call('EXISTS', hb) == 1 then return {} end
redis.call('DEL', hb)
local roomsKey = p .. ':presence:server:' .. sid .. ':rooms'
local rooms = redis.call('SMEMBERS', roomsKey)
for _, rid in ipairs(rooms) do
  redis.call('DEL', p .. ':presence:room:' .. rid .. ':server:' .. sid)
  redis.call('SREM', p .. ':presence:room:' .. rid .. ':servers', sid)
end
redis.call('DEL', roomsKey)
redis.call('SREM', p .. ':presence:servers', sid)
return rooms`

export function createPresenceStore(redis: Redis, prefix: string) {
  return {
    async add(serverId: string, roomId: string, memberId: string) {
      await redis.eval(ADD, 0, prefix, serverId, roomId, memberId)
    },
    async remove(serverId: string, roomId: string, memberId: string) {
      await redis.eval(REMOVE, 0, prefix, serverId, roomId, memberId)
    },
    /** Renews the heartbeat; false when it had expired (the server may have been swept meanwhile). */
    async heartbeat(serverId: string, ttlSeconds: number): Promise<boolean> {
      return (await redis.eval(HEARTBEAT, 0, prefix, serverId, String(ttlSeconds))) === 1
    },
    /** Member ids present in a room, with a version that grows with time (Redis' clock). */
    async snapshot(roomId: string): Promise<{ version: string; memberIds: string[] }> {
      const [version, memberIds] = (await redis.eval(SNAPSHOT, 0, prefix, roomId)) as [string, string[]]
      return { version, memberIds }
    },
    /** `snapshot` for many rooms in one Redis round trip (the script is sent once, then called by its hash). */
    async snapshots(roomIds: string[]): Promise<{ version: string; memberIds: string[][] }> {
      const args = [prefix, ...roomIds]
      const reply = await redis.evalsha(SNAPSHOTS_SHA, 0, ...args).catch((error: Error) => {
        if (!/NOSCRIPT/.test(error.message)) throw error
        return redis.eval(SNAPSHOTS, 0, ...args)
      })
      const [version, memberIds] = reply as [string, string[][]]
      return { version, memberIds }
    },
    /** Deletes the presence of every server whose heartbeat expired. Returns the rooms that changed. */
    async sweep(): Promise<string[]> {
      const servers = await redis.smembers(`${prefix}:presence:servers`)
      const changed = new Set<string>()
      for (const serverId of servers) {
        const rooms = (await redis.eval(PURGE, 0, prefix, serverId, '0')) as string[]
        rooms.forEach((r) => changed.add(r))
      }
      return [...changed]
    },
    /** Removes one server's presence at once (graceful shutdown). Returns its rooms. */
    async purge(serverId: string): Promise<string[]> {
      return (await redis.eval(PURGE, 0, prefix, serverId, '1')) as string[]
    },
  }
}

export type PresenceStore = ReturnType<typeof createPresenceStore>
