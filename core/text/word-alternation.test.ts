import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LEXICONS } from '../crisis/lexicon/index.js'
import { canonicalize } from '../crisis/model/canonical.js'
import { firstUnits, WordAlternation } from './word-alternation.js'

/**
 * What `re.exec` finds from lastIndex 0 on, as [start, end] pairs: the reference a scan must equal.
 * It runs a copy of `re` (the scan under test never touches the copy).
 */
const copies = new WeakMap<RegExp, RegExp>()
function reference(re: RegExp, text: string): number[] {
  let copy = copies.get(re)
  if (!copy) copies.set(re, (copy = new RegExp(re.source, re.flags)))
  const out: number[] = []
  copy.lastIndex = 0
  for (let m = copy.exec(text); m !== null; m = copy.exec(text)) {
    if (m[0].length === 0) {
      copy.lastIndex++
      continue
    }
    out.push(m.index, m.index + m[0].length)
  }
  return out
}

function scanned(list: WordAlternation, text: string): number[] {
  const out: number[] = []
  list.forEach(text, (start, end) => out.push(start, end))
  return out
}

const units = (source: string) => {
  const f = firstUnits(source)
  if (!f) return null
  const chars: string[] = []
  for (let c = 0; c < 128; c++) if (f.set[c]) chars.push(String.fromCharCode(c))
  return { chars: chars.join(''), nonAscii: f.set[128] === 1, nullable: f.nullable, lead: f.lead }
}

describe('first characters of a pattern', () => {
  it('reads which characters can begin a match, through optional parts and groups', () => {
    expect(units('(?:took|swallowed) pills')).toEqual({ chars: 'st', nonAscii: false, nullable: false, lead: false })
    expect(units('(?:im |i am )?(?:standing|sitting)')).toEqual({
      chars: 'is',
      nonAscii: false,
      nullable: false,
      lead: false,
    })
    expect(units('[.,]? ?done')?.chars).toBe(' ,.d')
    expect(units('\\d{2,} pills')?.chars).toBe('0123456789')
    expect(units('\\x41|\\u0042|\\.|\\n')?.chars).toBe('\n.AB')
    expect(units('ż|[ą-ź]')).toEqual({ chars: '', nonAscii: true, nullable: false, lead: false })
    // A negated class or \S may begin with anything but what it excludes.
    expect(units('[^a-y]')?.chars).toHaveLength(128 - 25)
    expect(units('[^a-y]')?.nonAscii).toBe(true)
  })

  it('counts nothing a lookaround reads, and says one comes first', () => {
    expect(units('(?<=roof[^?]{0,80}?)(?:legs|feet) dangling')).toEqual({
      chars: 'fl',
      nonAscii: false,
      nullable: false,
      lead: true,
    })
    expect(units('jump(?! off)')?.lead).toBe(false)
    expect(units('(?!(?:mnie|cie)\\b)\\w+ sie')?.lead).toBe(true)
  })

  it('says when a pattern can match the empty string, and refuses syntax it does not know', () => {
    expect(units('(?:very )?')?.nullable).toBe(true)
    expect(units('a*|b')?.nullable).toBe(true)
    expect(units('(a)\\1')?.nullable).toBe(false)
    // A backreference may be empty and begin with anything.
    expect(units('\\1a')).toMatchObject({ nullable: false, nonAscii: true })
    expect(units('\\1a')?.chars).toHaveLength(128)
    expect(units('\\1')?.nullable).toBe(true)
    expect(units('\\q')).toBeNull()
    expect(units('(?<name')).toBeNull()
  })
})

describe('WordAlternation', () => {
  it('takes the first pattern in list order that matches at the earliest position, as the regex does', () => {
    // At 0 both patterns match; the regex takes the first one's ("a b"), not the longer second one.
    const list = new WordAlternation(['a(?: b)?', 'a b c'])
    expect(list.split).toBe(true)
    expect(scanned(list, 'a b c')).toEqual([0, 3])
    expect(scanned(list, 'a b c')).toEqual(reference(list.re, 'a b c'))
    const swapped = new WordAlternation(['a b c', 'a(?: b)?'])
    expect(scanned(swapped, 'a b c x a b')).toEqual([0, 5, 8, 11])
    expect(scanned(swapped, 'a b c x a b')).toEqual(reference(swapped.re, 'a b c x a b'))
  })

  it('goes on after each match, as the regex does, so a pattern that overlaps an earlier match is not found there', () => {
    const list = new WordAlternation(['kill myself', 'myself tonight'])
    const text = 'i will kill myself tonight and myself tonight'
    expect(scanned(list, text)).toEqual(reference(list.re, text))
    expect(scanned(list, text)).toEqual([7, 18, 31, 45])
  })

  it('finds a pattern that starts with a lookbehind only where its words are, at the word edges it can start at', () => {
    const list = new WordAlternation([
      '(?<=\\b(?:roof|bridge)\\b[^?]{0,40}?)(?:legs|feet) (?:over|off) the edge',
      'roof',
    ])
    for (const text of [
      'on the roof, legs over the edge',
      'legs over the edge of the pool',
      'on the bridge with my feet off the edge and legs over the edge',
      'roof? legs over the edge',
      'nothing here',
    ]) {
      expect(scanned(list, text), text).toEqual(reference(list.re, text))
    }
    expect(scanned(list, 'on the roof, legs over the edge')).toEqual([7, 11, 13, 31])
    expect(scanned(list, 'legs over the edge of the pool')).toEqual([])
  })

  it('needs the words of a positive lookaround, never those of a negative one', () => {
    const list = new WordAlternation(['(?<!definitely not )going(?= home)', '(?<=\\bon the )(?:roof|bridge)'])
    expect(scanned(list, 'i am going home')).toEqual([5, 10])
    expect(scanned(list, 'i am definitely not going home')).toEqual([])
    expect(scanned(list, 'on the roof')).toEqual([7, 11])
    expect(scanned(list, 'the roof')).toEqual([])
  })

  it('says a text may match whenever the regex matches it, and no when it cannot (no word every match needs)', () => {
    const list = new WordAlternation(['took (?:all|the) pills', 'jump(?:ed)? off', '(?<=\\bon the roof )now'])
    const texts = [
      'i took all pills',
      'i took the pills',
      'he jumped off',
      'on the roof now',
      'hello there',
      '',
      'pills',
    ]
    for (const text of texts) {
      const matches = reference(list.re, text).length > 0
      if (matches) expect(list.mayMatch(text), text).toBe(true)
      if (!list.mayMatch(text)) expect(scanned(list, text), text).toEqual([])
    }
    expect(list.mayMatch('hello there')).toBe(false)
    expect(list.mayMatch('')).toBe(false)
    expect(new WordAlternation([]).mayMatch('anything at all')).toBe(false)
  })

  it('scans the whole regex when many patterns are live at once, with the same matches', () => {
    const words = ['never', 'not', 'no', 'dont', 'cant', 'wont', 'nobody', 'nothing']
    const list = new WordAlternation(words.map((w) => `${w}\\b`))
    const text = 'never not no dont cant wont nobody nothing nowhere'
    expect(scanned(list, text)).toEqual(reference(list.re, text))
    expect(scanned(list, text)).toHaveLength(16)
  })

  it('answers test as the regex does', () => {
    const list = new WordAlternation(['(?<=roof[^?]{0,40}?)jump', 'bridge'])
    expect(list.test('on the roof i will jump')).toBe(true)
    expect(list.test('i will jump')).toBe(false)
    expect(list.test('the bridge')).toBe(true)
    expect(new WordAlternation([]).test('anything')).toBe(false)
  })

  it('scans a list it cannot split (a pattern that can match empty) with the whole regex', () => {
    const list = new WordAlternation(['(?:very )?', 'sad'])
    expect(list.split).toBe(false)
    expect(scanned(list, 'very sad')).toEqual(reference(list.re, 'very sad'))
  })

  it('gives every crisis lexicon list exactly the matches of its regex on the fixture and training messages', () => {
    const read = (path: string) =>
      readFileSync(new URL(path, import.meta.url), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text?: string }).text)
        .filter((text): text is string => typeof text === 'string')
    const texts = [
      ...new Set([...read('../crisis/screening-equivalence.jsonl'), ...read('../crisis/model/train-messages.jsonl')]),
    ].map((text) => canonicalize(text))
    const squeeze = (p: string) => p.replace(/(?<!\\)(\p{L})\1+/gu, '$1')
    const lists: string[][] = []
    for (const lex of LEXICONS) {
      for (const group of [...lex.rules, ...lex.cues, ...lex.idioms]) lists.push(group.patterns.map(squeeze))
      lists.push(lex.person.thirdForms.map(squeeze), (lex.hyperbole ?? []).map(squeeze))
    }
    let matches = 0
    const compiled = lists.map((patterns) => new WordAlternation(patterns.map((p) => `(?:${p})\\b`)))
    // Text by text, as the classifier reads them (a text's literal index is then read once).
    for (const text of texts) {
      for (const list of compiled) {
        const want = reference(list.re, text)
        matches += want.length / 2
        const got = scanned(list, text)
        if (got.join() !== want.join()) expect({ text, got }).toEqual({ text, got: want })
        expect(list.test(text)).toBe(want.length > 0)
      }
    }
    expect(compiled.filter((list) => list.split).length).toBeGreaterThan(lists.length / 2)
    expect(matches).toBeGreaterThan(1000)
  }, 180_000)

  it('gives random texts over a small vocabulary the matches of the regex', () => {
    const lists = [
      ['took (?:all )?(?:my )?pills', '(?<=roof[^?]{0,30}?)(?:jump|step off)', '(?:\\w+ ){0,2}pills now', 'all'],
      ['(?:i )?(?:cant|dont) (?:go on|live)', '(?<!not )go on', 'live(?= tonight)', '\\d+ pills'],
    ]
    const vocabulary = [
      'took',
      'all',
      'my',
      'pills',
      'roof',
      'jump',
      'step',
      'off',
      'now',
      'i',
      'cant',
      'dont',
      'go',
      'on',
      'live',
      'not',
      'tonight',
      '30',
      ',',
      '?',
      '.',
    ]
    let seed = 7
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return seed / 2 ** 32
    }
    let found = 0
    for (const patterns of lists) {
      const list = new WordAlternation(patterns)
      for (let k = 0; k < 3000; k++) {
        const words: string[] = []
        const n = 1 + Math.floor(random() * 14)
        for (let w = 0; w < n; w++) words.push(vocabulary[Math.floor(random() * vocabulary.length)]!)
        const text = words.join(' ')
        const want = reference(list.re, text)
        found += want.length
        expect(scanned(list, text), text).toEqual(want)
      }
    }
    expect(found).toBeGreaterThan(1000)
  })
})
