/**
 * How Holdspace writes dates, times, numbers and plurals for a reader: one module for the server (core labels,
 * emails) and the browser (app/utils/time.ts), built on Intl only so both render the same text (decision 038).
 * Every time names its zone ("Sun 6 Dec, 01:56 EST"); a reader's language picks the format (en-GB, pl-PL), their
 * zone the clock, never the server's zone.
 */
export type ReaderLocale = 'en' | 'pl'

export interface Reader {
  locale: ReaderLocale
  zone: string
}

/** The format each language is written in: British English (day before month, 24-hour clock) and Polish. */
export function intlLocale(locale: ReaderLocale): 'en-GB' | 'pl-PL' {
  return locale === 'pl' ? 'pl-PL' : 'en-GB'
}

/** An IANA zone this runtime knows ("America/New_York"); anything else is not a zone. */
export function isKnownZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !/^[A-Za-z0-9_+/-]{1,64}$/.test(zone)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export function safeReaderZone(zone: unknown): string {
  return isKnownZone(zone) ? zone : 'UTC'
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? ''
}

/**
 * The zone's short name at that instant. British English names most zones only by offset ("GMT-5"), so where
 * American English knows a letter abbreviation ("EST", "PDT") that one is used: readers recognise it.
 */
export function zoneLabel(instant: Date, zone: string, locale: ReaderLocale): string {
  const z = safeReaderZone(zone)
  const name = (l: string) =>
    part(new Intl.DateTimeFormat(l, { timeZone: z, timeZoneName: 'short' }).formatToParts(instant), 'timeZoneName')
  const own = name(intlLocale(locale))
  if (!/^(GMT|UTC)[+-]/.test(own)) return own
  const us = name('en-US')
  return /^[A-Z]{2,5}$/.test(us) ? us : own
}

/** "Sun 6 Dec 2026, 01:56 EST" / "niedz. 6 gru 2026, 01:56 EST": weekday, date, 24-hour time and the zone. */
export function formatDateTime(
  instant: Date | string,
  reader: Reader,
  options: { year?: boolean; zone?: boolean } = {},
): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(at.getTime())) return ''
  const zone = safeReaderZone(reader.zone)
  const parts = new Intl.DateTimeFormat(intlLocale(reader.locale), {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const weekday = part(parts, 'weekday').replace(/,$/, '')
  const date = `${part(parts, 'day')} ${part(parts, 'month')}${options.year === false ? '' : ` ${part(parts, 'year')}`}`
  const time = `${part(parts, 'hour')}:${part(parts, 'minute')}`
  return `${weekday} ${date}, ${time}${options.zone === false ? '' : ` ${zoneLabel(at, zone, reader.locale)}`}`
}

/** A calendar date in the reader's zone: "6 Dec 2026" / "6 gru 2026". */
export function formatDate(instant: Date | string, reader: Reader): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(at.getTime())) return ''
  return new Intl.DateTimeFormat(intlLocale(reader.locale), {
    timeZone: safeReaderZone(reader.zone),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(at)
}

/** "5 minutes ago", "in 2 hours", "za 3 dni": the largest unit that fits, for times close to now. */
export function formatRelative(instant: Date | string, now: Date, locale: ReaderLocale): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000)
  const format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' })
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ]
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  return format.format(seconds, 'second')
}

/** A number in the reader's language: "4.3" in English, "4,3" in Polish. */
export function formatNumber(value: number, locale: ReaderLocale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }).format(value)
}

/** The CLDR plural category of a count: English one/other, Polish one/few/many/other. */
export function pluralCategory(count: number, locale: ReaderLocale): Intl.LDMLPluralRule {
  return new Intl.PluralRules(intlLocale(locale)).select(count)
}
