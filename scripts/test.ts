/**
 * `npm test`: the whole suite — unit, integration against real PostgreSQL and Redis, and browser
 * tests in Debian's Chromium. Installs what a Debian machine lacks when it can (as root, with apt),
 * or says in one line what to install. Extra arguments go to Vitest (e.g. `npm test -- core/identity`).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { ensureRedisServer, LocalServiceError } from './local-services.js'

const say = (line: string) => console.log(`[holdspace test] ${line}`)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function ensureChromium() {
  if (existsSync(CHROMIUM)) return
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0
  if (isRoot && hasApt) {
    say('chromium is missing: installing Debian package chromium (apt-get)…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env })
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env })
    if (existsSync(CHROMIUM)) return
  }
  throw new LocalServiceError('chromium is not installed: run `sudo apt-get install chromium` (or set CHROMIUM_PATH)')
}

function run(cmd: string, args: string[], nodeEnv = 'test'): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: nodeEnv } as NodeJS.ProcessEnv,
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

try {
  if (!process.env.REDIS_URL) ensureRedisServer(say)
  ensureChromium()
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
say('building the web app…')
// A production build, as deployed: it runs under any NODE_ENV (the bench smoke test starts servers in production).
const built = await run('npx', ['remix', 'build'], 'production')
if (built !== 0) process.exit(built)
const args = process.argv.slice(2)
if (args.length > 0) process.exit(await run('npx', ['vitest', 'run', ...args]))
// The benchmark's smoke test loads the machine on purpose (servers, load clients, autocannon): it runs on its own
// after the rest, so it cannot starve the browser tests of CPU.
const rest = await run('npx', ['vitest', 'run', '--exclude', 'bench/bench.test.ts'])
const bench = await run('npx', ['vitest', 'run', 'bench/bench.test.ts'])
process.exit(rest !== 0 ? rest : bench)
