/**
 * Safe messaging in chat rooms (docs/decisions/021-safe-messaging-in-chat.md): a message rated `imminent`, or one
 * that names a method or means of self-harm, is kept from the other members of the room — they may be at risk too.
 * It is held like any other held message (moderation.pipeline.ts): stored, shown to its sender, the room's
 * facilitators and the paged clinician, and released to the room only by a facilitator.
 *
 * This is the one place that decides it, from what the crisis classifier found (the send pipeline's `ctx.risk`).
 * Signal ids are `<lang>.<kind>[.<name>]` (core/crisis/lexicon/types.ts); a prefix says how a rule matched:
 * `negated:` ("I would never…") and `past:` ("years ago…") are not current and do not count; `thinking:` is a
 * method in the speaker's thoughts ("I keep thinking about hanging myself"), which names a method and counts.
 */
export interface RiskReading {
  level: string
  signals: readonly string[]
}

/** Rule kinds that name a method, means at hand or an attempt: `en.plan.method`, `pl.plan.means`, `en.attempt`. */
const METHOD_RULE = /^[a-z]{2}\.(?:plan|attempt)(?:\.|$)/
/** Cues that name means or a method: `en.cue.means`, `pl.cue.method`, and the means emoji (pill, knife, rope…). */
const METHOD_CUE = /^(?:[a-z]{2}\.cue\.(?:means|method)|emoji\.means)$/

/** The ids of the signals that name a method or means (prefix `thinking:` removed), in the classifier's order. */
export function methodSignals(risk: RiskReading): string[] {
  return risk.signals
    .map((signal) => (signal.startsWith('thinking:') ? signal.slice('thinking:'.length) : signal))
    .filter((id) => METHOD_RULE.test(id) || METHOD_CUE.test(id))
}

/** True when the message must not be shown to the room's other members. */
export function keepsFromPeers(risk: RiskReading | undefined): boolean {
  if (!risk) return false
  return risk.level === 'imminent' || methodSignals(risk).length > 0
}
