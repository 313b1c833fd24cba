import { readFileSync } from 'node:fs'
import { classifyRisk } from '../../core/crisis/classifier.js'
import { screenMessage } from '../../core/moderation/screen.js'
import { summarize, round } from '../stats.js'

/**
 * Scenario 3: moderation + crisis screening per message, in isolation, on a fixed corpus (the crisis
 * evaluation set: chat-length messages in English and Polish). The baseline is the bare minimum any
 * message path does: trim and a length check. Times are per message in microseconds.
 */
export async function runScreening(options: { iterations: number; progress: (line: string) => void }) {
  const corpus = readFileSync(new URL('../../core/crisis/eval/messages.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text)
  const measure = (fn: (text: string) => unknown) => {
    const samples: number[] = []
    for (let i = 0; i < Math.min(200, corpus.length); i++) fn(corpus[i]!) // warm-up
    for (let round = 0; round < options.iterations; round++) {
      for (const text of corpus) {
        const start = process.hrtime.bigint()
        fn(text)
        samples.push(Number(process.hrtime.bigint() - start) / 1000)
      }
    }
    return summarize(samples)
  }
  options.progress(`screening: ${corpus.length} messages × ${options.iterations} rounds`)
  const baseline = measure((text) => text.trim().length <= 2000)
  const crisis = measure((text) => classifyRisk(text))
  const moderation = measure((text) => screenMessage(text))
  const both = measure((text) => {
    screenMessage(text)
    return classifyRisk(text)
  })
  const row = (name: string, s: ReturnType<typeof summarize>) => ({
    name, messages: s.count, p50_us: round(s.p50), p95_us: round(s.p95), p99_us: round(s.p99), max_us: round(s.max),
  })
  return {
    corpusSize: corpus.length,
    rows: [row('baseline (trim + length)', baseline), row('crisis classifier', crisis), row('moderation screen', moderation), row('both (message path)', both)],
    targetP99Us: 200,
    meetsTarget: both.p99 <= 200,
    ratioP99VsBaseline: round(both.p99 / Math.max(baseline.p99, 0.001), 1),
  }
}
