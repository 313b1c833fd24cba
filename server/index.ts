import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { ConfigError, loadConfig } from '../core/config/config.js'
import { createCoreDeps } from '../core/runtime.js'
import { warmDatabase, warmSendPath } from '../core/composition/warm.js'
import { createServerApp, type ServerApp } from './app.js'
import type { CoreDeps } from '../core/deps.js'
import { startCrisisAlarms } from './crisis-alarms.js'
import { startMetricsServer } from './metrics.js'

export async function loadRemixBuild(buildPath = path.resolve('build/index.js')): Promise<ServerBuild> {
  try {
    return (await import(pathToFileURL(buildPath).href)) as ServerBuild
  } catch {
    throw new Error(`No Remix build at ${buildPath}: run \`npm run build\` first`)
  }
}

/** The server process: one public port for pages, assets, health and Socket.IO; metrics on METRICS_PORT (decision 035). */
export async function startServer(config = loadConfig()) {
  const deps = createCoreDeps(config, 'holdspace-server')
  const build = await loadRemixBuild()
  const app = createServerApp(deps, { build })
  // Before the port opens: the first message at risk after a start is not the one that compiles the screens (decision 051).
  deps.log.info({ ms: Math.round(warmSendPath().ms) }, 'send path warmed')
  // Every pooled connection open, with the send path's statements prepared, before the first send (decision 064); a
  // database that cannot be reached now is warmed in the background once it can, and the server starts all the same.
  await warmDatabase(deps).then(
    (report) =>
      deps.log.info({ connections: report.backends.length, ms: Math.round(report.ms) }, 'database pool warmed'),
    () => {},
  )
  await new Promise<void>((resolve) => app.httpServer.listen(config.PORT, config.HOST, resolve))
  deps.log.info({ port: config.PORT }, 'server listening')
  // Metrics are not worth refusing pages over: a port already taken is logged and the server runs on without them.
  const metricsServer = await startMetricsServer(deps, app.metrics).then(
    (started) => {
      deps.log.info({ port: started.port }, 'metrics listening')
      return started
    },
    (error: Error) => {
      deps.log.error({ port: config.METRICS_PORT, err: { message: error.message } }, 'metrics listener failed')
      return null
    },
  )
  const crisisAlarms = startCrisisAlarms(deps)
  let closing: Promise<void> | null = null
  const stop = () =>
    (closing ??= (async () => {
      deps.log.info('server stopping')
      await drain(app, deps.log, config.DRAIN_TIMEOUT_MS)
      await crisisAlarms.stop()
      await metricsServer?.close()
      await app.close()
      await deps.close()
    })())
  return { app, deps, stop, metricsPort: metricsServer?.port ?? null }
}

/**
 * Graceful drain: readiness answers 503 at once (the load balancer stops sending), sockets get `server:draining`
 * (the browser reconnects elsewhere), the listener stops taking new connections once in-flight requests have
 * finished, bounded by DRAIN_TIMEOUT_MS; what is still open then is cut by app.close().
 */
async function drain(app: ServerApp, log: CoreDeps['log'], timeoutMs: number) {
  app.startDrain()
  log.info({ inFlight: app.inFlight(), timeoutMs }, 'server draining')
  const deadline = Date.now() + timeoutMs
  // Wait for this server's requests to finish: a poll, since requests have no shared "all done" event.
  while (app.inFlight() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
  app.httpServer.close()
  app.httpServer.closeIdleConnections()
  if (app.inFlight() > 0) log.warn({ inFlight: app.inFlight() }, 'drain timeout: cutting requests still in flight')
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (isMain) {
  try {
    const running = await startServer()
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        const force = setTimeout(() => process.exit(1), running.deps.config.DRAIN_TIMEOUT_MS + 10_000)
        force.unref()
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        )
      })
    }
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : `holdspace-server failed to start: ${(error as Error).message}`,
    )
    process.exit(1)
  }
}
