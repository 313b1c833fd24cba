/**
 * `npx tsx scripts/crisis-rule-hits.ts [--data <folder>] [--split train|validation] [--sweep|--margin|--patterns]`: which rule families fire on
 * the public data (English), per split part, on the negatives and on the positives, and what the risk
 * model says about those rows. A study tool for the combined decision's precision (decision 044):
 * it reads the train and validation splits only, never the test split or the project's own
 * evaluation sets. Prints counts and rates, never message text.
 *
 * `--patterns` groups the negatives the rules flag (level >= concern) by rule pattern instead: for each
 * pattern, how many flagged negatives and positives of the split it matches (a row counts once per
 * pattern that matched it), so an over-broad pattern shows up apart from its rule's other patterns.
 *
 * `--sweep` chooses the demotion cut-off (DEMOTE_BELOW in core/crisis/classifier.ts): for each
 * candidate it prints the combined decision's recall and false-positive rate at level >= concern on
 * the English public validation split, and how many own training messages and own tuning rows (never
 * the held-out rows) at concern, at high or above, and at none would be demoted. The rule: the highest
 * candidate up to 0.2 (a confident negative, far below the model's own concern cut-off) that demotes no
 * own message at high or above and keeps the validation recall at 0.60 or more (the recall floor). Polish is never demoted (no public Polish risk data to choose it on).
 */
import path from 'node:path'
import { readFileSync } from 'node:fs'
import { classifyRisk, decisionParts } from '../core/crisis/classifier.js'
import { loadEvalSet } from '../core/crisis/eval/evaluate.js'
import { OWN_TRAINING_PATH } from '../core/crisis/model/train.js'
import { canonicalize } from '../core/crisis/model/canonical.js'
import { DEFAULT_DATA_DIR, loadPublicData, publicDataPresent, type Split } from '../core/crisis/model/public-data.js'
import { RISK_MODEL } from '../core/crisis/model/risk-model.js'
import { LEXICONS } from '../core/crisis/lexicon/index.js'

const args = process.argv.slice(2)
const dataIndex = args.indexOf('--data')
const dataDir = dataIndex >= 0 ? path.resolve(args[dataIndex + 1]!) : DEFAULT_DATA_DIR
const splitIndex = args.indexOf('--split')
const splits: Split[] = splitIndex >= 0 ? [args[splitIndex + 1] as Split] : ['train', 'validation']
if (splits.some((s) => s !== 'train' && s !== 'validation'))
  throw new Error('--split is train or validation (the test split is for crisis:eval only)')
if (!publicDataPresent(dataDir)) {
  console.log(`public data not found in ${dataDir}`)
  process.exit(0)
}

const SCOPED = /^(?:negated|reported|quoted|past|idiom|mention|thinking):/
const family = (signal: string) => signal.replace(SCOPED, '')
const isRule = (s: string) => /^(?:en|pl)\./.test(s) && !s.includes('.cue.')
const pct = (n: number, d: number) => (d === 0 ? '    -' : ((100 * n) / d).toFixed(1).padStart(5))

const rows = loadPublicData(dataDir).filter((r) => r.language === 'en')
if (args.includes('--sweep')) {
  sweep()
  process.exit(0)
}
if (args.includes('--patterns')) {
  patterns()
  process.exit(0)
}
if (args.includes('--margin')) {
  margin()
  process.exit(0)
}
for (const split of splits) {
  const part = rows.filter((r) => r.split === split)
  const neg = part.filter((r) => r.label === 0).length
  const pos = part.length - neg
  const fam = new Map<
    string,
    { neg: number; pos: number; soleNeg: number; solePos: number; levels: Map<string, number> }
  >()
  const riskBins = [0.05, 0.1, 0.2, 0.3, 0.5]
  const weak = { neg: riskBins.map(() => 0), pos: riskBins.map(() => 0), negAll: 0, posAll: 0 }
  let flaggedNeg = 0
  let flaggedPos = 0
  for (const r of part) {
    const result = classifyRisk(r.text, { rulesOnly: true })
    if (result.level === 'none') continue
    if (r.label === 0) flaggedNeg++
    else flaggedPos++
    const families = [...new Set(result.signals.filter((s) => isRule(s) && !SCOPED.test(s)).map(family))]
    const cues = result.signals.filter((s) => s.includes('.cue.') || s === 'combo.cues')
    for (const f of families) {
      const e = fam.get(f) ?? { neg: 0, pos: 0, soleNeg: 0, solePos: 0, levels: new Map() }
      if (r.label === 0) e.neg++
      else e.pos++
      if (families.length === 1 && cues.length === 0) {
        if (r.label === 0) e.soleNeg++
        else e.solePos++
      }
      e.levels.set(result.level, (e.levels.get(result.level) ?? 0) + 1)
      fam.set(f, e)
    }
    // One rule family, no cue, level concern or high: how low is the model's risk there?
    if (families.length === 1 && cues.length === 0 && result.level !== 'imminent') {
      const risk = RISK_MODEL.score(canonicalize(r.text)).risk
      const bins = r.label === 0 ? weak.neg : weak.pos
      riskBins.forEach((b, i) => {
        if (risk < b) bins[i]++
      })
      if (r.label === 0) weak.negAll++
      else weak.posAll++
    }
  }
  console.log(
    `== ${split} (English): ${part.length} rows, ${pos} at risk, ${neg} not; rules flag ${pct(flaggedNeg, neg)} % of negatives, ${pct(flaggedPos, pos)} % of positives`,
  )
  console.log(
    `${'rule family'.padEnd(28)}${'neg %'.padStart(7)}${'pos %'.padStart(7)}${'alone neg'.padStart(11)}${'alone pos'.padStart(11)}  levels`,
  )
  for (const [f, e] of [...fam].sort((a, b) => b[1].neg - a[1].neg)) {
    const levels = [...e.levels].map(([l, n]) => `${l} ${n}`).join(', ')
    console.log(
      `${f.padEnd(28)}${pct(e.neg, neg).padStart(7)}${pct(e.pos, pos).padStart(7)}${String(e.soleNeg).padStart(11)}${String(e.solePos).padStart(11)}  ${levels}`,
    )
  }
  console.log(
    `one family, no cue, below imminent: ${weak.negAll} negatives, ${weak.posAll} positives; model risk below`,
  )
  riskBins.forEach((b, i) =>
    console.log(
      `  ${b.toFixed(2)}: negatives ${weak.neg[i]} (${pct(weak.neg[i], neg)} % of all negatives), positives ${weak.pos[i]} (${pct(weak.pos[i], pos)} % of all positives)`,
    ),
  )
  console.log('')
}

function sweep(): void {
  const validation = rows.filter((r) => r.split === 'validation')
  const own = [
    ...readFileSync(OWN_TRAINING_PATH, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { text: string; level: string; language: string }),
    // Tuning rows only: rows noted "heldout" are never read here.
    ...loadEvalSet().filter((m) => !(m.note ?? '').split(',').includes('heldout')),
  ]
  const candidates = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]
  console.log(
    `demotion sweep: English public validation split (${validation.length} rows), ${own.length} own training and tuning messages`,
  )
  console.log(
    `${'below'.padEnd(7)}${'recall'.padStart(8)}${'FPR'.padStart(8)}   own demoted: ${'>=high'.padStart(6)}${'concern'.padStart(8)}${'none'.padStart(6)}  (en / pl)`,
  )
  for (const t of candidates) {
    let tp = 0
    let fp = 0
    let pos = 0
    for (const r of validation) {
      const flagged = decisionParts(r.text, { en: t }).level !== 'none'
      if (r.label === 1) {
        pos++
        if (flagged) tp++
      } else if (flagged) fp++
    }
    const demoted = { high: [0, 0], concern: [0, 0], none: [0, 0] }
    if (t > 0) {
      for (const m of own) {
        const before = decisionParts(m.text, { en: 0 }).level
        const after = decisionParts(m.text, { en: t }).level
        if (before === after) continue
        const key = m.level === 'none' ? 'none' : m.level === 'concern' ? 'concern' : 'high'
        demoted[key][m.language === 'pl' ? 1 : 0]++
      }
    }
    const f = (x: number[]) => `${x[0]}/${x[1]}`.padStart(8)
    console.log(
      `${t.toFixed(2).padEnd(7)}${(tp / pos).toFixed(3).padStart(8)}${(fp / (validation.length - pos)).toFixed(3).padStart(8)}   ${' '.repeat(13)}${f(demoted.high)}${f(demoted.concern)}${f(demoted.none)}`,
    )
  }
}

/**
 * `--margin` chooses MARKED_MARGIN (core/crisis/classifier.ts): for each candidate, the combined
 * decision's recall and false-positive rate at level >= concern on the English public validation
 * split, and per language how many own tuning hard negatives are flagged and how many own tuning
 * and training at-risk messages (level >= concern) the margin would drop below concern. Held-out
 * rows are never read. The rule: the largest candidate (one for both languages) that drops no own
 * at-risk message and keeps the validation recall at 0.60 or more.
 */
function margin(): void {
  const validation = rows.filter((r) => r.split === 'validation')
  type Own = { text: string; level: string; language: string; note?: string }
  const training: Own[] = readFileSync(OWN_TRAINING_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Own)
  const tuning: Own[] = loadEvalSet().filter((m) => !(m.note ?? '').split(',').includes('heldout'))
  const hard = (m: Own) => m.level === 'none' && (m.note ?? '').includes('hard-negative')
  const candidates = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]
  console.log(
    `margin sweep: English public validation split (${validation.length} rows), ${tuning.length} tuning rows, ${training.length} own training messages`,
  )
  console.log(
    `${'margin'.padEnd(7)}${'recall'.padStart(8)}${'FPR'.padStart(8)}   tuning hard negatives flagged (en/pl)   own at-risk dropped (en/pl)   tuning none flagged (en/pl)`,
  )
  const flagged = (text: string, m: number) => decisionParts(text, undefined, { en: m, pl: m }).level !== 'none'
  for (const m of candidates) {
    let tp = 0
    let fp = 0
    let pos = 0
    for (const r of validation) {
      const f = flagged(r.text, m)
      if (r.label === 1) {
        pos++
        if (f) tp++
      } else if (f) fp++
    }
    const hardFlagged = [0, 0]
    const noneFlagged = [0, 0]
    const dropped = [0, 0]
    for (const row of tuning) {
      const i = row.language === 'pl' ? 1 : 0
      if (row.level === 'none') {
        if (flagged(row.text, m)) {
          noneFlagged[i]++
          if (hard(row)) hardFlagged[i]++
        }
      }
    }
    if (m > 0) {
      for (const row of [...tuning, ...training]) {
        if (row.level === 'none') continue
        if (flagged(row.text, 0) && !flagged(row.text, m)) dropped[row.language === 'pl' ? 1 : 0]++
      }
    }
    const f = (x: number[]) => `${x[0]}/${x[1]}`
    console.log(
      `${m.toFixed(2).padEnd(7)}${(tp / pos).toFixed(3).padStart(8)}${(fp / (validation.length - pos)).toFixed(3).padStart(8)}   ${f(hardFlagged).padStart(38)}   ${f(dropped).padStart(27)}   ${f(noneFlagged).padStart(27)}`,
    )
  }
}

function patterns(): void {
  const en = LEXICONS.find((l) => l.language === 'en')!
  const compiled = en.rules.flatMap((r) =>
    r.patterns.map((p) => ({
      id: r.id,
      pattern: p,
      re: new RegExp(`\\b(?:${p.replace(/(?<!\\)(\p{L})\1+/gu, '$1')})\\b`),
    })),
  )
  for (const split of splits) {
    const part = rows.filter((r) => r.split === split)
    const neg = part.filter((r) => r.label === 0).length
    const counts = new Map<string, { neg: number; pos: number }>()
    let flaggedNeg = 0
    for (const r of part) {
      const result = classifyRisk(r.text, { rulesOnly: true })
      if (result.level === 'none') continue
      const fired = new Set(result.signals.filter((s) => isRule(s) && !SCOPED.test(s)))
      if (fired.size === 0) continue
      if (r.label === 0) flaggedNeg++
      const text = canonicalize(r.text)
      for (const c of compiled) {
        if (!fired.has(c.id) || !c.re.test(text)) continue
        const key = `${c.id}  ${c.pattern.length > 70 ? c.pattern.slice(0, 67) + '...' : c.pattern}`
        const e = counts.get(key) ?? { neg: 0, pos: 0 }
        if (r.label === 0) e.neg++
        else e.pos++
        counts.set(key, e)
      }
    }
    console.log(`== ${split} (English): rules flag ${flaggedNeg} of ${neg} negatives (${pct(flaggedNeg, neg)} %)`)
    console.log(`${'neg'.padStart(5)}${'pos'.padStart(6)}  rule and pattern`)
    for (const [key, e] of [...counts].sort((a, b) => b[1].neg - a[1].neg).slice(0, 25))
      console.log(`${String(e.neg).padStart(5)}${String(e.pos).padStart(6)}  ${key}`)
    console.log('')
  }
}
