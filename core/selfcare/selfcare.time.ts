import { DateTime } from 'luxon'
import { isTimeZone } from '../groups/recurrence.js'

/** A stored zone that no longer parses falls back to UTC rather than failing the member's page or a sweep. */
export function safeZone(zone: string | null | undefined): string {
  return zone && isTimeZone(zone) ? zone : 'UTC'
}

/** The member's calendar day of an instant, as YYYY-MM-DD. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone: safeZone(zone) }).toISODate()!
}

/** The member's wall-clock time of an instant, as HH:MM. */
export function localTimeOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone: safeZone(zone) }).toFormat('HH:mm')
}

/** The `count` calendar days ending with `today` (YYYY-MM-DD), oldest first. */
export function daysEndingWith(today: string, count: number): string[] {
  const end = DateTime.fromISO(today, { zone: 'UTC' })
  return Array.from({ length: count }, (_, i) => end.minus({ days: count - 1 - i }).toISODate()!)
}

export function shiftDate(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!
}

const intl = (locale: 'en' | 'pl') => (locale === 'pl' ? 'pl-PL' : 'en-GB')

/** "Tue 3 Mar" style label of a calendar day. */
export function dayLabel(date: string, locale: 'en' | 'pl'): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(intl(locale)).toFormat('ccc d LLL')
}

/** "3 Mar 2026, 18:05" in the member's zone. */
export function momentLabel(instant: Date, zone: string, locale: 'en' | 'pl'): string {
  return DateTime.fromJSDate(instant, { zone: safeZone(zone) })
    .setLocale(intl(locale))
    .toFormat('d LLL yyyy, HH:mm')
}
