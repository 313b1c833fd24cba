import { DateTime, IANAZone } from 'luxon'
import * as rruleModule from 'rrule'
import { formatDateTime } from '../contracts/time.js'

// rrule ships CommonJS for Node and ESM for bundlers; take RRule from whichever shape was loaded.
const { RRule } = (rruleModule as { RRule?: unknown }).RRule
  ? rruleModule
  : (rruleModule as unknown as { default: typeof rruleModule }).default

export const MATERIALIZE_WEEKS = 8
const MAX_OCCURRENCES = 120

export function isTimeZone(zone: string): boolean {
  return /^[A-Za-z0-9_+/-]{1,64}$/.test(zone) && IANAZone.isValidZone(zone)
}

/**
 * Parse and normalise an RRULE (without DTSTART). Only daily, weekly and monthly rules; DTSTART comes from the
 * group's first start. Returns null when the rule is not acceptable.
 */
export function normaliseRrule(input: string): string | null {
  const text = input
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase()
  if (!/^[A-Z0-9=;,+-]{9,300}$/.test(text) || /DTSTART|TZID/.test(text)) return null
  try {
    const options = RRule.parseString(text)
    if (options.freq === undefined || ![RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY].includes(options.freq)) return null
    if (options.interval !== undefined && (options.interval < 1 || options.interval > 12)) return null
    return RRule.optionsToString(options).replace(/^RRULE:/, '')
  } catch {
    return null
  }
}

/** A wall-clock time with no zone, as stored in groups.first_start_local ("2026-03-24T18:00"). */
export interface LocalDateTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

export function parseLocalDateTime(value: string): LocalDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(value)
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number]
  const check = DateTime.fromObject({ year, month, day, hour, minute }, { zone: 'UTC' })
  return check.isValid ? { year, month, day, hour, minute } : null
}

/**
 * Occurrences of a rule whose DTSTART is a wall time in `zone`, between `from` and `until` (instants).
 * The rule is expanded on "floating" wall time (encoded as UTC, which has no DST), and each wall time is then
 * placed in the zone: a weekly 18:00 Europe/Warsaw session stays 18:00 in Warsaw across the DST change, so its
 * UTC instant moves by an hour. A wall time that does not exist (the spring-forward gap) moves forward.
 */
export function expandOccurrences(input: {
  rrule: string
  firstStartLocal: LocalDateTime
  zone: string
  from: Date
  until: Date
}): Date[] {
  const { firstStartLocal: f, zone } = input
  const floatingStart = new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute))
  const rule = new RRule({ ...RRule.parseString(input.rrule), dtstart: floatingStart })
  // The floating window is widened by a day each side; exact bounds are applied to the real instants.
  const floatingFrom = new Date(Math.max(floatingStart.getTime(), toFloating(input.from, zone).getTime() - 86_400_000))
  const floatingUntil = new Date(toFloating(input.until, zone).getTime() + 86_400_000)
  const out: Date[] = []
  for (const wall of rule.between(floatingFrom, floatingUntil, true)) {
    const instant = DateTime.fromObject(
      {
        year: wall.getUTCFullYear(),
        month: wall.getUTCMonth() + 1,
        day: wall.getUTCDate(),
        hour: wall.getUTCHours(),
        minute: wall.getUTCMinutes(),
      },
      { zone },
    ).toJSDate()
    if (instant >= input.from && instant < input.until) out.push(instant)
    if (out.length >= MAX_OCCURRENCES) break
  }
  return out
}

/** The wall time of an instant in a zone, encoded as a UTC date (the rrule "floating" convention). */
function toFloating(instant: Date, zone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone })
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute))
}

/** A date and time in one person's zone and language, with the zone named: "Tue 24 Mar 2026, 18:00 CET" (core/contracts/time.ts). */
export function formatInZone(instant: Date, zone: string, locale: 'en' | 'pl'): string {
  return formatDateTime(instant, { zone: isTimeZone(zone) ? zone : 'UTC', locale })
}

/** Local wall time of an instant in a zone, as "yyyy-MM-ddTHH:mm" (for form fields). */
export function localInputValue(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm")
}

/** The instant of a wall time ("yyyy-MM-ddTHH:mm") in a zone, or null if it is not a valid time. */
export function instantFromLocal(value: string, zone: string): Date | null {
  const local = parseLocalDateTime(value)
  if (!local || !isTimeZone(zone)) return null
  const dt = DateTime.fromObject(local, { zone })
  return dt.isValid ? dt.toJSDate() : null
}

export function allTimeZones(): string[] {
  const list =
    (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? []
  return list.includes('UTC') ? list : ['UTC', ...list]
}
