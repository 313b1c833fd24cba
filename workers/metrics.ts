import { createServer, type Server } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { Queue, type Worker } from 'bullmq'
import type { Redis } from 'ioredis'
import client from 'prom-client'
import type { CoreDeps } from '../core/deps.js'
import { QUEUES, type QueueName } from '../core/contracts/jobs.js'
import { countPendingOutbox } from '../core/outbox/outbox.queries.js'
import { oldestUnpagedSeconds } from '../core/crisis/crisis.queries.js'
import { withDeadline } from '../core/deadline.js'
import type { ListenState } from './outbox-relay.js'

/** How long one scrape waits for PostgreSQL or Redis: a paused dependency must not hang /metrics. */
const READ_DEADLINE_MS = 2_000
const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'] as const
const LISTEN_STATES: ListenState[] = ['listening', 'silent', 'polling']

/**
 * The workers' Prometheus registry: queue depth by state, job durations, failures and stalled jobs (fed by the
 * BullMQ workers' events), outbox lag, the relay's LISTEN state and the oldest unpaged crisis incident.
 */
export function createWorkersMetrics(deps: CoreDeps, options: { connection: Redis; listenState: () => ListenState }) {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry, prefix: 'holdspace_workers_' })
  const prefix = `${deps.config.REDIS_PREFIX}:bull`
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: options.connection, prefix }))
  const jobDuration = new client.Histogram({
    name: 'holdspace_job_duration_seconds',
    help: 'Time a job took to process, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  })
  const failures = new client.Counter({
    name: 'holdspace_job_failures_total',
    help: 'Job attempts that failed, by queue (each retry counts)',
    labelNames: ['queue'] as const,
    registers: [registry],
  })
  const stalled = new client.Counter({
    name: 'holdspace_jobs_stalled_total',
    help: 'Jobs found stalled (their worker stopped renewing the lock) and moved back to waiting, by queue',
    labelNames: ['queue'] as const,
    registers: [registry],
  })
  new client.Gauge({
    name: 'holdspace_queue_jobs',
    help: 'Jobs in each BullMQ queue by state (absent while Redis does not answer)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const counts = await withDeadline(
        Promise.all(queues.map((q) => q.getJobCounts(...JOB_STATES))),
        READ_DEADLINE_MS,
      ).catch(() => null)
      this.reset()
      if (!counts) return
      queues.forEach((q, i) => {
        for (const state of JOB_STATES) this.set({ queue: q.name, state }, counts[i]![state] ?? 0)
      })
    },
  })
  const outbox = () => withDeadline(countPendingOutbox(deps.sql), READ_DEADLINE_MS).catch(() => null)
  new client.Gauge({
    name: 'holdspace_outbox_pending',
    help: 'Outbox rows not yet moved to the job queue (NaN while PostgreSQL does not answer)',
    registers: [registry],
    async collect() {
      this.set((await outbox())?.pending ?? Number.NaN)
    },
  })
  new client.Gauge({
    name: 'holdspace_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not yet moved to the job queue (NaN while PostgreSQL does not answer)',
    registers: [registry],
    async collect() {
      this.set((await outbox())?.oldestSeconds ?? Number.NaN)
    },
  })
  new client.Gauge({
    name: 'holdspace_outbox_listen_state',
    help: "The outbox relay's LISTEN state: 1 for the current one of listening, silent (polling finds rows LISTEN never announced), polling",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const current = options.listenState()
      for (const state of LISTEN_STATES) this.set({ state }, state === current ? 1 : 0)
    },
  })
  new client.Gauge({
    name: 'holdspace_crisis_oldest_unpaged_seconds',
    help: 'Seconds since the oldest open crisis incident nobody has been paged for was raised (0 when none; NaN while PostgreSQL does not answer)',
    registers: [registry],
    async collect() {
      const seconds = await withDeadline(oldestUnpagedSeconds(deps.sql), READ_DEADLINE_MS).catch(() => null)
      this.set(seconds ?? Number.NaN)
    },
  })

  /** Feeds the job metrics from one queue's BullMQ worker events. */
  const watch = (queue: QueueName, worker: Worker) => {
    const observe = (
      job: { processedOn?: number; finishedOn?: number } | undefined,
      outcome: 'completed' | 'failed',
    ) => {
      if (job?.processedOn && job.finishedOn)
        jobDuration.observe({ queue, outcome }, Math.max(0, job.finishedOn - job.processedOn) / 1000)
    }
    worker.on('completed', (job) => observe(job, 'completed'))
    worker.on('failed', (job) => {
      failures.inc({ queue })
      observe(job, 'failed')
    })
    worker.on('stalled', () => stalled.inc({ queue }))
  }
  return { registry, watch, close: () => Promise.all(queues.map((q) => q.close())).then(() => undefined) }
}
export type WorkersMetrics = ReturnType<typeof createWorkersMetrics>

/** True when the request carries `Authorization: Bearer <token>` (or no token is configured). */
export function bearerAccepted(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '')
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * The workers' own HTTP listener (never public, decision 035): GET /metrics (bearer token when METRICS_TOKEN is
 * set, else 401) and GET /healthz for the compose health check. Resolves with the bound port (0 picks a free one).
 */
export async function startWorkersMetricsServer(
  deps: CoreDeps,
  metrics: WorkersMetrics,
): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const { config } = deps
  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]
    if (url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }))
      return
    }
    if (url !== '/metrics') return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found')
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method Not Allowed')
    if (!bearerAccepted(req.headers.authorization, config.METRICS_TOKEN)) {
      return void res.writeHead(401, { 'WWW-Authenticate': 'Bearer', 'Content-Type': 'text/plain' }).end('Unauthorized')
    }
    metrics.registry.metrics().then(
      (text) =>
        res
          .writeHead(200, { 'Content-Type': metrics.registry.contentType })
          .end(req.method === 'HEAD' ? undefined : text),
      () => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('metrics unavailable'),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.WORKERS_METRICS_PORT, config.HOST, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  deps.log.info({ port }, 'workers metrics listening')
  return { server, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
