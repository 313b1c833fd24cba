import { pathToFileURL } from 'node:url'
import { ConfigError, loadConfig } from '../core/config/config.js'
import { QUEUES } from '../core/contracts/jobs.js'
import { createCoreDeps } from '../core/runtime.js'
import { createSql } from '../db/client.js'
import { startOutboxRelay } from './outbox-relay.js'
import { startCrisisWatchdog, startWorkersHeartbeat } from './crisis-watchdog.js'
import { startSchedules } from './schedules.js'
import { createWorkersMetrics, startWorkersMetricsServer } from './metrics.js'
import { createQueueProcessor, DeadLetterError, QueueWorker } from './processors/index.js'

/** The workers process: BullMQ workers for every queue plus the outbox relay, with graceful shutdown. */
export async function startWorkers(config = loadConfig()) {
  const deps = createCoreDeps(config, 'holdspace-workers')
  const workerConnection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  workerConnection.on('error', () => {})
  // Assigned once below; the metrics closure reads it from the start (polling until the relay runs).
  // eslint-disable-next-line prefer-const
  let relay: ReturnType<typeof startOutboxRelay> | undefined
  const metrics = createWorkersMetrics(deps, {
    connection: workerConnection,
    listenState: () => relay?.listenState ?? 'polling',
  })
  const workers = Object.values(QUEUES).map((queue) => {
    const worker = new QueueWorker(queue, createQueueProcessor(deps, queue), {
      connection: workerConnection,
      prefix: `${config.REDIS_PREFIX}:bull`,
      concurrency: 8,
    })
    worker.on('failed', (job, error) => {
      if (error instanceof DeadLetterError) return // logged once, with an alarm, by the processor
      deps.log.warn(
        { queue, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: { message: error.message } },
        'job failed',
      )
    })
    worker.on('error', (error) => deps.log.warn({ queue, err: { message: error.message } }, 'worker error'))
    metrics.watch(queue, worker)
    return worker
  })
  // LISTEN needs a session of its own: the direct URL when a transaction pooler is in front (DATABASE_DIRECT_URL).
  const listenSql = config.DATABASE_DIRECT_URL
    ? createSql(config.DATABASE_DIRECT_URL, { max: 1, application: 'holdspace-listen' })
    : undefined
  relay = startOutboxRelay({
    sql: deps.sql,
    listenSql,
    redis: deps.redis,
    prefix: config.REDIS_PREFIX,
    log: deps.log,
    pollMs: config.OUTBOX_POLL_MS,
  })
  const crisisWatchdog = startCrisisWatchdog(deps)
  const heartbeat = startWorkersHeartbeat(deps)
  const schedules = await startSchedules(deps)
  // Metrics are not worth losing jobs over: a port already taken is logged and the workers run on without it.
  const metricsServer = await startWorkersMetricsServer(deps, metrics).catch((error: Error) => {
    deps.log.error(
      { port: config.WORKERS_METRICS_PORT, err: { message: error.message } },
      'workers metrics listener failed',
    )
    return null
  })
  deps.log.info({ queues: Object.values(QUEUES) }, 'workers started')

  let closing: Promise<void> | null = null
  const stop = () =>
    (closing ??= (async () => {
      deps.log.info('workers stopping')
      await metricsServer?.close()
      await relay.stop()
      await listenSql?.end({ timeout: 5 })
      await crisisWatchdog.stop()
      await heartbeat.stop()
      await schedules.stop()
      await Promise.all(workers.map((w) => w.close()))
      await metrics.close()
      workerConnection.disconnect()
      await deps.close()
    })())
  return { stop, relay, deps, metricsPort: metricsServer?.port ?? null }
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (isMain) {
  try {
    const running = await startWorkers()
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        )
      })
    }
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : `holdspace-workers failed to start: ${(error as Error).message}`,
    )
    process.exit(1)
  }
}
