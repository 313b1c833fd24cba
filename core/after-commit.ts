import { poolHoldable, type ReservedSql, type Sql, type TransactionSql } from '../db/client.js'
import type { Logger } from './log/logger.js'

/**
 * "Write inside the transaction, announce after COMMIT" in one place (docs/decisions/030-composition-root-and-after-commit.md).
 *
 * Open the transaction with `transaction(deps, tx => …)`; inside it, code that has something to announce (a raised
 * crisis for the console, a member's crisis card) calls `afterCommit(tx, announce)` right where it writes the fact.
 * The queue runs once, in registration order, after PostgreSQL confirmed the COMMIT; a transaction that rolls back
 * (a thrown error, an abandoned send) announces nothing. An announcement that fails is logged, never thrown: the
 * fact is committed and the pages re-read it.
 *
 * `afterCommit` on a transaction that was not opened by `transaction()` (or `pipelinedTransaction()`) throws: a fact
 * whose announcement would be silently lost is refused instead.
 */
export type Announcement = () => unknown

const queues = new WeakMap<object, Announcement[]>()
/** Statements handed to the COMMIT (`commitWith`), per transaction. */
const handedOver = new WeakMap<object, Array<Promise<unknown>>>()
/** The transactions of `pipelinedTransaction` whose COMMIT leaves right behind their last statements. */
const pipelined = new WeakSet<object>()

export async function transaction<T>(
  deps: { sql: Sql; log: Logger },
  work: (tx: TransactionSql) => Promise<T>,
): Promise<T> {
  const queue: Announcement[] = []
  const result = (await deps.sql.begin(async (tx) => {
    const handed: Array<Promise<unknown>> = []
    queues.set(tx, queue)
    handedOver.set(tx, handed)
    const result = await work(tx)
    // Here COMMIT waits for them: the first failure fails the transaction, as an awaited statement's would.
    await Promise.all(handed)
    return result
  })) as T
  await runAnnouncements(deps.log, queue)
  return result
}

export function afterCommit(tx: TransactionSql, announce: Announcement): void {
  const queue = queues.get(tx)
  if (!queue) throw new Error('afterCommit needs a transaction opened with transaction() (core/after-commit.ts)')
  queue.push(announce)
}

/**
 * Hands a statement already sent in this transaction to its COMMIT, for a statement whose answer nobody needs inside
 * the transaction (decision 073): in a `pipelinedTransaction` the COMMIT is sent right behind it without waiting for
 * its answer (one round trip for both), in a `transaction()` it is awaited before the COMMIT. Either way the
 * transaction commits only if it succeeded. Code that reads its answer after commit reads the promise then.
 */
export function commitWith(tx: TransactionSql, statement: Promise<unknown>): void {
  const handed = handedOver.get(tx)
  if (!handed) throw new Error('commitWith needs a transaction opened with transaction() (core/after-commit.ts)')
  // Its failure is the transaction's (seen at COMMIT), not an unhandled rejection meanwhile.
  statement.catch(() => {})
  handed.push(statement)
}

/** Whether this transaction's COMMIT leaves with the statements handed to it, unanswered (`pipelinedTransaction`). */
export function commitsPipelined(tx: TransactionSql): boolean {
  return pipelined.has(tx)
}

/**
 * The transaction did not commit: a statement handed to the COMMIT (`commitWith`) failed, so PostgreSQL answered the
 * pipelined COMMIT with ROLLBACK. Nothing of it is stored and nothing was announced; `cause` is that statement's error.
 * A caller may run the same work again in a `transaction()`, where every statement is awaited before COMMIT.
 */
export class NotCommitted extends Error {
  override name = 'NotCommitted'
  constructor(override readonly cause: unknown) {
    super(`transaction rolled back at COMMIT: ${(cause as Error)?.message ?? String(cause)}`)
  }
}

/**
 * A transaction in two kinds of round trips fewer (decision 073): BEGIN leaves together with the work's first
 * statements, and COMMIT right behind its last ones (those handed over with `commitWith`) without waiting for their
 * answers. A send's transaction with a crisis raise is then two round trips: [BEGIN, seq and message, the raise's
 * reads] and [incident, flag, COMMIT].
 *
 * The guarantees are `transaction()`'s:
 * - Committed means COMMIT answered COMMIT and every statement handed to it succeeded. A statement that failed aborts
 *   the transaction and PostgreSQL answers the COMMIT behind it with ROLLBACK, without an error: that is
 *   `NotCommitted`, nothing announced. An error thrown by `work` sends ROLLBACK instead of COMMIT.
 * - The connection is a reserved one (`sql.reserve()`), given back only after its COMMIT or ROLLBACK answered (so
 *   never inside an open or aborted transaction). When the connection is lost, postgres.js takes it back itself
 *   (closed, unreserved) and it is not given back again.
 * - A reservation is made only while the pool is kept warm and all its connections are open (`poolHoldable`,
 *   db/client.ts): postgres.js then hands an idle connection or queues the reservation for the next one freed, and
 *   never opens a connection for it. (A reservation that opens a connection that fails to open stays queued and later
 *   keeps a connection nobody gives back, decision 064.) Otherwise this is `transaction()`.
 *
 * `work` must not leave a statement to be sent after it settles (as with `transaction()`: the connection is the
 * pool's again once COMMIT answered), and waits only on its own statements: a connection lost while it waited on
 * something else (another connection's statement) is not seen by the watch, and its next statement would be sent on a
 * connection that is no longer its own (postgres.js's `sql.begin` is the same).
 */
export async function pipelinedTransaction<T>(
  deps: { sql: Sql; log: Logger },
  work: (tx: TransactionSql) => Promise<T>,
): Promise<T> {
  if (!poolHoldable(deps.sql)) return transaction(deps, work)
  const reserved = await deps.sql.reserve()
  const connection: Connection = { reserved, gone: null }
  // A reserved connection takes the same statements as a transaction's (no savepoints here).
  const tx = watched(connection)
  const queue: Announcement[] = []
  const handed: Array<Promise<unknown>> = []
  queues.set(tx, queue)
  handedOver.set(tx, handed)
  pipelined.add(tx)
  // Sent now, not awaited: the work's first statements follow it in the same write.
  const began = (tx as unknown as ReservedSql).unsafe('begin').execute()
  began.catch(() => {})
  let result: T
  try {
    // BEGIN's failure (the connection lost) fails the transaction even if the work waits on a statement behind it.
    ;[, result] = await Promise.all([began, work(tx)])
  } catch (error) {
    await end(connection, 'rollback')
    throw error
  }
  const committed = await end(connection, 'commit', handed)
  if (!committed.ok) throw committed.error
  await runAnnouncements(deps.log, queue)
  return result
}

/**
 * Sends COMMIT (or ROLLBACK) and gives the connection back once it answered. What it answered, with the handed-over
 * statements' outcomes, says whether the transaction committed.
 */
async function end(
  connection: Connection,
  command: 'commit' | 'rollback',
  handed: Array<Promise<unknown>> = [],
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  // A connection that is gone is not given back (postgres.js has taken it back) and takes nothing more.
  if (connection.gone) return { ok: false, error: connection.gone }
  let answer: { command: string | null }
  try {
    answer = (await connection.reserved.unsafe(command)) as unknown as { command: string | null }
  } catch (error) {
    // PostgreSQL answered with an error (a deferred check at COMMIT): the transaction is over, the connection idle.
    // Anything else (the connection closed, destroyed, the pool ended): postgres.js has taken the connection back.
    if (!connectionGone(error)) connection.reserved.release()
    return { ok: false, error }
  }
  connection.reserved.release()
  // Every statement sent before COMMIT has answered by now (one connection answers in order).
  const failed = (await Promise.allSettled(handed)).find((o): o is PromiseRejectedResult => o.status === 'rejected')
  if (failed) return { ok: false, error: new NotCommitted(failed.reason) }
  if (command === 'commit' && answer.command !== 'COMMIT')
    return { ok: false, error: new NotCommitted(new Error(`COMMIT answered ${answer.command}`)) }
  return { ok: true }
}

interface Connection {
  reserved: ReservedSql
  /** The first error that said the connection is gone: from then on no statement is sent on it. */
  gone: unknown
}

/**
 * The reserved connection as the work's transaction, watched: the first statement that fails because the connection
 * is gone (closed, or its backend terminated) marks it, and every statement executed after that fails at once instead
 * of being sent. postgres.js reopens a closed connection for other work, so a statement sent on the reserved handle
 * after the close would run outside this transaction, and one sent before it reopens finds no socket. (A transaction
 * hook whose statement failed may still send its next ones: the send's hooks are waited for side by side.)
 * Only queries actually executed are watched; a fragment built to go inside another statement is never executed.
 */
function watched(connection: Connection): TransactionSql {
  const watch = (query: unknown) => {
    if (!(query instanceof Promise) || typeof (query as { handle?: unknown }).handle !== 'function') return query
    const pending = query as Promise<unknown> & {
      handle: () => Promise<void>
      executed: boolean
      reject: (error: unknown) => void
    }
    const handle = pending.handle.bind(pending)
    pending.handle = async () => {
      if (connection.gone && !pending.executed) {
        pending.executed = true
        pending.reject(connection.gone)
        return
      }
      await handle()
    }
    // Promise's own `then`: the query's would execute it.
    Promise.prototype.then.call(pending, undefined, (error: unknown) => {
      if (connectionGone(error)) connection.gone ??= error
    })
    return query
  }
  const unsafe = (...args: Parameters<ReservedSql['unsafe']>) => watch(connection.reserved.unsafe(...args))
  return new Proxy(connection.reserved, {
    apply: (target, thisArg, args: unknown[]) => watch(Reflect.apply(target, thisArg, args)),
    get: (target, property, receiver) => (property === 'unsafe' ? unsafe : Reflect.get(target, property, receiver)),
  }) as unknown as TransactionSql
}

/**
 * Whether an error says the connection is gone: postgres.js's own (closed, destroyed, ended: its code) or PostgreSQL's
 * fatal one (a terminated backend) — anything but an error PostgreSQL answered on a connection that lives on.
 */
function connectionGone(error: unknown): boolean {
  const e = error as { name?: string; severity?: string } | undefined
  if (e?.name !== 'PostgresError') return true
  return e.severity === 'FATAL' || e.severity === 'PANIC'
}

async function runAnnouncements(log: Logger, queue: Announcement[]): Promise<void> {
  // Taken out first: a queue runs once, even if an announcement registers more.
  for (const announce of queue.splice(0)) {
    try {
      await announce()
    } catch (error) {
      log.warn({ err: { message: (error as Error).message } }, 'after-commit announcement failed')
    }
  }
}
