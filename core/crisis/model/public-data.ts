/**
 * Reader for the public labelled data folder (`../shared/crisis-data` by default; see its README and
 * each PROVENANCE.md). Nothing from that folder is ever committed to the project: training reads it
 * to write the artefact, evaluation reads it to score the test split, and both say clearly when it
 * is absent.
 *
 * Every row goes to one split by a salted SHA-256 of its text (fixed and documented, independent of
 * file order): buckets 0-69 train, 70-79 validation (calibration and thresholds), 80-99 test
 * (never seen by training or threshold choice).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

export type Split = 'train' | 'validation' | 'test'

export interface PublicRow {
  text: string
  /** 1 = the raters marked the author at risk (suicidal), 0 = not. */
  label: 0 | 1
  language: 'en' | 'pl'
  set: string
  split: Split
}

export const SPLIT_SALT = 'holdspace-crisis-split-v1'
export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), '../shared/crisis-data')

export function splitOf(text: string): Split {
  const bucket = createHash('sha256').update(`${SPLIT_SALT}\n${text}`).digest().readUInt32BE(0) % 100
  return bucket < 70 ? 'train' : bucket < 80 ? 'validation' : 'test'
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. Returns rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let field = ''
  let row: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'))
  if (!header) return []
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

/** One public set: where it lives and how its labels map to at-risk / not. */
interface SetReader {
  name: string
  file: string
  language: 'en' | 'pl'
  read(rows: Record<string, string>[]): { text: string; label: 0 | 1 }[]
}

/**
 * The sets the model uses. `sdcnl` (both classes are distressed posts) and `cssrs500` (labels per
 * user, not per post) are not used: see docs/crisis-model.md.
 */
export const PUBLIC_SETS: readonly SetReader[] = [
  {
    name: 'suicidal_keyword_tweets',
    file: 'suicidal_keyword_tweets/suicidal_keyword_tweets.csv',
    language: 'en',
    // 2 = suicidal tendency, 0 = not suicidal; 1 (ambiguous) is dropped, as its authors did.
    read: (rows) =>
      rows
        .filter((r) => r.label === '0' || r.label === '2')
        .map((r) => ({ text: r.text, label: r.label === '2' ? 1 : 0 })),
  },
  {
    name: 'twitter_suicidal_intent',
    file: 'twitter_suicidal_intent/twitter_suicidal_intent.csv',
    language: 'en',
    read: (rows) =>
      rows
        .filter((r) => r.label === '0' || r.label === '1')
        .map((r) => ({ text: r.text, label: r.label === '1' ? 1 : 0 })),
  },
  {
    name: 'poleval2019_cyberbullying_pl',
    file: 'poleval2019_cyberbullying_pl/poleval2019_task6.csv',
    language: 'pl',
    // Polish tweets with no self-risk label: all of them are negatives for the risk model (harmful
    // tweets that tell someone else to kill themselves are harassment, not the author's risk).
    read: (rows) => rows.map((r) => ({ text: r.text.replace(/\\n/g, ' '), label: 0 as const })),
  },
]

/** Whether `dir` holds the public data (every file the model uses). */
export function publicDataPresent(dir: string = DEFAULT_DATA_DIR): boolean {
  return PUBLIC_SETS.every((s) => existsSync(path.join(dir, s.file)))
}

/**
 * All usable rows of the sets present in `dir`, deduplicated by text (first occurrence wins), with
 * their split. Sets whose file is absent are skipped (an operator's folder may hold only some).
 */
export function loadPublicData(dir: string = DEFAULT_DATA_DIR): PublicRow[] {
  const seen = new Set<string>()
  const out: PublicRow[] = []
  for (const set of PUBLIC_SETS) {
    const file = path.join(dir, set.file)
    if (!existsSync(file)) continue
    for (const { text, label } of set.read(readCsv(file))) {
      const t = text.trim()
      if (t === '' || seen.has(t)) continue
      seen.add(t)
      out.push({ text: t, label, language: set.language, set: set.name, split: splitOf(t) })
    }
  }
  return out
}
