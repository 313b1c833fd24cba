import { Queue } from 'bullmq'
import type { Redis } from 'ioredis'
import type { Sql } from '../db/client.js'
import { QUEUES, type QueueName } from '../core/contracts/jobs.js'
import { claimPendingOutbox, markOutboxFailed, markOutboxSent } from '../core/outbox/outbox.queries.js'
import type { Logger } from '../core/log/logger.js'

export const DEFAULT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential' as const, delay: 1_000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: { age: 30 * 24 * 3600 },
}

/**
 * How the relay hears of new rows: `listening` (LISTEN works), `silent` (LISTEN is set up but polling keeps finding
 * rows nobody announced — e.g. through a transaction pooler), `polling` (LISTEN failed).
 */
export type ListenState = 'listening' | 'silent' | 'polling'

export interface OutboxRelay {
  drain(): Promise<number>
  stop(): Promise<void>
  readonly sent: number
  readonly listenState: ListenState
}

/** Polls in a row that found rows no notification announced before the relay says LISTEN is silent. */
const SILENT_AFTER_POLLS = 3

/**
 * Moves committed outbox rows to BullMQ. The job id is the outbox id, so a row added twice (the relay
 * died between Redis accepting it and Postgres marking it sent) is still one job. Rows are marked sent
 * only after Redis accepted them: while Redis is down they wait, and go out when it returns.
 * Wakes on LISTEN outbox and polls as a fallback (a missed notification, a restart).
 */
export function startOutboxRelay(deps: {
  sql: Sql
  redis: Redis
  prefix: string
  log: Logger
  pollMs: number
  batchSize?: number
  /** The connection for LISTEN: DATABASE_DIRECT_URL's, not a transaction pooler's (default: `sql`). */
  listenSql?: Sql
}): OutboxRelay {
  // A connection that fails fast when Redis is down, instead of queueing commands in memory.
  const connection = deps.redis.duplicate({ enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  connection.on('error', () => {})
  const queues = new Map<QueueName, Queue>()
  const queueFor = (name: QueueName) => {
    let queue = queues.get(name)
    if (!queue) {
      queue = new Queue(name, { connection, prefix: `${deps.prefix}:bull` })
      queue.on('error', () => {})
      queues.set(name, queue)
    }
    return queue
  }
  const knownQueues = new Set<string>(Object.values(QUEUES))
  let sent = 0
  let stopped = false
  let running: Promise<number> | null = null
  let again = false
  let failures = 0

  async function drainOnce(): Promise<number> {
    let moved = 0
    for (;;) {
      const batch = await deps.sql.begin(async (tx) => {
        const rows = await claimPendingOutbox(tx, deps.batchSize ?? 100)
        const accepted: string[] = []
        for (const row of rows) {
          if (!knownQueues.has(row.queue)) {
            await markOutboxFailed(tx, row.id, `unknown queue ${row.queue}`)
            continue
          }
          await queueFor(row.queue as QueueName).add(row.jobName, row.payload, {
            ...DEFAULT_JOB_OPTIONS,
            jobId: row.id,
            delay: row.delayMs || undefined,
          })
          accepted.push(row.id)
        }
        await markOutboxSent(tx, accepted)
        return { claimed: rows.length, accepted: accepted.length }
      })
      moved += batch.accepted
      sent += batch.accepted
      if (batch.claimed < (deps.batchSize ?? 100)) return moved
    }
  }

  function drain(): Promise<number> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      let total = 0
      do {
        again = false
        try {
          total += await drainOnce()
          if (failures > 0) deps.log.info({ failures }, 'outbox relay recovered')
          failures = 0
        } catch (error) {
          failures++
          if (failures === 1 || failures % 30 === 0) {
            deps.log.warn(
              { err: { message: (error as Error).message }, failures },
              'outbox relay could not deliver; rows wait in Postgres',
            )
          }
          break
        }
      } while (again && !stopped)
      return total
    })().finally(() => {
      running = null
    })
    return running
  }

  let listenState: ListenState = 'listening'
  let notified = false
  let unannouncedPolls = 0
  const listening = (deps.listenSql ?? deps.sql)
    .listen('outbox', () => {
      notified = true
      if (listenState === 'silent') deps.log.info('outbox LISTEN receives notifications again')
      listenState = 'listening'
      unannouncedPolls = 0
      void drain()
    })
    .catch((error) => {
      listenState = 'polling'
      deps.log.warn({ err: { message: (error as Error).message } }, 'outbox LISTEN failed; polling only')
      return null
    })
  /**
   * A poll that moves rows no notification announced is normal now and then (a row committed just before the poll);
   * several in a row mean LISTEN hears nothing (a transaction pooler drops it): say so, never silently.
   */
  const poll = async () => {
    const announced = notified
    notified = false
    const moved = await drain()
    if (moved === 0 || announced || listenState === 'polling') return
    if (++unannouncedPolls >= SILENT_AFTER_POLLS && listenState !== 'silent') {
      listenState = 'silent'
      deps.log.warn(
        { polls: unannouncedPolls },
        'outbox LISTEN receives no notifications; delivering by polling (use DATABASE_DIRECT_URL past a transaction pooler)',
      )
    }
  }
  const timer = setInterval(() => void poll(), deps.pollMs)
  void drain()

  return {
    drain,
    get sent() {
      return sent
    },
    get listenState() {
      return listenState
    },
    async stop() {
      stopped = true
      clearInterval(timer)
      const listener = await listening
      await listener?.unlisten().catch(() => {})
      await running?.catch(() => {})
      await Promise.all([...queues.values()].map((q) => q.close().catch(() => {})))
      connection.disconnect()
    },
  }
}
