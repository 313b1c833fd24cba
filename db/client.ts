import postgres from 'postgres'

export type Sql = postgres.Sql<Record<string, never>>
export type TransactionSql = postgres.TransactionSql<Record<string, never>>
export type ReservedSql = postgres.ReservedSql<Record<string, never>>

/**
 * One postgres.js pool per process. Notices are dropped: they carry nothing a user needs.
 *
 * Connections stay open (no idle timeout, no maximum lifetime, decision 064): a connection the pool opens lazily
 * pays authentication, a new backend and every statement's first Parse/Describe on whatever query needs it, which
 * on the send path is a member waiting for their message or their crisis card. A connection that closes anyway (a
 * failure, a restarted database) is reopened and warmed before it takes work when the pool is kept warm
 * (`keepPoolWarm`).
 */
export function createSql(
  databaseUrl: string,
  options: { max?: number; application?: string; prepare?: boolean } = {},
): Sql {
  const sql = postgres(databaseUrl, {
    max: options.max ?? 10,
    // Off behind a transaction-mode pooler (PgBouncer), which cannot keep a prepared statement between transactions.
    prepare: options.prepare ?? true,
    max_lifetime: null,
    connect_timeout: 10,
    onnotice: () => {},
    onclose: () => warmth.get(sql)?.closed(),
    connection: { application_name: options.application ?? 'holdspace' },
    transform: { undefined: null },
  }) as Sql
  return sql
}

/** What keepPoolWarm found: every pooled connection's backend, and how many of them it warmed now. */
export interface PoolWarmReport {
  backends: number[]
  warmed: number
  ms: number
}

interface Warmth {
  warm: (connection: TransactionSql) => Promise<void>
  onError: (error: Error) => void
  /** Backends (by pid) that ran `warm` and are still in the pool. */
  warmed: Set<number>
  running: Promise<unknown> | null
  again: boolean
  stopped: boolean
  /** Rounds that ended (the first one included): tests and logs read it. */
  rounds: number
  /** Connections that closed since the pool was kept warm; a round compares it before and after (`allOpen`). */
  closes: number
  /** Every connection of the pool is open: a round held them all and none closed since (`poolHoldable`). */
  allOpen: boolean
  /** Waiting for the pool to be holdable again (`poolHoldableAgain`). */
  holdable: Array<() => void>
  closed: () => void
}

const warmth = new WeakMap<Sql, Warmth>()
class WaitedOut extends Error {}
/** A round that failed (the database unreachable) is tried again after this, not in a loop. */
const RETRY_MS = 1_000
/**
 * How long a round waits to hold every connection. A connection that cannot be reopened (the database refusing new
 * connections) must not keep the others from work: the round gives back what it holds and waits for the next close.
 */
const HOLD_WAIT_MS = 3_000

/**
 * Opens every connection of the pool and runs `warm` once on each backend before anything else may use it, then keeps
 * it so (decision 064): when a pooled connection closes, a round starts at once (in the same turn of the event loop as
 * the close, before any new query can be handed to the pool) that takes every connection, reopens the closed one,
 * warms the backends it has not warmed and gives them all back. Work that arrives meanwhile waits for its connection
 * behind the round, as it would wait for a busy pool; only a replaced connection's round costs that wait.
 *
 * `warm` runs inside a transaction of its own on that connection and must store nothing. Resolves with the first
 * round's report; rejects if it failed (the database unreachable), and keeps trying in the background.
 */
export function keepPoolWarm(
  sql: Sql,
  warm: (connection: TransactionSql) => Promise<void>,
  onError: (error: Error) => void = () => {},
): Promise<PoolWarmReport> {
  if (warmth.has(sql)) throw new Error('keepPoolWarm: this pool is already kept warm')
  const state: Warmth = {
    warm,
    onError,
    warmed: new Set(),
    running: null,
    again: false,
    stopped: false,
    rounds: 0,
    closes: 0,
    allOpen: false,
    holdable: [],
    closed: () => {
      // At once, in postgres.js's own close handling: from here on a reservation could open a connection.
      state.closes++
      state.allOpen = false
      if (state.stopped) return
      // After postgres.js has finished moving the closed connection (a microtask, before any I/O can bring a query).
      queueMicrotask(() => void schedule(sql, state))
    },
  }
  warmth.set(sql, state)
  const end = sql.end.bind(sql)
  // Ending the pool closes every connection: none of those closes is a connection to replace.
  ;(sql as { end: Sql['end'] }).end = (options) => {
    state.stopped = true
    return end(options)
  }
  return schedule(sql, state) as Promise<PoolWarmReport>
}

/**
 * Whether a connection may be reserved (`sql.reserve()`) without postgres.js opening one for it: the pool is kept warm,
 * a round held every connection at once and none has closed since. postgres.js then hands a reservation an idle
 * connection or queues it for the next one freed. A reservation that opens a connection that then fails to open is
 * rejected but stays in postgres.js's queue and later keeps a connection nobody gives back (decision 064), so
 * core/after-commit.ts's `pipelinedTransaction` reserves only when this is true and uses `sql.begin` otherwise.
 */
export function poolHoldable(sql: Sql): boolean {
  const state = warmth.get(sql)
  return state !== undefined && state.allOpen && !state.stopped
}

/**
 * Resolves once `poolHoldable(sql)` holds: at once if it does, else when a round of keepPoolWarm ends with every
 * connection open (after a connection closed, once its replacement is open and warmed). Never resolves for a pool that
 * is not kept warm or is ending.
 */
export function poolHoldableAgain(sql: Sql): Promise<void> {
  if (poolHoldable(sql)) return Promise.resolve()
  return new Promise((resolve) => warmth.get(sql)?.holdable.push(resolve))
}

/** How many rounds of keepPoolWarm have ended for this pool (0 when it is not kept warm). */
export function poolWarmRounds(sql: Sql): number {
  return warmth.get(sql)?.rounds ?? 0
}

function schedule(sql: Sql, state: Warmth): Promise<unknown> {
  if (state.running) {
    state.again = true
    return state.running
  }
  state.again = false
  const round = warmRound(sql, state)
  state.running = round
  round.then(
    () => {
      state.running = null
      if (state.again && !state.stopped) void schedule(sql, state)
    },
    (error: Error) => {
      state.running = null
      state.onError(error)
      // Unreachable: tried again shortly. Waited out (a connection the pool could not hand over): not again until the
      // next close, so a pool that lost a connection is not held for HOLD_WAIT_MS over and over.
      if (!state.stopped && !(error instanceof WaitedOut))
        setTimeout(() => !state.stopped && void schedule(sql, state), RETRY_MS).unref()
    },
  )
  return round
}

async function warmRound(sql: Sql, state: Warmth): Promise<PoolWarmReport> {
  const started = performance.now()
  const max = sql.options.max
  const closesBefore = state.closes
  // One transaction per connection, all open at once: the pool hands out an idle connection first and opens a closed
  // one only when none is idle, so holding them all is the one way to reach a closed connection before other work
  // does. Transactions rather than `sql.reserve()`: a reservation whose connection fails to open is rejected but stays
  // in postgres.js's queue, and is later handed a connection that nobody gives back (seen when a backend was
  // terminated under load); a BEGIN that fails leaves nothing queued.
  let arrived = 0
  let waitedOut = false
  let everyoneIn!: () => void
  const allIn = new Promise<void>((resolve) => (everyoneIn = resolve))
  const timer = setTimeout(() => {
    waitedOut = true
    everyoneIn()
  }, HOLD_WAIT_MS)
  const outcomes = await Promise.allSettled(
    Array.from({ length: max }, () =>
      sql.begin(async (tx) => {
        const pid = (await tx<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid
        if (++arrived === max) everyoneIn()
        await allIn
        // Given back at once when the others could not be held: a connection the pool could not hand over must not
        // keep the rest from work.
        if (waitedOut || state.warmed.has(pid)) return { pid, warmed: false }
        await state.warm(tx)
        return { pid, warmed: true }
      }),
    ),
  ).finally(() => clearTimeout(timer))
  const failed = outcomes.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  if (waitedOut) throw new WaitedOut(`could not hold all ${max} pooled connections within ${HOLD_WAIT_MS} ms`)
  const done = outcomes.map((r) => (r as PromiseFulfilledResult<{ pid: number; warmed: boolean }>).value)
  const backends = done.map((d) => d.pid)
  state.warmed = new Set(backends)
  state.rounds++
  // Every connection was held at once, so open; unless one closed meanwhile (then another round follows).
  state.allOpen = state.closes === closesBefore
  if (state.allOpen) for (const resolve of state.holdable.splice(0)) resolve()
  return { backends, warmed: done.filter((d) => d.warmed).length, ms: performance.now() - started }
}
