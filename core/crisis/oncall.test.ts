import { describe, expect, it } from 'vitest'
import { onCallAt, type RotationSchedule } from './oncall.js'
import { COUNTRY_CHOICES, CRISIS_LINES, crisisLinesFor, memberCountry } from './crisis-lines.js'

const rotation: RotationSchedule = {
  timeZone: 'Europe/Warsaw',
  handoffTime: '09:00',
  shiftHours: 24,
  startsOn: '2026-03-27',
  members: ['ala', 'bo', 'cy'],
  overrides: [],
}

describe('on-call rotation', () => {
  it('hands off at the local time, also across a daylight-saving change', () => {
    expect(onCallAt(rotation, new Date('2026-03-27T07:59:00Z'))).toBe('cy') // 08:59 CET, before the first hand-off
    expect(onCallAt(rotation, new Date('2026-03-27T08:00:00Z'))).toBe('ala') // 09:00 CET
    expect(onCallAt(rotation, new Date('2026-03-28T08:00:00Z'))).toBe('bo')
    // Clocks go forward on 29 March: 09:00 local is now 07:00 UTC.
    expect(onCallAt(rotation, new Date('2026-03-29T06:59:00Z'))).toBe('bo')
    expect(onCallAt(rotation, new Date('2026-03-29T07:00:00Z'))).toBe('cy')
    expect(onCallAt(rotation, new Date('2026-03-30T07:00:00Z'))).toBe('ala')
  })

  it('lets an override win while it lasts, the newest first', () => {
    const withOverrides: RotationSchedule = {
      ...rotation,
      overrides: [
        {
          accountId: 'dee',
          startsAt: new Date('2026-03-28T12:00:00Z'),
          endsAt: new Date('2026-03-28T18:00:00Z'),
          createdAt: new Date(1),
        },
        {
          accountId: 'eve',
          startsAt: new Date('2026-03-28T15:00:00Z'),
          endsAt: new Date('2026-03-28T16:00:00Z'),
          createdAt: new Date(2),
        },
      ],
    }
    expect(onCallAt(withOverrides, new Date('2026-03-28T13:00:00Z'))).toBe('dee')
    expect(onCallAt(withOverrides, new Date('2026-03-28T15:30:00Z'))).toBe('eve')
    expect(onCallAt(withOverrides, new Date('2026-03-28T18:00:00Z'))).toBe('bo')
  })
})

describe('crisis lines', () => {
  it('decides the member country: the account, else the browser region in the page language, else the language', () => {
    expect(memberCountry({ acceptLanguage: 'en-GB,en;q=0.8', language: 'en' })).toBe('GB')
    expect(memberCountry({ acceptLanguage: 'en-US', language: 'en' })).toBe('US')
    expect(memberCountry({ acceptLanguage: 'pl', language: 'pl' })).toBe('PL')
    expect(memberCountry({ acceptLanguage: 'en-uk', language: 'en' })).toBe('GB')
    // A Polish reader whose browser asks only for US English is not sent to the US line…
    expect(memberCountry({ acceptLanguage: 'en-US,en;q=0.9', language: 'pl' })).toBe('PL')
    expect(memberCountry({ acceptLanguage: 'en-US,pl-PL;q=0.5', language: 'pl' })).toBe('PL')
    // …unless the account says US.
    expect(memberCountry({ accountCountry: 'US', acceptLanguage: 'en-US', language: 'pl' })).toBe('US')
    expect(memberCountry({ accountCountry: 'ZZ', acceptLanguage: 'en-GB', language: 'en' })).toBe('ZZ')
    expect(memberCountry({ acceptLanguage: 'de', language: 'en' })).toBeNull()
    expect(memberCountry({ language: 'pl' })).toBe('PL')
    expect(memberCountry({})).toBeNull()
  })

  it('names every line in English and Polish, and "another country" has no local lines', () => {
    for (const line of CRISIS_LINES) {
      expect(line.names.en.length).toBeGreaterThan(3)
      expect(line.names.pl.length).toBeGreaterThan(3)
    }
    expect(crisisLinesFor('ZZ').local).toEqual([])
    expect(COUNTRY_CHOICES).toEqual(['US', 'GB', 'IE', 'PL', 'ZZ'])
  })

  it('lists local lines first (PL: 116 123 before 116 111 for young people), then the international fallback', () => {
    const pl = crisisLinesFor('PL')
    expect(pl.local.map((l) => l.phone)).toEqual(['116 123', '800 70 2222', '116 111'])
    expect(pl.local.at(-1)?.forYoungPeople).toBe(true)
    expect(crisisLinesFor('US').local.map((l) => l.phone)).toEqual(['988'])
    expect(crisisLinesFor('GB').local.map((l) => l.phone)).toEqual(['116 123'])
    expect(crisisLinesFor('IE').local.map((l) => l.phone)).toEqual(['116 123'])
    const none = crisisLinesFor(null)
    expect(none.local).toEqual([])
    expect(none.international.length).toBeGreaterThan(0)
    expect(none.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})
