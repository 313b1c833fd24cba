/**
 * One production build of the Remix app in the current folder, run by scripts/remix-build.ts in its own process.
 *
 * Not `remix build`: that CLI calls process.exit() the moment the compiler resolves, without disposing the compiler's
 * three esbuild contexts (CSS, browser, server; each with plugins whose callbacks run in this process). esbuild's
 * service then sees its stdin close while it still holds those contexts; when a plugin request is in flight at that
 * moment it can never be answered, and Go prints "fatal error: all goroutines are asleep - deadlock!" with a page of
 * goroutine stacks. Here the contexts are disposed first and the process ends on its own, so esbuild shuts down idle.
 * Plain JavaScript on purpose: under tsx, the loader's own esbuild service would run beside the compiler's.
 */
import { createRequire } from 'node:module'
import { mkdirSync, rmSync } from 'node:fs'

const require = createRequire(import.meta.url)
// @remix-run/dev is pinned (2.17.5) and has no exports map: these are the modules `remix build` itself uses.
const { readConfig } = require('@remix-run/dev/dist/config.js')
const { create } = require('@remix-run/dev/dist/compiler/compiler.js')
const { createFileWatchCache } = require('@remix-run/dev/dist/compiler/fileWatchCache.js')
const { logger } = require('@remix-run/dev/dist/tux/logger.js')

const config = await readConfig(process.cwd())
const ctx = (conf) => ({
  config: conf,
  options: { mode: 'production', sourcemap: false },
  fileWatchCache: createFileWatchCache(),
  logger,
})

if (process.argv.includes('--watch')) {
  // `npm run dev`: rebuild on every change under app/ (and core/, which the server bundle includes); one line each.
  // The server process restarts when build/version.txt changes (scripts/dev.ts).
  const { watch } = require('@remix-run/dev/dist/compiler/watch.js')
  const withCore = async (root) => Object.assign(await readConfig(root), { watchPaths: ['core'] })
  const stop = await watch(ctx(await withCore(process.cwd())), {
    reloadConfig: withCore,
    onBuildFinish: (_ctx, ms, ok) =>
      console.log(ok ? `built in ${ms} ms` : 'build failed (the error is above); waiting for the next change'),
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stop().then(() => process.exit(0)))
} else {
  await buildOnce()
}

async function buildOnce() {
  rmSync(config.assetsBuildDirectory, { recursive: true, force: true }) // as `remix build` does: no stale assets
  mkdirSync(config.assetsBuildDirectory, { recursive: true })
  const compiler = await create(ctx(config))
  try {
    await compiler.compile()
  } catch (error) {
    // Remix's own message for a compile error (a syntax error names the file and line); never a stack of ours.
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  } finally {
    await compiler.dispose()
  }
}
