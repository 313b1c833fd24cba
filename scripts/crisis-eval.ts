/**
 * `npm run crisis:eval [-- --errors] [-- --lang en|pl]`: scores the crisis classifier on
 * core/crisis/eval/messages.jsonl. Prints precision/recall/F1 per level, the confusion matrix
 * (rows expected, columns predicted), accuracy, false alarms and misses, the same summary for the
 * tuning rows and the held-out rows (note "heldout"), language detection accuracy and a latency
 * sample. `--errors` lists misclassified rows; `--lang en|pl` restricts to one language.
 */
import { performance } from 'node:perf_hooks'
import { classifyRisk, RISK_LEVELS } from '../core/crisis/classifier.js'
import { evaluate, loadEvalSet, type EvalMessage } from '../core/crisis/eval/evaluate.js'

const args = process.argv.slice(2)
const showErrors = args.includes('--errors')
const langIndex = args.indexOf('--lang')
const onlyLang = langIndex >= 0 ? args[langIndex + 1] : undefined

const messages = loadEvalSet().filter((m) => !onlyLang || m.language === onlyLang)
const predictions = messages.map((m) => ({ message: m, result: classifyRisk(m.text) }))
const report = evaluate(predictions.map((p) => ({ expected: p.message.level, predicted: p.result.level })))

const pct = (x: number) => x.toFixed(3)
const pad = (s: string | number, n: number) => String(s).padStart(n)
const out: string[] = []
const counts = (lang: string) => messages.filter((m) => m.language === lang).length
out.push(`crisis classifier eval: ${report.total} messages (en ${counts('en')}, pl ${counts('pl')})`)
out.push('')
out.push(`${'level'.padEnd(10)}${pad('precision', 10)}${pad('recall', 8)}${pad('f1', 7)}${pad('support', 9)}${pad('predicted', 11)}`)
for (const level of RISK_LEVELS) {
  const s = report.perLevel[level]
  out.push(`${level.padEnd(10)}${pad(pct(s.precision), 10)}${pad(pct(s.recall), 8)}${pad(pct(s.f1), 7)}${pad(s.support, 9)}${pad(s.predicted, 11)}`)
}
out.push('')
out.push('confusion (rows = expected, cols = predicted)')
out.push(`${''.padEnd(10)}${RISK_LEVELS.map((l) => pad(l, 9)).join('')}`)
for (const e of RISK_LEVELS) out.push(`${e.padEnd(10)}${RISK_LEVELS.map((p) => pad(report.confusion[e][p], 9)).join('')}`)
out.push('')
out.push(`accuracy                      ${pct(report.accuracy)}`)
out.push(`high+imminent recall          ${pct(report.highOrImminentRecall)}`)
out.push(`high+imminent precision       ${pct(report.highOrImminentPrecision)}`)
out.push(`false alarms (>=high, expected <=concern)  ${report.falseAlarms}`)
out.push(`misses (expected >=high, predicted <=concern)  ${report.misses}`)
const languageRight = predictions.filter((p) => p.result.language === p.message.language).length
// Rows tagged "heldout" were written after the rules were tuned and were not tuned on.
const isHeldOut = (m: EvalMessage) => (m.note ?? '').split(',').includes('heldout')
for (const [name, pick] of [
  ['tuning rows', (m: EvalMessage) => !isHeldOut(m)],
  ['held-out rows', isHeldOut],
] as const) {
  const part = predictions.filter((p) => pick(p.message))
  if (part.length === 0 || part.length === predictions.length) continue
  const r = evaluate(part.map((p) => ({ expected: p.message.level, predicted: p.result.level })))
  out.push(
    `${`${name} (${r.total})`.padEnd(30)}accuracy ${pct(r.accuracy)}  high+imminent recall ${pct(r.highOrImminentRecall)}` +
      `  precision ${pct(r.highOrImminentPrecision)}  false alarms ${r.falseAlarms}  misses ${r.misses}`,
  )
}
out.push(`language detection accuracy   ${pct(languageRight / Math.max(1, predictions.length))}`)

// Latency: each message is timed several times after a warm-up and its fastest run kept, which
// removes scheduler noise on a shared machine; p50/p99/max are then taken across messages.
for (let round = 0; round < 3; round++) for (const m of messages) classifyRisk(m.text)
const samples = messages.map((m) => {
  let best = Infinity
  for (let round = 0; round < 7; round++) {
    const t0 = performance.now()
    classifyRisk(m.text)
    best = Math.min(best, (performance.now() - t0) * 1000)
  }
  return best
})
samples.sort((a, b) => a - b)
const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))].toFixed(1)
out.push(`latency per message (µs)      p50 ${q(0.5)}  p99 ${q(0.99)}  max ${q(1)}  (fastest of 7 runs each)`)

if (showErrors) {
  out.push('')
  out.push('misclassified (expected -> predicted)')
  for (const p of predictions) {
    if (p.result.level === p.message.level) continue
    const m: EvalMessage = p.message
    out.push(`${m.level} -> ${p.result.level}  [${m.language}] ${m.text}  {${p.result.signals.join(', ')}}${m.note ? `  (${m.note})` : ''}`)
  }
}
console.log(out.join('\n'))
