/**
 * A crisis worker in its own process, for fault tests that kill it (workers/crisis-kill.test.ts):
 * the outbox relay plus a BullMQ worker on the crisis queue, built exactly as workers/index.ts
 * builds them, with short lock times so a killed worker's job is picked up again within seconds.
 * With HOLDSPACE_TEST_PAUSE_AFTER_CONSOLE=1 every page stops after its console emit, before email,
 * and prints PAUSED — the moment the test kills the process.
 */
import { Worker } from 'bullmq'
import { loadConfig } from '../../core/config/config.js'
import { createCoreDeps } from '../../core/runtime.js'
import { crisisPageHooks } from '../../core/crisis/crisis.paging.js'
import { startOutboxRelay } from '../../workers/outbox-relay.js'
import { createQueueProcessor } from '../../workers/processors/index.js'

const config = loadConfig()
const deps = createCoreDeps(config, 'holdspace-test-crisis-worker')
if (process.env.HOLDSPACE_TEST_PAUSE_AFTER_CONSOLE === '1') {
  crisisPageHooks.afterConsole = async (pageId) => {
    console.log(`PAUSED ${pageId}`)
    await new Promise(() => {})
  }
}
const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
connection.on('error', () => {})
const worker = new Worker('crisis', createQueueProcessor(deps, 'crisis'), {
  connection,
  prefix: `${config.REDIS_PREFIX}:bull`,
  concurrency: 4,
  lockDuration: 2_000,
  stalledInterval: 1_000,
  maxStalledCount: 3,
})
worker.on('error', () => {})
startOutboxRelay({ sql: deps.sql, redis: deps.redis, prefix: config.REDIS_PREFIX, log: deps.log, pollMs: 200 })
await worker.waitUntilReady()
console.log('READY')
