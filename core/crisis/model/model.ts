/**
 * The crisis risk model's artefact format, its validation and scoring. The shipped instance is in
 * ./risk-model.ts; this file loads nothing, so the trainer runs even when the artefact is broken.
 *
 * The model: two calibrated logistic-regression heads over hashed word and character
 * n-grams (./features.ts), trained offline by `npm run crisis:train` (scripts/crisis-train.ts) and
 * shipped as ./risk-model.json. The classifier (../classifier.ts) combines its levels with the
 * rules; docs/crisis-model.md is the model card.
 *
 *  - risk head: probability that a message shows any risk (level >= concern);
 *  - imminent head: probability that a message is an attempt, means at hand or a goodbye;
 *  - chat head (version 4): probability that a message is at level high or imminent, trained on the
 *    project's own chat-style messages alone, calibrated on the own tuning rows;
 *    the classifier's cut-off for it (CHAT_HIGH_AT) is chosen on out-of-fold own scores.
 *
 * The artefact is validated once at module load; a wrong format, version, shape or checksum
 * throws at start with a clear error, so a broken artefact can never silently disable the model.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { CONCEPTS_FINGERPRINT } from './concepts.js'
import { featureBuffer, featureIndexes, forEachFeature } from './features.js'

export const MODEL_FORMAT = 'holdspace.crisis-risk-model'
/**
 * 2: features add a light (Polish) stem per word (./features.ts); 3: concept classes and their
 * pairs (./concepts.ts); 4: a third head, `chat` (level >= high on the own chat-style messages).
 * An artefact of another version is refused.
 */
export const MODEL_VERSION = 4

/** The heads of an artefact, in the order their weights sit side by side when scoring. */
export const HEAD_NAMES = ['risk', 'imminent', 'chat'] as const
export type HeadName = (typeof HEAD_NAMES)[number]

export interface HeadArtefact {
  /** Intercept of the linear score. */
  bias: number
  /** Platt calibration: probability = sigmoid(scale * score + shift). */
  scale: number
  shift: number
  /** Feature indexes with a non-zero weight, ascending, and their weights. */
  index: number[]
  weight: number[]
}

export interface ModelThresholds {
  /** Calibrated risk probability from which the model says concern. */
  concern: number
  /** Calibrated risk probability from which the model says high. */
  high: number
  /** Calibrated imminent probability from which the model says imminent (with risk >= high). */
  imminent: number
}

/** Languages the model has thresholds for (the classifier's languages). */
export const MODEL_LANGUAGES = ['en', 'pl'] as const
export type ModelLanguage = (typeof MODEL_LANGUAGES)[number]

export interface RiskModelArtefact {
  format: typeof MODEL_FORMAT
  version: typeof MODEL_VERSION
  hashBits: number
  heads: Record<HeadName, HeadArtefact>
  /** Per language: the calibrated scores differ by language, so the cut-offs do too. */
  thresholds: Record<ModelLanguage, ModelThresholds>
  /** Provenance and validation figures written by the trainer (data sets, row counts, seed). */
  training: Record<string, unknown>
  /** `sha256:<hex>` of checksumPayload(artefact). */
  checksum: string
}

/** What the checksum covers: everything but the checksum, in a fixed order. */
export function checksumPayload(a: Omit<RiskModelArtefact, 'checksum'>): string {
  return JSON.stringify([a.format, a.version, a.hashBits, a.heads, a.thresholds, a.training])
}

export function artefactChecksum(a: Omit<RiskModelArtefact, 'checksum'>): string {
  return `sha256:${createHash('sha256').update(checksumPayload(a)).digest('hex')}`
}

export class RiskModelError extends Error {
  constructor(source: string, problem: string) {
    super(
      `crisis risk model ${source} is unusable: ${problem}. Retrain with \`npm run crisis:train\` (docs/crisis-model.md).`,
    )
    this.name = 'RiskModelError'
  }
}

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)

function checkHead(source: string, name: string, head: unknown, size: number): HeadArtefact {
  const h = head as Partial<HeadArtefact> | null
  if (!h || typeof h !== 'object') throw new RiskModelError(source, `head "${name}" is missing`)
  for (const k of ['bias', 'scale', 'shift'] as const) {
    if (!isNum(h[k])) throw new RiskModelError(source, `head "${name}".${k} is not a number`)
  }
  if (!Array.isArray(h.index) || !Array.isArray(h.weight) || h.index.length !== h.weight.length) {
    throw new RiskModelError(source, `head "${name}" needs index and weight arrays of equal length`)
  }
  let prev = -1
  for (let i = 0; i < h.index.length; i++) {
    const ix = h.index[i]
    if (!Number.isInteger(ix) || ix <= prev || ix >= size)
      throw new RiskModelError(source, `head "${name}" index ${i} is out of order or range`)
    if (!isNum(h.weight[i])) throw new RiskModelError(source, `head "${name}" weight ${i} is not a number`)
    prev = ix
  }
  return h as HeadArtefact
}

/** Validate a parsed artefact; throws RiskModelError naming the problem. */
export function validateArtefact(value: unknown, source = 'artefact'): RiskModelArtefact {
  const a = value as Partial<RiskModelArtefact> | null
  if (!a || typeof a !== 'object') throw new RiskModelError(source, 'it is not a JSON object')
  if (a.format !== MODEL_FORMAT)
    throw new RiskModelError(source, `format is ${JSON.stringify(a.format)}, expected "${MODEL_FORMAT}"`)
  if (a.version !== MODEL_VERSION)
    throw new RiskModelError(
      source,
      `version is ${JSON.stringify(a.version)}, this code reads version ${MODEL_VERSION}`,
    )
  if (!Number.isInteger(a.hashBits) || a.hashBits! < 10 || a.hashBits! > 24)
    throw new RiskModelError(source, 'hashBits must be an integer from 10 to 24')
  const size = 1 << a.hashBits!
  if (!a.heads || typeof a.heads !== 'object') throw new RiskModelError(source, 'heads are missing')
  for (const name of HEAD_NAMES) checkHead(source, name, (a.heads as Record<string, unknown>)[name], size)
  for (const language of MODEL_LANGUAGES) {
    const t = (a.thresholds as Partial<Record<ModelLanguage, ModelThresholds>> | undefined)?.[language]
    if (
      !t ||
      !isNum(t.concern) ||
      !isNum(t.high) ||
      !isNum(t.imminent) ||
      !(t.concern > 0 && t.concern <= t.high && t.high < 1 && t.imminent > 0 && t.imminent < 1)
    ) {
      throw new RiskModelError(
        source,
        `thresholds.${language} must be probabilities with 0 < concern <= high < 1 and 0 < imminent < 1`,
      )
    }
  }
  if (!a.training || typeof a.training !== 'object') throw new RiskModelError(source, 'training metadata is missing')
  if (a.training.conceptsFingerprint !== CONCEPTS_FINGERPRINT)
    throw new RiskModelError(
      source,
      `it was trained with another concept lexicon (fingerprint ${JSON.stringify(a.training.conceptsFingerprint)}, this code has ${CONCEPTS_FINGERPRINT}; core/crisis/model/concepts.ts)`,
    )
  if (typeof a.checksum !== 'string' || a.checksum !== artefactChecksum(a as RiskModelArtefact)) {
    throw new RiskModelError(source, 'checksum does not match its content (edited or truncated)')
  }
  return a as RiskModelArtefact
}

/** Read and validate an artefact file (training, evaluation and tests). */
export function readArtefactFile(path: string): RiskModelArtefact {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new RiskModelError(path, 'the file is missing or unreadable')
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new RiskModelError(path, 'it is not valid JSON')
  }
  return validateArtefact(parsed, path)
}

interface Head {
  bias: number
  scale: number
  shift: number
}

export interface ModelScore {
  /** Calibrated probability of any risk (>= concern). */
  risk: number
  /** Calibrated probability of an imminent message. */
  imminent: number
  /** Calibrated probability that a chat message is at level high or above (the chat head). */
  chat: number
}

export interface ModelFeature {
  /** Feature index, stable for a given artefact: the signal is `model.ngram:<index>`. */
  index: number
  /** Contribution to the head's linear score (the risk head's unless another was asked for). */
  contribution: number
}

/** Number of set bits in a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/** A loaded model, ready to score canonical text. */
export class RiskModel {
  readonly thresholds: Readonly<Record<ModelLanguage, ModelThresholds>>
  readonly hashBits: number
  private readonly risk: Head
  private readonly imminentHead: Head
  private readonly chatHead: Head
  /*
   * The weights, compact: most feature indexes have no weight in either head, so a bit per index
   * says which do (`present`, 32 KB at 18 bits), `rank` counts the set bits before each 32-bit word,
   * and `pairs` holds the three heads' weights of the k-th weighted index side by side (3k: risk,
   * 3k + 1: imminent, 3k + 2: chat). A message's features then touch a few hundred KB instead of
   * three dense 1 MB arrays at random; the values are the same float32 weights, summed in the same
   * order (an index with no weight added 0, which changes no sum).
   */
  private readonly present: Uint32Array
  private readonly rank: Int32Array
  private readonly pairs: Float32Array

  constructor(readonly artefact: RiskModelArtefact) {
    this.hashBits = artefact.hashBits
    this.thresholds = artefact.thresholds
    const words = Math.max(1, (1 << artefact.hashBits) >>> 5)
    const { risk, imminent, chat } = artefact.heads
    const present = new Uint32Array(words)
    for (const h of [risk, imminent, chat]) for (const ix of h.index) present[ix >>> 5]! |= 1 << (ix & 31)
    const rank = new Int32Array(words)
    let count = 0
    for (let w = 0; w < words; w++) {
      rank[w] = count
      count += popcount(present[w]!)
    }
    this.present = present
    this.rank = rank
    this.pairs = new Float32Array(3 * count)
    for (const [h, offset] of [
      [risk, 0],
      [imminent, 1],
      [chat, 2],
    ] as const) {
      for (let i = 0; i < h.index.length; i++) this.pairs[3 * this.slot(h.index[i]!) + offset] = h.weight[i]!
    }
    this.risk = { bias: risk.bias, scale: risk.scale, shift: risk.shift }
    this.imminentHead = { bias: imminent.bias, scale: imminent.scale, shift: imminent.shift }
    this.chatHead = { bias: chat.bias, scale: chat.scale, shift: chat.shift }
  }

  /** The index's position among weighted indexes, or -1 when neither head weighs it. */
  private slot(ix: number): number {
    const word = this.present[ix >>> 5]!
    const b = ix & 31
    if (((word >>> b) & 1) === 0) return -1
    return this.rank[ix >>> 5]! + popcount(word & ~(-1 << b))
  }

  /** Calibrated probabilities for canonical text (see ./canonical.ts). */
  score(canonical: string): ModelScore {
    const { present, rank, pairs } = this
    let r = 0
    let m = 0
    let c = 0
    // The features from a reused buffer (./features.ts), in order: no closure or array per message.
    const n = featureIndexes(canonical, this.hashBits)
    const features = featureBuffer()
    for (let f = 0; f < n; f++) {
      const ix = features[f]!
      const word = present[ix >>> 5]!
      const b = ix & 31
      if (((word >>> b) & 1) === 0) continue
      const k = 3 * (rank[ix >>> 5]! + popcount(word & ~(-1 << b)))
      r += pairs[k]!
      m += pairs[k + 1]!
      c += pairs[k + 2]!
    }
    const norm = n > 0 ? 1 / Math.sqrt(n) : 0
    return {
      risk: calibrate(this.risk, this.risk.bias + r * norm),
      imminent: calibrate(this.imminentHead, this.imminentHead.bias + m * norm),
      chat: calibrate(this.chatHead, this.chatHead.bias + c * norm),
    }
  }

  /**
   * The `limit` features that raised a head's score most (positive contributions only): the risk
   * head's by default, the chat head's where that head raised the level.
   */
  topFeatures(canonical: string, limit = 3, head: 'risk' | 'chat' = 'risk'): ModelFeature[] {
    const sums = new Map<number, number>()
    const offset = head === 'chat' ? 2 : 0
    forEachFeature(canonical, this.hashBits, (ix) => {
      const k = this.slot(ix)
      const w = k < 0 ? 0 : this.pairs[3 * k + offset]!
      if (w > 0) sums.set(ix, (sums.get(ix) ?? 0) + w)
    })
    return [...sums]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([index, contribution]) => ({ index, contribution }))
  }
}

function calibrate(h: Head, z: number): number {
  return 1 / (1 + Math.exp(-(h.scale * z + h.shift)))
}
