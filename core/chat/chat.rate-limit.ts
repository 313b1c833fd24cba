import type { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'

/**
 * Sliding-window limits for chat sends, in Redis, shared by every server process (docs/realtime.md,
 * "Rate limits"; docs/decisions/027). One Lua script checks every bucket of a send and records the send in
 * all of them only when all allow it: a refused attempt consumes nothing — not the sender's own budget,
 * and never the room's shared one — so a flooder cannot spend a room's budget with sends that were refused.
 * One round trip per send; Redis' clock, so every server agrees on the window.
 *
 * Each bucket is a sorted set of the accepted sends' times (ms). Keys hold keyed digests of ids only:
 *   <p>:rl:chat-member:<digest(accountId)>   <p>:rl:chat-room:<digest(roomId)>   <p>:rl:chat-slow:<digest(membershipId)>
 */
export interface SlidingWindowRule {
  key: string
  limit: number
  windowMs: number
}

const CONSUME = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for i, key in ipairs(KEYS) do
  local limit, window = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    -- The send whose expiry frees a place: the (count - limit + 1)th oldest.
    local entry = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local w = tonumber(entry[2]) + window - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return math.max(1, wait) end
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, now .. ':' .. ARGV[1])
  redis.call('PEXPIRE', key, tonumber(ARGV[2 * i + 1]))
end
return 0`

/**
 * Each accepted send's member in a bucket is its time and a name no other send has, in any process: this process's
 * random prefix (96 bits, drawn once) and a counter. Two sends in the same millisecond never overwrite each other,
 * and no send draws random bytes.
 */
const MEMBER_PREFIX = randomBytes(12).toString('base64url')
let membersNamed = 0
export const nextMemberName = (): string => `${MEMBER_PREFIX}${(membersNamed++).toString(36)}`

const defined = new WeakSet<Redis>()
type WithCommand = Redis & {
  holdspaceChatRateLimit: (numKeys: number, ...args: Array<string | number>) => Promise<number>
}

/** Records the send in every bucket if all allow it. Returns 0 when allowed, else the wait in ms. */
export async function consumeSlidingWindows(redis: Redis, rules: SlidingWindowRule[]): Promise<number> {
  if (rules.length === 0) return 0
  if (!defined.has(redis)) {
    // defineCommand sends EVALSHA and falls back to EVAL once: the script text is not resent per send.
    redis.defineCommand('holdspaceChatRateLimit', { lua: CONSUME })
    defined.add(redis)
  }
  const args: Array<string | number> = [nextMemberName()]
  for (const rule of rules) args.push(rule.limit, rule.windowMs)
  return Number(await (redis as WithCommand).holdspaceChatRateLimit(rules.length, ...rules.map((r) => r.key), ...args))
}
