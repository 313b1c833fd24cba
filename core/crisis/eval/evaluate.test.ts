import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { classifyRisk, RISK_LEVELS } from '../classifier.js'
import { evaluate, flagScore, loadEvalSet, recallAtFpr, type EvalRow } from './evaluate.js'
import { CHILD_RUN_TIMEOUT_MS } from '../../../tests/support/processes.js'

describe('evaluate', () => {
  // expected -> predicted
  const rows: EvalRow[] = [
    { expected: 'none', predicted: 'none' },
    { expected: 'none', predicted: 'none' },
    { expected: 'none', predicted: 'high' }, // false alarm
    { expected: 'concern', predicted: 'concern' },
    { expected: 'concern', predicted: 'none' },
    { expected: 'high', predicted: 'high' },
    { expected: 'high', predicted: 'imminent' },
    { expected: 'high', predicted: 'concern' }, // miss
    { expected: 'imminent', predicted: 'imminent' },
    { expected: 'imminent', predicted: 'none' }, // miss
  ]
  const report = evaluate(rows)

  it('counts the confusion matrix with rows expected and columns predicted', () => {
    expect(report.total).toBe(10)
    expect(report.confusion.none).toEqual({ none: 2, concern: 0, high: 1, imminent: 0 })
    expect(report.confusion.high).toEqual({ none: 0, concern: 1, high: 1, imminent: 1 })
    expect(report.confusion.imminent).toEqual({ none: 1, concern: 0, high: 0, imminent: 1 })
  })

  it('computes precision, recall and F1 per level', () => {
    // none: predicted 4 times (2 right), expected 3 times
    expect(report.perLevel.none.precision).toBeCloseTo(2 / 4)
    expect(report.perLevel.none.recall).toBeCloseTo(2 / 3)
    expect(report.perLevel.none.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3))
    // high: predicted twice (1 right), expected 3 times
    expect(report.perLevel.high.precision).toBeCloseTo(1 / 2)
    expect(report.perLevel.high.recall).toBeCloseTo(1 / 3)
    expect(report.perLevel.high.support).toBe(3)
    expect(report.perLevel.high.predicted).toBe(2)
    // imminent: predicted twice (1 right), expected twice
    expect(report.perLevel.imminent.precision).toBeCloseTo(1 / 2)
    expect(report.perLevel.imminent.recall).toBeCloseTo(1 / 2)
  })

  it('computes accuracy, the serious-risk figures, false alarms and misses', () => {
    expect(report.accuracy).toBeCloseTo(5 / 10)
    // expected high/imminent: 5 rows, 3 predicted high/imminent
    expect(report.highOrImminentRecall).toBeCloseTo(3 / 5)
    // predicted high/imminent: 4 rows, 3 expected high/imminent
    expect(report.highOrImminentPrecision).toBeCloseTo(3 / 4)
    expect(report.falseAlarms).toBe(1)
    expect(report.misses).toBe(2)
  })

  it('does not divide by zero', () => {
    const empty = evaluate([])
    expect(empty.accuracy).toBe(1)
    expect(empty.perLevel.high).toMatchObject({ precision: 1, recall: 1, support: 0, predicted: 0 })
    const never = evaluate([{ expected: 'none', predicted: 'concern' }])
    expect(never.perLevel.concern.precision).toBe(0)
    expect(never.perLevel.concern.f1).toBe(0)
  })
})

describe('the evaluation set', () => {
  const messages = loadEvalSet()

  it('has at least 400 labelled messages in both languages, roughly half each, at every level', () => {
    expect(messages.length).toBeGreaterThanOrEqual(400)
    const en = messages.filter((m) => m.language === 'en').length
    const pl = messages.filter((m) => m.language === 'pl').length
    expect(Math.min(en, pl) / messages.length).toBeGreaterThan(0.4)
    for (const language of ['en', 'pl'] as const) {
      for (const level of RISK_LEVELS) {
        expect(
          messages.some((m) => m.language === language && m.level === level),
          `${language}/${level}`,
        ).toBe(true)
      }
    }
  })

  it('includes the hard negatives', () => {
    for (const kind of ['idiom', 'negation', 'reported', 'lyrics', 'helping', 'past']) {
      for (const language of ['en', 'pl'] as const) {
        const found = messages.some(
          (m) => m.language === language && m.level === 'none' && (m.note ?? '').includes(`hard-negative:${kind}`),
        )
        expect(found, `${language} hard-negative:${kind}`).toBe(true)
      }
    }
  })

  it('keeps recall on high and imminent at or above 0.85 (regression guard)', () => {
    const report = evaluate(messages.map((m) => ({ expected: m.level, predicted: classifyRisk(m.text).level })))
    expect(report.highOrImminentRecall).toBeGreaterThanOrEqual(0.85)
    expect(report.highOrImminentPrecision).toBeGreaterThanOrEqual(0.8)
  })
})

describe('flagging figures', () => {
  it('counts recall at >= concern and >= high, precision and the false-positive rate', () => {
    const f = flagScore([
      { expected: 'none', predicted: 'none' },
      { expected: 'none', predicted: 'concern' }, // false positive
      { expected: 'none', predicted: 'none' },
      { expected: 'none', predicted: 'none' },
      { expected: 'concern', predicted: 'high' },
      { expected: 'high', predicted: 'concern' }, // flagged, but below high
      { expected: 'imminent', predicted: 'imminent' },
      { expected: 'high', predicted: 'none' }, // miss
    ])
    expect(f).toEqual({
      recallConcern: 3 / 4,
      recallHigh: 1 / 3,
      precision: 3 / 4,
      falsePositiveRate: 1 / 4,
      positives: 4,
      negatives: 4,
    })
  })

  it('finds the best recall at a false-positive cap and the threshold that gives it', () => {
    const neg = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
    const pos = [0.5, 0.85, 0.92, 0.97, 0.99]
    // 10 % of 10 negatives: one may be flagged (0.95); everything above 0.9 is flagged.
    expect(recallAtFpr(pos, neg, 0.1)).toEqual({ recall: 3 / 5, fpr: 0.1, threshold: 0.92 })
    // 0 %: only above the highest negative.
    expect(recallAtFpr(pos, neg, 0)).toEqual({ recall: 2 / 5, fpr: 0, threshold: 0.97 })
  })
})

describe('npm run crisis:eval', () => {
  it('says clearly when the public data is absent and still succeeds', { timeout: CHILD_RUN_TIMEOUT_MS }, () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/crisis-eval.ts', '--lang', 'pl', '--data', '/nonexistent/crisis-data'],
      {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
        encoding: 'utf8',
      },
    )
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('public data not found in /nonexistent/crisis-data: part (b) skipped')
    expect(run.stdout).toMatch(/-- tuning rows, pl \(\d+\)/)
    expect(run.stdout).toMatch(/-- held-out rows, pl \(\d+\)/)
    expect(run.stdout).toMatch(
      /rules \+ model +recall>=concern [\d.]+ +recall>=high [\d.]+ +precision [\d.]+ +FPR [\d.]+/,
    )
  })
})
