/**
 * The cross-validation folds of `scripts/crisis-cv.ts` (decision 079).
 *
 * The compared rows (every row when no `compared` is given) are grouped by language and level in file order; the
 * groups, in sorted key order, are each shuffled from one stream (mulberry32(seed)) and dealt round-robin into k
 * folds. That is the deal every round before decision 079 used, kept byte for byte.
 *
 * Every other row (with `compared`: audit rows that train, retired rows, an operator's extra rows) is dealt per
 * language-and-level group from a stream of its own, seeded from the seed and the group's key, and continues that
 * group's round-robin after its compared rows. So adding rows never moves a compared row, nor a row of another
 * group, to another fold, and each group's folds still differ by at most one row.
 */
import { mulberry32 } from '../core/crisis/model/train.js'

export interface FoldRow {
  readonly language: string
  readonly level: string
}

/** FNV-1a over the key's UTF-16 code units: the group's own stream is mulberry32(seed ^ this). */
function keyHash(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

const groupKey = (row: FoldRow) => `${row.language}/${row.level}`

function groupsOf(rows: readonly FoldRow[], take: (i: number) => boolean): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  rows.forEach((row, i) => {
    if (!take(i)) return
    const key = groupKey(row)
    const list = groups.get(key)
    if (list) list.push(i)
    else groups.set(key, [i])
  })
  return groups
}

function shuffle(ix: number[], random: () => number): void {
  for (let i = ix.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[ix[i], ix[j]] = [ix[j]!, ix[i]!]
  }
}

/** The fold (0 to k − 1) of each row. `compared(i)`: row i is one of the messages a data change is judged on. */
export function dealFolds(
  rows: readonly FoldRow[],
  k: number,
  seed: number,
  compared?: (i: number) => boolean,
): Int32Array {
  const foldOf = new Int32Array(rows.length)
  const isCompared = compared ?? (() => true)
  const dealt = new Map<string, number>()
  const random = mulberry32(seed)
  const main = groupsOf(rows, isCompared)
  for (const key of [...main.keys()].sort()) {
    const ix = main.get(key)!
    shuffle(ix, random)
    ix.forEach((row, n) => (foldOf[row] = n % k))
    dealt.set(key, ix.length)
  }
  const others = groupsOf(rows, (i) => !isCompared(i))
  for (const key of [...others.keys()].sort()) {
    const ix = others.get(key)!
    shuffle(ix, mulberry32((seed ^ keyHash(key)) >>> 0))
    const start = dealt.get(key) ?? 0
    ix.forEach((row, n) => (foldOf[row] = (start + n) % k))
  }
  return foldOf
}
