import { describe, expect, it } from 'vitest'
import { oneByte } from '../../text/normalize.js'
import { LEXICONS } from '../lexicon/index.js'
import { canonicalize, hasSpacedLetter, SPACED_LETTERS } from './canonical.js'

describe('canonical text', () => {
  it('joins a spaced-out risk word and leaves other spaced letters alone', () => {
    expect(LEXICONS.some((lex) => lex.maskTargets.includes('die'))).toBe(true)
    expect(canonicalize('i want to d i e')).toBe('i want to die')
    expect(canonicalize('a b c d')).toBe('a b c d')
  })

  it('skips the spaced-letters pass only where it could not match', () => {
    const alphabet = ['a', 'b', 'ż', '\u{10428}', ' ', ' ', ' ', '1', '_', '.']
    let seed = 11
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
    const re = new RegExp(SPACED_LETTERS.source, 'u')
    let matches = 0
    for (let k = 0; k < 50_000; k++) {
      let text = ''
      const n = 1 + Math.floor(random() * 12)
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(random() * alphabet.length)]
      if (re.test(text)) {
        matches++
        expect(hasSpacedLetter(text), JSON.stringify(text)).toBe(true)
      }
    }
    expect(matches).toBeGreaterThan(100)
    expect(hasSpacedLetter('x \u{10428} y')).toBe(true)
    expect(hasSpacedLetter('no spaced letters here')).toBe(false)
  })

  it('gives a Polish message the same value whatever width the text is stored in', () => {
    const text = 'Zabiję się dziś w nocy, mam już tabletki'
    expect(canonicalize(text)).toBe('zabije sie dzis w nocy, mam juz tabletki')
    for (const s of ['plain ascii', 'zażółć', 'ok 👍 ok', '\u00ff\u0000', '']) expect(oneByte(s)).toBe(s)
  })
})
