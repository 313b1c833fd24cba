import { randomBytes } from 'node:crypto'
import { withDeadline } from '../deadline.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { keyedDigestOfId } from '../identity/identity.crypto.js'
import * as q from './chat.queries.js'

/**
 * The send fast path's cache of what `authorize` and the sanction check read (docs/decisions/046-send-cache.md):
 * per socket, per room, the room row, the sender's membership and whatever another slice's step asked to keep
 * beside them (`cachedForSend`: moderation's sanctions in force). A send with a warm entry reads PostgreSQL for
 * none of it.
 *
 * Strict across server processes: every entry is tagged with two version tokens read from Redis — the room's and
 * the account's — and a send checks both before it records or stores anything: a send that makes an entry reads them
 * (one MGET) before the rows; a warm send's rate-limit script compares them with its entry's in the same call that
 * records the send, and an outdated entry is reloaded and the send started again (decision 072). Anything that
 * changes the answer sets a new random token
 * (`invalidateChatRoom`, `invalidateChatAccount`) after its COMMIT and before it answers, so the very next send
 * on any server finds a token that differs from its entry's and reloads from PostgreSQL. The tokens are read before
 * the rows, so a row read before a change is tagged with a token the change then replaces.
 *
 * Keys hold ids only (the account's as a keyed digest, like the rate-limit keys): `<p>:chat:v:room:<roomId>`,
 * `<p>:chat:v:acct:<digest>`. A token lives a day; an entry at most `MAX_AGE_MS`, so a token that expires (and reads
 * as absent again) can never match an entry made before it was set. A token write Redis refused is tried again until
 * it lands or `MAX_AGE_MS` has passed; a change made with no Redis at all (the operator CLI) holds within
 * `MAX_AGE_MS`. Each entry lives its own share of the last half of `MAX_AGE_MS` (`entryLifeMs`), so entries loaded
 * together (a restart, a reconnect wave) are not reloaded together (decision 068).
 */
export interface SendCacheEntry {
  tokens: string
  /** When the entry stops being trusted without a token change, on `nowOf(deps)`'s clock (ms). */
  expiresAt: number
  room: q.RoomRow
  membership: q.MembershipRow
  /** What other slices' steps keep beside the rows (moderation's sanctions), invalidated with them. */
  extras: Map<string, Promise<unknown>>
}

/** One socket's entries, by room id. Made by the gateway per connection (`createSendCache`). */
export type SendCache = Map<string, SendCacheEntry>

export const createSendCache = (): SendCache => new Map()

/** The longest an entry is trusted without a token change (changes made without Redis; decisions 046, 068). */
export const MAX_AGE_MS = 120_000
const GOLDEN_RATIO_FRACTION = 0.6180339887498949
/** Entries this process has made: the index that spreads their lives. */
let entriesMade = 0

/**
 * How long the k-th entry of this process is trusted: between half of `MAX_AGE_MS` and all of it, spread evenly
 * whatever k is (the golden-ratio sequence). Members who connect together would otherwise have their entries reloaded
 * in the same second, a wave of PostgreSQL reads (the room and membership, the sanctions, the room's hours, the
 * recent texts: four per member) in front of every send of that second.
 */
export function entryLifeMs(k: number): number {
  return MAX_AGE_MS / 2 + Math.floor(((k * GOLDEN_RATIO_FRACTION) % 1) * (MAX_AGE_MS / 2))
}
const TOKEN_TTL_MS = 24 * 60 * 60_000
/** A socket in this many rooms keeps only the latest. */
const MAX_ROOMS_PER_SOCKET = 32

export const chatVersionKeys = {
  room: (deps: Pick<CoreDeps, 'config'>, roomId: string) => `${deps.config.REDIS_PREFIX}:chat:v:room:${roomId}`,
  account: (deps: Pick<CoreDeps, 'config'>, accountId: string) =>
    `${deps.config.REDIS_PREFIX}:chat:v:acct:${keyedDigestOfId(deps.config.SESSION_SECRET, accountId)}`,
}

/** The first wait before a refused token write is tried again; it doubles up to `RETRY_MAX_MS`. */
const RETRY_FIRST_MS = 250
const RETRY_MAX_MS = 8_000

const writeToken = (deps: CoreDeps, key: string) =>
  deps.redis.set(key, randomBytes(9).toString('base64url'), 'PX', TOKEN_TTL_MS)

async function setToken(deps: CoreDeps, key: string, what: Record<string, string>): Promise<void> {
  try {
    await writeToken(deps, key)
  } catch (error) {
    // Committed already, and the caller answers now. Entries that still hold the old answer are replaced as soon as
    // a retry lands, and expire within MAX_AGE_MS whatever happens.
    deps.log.warn({ ...what, err: { message: (error as Error).message } }, 'chat cache invalidation failed')
    retryToken(deps, key, what, Date.now() + MAX_AGE_MS, RETRY_FIRST_MS)
  }
}

/** Tries a refused token write again, in the background, until it lands or no entry can still hold the old answer. */
function retryToken(deps: CoreDeps, key: string, what: Record<string, string>, giveUpAt: number, waitMs: number): void {
  if (Date.now() + waitMs >= giveUpAt) return
  setTimeout(() => {
    writeToken(deps, key).then(
      () => deps.log.info(what, 'chat cache invalidation landed on retry'),
      () => retryToken(deps, key, what, giveUpAt, Math.min(waitMs * 2, RETRY_MAX_MS)),
    )
  }, waitMs).unref()
}

/** The room's settings changed (lock, slow mode, rules, hours…): every sender's entry for it reloads. */
export function invalidateChatRoom(deps: CoreDeps, roomId: string): Promise<void> {
  return setToken(deps, chatVersionKeys.room(deps, roomId), { roomId })
}

/** Something about this account changed (a sanction, its role, a room entered or rules accepted). */
export function invalidateChatAccount(deps: CoreDeps, accountId: string): Promise<void> {
  return setToken(deps, chatVersionKeys.account(deps, accountId), {})
}

/** How long a send waits for the tokens before it reads PostgreSQL instead (a paused Redis never answers). */
const TOKEN_WAIT_MS = 200

/** The token reads asked for in this turn of the event loop, per Redis client: they leave as one MGET. */
interface TokenRead {
  keys: string[]
  answer: Array<(tokens: string | null) => void>
}
const tokenReads = new WeakMap<CoreDeps['redis'], TokenRead>()

/**
 * Sends that reach `authorize` in the same turn of the event loop (the messages of one socket read, or of many
 * sockets read together under load) read their tokens with one MGET, and share one wait for it. A send alone
 * reads them as before, one MGET of its two keys, a turn later.
 */
function readTokens(deps: CoreDeps, roomId: string, accountId: string): Promise<string | null> {
  // Redis down or stalled: no token, no cache; the send goes on reading PostgreSQL, so crisis detection still runs
  // on time and the rate limit then answers UNAVAILABLE (decision 025).
  if (deps.redis.status !== 'ready') return Promise.resolve(null)
  let read = tokenReads.get(deps.redis)
  if (!read) {
    const started: TokenRead = (read = { keys: [], answer: [] })
    tokenReads.set(deps.redis, started)
    setImmediate(() => {
      tokenReads.delete(deps.redis)
      sendTokenRead(deps, started)
    })
  }
  read.keys.push(chatVersionKeys.room(deps, roomId), chatVersionKeys.account(deps, accountId))
  const answers = read.answer
  return new Promise((resolve) => answers.push(resolve))
}

function sendTokenRead(deps: CoreDeps, read: TokenRead): void {
  const answerAll = (tokens: ReadonlyArray<string | null> | null) =>
    read.answer.forEach((answer, n) => answer(tokens ? `${tokens[2 * n] ?? '-'}|${tokens[2 * n + 1] ?? '-'}` : null))
  // withDeadline, not a bare timer: a stall of this process's own event loop (CPU starved, a long GC) is not a silent
  // Redis, and a reply that arrived during the stall is read before the wait gives up (decision 055).
  let mget: Promise<Array<string | null>>
  try {
    mget = deps.redis.mget(read.keys)
  } catch {
    answerAll(null)
    return
  }
  withDeadline(mget, TOKEN_WAIT_MS).then(answerAll, () => answerAll(null))
}

/** Whether an entry is young enough to be trusted (on `nowOf(deps)`'s clock, which may go back in tests). */
const youngEnough = (entry: SendCacheEntry, now: number) => now < entry.expiresAt && now >= entry.expiresAt - MAX_AGE_MS

/**
 * The room and the sender's membership: from the socket's entry when both tokens are unchanged and it is young
 * enough, else from PostgreSQL (one query), kept when the sender is a member. Without a cache, just the query.
 *
 * With `checkLater`, a young entry is answered at once, its tokens not read (`unchecked`): the caller must check
 * them (`tokenCheckOf`) before it acts on the entry or refuses by it. The send checks them in its rate-limit script,
 * so a warm send asks Redis twice, not three times (decision 072). A new entry's tokens are always read first, before
 * its rows.
 */
export async function roomAndMembership(
  deps: CoreDeps,
  cache: SendCache | undefined,
  roomId: string,
  accountId: string,
  options: { checkLater?: boolean } = {},
): Promise<{
  room: q.RoomRow
  membership: q.MembershipRow | null
  entry?: SendCacheEntry
  fresh?: true
  unchecked?: true
} | null> {
  if (!cache) return q.findRoomAndMembership(deps.sql, roomId, accountId)
  if (options.checkLater && deps.redis.status === 'ready') {
    const warm = cache.get(roomId)
    if (warm && youngEnough(warm, nowOf(deps).getTime()))
      return { room: warm.room, membership: warm.membership, entry: warm, unchecked: true }
  }
  const tokens = await readTokens(deps, roomId, accountId)
  const now = nowOf(deps).getTime()
  const cached = cache.get(roomId)
  if (tokens !== null && cached && cached.tokens === tokens && youngEnough(cached, now))
    return { room: cached.room, membership: cached.membership, entry: cached }
  cache.delete(roomId)
  const found = await q.findRoomAndMembership(deps.sql, roomId, accountId)
  if (!found?.membership || tokens === null) return found
  const entry: SendCacheEntry = {
    tokens,
    expiresAt: now + entryLifeMs(entriesMade++),
    room: found.room,
    membership: found.membership,
    extras: new Map(),
  }
  if (cache.size >= MAX_ROOMS_PER_SOCKET) cache.delete(cache.keys().next().value!)
  cache.set(roomId, entry)
  return { ...found, entry, fresh: true }
}

/** What checks an entry answered `unchecked`: its two token keys and the tokens it was made with. */
export interface TokenCheck {
  keys: [room: string, account: string]
  tokens: string
}

export const tokenCheckOf = (
  deps: Pick<CoreDeps, 'config'>,
  roomId: string,
  accountId: string,
  entry: SendCacheEntry,
): TokenCheck => ({
  keys: [chatVersionKeys.room(deps, roomId), chatVersionKeys.account(deps, accountId)],
  tokens: entry.tokens,
})

/**
 * Checks an entry answered `unchecked` on its own (a send refused before its rate-limit script checked it): true
 * when its tokens are unchanged. Read as `authorize` reads them (shared with the turn's other reads; no answer within
 * the wait is not unchanged).
 */
export async function entryStillCurrent(
  deps: CoreDeps,
  roomId: string,
  accountId: string,
  entry: SendCacheEntry,
): Promise<boolean> {
  return (await readTokens(deps, roomId, accountId)) === entry.tokens
}

/** Drops the socket's entry for a room if it still is `entry` (its tokens changed: the next send reloads it). */
export function dropEntry(cache: SendCache | undefined, roomId: string, entry: SendCacheEntry | undefined): void {
  if (entry && cache?.get(roomId) === entry) cache.delete(roomId)
}

/**
 * A value another slice's send step reads on every send (moderation: the sanctions in force), kept in the send's
 * cache entry and dropped with it. `load` must return what stays true until something invalidates the room or the
 * account (time-bound facts are returned with their end and compared with the clock by the step). Without an entry
 * (no cache, Redis unreachable, not a member) it just loads. A load that fails is not kept.
 */
export function cachedForSend<T>(entry: SendCacheEntry | undefined, name: string, load: () => Promise<T>): Promise<T> {
  if (!entry) return load()
  const kept = entry.extras.get(name) as Promise<T> | undefined
  if (kept) return kept
  const loading = load()
  entry.extras.set(name, loading)
  loading.catch(() => {
    if (entry.extras.get(name) === loading) entry.extras.delete(name)
  })
  return loading
}
