/**
 * scanWords (the word-list scan that tries, at each word, only the entries starting with its first
 * letter) finds exactly what the whole-list regex finds: same words, same offsets, same entry.
 */
import { describe, expect, it } from 'vitest'
import { screenMessage } from './screen.js'
import { EN } from './screen-rules/en.js'
import { PL } from './screen-rules/pl.js'
import {
  compileLexicon,
  eachMatch,
  oneByte,
  prepareText,
  rot13,
  scanWords,
  type CompiledLexicon,
} from './screen-rules/shared.js'

const LEXICONS: [string, CompiledLexicon][] = [
  ['en slurs', compileLexicon(EN.slurs, true)],
  ['en insults', compileLexicon(EN.insults, false)],
  ['pl slurs', compileLexicon(PL.slurs, true)],
  ['pl insults', compileLexicon(PL.insults, false)],
]

type Found = [index: number, word: string, entry: number]

function byScan(lex: CompiledLexicon, text: string): Found[] {
  const out: Found[] = []
  eachMatch(lex.scan, text, (m) => {
    out.push([m.index, m[0], m.findIndex((g, i) => i > 0 && g !== undefined) - 1])
  })
  return out
}

function byWords(lex: CompiledLexicon, text: string): Found[] {
  const out: Found[] = []
  scanWords(lex, text, (m, entry) => out.push([m.index, m[0], entry]))
  return out
}

/** Every entry with every ending, plain, stretched, masked, glued to neighbours and in a sentence. */
function textsFor(lex: CompiledLexicon, list: readonly { end?: readonly string[] }[]): string[] {
  const texts: string[] = []
  lex.entries.forEach((e, i) => {
    for (const end of list[i]!.end ?? ['', 's']) {
      const w = e.stem + end
      const stretched = e.stem[0]!.repeat(3) + e.stem.slice(1) + end
      const masked = e.stem[0] + '_' + e.stem.slice(2) + end
      texts.push(
        w,
        `you ${w}, and a ${stretched} too`,
        `${masked} x${w} ${w}x ${w}_ ż${w}ż 9${w} ${w}9`,
        `"${w}" ${w}.${w}-${w} ${w}${w}`,
      )
    }
  })
  return texts
}

describe('scanWords', () => {
  it('uses the split lists for every shipped word list', () => {
    for (const [name, lex] of LEXICONS) expect(lex.byFirst, name).not.toBeNull()
  })

  it('finds the same words, offsets and entries as the whole-list scan', () => {
    const lists = [EN.slurs, EN.insults, PL.slurs, PL.insults].map((l, k) =>
      k % 2 === 0 ? l.map((e) => ({ ...e, w: rot13(e.w) })) : l,
    )
    LEXICONS.forEach(([name, lex], k) => {
      const texts = textsFor(lex, lists[k]!)
      let found = 0
      for (const text of texts) {
        const want = byScan(lex, text)
        found += want.length
        expect(byWords(lex, text), `${name}: ${rot13(text)}`).toEqual(want)
      }
      // Every entry is found somewhere: the comparison above is not vacuous.
      expect(found, name).toBeGreaterThan(lex.entries.length)
      const entriesFound = new Set(texts.flatMap((t) => byScan(lex, t).map((f) => f[2])))
      expect(entriesFound.size, name).toBe(lex.entries.length)
    })
  })

  it('finds an entry late in the list whose first letter no earlier entry has', () => {
    const lex = compileLexicon(
      [
        { w: 'alpha', g: 'insult' },
        { w: 'beta', g: 'insult' },
        { w: 'zeta', g: 'insult', end: ['', 'ka'] },
      ],
      false,
    )
    expect(byWords(lex, 'a zetaka and alphas, not zetax')).toEqual([
      [2, 'zetaka', 2],
      [13, 'alphas', 0],
    ])
  })
})

describe('letters written apart', () => {
  const ids = (text: string): string[] => screenMessage(text).signals.map((s) => s.id)
  const FAGGOT = rot13('snttbg')
  const CZARNUCHY = rot13('pmneahpul')

  it('are joined with any of the separators, for every language, in the same message', () => {
    for (const sep of [' ', '.', '-', '_', '*']) {
      expect(ids(`ok ${FAGGOT.split('').join(sep)} ok`), sep).toContain('en.slur.homophobic')
      expect(ids(`ok ${CZARNUCHY.split('').join(sep)} ok`), sep).toContain('pl.slur.racist')
    }
    // The English list reads the runs first; the Polish list must still see its own word in them.
    const both = ids(`${FAGGOT.split('').join(' ')}, and ${CZARNUCHY.split('').join(' ')}`)
    expect(both).toContain('en.slur.homophobic')
    expect(both).toContain('pl.slur.racist')
  })

  it('is not read into text without a separator between single letters', () => {
    expect(ids(`ok ${FAGGOT.slice(0, 3)} ${FAGGOT.slice(3)} ok`)).not.toContain('en.slur.homophobic')
  })
})

describe('oneByte', () => {
  it('keeps every text the same value, whatever its characters', () => {
    for (const text of ['plain ascii', 'café àéîõü ÿ ß', 'zażółć gęślą', 'ok 👍 ok', '\u0000\u00ff', '']) {
      expect(oneByte(text)).toBe(text)
    }
  })

  it('leaves the prepared forms of a message as the normaliser gives them', () => {
    const t = prepareText('Zażółć GĘŚLĄ, café, 1d10t')
    expect([t.raw, t.folded, t.norm, t.lex]).toEqual([
      'Zażółć GĘŚLĄ, café, 1d10t',
      'zazolc gesla, cafe, 1d10t',
      'zazolc gesla, cafe, 1di0t',
      'zazolc gesla, cafe, idiot',
    ])
  })
})
