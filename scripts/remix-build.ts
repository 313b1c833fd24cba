import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const COMPILE_SCRIPT = fileURLToPath(new URL('./remix-compile.mjs', import.meta.url))

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
  withBuildLock(cwd, () => {
    if (!remixBuildIsStale(cwd)) return // another process built it while we waited
    log(`building the web app${cwd === '.' ? '' : ` in ${cwd}`}…`)
    // scripts/remix-compile.mjs, not `remix build`: it disposes esbuild before exiting (see there), so a build
    // prints nothing but its errors.
    const build = spawnSync(process.execPath, [COMPILE_SCRIPT], {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    if (build.status !== 0) throw new Error(`remix build failed${cwd === '.' ? '' : ` in ${cwd}`}`)
  })
}

/**
 * Two builds into the same folder at once (two test runs side by side) would leave a mix of both. A lock
 * folder serializes them; a lock whose process is gone is taken over.
 */
function withBuildLock(cwd: string, build: () => void) {
  const lock = path.join(cwd, '.data/remix-build.lock')
  mkdirSync(path.dirname(lock), { recursive: true })
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (;;) {
    try {
      mkdirSync(lock)
      writeFileSync(path.join(lock, 'pid'), String(process.pid))
      break
    } catch {
      let holder = Number.NaN
      try {
        holder = Number(readFileSync(path.join(lock, 'pid'), 'utf8'))
      } catch {
        /* being written or removed */
      }
      const abandoned = Number.isInteger(holder) ? !processIsAlive(holder) : lockAgeMs(lock) > 60_000
      if (abandoned) rmSync(lock, { recursive: true, force: true })
      else Atomics.wait(pause, 0, 0, 250)
    }
  }
  try {
    build()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function lockAgeMs(lock: string) {
  try {
    return Date.now() - statSync(lock).mtimeMs
  } catch {
    return 0
  }
}

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureRemixBuild('.', console.log)
