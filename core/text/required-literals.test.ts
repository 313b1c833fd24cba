import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LEXICONS } from '../crisis/lexicon/index.js'
import { canonicalize } from '../crisis/model/canonical.js'
import { EN } from '../moderation/screen-rules/en.js'
import { PL } from '../moderation/screen-rules/pl.js'
import { prepareText } from '../moderation/screen-rules/shared.js'
import {
  literalId,
  literalMarks,
  literalSets,
  mayMatch,
  mayMatchId,
  requiredLiteralSets,
  requiredLiterals,
} from './required-literals.js'

describe('required literals', () => {
  it('reads the words every match needs from a regex source', () => {
    expect(requiredLiterals(/\b(?:i want to die)\b/)).toEqual(['i want to die'])
    expect(requiredLiterals(/\b(?:kill|end) (?:my ?self|me)\b/)).toEqual(['kill', 'end'])
    // The longest shortest literal of a sequence wins; optional parts and classes require nothing.
    expect(requiredLiterals(/(?:took|ate) (?:like )?\d+ (?:pills|tablets)/)).toEqual(['pills', 'tablets'])
    expect(requiredLiterals(/colou?r/u)).toEqual(['colo'])
    expect(requiredLiterals(/ab+cd/)).toEqual(['ab'])
    expect(requiredLiterals(/(?<=foo )bar|baz\.qux/)).toEqual(['bar', 'baz.qux'])
    expect(requiredLiterals(/[\p{L}_]+ (?:sznur\w*|petl[aeiy])/u)).toEqual(['sznur', 'petl'])
    // A quantifier after an emoji (a surrogate pair) makes the whole emoji optional.
    expect(requiredLiterals(/bye😀?now/u)).toEqual(['bye'])
    expect(/bye😀?now/u.test('byenow') && mayMatch(/bye😀?now/u, 'byenow')).toBe(true)
    expect(requiredLiterals(/bye 😀+/u)).toEqual(['bye 😀'])
  })

  it('reads one literal set per required part of a top-level sequence, and needs each of them', () => {
    const near = /\b(?:gun|rifle)\b(?: \w+){0,3} (?:loaded|ammo)\b/
    expect(requiredLiteralSets(near)).toEqual([
      ['gun', 'rifle'],
      ['loaded', 'ammo'],
    ])
    // A top-level alternative keeps the single set.
    expect(requiredLiteralSets(/\bkill (?:my)?self\b|\bend it\b/)).toEqual([['kill ', 'end it']])
    expect(requiredLiteralSets(/\d+|rope/)).toBeNull()
    expect(mayMatch(near, 'the rifle is in the shed')).toBe(false)
    expect(mayMatch(near, 'the ammo is in the shed')).toBe(false)
    expect(mayMatch(near, 'the rifle in the shed is loaded')).toBe(true)
  })

  it('answers for several texts and regexes asked in turn, and for a regex first seen late', () => {
    const a = /\b(?:rope|noose)\b/
    const b = /\b(?:bridge|roof)\b/
    const texts = ['a rope', 'a roof', 'neither', 'a noose on the bridge', 'a rope', 'x']
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        expect(mayMatch(a, text)).toBe(/rope|noose/.test(text))
        expect(mayMatch(b, text)).toBe(/bridge|roof/.test(text))
      }
    }
    const late = /\b(?:shed)\b/
    expect(mayMatch(late, 'the rifle is in the shed')).toBe(true)
    expect(mayMatch(late, 'a rope')).toBe(false)
    expect(mayMatch(a, 'a rope')).toBe(true)
  })

  it('counts the words a positive lookaround reads only when asked to, and never those of a negative one', () => {
    const roof = /(?<=on the roof )jump(?! off)/
    expect(requiredLiteralSets(roof)).toEqual([['jump']])
    expect(requiredLiteralSets(roof, { lookarounds: true })).toEqual([['on the roof '], ['jump']])
    expect(requiredLiteralSets(/(?<!not )jump(?= now)/, { lookarounds: true })).toEqual([['jump'], [' now']])
    expect(requiredLiterals(/(?<=roof|bridge)x|(?<=ledge)y/, { lookarounds: true })).toEqual([
      'roof',
      'bridge',
      'ledge',
    ])
  })

  it('hands out the literal sets of a regex and the marks of a text, which answer as mayMatchId does', () => {
    const near = /\b(?:gun|rifle)\b(?: \w+){0,3} (?:loaded|ammo)\b/
    const id = literalId(near)
    const sets = literalSets(id)!
    expect(sets).toHaveLength(2)
    expect(literalSets(literalId(/\d+|rope/))).toEqual([])
    expect(literalSets(literalId(/(?!)/g))).toBeNull()
    for (const text of ['the rifle is in the shed', 'the ammo is in the shed', 'the rifle in the shed is loaded']) {
      const { marks, stamp } = literalMarks(text)
      expect(sets.every((set) => marks[set] === stamp)).toBe(mayMatchId(id, text))
    }
    expect(mayMatchId(id, 'the rifle in the shed is loaded')).toBe(true)
  })

  it('gives no literals (always scan) when a match needs none or the regex is not understood', () => {
    expect(requiredLiterals(/\d+|rope/)).toBeNull()
    expect(requiredLiterals(/(?:pills)?\w+/)).toBeNull()
    expect(requiredLiterals(/rope/i)).toBeNull()
    expect(requiredLiterals(/a|b/)).toBeNull()
    expect(requiredLiterals(/\u0041bc/)).toBeNull()
  })

  it('never rules out a regex that matches, for every rule of both screens on every pinned message', () => {
    const regexes: RegExp[] = []
    const squeeze = /(?<!\\)(\p{L})\1+/gu
    for (const lex of LEXICONS) {
      for (const group of [...lex.rules, ...lex.cues, ...lex.idioms]) {
        regexes.push(new RegExp(group.patterns.map((p) => `\\b(?:${p.replace(squeeze, '$1')})\\b`).join('|')))
      }
    }
    for (const pack of [EN, PL]) for (const rule of [...pack.harassment, ...pack.selfHarm]) regexes.push(rule.pattern)
    const withLiterals = regexes.filter((re) => requiredLiterals(re) !== null)
    expect(withLiterals.length).toBeGreaterThan(regexes.length * 0.8)

    const texts = readFileSync(new URL('../crisis/screening-equivalence.jsonl', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(1)
      .map((line) => (JSON.parse(line) as { text: string }).text)
    let matched = 0
    let skipped = 0
    const missed: string[] = []
    // The index answers exactly its definition: a literal of each required set occurs in the text.
    const wrong: string[] = []
    const sets = new Map(regexes.map((re) => [re, requiredLiteralSets(re)]))
    for (const raw of texts) {
      const forms = [canonicalize(raw), prepareText(raw).lex, prepareText(raw).norm]
      for (const text of forms) {
        for (const re of regexes) {
          const matches = re.test(text)
          const may = mayMatch(re, text)
          if (matches) matched++
          if (!may) skipped++
          if (matches && !may) missed.push(`${re.source.slice(0, 60)} on ${JSON.stringify(text)}`)
          const need = sets.get(re)
          const spec = need === null || need!.every((set) => set.some((lit) => text.includes(lit)))
          if (may !== spec) wrong.push(`${re.source.slice(0, 60)} on ${JSON.stringify(text)}`)
        }
      }
    }
    expect(missed.slice(0, 5)).toEqual([])
    expect(wrong.slice(0, 5)).toEqual([])
    expect(matched).toBeGreaterThan(1000)
    // The point of it: most scans are skipped.
    expect(skipped).toBeGreaterThan(texts.length * 3 * regexes.length * 0.5)
  }, 120_000)
})
