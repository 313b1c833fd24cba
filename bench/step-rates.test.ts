import { describe, expect, it } from 'vitest'
import {
  MAX_BISECT_STEPS,
  RESOLUTION,
  nextRate,
  offeredAtFailingStep,
  ratioInterval,
  sustainedInterval,
  type StepOutcome,
} from './step-rates.js'

/** Walks the steps a target would run, given whether it passes at a rate. */
function walk(passes: (rate: number) => boolean, offered: number[], untilFailure: boolean): StepOutcome[] {
  const steps: StepOutcome[] = []
  for (let rate = nextRate(steps, offered, { untilFailure }); rate !== undefined;) {
    steps.push({ rate, passed: passes(rate) })
    rate = nextRate(steps, offered, { untilFailure })
    if (steps.length > 50) throw new Error('no end')
  }
  return steps
}
const upTo = (limit: number) => (rate: number) => rate <= limit
const rates = (steps: StepOutcome[]) => steps.map((s) => s.rate)
const OFFERED = [1, 2, 4, 8, 16, 32]

describe('the chat scenario climbs to a passing and a failing step, then bisects between them', () => {
  it('climbs the offered steps, then bisects 4→8 until the interval is within 7.5 %', () => {
    // 7.9: 4 passes, 8 fails; 6 passes, 7 passes, 7.5 passes; 8/7.5 ≤ 1.075 ends it.
    expect(rates(walk(upTo(7.9), OFFERED, true))).toEqual([1, 2, 4, 8, 6, 7, 7.5])
    // 6.2: 6 passes, 7 fails, 6.5 fails, 6.25 fails; 6.25/6 ≤ 1.075.
    expect(rates(walk(upTo(6.2), OFFERED, true))).toEqual([1, 2, 4, 8, 6, 7, 6.5, 6.25])
    // 4.2: 6 fails, 5 fails, 4.5 fails, 4.25 fails.
    expect(rates(walk(upTo(4.2), OFFERED, true))).toEqual([1, 2, 4, 8, 6, 5, 4.5, 4.25])
  })

  it('reports the true sustained rate to within 7.5 % wherever it lies, in at most four extra steps', () => {
    for (let truth = 0.3; truth < 300; truth *= 1.07) {
      const steps = walk(upTo(truth), OFFERED, true)
      const { passed, failed } = sustainedInterval(steps)
      expect(passed).not.toBeNull()
      expect(failed).not.toBeNull()
      expect(passed!).toBeLessThanOrEqual(truth)
      expect(failed!).toBeGreaterThan(truth)
      expect(failed! / passed!).toBeLessThanOrEqual(1 + RESOLUTION)
      const bracketedAt = steps.findIndex((_, i) => {
        const b = sustainedInterval(steps.slice(0, i + 1))
        return b.passed !== null && b.failed !== null
      })
      expect(steps.length - 1 - bracketedAt).toBeLessThanOrEqual(4)
    }
  })

  it('keeps doubling past the offered steps until a step fails, then bisects', () => {
    expect(rates(walk(upTo(100), OFFERED, true))).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 96, 112, 104, 100])
  })

  it('halves when the first offered step fails until a step passes, then bisects, down to one message every 4 s', () => {
    expect(rates(walk(upTo(0.5), OFFERED, true))).toEqual([1, 0.5, 0.75, 0.625, 0.563, 0.532])
    expect(rates(walk(upTo(0.1), [1, 2, 4], true))).toEqual([1, 0.5, 0.25])
    expect(sustainedInterval(walk(upTo(0.1), [1, 2, 4], true))).toEqual({ passed: null, failed: 0.25 })
  })

  it('a noisy failure below the true rate narrows the interval under it, and the interval names both ends', () => {
    // True limit 7.5, but the 6 step fails (a burst of other work on the machine): the bisection settles below 6.
    const noisy = (rate: number) => rate !== 6 && rate <= 7.5
    const steps = walk(noisy, OFFERED, true)
    expect(rates(steps)).toEqual([1, 2, 4, 8, 6, 5, 5.5, 5.75])
    expect(sustainedInterval(steps)).toEqual({ passed: 5.75, failed: 6 })
  })

  it('stops bisecting after MAX_BISECT_STEPS when the offered steps are far apart', () => {
    const steps = walk(upTo(50), [1, 1000], true)
    expect(rates(steps).slice(0, 2)).toEqual([1, 1000])
    expect(steps.length).toBe(2 + MAX_BISECT_STEPS)
    const { passed, failed } = sustainedInterval(steps)
    expect(passed!).toBeLessThanOrEqual(50)
    expect(failed!).toBeGreaterThan(50)
  })

  it('runs only the offered steps without untilFailure (--smoke), and never bisects there', () => {
    expect(rates(walk(upTo(100), [1], false))).toEqual([1])
    expect(rates(walk(upTo(0.5), [1, 2], false))).toEqual([1])
    expect(rates(walk(upTo(5), [1, 2, 4, 8], false))).toEqual([1, 2, 4, 8])
  })
})

describe('the ratio is reported with the interval its two bisections leave', () => {
  it('divides each end of the platform by the other end of the bare reference', () => {
    const platform = { sustainedDeliveredPerSecond: 4000, firstFailedOfferedPerSecond: 4500 }
    const bare = { sustainedDeliveredPerSecond: 30000, firstFailedOfferedPerSecond: 34000 }
    expect(ratioInterval(platform, bare)).toEqual([0.118, 0.15])
  })

  it('takes the failing step at what it offered, so a failing step that delivered late cannot invert the interval', () => {
    // 7 December 22:55: bare passed 32 (30,388.8 delivered/s) and failed 34, which delivered only 30,343.1/s; the
    // platform passed 20 (18,936.2/s) and failed 21. With the failing steps' own delivered/s the interval was
    // [0.624, 0.652] around a ratio of 0.623.
    const platform = {
      sustainedDeliveredPerSecond: 18936.2,
      firstFailedOfferedPerSecond: offeredAtFailingStep({ rate: 20, deliveredPerSecond: 18936.2 }, 21),
    }
    const bare = {
      sustainedDeliveredPerSecond: 30388.8,
      firstFailedOfferedPerSecond: offeredAtFailingStep({ rate: 32, deliveredPerSecond: 30388.8 }, 34),
    }
    expect(bare.firstFailedOfferedPerSecond).toBe(32288.1)
    const [low, high] = ratioInterval(platform, bare)!
    const ratio = 18936.2 / 30388.8
    expect(low).toBeLessThan(ratio)
    expect(high).toBeGreaterThan(ratio)
    expect([low, high]).toEqual([0.586, 0.654])
  })

  it('offers nothing to divide by without a passing step or a failing one', () => {
    expect(offeredAtFailingStep(null, 4)).toBeNull()
    expect(offeredAtFailingStep({ rate: 2, deliveredPerSecond: 100 }, null)).toBeNull()
    expect(offeredAtFailingStep({ rate: 2, deliveredPerSecond: null }, 4)).toBeNull()
  })

  it('gives none when a target passed every step or none', () => {
    const bounded = { sustainedDeliveredPerSecond: 4000, firstFailedOfferedPerSecond: null }
    const measured = { sustainedDeliveredPerSecond: 30000, firstFailedOfferedPerSecond: 34000 }
    const nonePassed = { sustainedDeliveredPerSecond: 0, firstFailedOfferedPerSecond: 240 }
    expect(ratioInterval(bounded, measured)).toBeNull()
    expect(ratioInterval(measured, bounded)).toBeNull()
    expect(ratioInterval(nonePassed, measured)).toBeNull()
  })
})
