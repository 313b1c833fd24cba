import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../core/crisis/model/train.js'
import { dealFolds, type FoldRow } from './crisis-folds.js'

const K = 5
const SEED = 20261206

/** n rows of one language and level, each with an id so a test can follow it after rows are added. */
const rowsOf = (language: string, level: string, n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({ language, level, id: `${tag}:${language}/${level}:${i}` }))

// Compared rows in every group, file order mixed the way the training messages are (English first, then Polish).
const comparedRows = [
  ...rowsOf('en', 'none', 43, 'c'),
  ...rowsOf('en', 'imminent', 31, 'c'),
  ...rowsOf('en', 'concern', 17, 'c'),
  ...rowsOf('pl', 'none', 41, 'c'),
  ...rowsOf('pl', 'high', 22, 'c'),
  ...rowsOf('pl', 'imminent', 26, 'c'),
]

type Row = FoldRow & { id: string }
const foldsById = (rows: readonly Row[], compared?: ReadonlySet<string>) => {
  const folds = dealFolds(rows, K, SEED, compared ? (i) => compared.has(rows[i]!.id) : undefined)
  return new Map(rows.map((r, i) => [r.id, folds[i]!]))
}
const comparedIds = new Set(comparedRows.map((r) => r.id))

describe('crisis-cv folds (decision 079)', () => {
  it('deals every compared row as every round before decision 079 did, so runs whose rows are all compared are unchanged', () => {
    // The deal crisis-cv.ts made before decision 079, written out: one stream, groups in sorted key order, each
    // shuffled (Fisher-Yates) and dealt round-robin.
    const before = new Int32Array(comparedRows.length)
    const random = mulberry32(SEED)
    const groups = new Map<string, number[]>()
    comparedRows.forEach((m, i) =>
      groups.set(`${m.language}/${m.level}`, [...(groups.get(`${m.language}/${m.level}`) ?? []), i]),
    )
    for (const key of [...groups.keys()].sort()) {
      const ix = groups.get(key)!
      for (let i = ix.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1))
        ;[ix[i], ix[j]] = [ix[j]!, ix[i]!]
      }
      ix.forEach((row, n) => (before[row] = n % K))
    }
    const unpaired = dealFolds(comparedRows, K, SEED)
    const paired = dealFolds(comparedRows, K, SEED, () => true)
    expect([...unpaired]).toEqual([...before])
    expect([...paired]).toEqual([...before])
    // The deal is a shuffle, not file order: a group's first five rows are not simply folds 0 to 4.
    expect([...unpaired.slice(0, 5)]).not.toEqual([0, 1, 2, 3, 4])
  })

  it('keeps every compared row in its fold when rows are added, and the other groups when one group grows', () => {
    const extraEn = rowsOf('en', 'concern', 9, 'x')
    const extraPl = rowsOf('pl', 'none', 12, 'y')
    const withExtras = [...comparedRows, ...extraEn, ...extraPl]
    // Rows of a new group, and more rows of an existing one, interleaved in the file.
    const grown = [
      ...comparedRows.slice(0, 60),
      ...rowsOf('en', 'high', 14, 'z'),
      ...comparedRows.slice(60),
      ...extraEn,
      ...extraPl,
      ...rowsOf('en', 'concern', 11, 'w'),
    ]
    const base = foldsById(comparedRows, comparedIds)
    const before = foldsById(withExtras, comparedIds)
    const after = foldsById(grown, comparedIds)
    for (const r of comparedRows) {
      expect(before.get(r.id)).toBe(base.get(r.id))
      expect(after.get(r.id)).toBe(base.get(r.id))
    }
    // Polish extra rows are untouched by English rows added before and after them.
    for (const r of extraPl) expect(after.get(r.id)).toBe(before.get(r.id))
  })

  it('without compared rows named, adding rows of one group re-deals the groups after it (what pairing prevents)', () => {
    const grown = [...comparedRows, ...rowsOf('en', 'concern', 9, 'x')]
    const base = foldsById(comparedRows)
    const after = foldsById(grown)
    const moved = comparedRows.filter((r) => r.language === 'pl' && after.get(r.id) !== base.get(r.id))
    expect(moved.length).toBeGreaterThan(0)
  })

  it('keeps each language-and-level group balanced across the folds, compared and added rows together', () => {
    const rows = [
      ...comparedRows,
      ...rowsOf('en', 'concern', 9, 'x'),
      ...rowsOf('pl', 'none', 12, 'y'),
      ...rowsOf('en', 'high', 14, 'z'),
    ]
    const folds = foldsById(rows, comparedIds)
    const groups = new Map<string, number[]>()
    for (const r of rows) {
      const key = `${r.language}/${r.level}`
      const counts = groups.get(key) ?? new Array<number>(K).fill(0)
      counts[folds.get(r.id)!]! += 1
      groups.set(key, counts)
    }
    expect(groups.size).toBe(7)
    for (const counts of groups.values()) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
  })

  it('deals added rows from their group and the seed alone', () => {
    const extras = rowsOf('en', 'concern', 9, 'x')
    const alone = foldsById([...comparedRows, ...extras], comparedIds)
    const withOtherGroup = foldsById([...rowsOf('pl', 'high', 7, 'v'), ...comparedRows, ...extras], comparedIds)
    for (const r of extras) expect(withOtherGroup.get(r.id)).toBe(alone.get(r.id))
    const otherSeed = dealFolds([...comparedRows, ...extras], K, SEED + 1, (i) => i < comparedRows.length)
    const sameSeed = dealFolds([...comparedRows, ...extras], K, SEED, (i) => i < comparedRows.length)
    expect([...otherSeed]).not.toEqual([...sameSeed])
  })
})
