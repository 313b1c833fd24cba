import { randomBytes } from 'node:crypto'
import { withDeadline } from '../deadline.js'
import type { CoreDeps } from '../deps.js'
import { keyedDigest } from './identity.crypto.js'
import type { SessionRow } from './identity.queries.js'

/**
 * The page server's cache of resolved session cookies (docs/decisions/052-page-fast-path.md): a page request with
 * a warm entry reads no session row and writes no `last_seen_at` (at most one touch per TOUCH_EVERY_MS), only one
 * Redis MGET of two version tokens. The server app owns one cache (`createSessionCache`, passed to
 * `getSessionAccount`); other callers pass none and read PostgreSQL as before.
 *
 * Strict across server processes, as decision 046's send cache: each entry is tagged with the session's token and the
 * account's token, read from Redis *before* the row. Every change to what the lookup returns sets a new random
 * token after its COMMIT and before it answers — sign-out, sign-out everywhere, a password reset or recovery, erasure,
 * an idle or expired session revoked, saved preferences, a country recorded at sign-in — so the very next request
 * on any server finds a token that differs from its entry and reads PostgreSQL. A new entry is made untrusted (no
 * token yet, because the ids it needs are known only from the row) and trusted from its next request on. An entry
 * lives at most MAX_AGE_MS: a change made without Redis (the operator CLI's `set-role`, a Redis that refused the
 * token write) holds within that bound. Keys hold ids only: `<p>:session:v:s:<sessionId>`,
 * `<p>:session:v:a:<keyed digest of the account id>`.
 */
export interface SessionCacheEntry {
  /** `<session token>|<account token>` as read before `row`; null = not yet trusted. */
  tokens: string | null
  loadedAt: number
  /** When this process last wrote (or read) `last_seen_at`. */
  touchedAt: number
  row: SessionRow
}

/** By the cookie's token hash (base64). */
export type SessionCache = Map<string, SessionCacheEntry>

export const createSessionCache = (): SessionCache => new Map()

export const MAX_AGE_MS = 30_000
/** `touchSession` moves `last_seen_at` only when it is older than this anyway (identity.queries.ts). */
export const TOUCH_EVERY_MS = 15_000
const TOKEN_TTL_MS = 24 * 60 * 60_000
const MAX_ENTRIES = 20_000
/** How long a lookup waits for the tokens before it reads PostgreSQL instead (a paused Redis never answers). */
const TOKEN_WAIT_MS = 200

export const sessionVersionKeys = {
  session: (deps: Pick<CoreDeps, 'config'>, sessionId: string) =>
    `${deps.config.REDIS_PREFIX}:session:v:s:${sessionId}`,
  account: (deps: Pick<CoreDeps, 'config'>, accountId: string) =>
    `${deps.config.REDIS_PREFIX}:session:v:a:${keyedDigest(deps.config.SESSION_SECRET, accountId)}`,
}

async function setToken(deps: CoreDeps, key: string): Promise<void> {
  try {
    await deps.redis.set(key, randomBytes(9).toString('base64url'), 'PX', TOKEN_TTL_MS)
  } catch (error) {
    // Committed already; cached entries still holding the old answer expire within MAX_AGE_MS.
    deps.log.warn({ err: { message: (error as Error).message } }, 'session cache invalidation failed')
  }
}

/** This session changed (signed out, revoked as idle): its cached entries on every server reload. */
export function invalidateSession(deps: CoreDeps, sessionId: string): Promise<void> {
  return setToken(deps, sessionVersionKeys.session(deps, sessionId))
}

/** Every session of this account changed (all revoked, the account erased, its preferences saved). */
export function invalidateSessionsOf(deps: CoreDeps, accountId: string): Promise<void> {
  return setToken(deps, sessionVersionKeys.account(deps, accountId))
}

/** Both tokens in one round trip; null when Redis is not ready or slow (then nothing is served from the cache). */
export async function readSessionTokens(deps: CoreDeps, row: SessionRow): Promise<string | null> {
  if (deps.redis.status !== 'ready') return null
  try {
    // withDeadline: a stall of this process's own event loop is not a silent Redis (decision 055).
    const [session, account] = await withDeadline(
      deps.redis.mget(sessionVersionKeys.session(deps, row.sessionId), sessionVersionKeys.account(deps, row.accountId)),
      TOKEN_WAIT_MS,
    )
    return `${session ?? '-'}|${account ?? '-'}`
  } catch {
    return null
  }
}

/** Keeps the entry, dropping the oldest ones past MAX_ENTRIES (Map order is insertion order). */
export function remember(cache: SessionCache, key: string, entry: SessionCacheEntry): void {
  cache.delete(key)
  cache.set(key, entry)
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
}
