import { describe, expect, it } from 'vitest'
import { foldDiacritics } from './normalize.js'

describe('foldDiacritics', () => {
  it('lower-cases ASCII text and leaves it otherwise as it is', () => {
    expect(foldDiacritics('Call ME at 5 PM, ok?')).toBe('call me at 5 pm, ok?')
  })

  it('folds Polish letters and strips combining marks', () => {
    expect(foldDiacritics('Zażółć GĘŚLĄ jaźń')).toBe('zazolc gesla jazn')
    expect(foldDiacritics('cafe\u0301 Ñandú')).toBe('cafe nandu')
  })

  it('decomposes compatibility forms that lower-case outside ASCII', () => {
    // "ﬁ" (a ligature) and full-width letters are not ASCII after lower-casing: NFKD still runs.
    expect(foldDiacritics('ﬁne ＡＢ')).toBe('fine ab')
    // The Kelvin sign lower-cases to an ASCII "k".
    expect(foldDiacritics('\u212A')).toBe('k')
  })
})
