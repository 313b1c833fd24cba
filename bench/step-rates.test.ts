import { describe, expect, it } from 'vitest'
import { nextRate } from './scenarios/chat.js'

/** Walks the steps a target would run, given the highest rate per room at which it passes. */
function walk(passesUpTo: number, offered: number[], untilFailure: boolean): number[] {
  const steps: Array<{ rate: number; passed: boolean }> = []
  for (
    let rate: number | undefined = offered[0];
    rate !== undefined;
    rate = nextRate(rate, steps, offered, { untilFailure })
  )
    steps.push({ rate, passed: rate <= passesUpTo })
  return steps.map((s) => s.rate)
}

describe('the chat scenario steps a rate until one passes and the next fails', () => {
  it('climbs the offered steps and stops at the first failure', () => {
    expect(walk(4, [1, 2, 4, 8, 16, 32], true)).toEqual([1, 2, 4, 8])
  })

  it('keeps doubling past the offered steps until a step fails', () => {
    expect(walk(100, [1, 2, 4, 8, 16, 32], true)).toEqual([1, 2, 4, 8, 16, 32, 64, 128])
  })

  it('halves when the first offered step fails, until a step passes, down to one message per room every 4 s', () => {
    expect(walk(0.5, [1, 2, 4, 8, 16, 32], true)).toEqual([1, 0.5])
    expect(walk(0.3, [1, 2, 4], true)).toEqual([1, 0.5, 0.25])
    expect(walk(0.1, [1, 2, 4], true)).toEqual([1, 0.5, 0.25])
  })

  it('runs only the offered steps without untilFailure (--smoke)', () => {
    expect(walk(100, [1], false)).toEqual([1])
    expect(walk(0.5, [1, 2], false)).toEqual([1])
  })
})
