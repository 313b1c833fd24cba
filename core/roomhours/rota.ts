import { openingState, type OpeningState, type OpeningWindow } from './roomhours.js'

/**
 * A facilitator rota (docs/decisions/048-facilitator-rota.md): a room set to open only with cover is open while a
 * shift of one of its facilitators covers the moment AND, when it has opening hours too, inside them. Pure: the
 * schedule, the shifts and the clock come in; whether the room is open, until when, or when it next opens come out.
 */
export interface Shift {
  startsAt: Date
  endsAt: Date
}

export interface RoomRule {
  zone: string
  windows: readonly OpeningWindow[]
  withCover: boolean
  /** Shifts of the room's current facilitators that have not ended (any order). */
  shifts: readonly Shift[]
}

/** The end of the unbroken cover that includes `at` (shifts that overlap or touch join up), or null if uncovered. */
export function coveredUntil(shifts: readonly Shift[], at: Date): Date | null {
  let until: Date | null = null
  let cursor = at
  for (;;) {
    let next: Date | null = null
    for (const s of shifts) {
      if (s.startsAt <= cursor && cursor < s.endsAt && (!next || s.endsAt > next)) next = s.endsAt
    }
    if (!next) return until
    until = next
    cursor = next
  }
}

/** The room's state at `now`: opening hours alone, or hours AND cover for a room that opens only with cover. */
export function roomState(rule: RoomRule, now: Date): OpeningState {
  const hoursAt = (at: Date) => openingState(rule.windows, rule.zone, at)
  if (!rule.withCover) return hoursAt(now)

  const hours = hoursAt(now)
  const cover = coveredUntil(rule.shifts, now)
  if (hours.open && cover) {
    const closesAt = hours.closesAt && hours.closesAt < cover ? hours.closesAt : cover
    return { open: true, scheduled: true, nextOpening: null, closesAt }
  }

  // The room opens when the later of the two conditions starts to hold: at a shift's start or at a window's
  // opening. Every such instant before the last shift ends is a candidate; the first that is both is the answer.
  const lastEnd = rule.shifts.reduce<Date | null>((max, s) => (!max || s.endsAt > max ? s.endsAt : max), null)
  if (!lastEnd) return { open: false, scheduled: true, nextOpening: null, closesAt: null }
  const candidates = rule.shifts.filter((s) => s.startsAt > now).map((s) => s.startsAt)
  if (rule.windows.length > 0) {
    let cursor = now
    for (let i = 0; i < 1000 && cursor < lastEnd; i++) {
      const state = hoursAt(cursor)
      if (state.open && state.closesAt) cursor = state.closesAt
      else if (state.nextOpening && state.nextOpening < lastEnd) {
        candidates.push(state.nextOpening)
        cursor = state.nextOpening
      } else break
    }
  }
  candidates.sort((a, b) => a.getTime() - b.getTime())
  const nextOpening = candidates.find((at) => at > now && hoursAt(at).open && coveredUntil(rule.shifts, at)) ?? null
  return { open: false, scheduled: true, nextOpening, closesAt: null }
}
