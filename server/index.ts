import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { ConfigError, loadConfig } from '../core/config/config.js'
import { createCoreDeps } from '../core/runtime.js'
import { createServerApp } from './app.js'
import { startCrisisAlarms } from './crisis-alarms.js'

export async function loadRemixBuild(buildPath = path.resolve('build/index.js')): Promise<ServerBuild> {
  try {
    return (await import(pathToFileURL(buildPath).href)) as ServerBuild
  } catch {
    throw new Error(`No Remix build at ${buildPath}: run \`npm run build\` first`)
  }
}

/** The server process: one port for pages, assets, health, metrics and Socket.IO. */
export async function startServer(config = loadConfig()) {
  const deps = createCoreDeps(config, 'holdspace-server')
  const build = await loadRemixBuild()
  const app = createServerApp(deps, { build })
  await new Promise<void>((resolve) => app.httpServer.listen(config.PORT, config.HOST, resolve))
  deps.log.info({ port: config.PORT }, 'server listening')
  const crisisAlarms = startCrisisAlarms(deps)
  let closing: Promise<void> | null = null
  const stop = () =>
    (closing ??= (async () => {
      deps.log.info('server stopping')
      await crisisAlarms.stop()
      await app.close()
      await deps.close()
    })())
  return { app, deps, stop }
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (isMain) {
  try {
    const running = await startServer()
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        const force = setTimeout(() => process.exit(1), 10_000)
        force.unref()
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        )
      })
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : `holdspace-server failed to start: ${(error as Error).message}`)
    process.exit(1)
  }
}
