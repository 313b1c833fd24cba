/**
 * Scoring for the crisis classifier's evaluation set (messages.jsonl beside this file).
 * `evaluate` is pure: it takes rows that already carry the expected and predicted level.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
// Not from ../classifier.js: the trainer uses this file and must not load the model artefact.
import type { RiskLevel } from '../lexicon/index.js'

const RISK_LEVELS: readonly RiskLevel[] = ['none', 'concern', 'high', 'imminent']

export interface EvalMessage {
  text: string
  level: RiskLevel
  language: 'en' | 'pl'
  note?: string
}

export interface EvalRow {
  expected: RiskLevel
  predicted: RiskLevel
}

export interface LevelScore {
  /** Correct predictions of this level / all predictions of this level (1 when never predicted). */
  precision: number
  /** Correct predictions of this level / all rows expected at this level (1 when none expected). */
  recall: number
  f1: number
  /** Rows expected at this level. */
  support: number
  /** Rows predicted at this level. */
  predicted: number
}

export interface EvalReport {
  total: number
  accuracy: number
  perLevel: Record<RiskLevel, LevelScore>
  /** confusion[expected][predicted] = count; rows expected, columns predicted. */
  confusion: Record<RiskLevel, Record<RiskLevel, number>>
  /** Expected high or imminent: share predicted high or imminent. */
  highOrImminentRecall: number
  /** Predicted high or imminent: share expected high or imminent. */
  highOrImminentPrecision: number
  /** Predicted high or imminent although expected none or concern. */
  falseAlarms: number
  /** Expected high or imminent but predicted none or concern. */
  misses: number
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den)

export function evaluate(rows: readonly EvalRow[]): EvalReport {
  const confusion = {} as Record<RiskLevel, Record<RiskLevel, number>>
  for (const e of RISK_LEVELS) {
    confusion[e] = {} as Record<RiskLevel, number>
    for (const p of RISK_LEVELS) confusion[e][p] = 0
  }
  let correct = 0
  let serious = 0
  let seriousCaught = 0
  let flagged = 0
  let flaggedRight = 0
  let falseAlarms = 0
  let misses = 0
  const isSerious = (l: RiskLevel) => l === 'high' || l === 'imminent'
  for (const { expected, predicted } of rows) {
    confusion[expected][predicted]++
    if (expected === predicted) correct++
    if (isSerious(expected)) {
      serious++
      if (isSerious(predicted)) seriousCaught++
      else misses++
    }
    if (isSerious(predicted)) {
      flagged++
      if (isSerious(expected)) flaggedRight++
      else falseAlarms++
    }
  }

  const perLevel = {} as Record<RiskLevel, LevelScore>
  for (const level of RISK_LEVELS) {
    const tp = confusion[level][level]
    const support = RISK_LEVELS.reduce((n, p) => n + confusion[level][p], 0)
    const predicted = RISK_LEVELS.reduce((n, e) => n + confusion[e][level], 0)
    const precision = ratio(tp, predicted)
    const recall = ratio(tp, support)
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    perLevel[level] = { precision, recall, f1, support, predicted }
  }

  return {
    total: rows.length,
    accuracy: ratio(correct, rows.length),
    perLevel,
    confusion,
    highOrImminentRecall: ratio(seriousCaught, serious),
    highOrImminentPrecision: ratio(flaggedRight, flagged),
    falseAlarms,
    misses,
  }
}

/** Path of the repository's evaluation set. */
export const EVAL_SET_PATH = fileURLToPath(new URL('./messages.jsonl', import.meta.url))

/** Read and validate a JSONL evaluation set. */
export function loadEvalSet(path: string = EVAL_SET_PATH): EvalMessage[] {
  return loadEvalSetLines(path).map((r) => r.message)
}

/** loadEvalSet, each row with its line number in the file (1-based; blank lines are skipped but counted). */
export function loadEvalSetLines(path: string = EVAL_SET_PATH): { message: EvalMessage; line: number }[] {
  const rows: { message: EvalMessage; line: number }[] = []
  const lines = readFileSync(path, 'utf8').split('\n')
  lines.forEach((line, i) => {
    if (line.trim() === '') return
    const row = JSON.parse(line) as Partial<EvalMessage>
    if (typeof row.text !== 'string' || !RISK_LEVELS.includes(row.level as RiskLevel)) {
      throw new Error(`${path}:${i + 1}: expected {"text": string, "level": one of ${RISK_LEVELS.join('|')}}`)
    }
    if (row.language !== 'en' && row.language !== 'pl') throw new Error(`${path}:${i + 1}: language must be en or pl`)
    rows.push({ message: row as EvalMessage, line: i + 1 })
  })
  return rows
}

/** Flagging figures at a cut-off: a row is flagged when its level is at or above `at`. */
export interface FlagScore {
  /** Rows expected at or above concern that were predicted at or above concern. */
  recallConcern: number
  /** Rows expected at or above high that were predicted at or above high. */
  recallHigh: number
  /** Predicted at or above concern: share expected at or above concern (1 when none flagged). */
  precision: number
  /** Expected none but predicted at or above concern / all expected none (0 when none expected). */
  falsePositiveRate: number
  positives: number
  negatives: number
}

const RANK: Record<RiskLevel, number> = { none: 0, concern: 1, high: 2, imminent: 3 }

export function flagScore(rows: readonly EvalRow[]): FlagScore {
  let pos = 0,
    posHit = 0,
    serious = 0,
    seriousHit = 0,
    flagged = 0,
    flaggedRight = 0,
    neg = 0,
    negHit = 0
  for (const { expected, predicted } of rows) {
    const e = RANK[expected]
    const p = RANK[predicted]
    if (e >= 1) {
      pos++
      if (p >= 1) posHit++
    } else {
      neg++
      if (p >= 1) negHit++
    }
    if (e >= 2) {
      serious++
      if (p >= 2) seriousHit++
    }
    if (p >= 1) {
      flagged++
      if (e >= 1) flaggedRight++
    }
  }
  return {
    recallConcern: ratio(posHit, pos),
    recallHigh: ratio(seriousHit, serious),
    precision: ratio(flaggedRight, flagged),
    falsePositiveRate: neg === 0 ? 0 : negHit / neg,
    positives: pos,
    negatives: neg,
  }
}

/**
 * Best recall reachable by a score threshold while the false-positive rate stays at or under
 * `maxFpr`; `threshold` is the lowest score that is flagged (a row is flagged when score >= it).
 */
export function recallAtFpr(
  pos: readonly number[],
  neg: readonly number[],
  maxFpr: number,
): { recall: number; fpr: number; threshold: number } {
  const negSorted = [...neg].sort((a, b) => b - a)
  const allowed = Math.floor(maxFpr * negSorted.length)
  // Flag everything strictly above the (allowed+1)-th highest negative.
  const bar = negSorted[allowed]
  const flaggedNeg = bar === undefined ? negSorted.length : negSorted.filter((s) => s > bar).length
  const recall = bar === undefined ? 1 : pos.filter((s) => s > bar).length / Math.max(1, pos.length)
  const threshold = bar === undefined ? 0 : Math.min(...[...pos, ...neg].filter((s) => s > bar), 1)
  return { recall, fpr: flaggedNeg / Math.max(1, negSorted.length), threshold }
}

/** The category of a row of a noted held-out set (the note's second part), e.g. "hard-idiom" or "goodbye". */
export function noteCategory(m: EvalMessage): string {
  return (m.note ?? '').split(',')[1] ?? ''
}

/** A `none` row of a noted held-out set whose category starts with `hard-` (idiom, negation, reported speech...). */
export function isNotedHardNegative(m: EvalMessage): boolean {
  return m.level === 'none' && noteCategory(m).startsWith('hard-')
}

/**
 * Read a held-out set whose every row is noted `<tag>,<category>[,...]` (heldout-sets.ts): besides the shape
 * loadEvalSet checks, a row with another tag or no category is refused with its row number.
 */
export function loadNotedSet(path: string, tag: string): EvalMessage[] {
  const rows = loadEvalSet(path)
  rows.forEach((m, i) => {
    const parts = (m.note ?? '').split(',')
    if (parts[0] !== tag || !parts[1]) throw new Error(`${path}: row ${i + 1}: note must be "${tag},<category>"`)
  })
  return rows
}
