import { describe, expect, it } from 'vitest'
import { firstRecheckDelayMs } from './authenticate.js'

describe("a socket's first session re-check", () => {
  it('comes between half a minute and a minute after the handshake', () => {
    for (let k = 0; k < 5_000; k++) {
      const delay = firstRecheckDelayMs(k)
      expect(delay).toBeGreaterThanOrEqual(30_000)
      expect(delay).toBeLessThan(60_000)
    }
  })

  it('is spread evenly over sockets that connect together, so a minute later they do not all re-read at once', () => {
    // 1,000 sockets admitted in a burst (a restart): each second of the half-minute window gets about 33 of them.
    const perSecond = new Array<number>(30).fill(0)
    for (let k = 0; k < 1_000; k++) perSecond[Math.floor((firstRecheckDelayMs(k) - 30_000) / 1_000)]! += 1
    expect(Math.max(...perSecond)).toBeLessThanOrEqual(36)
    expect(Math.min(...perSecond)).toBeGreaterThanOrEqual(30)
  })
})
