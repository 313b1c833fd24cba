import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Sql } from '../../db/client.js'
import { createBenchMembers } from '../fixtures.js'
import { processUsage, startProcess, type BenchProcess } from '../processes.js'
import { getFreePort } from '../../scripts/local-services.js'
import { round, summarize } from '../stats.js'
import { coresBetween, sampleCpu } from '../cpu-usage.js'
import { nextRate, offeredAtFailingStep, ratioInterval, sustainedInterval } from '../step-rates.js'
import { settle, type Settled } from '../settle.js'
import { perMessage, sampleBackends } from '../round-trips.js'
import { Redis } from 'ioredis'
import { trace, traceFile, wallMs } from '../trace.js'

/**
 * Scenario 1: chat fan-out. N members in rooms of S, each room receiving messages at stepped rates, against
 * the platform (1 or 2 server processes behind the Redis adapter) and the bare Socket.IO server, in one run.
 * A step passes when every message reached every other member of its room (and, for the platform, is stored
 * exactly once) with p99 send→receive ≤ 100 ms. The highest passing step is the sustained rate.
 */
export interface ChatScenarioOptions {
  sql: Sql
  env: NodeJS.ProcessEnv
  clients: number
  roomSize: number
  rates: number[]
  durationSeconds: number
  processes: number
  loadProcesses: number
  /**
   * Keep doubling the rate after the last offered step passes, until a step fails, or halving it after the first
   * offered step fails, until a step passes, then bisect between the highest pass and the lowest failure until they
   * are within 15 % (bench/step-rates.ts), so each sustained rate, and the ratio, is measured rather than a bound.
   * Off in --smoke.
   */
  untilFailure?: boolean
  progress: (line: string) => void
}

interface StepResult {
  rate: number
  sent: number
  acked: number
  errors: number
  errorCodes: Record<string, number>
  sentPerSecond: number | null
  deliveredPerSecond: number | null
  completeness: number | null
  storedOnce: boolean | null
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  serverCpuMsPerDelivery: number | null
  /**
   * Cores busy during the step, by kind (1.0 = one core for the whole step): the server processes under test
   * (`server` or `bare-server`), `load` (the load clients), `postgres`, `redis`, `other` processes the bench started,
   * and `notBench` (the rest of the machine: other work, the kernel).
   */
  cores: Record<string, number>
  /** Redis calls and PostgreSQL transactions per sent message during the step (bench/round-trips.ts). */
  backends: ReturnType<typeof perMessage>
  /** The step's window on the monotonic clock V8's CPU profiles use (µs), to cut BENCH_CPU_PROF profiles to it. */
  monotonicUs: [number, number]
  /** The wait for the bench's processes to be back to idle before this step (../settle.ts); null for the first. */
  settledBefore: Settled | null
  passed: boolean
}

const P99_LIMIT_MS = 100
/** The warm-up's length: every member of a room sends once in it (not in --smoke, which keeps 2 s). */
const WARM_UP_SECONDS = 10
/** How long the idle cost (every member connected, no one sending) is sampled before the steps. */
const IDLE_SAMPLE_MS = 3000
/**
 * Before each step after the first, the bench's processes must be back to idle (../settle.ts): windows of
 * SETTLE_WINDOW_MS until one has them at most SETTLE_MARGIN_CORES above their idle figure (or SETTLE_MARGIN_CORES
 * under --smoke, which measures no idle figure), for at most SETTLE_MAX_MS (3 s under --smoke).
 */
const SETTLE_WINDOW_MS = 500
const SETTLE_MARGIN_CORES = 0.1
const SETTLE_MAX_MS = 20_000

/**
 * Connects and joins in flight at once, per load process, during set-up (bench/connect.ts): members arrive paced, and
 * each retries UNAVAILABLE with back-off as the browser does. 1,000 at once on two shared cores is a connect storm
 * whose joins outlast the server's 3 s request deadline (decision 025), which is not what the steps measure.
 */
export const CONNECT_CONCURRENCY = 25
/** The set-up of one load process: every client either connected or gave up (CONNECT_GIVE_UP_MS) by then. */
export const SETUP_TIMEOUT_MS = 300_000

export interface SetupReply {
  connected: number
  failed: number
  failures: Record<string, number>
  retries: Record<string, number>
  connectMs: number[]
}
export type Setup = ReturnType<typeof summarizeSetup>

const now = () => performance.now()

/** One load process's set-up or several: who connected, what was retried, connect-and-join times. */
export function summarizeSetup(replies: SetupReply[], elapsedMs: number) {
  const sum = (pick: (r: SetupReply) => Record<string, number>) => {
    const total: Record<string, number> = {}
    for (const r of replies) for (const [k, n] of Object.entries(pick(r))) total[k] = (total[k] ?? 0) + n
    return total
  }
  const times = summarize(replies.flatMap((r) => r.connectMs))
  return {
    connected: replies.reduce((s, r) => s + r.connected, 0),
    failed: replies.reduce((s, r) => s + r.failed, 0),
    failures: sum((r) => r.failures),
    retries: sum((r) => r.retries),
    connectP50Ms: round(times.p50, 1),
    connectP99Ms: round(times.p99, 1),
    elapsedMs: Math.round(elapsedMs),
  }
}

export function describeSetup(setup: Setup): string {
  const retried = Object.entries(setup.retries)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ')
  return (
    `${setup.connected} connected and joined in ${(setup.elapsedMs / 1000).toFixed(1)} s ` +
    `(connect+join p50 ${setup.connectP50Ms} ms, p99 ${setup.connectP99Ms} ms; retries: ${retried || 'none'})`
  )
}

export async function createRooms(sql: Sql, count: number): Promise<string[]> {
  const tag = randomBytes(3).toString('hex')
  const rows = await sql<{ id: string }[]>`
    insert into rooms ${sql(Array.from({ length: count }, (_, i) => ({ slug: `bench-${tag}-${i}`, title: `Bench ${i}`, language: 'en' })))}
    returning id`
  return rows.map((r) => r.id)
}

export async function joinMembers(
  sql: Sql,
  roomIds: string[],
  members: Array<{ accountId: string }>,
  roomSize: number,
) {
  const rows = members.map((m, i) => ({
    room_id: roomIds[Math.floor(i / roomSize)]!,
    account_id: m.accountId,
    pseudonym: `Bench ${i}`,
    rules_version_accepted: 1,
    rules_accepted_at: new Date(),
  }))
  for (let i = 0; i < rows.length; i += 500) await sql`insert into room_memberships ${sql(rows.slice(i, i + 500))}`
}

export function startLoadClients(count: number): ChildProcess[] {
  return Array.from({ length: count }, () =>
    fork(path.resolve('bench/load-client.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
}

export function request<T>(child: ChildProcess, message: unknown, expect: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`load client did not answer ${expect} in time`)), timeoutMs)
    const onMessage = (reply: any) => {
      if (reply?.type !== expect) return
      clearTimeout(timer)
      child.off('message', onMessage)
      resolve(reply as T)
    }
    child.on('message', onMessage)
    child.send(message as object)
  })
}

async function runTarget(
  label: string,
  options: ChatScenarioOptions,
  target: {
    urls: string[]
    cookies: Array<string | undefined>
    roomIds: string[]
    serverPids: number[]
    /** Server processes of the other target, idle meanwhile (their CPU is reported apart). */
    otherServerPids?: number[]
    platform: boolean
  },
) {
  const { clients, roomSize } = options
  const loaders = startLoadClients(options.loadProcesses)
  const redis = new Redis(options.env.REDIS_URL!, { lazyConnect: true, maxRetriesPerRequest: 1 })
  const steps: StepResult[] = []
  let memoryPerConnectionBytes: number | null = null
  let setup: Setup | null = null
  let idleCores: Record<string, number> | null = null
  try {
    const rssBefore = (await Promise.all(target.serverPids.map(processUsage))).reduce((s, u) => s + u.rssBytes, 0)
    // Whole rooms per load process; members of a room spread over the server processes.
    const roomsPerLoader = Math.ceil(target.roomIds.length / loaders.length)
    const setupStarted = now()
    const ready = await Promise.all(
      loaders.map((loader, l) => {
        const members = []
        for (let r = l * roomsPerLoader; r < Math.min(target.roomIds.length, (l + 1) * roomsPerLoader); r++) {
          for (let k = 0; k < roomSize; k++) {
            const i = r * roomSize + k
            if (i >= clients) break
            const url = target.urls[i % target.urls.length]!
            members.push({ url, origin: url, cookie: target.cookies[i], roomId: target.roomIds[r]! })
          }
        }
        return request<SetupReply>(
          loader,
          { type: 'init', members, concurrency: CONNECT_CONCURRENCY },
          'ready',
          SETUP_TIMEOUT_MS,
        )
      }),
    )
    setup = summarizeSetup(ready, now() - setupStarted)
    options.progress(`chat: ${label}: ${describeSetup(setup)}`)
    if (setup.failed > 0)
      throw new Error(
        `${label}: ${setup.failed} clients could not connect and join (${JSON.stringify(setup.failures)})`,
      )
    const rssAfter = (await Promise.all(target.serverPids.map(processUsage))).reduce((s, u) => s + u.rssBytes, 0)
    memoryPerConnectionBytes = Math.round((rssAfter - rssBefore) / clients)

    // Warm-up, not measured: the first messages pay for JIT compilation and connection pools, and a socket's first
    // send reads what its later sends find in its send cache (room and membership, the sender's recent texts). So
    // every member sends once (senders rotate through the room), gently; otherwise the first step paid for the
    // 900 members the old 2 s warm-up never reached, two or three PostgreSQL reads each (docs/performance.md).
    options.progress(`chat: ${label}: warm-up`)
    const warmUpSeconds = options.untilFailure ? WARM_UP_SECONDS : 2
    const warmUpRate = options.untilFailure ? roomSize / WARM_UP_SECONDS : 1
    await Promise.all(
      loaders.map((loader) =>
        request(
          loader,
          { type: 'step', rate: warmUpRate, durationMs: warmUpSeconds * 1000, graceMs: 500 },
          'result',
          warmUpSeconds * 1000 + 60_000,
        ),
      ),
    )

    const offered = [...options.rates].sort((a, b) => a - b)
    const kinds = new Map<number, string>([
      ...target.serverPids.map((pid) => [pid, target.platform ? 'server' : 'bare-server'] as const),
      ...(target.otherServerPids ?? []).map((pid) => [pid, 'idle-server'] as const),
      ...loaders.map((l) => [l.pid!, 'load'] as const),
    ])
    // What the machine spends with every member connected and no one sending: the fixed cost under each step
    // (not in --smoke, which stays fast).
    if (options.untilFailure) {
      const idleBefore = await sampleCpu(kinds)
      await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS))
      idleCores = coresBetween(idleBefore, await sampleCpu(kinds))
    }
    // The bench's own processes' cores over one window (the rest of the machine is not ours to wait for).
    const benchCores = (cores: Record<string, number>) =>
      Object.entries(cores).reduce((sum, [kind, n]) => (kind === 'notBench' ? sum : sum + n), 0)
    const quietCores = (idleCores ? benchCores(idleCores) : 0) + SETTLE_MARGIN_CORES
    for (let rate = nextRate(steps, offered, options); rate !== undefined; rate = nextRate(steps, offered, options)) {
      let settledBefore: Settled | null = null
      if (steps.length > 0) {
        settledBefore = await settle({
          busyCores: async () => {
            const before = await sampleCpu(kinds)
            await new Promise((resolve) => setTimeout(resolve, SETTLE_WINDOW_MS))
            return benchCores(coresBetween(before, await sampleCpu(kinds)))
          },
          quietCores,
          maxMs: options.untilFailure ? SETTLE_MAX_MS : 3000,
        })
        if (!settledBefore.quiet)
          options.progress(
            `chat: ${label}: not back to idle after ${settledBefore.ms} ms (${settledBefore.windows.at(-1)} cores)`,
          )
      }
      options.progress(`chat: ${label}: ${rate} msg/s per room for ${options.durationSeconds}s`)
      const machineBefore = await sampleCpu(kinds)
      const backendsBefore = await sampleBackends(redis, options.sql)
      const fromUs = Number(process.hrtime.bigint() / 1000n)
      const cpuBefore = (await Promise.all(target.serverPids.map(processUsage))).reduce((s, u) => s + u.cpuMs, 0)
      const stepFrom = wallMs()
      const probes = traceFile ? startProbes(options.env.REDIS_URL!, options.sql) : null
      const results = await Promise.all(
        loaders.map((loader) =>
          request<any>(
            loader,
            { type: 'step', rate, durationMs: options.durationSeconds * 1000, graceMs: 1500 },
            'result',
            options.durationSeconds * 1000 + 60_000,
          ),
        ),
      )
      const cpuAfter = (await Promise.all(target.serverPids.map(processUsage))).reduce((s, u) => s + u.cpuMs, 0)
      const toUs = Number(process.hrtime.bigint() / 1000n)
      const cores = coresBetween(machineBefore, await sampleCpu(kinds))
      const backendsAfter = await sampleBackends(redis, options.sql)
      const sent = results.reduce((s, r) => s + r.sent, 0)
      const acked = results.reduce((s, r) => s + r.acked, 0)
      const errors = results.reduce((s, r) => s + r.errors, 0)
      const errorCodes: Record<string, number> = {}
      for (const r of results)
        for (const [code, n] of Object.entries(r.errorCodes as Record<string, number>))
          errorCodes[code] = (errorCodes[code] ?? 0) + n
      const deliveries = results.reduce((s, r) => s + r.deliveries, 0)
      const expected = results.reduce((s, r) => s + r.expectedDeliveries, 0)
      const elapsedS = Math.max(...results.map((r) => r.elapsedMs)) / 1000
      const latency = summarize(results.flatMap((r) => r.latencies))
      let storedOnce: boolean | null = null
      if (target.platform) {
        const ids: string[] = results.flatMap((r) => r.clientIds)
        const [row] = await options.sql<{ stored: number; distinct: number }[]>`
          select count(*)::int as stored, count(distinct client_id)::int as distinct from messages where client_id = any(${ids}::uuid[])`
        storedOnce = row!.stored === ids.length && row!.distinct === ids.length
      }
      const completeness = expected > 0 ? deliveries / expected : null
      const passed = errors === 0 && completeness === 1 && (storedOnce ?? true) && latency.p99 <= P99_LIMIT_MS
      await probes?.stop()
      trace('step', { label, rate, from: stepFrom, to: wallMs(), passed, p99Ms: round(latency.p99, 1) })
      steps.push({
        rate,
        sent,
        acked,
        errors,
        errorCodes,
        sentPerSecond: round(sent / elapsedS, 1),
        deliveredPerSecond: round(deliveries / elapsedS, 1),
        completeness: completeness === null ? null : round(completeness, 4),
        storedOnce,
        p50Ms: round(latency.p50, 1),
        p95Ms: round(latency.p95, 1),
        p99Ms: round(latency.p99, 1),
        serverCpuMsPerDelivery: deliveries > 0 ? round((cpuAfter - cpuBefore) / deliveries, 4) : null,
        cores,
        backends: perMessage(backendsBefore, backendsAfter, sent),
        monotonicUs: [fromUs, toUs],
        settledBefore,
        passed,
      })
    }
  } finally {
    redis.disconnect()
    for (const loader of loaders) {
      loader.send({ type: 'close' })
      loader.kill('SIGTERM')
    }
  }
  const sustained = steps.filter((s) => s.passed).sort((a, b) => b.rate - a.rate)[0] ?? null
  const interval = sustainedInterval(steps)
  return {
    label,
    steps,
    sustainedRatePerRoom: sustained?.rate ?? 0,
    /** The lowest failing rate above the sustained one (null: none failed): the sustained rate lies in between. */
    firstFailedRatePerRoom: interval.failed,
    /** Delivered/s that failing step offered: the sustained throughput lies between this and the sustained step's. */
    firstFailedOfferedPerSecond: offeredAtFailingStep(sustained, interval.failed),
    sustainedDeliveredPerSecond: sustained?.deliveredPerSecond ?? 0,
    /** False: every offered step passed, so the sustained rate is only a lower bound. */
    topStepFailed: steps.some((s) => !s.passed && s.rate > (sustained?.rate ?? 0)),
    /** Server CPU (user + system, all server processes) per delivered message at the sustained step, in ms. */
    cpuMsPerDeliveryAtSustained: sustained?.serverCpuMsPerDelivery ?? null,
    memoryPerConnectionBytes,
    /** Cores busy, by kind as in a step's `cores`, over IDLE_SAMPLE_MS with every member connected and none sending. */
    idleCores,
    setup,
  }
}

/**
 * Under BENCH_TRACE: round trips to Redis (PING, every 20 ms) and PostgreSQL (`select 1`, every 50 ms) from a
 * connection of their own during a step, each one over 10 ms traced with when it was sent: a backend that stalls
 * shows here whatever the servers were doing. And PostgreSQL's transactions per 500 ms (`pg-xacts`).
 */
function startProbes(redisUrl: string, sql: Sql) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
  let running = true
  const probe = async (kind: string, everyMs: number, run: () => Promise<unknown>) => {
    while (running) {
      const at = wallMs()
      await run().catch(() => {})
      const ms = wallMs() - at
      if (ms > 10) trace(kind, { at: round(at, 1), ms: round(ms, 1) })
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - ms)))
    }
  }
  // PostgreSQL's committed and rolled-back transactions, counted each 500 ms (its statistics lag up to a second).
  let xacts: number | null = null
  const countXacts = async () => {
    const [row] = await sql<{ n: string }[]>`
      select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()`
    const n = Number(row?.n ?? 0)
    if (xacts !== null) trace('pg-xacts', { n: n - xacts })
    xacts = n
  }
  const done = Promise.all([
    probe('probe-redis', 20, () => redis.ping()),
    probe('probe-pg', 50, () => sql`select 1`),
    probe('pg-count', 500, countXacts),
  ])
  return {
    stop: async () => {
      running = false
      await done
      redis.disconnect()
    },
  }
}

export async function runChatScenario(options: ChatScenarioOptions) {
  const roomCount = Math.ceil(options.clients / options.roomSize)
  const roomIds = await createRooms(options.sql, roomCount)
  const members = await createBenchMembers(options.sql, options.clients)
  await joinMembers(options.sql, roomIds, members, options.roomSize)

  const servers: BenchProcess[] = []
  let bare: BenchProcess | null = null
  try {
    for (let p = 0; p < options.processes; p++) {
      const port = await getFreePort()
      const url = `http://127.0.0.1:${port}`
      servers.push(
        await startProcess(
          'server/index.ts',
          { ...options.env, PORT: String(port), LOG_LEVEL: 'info' },
          /server listening/,
        ),
      )
      ;(servers.at(-1) as BenchProcess & { url?: string }).url = url
    }
    const urls = servers.map((s) => (s as BenchProcess & { url?: string }).url!)
    const platform = await runTarget(`platform ×${options.processes}`, options, {
      urls,
      cookies: members.map((m) => m.cookie),
      roomIds,
      serverPids: servers.map((s) => s.child.pid!),
      platform: true,
    })
    const barePorts: BenchProcess[] = []
    for (let p = 0; p < options.processes; p++) {
      barePorts.push(
        await startProcess(
          'bench/bare-server.ts',
          { ...options.env, PORT: '0', REDIS_PREFIX: `${options.env.REDIS_PREFIX}bare` },
          /listening (\d+)/,
        ),
      )
    }
    bare = barePorts[0]!
    const bareTarget = await runTarget(`bare Socket.IO ×${options.processes}`, options, {
      urls: barePorts.map((b) => `http://127.0.0.1:${(b as BenchProcess & { match: RegExpMatchArray }).match[1]}`),
      cookies: [],
      roomIds: roomIds.map((id) => `bare-${id}`),
      serverPids: barePorts.map((b) => b.child.pid!),
      otherServerPids: servers.map((s) => s.child.pid!),
      platform: false,
    })
    for (const b of barePorts.slice(1)) await b.stop()
    return {
      processes: options.processes,
      clients: options.clients,
      roomSize: options.roomSize,
      platform,
      bare: bareTarget,
      ratio:
        bareTarget.sustainedDeliveredPerSecond > 0
          ? round(platform.sustainedDeliveredPerSecond / bareTarget.sustainedDeliveredPerSecond, 3)
          : null,
      /**
       * What the ratio can be, given that each sustained rate is only known to lie between its highest passing and
       * lowest failing step: [platform's passing / bare's failing, platform's failing / bare's passing] delivered/s.
       */
      ratioInterval: ratioInterval(platform, bareTarget),
      /** Measured only when both passed a step and both tops failed; otherwise the ratio is a bound or unknown. */
      ratioMeasured:
        platform.topStepFailed &&
        bareTarget.topStepFailed &&
        platform.sustainedRatePerRoom > 0 &&
        bareTarget.sustainedRatePerRoom > 0,
    }
  } finally {
    for (const s of servers) await s.stop()
    await bare?.stop()
  }
}
