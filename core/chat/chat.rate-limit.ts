import type { Redis } from 'ioredis'
import { randomBytes } from 'node:crypto'
import type { TokenCheck } from './membership-cache.js'

/**
 * Sliding-window limits for chat sends, in Redis, shared by every server process (docs/realtime.md,
 * "Rate limits"; docs/decisions/027). One Lua script checks every bucket of a send and records the send in
 * all of them only when all allow it: a refused attempt consumes nothing — not the sender's own budget,
 * and never the room's shared one — so a flooder cannot spend a room's budget with sends that were refused.
 * One round trip per send (one for the sends of one turn of the event loop); Redis' clock, so every server agrees on
 * the window.
 *
 * Each bucket is a sorted set of the accepted sends' times (ms). Keys hold keyed digests of ids only:
 *   <p>:rl:chat-member:<digest(accountId)>   <p>:rl:chat-room:<digest(roomId)>   <p>:rl:chat-slow:<digest(membershipId)>
 */
export interface SlidingWindowRule {
  key: string
  limit: number
  windowMs: number
}

/**
 * One call checks the sends of one turn of the event loop, one after another in the order they asked, exactly as
 * separate calls would: a send sees the ones before it in the batch. ARGV per send: its member name, its number of
 * buckets, whether it brings its send-cache tokens to check ('1' or '0'; then the tokens as its entry holds them),
 * then each bucket's limit and window; KEYS per send: the two token keys when it brings tokens, then its buckets.
 * Answers each send's wait (0: recorded), or -1 when its tokens changed: nothing is recorded for it.
 */
const CONSUME = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local waits = {}
local k, a = 0, 1
while a <= #ARGV do
  local member, n, checks = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 2]
  a = a + 3
  local stale = false
  if checks == '1' then
    local found = (redis.call('GET', KEYS[k + 1]) or '-') .. '|' .. (redis.call('GET', KEYS[k + 2]) or '-')
    stale = found ~= ARGV[a]
    k = k + 2
    a = a + 1
  end
  local wait = 0
  for i = 1, stale and 0 or n do
    local key = KEYS[k + i]
    local limit, window = tonumber(ARGV[a + 2 * i - 2]), tonumber(ARGV[a + 2 * i - 1])
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
    local count = redis.call('ZCARD', key)
    if count >= limit then
      -- The send whose expiry frees a place: the (count - limit + 1)th oldest.
      local entry = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
      local w = tonumber(entry[2]) + window - now
      if w > wait then wait = w end
    end
  end
  if stale then
    waits[#waits + 1] = -1
  elseif wait > 0 then
    waits[#waits + 1] = math.max(1, wait)
  else
    for i = 1, n do
      redis.call('ZADD', KEYS[k + i], now, now .. ':' .. member)
      redis.call('PEXPIRE', KEYS[k + i], tonumber(ARGV[a + 2 * i - 1]))
    end
    waits[#waits + 1] = 0
  end
  k = k + n
  a = a + 2 * n
end
return waits`

/**
 * Each accepted send's member in a bucket is its time and a name no other send has, in any process: this process's
 * random prefix (96 bits, drawn once) and a counter. Two sends in the same millisecond never overwrite each other,
 * and no send draws random bytes.
 */
const MEMBER_PREFIX = randomBytes(12).toString('base64url')
let membersNamed = 0
export const nextMemberName = (): string => `${MEMBER_PREFIX}${(membersNamed++).toString(36)}`

type WithCommand = Redis & {
  holdspaceChatRateLimits: (numKeys: number, ...args: Array<string | number>) => Promise<number[]>
}

/** What `consumeSlidingWindows` answers when the send-cache tokens it was asked to check have changed. */
export const TOKENS_CHANGED = -1

interface Asking {
  rules: SlidingWindowRule[]
  tokenCheck?: TokenCheck
  resolve: (waitMs: number) => void
  reject: (error: unknown) => void
}
/** Per Redis client: the sends asking in this turn of the event loop. */
const asking = new WeakMap<Redis, Asking[]>()
/** The most sends one call checks; more in the same turn make more calls. */
const MAX_BATCH = 128

/**
 * Records the send in every bucket if all allow it. Returns 0 when allowed, else the wait in ms. The sends that
 * ask in the same turn of the event loop (under load, many sockets' messages are read together) are checked by one
 * script call, in the order they asked; a send alone by a call of its own, a turn later.
 *
 * With `tokenCheck` (a send whose cache entry was used unchecked, core/chat/membership-cache.ts), the same call first
 * compares the entry's tokens with Redis': when they changed it records nothing and answers `TOKENS_CHANGED`, so the
 * send reloads its entry and starts again (decision 072). The check and the record are one script: nothing can
 * change the tokens between them.
 */
export function consumeSlidingWindows(
  redis: Redis,
  rules: SlidingWindowRule[],
  tokenCheck?: TokenCheck,
): Promise<number> {
  if (rules.length === 0 && !tokenCheck) return Promise.resolve(0)
  let batch = asking.get(redis)
  if (!batch || batch.length >= MAX_BATCH) {
    const started: Asking[] = (batch = [])
    asking.set(redis, started)
    setImmediate(() => {
      if (asking.get(redis) === started) asking.delete(redis)
      void check(redis, started)
    })
  }
  const joined = batch
  return new Promise((resolve, reject) => joined.push({ rules, tokenCheck, resolve, reject }))
}

const defined = new WeakSet<Redis>()

async function check(redis: Redis, batch: Asking[]): Promise<void> {
  try {
    if (!defined.has(redis)) {
      // defineCommand sends EVALSHA and falls back to EVAL once: the script text is not resent per call.
      redis.defineCommand('holdspaceChatRateLimits', { lua: CONSUME })
      defined.add(redis)
    }
    const keys: string[] = []
    const args: Array<string | number> = []
    for (const { rules, tokenCheck } of batch) {
      args.push(nextMemberName(), rules.length)
      if (tokenCheck) {
        args.push('1', tokenCheck.tokens)
        keys.push(...tokenCheck.keys)
      } else args.push('0')
      for (const rule of rules) {
        keys.push(rule.key)
        args.push(rule.limit, rule.windowMs)
      }
    }
    const waits = await (redis as WithCommand).holdspaceChatRateLimits(keys.length, ...keys, ...args)
    batch.forEach((send, n) => send.resolve(Number(waits[n])))
  } catch (error) {
    for (const send of batch) send.reject(error)
  }
}
