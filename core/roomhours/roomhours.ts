import { DateTime } from 'luxon'

/**
 * Opening hours of a topic room (docs/decisions/043-rooms-open-only-with-cover.md): weekly windows in the room's
 * own zone. Pure: the clock and the schedule come in, whether the room is open and when it next opens come out.
 * A room with no window is always open.
 */
export interface OpeningWindow {
  weekday: number
  opensMinute: number
  closesMinute: number
}
export interface OpeningState {
  open: boolean
  scheduled: boolean
  nextOpening: Date | null
  closesAt: Date | null
}

/** Windows overlapping or touching one another are fine; a week is scanned window by window. */
export function openingState(windows: readonly OpeningWindow[], zone: string, now: Date): OpeningState {
  if (windows.length === 0) return { open: true, scheduled: false, nextOpening: null, closesAt: null }
  const local = DateTime.fromJSDate(now, { zone })
  const today = local.startOf('day')
  let nextOpening: Date | null = null
  let closesAt: Date | null = null
  // Yesterday through eight days ahead covers every window of the week from any instant, DST shifts included.
  for (let offset = -1; offset <= 8; offset++) {
    const day = today.plus({ days: offset })
    for (const w of windows) {
      if (w.weekday !== day.weekday) continue
      const opens = day.plus({ minutes: w.opensMinute }).toJSDate()
      const closes = day.plus({ minutes: w.closesMinute }).toJSDate()
      if (opens <= now && now < closes) {
        if (!closesAt || closes > closesAt) closesAt = closes
      } else if (opens > now && (!nextOpening || opens < nextOpening)) {
        nextOpening = opens
      }
    }
  }
  return closesAt
    ? { open: true, scheduled: true, nextOpening: null, closesAt }
    : { open: false, scheduled: true, nextOpening, closesAt: null }
}

/** "Mon 18:00-20:00" style input lines: `<weekday 1-7> <HH:MM>-<HH:MM>`; null when a line is not acceptable. */
export function parseWindows(text: string): OpeningWindow[] | null {
  const out: OpeningWindow[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) continue
    const m = /^([1-7])\s+(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/.exec(line)
    if (!m) return null
    const [weekday, oh, om, ch, cm] = m.slice(1).map(Number) as [number, number, number, number, number]
    if (oh > 23 || om > 59 || ch > 24 || cm > 59 || (ch === 24 && cm !== 0)) return null
    const opensMinute = oh * 60 + om
    const closesMinute = ch * 60 + cm
    if (closesMinute <= opensMinute) return null
    out.push({ weekday, opensMinute, closesMinute })
  }
  return out.length <= 50 ? out : null
}
