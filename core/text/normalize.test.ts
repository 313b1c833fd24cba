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

  it('folds text of ASCII and Polish letters as NFKD and the folds do', () => {
    // The reference: the full path (lower-case, NFKD, strip combining marks, fold "ł" and the rest).
    const reference = (text: string) =>
      text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/ł/g, 'l')
    const letters = 'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'
    const ascii = 'aZ09 .,!?_-\'"\n\t'
    let seed = 7
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
    for (let k = 0; k < 2000; k++) {
      let text = ''
      const n = Math.floor(random() * 40)
      for (let i = 0; i < n; i++) {
        const pool = random() < 0.3 ? letters : ascii
        text += pool[Math.floor(random() * pool.length)]
      }
      expect(foldDiacritics(text), text).toBe(reference(text))
    }
    expect(foldDiacritics('Zażółć gęślą jaźń, ŁÓDŹ')).toBe('zazolc gesla jazn, lodz')
    // Any other character outside ASCII still takes the NFKD path: emoji stay, marks go.
    expect(foldDiacritics('żółw 🐢 cafe\u0301')).toBe('zolw 🐢 cafe')
  })

  it('decomposes compatibility forms that lower-case outside ASCII', () => {
    // "ﬁ" (a ligature) and full-width letters are not ASCII after lower-casing: NFKD still runs.
    expect(foldDiacritics('ﬁne ＡＢ')).toBe('fine ab')
    // The Kelvin sign lower-cases to an ASCII "k".
    expect(foldDiacritics('\u212A')).toBe('k')
  })
})
