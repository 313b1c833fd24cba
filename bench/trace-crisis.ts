/**
 * `npx tsx bench/trace-crisis.ts <trace file> [--slow-ms 50]`: each crisis sample of a BENCH_TRACE run (bench/trace.ts)
 * with the server's own timeline of it (bench/trace-preload.ts, `crisis-send`), in send order: when it was sent
 * (seconds after the load began), its card and console latency, the time before the crisis step (socket, validation,
 * room and membership), the crisis step (earlier messages read and classified), from there to the persist hook
 * (later steps, the room's group-commit queue, BEGIN, seq, insert), the raise, from the raise to the commit's
 * announcement, from there to the card step, and to the ack; which PostgreSQL backend ran the transaction, whether
 * it was that backend's first crisis transaction, and how long that backend had been open. Then the slow samples'
 * share of each.
 */
import { readTrace, type TraceRecord as Rec } from './trace.js'

const args = process.argv.slice(2)
const file = args[0]
if (!file) throw new Error('usage: bench/trace-crisis.ts <trace file> [--slow-ms 50]')
const i = args.indexOf('--slow-ms')
const slowMs = i >= 0 ? Number(args[i + 1]) : 50

const records: Rec[] = readTrace(file)
const loads = records.filter((r) => r.kind === 'crisis-load')
if (loads.length === 0) throw new Error('no crisis-load record: was the crisis scenario run under BENCH_TRACE?')
const loadAt = loads.at(-1)!.at as number
const server = new Map(records.filter((r) => r.kind === 'crisis-send').map((r) => [r.clientId as string, r]))
const backendStart = new Map<number, number>()
for (const r of records.filter((r) => r.kind === 'pg-backend')) backendStart.set(r.backend, r.startedAt)
const samples = records.filter((r) => r.kind === 'crisis-sample' && r.at >= loadAt - 1).sort((a, b) => a.at - b.at)

const f = (n: number | null | undefined, w = 6) => (n === null || n === undefined ? '—' : n.toFixed(1)).padStart(w)
console.log(
  `${'i'.padStart(4)} ${'sent s'.padStart(6)} ${'card'.padStart(6)} ${'cons.'.padStart(6)} | ${'pre'.padStart(6)} ${'detect'.padStart(6)} ${'→hook'.padStart(6)} ${'raise'.padStart(6)} ${'→cmt'.padStart(6)} ${'→step'.padStart(6)} ${'→ack'.padStart(6)} | backend first age s`,
)
const rows: Array<{ slow: boolean; parts: Record<string, number>; first: boolean; newBackend: boolean }> = []
for (const s of samples) {
  const r = server.get(s.clientId)
  const parts: Record<string, number> = {}
  if (r) {
    parts.pre = r.detectAt - s.at
    parts.detect = r.detectMs
    parts.toHook = r.hookAt - (r.detectAt + r.detectMs)
    parts.raise = r.raiseMs
    parts.toCommit = r.committedAt - (r.hookAt + r.raiseMs)
    parts.toStep = r.cardStepAt - r.committedAt
    const ackMs = s.ackMs ?? s.cardMs
    if (ackMs !== null && ackMs !== undefined) parts.toAck = s.at + ackMs - r.cardStepAt
  }
  const age = r && backendStart.has(r.backend) ? (r.hookAt - backendStart.get(r.backend)!) / 1000 : null
  const slow = (s.cardMs ?? Infinity) > slowMs
  rows.push({ slow, parts, first: r?.firstOnBackend === true, newBackend: age !== null && age < 20 })
  console.log(
    `${String(s.i).padStart(4)} ${f((s.at - loadAt) / 1000)} ${f(s.cardMs)} ${f(s.consoleMs)} | ${f(parts.pre)} ${f(parts.detect)} ${f(parts.toHook)} ${f(parts.raise)} ${f(parts.toCommit)} ${f(parts.toStep)} ${f(parts.toAck)} | ${r ? String(r.backend).padStart(7) : '      —'} ${r ? (r.firstOnBackend ? 'yes' : ' no') : '  —'} ${f(age)}${slow ? '  SLOW' : ''}`,
  )
}
const slow = rows.filter((r) => r.slow)
const fast = rows.filter((r) => !r.slow)
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN)
console.log(`\n${slow.length} of ${rows.length} samples had a card over ${slowMs} ms.`)
for (const [name, group] of [
  ['slow', slow],
  ['others', fast],
] as const) {
  const keys = ['pre', 'detect', 'toHook', 'raise', 'toCommit', 'toStep', 'toAck']
  console.log(
    `  ${name}: mean ms ${keys.map((k) => `${k} ${mean(group.map((r) => r.parts[k]!).filter((x) => x !== undefined)).toFixed(1)}`).join(', ')}; first crisis transaction on its backend ${group.filter((r) => r.first).length} of ${group.length}; backend opened under 20 s before ${group.filter((r) => r.newBackend).length}`,
  )
}
