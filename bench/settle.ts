/**
 * Between chat steps: wait until the bench's own processes are back to idle before the next step starts, so that
 * work left over from a step far beyond a target's capacity cannot spill into the steps after it.
 *
 * Why: the step rates assume each step is measured on its own (a failing rate means every higher one fails, a
 * passing one that every lower one passes, ./step-rates.ts). In the full runs of 2026-12-07 both targets failed
 * rates below ones they had passed, right after a step at about twice their capacity (the bare reference at 16:59:
 * passed 32, failed 64, then 48, 40, 36 and 34; docs/performance.md). The first run with this wait (17:11 UTC) found
 * the processes idle after one window every time, after the overloads too: there, what followed an overload was not
 * work left running. The wait stays as the guard the method assumes, and each step reports it.
 *
 * `busyCores` measures one window (the bench's processes' cores over it: servers, load clients, PostgreSQL, Redis,
 * not the rest of the machine); the wait ends at the first window at most `quietCores` busy, or after `maxMs`.
 */
export interface Settled {
  /** How long the wait took, ms. */
  ms: number
  /** Whether a quiet window was seen (false: gave up at maxMs). */
  quiet: boolean
  /** Cores busy in each window, in order. */
  windows: number[]
}

export async function settle(options: {
  busyCores: () => Promise<number>
  quietCores: number
  maxMs: number
  now?: () => number
}): Promise<Settled> {
  const now = options.now ?? (() => performance.now())
  const started = now()
  const windows: number[] = []
  for (;;) {
    const busy = await options.busyCores()
    windows.push(Math.round(busy * 100) / 100)
    if (busy <= options.quietCores) return { ms: Math.round(now() - started), quiet: true, windows }
    if (now() - started >= options.maxMs) return { ms: Math.round(now() - started), quiet: false, windows }
  }
}
