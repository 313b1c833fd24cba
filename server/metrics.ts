import { Router } from 'express'
import client from 'prom-client'
import type { Sql } from '../db/client.js'
import { countPendingOutbox } from '../core/outbox/outbox.queries.js'
import { registerCrisisMetrics } from './metrics.crisis.js'

/** One registry per server instance (tests start several in one process). */
export function createMetrics(sql: Sql) {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry, prefix: 'holdspace_' })
  const httpDuration = new client.Histogram({
    name: 'holdspace_http_request_duration_seconds',
    help: 'HTTP request duration by method, route kind and status',
    labelNames: ['method', 'kind', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const socketConnections = new client.Gauge({
    name: 'holdspace_socket_connections',
    help: 'Open Socket.IO connections on this process',
    registers: [registry],
  })
  const socketRejections = new client.Counter({
    name: 'holdspace_socket_handshake_rejections_total',
    help: 'Socket.IO handshakes refused, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  new client.Gauge({
    name: 'holdspace_outbox_pending',
    help: 'Outbox rows not yet moved to the job queue',
    registers: [registry],
    async collect() {
      try {
        this.set((await countPendingOutbox(sql)).pending)
      } catch {
        /* database unreachable: /readyz reports it */
      }
    },
  })
  new client.Gauge({
    name: 'holdspace_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not yet moved to the job queue',
    registers: [registry],
    async collect() {
      try {
        this.set((await countPendingOutbox(sql)).oldestSeconds)
      } catch {
        /* database unreachable */
      }
    },
  })
  registerCrisisMetrics(registry, sql)
  return { registry, httpDuration, socketConnections, socketRejections }
}
export type Metrics = ReturnType<typeof createMetrics>

/** GET /metrics for Prometheus; any other method is a plain 405 naming the allowed ones (never the Remix handler). */
export function metricsRouter(metrics: Metrics) {
  const router = Router()
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType)
    res.send(await metrics.registry.metrics())
  })
  router.all('/metrics', (_req, res) => {
    res.setHeader('Allow', 'GET, HEAD')
    res.status(405).type('text/plain').send('Method Not Allowed')
  })
  return router
}
