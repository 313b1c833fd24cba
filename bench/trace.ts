import { appendFileSync, readFileSync } from 'node:fs'

/**
 * BENCH_TRACE=<file>: every process of a bench run (the coordinator, the load clients, and the servers through
 * bench/trace-preload.ts) appends time-stamped records to that file, one JSON object a line, to line up slow
 * deliveries with what the processes were doing (bench/trace-report.ts reads it). Ids and timings only, never text.
 * Off (and free) when BENCH_TRACE is unset.
 */
export const traceFile = process.env.BENCH_TRACE || null

/** Wall-clock time in ms with sub-millisecond precision, the same clock in every process of the machine. */
export const wallMs = () => performance.timeOrigin + performance.now()

let buffered: string[] = []
let flushTimer: NodeJS.Timeout | null = null

function flush() {
  flushTimer = null
  if (!traceFile || buffered.length === 0) return
  const lines = buffered.join('')
  buffered = []
  // One append per flush: whole lines, so processes writing the same file do not cut into each other's lines.
  appendFileSync(traceFile, lines)
}

/** Appends one record (`kind` names what it is; `t` is wallMs() unless given). Buffered, written every 500 ms. */
export function trace(kind: string, record: Record<string, unknown> = {}): void {
  if (!traceFile) return
  buffered.push(`${JSON.stringify({ t: Math.round(wallMs() * 10) / 10, pid: process.pid, kind, ...record })}\n`)
  if (!flushTimer) {
    flushTimer = setTimeout(flush, 500)
    flushTimer.unref()
  }
}

/** Writes what is buffered now (before a process exits). */
export function flushTrace(): void {
  if (flushTimer) clearTimeout(flushTimer)
  flush()
}

if (traceFile) process.on('exit', flushTrace)

/** One record of a trace file as the report tools read it back. */
export interface TraceRecord {
  t: number
  pid: number
  kind: string
  [k: string]: any
}

/** Every record of a trace file, in the order the processes appended them. */
export function readTrace(file: string): TraceRecord[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TraceRecord)
}
