import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { expandOccurrences, formatInZone, instantFromLocal, normaliseRrule } from './recurrence.js'

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('ccc yyyy-MM-dd HH:mm')

describe('recurrence in the facilitator time zone', () => {
  // Europe changes to summer time on Sunday 29 March 2026, the United States on Sunday 8 March 2026.
  const weekly = {
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    firstStartLocal: { year: 2026, month: 3, day: 3, hour: 18, minute: 0 },
    zone: 'Europe/Warsaw',
  }
  const occurrences = expandOccurrences({
    ...weekly,
    from: new Date('2026-03-01T00:00:00Z'),
    until: new Date('2026-04-15T00:00:00Z'),
  })

  it('keeps a weekly 18:00 Warsaw session at 18:00 Warsaw time across the DST change', () => {
    expect(occurrences.map((d) => local(d, 'Europe/Warsaw'))).toEqual([
      'Tue 2026-03-03 18:00',
      'Tue 2026-03-10 18:00',
      'Tue 2026-03-17 18:00',
      'Tue 2026-03-24 18:00',
      'Tue 2026-03-31 18:00',
      'Tue 2026-04-07 18:00',
      'Tue 2026-04-14 18:00',
    ])
    // ...so its instant moves by an hour in UTC when Warsaw changes clocks.
    expect(occurrences[3]!.toISOString()).toBe('2026-03-24T17:00:00.000Z')
    expect(occurrences[4]!.toISOString()).toBe('2026-03-31T16:00:00.000Z')
  })

  it("shows each member the session in their own zone, following both zones' DST rules", () => {
    const ny = occurrences.map((d) => formatInZone(d, 'America/New_York', 'en'))
    // Before 8 March both on winter time (6 h apart); between the two changes 5 h; after 29 March 6 h again.
    expect(ny[0]).toBe('Tue 3 Mar 2026, 12:00 EST')
    expect(ny[1]).toBe('Tue 10 Mar 2026, 13:00 EDT')
    expect(ny[3]).toBe('Tue 24 Mar 2026, 13:00 EDT')
    expect(ny[4]).toBe('Tue 31 Mar 2026, 12:00 EDT')
    expect(formatInZone(occurrences[4]!, 'Asia/Tokyo', 'pl')).toBe('śr. 1 kwi 2026, 01:00 GMT+9')
  })

  it('moves a wall time that does not exist (the spring-forward gap) forward instead of dropping it', () => {
    const daily = expandOccurrences({
      rrule: 'FREQ=DAILY',
      firstStartLocal: { year: 2026, month: 3, day: 28, hour: 2, minute: 30 },
      zone: 'Europe/Warsaw',
      from: new Date('2026-03-27T00:00:00Z'),
      until: new Date('2026-03-31T00:00:00Z'),
    })
    expect(daily.map((d) => local(d, 'Europe/Warsaw'))).toEqual([
      'Sat 2026-03-28 02:30',
      'Sun 2026-03-29 03:30',
      'Mon 2026-03-30 02:30',
    ])
  })

  it('only materializes inside the window and never before the first session', () => {
    const window = expandOccurrences({
      ...weekly,
      from: new Date('2026-01-01T00:00:00Z'),
      until: new Date('2026-03-11T00:00:00Z'),
    })
    expect(window.map((d) => local(d, 'Europe/Warsaw'))).toEqual(['Tue 2026-03-03 18:00', 'Tue 2026-03-10 18:00'])
  })

  it('accepts daily, weekly and monthly rules and refuses anything else', () => {
    expect(normaliseRrule('freq=weekly;byday=tu')).toBe('FREQ=WEEKLY;BYDAY=TU')
    expect(normaliseRrule('RRULE:FREQ=MONTHLY;BYDAY=1MO')).toBe('FREQ=MONTHLY;BYDAY=+1MO')
    expect(normaliseRrule('FREQ=WEEKLY;INTERVAL=2;COUNT=10')).toBe('FREQ=WEEKLY;INTERVAL=2;COUNT=10')
    for (const bad of [
      'FREQ=HOURLY',
      'FREQ=SECONDLY',
      'DTSTART:20260101T000000Z',
      'hello',
      'FREQ=WEEKLY;TZID=Europe/Warsaw',
      'FREQ=WEEKLY;INTERVAL=0',
    ]) {
      expect(normaliseRrule(bad), bad).toBeNull()
    }
  })

  it('turns a local time typed by the facilitator into the right instant', () => {
    expect(instantFromLocal('2026-07-01T18:00', 'Europe/Warsaw')!.toISOString()).toBe('2026-07-01T16:00:00.000Z')
    expect(instantFromLocal('2026-07-01T18:00', 'Not/AZone')).toBeNull()
    expect(instantFromLocal('yesterday', 'Europe/Warsaw')).toBeNull()
  })
})
