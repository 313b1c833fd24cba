/**
 * Measures the moderation screen's harassment detection (core/moderation/screen.ts), issue 18:
 * - Polish: the PolEval 2019 task 6 tweets (harmful = cyberbullying or hate speech), read at run time from
 *   ../shared/crisis-data/poleval2019_cyberbullying_pl (or the folder given as the first argument). The data is
 *   never copied into the project; this prints counts and figures only, never a tweet.
 * - English: the project's own written chat-style set, core/moderation/eval/harassment.en.jsonl.
 * A message counts as caught when the screen raises a harassment or slur signal (flag, hold or reject).
 * Results: docs/moderation-screening.md ("Measured").
 *
 *   npm run moderation:eval [-- <poleval folder>]
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { screenMessage } from '../core/moderation/screen.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function caught(text: string): boolean {
  return screenMessage(text).signals.some(
    (s) => (s.category === 'harassment' || s.category === 'slur') && s.outcome !== 'deliver',
  )
}

interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
}
const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 })
function add(c: Counts, truth: boolean, predicted: boolean) {
  if (truth && predicted) c.tp++
  else if (!truth && predicted) c.fp++
  else if (truth) c.fn++
  else c.tn++
}
function line(name: string, c: Counts): string {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  return `${name.padEnd(34)} n=${String(c.tp + c.fp + c.fn + c.tn).padStart(5)}  positives=${String(c.tp + c.fn).padStart(4)}  flagged=${String(c.tp + c.fp).padStart(4)}  precision=${pct(precision)}  recall=${pct(recall)}  F1=${pct(f1)}`
}

/** A minimal CSV reader for split,text,harmful,type (quoted fields with doubled quotes). */
function parseCsv(data: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < data.length; i++) {
    const ch = data[i]!
    if (quoted) {
      if (ch === '"' && data[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else if (ch !== '\r') field += ch
  }
  if (field || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

function polish(folder: string) {
  const file = path.join(folder, 'poleval2019_task6.csv')
  if (!existsSync(file)) {
    console.log(`Polish: ${file} not found (give the PolEval folder as the first argument).`)
    return
  }
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'))
  const col = (name: string) => header!.indexOf(name)
  const [iSplit, iText, iHarmful, iType] = [col('split'), col('text'), col('harmful'), col('type')]
  const by: Record<string, Counts> = {
    all: empty(),
    test: empty(),
    train: empty(),
    'cyberbullying (type 1) vs none': empty(),
  }
  for (const r of rows) {
    if (r.length < 4) continue
    // Tweets keep literal "\n" sequences; user names are already "@anonymized_account".
    const text = r[iText]!.replace(/\\n/g, '\n')
    const truth = r[iHarmful] === '1'
    const predicted = caught(text)
    add(by.all!, truth, predicted)
    add(by[r[iSplit] === 'test' ? 'test' : 'train']!, truth, predicted)
    if (r[iType] !== '2') add(by['cyberbullying (type 1) vs none']!, r[iType] === '1', predicted)
  }
  console.log('Polish screen on PolEval 2019 task 6 (harmful = cyberbullying or hate speech):')
  for (const [name, c] of Object.entries(by)) console.log('  ' + line(name, c))
}

function english() {
  const file = path.join(root, 'core/moderation/eval/harassment.en.jsonl')
  const c = empty()
  const misses: string[] = []
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    if (!raw.trim()) continue
    const { text, harassment } = JSON.parse(raw) as { text: string; harassment: boolean }
    const predicted = caught(text)
    add(c, harassment, predicted)
    if (predicted !== harassment) misses.push(`${harassment ? 'missed' : 'false flag'}: ${text}`)
  }
  console.log("English screen on the project's own written set (core/moderation/eval/harassment.en.jsonl):")
  console.log('  ' + line('all', c))
  for (const m of misses) console.log('    ' + m)
}

polish(process.argv[2] ?? path.resolve(root, '../shared/crisis-data/poleval2019_cyberbullying_pl'))
english()
