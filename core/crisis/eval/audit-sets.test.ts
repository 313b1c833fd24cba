/**
 * The audit sets (audit-sets.ts): their shape, and that no audit row is also a held-out row, a row of the first set
 * or a training message. An audit set is read by the rules audits; a row it shared with a held-out set would let an
 * audit tune on a message the held-out figures count as unseen.
 */
import { describe, expect, it } from 'vitest'
import { canonicalize } from '../model/canonical.js'
import { OWN_TRAINING_PATH } from '../model/train.js'
import { AUDIT_SET_NUMBERS, auditSetTag, loadAuditSet } from './audit-sets.js'
import { isNotedHardNegative, loadEvalSet, noteCategory } from './evaluate.js'
import { HELDOUT_SET_NUMBERS, loadHeldoutSet } from './heldout-sets.js'

const LEVELS = ['imminent', 'high', 'concern', 'none'] as const

describe.each(AUDIT_SET_NUMBERS)('audit set %i', (n) => {
  const rows = loadAuditSet(n)

  it('holds both languages at every level, with hard negatives, each row tagged and categorised once', () => {
    for (const language of ['en', 'pl'] as const) {
      const mine = rows.filter((m) => m.language === language)
      for (const level of LEVELS) expect(mine.filter((m) => m.level === level).length).toBeGreaterThan(0)
      expect(mine.filter(isNotedHardNegative).length).toBeGreaterThan(0)
    }
    expect(rows.every((m) => m.note!.startsWith(`${auditSetTag(n)},`) && noteCategory(m) !== '')).toBe(true)
    expect(rows.filter((m) => m.level !== 'none' && noteCategory(m).startsWith('hard-')).length).toBe(0)
    expect(new Set(rows.map((m) => canonicalize(m.text))).size).toBe(rows.length)
  })

  it('shares no text with a held-out set, the first set or the training messages', () => {
    const own = new Set(rows.map((m) => canonicalize(m.text)))
    const others = [
      ...HELDOUT_SET_NUMBERS.flatMap((h) => loadHeldoutSet(h)),
      ...loadEvalSet(),
      ...loadEvalSet(OWN_TRAINING_PATH),
      ...AUDIT_SET_NUMBERS.filter((other) => other !== n).flatMap((other) => loadAuditSet(other)),
    ]
    expect(others.filter((m) => own.has(canonicalize(m.text))).length).toBe(0)
  })
})
