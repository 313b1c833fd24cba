/**
 * Loaded before a server process's own code when BENCH_TRACE is set (bench/processes.ts adds `--import` for it):
 * records, into the bench's trace file (bench/trace.ts), what the process did and when, without changing the code
 * under test:
 *
 * - `interval`: every run of a periodic task (a setInterval of 1 s or longer: lease renewal, presence beat and
 *   sweep, crisis alarms…), named by where it was set up, with its synchronous time and, for a task that returns a
 *   promise, its time to settle;
 * - `pipeline`: every ioredis pipeline of more than 100 commands (the lease renewal is one), its length and time;
 * - `redis-slow`: per 100 ms, how many Redis commands this process sent, and how many took over 20 ms to answer
 *   (the event loop's own delay included: it is what a send waits);
 * - `lag`: every time a 10 ms ticker woke more than 10 ms late (the event loop was blocked or starved of CPU);
 * - `gc`: every garbage collection of 2 ms or more, with its kind;
 * - `second`: each second, the event loop delay's p99 and max and the process's CPU time.
 */
import { monitorEventLoopDelay, PerformanceObserver, constants } from 'node:perf_hooks'
import { Pipeline, Redis } from 'ioredis'
import { trace, wallMs } from './trace.js'

const nativeSetInterval = globalThis.setInterval

/** Where a setInterval was called: the first stack frame outside this file and Node's own modules. */
function callerOf(stack: string | undefined): string {
  for (const line of (stack ?? '').split('\n').slice(1)) {
    if (line.includes('trace-preload') || line.includes('node:')) continue
    const m = line.match(/\(?((?:file:\/\/)?[^()\s]+):(\d+):\d+\)?$/)
    if (m) return `${m[1]!.replace(/^.*\/(server|core|workers|bench|node_modules)\//, '$1/')}:${m[2]}`
  }
  return 'unknown'
}

globalThis.setInterval = function (callback: (...args: unknown[]) => unknown, ms?: number, ...args: unknown[]) {
  if (typeof callback !== 'function' || (ms ?? 0) < 1000) return nativeSetInterval(callback, ms, ...args)
  const label = callerOf(new Error().stack)
  const wrapped = (...a: unknown[]) => {
    const started = wallMs()
    const result = callback(...a)
    const syncMs = wallMs() - started
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(
        () => trace('interval', { label, at: started, syncMs: round(syncMs), asyncMs: round(wallMs() - started) }),
        () => trace('interval', { label, at: started, syncMs: round(syncMs), asyncMs: round(wallMs() - started) }),
      )
    else trace('interval', { label, at: started, syncMs: round(syncMs) })
  }
  return nativeSetInterval(wrapped, ms, ...args)
} as typeof setInterval

const round = (n: number) => Math.round(n * 10) / 10

// Pipelines: length and time to answer.
const exec = Pipeline.prototype.exec
Pipeline.prototype.exec = function (this: Pipeline, ...rest: unknown[]) {
  const length = (this as unknown as { _queue: unknown[] })._queue.length
  const started = wallMs()
  const result = (exec as (...a: unknown[]) => Promise<unknown>).apply(this, rest)
  if (length > 100) {
    const done = () => trace('pipeline', { at: started, length, ms: round(wallMs() - started) })
    result.then(done, done)
  }
  return result
} as typeof exec

// Redis commands: per 100 ms window, how many and how many were slow.
const WINDOW_MS = 100
let window = { from: 0, n: 0, slow: 0, max: 0 }
const closeWindow = () => {
  if (window.max > 20)
    trace('redis-slow', { at: window.from, n: window.n, slow: window.slow, maxMs: round(window.max) })
}
const sendCommand = Redis.prototype.sendCommand
Redis.prototype.sendCommand = function (this: Redis, command: { promise: Promise<unknown> }, ...rest: unknown[]) {
  const started = wallMs()
  const result = (sendCommand as (...a: unknown[]) => unknown).call(this, command, ...rest)
  const done = () => {
    const ms = wallMs() - started
    const from = Math.floor(started / WINDOW_MS) * WINDOW_MS
    if (from !== window.from) {
      closeWindow()
      window = { from, n: 0, slow: 0, max: 0 }
    }
    window.n++
    if (ms > 20) window.slow++
    if (ms > window.max) window.max = ms
  }
  command.promise?.then(done, done)
  return result
} as typeof sendCommand

// Event loop: wake-up lateness of a 10 ms ticker, and each second's delay histogram and CPU time.
let last = performance.now()
nativeSetInterval(() => {
  const now = performance.now()
  const late = now - last - 10
  last = now
  if (late > 10) trace('lag', { at: round(wallMs() - late), lateMs: round(late) })
}, 10).unref()

const delay = monitorEventLoopDelay({ resolution: 5 })
delay.enable()
let cpu = process.cpuUsage()
nativeSetInterval(() => {
  const now = process.cpuUsage()
  trace('second', {
    loopP99Ms: round(delay.percentile(99) / 1e6),
    loopMaxMs: round(delay.max / 1e6),
    cpuMs: round((now.user - cpu.user + now.system - cpu.system) / 1000),
  })
  cpu = now
  delay.reset()
}, 1000).unref()

const gcKinds: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration < 2) continue
    const kind = (entry as { detail?: { kind?: number } }).detail?.kind ?? -1
    trace('gc', {
      at: round(performance.timeOrigin + entry.startTime),
      ms: round(entry.duration),
      gcKind: gcKinds[kind] ?? kind,
    })
  }
}).observe({ entryTypes: ['gc'] })

trace('process', { argv: process.argv.slice(-1)[0] })

/**
 * `crisis-send` (the server only): each message the crisis step read as at risk, by its clientId: when the detect
 * step began and how long it took (the member's earlier messages read and the classifier), when the persist hook
 * began (after the group-commit queue, BEGIN, the room's seq and the message's insert) and how long the raise took,
 * which PostgreSQL backend ran the transaction (one `select pg_backend_pid()` pipelined beside the raise, the only
 * statement tracing adds) and whether it was that backend's first crisis transaction, when the commit was
 * announced and when the card step ran (just before the ack). Ids and timings only.
 */
if (/server\/index\.ts$/.test(process.argv.at(-1) ?? '')) {
  const { crisisSend } = await import('../core/crisis/crisis.pipeline.js')
  const { afterCommit } = await import('../core/after-commit.js')
  const seenBackends = new Set<number>()
  const sends = new Map<string, Record<string, unknown>>()
  const keyOf = (ctx: { input: { clientId: string } }) => ctx.input.clientId
  const detect = crisisSend.steps.detect
  const detectRun = detect.run.bind(detect)
  detect.run = async (ctx) => {
    const at = wallMs()
    await detectRun(ctx)
    if (ctx.crisis) sends.set(keyOf(ctx), { clientId: keyOf(ctx), detectAt: round(at), detectMs: round(wallMs() - at) })
  }
  const hook = crisisSend.persistHook
  const traced: typeof hook = async (tx, ctx) => {
    const record = sends.get(keyOf(ctx))
    if (!record) return hook(tx, ctx)
    const at = wallMs()
    const pid = tx<{ pid: number }[]>`select pg_backend_pid() as pid`
    await hook(tx, ctx)
    const raisedAt = wallMs()
    const backend = (await pid)[0]!.pid
    Object.assign(record, {
      hookAt: round(at),
      raiseMs: round(raisedAt - at),
      backend,
      firstOnBackend: !seenBackends.has(backend),
    })
    seenBackends.add(backend)
    afterCommit(tx, () => void (record.committedAt = round(wallMs())))
  }
  traced.appliesTo = hook.appliesTo
  ;(crisisSend as { persistHook: typeof hook }).persistHook = traced
  const card = crisisSend.steps.card
  const cardRun = card.run.bind(card)
  card.run = async (ctx) => {
    await cardRun(ctx)
    const record = sends.get(keyOf(ctx))
    if (!record) return
    sends.delete(keyOf(ctx))
    trace('crisis-send', { ...record, cardStepAt: round(wallMs()) })
  }
}
