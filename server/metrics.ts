import { createServer } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import client from 'prom-client'
import type { Sql } from '../db/client.js'
import type { CoreDeps } from '../core/deps.js'
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
  const httpInFlight = new client.Gauge({
    name: 'holdspace_http_requests_in_flight',
    help: 'HTTP requests on the public port not yet answered (a draining server waits for them)',
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
  return { registry, httpDuration, httpInFlight, socketConnections, socketRejections }
}
export type Metrics = ReturnType<typeof createMetrics>

/** True when the request carries `Authorization: Bearer <token>` (or no token is configured). */
export function bearerAccepted(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '')
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/**
 * The metrics listener, separate from the public port (decision 035): GET /metrics for Prometheus, with
 * `Authorization: Bearer $METRICS_TOKEN` when it is set (401 otherwise); any other method is a plain 405 naming the
 * allowed ones, any other path a 404. `port` 0 picks a free one; the bound port is returned.
 */
export async function startMetricsServer(
  deps: Pick<CoreDeps, 'config'>,
  metrics: Metrics,
  port = deps.config.METRICS_PORT,
): Promise<{ port: number; close: () => Promise<void> }> {
  const token = deps.config.METRICS_TOKEN
  const server = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/metrics')
      return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found')
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method Not Allowed')
    if (!bearerAccepted(req.headers.authorization, token)) {
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
    server.listen(port, deps.config.HOST, () => resolve())
  })
  const bound = (server.address() as AddressInfo).port
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
