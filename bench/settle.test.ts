import { describe, expect, it } from 'vitest'
import { settle } from './settle.js'

/** A clock that each measured window moves on by `windowMs`, and the windows' busy cores in turn. */
function windowsOf(busy: number[], windowMs = 500) {
  let t = 0
  let i = 0
  return {
    now: () => t,
    busyCores: async () => {
      t += windowMs
      return busy[Math.min(i++, busy.length - 1)]!
    },
    measured: () => i,
  }
}

describe('settle', () => {
  it('ends at the first quiet window and reports every window it measured', async () => {
    const w = windowsOf([1.4, 0.9, 0.31, 0.08, 0.05])
    const settled = await settle({ busyCores: w.busyCores, now: w.now, quietCores: 0.1, maxMs: 20_000 })
    expect(settled).toEqual({ ms: 2000, quiet: true, windows: [1.4, 0.9, 0.31, 0.08] })
    expect(w.measured()).toBe(4)
  })

  it('takes one window when the machine is already quiet', async () => {
    const w = windowsOf([0.02])
    expect(await settle({ busyCores: w.busyCores, now: w.now, quietCores: 0.1, maxMs: 20_000 })).toEqual({
      ms: 500,
      quiet: true,
      windows: [0.02],
    })
  })

  it('gives up after maxMs and says it was never quiet', async () => {
    const w = windowsOf([1.2])
    const settled = await settle({ busyCores: w.busyCores, now: w.now, quietCores: 0.1, maxMs: 3000 })
    expect(settled.quiet).toBe(false)
    expect(settled.ms).toBe(3000)
    expect(settled.windows).toEqual([1.2, 1.2, 1.2, 1.2, 1.2, 1.2])
  })
})
