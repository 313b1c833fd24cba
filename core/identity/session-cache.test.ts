/**
 * The page server's session cache (core/identity/session-cache.ts, decision 052). Two caches stand for two server
 * processes sharing one PostgreSQL and one Redis: a warm entry really is what the lookup answers (a row changed
 * behind its back is not seen) until a version token changes; every change made through core — sign-out, sign-out
 * everywhere, a recovery by code, saved preferences, erasure — is seen by the other cache on its very next lookup; an
 * idle session is still revoked; a change made without Redis shows within MAX_AGE_MS; `last_seen_at` is written at
 * most once per TOUCH_EVERY_MS; without Redis nothing is served from the cache.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { inject } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { blockLoop } from '../../tests/support/event-loop.js'
import {
  deleteAccount,
  getSessionAccount,
  recoverWithCode,
  savePreferences,
  signOut,
  signOutEverywhere,
  signUp,
} from './identity.service.js'
import { createSessionCache, MAX_AGE_MS, TOUCH_EVERY_MS, type SessionCache } from './session-cache.js'

let deps: TestDeps
let ip = 0

beforeAll(async () => {
  deps = await createTestDeps()
})
afterEach(() => deps.setNow(null))
afterAll(async () => {
  await deps.close()
})

async function newSession() {
  ip++
  return signUp(deps, {
    kind: 'anonymous',
    password: 'a long secret phrase',
    consent: true,
    locale: 'en',
    ip: `10.52.0.${ip}`,
  })
}

/** Looks the cookie up until the cache trusts its entry (a first sight is not trusted: decision 052). */
async function warm(cache: SessionCache, token: string) {
  for (let i = 0; i < 2; i++) expect(await getSessionAccount(deps, token, cache)).not.toBeNull()
}

/** A change written straight to PostgreSQL, as the operator CLI would (no version token). */
const setLocaleBehindTheCache = (accountId: string, locale: 'en' | 'pl') =>
  deps.sql`update accounts set locale = ${locale} where id = ${accountId}`

describe('the session cache', () => {
  it('answers a warm entry without PostgreSQL until a version token changes', async () => {
    const s = await newSession()
    const cache = createSessionCache()
    await warm(cache, s.sessionToken)
    await setLocaleBehindTheCache(s.accountId, 'pl')
    expect((await getSessionAccount(deps, s.sessionToken, cache))?.locale).toBe('en')
    // Without a cache the lookup reads PostgreSQL, as every caller but the page server does.
    expect((await getSessionAccount(deps, s.sessionToken))?.locale).toBe('pl')
    // Saved through core: the token changes and the cached answer with it.
    await savePreferences(deps, s.accountId, { locale: 'pl', pseudonymMode: 'ask' })
    expect((await getSessionAccount(deps, s.sessionToken, cache))?.locale).toBe('pl')
  })

  it('refuses a session signed out on another server on the very next lookup', async () => {
    const s = await newSession()
    const here = createSessionCache()
    const there = createSessionCache()
    await warm(here, s.sessionToken)
    await warm(there, s.sessionToken)
    await signOut(deps, s.sessionId)
    expect(await getSessionAccount(deps, s.sessionToken, here)).toBeNull()
    expect(await getSessionAccount(deps, s.sessionToken, there)).toBeNull()
  })

  it('refuses every session of an account signed out everywhere or erased', async () => {
    for (const end of ['everywhere', 'erasure'] as const) {
      const s = await newSession()
      const cache = createSessionCache()
      await warm(cache, s.sessionToken)
      if (end === 'everywhere') await signOutEverywhere(deps, s.accountId)
      else await deleteAccount(deps, s.accountId, 'a long secret phrase')
      expect(await getSessionAccount(deps, s.sessionToken, cache)).toBeNull()
    }
  })

  it('refuses the old sessions after a recovery by code, on a warm cache', async () => {
    const s = await newSession()
    const cache = createSessionCache()
    await warm(cache, s.sessionToken)
    const recovered = await recoverWithCode(deps, {
      login: s.username,
      code: s.recoveryCode,
      password: 'another long secret phrase',
      ip: '10.52.1.1',
    })
    expect(await getSessionAccount(deps, s.sessionToken, cache)).toBeNull()
    expect((await getSessionAccount(deps, recovered.sessionToken, cache))?.accountId).toBe(s.accountId)
  })

  it('still ends an idle session, in PostgreSQL too', async () => {
    const s = await newSession()
    const cache = createSessionCache()
    await warm(cache, s.sessionToken)
    deps.setNow(new Date(Date.now() + (deps.config.SESSION_IDLE_MINUTES + 1) * 60_000))
    expect(await getSessionAccount(deps, s.sessionToken, cache)).toBeNull()
    const [row] = await deps.sql<{ revokedAt: Date | null }[]>`
      select revoked_at as "revokedAt" from sessions where id = ${s.sessionId}`
    expect(row!.revokedAt).not.toBeNull()
    deps.setNow(null)
    expect(await getSessionAccount(deps, s.sessionToken, cache)).toBeNull()
  })

  it('shows a change made without Redis within MAX_AGE_MS', async () => {
    const s = await newSession()
    const cache = createSessionCache()
    await warm(cache, s.sessionToken)
    await setLocaleBehindTheCache(s.accountId, 'pl')
    deps.setNow(new Date(Date.now() + MAX_AGE_MS - 2_000))
    expect((await getSessionAccount(deps, s.sessionToken, cache))?.locale).toBe('en')
    deps.setNow(new Date(Date.now() + MAX_AGE_MS + 1_000))
    expect((await getSessionAccount(deps, s.sessionToken, cache))?.locale).toBe('pl')
  })

  it('writes last_seen_at at most once per TOUCH_EVERY_MS from a warm entry', async () => {
    const s = await newSession()
    const cache = createSessionCache()
    const start = Date.now()
    deps.setNow(new Date(start))
    await warm(cache, s.sessionToken)
    const lastSeen = async () =>
      (
        await deps.sql<{ at: Date }[]>`select last_seen_at as at from sessions where id = ${s.sessionId}`
      )[0]!.at.getTime()
    await deps.sql`update sessions set last_seen_at = now() - interval '1 minute' where id = ${s.sessionId}`
    const before = await lastSeen()
    expect(await getSessionAccount(deps, s.sessionToken, cache)).not.toBeNull()
    expect(await lastSeen()).toBe(before)
    deps.setNow(new Date(start + TOUCH_EVERY_MS + 1_000))
    expect(await getSessionAccount(deps, s.sessionToken, cache)).not.toBeNull()
    expect(await lastSeen()).toBeGreaterThan(before + 30_000)
  })

  it('reads the tokens that came while this process was stalled, not the timer that fell due in the stall', async () => {
    const s = await newSession()
    const cache = createSessionCache()
    await warm(cache, s.sessionToken)
    await setLocaleBehindTheCache(s.accountId, 'pl')
    // The lookup sends its MGET before it first waits; the loop then stalls for twice the token wait, so Redis'
    // answer and the wait's timer are both due when it runs again. The warm entry is still served: tokens were read.
    const lookup = getSessionAccount(deps, s.sessionToken, cache)
    blockLoop(400)
    expect((await lookup)?.locale).toBe('en')
  })

  it('serves nothing from the cache while Redis is not reachable', async () => {
    const s = await newSession()
    const cache = createSessionCache()
    await warm(cache, s.sessionToken)
    const offline = new Redis(inject('redisUrl'), { lazyConnect: true })
    try {
      const withoutRedis = { ...deps, redis: offline }
      await setLocaleBehindTheCache(s.accountId, 'pl')
      expect((await getSessionAccount(withoutRedis, s.sessionToken, cache))?.locale).toBe('pl')
    } finally {
      offline.disconnect()
    }
  })
})
