/**
 * `npx tsx bench/trace-report.ts <trace file> [--slow-ms 100] [--label platform]`: reads a BENCH_TRACE file
 * (bench/trace.ts) and, for each chat step, groups the messages that had a receipt slower than --slow-ms into
 * clusters by send time, and lists what the processes did from 300 ms before each cluster to its end: periodic
 * tasks, Redis pipelines, garbage collections, event loop lag, slow Redis commands and the backends' probes. Ends
 * with, per kind of event, how many slow messages were sent within 300 ms after one.
 */
import { readTrace, type TraceRecord as Rec } from './trace.js'

const args = process.argv.slice(2)
const file = args[0]
if (!file) throw new Error('usage: bench/trace-report.ts <trace file> [--slow-ms N] [--label platform]')
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1]! : fallback
}
const slowMs = Number(opt('slow-ms', '100'))
const labelPart = opt('label', 'platform')
const BEFORE_MS = 300

const records: Rec[] = readTrace(file)
const at = (r: Rec) => (typeof r.at === 'number' ? r.at : r.t)
const steps = records.filter((r) => r.kind === 'step' && String(r.label).includes(labelPart))
const events = records.filter((r) => !['msg', 'step', 'second', 'process', 'pg-xacts'].includes(r.kind))
const fmt = (r: Rec, from: number) => {
  const rel = `${(at(r) - from).toFixed(0).padStart(6)} ms`
  const rest = Object.entries(r)
    .filter(([k]) => !['t', 'pid', 'kind', 'at'].includes(k))
    .map(([k, v]) => `${k}=${typeof v === 'number' ? v : JSON.stringify(v)}`)
    .join(' ')
  return `    ${rel} ${r.kind} ${rest}`
}
/** What kind of event a record is, for the tally: the periodic task's label, else the record's kind. */
const eventName = (r: Rec) =>
  r.kind === 'interval'
    ? `interval ${r.label}`
    : r.kind === 'gc'
      ? `gc ${r.gcKind}`
      : r.kind === 'lag'
        ? r.lateMs > 50
          ? 'lag > 50 ms'
          : 'lag 10-50 ms'
        : r.kind

const tally = new Map<string, number>()
let slowTotal = 0
let msgTotal = 0
for (const step of steps) {
  const msgs = records
    .filter((r) => r.kind === 'msg' && r.at >= step.from - 10 && r.at <= step.to)
    .sort((a, b) => a.at - b.at)
  const slow = msgs.filter((m) => (m.maxMs ?? Infinity) > slowMs)
  msgTotal += msgs.length
  slowTotal += slow.length
  console.log(
    `\n${step.label} ${step.rate} msg/s per room: ${msgs.length} messages, ${slow.length} with a receipt over ${slowMs} ms, p99 ${step.p99Ms} ms, ${step.passed ? 'passed' : 'FAILED'}`,
  )
  // PostgreSQL's transactions per 500 ms through the step (its statistics lag up to a second).
  const xacts = records.filter((r) => r.kind === 'pg-xacts' && r.t >= step.from && r.t <= step.to)
  if (xacts.length) console.log(`  PostgreSQL transactions per 500 ms: ${xacts.map((r) => r.n).join(' ')}`)
  const clusters: Rec[][] = []
  for (const m of slow) {
    const last = clusters.at(-1)
    if (last && m.at - last.at(-1)!.at < 200) last.push(m)
    else clusters.push([m])
  }
  for (const cluster of clusters) {
    const from = cluster[0]!.at
    const to = cluster.at(-1)!.at
    const worst = Math.max(...cluster.map((m) => m.maxMs ?? 0))
    const acks = cluster.map((m) => m.ackMs ?? Infinity).sort((a, b) => a - b)
    console.log(
      `  cluster at +${((from - step.from) / 1000).toFixed(2)} s, ${(to - from).toFixed(0)} ms long: ${cluster.length} messages, worst receipt ${worst.toFixed(0)} ms, ack median ${acks[Math.floor(acks.length / 2)]!.toFixed(0)} ms`,
    )
    const near = events.filter((e) => at(e) >= from - BEFORE_MS && at(e) <= to)
    for (const e of near.slice(0, 40)) console.log(fmt(e, from))
    if (near.length > 40) console.log(`    … ${near.length - 40} more`)
  }
  // For each slow message: which kinds of event began within BEFORE_MS before it was sent (or while it waited).
  for (const m of slow) {
    const seen = new Set(
      events.filter((e) => at(e) >= m.at - BEFORE_MS && at(e) <= m.at + (m.maxMs ?? 0)).map(eventName),
    )
    if (seen.size === 0) seen.add('(nothing traced)')
    for (const name of seen) tally.set(name, (tally.get(name) ?? 0) + 1)
  }
}
console.log(
  `\n${slowTotal} of ${msgTotal} messages had a receipt over ${slowMs} ms. Of those, how many had each kind of event`,
)
console.log(`from ${BEFORE_MS} ms before their send until their slowest receipt:`)
for (const [name, n] of [...tally].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${name}`)
