import type { Redis } from 'ioredis'
import type { Socket } from 'socket.io'
import type { CoreDeps } from '../../core/deps.js'
import type { SocketData } from './authenticate.js'

/**
 * At most SOCKETS_PER_SESSION open sockets per session, counted across every server process in Redis
 * (docs/realtime.md, "Connection cap"). One sorted set per session holds its sockets, each scored with the
 * time its lease ends (Redis' clock):
 *
 *   <p>:sockets:session:<sessionId>   socket id → lease end (ms)
 *
 * A server renews the leases of its own sockets every third of the lease and removes a socket when it
 * disconnects. A server that dies renews nothing: its sockets' leases run out within PRESENCE_TTL_SECONDS and
 * stop counting, so a crash never leaves a session locked out. Ids only.
 *
 * Renewals are spread over the period (decision 062): each session has its own turn, one of RENEWAL_SLOTS_PER_PERIOD
 * slots, given to the slot with the fewest sessions when the session's first socket arrives here, and each tick
 * renews one slot's sessions in one pipeline. Renewing all of a server's sessions in one burst (1,000 scripts at
 * once) kept the event loop and Redis busy for 30–60 ms every 10 s, and every chat send in that window waited.
 */
const ADMIT = `
local key, id, cap, lease = KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
if redis.call('ZSCORE', key, id) == false and redis.call('ZCARD', key) >= cap then return 0 end
redis.call('ZADD', key, now + lease, id)
redis.call('PEXPIRE', key, lease)
return 1`

// Renews the leases of the given sockets of one session; a socket whose lease already ran out is re-added
// (its server was paused, not dead), as long as the cap allows.
const RENEW = `
local key, lease, cap = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
for i = 3, #ARGV do
  if redis.call('ZSCORE', key, ARGV[i]) ~= false or redis.call('ZCARD', key) < cap then
    redis.call('ZADD', key, now + lease, ARGV[i])
  end
end
redis.call('PEXPIRE', key, lease)
return 1`

type Commands = Redis & {
  holdspaceSocketAdmit: (key: string, id: string, cap: number, leaseMs: number) => Promise<number>
  holdspaceSocketRenew: (key: string, leaseMs: number, cap: number, ...ids: string[]) => Promise<number>
}

export interface SessionSocketCap {
  /** Socket.IO middleware: admits the socket or refuses it with the coded connect_error TOO_MANY_CONNECTIONS. */
  middleware: (socket: Socket, next: (err?: Error) => void) => void
  /** Stops renewing and removes this server's sockets from the count (graceful shutdown). */
  stop: () => Promise<void>
}

/** Ticks per renewal period: with the default 10 s period a tick every 250 ms renews a fortieth of the sessions. */
export const RENEWAL_SLOTS_PER_PERIOD = 40

/**
 * Which sessions renew on which tick: `slots` turns, each session in exactly one, a new session in the one with the
 * fewest, so no tick carries more than about sessions / slots (plus the churn since). `next()` hands out the slots
 * in turn, so each session comes round once every `slots` ticks: once per renewal period.
 */
export class RenewalSlots {
  private readonly slots: Array<Set<string>>
  private readonly slotOf = new Map<string, number>()
  private turn = -1

  constructor(count: number) {
    this.slots = Array.from({ length: Math.max(1, count) }, () => new Set<string>())
  }

  add(sessionId: string): void {
    if (this.slotOf.has(sessionId)) return
    let fewest = 0
    for (let i = 1; i < this.slots.length; i++) if (this.slots[i]!.size < this.slots[fewest]!.size) fewest = i
    this.slots[fewest]!.add(sessionId)
    this.slotOf.set(sessionId, fewest)
  }

  delete(sessionId: string): void {
    const slot = this.slotOf.get(sessionId)
    if (slot === undefined) return
    this.slots[slot]!.delete(sessionId)
    this.slotOf.delete(sessionId)
  }

  /** The sessions whose turn it is now (the next slot). */
  next(): ReadonlySet<string> {
    this.turn = (this.turn + 1) % this.slots.length
    return this.slots[this.turn]!
  }

  get size(): number {
    return this.slots.length
  }
}

export function createSessionSocketCap(deps: CoreDeps, onRefuse: () => void): SessionSocketCap {
  const redis = deps.redis as Commands
  redis.defineCommand('holdspaceSocketAdmit', { numberOfKeys: 1, lua: ADMIT })
  redis.defineCommand('holdspaceSocketRenew', { numberOfKeys: 1, lua: RENEW })
  const cap = deps.config.SOCKETS_PER_SESSION
  const leaseMs = deps.config.PRESENCE_TTL_SECONDS * 1000
  const keyOf = (sessionId: string) => `${deps.config.REDIS_PREFIX}:sockets:session:${sessionId}`
  /** This server's open sockets, by session. */
  const local = new Map<string, Set<string>>()
  // Every session is renewed once per period, a third of the lease, as before; its turn is one slot of the period.
  const periodMs = Math.max(1000, Math.floor(leaseMs / 3))
  const slots = new RenewalSlots(Math.min(RENEWAL_SLOTS_PER_PERIOD, Math.floor(periodMs / 50)))

  const forget = (sessionId: string, socketId: string) => {
    const ids = local.get(sessionId)
    ids?.delete(socketId)
    if (ids?.size === 0) {
      local.delete(sessionId)
      slots.delete(sessionId)
    }
  }

  const renew = async (sessionIds: ReadonlySet<string>) => {
    if (sessionIds.size === 0) return
    const pipeline = redis.pipeline()
    for (const sessionId of sessionIds) {
      const ids = local.get(sessionId)
      if (ids) (pipeline as unknown as Commands).holdspaceSocketRenew(keyOf(sessionId), leaseMs, cap, ...ids)
    }
    await pipeline.exec()
  }
  const timer = setInterval(
    () => {
      renew(slots.next()).catch((error: Error) =>
        deps.log.warn({ err: { message: error.message } }, 'socket lease renewal failed'),
      )
    },
    Math.floor(periodMs / slots.size),
  )
  timer.unref()

  return {
    middleware: (socket, next) => {
      const { sessionId } = (socket.data as SocketData).account
      const track = () => {
        let ids = local.get(sessionId)
        if (!ids) {
          local.set(sessionId, (ids = new Set()))
          slots.add(sessionId)
        }
        ids.add(socket.id)
        socket.once('disconnect', () => {
          forget(sessionId, socket.id)
          redis.zrem(keyOf(sessionId), socket.id).catch(() => {})
        })
        next()
      }
      redis.holdspaceSocketAdmit(keyOf(sessionId), socket.id, cap, leaseMs).then(
        (admitted) => {
          if (admitted !== 1) {
            onRefuse()
            return next(
              Object.assign(new Error('TOO_MANY_CONNECTIONS'), { data: { code: 'TOO_MANY_CONNECTIONS', limit: cap } }),
            )
          }
          track()
        },
        (error: Error) => {
          // Redis unreachable: the cap is abuse protection, not access control; the socket is let in uncounted
          // rather than refusing everyone (the crisis path must stay reachable). Its next renewal counts it.
          deps.log.warn({ err: { message: error.message } }, 'socket cap unavailable, admitted uncounted')
          track()
        },
      )
    },
    stop: async () => {
      clearInterval(timer)
      const pipeline = redis.pipeline()
      for (const [sessionId, ids] of local) {
        pipeline.zrem(keyOf(sessionId), ...ids)
        slots.delete(sessionId)
      }
      local.clear()
      await pipeline.exec().catch(() => {})
    },
  }
}
