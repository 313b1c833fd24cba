import type { Config } from '../config/config.js'

/**
 * The default penalty ladder (configurable per deployment): a warning stays active for
 * MODERATION_WARNING_HOURS; the third active warning in a room mutes; a member's successive mutes in a
 * room last MODERATION_MUTE_LADDER_HOURS (24 h, 24 h), and the step after the last is a ban of
 * MODERATION_BAN_DAYS.
 */
export const WARNINGS_BEFORE_MUTE = 3

export interface Ladder {
  warningMs: number
  muteMs: readonly number[]
  banMs: number
}

const HOUR = 3_600_000

export function ladderOf(
  config: Pick<Config, 'MODERATION_WARNING_HOURS' | 'MODERATION_MUTE_LADDER_HOURS' | 'MODERATION_BAN_DAYS'>,
): Ladder {
  return {
    warningMs: config.MODERATION_WARNING_HOURS * HOUR,
    muteMs: config.MODERATION_MUTE_LADDER_HOURS.map((h) => h * HOUR),
    banMs: config.MODERATION_BAN_DAYS * 24 * HOUR,
  }
}

/** The escalating step for a member who already had `priorMutes` mutes in this room. */
export function nextPenalty(ladder: Ladder, priorMutes: number): { kind: 'mute' | 'ban'; durationMs: number } {
  const mute = ladder.muteMs[priorMutes]
  return mute !== undefined ? { kind: 'mute', durationMs: mute } : { kind: 'ban', durationMs: ladder.banMs }
}

/** Priority 0–1000: what a facilitator should look at first. */
const CATEGORY_WEIGHT = { self_harm: 500, harassment: 300, privacy: 250, spam: 100, other: 120 } as const

export interface PriorityInput {
  category: keyof typeof CATEGORY_WEIGHT
  held: boolean
  distinctReporters: number
  facilitatorReport: boolean
  /** Per reporter: how many of their earlier reports were acted on, and how many dismissed. */
  reporterHistory: Array<{ actioned: number; dismissed: number }>
}

export function scorePriority(input: PriorityInput): number {
  let score = CATEGORY_WEIGHT[input.category]
  if (input.held) score += 100
  score += Math.min(Math.max(input.distinctReporters - 1, 0), 5) * 60
  if (input.facilitatorReport) score += 250
  for (const reporter of input.reporterHistory) {
    // A reporter whose reports were usually right counts more; one whose reports were usually dismissed, less.
    score += Math.min(reporter.actioned, 3) * 15 - Math.min(reporter.dismissed, 3) * 15
  }
  return Math.max(0, Math.min(1000, Math.round(score)))
}

/** How long a flag may wait before its room's facilitators are reminded (and, after another such wait, admins). */
export function deadlineMinutes(priority: number): number {
  if (priority >= 600) return 15
  if (priority >= 300) return 30
  return 120
}
