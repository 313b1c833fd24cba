/**
 * `npm run bench`: runs the real platform and bare references side by side on this machine and reports
 * ratios, so a noisy machine cannot fool us. Starts its own PostgreSQL and redis-server unless
 * DATABASE_URL / REDIS_URL are given, stops everything it started, writes bench/results/<timestamp>.json and
 * bench/results/latest.json, and prints a summary table. Speeds are reported, never asserted.
 *
 * Options: --smoke (seconds, tiny sizes) --clients N --room-size N --rate a,b,c (messages/s per room, steps)
 *          --duration S (seconds per step) --processes 1,2 --scenarios chat,crisis,screening,pages --out DIR
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { createSql } from '../db/client.js'
import { migrate } from '../db/migrate.js'
import { seed } from '../db/seed.js'
import { ensureRemixBuild } from '../scripts/remix-build.js'
import { getFreePort, startEmbeddedPostgres, startRedis, type RunningService } from '../scripts/local-services.js'
import { createBenchMembers } from './fixtures.js'
import { probeMachineSpeed, type MachineSpeed } from './machine-speed.js'
import { prioritizeBenchGroups, startProcess, type BenchProcess } from './processes.js'
import { runChatScenario } from './scenarios/chat.js'
import { runCrisisScenario } from './scenarios/crisis.js'
import { runPages } from './scenarios/pages.js'
import { runScreeningAsServer } from './scenarios/screening.js'
import { table } from './stats.js'

/** The machine's one-thread speed just before and just after each scenario, by scenario. */
type MachineSpeedByScenario = Record<string, { before: MachineSpeed; after: MachineSpeed }>

export interface BenchOptions {
  smoke: boolean
  clients: number
  roomSize: number
  rates: number[]
  durationSeconds: number
  processes: number[]
  scenarios: string[]
  outDir: string
}

export function parseOptions(argv: string[]): BenchOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const smoke = argv.includes('--smoke')
  const num = (name: string, fallback: number) => {
    const raw = get(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`)
    return n
  }
  const list = (name: string, fallback: number[]) =>
    get(name)
      ?.split(',')
      .map(Number)
      .filter((n) => n > 0) ?? fallback
  return {
    smoke,
    clients: num('clients', smoke ? 20 : 1000),
    roomSize: num('room-size', smoke ? 5 : 20),
    rates: list('rate', smoke ? [1] : [1, 2, 4, 8, 16, 32]),
    durationSeconds: num('duration', smoke ? 2 : 6),
    processes: list('processes', smoke ? [1] : [1, 2]),
    scenarios: get('scenarios')?.split(',') ?? ['chat', 'crisis', 'screening', 'pages'],
    outDir: path.resolve(get('out') ?? 'bench/results'),
  }
}

const say = (line: string) => console.log(`[bench] ${line}`)

async function main() {
  const options = parseOptions(process.argv.slice(2))
  const started: RunningService[] = []
  const processes: BenchProcess[] = []
  const startedAt = new Date()
  const dataDir = path.resolve('.data/bench', `run-${process.pid}`)
  const results: Record<string, unknown> = {}
  /** bench/machine-speed.ts */
  const machineSpeed: MachineSpeedByScenario = {}
  const probed = async <T>(scenario: string, run: () => Promise<T>): Promise<T> => {
    const before = probeMachineSpeed()
    const result = await run()
    machineSpeed[scenario] = { before, after: probeMachineSpeed() }
    return result
  }
  const prioritizing = prioritizeBenchGroups()
  try {
    let adminUrl = process.env.DATABASE_URL
    if (!adminUrl) {
      say('starting embedded PostgreSQL…')
      // WAL flush times are kept (pg_stat_wal), so a report says what a commit waited for the disk.
      const pg = await startEmbeddedPostgres({ dataDir, database: 'postgres', settings: ['track_wal_io_timing=on'] })
      started.push(pg)
      adminUrl = pg.url
    }
    let redisUrl = process.env.REDIS_URL
    if (!redisUrl) {
      say('starting redis-server…')
      const redis = await startRedis({ dataDir, persist: true })
      started.push(redis)
      redisUrl = redis.url
    }
    const dbName = `hs_bench_${Date.now()}`
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database "${dbName}"`)
    const dbUrl = new URL(adminUrl)
    dbUrl.pathname = `/${dbName}`
    const sql = createSql(dbUrl.toString(), { max: 4 })
    await migrate(sql)
    await seed(sql)

    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `b${randomBytes(3).toString('hex')}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      NOTES_KEY: randomBytes(32).toString('base64'),
      SECURE_COOKIES: 'false',
      LOG_LEVEL: 'warn',
      SMTP_URL: 'smtp://127.0.0.1:9',
      // The product's per-member and per-room send limits would cap the steps; the bench measures capacity.
      CHAT_RATE_LIMIT_MEMBER: '100000/10',
      CHAT_RATE_LIMIT_ROOM: '100000/10',
    }

    if (options.scenarios.includes('chat')) {
      const chat = []
      for (const processes of options.processes) {
        say(
          `scenario 1: chat fan-out, ${options.clients} members in rooms of ${options.roomSize}, ${processes} server process(es)`,
        )
        chat.push(
          await probed(`chat ×${processes}`, () =>
            runChatScenario({
              sql,
              env,
              processes,
              clients: options.clients,
              roomSize: options.roomSize,
              rates: options.rates,
              durationSeconds: options.durationSeconds,
              loadProcesses: options.smoke ? 1 : 2,
              untilFailure: !options.smoke,
              progress: say,
            }),
          ),
        )
      }
      results.chat = chat
    }

    if (options.scenarios.includes('crisis')) {
      const chatRuns =
        (results.chat as Array<{ processes: number; platform: { sustainedRatePerRoom: number } }> | undefined) ?? []
      const sustained = chatRuns.find((r) => r.processes === 1)?.platform.sustainedRatePerRoom ?? options.rates[0]!
      const backgroundRate = sustained > 0 ? sustained / 2 : 0.5
      say(`scenario 2: crisis paging while chat runs at ${backgroundRate} msg/s per room (half the sustained rate)`)
      results.crisis = await probed('crisis', () =>
        runCrisisScenario({
          sql,
          env,
          backgroundRatePerRoom: backgroundRate,
          backgroundClients: options.clients,
          roomSize: options.roomSize,
          pages: options.smoke ? 3 : 100,
          // The full run's sampling window stays about 11 s after the 5 s warm-up.
          durationSeconds: options.smoke ? 3 : 18,
          warmUpMs: options.smoke ? 1_000 : 5_000,
          progress: say,
        }),
      )
    }

    if (options.scenarios.includes('screening')) {
      say('scenario 3: screening cost')
      results.screening = await probed('screening', () =>
        runScreeningAsServer({ iterations: options.smoke ? 1 : 20, progress: say }),
      )
    }

    if (options.scenarios.includes('pages')) {
      // Build only what is missing or older than its sources: rebuilding the app under a running test
      // suite would swap the assets out from under its browser tests.
      for (const cwd of ['.', 'bench/bare-remix']) ensureRemixBuild(cwd, say)
      const port = await getFreePort()
      const server = await startProcess(
        'server/index.ts',
        { ...env, PORT: String(port), LOG_LEVEL: 'info' },
        /server listening/,
      )
      processes.push(server)
      const [member] = await createBenchMembers(sql, 1)
      // The chat scenarios' rooms are topic rooms too: the bare page lists as many as /rooms does.
      const [{ rooms }] = await sql<{ rooms: number }[]>`select count(*)::int as rooms from rooms where kind = 'topic'`
      say(`scenario 4: pages (${rooms} rooms listed on both pages)`)
      results.pages = await probed('pages', () =>
        runPages({
          rooms,
          onFailure: () => console.error(server.output().slice(-3000)),
          platformUrl: `http://127.0.0.1:${port}`,
          cookie: member!.cookie,
          durationSeconds: options.smoke ? 1 : 10,
          connections: options.smoke ? 2 : 10,
          progress: say,
        }),
      )
      await server.stop()
    }

    await sql.end()
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`)
    await admin.end()
  } finally {
    if (prioritizing) clearInterval(prioritizing)
    for (const p of processes) await p.stop().catch(() => {})
    for (const s of started.reverse()) await s.stop().catch(() => {})
  }

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      /** BENCH_AUTOGROUP_NICE, when the bench's scheduling groups were given priority (bench/processes.ts). */
      benchAutogroupNice: process.env.BENCH_AUTOGROUP_NICE ?? null,
    },
    options,
    scenarios: results,
    machineSpeed,
  }
  const dir = options.outDir
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(file, JSON.stringify(report, null, 2))
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(report, null, 2))
  printSummary(report)
  say(
    `results: ${path.relative(process.cwd(), file)} and ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`,
  )
  return report
}

function printSummary(report: { scenarios: Record<string, any>; machineSpeed: MachineSpeedByScenario }) {
  const s = report.scenarios
  for (const run of s.chat ?? []) {
    console.log(
      `\nChat fan-out, ${run.clients} members in rooms of ${run.roomSize}, ${run.processes} server process(es):`,
    )
    const rows = []
    for (const target of [run.platform, run.bare]) {
      for (const step of target.steps) {
        rows.push({
          target: target.label,
          'msg/s/room': step.rate,
          'sent/s': step.sentPerSecond,
          'delivered/s': step.deliveredPerSecond,
          complete: step.completeness,
          stored_once: step.storedOnce,
          p50_ms: step.p50Ms,
          p95_ms: step.p95Ms,
          p99_ms: step.p99Ms,
          'cpu_ms/delivery': step.serverCpuMsPerDelivery,
          // Cores busy during the step: server(s) under test / load clients / PostgreSQL / Redis / rest of machine.
          'cores srv/load/pg/redis/other': step.cores
            ? [
                step.cores.server ?? step.cores['bare-server'],
                step.cores.load,
                step.cores.postgres,
                step.cores.redis,
                step.cores.notBench,
              ]
                .map((n: number | undefined) => (n === undefined ? '–' : n.toFixed(2)))
                .join('/')
            : null,
          'redis calls/pg xacts per msg': step.backends
            ? `${step.backends.redisCalls ?? '–'}/${step.backends.pgTransactions ?? '–'}`
            : null,
          pass: step.passed ? 'yes' : 'no',
        })
      }
    }
    console.log(table(rows))
    for (const target of [run.platform, run.bare])
      console.log(
        `${target.label}: sustained ${target.sustainedRatePerRoom} msg/s per room` +
          (target.firstFailedRatePerRoom !== null
            ? `, first failing ${target.firstFailedRatePerRoom}`
            : ', none failed'),
      )
    console.log(
      `sustained delivered/s: platform ${run.platform.sustainedDeliveredPerSecond}, bare ${run.bare.sustainedDeliveredPerSecond}; ratio ${run.ratio}` +
        (run.ratioInterval ? ` (between ${run.ratioInterval[0]} and ${run.ratioInterval[1]})` : '') +
        (run.ratioMeasured
          ? ' (measured: both top steps failed)'
          : ' (not measured: a target passed every step or none; change --rate)'),
    )
    console.log(
      `server CPU per delivered message at the sustained step: platform ${run.platform.cpuMsPerDeliveryAtSustained} ms, bare ${run.bare.cpuMsPerDeliveryAtSustained} ms`,
    )
    console.log(
      `server memory per connection: platform ${run.platform.memoryPerConnectionBytes} B, bare ${run.bare.memoryPerConnectionBytes} B`,
    )
    const idle = (cores: Record<string, number> | null) =>
      cores
        ? Object.entries(cores)
            .map(([kind, n]) => `${kind} ${n}`)
            .join(', ')
        : '–'
    console.log(
      `cores busy with no one sending: platform: ${idle(run.platform.idleCores)}; bare: ${idle(run.bare.idleCores)}`,
    )
  }
  if (s.crisis) {
    console.log(
      `\nCrisis paging while chat runs at ${s.crisis.backgroundRatePerRoom} msg/s per room (${s.crisis.backgroundDeliveredPerSecond} delivered/s):`,
    )
    console.log(
      table([
        {
          path: 'platform: send → clinician console',
          samples: s.crisis.platform.paged,
          p50_ms: s.crisis.platform.pageP50Ms,
          p99_ms: s.crisis.platform.pageP99Ms,
          target_p99_ms: 100,
        },
        {
          path: 'platform: send → crisis card (first of its event and the ack)',
          samples: s.crisis.platform.cards,
          p50_ms: s.crisis.platform.cardP50Ms,
          p99_ms: s.crisis.platform.cardP99Ms,
          target_p99_ms: 50,
        },
        {
          path: 'platform: send → the ack alone (carries the card too)',
          samples: s.crisis.platform.cards,
          p50_ms: s.crisis.platform.cardAckP50Ms,
          p99_ms: s.crisis.platform.cardAckP99Ms,
          target_p99_ms: null,
        },
        {
          path: 'bare: socket → queue → worker → socket',
          samples: s.crisis.bare.paged,
          p50_ms: s.crisis.bare.pageP50Ms,
          p99_ms: s.crisis.bare.pageP99Ms,
          target_p99_ms: null,
        },
      ]),
    )
  }
  if (s.crisis?.backgroundDelivery) {
    // What a commit waited for: ordinary messages in the same window, and PostgreSQL's WAL flushes (the crisis
    // scenario runs at one of two speeds, docs/performance.md; a slow disk shows here, not in the cores).
    const { wal, backgroundDelivery } = s.crisis
    console.log(
      `ordinary messages meanwhile: p50 ${backgroundDelivery.p50Ms} ms, p99 ${backgroundDelivery.p99Ms} ms; ` +
        `PostgreSQL WAL flushes: ${wal?.syncs ?? '–'}, ` +
        `${wal?.meanSyncMs == null ? 'time not kept' : `${wal.meanSyncMs} ms each on average`}`,
    )
  }
  if (s.crisis?.sendOutcomes)
    console.log(
      `high-risk sends: ${Object.entries(s.crisis.sendOutcomes as Record<string, number>)
        .map(([outcome, n]) => `${n} ${outcome}`)
        .join(', ')}`,
    )
  if (s.screening) {
    console.log('\nScreening cost per message (µs):')
    console.log(table(s.screening.rows))
    console.log(`p99 target ≤ ${s.screening.targetP99Us} µs: ${s.screening.meetsTarget ? 'met' : 'NOT met'}`)
  }
  if (s.pages) {
    console.log('\nPages (autocannon):')
    console.log(
      table([
        {
          target: 'bare Remix page',
          rps: s.pages.bare.requestsPerSecond,
          p99_ms: s.pages.bare.p99Ms,
          non2xx: s.pages.bare.non2xx,
        },
        {
          target: 'platform /rooms',
          rps: s.pages.platform.requestsPerSecond,
          p99_ms: s.pages.platform.p99Ms,
          non2xx: s.pages.platform.non2xx,
        },
      ]),
    )
    console.log(`ratio platform/bare: ${s.pages.ratio}`)
  }
  const probes = Object.entries(report.machineSpeed)
  if (probes.length > 0) {
    // The same fixed one-thread workload before and after each scenario: a higher figure is a slower machine.
    console.log('\nMachine probe (ms per round of two fixed workloads, lower is faster; bench/machine-speed.ts):')
    console.log(
      table(
        probes.map(([scenario, { before, after }]) => ({
          scenario,
          sha256_before_ms: before.medianMs,
          sha256_after_ms: after.medianMs,
          mixed_before_ms: before.mixedMedianMs,
          mixed_after_ms: after.mixedMedianMs,
        })),
      ),
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`bench failed: ${(error as Error).message}`)
    process.exit(1)
  })
}
