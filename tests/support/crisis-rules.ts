/**
 * Expectations shared by the crisis rules' tests (core/crisis/lexicon-coverage.test.ts, lexicon-scopes.test.ts and
 * the audits' lexicon-audit2-*.test.ts): a level reached by a rule, not by the model, and texts the rules leave alone.
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

/** The rules alone leave every text at `none` with no rule signal (a scope may still name the rule it set aside). */
export function expectRulesSilent(texts: readonly string[]): void {
  for (const text of texts) {
    const { level, signals } = classifyRisk(text, { rulesOnly: true })
    expect({ text, level, signals: signals.filter((s) => /^(?:pl|en)\.[a-z]/.test(s)) }).toEqual({
      text,
      level: 'none',
      signals: [],
    })
  }
}

/** The combined level is `level`, and the rules' signals include every one named (a cue beside the rule that fired). */
export function expectSignals(text: string, level: RiskLevel, signals: readonly string[]): void {
  const result = classifyRisk(text, { rulesOnly: true })
  expect({ text, level: classifyRisk(text).level, has: signals.filter((s) => result.signals.includes(s)) }).toEqual({
    text,
    level,
    has: signals,
  })
}
