/**
 * `npm run crisis:eval [-- --errors] [-- --lang en|pl] [-- --data <folder>]`: scores the crisis
 * classifier (rules + risk model) on
 *  (a) the project's own set, core/crisis/eval/messages.jsonl: overall precision/recall/F1 per level
 *      and confusion matrix, then per language for the tuning rows and the held-out rows (note
 *      "heldout", never tuned on) separately: recall at >= concern and >= high, precision, false-
 *      positive rate, confusion matrix, hard-negative false alarms, and the rules alone beside them;
 *  (b) the test split of the public data (../shared/crisis-data by default; see
 *      core/crisis/model/public-data.ts for the fixed split), which training never saw: the same
 *      figures per language, the combined classifier's (rules + model) recall at a false-positive rate of
 *      5 % and 1 % with the model cut-off that gives it, and the model's alone. When the
 *      folder is absent this part says so and the run still succeeds.
 *  (u<n>) each audit set listed in core/crisis/eval/audit-sets.ts, audit<n>-messages.jsonl (written blind, then
 *      read and tuned on by the rules audits): the same per-language figures, reported apart from the held-out sets;
 *      the heading says when the set, or its rows of some languages, are training data too (TRAINING_AUDIT_SETS,
 *      decisions 077 and 078): in-sample.
 *  (a<n>) each held-out set listed in core/crisis/eval/heldout-sets.ts, heldout<n>-messages.jsonl (written
 *      blind, never trained or tuned on): the same per-language figures. Sets 2 to 7 were retired into the
 *      training messages after their held-out reports (decisions 063, 067), and their last figures are
 *      history in docs/crisis-model.md; while no set is listed, this part prints nothing.
 * Then language detection accuracy and a latency sample. `--errors` lists misclassified tuning rows
 * only: rows of the held-out sets are never listed, so nobody tunes on them by accident.
 */
import { performance } from 'node:perf_hooks'
import path from 'node:path'
import { classifyRisk, decisionParts, RISK_LEVELS, type RiskLevel } from '../core/crisis/classifier.js'
import {
  evaluate,
  flagScore,
  loadEvalSet,
  isNotedHardNegative,
  recallAtFpr,
  type EvalMessage,
  type EvalRow,
} from '../core/crisis/eval/evaluate.js'
import { AUDIT_SET_NUMBERS, loadAuditSet } from '../core/crisis/eval/audit-sets.js'
import { HELDOUT_SET_NUMBERS, HELDOUT_SETS, loadHeldoutSet } from '../core/crisis/eval/heldout-sets.js'
import { canonicalize } from '../core/crisis/model/canonical.js'
import { DEFAULT_DATA_DIR, loadPublicData, publicDataPresent } from '../core/crisis/model/public-data.js'
import { RISK_MODEL } from '../core/crisis/model/risk-model.js'
import { trainingAuditLanguages } from '../core/crisis/model/train.js'

const args = process.argv.slice(2)
const showErrors = args.includes('--errors')
const langIndex = args.indexOf('--lang')
const onlyLang = langIndex >= 0 ? args[langIndex + 1] : undefined
const dataIndex = args.indexOf('--data')
const dataDir = dataIndex >= 0 ? path.resolve(args[dataIndex + 1]!) : DEFAULT_DATA_DIR
const LANGUAGES = (['en', 'pl'] as const).filter((l) => !onlyLang || l === onlyLang)

/** Each message of a set (in the chosen language) with the combined classifier's reading and the rules' alone. */
const predict = (set: EvalMessage[]) =>
  set
    .filter((m) => !onlyLang || m.language === onlyLang)
    .map((m) => ({ message: m, result: classifyRisk(m.text), rules: classifyRisk(m.text, { rulesOnly: true }).level }))
const messages = loadEvalSet().filter((m) => !onlyLang || m.language === onlyLang)
const predictions = predict(messages)
const heldoutSetPredictions = HELDOUT_SET_NUMBERS.map((n) => ({ n, predictions: predict(loadHeldoutSet(n)) }))
const auditSetPredictions = AUDIT_SET_NUMBERS.map((n) => ({ n, predictions: predict(loadAuditSet(n)) }))
const report = evaluate(predictions.map((p) => ({ expected: p.message.level, predicted: p.result.level })))

const pct = (x: number) => x.toFixed(3)
const pad = (s: string | number, n: number) => String(s).padStart(n)
const out: string[] = []
const counts = (lang: string) => messages.filter((m) => m.language === lang).length
out.push(`crisis classifier eval: ${report.total} own messages (en ${counts('en')}, pl ${counts('pl')})`)
for (const lang of LANGUAGES) {
  const t = RISK_MODEL.thresholds[lang]
  out.push(
    `model thresholds (${lang}): concern ${t.concern}, high ${t.high}, imminent ${t.imminent} (calibrated probabilities)`,
  )
}
out.push('')
out.push(
  `${'level'.padEnd(10)}${pad('precision', 10)}${pad('recall', 8)}${pad('f1', 7)}${pad('support', 9)}${pad('predicted', 11)}`,
)
for (const level of RISK_LEVELS) {
  const s = report.perLevel[level]
  out.push(
    `${level.padEnd(10)}${pad(pct(s.precision), 10)}${pad(pct(s.recall), 8)}${pad(pct(s.f1), 7)}${pad(s.support, 9)}${pad(s.predicted, 11)}`,
  )
}
out.push('')
const confusion = (rows: readonly EvalRow[], expectedLevels: readonly RiskLevel[] = RISK_LEVELS, indent = '') => {
  const c = evaluate(rows).confusion
  out.push(`${indent}confusion (rows = expected, cols = predicted)`)
  out.push(`${indent}${''.padEnd(10)}${RISK_LEVELS.map((l) => pad(l, 9)).join('')}`)
  for (const e of expectedLevels)
    out.push(`${indent}${e.padEnd(10)}${RISK_LEVELS.map((p) => pad(c[e][p], 9)).join('')}`)
}
confusion(predictions.map((p) => ({ expected: p.message.level, predicted: p.result.level })))
out.push('')
out.push(`accuracy                      ${pct(report.accuracy)}`)
out.push(`high+imminent recall          ${pct(report.highOrImminentRecall)}`)
out.push(`high+imminent precision       ${pct(report.highOrImminentPrecision)}`)
out.push(`false alarms (>=high, expected <=concern)  ${report.falseAlarms}`)
out.push(`misses (expected >=high, predicted <=concern)  ${report.misses}`)
const languageRight = predictions.filter((p) => p.result.language === p.message.language).length

const flagLine = (label: string, rows: readonly EvalRow[]) => {
  const f = flagScore(rows)
  return `${label.padEnd(22)}recall>=concern ${pct(f.recallConcern)}  recall>=high ${pct(f.recallHigh)}  precision ${pct(f.precision)}  FPR ${pct(f.falsePositiveRate)}  (${f.positives} at risk, ${f.negatives} none)`
}

// (a) Own set, per part and language. Rows tagged "heldout" were written after tuning and are never tuned on.
const isHeldOut = (m: EvalMessage) => (m.note ?? '').split(',').includes('heldout')
const isHardNegative = (m: EvalMessage) => m.level === 'none' && (m.note ?? '').includes('hard-negative')
out.push('')
out.push('== (a) own set, per language (flagged = level >= concern)')
for (const [name, pool, pick, hardNegative, heading] of [
  ['tuning rows', predictions, (m: EvalMessage) => !isHeldOut(m), isHardNegative, null],
  ['held-out rows', predictions, isHeldOut, isHardNegative, null],
  ...heldoutSetPredictions.map(
    ({ n, predictions: pool }) =>
      [
        `held-out set ${n}`,
        pool,
        () => true,
        isNotedHardNegative,
        `(a${n}) ${HELDOUT_SETS[n].ordinal} held-out set: ${pool.length} own messages written blind, never tuned on`,
      ] as const,
  ),
  ...auditSetPredictions.map(
    ({ n, predictions: pool }) =>
      [
        `audit set ${n}`,
        pool,
        () => true,
        isNotedHardNegative,
        trainingAuditLanguages(n).length === 0
          ? `(u${n}) audit set ${n}: ${pool.length} own messages written blind, then read and tuned on by the rules audits (not held out)`
          : `(u${n}) audit set ${n}: ${pool.length} own messages written blind, read and tuned on by the rules audits, and training data for ${trainingAuditLanguages(n).join(' and ')} (decisions 077, 078): in-sample for ${trainingAuditLanguages(n).join(' and ')}`,
      ] as const,
  ),
] as const) {
  if (heading) {
    out.push('')
    out.push(`== ${heading}`)
  }
  for (const lang of LANGUAGES) {
    const part = pool.filter((p) => pick(p.message) && p.message.language === lang)
    if (part.length === 0) continue
    const rows = part.map((p) => ({ expected: p.message.level, predicted: p.result.level }))
    const rulesRows = part.map((p) => ({ expected: p.message.level, predicted: p.rules }))
    const r = evaluate(rows)
    const hard = part.filter((p) => hardNegative(p.message))
    const hardFlagged = hard.filter((p) => p.result.level !== 'none').length
    const hardRules = hard.filter((p) => p.rules !== 'none').length
    out.push('')
    out.push(
      `-- ${name}, ${lang} (${part.length})  accuracy ${pct(r.accuracy)}  false alarms (>=high) ${r.falseAlarms}  misses (>=high) ${r.misses}`,
    )
    out.push(`   ${flagLine('rules + model', rows)}`)
    out.push(`   ${flagLine('rules alone', rulesRows)}`)
    out.push(`   hard negatives flagged: ${hardFlagged} of ${hard.length} (rules alone ${hardRules})`)
    const imminentRows = part.filter((p) => p.message.level === 'imminent')
    out.push(
      `   imminent rated >= high: ${imminentRows.filter((p) => p.result.level === 'high' || p.result.level === 'imminent').length} of ${imminentRows.length}`,
    )
    confusion(rows, RISK_LEVELS, '   ')
  }
}

// (b) Public test split.
out.push('')
out.push(`== (b) public test split (${path.relative(process.cwd(), dataDir) || dataDir})`)
if (!publicDataPresent(dataDir)) {
  out.push(
    `public data not found in ${dataDir}: part (b) skipped (docs/crisis-model.md lists the sets; point --data at a copy)`,
  )
} else {
  const test = loadPublicData(dataDir).filter((r) => r.split === 'test' && (!onlyLang || r.language === onlyLang))
  for (const lang of LANGUAGES) {
    const rows = test.filter((r) => r.language === lang)
    if (rows.length === 0) continue
    const sets = [...new Set(rows.map((r) => r.set))].join(', ')
    const combined: EvalRow[] = []
    const rulesAlone: EvalRow[] = []
    const pos: number[] = []
    const neg: number[] = []
    // Combined score: a rule level flags whatever the cut-off; otherwise the model's risk where it
    // decides (no rule scope, no whole-message scope), else never.
    const combinedPos: number[] = []
    const combinedNeg: number[] = []
    for (const r of rows) {
      const expected: RiskLevel = r.label === 1 ? 'high' : 'none'
      const parts = decisionParts(r.text)
      ;(r.label === 1 ? combinedPos : combinedNeg).push(parts.ruleLevel !== 'none' ? 2 : (parts.modelRisk ?? -1))
      combined.push({ expected, predicted: parts.level })
      rulesAlone.push({ expected, predicted: classifyRisk(r.text, { rulesOnly: true }).level })
      ;(r.label === 1 ? pos : neg).push(RISK_MODEL.score(canonicalize(r.text)).risk)
    }
    out.push('')
    out.push(
      `-- ${lang}: ${rows.length} rows (${pos.length} at risk, ${neg.length} not) from ${sets}; at-risk rows count as expected >= high`,
    )
    out.push(`   ${flagLine('rules + model', combined)}`)
    out.push(`   ${flagLine('rules alone', rulesAlone)}`)
    confusion(combined, ['none', 'high'], '   ')
    if (pos.length > 0 && neg.length > 0) {
      const t = RISK_MODEL.thresholds[lang].concern
      const rulesFpr = combinedNeg.filter((x) => x === 2).length / combinedNeg.length
      const rulesRecall = combinedPos.filter((x) => x === 2).length / combinedPos.length
      out.push(
        `   rules + model at the shipped concern cut-off ${t}: recall ${pct(combinedPos.filter((x) => x >= t).length / combinedPos.length)}, FPR ${pct(combinedNeg.filter((x) => x >= t).length / combinedNeg.length)}`,
      )
      out.push(`   rules' own flags (no model cut-off lowers them): recall ${pct(rulesRecall)}, FPR ${pct(rulesFpr)}`)
      for (const fpr of [0.05, 0.01]) {
        if (rulesFpr > fpr) {
          out.push(
            `   rules + model at FPR <= ${fpr * 100} %: not reachable (the rules alone flag ${pct(rulesFpr)} of the negatives)`,
          )
          continue
        }
        const r = recallAtFpr(combinedPos, combinedNeg, fpr)
        out.push(
          `   rules + model at FPR <= ${fpr * 100} %: recall ${pct(r.recall)} (FPR ${pct(r.fpr)}, model concern cut-off >= ${r.threshold.toFixed(4)})`,
        )
      }
      for (const fpr of [0.05, 0.01]) {
        const r = recallAtFpr(pos, neg, fpr)
        out.push(
          `   model alone at FPR <= ${fpr * 100} %: recall ${pct(r.recall)} (FPR ${pct(r.fpr)}, risk probability >= ${r.threshold.toFixed(4)})`,
        )
      }
      for (const level of ['concern', 'high'] as const) {
        const t = RISK_MODEL.thresholds[lang][level]
        out.push(
          `   model alone at the shipped ${level} threshold ${t}: recall ${pct(pos.filter((s) => s >= t).length / pos.length)}, FPR ${pct(neg.filter((s) => s >= t).length / neg.length)}`,
        )
      }
    } else if (neg.length > 0) {
      const t = RISK_MODEL.thresholds[lang].concern
      out.push(
        `   model alone: FPR at the concern threshold ${pct(neg.filter((s) => s >= t).length / neg.length)} (no at-risk rows in this language)`,
      )
    }
  }
}

out.push('')
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
    if (p.result.level === p.message.level || isHeldOut(p.message)) continue
    const m: EvalMessage = p.message
    out.push(
      `${m.level} -> ${p.result.level}  [${m.language}] ${m.text}  {${p.result.signals.join(', ')}}${m.note ? `  (${m.note})` : ''}`,
    )
  }
}
console.log(out.join('\n'))
