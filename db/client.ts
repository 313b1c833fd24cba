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
  warm: (connection: ReservedSql) => Promise<void>
  onError: (error: Error) => void
  /** Backends (by pid) that ran `warm` and are still in the pool. */
  warmed: Set<number>
  running: Promise<unknown> | null
  again: boolean
  stopped: boolean
  /** Rounds that ended (the first one included): tests and logs read it. */
  rounds: number
  closed: () => void
}

const warmth = new WeakMap<Sql, Warmth>()
class WaitedOut extends Error {}
/** A round that failed (the database unreachable) is tried again after this, not in a loop. */
const RETRY_MS = 1_000
/**
 * How long a round waits to hold every connection. A connection that cannot be reopened (the database refusing new
 * connections) must not keep the others from work: the round gives back what it holds and is tried again later.
 */
const HOLD_WAIT_MS = 3_000

/**
 * Opens every connection of the pool and runs `warm` once on each backend before anything else may use it, then keeps
 * it so (decision 064): when a pooled connection closes, a round starts at once (in the same turn of the event loop as
 * the close, before any new query can be handed to the pool) that takes every connection, reopens the closed one,
 * warms the backends it has not warmed and gives them all back. Work that arrives meanwhile waits for its connection
 * behind the round, as it would wait for a busy pool; only a replaced connection's round costs that wait.
 *
 * `warm` must leave the connection as it found it (no open transaction, nothing stored). Resolves with the first
 * round's report; rejects if it failed (the database unreachable), and keeps trying in the background.
 */
export function keepPoolWarm(
  sql: Sql,
  warm: (connection: ReservedSql) => Promise<void>,
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
    closed: () => {
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
  // Reachable first, with an ordinary query: a reservation whose connection fails to open is rejected but stays in
  // postgres.js's queue, and could later be handed a connection that nobody then gives back.
  await sql`select 1`
  // Every connection at once: the pool hands out an idle one first and opens a closed one only when none is idle, so
  // holding them all is the one way to reach a closed connection before other work does.
  const pending = Array.from({ length: max }, () => sql.reserve())
  let timer: NodeJS.Timeout | undefined
  const waitedOut = new Promise<'waited out'>(
    (resolve) => (timer = setTimeout(() => resolve('waited out'), HOLD_WAIT_MS)),
  )
  const all = await Promise.race([Promise.allSettled(pending), waitedOut])
  clearTimeout(timer)
  if (all === 'waited out') {
    // Each connection goes back as soon as it is handed over: those held now, and those still to come.
    for (const p of pending)
      p.then(
        (c) => c.release(),
        () => {},
      )
    throw new WaitedOut(`could not hold all ${max} pooled connections within ${HOLD_WAIT_MS} ms`)
  }
  const held = all.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
  try {
    const failed = all.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    if (failed) throw failed.reason
    const backends = await Promise.all(
      held.map(async (c) => (await c<{ pid: number }[]>`select pg_backend_pid() as pid`)[0]!.pid),
    )
    const cold = held.filter((_, i) => !state.warmed.has(backends[i]!))
    await Promise.all(cold.map((c) => state.warm(c)))
    state.warmed = new Set(backends)
    state.rounds++
    return { backends, warmed: cold.length, ms: performance.now() - started }
  } finally {
    for (const c of held) c.release()
  }
}
