import { describe, expect, it } from 'vitest'
import { parseRangeHeader } from './byte-range.js'

describe('HTTP byte ranges', () => {
  it('reads the three single-range forms, clamped to the object', () => {
    expect(parseRangeHeader('bytes=0-99', 1000)).toEqual({ kind: 'range', range: { start: 0, end: 99 } })
    expect(parseRangeHeader('bytes=900-', 1000)).toEqual({ kind: 'range', range: { start: 900, end: 999 } })
    expect(parseRangeHeader('bytes=-100', 1000)).toEqual({ kind: 'range', range: { start: 900, end: 999 } })
    expect(parseRangeHeader('bytes=-5000', 1000)).toEqual({ kind: 'range', range: { start: 0, end: 999 } })
    expect(parseRangeHeader('bytes=990-5000', 1000)).toEqual({ kind: 'range', range: { start: 990, end: 999 } })
  })

  it('serves the whole object without a header, for other units and for several ranges', () => {
    expect(parseRangeHeader(null, 1000)).toEqual({ kind: 'whole' })
    expect(parseRangeHeader('items=0-1', 1000)).toEqual({ kind: 'whole' })
    expect(parseRangeHeader('bytes=0-1,5-6', 1000)).toEqual({ kind: 'whole' })
  })

  it('refuses ranges outside the object or malformed', () => {
    for (const header of [
      'bytes=1000-',
      'bytes=1000-2000',
      'bytes=5-2',
      'bytes=-0',
      'bytes=-',
      'bytes=abc',
      'bytes=1-2-3',
    ]) {
      expect(parseRangeHeader(header, 1000), header).toEqual({ kind: 'unsatisfiable' })
    }
  })
})
