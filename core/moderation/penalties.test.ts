import { describe, expect, it } from 'vitest'
import { deadlineMinutes, ladderOf, nextPenalty, scorePriority, type PriorityInput } from './penalties.js'

const base: PriorityInput = {
  category: 'spam',
  held: false,
  distinctReporters: 1,
  facilitatorReport: false,
  reporterHistory: [{ actioned: 0, dismissed: 0 }],
}

describe('priority', () => {
  it('puts self-harm risk first, then harassment, privacy, other, spam', () => {
    const order = (['spam', 'other', 'privacy', 'harassment', 'self_harm'] as const).map((category) =>
      scorePriority({ ...base, category }),
    )
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(new Set(order).size).toBe(order.length)
  })

  it("rises with distinct reporters, a facilitator's report and reporters whose reports were acted on; falls for habitual false reporters", () => {
    const one = scorePriority(base)
    expect(
      scorePriority({
        ...base,
        distinctReporters: 3,
        reporterHistory: [
          { actioned: 0, dismissed: 0 },
          { actioned: 0, dismissed: 0 },
          { actioned: 0, dismissed: 0 },
        ],
      }),
    ).toBeGreaterThan(one)
    expect(scorePriority({ ...base, facilitatorReport: true })).toBeGreaterThan(one)
    expect(scorePriority({ ...base, reporterHistory: [{ actioned: 3, dismissed: 0 }] })).toBeGreaterThan(one)
    expect(scorePriority({ ...base, reporterHistory: [{ actioned: 0, dismissed: 3 }] })).toBeLessThan(one)
    expect(scorePriority({ ...base, held: true })).toBeGreaterThan(one)
  })

  it('stays within 0–1000, and the most urgent flags get the shortest deadline', () => {
    const max = scorePriority({
      category: 'self_harm',
      held: true,
      distinctReporters: 50,
      facilitatorReport: true,
      reporterHistory: Array(50).fill({ actioned: 9, dismissed: 0 }),
    })
    expect(max).toBe(1000)
    expect(scorePriority({ ...base, reporterHistory: Array(50).fill({ actioned: 0, dismissed: 9 }) })).toBe(0)
    expect(deadlineMinutes(1000)).toBeLessThan(deadlineMinutes(300))
    expect(deadlineMinutes(300)).toBeLessThan(deadlineMinutes(0))
  })
})

describe('the default ladder', () => {
  it('is 6 h warnings, mutes of 24 h and 24 h, then a 30-day ban', () => {
    const ladder = ladderOf({
      MODERATION_WARNING_HOURS: 6,
      MODERATION_MUTE_LADDER_HOURS: [24, 24],
      MODERATION_BAN_DAYS: 30,
    })
    expect(ladder.warningMs).toBe(6 * 3_600_000)
    expect([0, 1, 2, 5].map((n) => nextPenalty(ladder, n))).toEqual([
      { kind: 'mute', durationMs: 24 * 3_600_000 },
      { kind: 'mute', durationMs: 24 * 3_600_000 },
      { kind: 'ban', durationMs: 30 * 86_400_000 },
      { kind: 'ban', durationMs: 30 * 86_400_000 },
    ])
  })
})
