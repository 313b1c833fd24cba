import type { Redis } from 'ioredis'
import { AppError } from '../errors.js'
import { keyedDigest } from './identity.crypto.js'

/**
 * Limits on guessing a password or a recovery code (docs/decisions/026). Three counters, all of failures only:
 *
 * - per (login, address) pair: `pairFreeFailures` wrong answers are free, then each further one must wait a delay
 *   that doubles (from `pairBaseDelayMs` up to `pairMaxDelayMs`). Only this counter ever refuses a login, and only
 *   for the address that guessed, so an attacker elsewhere cannot lock the owner out.
 * - per address: `addressMaxFailures` in `addressWindowMs` refuses that address (spraying many logins).
 * - per login, from every address: never refuses; above `loginSlowAfter` failures each attempt is answered after a
 *   delay that grows to `loginMaxSlowMs` (1.5 s), which slows a distributed guesser and costs the owner a few seconds.
 *
 * An attempt is counted as a failure when it starts (atomically, so parallel guesses cannot slip past the limit);
 * a success takes it back and clears its pair, so successful sign-ins never count. Keys hold keyed hashes only.
 */
export interface GuessLimits {
  bucket: string
  pairFreeFailures: number
  pairBaseDelayMs: number
  pairMaxDelayMs: number
  addressMaxFailures: number
  addressWindowMs: number
  loginSlowAfter: number
  loginWindowMs: number
  loginMaxSlowMs: number
}

export const SIGN_IN_LIMITS: GuessLimits = {
  bucket: 'signin',
  pairFreeFailures: 5,
  pairBaseDelayMs: 15_000,
  pairMaxDelayMs: 15 * 60_000,
  addressMaxFailures: 100,
  addressWindowMs: 15 * 60_000,
  loginSlowAfter: 20,
  loginWindowMs: 15 * 60_000,
  // Well inside the sign-in form's deadline (ACCOUNT_FORM_DEADLINE_MS, 3 s) with the password check after it.
  loginMaxSlowMs: 1_500,
}

export const RECOVERY_CODE_LIMITS: GuessLimits = { ...SIGN_IN_LIMITS, bucket: 'recover', addressMaxFailures: 30 }

/** How long the pair's failures are remembered after the last one. */
const PAIR_MEMORY_MS = 24 * 3_600_000

// KEYS: pair, address, login. ARGV: now, free, base, max, addressMax, addressWindow, loginWindow, pairMemory.
// Returns {1, loginFailures} when the attempt may go ahead (counted), or {0, retryAfterMs} when refused (not counted).
const BEGIN_ATTEMPT = `
local now = tonumber(ARGV[1])
local blockedUntil = tonumber(redis.call('HGET', KEYS[1], 'u') or '0')
if blockedUntil > now then return {0, blockedUntil - now} end
local addressFailures = tonumber(redis.call('GET', KEYS[2]) or '0')
if addressFailures >= tonumber(ARGV[5]) then
  local ttl = redis.call('PTTL', KEYS[2])
  if ttl < 1 then ttl = 1000 end
  return {0, ttl}
end
local failures = redis.call('HINCRBY', KEYS[1], 'f', 1)
local free = tonumber(ARGV[2])
if failures >= free then
  local delay = math.min(tonumber(ARGV[3]) * (2 ^ (failures - free)), tonumber(ARGV[4]))
  redis.call('HSET', KEYS[1], 'u', now + delay)
end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[8]))
if redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[6])) end
local loginFailures = redis.call('INCR', KEYS[3])
if loginFailures == 1 then redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[7])) end
return {1, loginFailures}
`

// A success: the pair starts afresh and the attempt is taken back from the shared counters.
const SUCCEEDED = `
redis.call('DEL', KEYS[1])
for i = 2, 3 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then redis.call('DECR', KEYS[i]) end
end
return 1
`

export interface GuessAttempt {
  /** How long to wait before checking the answer (the per-login slow-down); 0 when the login is not under attack. */
  slowDownMs: number
  succeeded: () => Promise<void>
}

/**
 * Starts one guess of `login` (normalized: lower case) from `address`. Throws RATE_LIMITED (with the seconds to
 * wait) when this pair or this address must wait; otherwise the attempt counts as a failure until `succeeded()`.
 */
export async function beginGuess(
  redis: Redis,
  opts: { prefix: string; secret: string; now: Date },
  limits: GuessLimits,
  login: string,
  address: string,
): Promise<GuessAttempt> {
  const base = `${opts.prefix}:rl:${limits.bucket}`
  const keys = [
    `${base}:pair:${keyedDigest(opts.secret, `${login}\n${address}`)}`,
    `${base}:addr:${keyedDigest(opts.secret, address)}`,
    `${base}:login:${keyedDigest(opts.secret, login)}`,
  ]
  const [allowed, value] = (await redis.eval(
    BEGIN_ATTEMPT,
    3,
    ...keys,
    opts.now.getTime(),
    limits.pairFreeFailures,
    limits.pairBaseDelayMs,
    limits.pairMaxDelayMs,
    limits.addressMaxFailures,
    limits.addressWindowMs,
    limits.loginWindowMs,
    PAIR_MEMORY_MS,
  )) as [number, number]
  if (allowed !== 1) throw new AppError('RATE_LIMITED', undefined, Math.max(1, Math.ceil(value / 1000)))
  const over = value - limits.loginSlowAfter
  const slowDownMs = over > 0 ? Math.min(limits.loginMaxSlowMs, over * 100) : 0
  return {
    slowDownMs,
    succeeded: async () => {
      await redis.eval(SUCCEEDED, 3, ...keys)
    },
  }
}
