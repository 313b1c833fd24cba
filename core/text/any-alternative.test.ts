import { describe, expect, it } from 'vitest'
import { AnyAlternative, topLevelAlternatives } from './any-alternative.js'

describe('topLevelAlternatives', () => {
  it('splits at the bars outside groups and classes', () => {
    expect(topLevelAlternatives('a|b(?:c|d)|[|]x|\\|y|(?<=p|q)z')).toEqual([
      'a',
      'b(?:c|d)',
      '[|]x',
      '\\|y',
      '(?<=p|q)z',
    ])
    expect(topLevelAlternatives('[]|a|[^]|b')).toEqual(['[]', 'a', '[^]', 'b'])
    expect(topLevelAlternatives('[\\]|]a|b')).toEqual(['[\\]|]a', 'b'])
    expect(topLevelAlternatives('abc')).toEqual(['abc'])
  })

  it('refuses a source with a backreference, whose group numbers would change', () => {
    expect(topLevelAlternatives('(a)x|(b)\\2')).toBeNull()
    expect(topLevelAlternatives('(?<w>a)\\k<w>|b')).toBeNull()
    // An escaped backslash before a digit is no backreference; in a class, \1 is no backreference either.
    expect(topLevelAlternatives('a\\\\1|b')).toEqual(['a\\\\1', 'b'])
    expect(topLevelAlternatives('[\\1]a|b')).toEqual(['[\\1]a', 'b'])
  })
})

describe('AnyAlternative', () => {
  const cases: [RegExp, string[]][] = [
    [
      /\b(?:took|swallowed) \d+ pills\b|\b(?:rope|noose)\b(?:\W+\w+){0,3}\W+\bneck\b|(?<![\p{L}_])@[\p{L}\d._]{2,}/u,
      [
        'i took 40 pills',
        'a rope around my neck',
        'my @kasia_99',
        'a rope, a neck',
        'rope for the tent',
        'took pills',
        '',
      ],
    ],
    [/(a)\1|b/, ['aa', 'b', 'ab', 'c']],
    [/^x|y$/, ['xa', 'ay', 'ax', 'ya']],
  ]

  it('answers exactly what the whole regex tests, whichever alternative matches', () => {
    for (const [re, texts] of cases) {
      const any = new AnyAlternative(re)
      for (const text of texts) expect(any.test(text), `${re} on ${JSON.stringify(text)}`).toBe(re.test(text))
    }
    // The cases reach both answers and a match by a later alternative only.
    expect(new AnyAlternative(cases[0]![0]).test('my @kasia_99')).toBe(true)
    expect(new AnyAlternative(cases[0]![0]).test('rope for the tent')).toBe(false)
  })

  it('refuses a global or sticky regex, whose test depends on lastIndex', () => {
    expect(() => new AnyAlternative(/a|b/g)).toThrow()
    expect(() => new AnyAlternative(/a|b/y)).toThrow()
  })
})
