/**
 * Which rate (messages a second per room) the chat scenario tries next, given the steps a target has run.
 *
 * 1. Climb: up through the offered steps while they pass, then (untilFailure) doubling until one fails, up to
 *    MAX_RATE_PER_ROOM. If the first offered step fails, halve (untilFailure) until one passes, down to
 *    MIN_RATE_PER_ROOM.
 * 2. Bisect (untilFailure): once a passing rate P and a failing rate F above it are known, try their midpoint and
 *    keep the half that holds the boundary, until F ≤ P · (1 + RESOLUTION). Steps double, so the climb alone reads
 *    a target that sustains 7.9 as 4; after bisecting, the sustained rate reported (the highest passing step) is
 *    within 7.5 % below the first failing rate above it. From a factor of two that takes at most four extra steps
 *    (15 % and three before 2026-12-07 11:25 UTC, when a ratio read from two such ends could lie anywhere in ±15 %).
 *
 * A step that fails is taken to mean every higher rate fails too, and one that passes every lower rate passes: on a
 * noisy machine that need not hold, so the results keep every step, and `sustainedInterval` names both ends.
 */
export const MAX_RATE_PER_ROOM = 4096
/** The lowest rate tried when even the first offered step fails: one message per room every 4 s. */
export const MIN_RATE_PER_ROOM = 0.25
/** Bisection stops once the first failing rate is at most this fraction above the highest passing one. */
export const RESOLUTION = 0.075
/** A guard: bisection never runs more steps than this (from a factor of two it needs four). */
export const MAX_BISECT_STEPS = 5

export interface StepOutcome {
  rate: number
  passed: boolean
}

/** The highest passing rate, and the lowest failing rate above it (undefined while unknown). */
export function bracket(steps: readonly StepOutcome[]): { passed?: number; failed?: number } {
  const passedRates = steps.filter((s) => s.passed).map((s) => s.rate)
  const passed = passedRates.length > 0 ? Math.max(...passedRates) : undefined
  const failedAbove = steps.filter((s) => !s.passed && (passed === undefined || s.rate > passed)).map((s) => s.rate)
  const failed = failedAbove.length > 0 ? Math.min(...failedAbove) : undefined
  return { passed, failed }
}

/** The rate of the step after `steps`, or undefined to stop. */
export function nextRate(
  steps: readonly StepOutcome[],
  offered: readonly number[],
  options: { untilFailure?: boolean },
): number | undefined {
  const last = steps.at(-1)
  if (!last) return offered[0]
  const { passed, failed } = bracket(steps)
  if (!options.untilFailure) {
    // Only the offered steps, climbing while they pass.
    if (!last.passed) return undefined
    return offered.find((r) => r > last.rate)
  }
  if (passed === undefined) {
    // Nothing passed yet: halve below the lowest failure.
    const half = failed! / 2
    return half >= MIN_RATE_PER_ROOM ? half : undefined
  }
  if (failed === undefined) {
    // Everything passed so far: climb.
    const higher = offered.find((r) => r > passed)
    if (higher !== undefined) return higher
    return passed * 2 <= MAX_RATE_PER_ROOM ? passed * 2 : undefined
  }
  if (failed <= passed * (1 + RESOLUTION)) return undefined
  const firstBracketed = steps.findIndex((_, i) => {
    const b = bracket(steps.slice(0, i + 1))
    return b.passed !== undefined && b.failed !== undefined
  })
  if (steps.length - 1 - firstBracketed >= MAX_BISECT_STEPS) return undefined
  return Math.round(((passed + failed) / 2) * 1000) / 1000
}

/** Where the sustained rate lies: at least `passed`, below `failed` (null when that end was never found). */
export function sustainedInterval(steps: readonly StepOutcome[]): { passed: number | null; failed: number | null } {
  const { passed, failed } = bracket(steps)
  return { passed: passed ?? null, failed: failed ?? null }
}

/**
 * A target's sustained throughput: delivered/s at its highest passing step, and the deliveries a second its lowest
 * failing step above offered (not what that step delivered: a step that fails on latency delivers its messages late,
 * so its own delivered/s can fall below the passing step's, which would turn the interval upside down).
 */
export interface Throughput {
  sustainedDeliveredPerSecond: number
  firstFailedOfferedPerSecond: number | null
}

/**
 * What a failing step offered, in delivered/s: the passing step delivered everything it offered, and the offered
 * deliveries grow with the rate (the same members, the same rooms), so the passing step's delivered/s scaled by the
 * ratio of the rates. Null when either end is missing.
 */
export function offeredAtFailingStep(
  sustained: { rate: number; deliveredPerSecond: number | null } | null,
  failedRate: number | null,
): number | null {
  if (!sustained || !sustained.deliveredPerSecond || sustained.rate <= 0 || failedRate === null) return null
  return Math.round(((sustained.deliveredPerSecond * failedRate) / sustained.rate) * 10) / 10
}

/**
 * What the platform/bare ratio can be, given that each sustained throughput is only known to lie between its
 * highest passing step's delivered/s and what its lowest failing step offered: [platform passing / bare failing,
 * platform failing / bare passing]. Null unless both targets passed a step and failed one above it.
 */
export function ratioInterval(platform: Throughput, bare: Throughput): [number, number] | null {
  if (!platform.firstFailedOfferedPerSecond || !bare.firstFailedOfferedPerSecond) return null
  if (platform.sustainedDeliveredPerSecond <= 0 || bare.sustainedDeliveredPerSecond <= 0) return null
  const round = (n: number) => Math.round(n * 1000) / 1000
  return [
    round(platform.sustainedDeliveredPerSecond / bare.firstFailedOfferedPerSecond),
    round(platform.firstFailedOfferedPerSecond / bare.sustainedDeliveredPerSecond),
  ]
}
