import { Worker } from 'bullmq'
import { startOutboxRelay } from '../../workers/outbox-relay.js'
import { createQueueProcessor } from '../../workers/processors/index.js'
import type { TestDeps } from './deps.js'

/**
 * The workers process's moderation part, in the test's process: the outbox relay and a BullMQ worker
 * on the moderation queue, built as workers/index.ts builds them. Other queues' jobs just wait.
 */
export async function startModerationWorker(deps: TestDeps): Promise<{ stop: () => Promise<void> }> {
  const relay = startOutboxRelay({
    sql: deps.sql,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 200,
  })
  const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  connection.on('error', () => {})
  const worker = new Worker('moderation', createQueueProcessor(deps, 'moderation'), {
    connection,
    prefix: `${deps.config.REDIS_PREFIX}:bull`,
    concurrency: 4,
  })
  worker.on('error', () => {})
  await worker.waitUntilReady()
  return {
    stop: async () => {
      await relay.stop()
      await worker.close()
      connection.disconnect()
    },
  }
}
