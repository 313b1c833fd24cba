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

export interface OutboxRelay { drain(): Promise<number>; stop(): Promise<void>; readonly sent: number }

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
            deps.log.warn({ err: { message: (error as Error).message }, failures }, 'outbox relay could not deliver; rows wait in Postgres')
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

  const listening = deps.sql.listen('outbox', () => void drain()).catch((error) => {
    deps.log.warn({ err: { message: (error as Error).message } }, 'outbox LISTEN failed; polling only')
    return null
  })
  const timer = setInterval(() => void drain(), deps.pollMs)
  void drain()

  return {
    drain,
    get sent() {
      return sent
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
