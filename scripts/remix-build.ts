import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** True when `<cwd>/build/index.js` is missing or older than a file under `<cwd>/app` or the Remix config. */
export function remixBuildIsStale(cwd = '.'): boolean {
  const built = path.join(cwd, 'build/index.js')
  if (!existsSync(built)) return true
  const builtAt = statSync(built).mtimeMs
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const full = path.join(dir, entry.name)
      return Math.max(max, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs)
    }, 0)
  return Math.max(newest(path.join(cwd, 'app')), statSync(path.join(cwd, 'remix.config.js')).mtimeMs) > builtAt
}

/**
 * Build the Remix app in `cwd` unless its build is up to date. Always a production build: it runs under any
 * NODE_ENV (a development build needs React's development runtime). Skipping a fresh build also keeps a running
 * server's assets in place (rebuilding renames them).
 */
export function ensureRemixBuild(cwd = '.', log: (line: string) => void = () => {}): void {
  if (!remixBuildIsStale(cwd)) return
  log(`building the web app${cwd === '.' ? '' : ` in ${cwd}`}…`)
  const build = spawnSync('npx', ['remix', 'build'], { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  if (build.status !== 0) throw new Error(`remix build failed${cwd === '.' ? '' : ` in ${cwd}`}`)
}
