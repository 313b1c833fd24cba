import type { Sql, TransactionSql } from '../db/client.js'
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
 * `afterCommit` on a transaction that was not opened by `transaction()` throws: a fact whose announcement would be
 * silently lost is refused instead.
 */
export type Announcement = () => unknown

const queues = new WeakMap<object, Announcement[]>()

export async function transaction<T>(
  deps: { sql: Sql; log: Logger },
  work: (tx: TransactionSql) => Promise<T>,
): Promise<T> {
  const queue: Announcement[] = []
  const result = (await deps.sql.begin(async (tx) => {
    queues.set(tx, queue)
    return work(tx)
  })) as T
  await runAnnouncements(deps.log, queue)
  return result
}

export function afterCommit(tx: TransactionSql, announce: Announcement): void {
  const queue = queues.get(tx)
  if (!queue) throw new Error('afterCommit needs a transaction opened with transaction() (core/after-commit.ts)')
  queue.push(announce)
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
