import { describe, expect, it } from 'vitest'
import { formatDateTime, formatNumber, formatRelative, pluralCategory, zoneLabel } from './time.js'

describe('formatting for a reader', () => {
  const at = new Date('2026-12-06T06:56:00Z')

  it('writes the time in the reader’s zone and language, naming the zone', () => {
    expect(formatDateTime(at, { locale: 'en', zone: 'America/New_York' })).toBe('Sun 6 Dec 2026, 01:56 EST')
    expect(formatDateTime(at, { locale: 'en', zone: 'Europe/London' }, { year: false })).toBe('Sun 6 Dec, 06:56 GMT')
    expect(formatDateTime(at, { locale: 'pl', zone: 'Europe/Warsaw' })).toBe('niedz. 6 gru 2026, 07:56 CET')
    // An unknown zone is never the server's: it falls back to UTC, and says so.
    expect(formatDateTime(at, { locale: 'en', zone: 'Mars/Olympus' })).toBe('Sun 6 Dec 2026, 06:56 UTC')
  })

  it('prefers a letter abbreviation to an offset where one exists', () => {
    expect(zoneLabel(at, 'America/Los_Angeles', 'en')).toBe('PST')
    expect(zoneLabel(at, 'Asia/Tokyo', 'en')).toBe('GMT+9')
  })

  it('chooses plural forms and decimal marks by language', () => {
    expect([1, 3, 5, 22, 25].map((n) => pluralCategory(n, 'pl'))).toEqual(['one', 'few', 'many', 'few', 'many'])
    expect([1, 3].map((n) => pluralCategory(n, 'en'))).toEqual(['one', 'other'])
    expect(formatNumber(17 / 3, 'pl')).toBe('5,7')
    expect(formatNumber(17 / 3, 'en')).toBe('5.7')
    expect(formatRelative(new Date('2026-12-06T06:51:00Z'), at, 'en')).toBe('5 minutes ago')
  })
})
