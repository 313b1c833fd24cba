/**
 * Expectations shared by the crisis rules' tests (core/crisis/lexicon-coverage.test.ts, lexicon-scopes.test.ts): a
 * level reached by a rule, not by the model, and texts the rules leave alone.
 */
import { expect } from 'vitest'
import { classifyRisk, type RiskLevel } from '../../core/crisis/classifier.js'

export type RuleCase = readonly [text: string, level: RiskLevel, rule: string]

/** The combined level is `level`, and the rules alone fire `rule` (so the model did not decide it). */
export function expectRuleLevels(cases: readonly RuleCase[]): void {
  for (const [text, level, rule] of cases) {
    const rules = classifyRisk(text, { rulesOnly: true })
    expect({ text, level: classifyRisk(text).level, rule: rules.signals.includes(rule) }).toEqual({
      text,
      level,
      rule: true,
    })
  }
}
