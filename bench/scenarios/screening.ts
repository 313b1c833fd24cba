import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { classifyRisk } from '../../core/crisis/classifier.js'
import { screenMessage } from '../../core/moderation/screen.js'
import { SERVER_NODE_FLAGS } from '../../server/node-flags.js'
import { summarize, round } from '../stats.js'

export type ScreeningResults = Awaited<ReturnType<typeof runScreening>> & { nodeFlags: string[] }

/**
 * Runs the scenario in a process of its own started with the server's Node flags (server/node-flags.ts), since
 * the screens run inside the server and those flags change what V8 does with their regexes (decision 075): the
 * bench's own process runs without them. The results say which flags the measuring process ran with.
 */
export async function runScreeningAsServer(options: { iterations: number; progress: (line: string) => void }) {
  const entry = fileURLToPath(import.meta.url)
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', entry, String(options.iterations)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let stderr = ''
  let partial = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop()!
    for (const line of lines) if (line) options.progress(line)
  })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`the screening process exited with ${code}: ${stderr}`)
  return JSON.parse(out) as ScreeningResults
}

/**
 * Scenario 3: moderation + crisis screening per message, in isolation, on a fixed corpus (the crisis
 * evaluation set: chat-length messages in English and Polish). The baseline is the bare minimum any
 * message path does: trim and a length check. Times are per message in microseconds.
 *
 * On a machine shared with other work the single-run p99 measures the scheduler as much as the code
 * (a preempted call takes a whole time slice), so each row also gives `best_p99_us`: the p99 over
 * messages of each message's fastest round, which is what the code itself costs.
 */
export async function runScreening(options: { iterations: number; progress: (line: string) => void }) {
  const corpus = readFileSync(new URL('../../core/crisis/eval/messages.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text)
  const measure = (fn: (text: string) => unknown) => {
    // The harness itself allocates nothing while it measures: samples go to a preallocated array and
    // the clock is performance.now() (a double; process.hrtime.bigint() made two BigInts per sample).
    const samples = new Float64Array(options.iterations * corpus.length)
    const best = new Float64Array(corpus.length).fill(Infinity)
    for (let i = 0; i < Math.min(200, corpus.length); i++) fn(corpus[i]!) // warm-up
    let k = 0
    for (let round = 0; round < options.iterations; round++) {
      for (let i = 0; i < corpus.length; i++) {
        const start = performance.now()
        fn(corpus[i]!)
        const us = (performance.now() - start) * 1000
        samples[k++] = us
        if (us < best[i]!) best[i] = us
      }
    }
    return { ...summarize(Array.from(samples)), bestP99: summarize(Array.from(best)).p99 }
  }
  options.progress(`screening: ${corpus.length} messages × ${options.iterations} rounds`)
  const baseline = measure((text) => text.trim().length <= 2000)
  const crisis = measure((text) => classifyRisk(text))
  const moderation = measure((text) => screenMessage(text))
  const both = measure((text) => {
    screenMessage(text)
    return classifyRisk(text)
  })
  const row = (name: string, s: ReturnType<typeof measure>) => ({
    name,
    messages: s.count,
    p50_us: round(s.p50),
    p95_us: round(s.p95),
    p99_us: round(s.p99),
    max_us: round(s.max),
    best_p99_us: round(s.bestP99),
  })
  return {
    corpusSize: corpus.length,
    rows: [
      row('baseline (trim + length)', baseline),
      row('crisis classifier', crisis),
      row('moderation screen', moderation),
      row('both (message path)', both),
    ],
    targetP99Us: 200,
    meetsTarget: both.p99 <= 200,
    meetsTargetBestOfRounds: both.bestP99 <= 200,
    ratioP99VsBaseline: round(both.p99 / Math.max(baseline.p99, 0.001), 1),
  }
}

// Run as a process of its own (runScreeningAsServer): progress on stderr, the results as JSON on stdout.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const iterations = Number(process.argv[2])
  if (!Number.isInteger(iterations) || iterations < 1) throw new Error(`iterations: ${process.argv[2]}`)
  const results = await runScreening({ iterations, progress: (line) => process.stderr.write(`${line}\n`) })
  // The Node flags this process runs with, without the TypeScript loader (`--import tsx`).
  const nodeFlags = process.execArgv.filter((flag, i, all) => flag !== '--import' && all[i - 1] !== '--import')
  process.stdout.write(JSON.stringify({ ...results, nodeFlags }))
}
