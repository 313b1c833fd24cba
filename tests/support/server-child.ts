/**
 * A second, separate server process for tests that need one to die (SIGKILL): the real server app
 * (Express + Remix build + Socket.IO) configured from the environment, on port 0. Prints one JSON
 * line `{ "port": n, "metricsPort": m }` once it listens (metrics on a free port of their own).
 */
import type { AddressInfo } from 'node:net'
import { loadConfig } from '../../core/config/config.js'
import { createCoreDeps } from '../../core/runtime.js'
import { createServerApp } from '../../server/app.js'
import { loadRemixBuild } from '../../server/index.js'
import { startMetricsServer } from '../../server/metrics.js'

const deps = createCoreDeps(loadConfig(process.env), 'holdspace-test-child')
const app = createServerApp(deps, { build: await loadRemixBuild() })
const metrics = await startMetricsServer(deps, app.metrics, 0)
app.httpServer.listen(0, '127.0.0.1', () => {
  process.stdout.write(
    `${JSON.stringify({ port: (app.httpServer.address() as AddressInfo).port, metricsPort: metrics.port })}\n`,
  )
})
