import { describe, expect, it } from 'vitest'
import { percentile, summarize, table } from './stats.js'

describe('bench statistics', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 99)).toBe(99)
    expect(summarize([5, 1, 3])).toEqual({ count: 3, p50: 3, p95: 5, p99: 5, max: 5 })
    expect(Number.isNaN(percentile([], 50))).toBe(true)
  })

  it('renders an aligned table', () => {
    expect(
      table([
        { a: 1, bb: 'x' },
        { a: 22, bb: null },
      ]),
    ).toBe('a   bb\n--  --\n1   x \n22  – ')
  })
})
