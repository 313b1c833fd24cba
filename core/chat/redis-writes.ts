import type { Redis } from 'ioredis'
import type { Writable } from 'node:stream'

/**
 * The commands a Redis client sends in one turn of the event loop leave in one write to its connection
 * (docs/decisions/065-one-write-per-turn.md). A chat send asks Redis twice (the rate limit, which checks the cache
 * tokens too, and the room's announcement; three times when it makes its cache entry), each already shared by the
 * sends of one turn; under load several of those, and other requests' commands, are issued in the same turn, and
 * each was its own write system call, which on this machine costs as much as a delivery's whole fan-out (the CPU profile of 2026-12-07 in docs/performance.md).
 *
 * On the first command of a turn the connection is corked; it is uncorked in the turn's check phase
 * (`setImmediate`), and Node hands everything written meanwhile to one `writev`. Nothing else changes: commands
 * keep their order, replies their matching, and their timeouts run from when they were issued. A connection that
 * is not ready (connecting, reconnecting: ioredis' offline queue) is left alone. At most one turn of delay.
 */
const coalesced = new WeakSet<Redis>()

export function coalesceRedisWrites(redis: Redis): Redis {
  if (coalesced.has(redis)) return redis
  coalesced.add(redis)
  const send = redis.sendCommand
  let corked: Writable | null = null
  redis.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
    const connection = (this as unknown as { stream?: Writable }).stream
    if (connection && connection !== corked && this.status === 'ready' && connection.writable) {
      corked = connection
      connection.cork()
      setImmediate(() => {
        if (corked === connection) corked = null
        connection.uncork()
      })
    }
    return send.apply(this, args)
  }
  return redis
}
