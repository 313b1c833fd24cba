/**
 * The forms the rules were audited for (issue 12): English amounts with the medicine left unnamed. Each form is rated at its level by a rule (not by the model), and each harmless
 * look-alike (food, a dose, a trip, an idiom, someone else's words, the past, a negation) is left alone by
 * the rules. The examples are new: none is in the evaluation or training messages.
 */
import { describe, expect, it } from 'vitest'
import { classifyRisk, type RiskLevel } from './classifier.js'

type Case = readonly [text: string, level: RiskLevel, rule: string]

/** The combined level is `level`, and the rules alone fire `rule` (so the model did not decide it). */
function expectRuleLevels(cases: readonly Case[]) {
  for (const [text, level, rule] of cases) {
    const rules = classifyRisk(text, { rulesOnly: true })
    expect({ text, level: classifyRisk(text).level, rule: rules.signals.includes(rule) }).toEqual({
      text,
      level,
      rule: true,
    })
  }
}

/** The rules alone leave every text at `none`; a scope may still name the rule it set aside. */
function expectRulesSilent(texts: readonly string[]) {
  for (const text of texts) {
    const { level, signals } = classifyRisk(text, { rulesOnly: true })
    expect({ text, level, signals: signals.filter((s) => /^(?:pl|en)\.[a-z]/.test(s)) }).toEqual({
      text,
      level: 'none',
      signals: [],
    })
  }
}

describe('English overdoses told by their amount (en.attempt)', () => {
  it('reads a container or a stretch of doses with the medicine unnamed or after it', () => {
    expectRuleLevels([
      ['i take my meds every day but today i took the entire box', 'imminent', 'en.attempt'],
      ['just swallowed the whole strip', 'imminent', 'en.attempt'],
      ['took my entire bottle and now im dizzy', 'imminent', 'en.attempt'],
      ['swallowed my whole week of evening meds', 'imminent', 'en.attempt'],
      ['i took a whole months worth 20 minutes ago', 'imminent', 'en.attempt'],
      ['downed two weeks worth of sleeping pills', 'imminent', 'en.attempt'],
    ])
  })

  it('leaves food, a trip, moving house, time off and the scopes to the rules’ silence', () => {
    expectRulesSilent([
      'i took the entire box of cereal',
      'we were moving and i took the entire box',
      'i take my vitamins every day, took the whole bottle',
      'took a whole weeks worth of meds with me on holiday',
      'i took the whole week off',
      'my brother took the entire box',
      'i never took the whole strip',
      'years ago i swallowed the entire bottle',
    ])
  })
})
