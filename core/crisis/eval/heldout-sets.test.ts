import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tinyTrainingFolder } from '../../../tests/support/crisis-training-data.js'
import { canonicalize } from '../model/canonical.js'
import { OWN_TRAINING_PATH, trainRiskModel, type TrainOptions } from '../model/train.js'
import { isNotedHardNegative, loadEvalSet, noteCategory } from './evaluate.js'
import {
  HELDOUT_SET_NUMBERS,
  HELDOUT_SETS,
  heldoutSetTag,
  loadHeldoutSet,
  type HeldoutSetNumber,
} from './heldout-sets.js'

const temp: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-heldout-sets-'))
  temp.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')
const DIACRITIC = /[ąćęłńóśźż]/i
const LEVELS = ['imminent', 'high', 'concern', 'none'] as const

/**
 * A set number no committed set uses: the loader's and the trainer's checks run on small files written here as well
 * as on every committed set, so they stay tested while no set is listed (after sets 6 and 7 were retired, decision
 * 067, and before set 8 is wired in).
 */
const SYNTHETIC_SET = 99

/** Training options whose file for set n is `file`, or (file undefined) the committed set's. */
const withSetPath = (options: TrainOptions, n: HeldoutSetNumber, file?: string): TrainOptions => {
  const heldoutPaths: Record<HeldoutSetNumber, string> = { ...options.heldoutPaths }
  if (file === undefined) delete heldoutPaths[n]
  else heldoutPaths[n] = file
  return { ...options, heldoutPaths }
}

it('has a spec for every listed set and for no other', () => {
  const byNumber = (a: number, b: number) => a - b
  expect(Object.keys(HELDOUT_SETS).map(Number).sort(byNumber)).toEqual([...HELDOUT_SET_NUMBERS].sort(byNumber))
  expect(HELDOUT_SET_NUMBERS).not.toContain(SYNTHETIC_SET)
})

describe.each(HELDOUT_SET_NUMBERS.map((n) => ({ n, spec: HELDOUT_SETS[n]! })))('held-out set $n', ({ n, spec }) => {
  const rows = loadHeldoutSet(n)
  const perLanguage = LEVELS.reduce((sum, level) => sum + spec.perLanguage[level], 0)

  it('holds the messages its spec counts, per language and level, with its hard negatives and plain Polish', () => {
    expect(rows.length).toBe(2 * perLanguage)
    for (const language of ['en', 'pl'] as const) {
      const mine = rows.filter((m) => m.language === language)
      const counts = Object.fromEntries(LEVELS.map((level) => [level, mine.filter((m) => m.level === level).length]))
      expect({ language, ...counts }).toEqual({ language, ...spec.perLanguage })
      expect(mine.filter(isNotedHardNegative).length).toBeGreaterThanOrEqual(spec.minHardNegatives)
    }
    // Polish as typed on phones: about a third without a single diacritic, and a note that says so never lies.
    const polish = rows.filter((m) => m.language === 'pl')
    expect(polish.filter((m) => !DIACRITIC.test(m.text)).length).toBeGreaterThanOrEqual(spec.minPolishWithoutDiacritics)
    const marked = polish.filter((m) => (m.note ?? '').split(',').includes('no-diacritics'))
    expect(marked.length).toBeGreaterThanOrEqual(spec.minPolishMarkedNoDiacritics)
    expect(marked.filter((m) => DIACRITIC.test(m.text)).length).toBe(0)
    expect(new Set(rows.map((m) => canonicalize(m.text))).size).toBe(rows.length)
    expect(rows.filter((m) => noteCategory(m) === '').length).toBe(0)
    // Only `none` rows may be hard negatives, and `hard-` categories mark nothing else.
    expect(rows.filter((m) => m.level !== 'none' && noteCategory(m).startsWith('hard-')).length).toBe(0)
  })

  it('shares no text with the training messages, the first set or any other held-out set', () => {
    const own = new Set(rows.map((m) => canonicalize(m.text)))
    const others = [
      ...loadEvalSet(OWN_TRAINING_PATH),
      ...loadEvalSet(),
      ...HELDOUT_SET_NUMBERS.filter((other) => other !== n).flatMap((other) => loadHeldoutSet(other)),
    ]
    expect(others.filter((m) => own.has(canonicalize(m.text))).length).toBe(0)
  })

  it(`refuses real rows of set ${n} copied into the training messages`, () => {
    const data = tinyTrainingFolder(tempDir())
    for (const row of [rows[0]!, rows.find((m) => m.language === 'pl')!]) {
      writeFileSync(
        data.ownPath,
        jsonl([
          { text: `  ${row.text.toUpperCase()} `, level: row.level, language: row.language },
          { text: 'milego dnia', level: 'none', language: 'pl' },
        ]),
      )
      // No path for set n: the trainer reads the committed set by default.
      expect(() => trainRiskModel({ ...withSetPath(data, n), epochs: 1, hashBits: 12 })).toThrow(
        /also in the evaluation set/,
      )
    }
  })
})

describe.each([...HELDOUT_SET_NUMBERS, SYNTHETIC_SET])('the loader and the trainer with set %i', (n) => {
  it(`refuses a file whose rows are malformed or not marked as set ${n}`, () => {
    const file = path.join(tempDir(), `set${n}.jsonl`)
    const tag = heldoutSetTag(n)
    const good = { text: 'siedze na dachu garazu', level: 'imminent', language: 'pl', note: `${tag},height` }
    writeFileSync(file, jsonl([good]))
    expect(loadHeldoutSet(n, file)).toEqual([good])
    writeFileSync(file, jsonl([good, { ...good, note: `heldout${n - 1},height` }]))
    expect(() => loadHeldoutSet(n, file)).toThrow(new RegExp(`row 2: note must be "${tag},<category>"`))
    for (const note of [tag, `${tag},`]) {
      writeFileSync(file, jsonl([{ ...good, note }]))
      expect(() => loadHeldoutSet(n, file)).toThrow(/row 1: note must be/)
    }
    writeFileSync(file, jsonl([{ ...good, note: undefined }]))
    expect(() => loadHeldoutSet(n, file)).toThrow(/note must be/)
    writeFileSync(file, jsonl([{ ...good, level: 'urgent' }]))
    expect(() => loadHeldoutSet(n, file)).toThrow(/expected \{"text": string, "level"/)
    writeFileSync(file, jsonl([{ ...good, language: 'de' }]))
    expect(() => loadHeldoutSet(n, file)).toThrow(/language must be en or pl/)
  })

  it(`keeps training from a message that is also in set ${n}, and trains once it is not`, () => {
    const data = tinyTrainingFolder(tempDir())
    const file = path.join(tempDir(), `set${n}.jsonl`)
    writeFileSync(
      file,
      jsonl([
        {
          text: 'Stoję na krawędzi peronu, żegnajcie',
          level: 'imminent',
          language: 'pl',
          note: `${heldoutSetTag(n)},tracks`,
        },
      ]),
    )
    // The same message as typed on a phone, in capitals: the check compares canonical text.
    writeFileSync(
      data.ownPath,
      jsonl([
        { text: 'STOJE NA KRAWEDZI PERONU, zegnajcie', level: 'imminent', language: 'pl' },
        { text: 'milego dnia', level: 'none', language: 'pl' },
      ]),
    )
    const options = { ...withSetPath(data, n, file), epochs: 1, hashBits: 12 }
    expect(() => trainRiskModel(options)).toThrow(/also in the evaluation set/)
    writeFileSync(file, '')
    expect(() => trainRiskModel(options)).not.toThrow()
  })
})
