/**
 * Offline training of the crisis risk model (`npm run crisis:train`, scripts/crisis-train.ts).
 * Deterministic: fixed seeds drive the only random step (the order of examples per epoch), every
 * loop runs in a fixed order and weights are rounded before they are written, so the same data
 * gives a byte-identical artefact. Each head is trained once per seed (seed, seed + 1, …) and the
 * runs' weights and biases are averaged before pruning and calibration, so the cut-offs chosen on
 * the averaged model do not rest on one example order's luck (decision 070). The method and data
 * are described in docs/crisis-model.md.
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AUDIT_SET_NUMBERS, auditSetPath, loadAuditSet } from '../eval/audit-sets.js'
import { EVAL_SET_PATH, loadEvalSet, loadEvalSetLines, type EvalMessage } from '../eval/evaluate.js'
import { HELDOUT_SET_NUMBERS, heldoutSetPath, loadHeldoutSet, type HeldoutSetNumber } from '../eval/heldout-sets.js'
import { canonicalize } from './canonical.js'
import { CONCEPTS_FINGERPRINT } from './concepts.js'
import { forEachFeature } from './features.js'
import { loadPublicData, type PublicRow } from './public-data.js'
import {
  artefactChecksum,
  MODEL_FORMAT,
  MODEL_VERSION,
  type HeadArtefact,
  MODEL_LANGUAGES,
  type ModelLanguage,
  type ModelThresholds,
  type RiskModelArtefact,
} from './model.js'

/** The project's own written chat-style training messages (never the evaluation set). */
export const OWN_TRAINING_PATH = fileURLToPath(new URL('./train-messages.jsonl', import.meta.url))

/**
 * An audit set that trains: its number (all its rows), or its number with the languages whose rows train (decision
 * 078: `{ set: 1, languages: ['en'] }` trains the English rows of set 1 and none of its Polish rows).
 */
export type TrainingAuditSet = number | { readonly set: number; readonly languages: readonly ModelLanguage[] }

/**
 * The audit sets (core/crisis/eval/audit-sets.ts) that train as own messages, read from their committed files with
 * their labels after the training messages (decision 077). Empty: the audit rows stay out of training, as decision
 * 074 had them; the checks below cover them either way when a caller lists them.
 */
export const TRAINING_AUDIT_SETS: readonly TrainingAuditSet[] = []

/** The languages whose rows of audit set n train under `auditSets` (none when the set is not listed). */
export function trainingAuditLanguages(
  n: number,
  auditSets: readonly TrainingAuditSet[] = TRAINING_AUDIT_SETS,
): readonly ModelLanguage[] {
  const entry = auditSets.find((e) => (typeof e === 'number' ? e : e.set) === n)
  if (entry === undefined) return []
  return typeof entry === 'number' ? MODEL_LANGUAGES : entry.languages
}

export interface TrainOptions {
  /** Public data folder (see public-data.ts); `<dir>/extra/*.jsonl` adds an operator's own labelled messages. */
  dataDir: string
  /**
   * Files of blind held-out sets by set number (never trained or tuned on; only checked for leaks): each set of
   * HELDOUT_SET_NUMBERS is read from here or else from its committed file, and a number given here that is not
   * listed is checked too. Sets 2 to 7 were retired into the training messages (decisions 063, 067).
   */
  heldoutPaths?: Readonly<Record<HeldoutSetNumber, string>>
  ownPath?: string
  /** Audit sets that train beside the own messages (default TRAINING_AUDIT_SETS; [] leaves them out). */
  auditSets?: readonly TrainingAuditSet[]
  /** Files of audit sets by set number, in place of their committed files (tests). */
  auditPaths?: Readonly<Record<number, string>>
  /** Evaluation set whose non-held-out rows calibrate and set the imminent threshold. */
  tuningPath?: string
  /** First seed of the example order; the runs averaged use seed, seed + 1, … (default 20261206). */
  seed?: number
  /** How many seeds each head is trained with before their weights are averaged (default SEED_COUNT). */
  seedCount?: number
  epochs?: number
  /** Weight of each own training message against a public row's 1 (default OWN_WEIGHT). */
  ownWeight?: number
  hashBits?: number
  /** Largest number of non-zero weights kept per head. */
  maxFeatures?: number
  /** Target false-positive rates on the public validation split for concern and high. */
  concernFpr?: number
  highFpr?: number
  learningRate?: number
  l2?: number
  log?: (line: string) => void
  /**
   * Whether the chat head (level >= high on the own messages) also trains on the public negatives.
   * Default false: it trains on the own messages alone (chosen by `npx tsx scripts/crisis-cv.ts
   * --chat-head`, decision 059).
   */
  chatPublicNegatives?: boolean
  /** L2 of the chat head (default the other heads' l2). */
  chatL2?: number
  /**
   * Whether the classifier's rules leave a message to the model (no rule statement, no rule scope).
   * Tuning-based cut-offs only count such rows; without it every tuning row counts (stricter).
   */
  leftToModel?: (text: string) => boolean
}

interface Example {
  index: Int32Array
  value: Float32Array
  /** Target per head, or -1 when the example does not train that head. */
  risk: number
  imminent: number
  chat: number
  weight: number
}

/**
 * Own messages weigh more than a public row: they are the product's chat style. Studied by 5-fold
 * cross-validation over the own training messages (`npx tsx scripts/crisis-cv.ts`, docs/crisis-model.md).
 */
export const OWN_WEIGHT = 8
/**
 * How many seeds each head is trained with, their weights averaged (decision 070): with one seed the
 * concern cut-offs moved by up to 0.12 from seed to seed on the same data (docs/crisis-model.md, ninth
 * round). 1 trains one model, as before, and gives the same artefact as before.
 */
export const SEED_COUNT = 1
/**
 * The Polish public rows are all negatives (harassment tweets, no risk labels): at full weight they
 * would teach the model that Polish text is never at risk.
 */
const POLISH_PUBLIC_WEIGHT = 0.15

export function featurize(text: string, bits: number): { index: Int32Array; value: Float32Array } {
  const counts = new Map<number, number>()
  const n = forEachFeature(canonicalize(text), bits, (ix) => counts.set(ix, (counts.get(ix) ?? 0) + 1))
  const keys = [...counts.keys()].sort((a, b) => a - b)
  const norm = n > 0 ? 1 / Math.sqrt(n) : 0
  return { index: Int32Array.from(keys), value: Float32Array.from(keys.map((k) => counts.get(k)! * norm)) }
}

/** A small seeded PRNG (mulberry32): the trainer's example order and the cross-validation's folds. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

/** Logistic regression by AdaGrad with L2, classes balanced by weight. */
function trainHead(
  examples: readonly Example[],
  target: 'risk' | 'imminent' | 'chat',
  opts: { size: number; epochs: number; seed: number; lr: number; l2: number },
): { bias: number; weights: Float64Array } {
  const used = examples.filter((e) => e[target] >= 0)
  let pos = 0
  let neg = 0
  for (const e of used)
    if (e[target] === 1) pos += e.weight
    else neg += e.weight
  const posScale = pos > 0 ? (pos + neg) / (2 * pos) : 1
  const negScale = neg > 0 ? (pos + neg) / (2 * neg) : 1
  const w = new Float64Array(opts.size)
  const g2 = new Float64Array(opts.size)
  let bias = 0
  let bg2 = 0
  const random = mulberry32(opts.seed)
  const order = used.map((_, i) => i)
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const t = order[i]
      order[i] = order[j]
      order[j] = t
    }
    for (const k of order) {
      const e = used[k]
      let z = bias
      for (let j = 0; j < e.index.length; j++) z += w[e.index[j]] * e.value[j]
      const y = e[target]
      const g = (sigmoid(z) - y) * e.weight * (y === 1 ? posScale : negScale)
      for (let j = 0; j < e.index.length; j++) {
        const ix = e.index[j]
        const grad = g * e.value[j] + opts.l2 * w[ix]
        g2[ix] += grad * grad
        w[ix] -= (opts.lr * grad) / Math.sqrt(g2[ix] + 1e-8)
      }
      bg2 += g * g
      bias -= (opts.lr * g) / Math.sqrt(bg2 + 1e-8)
    }
  }
  return { bias, weights: w }
}

/**
 * One head trained once per seed, its runs' weights and biases averaged (summed in seed order, so the
 * result is reproducible). A linear model's average is one linear model of the same size.
 */
function trainAveragedHead(
  examples: readonly Example[],
  target: 'risk' | 'imminent' | 'chat',
  opts: { size: number; epochs: number; lr: number; l2: number },
  seeds: readonly number[],
): { bias: number; weights: Float64Array } {
  if (seeds.length === 1) return trainHead(examples, target, { ...opts, seed: seeds[0]! })
  const sum = new Float64Array(opts.size)
  let bias = 0
  for (const seed of seeds) {
    const run = trainHead(examples, target, { ...opts, seed })
    for (let i = 0; i < sum.length; i++) sum[i] += run.weights[i]
    bias += run.bias
  }
  for (let i = 0; i < sum.length; i++) sum[i] /= seeds.length
  return { bias: bias / seeds.length, weights: sum }
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

/** Keep the `max` largest weights (by magnitude, ties by index), rounded, as sorted sparse arrays. */
function prune(weights: Float64Array, max: number): { index: number[]; weight: number[] } {
  const kept: number[] = []
  for (let i = 0; i < weights.length; i++) if (Math.abs(round4(weights[i])) >= 1e-4) kept.push(i)
  kept.sort((a, b) => Math.abs(weights[b]) - Math.abs(weights[a]) || a - b)
  const top = kept.slice(0, max).sort((a, b) => a - b)
  return { index: top, weight: top.map((i) => round4(weights[i])) }
}

function rawScore(e: { index: Int32Array; value: Float32Array }, bias: number, dense: Float64Array): number {
  let z = bias
  for (let j = 0; j < e.index.length; j++) z += dense[e.index[j]] * e.value[j]
  return z
}

/** Platt scaling: fit sigmoid(a*z + b) to labels by Newton's method (fixed iterations). */
function platt(scores: readonly number[], labels: readonly number[]): { scale: number; shift: number } {
  let a = 1
  let b = 0
  for (let it = 0; it < 100; it++) {
    let ga = 0,
      gb = 0,
      haa = 0,
      hab = 0,
      hbb = 0
    for (let i = 0; i < scores.length; i++) {
      const p = sigmoid(a * scores[i] + b)
      const d = p - labels[i]
      const v = Math.max(p * (1 - p), 1e-9)
      ga += d * scores[i]
      gb += d
      haa += v * scores[i] * scores[i]
      hab += v * scores[i]
      hbb += v
    }
    haa += 1e-6
    hbb += 1e-6
    const det = haa * hbb - hab * hab
    if (det <= 0) break
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a -= da
    b -= db
    if (Math.abs(da) + Math.abs(db) < 1e-10) break
  }
  return { scale: round4(a), shift: round4(b) }
}

/** Lowest threshold whose false-positive rate among `negatives` stays at or under `fpr`. */
export function thresholdAtFpr(negatives: readonly number[], fpr: number): number {
  const sorted = [...negatives].sort((x, y) => y - x)
  const allowed = Math.floor(fpr * sorted.length)
  // Scores strictly above the (allowed+1)-th highest negative are flagged; nudge above it.
  const cut = sorted[allowed] ?? 0
  return Math.min(0.999, round4(cut + 1e-4))
}

/** Area under the ROC curve (ties count half). */
export function auc(pos: readonly number[], neg: readonly number[]): number {
  const all = [...pos.map((s) => [s, 1] as const), ...neg.map((s) => [s, 0] as const)].sort((x, y) => x[0] - y[0])
  let rank = 0
  let sumPos = 0
  for (let i = 0; i < all.length;) {
    let j = i
    while (j < all.length && all[j][0] === all[i][0]) j++
    const avg = (i + j + 1) / 2
    for (let k = i; k < j; k++) if (all[k][1] === 1) sumPos += avg
    rank = j
    i = j
  }
  void rank
  return pos.length === 0 || neg.length === 0
    ? 1
    : (sumPos - (pos.length * (pos.length + 1)) / 2) / (pos.length * neg.length)
}

const isHeldOut = (m: EvalMessage) => (m.note ?? '').split(',').includes('heldout')

/** A message with where it was read ("<file> line <n>"): the trainer's errors name rows by place, never by text. */
interface Located {
  message: EvalMessage
  where: string
}

const located = (file: string): Located[] =>
  loadEvalSetLines(file).map(({ message, line }) => ({ message, where: `${path.basename(file)} line ${line}` }))

/** Rows of a noted set (held-out or audit), checked by its loader, with their places. */
const locatedNoted = (file: string, load: (file: string) => EvalMessage[]): Located[] => {
  const lines = located(file)
  return load(file).map((message, i) => ({ message, where: lines[i]!.where }))
}

function loadExtra(dataDir: string): Located[] {
  const dir = path.join(dataDir, 'extra')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => located(path.join(dir, f)))
}

/**
 * The own training messages as the trainer reads them (an operator's extra/*.jsonl aside): the training messages,
 * then each listed audit set's rows of its listed languages with their labels (notes dropped), with their places.
 */
function locatedOwnMessages(options: Pick<TrainOptions, 'ownPath' | 'auditSets' | 'auditPaths'>): Located[] {
  const auditSets = options.auditSets ?? TRAINING_AUDIT_SETS
  const numbers = auditSets.map((e) => (typeof e === 'number' ? e : e.set))
  for (const [i, n] of numbers.entries()) {
    if (!AUDIT_SET_NUMBERS.includes(n) && options.auditPaths?.[n] === undefined)
      throw new Error(`audit set ${n} is not listed in core/crisis/eval/audit-sets.ts`)
    if (numbers.indexOf(n) !== i) throw new Error(`audit set ${n} is listed twice among the audit sets that train`)
    const languages = trainingAuditLanguages(n, auditSets)
    if (languages.length === 0 || languages.some((l) => !MODEL_LANGUAGES.includes(l)))
      throw new Error(`audit set ${n} must train one or more of ${MODEL_LANGUAGES.join(', ')}`)
  }
  return [
    ...located(options.ownPath ?? OWN_TRAINING_PATH),
    ...numbers.flatMap((n) => {
      const languages = trainingAuditLanguages(n, auditSets)
      return locatedNoted(options.auditPaths?.[n] ?? auditSetPath(n), (file) => loadAuditSet(n, file))
        .filter(({ message: m }) => languages.includes(m.language))
        .map(({ message: m, where }) => ({ message: { text: m.text, level: m.level, language: m.language }, where }))
    }),
  ]
}

/** The own training messages the trainer reads by default (training messages and TRAINING_AUDIT_SETS' rows). */
export function ownTrainingMessages(
  options: Pick<TrainOptions, 'ownPath' | 'auditSets' | 'auditPaths'> = {},
): EvalMessage[] {
  return locatedOwnMessages(options).map((r) => r.message)
}

/** Places listed in an error, at most this many (the count is always given). */
const PLACES_SHOWN = 10

/**
 * Training never sees an evaluation message (a tuning row, a first-set held-out row or a row of a held-out set),
 * and two own messages with one canonical text never disagree on the level. Each failure names the rows' files and
 * lines, never their text: a clash with a held-out row must not show the held-out message.
 */
function checkOwnMessages(own: readonly Located[], evaluation: readonly Located[]): void {
  const evalWhere = new Map<string, string>()
  for (const e of evaluation) {
    const key = canonicalize(e.message.text)
    if (!evalWhere.has(key)) evalWhere.set(key, e.where)
  }
  const leaked = own.flatMap((r) => {
    const at = evalWhere.get(canonicalize(r.message.text))
    return at === undefined ? [] : [`${r.where} (= ${at})`]
  })
  if (leaked.length > 0)
    throw new Error(
      `${leaked.length} training message(s) are also in the evaluation set or a held-out set (canonical text): ${leaked.slice(0, PLACES_SHOWN).join(', ')}${leaked.length > PLACES_SHOWN ? ', …' : ''}`,
    )
  const first = new Map<string, Located>()
  const clashes: string[] = []
  for (const r of own) {
    const key = canonicalize(r.message.text)
    const before = first.get(key)
    if (before === undefined) first.set(key, r)
    else if (before.message.level !== r.message.level)
      clashes.push(`${before.where} (${before.message.level}) and ${r.where} (${r.message.level})`)
  }
  if (clashes.length > 0)
    throw new Error(
      `${clashes.length} training message(s) repeat another's canonical text with another level: ${clashes.slice(0, PLACES_SHOWN).join('; ')}${clashes.length > PLACES_SHOWN ? '; …' : ''}`,
    )
}

export interface TrainResult {
  artefact: RiskModelArtefact
  summary: string[]
}

export function trainRiskModel(options: TrainOptions): TrainResult {
  const log = options.log ?? (() => {})
  const seed = options.seed ?? 20261206
  const seedCount = options.seedCount ?? SEED_COUNT
  if (!Number.isInteger(seedCount) || seedCount < 1)
    throw new Error(`seedCount must be a whole number >= 1, got ${seedCount}`)
  const seeds = Array.from({ length: seedCount }, (_, k) => seed + k)
  const epochs = options.epochs ?? 8
  const ownWeight = options.ownWeight ?? OWN_WEIGHT
  const hashBits = options.hashBits ?? 18
  const size = 1 << hashBits
  const maxFeatures = options.maxFeatures ?? 30000

  const publicRows = loadPublicData(options.dataDir)
  const extra = loadExtra(options.dataDir)
  if (publicRows.length === 0 && extra.length === 0) {
    throw new Error(
      `no training data in ${options.dataDir} (expected the public sets of docs/crisis-model.md or extra/*.jsonl)`,
    )
  }
  const ownLocated = [...locatedOwnMessages(options), ...extra]
  const own = ownLocated.map((r) => r.message)
  const tuningPath = options.tuningPath ?? EVAL_SET_PATH
  const evalSet = loadEvalSet(tuningPath)
  const tuning = evalSet.filter((m) => !isHeldOut(m))
  // Training never sees an evaluation message (tuning rows, the first set's held-out rows or a held-out set).
  const given = options.heldoutPaths ?? {}
  const setNumbers = new Set([...HELDOUT_SET_NUMBERS, ...Object.keys(given).map(Number)])
  const heldoutSets = [...setNumbers].flatMap((n) => {
    const file = given[n] ?? heldoutSetPath(n)
    return existsSync(file) ? locatedNoted(file, (f) => loadHeldoutSet(n, f)) : []
  })
  checkOwnMessages(ownLocated, [...located(tuningPath), ...heldoutSets])
  log(`public rows ${publicRows.length}, own training messages ${own.length}, tuning rows ${tuning.length}`)

  const examples: Example[] = []
  const publicTrain = publicRows.filter((r) => r.split === 'train')
  const chatPublic = options.chatPublicNegatives ?? false
  for (const r of publicTrain) {
    const weight = r.language === 'pl' ? POLISH_PUBLIC_WEIGHT : 1
    const negative = r.label === 0 ? 0 : -1
    examples.push({
      ...featurize(r.text, hashBits),
      risk: r.label,
      imminent: negative,
      chat: chatPublic ? negative : -1,
      weight,
    })
  }
  for (const m of own) {
    examples.push({
      ...featurize(m.text, hashBits),
      risk: m.level === 'none' ? 0 : 1,
      imminent: m.level === 'imminent' ? 1 : 0,
      chat: m.level === 'high' || m.level === 'imminent' ? 1 : 0,
      weight: ownWeight,
    })
  }
  log(`featurized ${examples.length} training examples`)

  const hp = { size, epochs, lr: options.learningRate ?? 0.05, l2: options.l2 ?? 1e-5 }
  const chatL2 = options.chatL2 ?? hp.l2
  const heads: Record<
    'risk' | 'imminent' | 'chat',
    { bias: number; dense: Float64Array; sparse: { index: number[]; weight: number[] } }
  > = {} as never
  for (const target of ['risk', 'imminent', 'chat'] as const) {
    const { bias, weights } = trainAveragedHead(examples, target, target === 'chat' ? { ...hp, l2: chatL2 } : hp, seeds)
    const sparse = prune(weights, maxFeatures)
    const dense = new Float64Array(size)
    sparse.index.forEach((ix, i) => (dense[ix] = sparse.weight[i]))
    heads[target] = { bias: round4(bias), dense, sparse }
    log(
      `${target} head: ${sparse.index.length} weights kept (${seeds.length === 1 ? 'one seed' : `mean of ${seeds.length} seeds`})`,
    )
  }

  // Calibration and thresholds on data the heads were not trained on: the public validation split
  // (risk head) and the own evaluation set's tuning rows (imminent head, Polish cut-offs).
  const validation = publicRows.filter((r) => r.split === 'validation')
  const score = (head: 'risk' | 'imminent' | 'chat', text: string) =>
    rawScore(featurize(text, hashBits), heads[head].bias, heads[head].dense)
  const valScores = validation.map((r) => score('risk', r.text))
  const riskCal =
    validation.length > 0
      ? platt(
          valScores,
          validation.map((r) => r.label),
        )
      : { scale: 1, shift: 0 }
  const tuningImm = tuning.map((m) => score('imminent', m.text))
  const immCal =
    tuning.length > 0
      ? platt(
          tuningImm,
          tuning.map((m) => (m.level === 'imminent' ? 1 : 0)),
        )
      : { scale: 1, shift: 0 }
  // The chat head is calibrated on the tuning rows too (level >= high); its cut-off is the
  // classifier's CHAT_HIGH_AT, chosen on out-of-fold own scores (scripts/crisis-cv.ts --chat-head).
  const tuningChat = tuning.map((m) => score('chat', m.text))
  const chatCal =
    tuning.length > 0
      ? platt(
          tuningChat,
          tuning.map((m) => (m.level === 'high' || m.level === 'imminent' ? 1 : 0)),
        )
      : { scale: 1, shift: 0 }
  const pRisk = (z: number) => sigmoid(riskCal.scale * z + riskCal.shift)
  const pImm = (z: number) => sigmoid(immCal.scale * z + immCal.shift)
  const tuningRisk = tuning.map((m) => pRisk(score('risk', m.text)))
  const gate = options.leftToModel ?? (() => true)
  const tuningP = tuning
    .map((m, i) => ({ m, risk: tuningRisk[i], imminent: pImm(tuningImm[i]) }))
    .filter((x) => gate(x.m.text))

  // English: concern and high where the public validation split's false-positive rate reaches
  // concernFpr and highFpr.
  const enVal = validation.map((r, i) => ({ r, p: pRisk(valScores[i]) })).filter((x) => x.r.language === 'en')
  const enNeg = enVal.filter((x) => x.r.label === 0).map((x) => x.p)
  const enPos = enVal.filter((x) => x.r.label === 1).map((x) => x.p)
  const enBase = enNeg.length > 0 ? thresholdAtFpr(enNeg, options.concernFpr ?? 0.05) : 0.5
  const enHigh0 = Math.max(enBase, enNeg.length > 0 ? thresholdAtFpr(enNeg, options.highFpr ?? 0.01) : 0.8)

  // Polish has no public at-risk rows, and its probabilities run lower: its cut-offs flag the same
  // share of the tuning rows below each level as the English cut-offs flag among English ones.
  const below = (lang: string, level: 'none' | 'concern') =>
    tuningP
      .filter(
        (x) => x.m.language === lang && (x.m.level === 'none' || (level === 'concern' && x.m.level === 'concern')),
      )
      .map((x) => x.risk)
  const matched = (enScores: number[], enT: number, plScores: number[], fallback: number) => {
    if (enScores.length === 0 || plScores.length === 0) return fallback
    const rate = enScores.filter((p) => p >= enT).length / enScores.length
    return thresholdAtFpr(plScores, rate)
  }
  const plBase = Math.min(enBase, matched(below('en', 'none'), enBase, below('pl', 'none'), enBase))
  const plHigh0 = Math.min(enHigh0, matched(below('en', 'concern'), enHigh0, below('pl', 'concern'), enHigh0))

  // Hard negatives (idioms, negation, reported speech, past, media, helping others) must not gain
  // false alarms from the model: each language's concern cut-off sits above the highest model
  // score among its tuning rows noted "hard-negative" that the rules leave to the model.
  const hardMax = (lang: string) =>
    Math.max(
      0,
      ...tuningP
        .filter((x) => x.m.language === lang && x.m.level === 'none' && (x.m.note ?? '').includes('hard-negative'))
        .map((x) => x.risk),
    )
  const enConcern = Math.min(0.99, Math.max(enBase, round4(hardMax('en') + 1e-4)))
  const plConcern = Math.min(0.99, Math.max(plBase, round4(hardMax('pl') + 1e-4)))
  // A model-only high is a false alarm where the message is concern or less: each language's high
  // cut-off also sits above the highest model score among its tuning rows at concern or below
  // that the rules leave to the model.
  const belowHighMax = (lang: string) =>
    Math.max(
      0,
      ...tuningP
        .filter((x) => x.m.language === lang && (x.m.level === 'none' || x.m.level === 'concern'))
        .map((x) => x.risk),
    )
  // And when the hard negatives pushed a concern cut-off up, the high cut-off keeps the English
  // relative gap above it (share of the distance to 1), so a model-only high never comes for free.
  const gapShare = enBase < 1 ? Math.max(0, (enHigh0 - enBase) / (1 - enBase)) : 0
  const highAbove = (concern: number, high0: number, lang: string) =>
    Math.min(0.995, Math.max(high0, round4(concern + (1 - concern) * gapShare), round4(belowHighMax(lang) + 1e-4)))
  const enHigh = highAbove(enConcern, enHigh0, 'en')
  const plHigh = highAbove(plConcern, plHigh0, 'pl')

  // Imminent (the classifier asks for risk >= high as well): per language, the lowest cut-off at
  // which no tuning row below imminent that reaches the high cut-off is lifted to imminent.
  const imminentCut = (lang: string, high: number) => {
    let t = 0.5
    for (const x of tuningP) {
      if (x.m.language === lang && x.m.level !== 'imminent' && x.risk >= high)
        t = Math.max(t, round4(x.imminent + 1e-4))
    }
    return Math.min(t, 0.999)
  }
  const thresholds: Record<ModelLanguage, ModelThresholds> = {
    en: { concern: enConcern, high: enHigh, imminent: imminentCut('en', enHigh) },
    pl: { concern: plConcern, high: plHigh, imminent: imminentCut('pl', plHigh) },
  }

  const recallAt = (t: number) => (enPos.length ? enPos.filter((p) => p >= t).length / enPos.length : 0)
  const fprAt = (t: number) => (enNeg.length ? enNeg.filter((p) => p >= t).length / enNeg.length : 0)
  const plVal = validation.map((r, i) => ({ r, p: pRisk(valScores[i]) })).filter((x) => x.r.language === 'pl')
  const count = (rows: readonly PublicRow[], split: string) => rows.filter((r) => r.split === split).length
  const training = {
    seed,
    // The seeds averaged, when more than one (an artefact of one seed keeps the metadata it always had).
    ...(seeds.length > 1 ? { seeds } : {}),
    epochs,
    learningRate: hp.lr,
    l2: hp.l2,
    ownWeight,
    polishPublicWeight: POLISH_PUBLIC_WEIGHT,
    chatPublicNegatives: chatPublic,
    chatL2,
    conceptsFingerprint: CONCEPTS_FINGERPRINT,
    publicSets: [...new Set(publicRows.map((r) => r.set))].map((set) => {
      const rows = publicRows.filter((r) => r.set === set)
      return { set, train: count(rows, 'train'), validation: count(rows, 'validation'), test: count(rows, 'test') }
    }),
    ownTrainingMessages: own.length,
    // The audit sets among them, when any train (an artefact without them keeps the metadata it always had).
    ...((options.auditSets ?? TRAINING_AUDIT_SETS).length > 0
      ? { auditSets: [...(options.auditSets ?? TRAINING_AUDIT_SETS)] }
      : {}),
    tuningRows: tuning.length,
    tuningRowsLeftToModel: tuningP.length,
    validation: {
      enAuc: round4(auc(enPos, enNeg)),
      enRecallAtConcern: round4(recallAt(enConcern)),
      enFprAtConcern: round4(fprAt(enConcern)),
      enRecallAtHigh: round4(recallAt(enHigh)),
      enFprAtHigh: round4(fprAt(enHigh)),
      plFprAtConcern: round4(plVal.length ? plVal.filter((x) => x.p >= plConcern).length / plVal.length : 0),
    },
  }
  const heads2 = {
    risk: { bias: heads.risk.bias, ...riskCal, ...heads.risk.sparse } satisfies HeadArtefact,
    imminent: { bias: heads.imminent.bias, ...immCal, ...heads.imminent.sparse } satisfies HeadArtefact,
    chat: { bias: heads.chat.bias, ...chatCal, ...heads.chat.sparse } satisfies HeadArtefact,
  }
  const body = { format: MODEL_FORMAT, version: MODEL_VERSION, hashBits, heads: heads2, thresholds, training } as const
  const artefact: RiskModelArtefact = { ...body, checksum: artefactChecksum(body) }
  const summary = [
    ...MODEL_LANGUAGES.map(
      (l) =>
        `thresholds ${l}: concern ${thresholds[l].concern}, high ${thresholds[l].high}, imminent ${thresholds[l].imminent}`,
    ),
    `public validation (en): AUC ${training.validation.enAuc}; at concern recall ${training.validation.enRecallAtConcern} FPR ${training.validation.enFprAtConcern}; at high recall ${training.validation.enRecallAtHigh} FPR ${training.validation.enFprAtHigh}`,
    `public validation (pl, negatives only): FPR at concern ${training.validation.plFprAtConcern}`,
  ]
  return { artefact, summary }
}

/** Serialized artefact: one stable JSON text (weights on one line each keep it compact). */
export function serializeArtefact(a: RiskModelArtefact): string {
  return `${JSON.stringify(a)}\n`
}
