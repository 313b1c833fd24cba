import type { Redis } from 'ioredis'
import { AppError } from '../errors.js'
import { keyedDigest } from '../identity/identity.crypto.js'

export interface RateLimitRule {
  bucket: string
  limit: number
  windowSeconds: number
}

/**
 * Fixed-window counter in Redis, shared by every server process. The identifier (an IP, an email)
 * is keyed-hashed so Redis never holds it readable.
 */
export async function consumeRateLimit(
  redis: Redis,
  opts: { prefix: string; secret: string },
  rule: RateLimitRule,
  identifier: string,
): Promise<{ allowed: boolean; remaining: number; retryAfterSeconds: number }> {
  const key = `${opts.prefix}:rl:${rule.bucket}:${keyedDigest(opts.secret, identifier)}`
  const results = await redis.multi().incr(key).expire(key, rule.windowSeconds, 'NX').ttl(key).exec()
  const count = Number(results?.[0]?.[1] ?? 0)
  const ttl = Number(results?.[2]?.[1] ?? rule.windowSeconds)
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: Math.max(1, ttl),
  }
}

/** Throws RATE_LIMITED when any of the rules is exhausted. Every rule is counted, so probing one key still costs. */
export async function requireWithinRateLimits(
  redis: Redis,
  opts: { prefix: string; secret: string },
  checks: Array<{ rule: RateLimitRule; identifier: string }>,
): Promise<void> {
  const results = await Promise.all(checks.map((c) => consumeRateLimit(redis, opts, c.rule, c.identifier)))
  const blocked = results.filter((r) => !r.allowed)
  if (blocked.length > 0) {
    throw new AppError('RATE_LIMITED', undefined, Math.max(...blocked.map((b) => b.retryAfterSeconds)))
  }
}

export const AUTH_RATE_LIMITS = {
  signInPerIp: { bucket: 'signin-ip', limit: 20, windowSeconds: 300 },
  signInPerAccount: { bucket: 'signin-acct', limit: 5, windowSeconds: 300 },
  signUpPerIp: { bucket: 'signup-ip', limit: 10, windowSeconds: 3600 },
  recoverPerIp: { bucket: 'recover-ip', limit: 10, windowSeconds: 900 },
  recoverPerAccount: { bucket: 'recover-acct', limit: 5, windowSeconds: 900 },
  resetPerIp: { bucket: 'reset-ip', limit: 10, windowSeconds: 3600 },
  resetPerEmail: { bucket: 'reset-email', limit: 3, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>
