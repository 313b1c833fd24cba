import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tinyTrainingFolder } from '../../../tests/support/crisis-training-data.js'
import { canonicalize } from '../model/canonical.js'
import { OWN_TRAINING_PATH, trainRiskModel } from '../model/train.js'
import { loadEvalSet } from './evaluate.js'
import { loadHeldout2 } from './heldout2.js'
import { loadHeldout3 } from './heldout3.js'
import { heldout4Category, isHeldout4HardNegative, loadHeldout4 } from './heldout4.js'

const temp: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-heldout4-'))
  temp.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')

describe('the fourth held-out set', () => {
  const rows = loadHeldout4()

  it('holds 100 English and 100 Polish messages with 20 imminent, 20 high, 20 concern and 40 none each', () => {
    expect(rows.length).toBe(200)
    for (const language of ['en', 'pl'] as const) {
      const mine = rows.filter((m) => m.language === language)
      const count = (level: string) => mine.filter((m) => m.level === level).length
      expect({
        language,
        imminent: count('imminent'),
        high: count('high'),
        concern: count('concern'),
        none: count('none'),
      }).toEqual({ language, imminent: 20, high: 20, concern: 20, none: 40 })
      expect(mine.filter(isHeldout4HardNegative).length).toBeGreaterThanOrEqual(28)
    }
    // Polish as typed on phones: about a third without a single diacritic, and the note says so.
    const polish = rows.filter((m) => m.language === 'pl')
    const plain = polish.filter((m) => !/[ąćęłńóśźż]/i.test(m.text))
    expect(plain.length).toBeGreaterThanOrEqual(33)
    const marked = polish.filter((m) => (m.note ?? '').split(',').includes('no-diacritics'))
    expect(marked.every((m) => !/[ąćęłńóśźż]/i.test(m.text))).toBe(true)
    expect(new Set(rows.map((m) => canonicalize(m.text))).size).toBe(rows.length)
    expect(rows.every((m) => heldout4Category(m) !== '')).toBe(true)
  })

  it('shares no text with the training messages or the other evaluation sets', () => {
    const set4 = new Set(rows.map((m) => canonicalize(m.text)))
    const others = [...loadEvalSet(OWN_TRAINING_PATH), ...loadEvalSet(), ...loadHeldout2(), ...loadHeldout3()]
    expect(others.filter((m) => set4.has(canonicalize(m.text))).length).toBe(0)
  })

  it('refuses a file whose rows are malformed or not marked as set 4', () => {
    const dir = tempDir()
    const file = path.join(dir, 'set4.jsonl')
    const good = { text: 'stoje na peronie', level: 'imminent', language: 'pl', note: 'heldout4,tracks' }
    writeFileSync(file, jsonl([good]))
    expect(loadHeldout4(file)).toEqual([good])
    writeFileSync(file, jsonl([good, { ...good, note: 'heldout3,tracks' }]))
    expect(() => loadHeldout4(file)).toThrow(/row 2: note must be "heldout4,<category>"/)
    writeFileSync(file, jsonl([{ ...good, note: 'heldout4' }]))
    expect(() => loadHeldout4(file)).toThrow(/row 1: note must be/)
    writeFileSync(file, jsonl([{ ...good, note: undefined }]))
    expect(() => loadHeldout4(file)).toThrow(/note must be/)
    writeFileSync(file, jsonl([{ ...good, level: 'severe' }]))
    expect(() => loadHeldout4(file)).toThrow(/expected \{"text": string, "level"/)
    writeFileSync(file, jsonl([{ ...good, language: 'de' }]))
    expect(() => loadHeldout4(file)).toThrow(/language must be en or pl/)
  })
})

describe('training and the fourth held-out set', () => {
  const tinyData = () => tinyTrainingFolder(tempDir())

  it('refuses a training message that is also in the fourth held-out set, and accepts it otherwise', () => {
    const data = tinyData()
    writeFileSync(
      data.heldout4Path,
      jsonl([
        { text: 'Stoję na krawędzi peronu, żegnajcie', level: 'imminent', language: 'pl', note: 'heldout4,tracks' },
      ]),
    )
    // The same message as typed on a phone: the check compares canonical text.
    writeFileSync(
      data.ownPath,
      jsonl([
        { text: 'stoje na krawedzi peronu, zegnajcie', level: 'imminent', language: 'pl' },
        { text: 'milego dnia', level: 'none', language: 'pl' },
      ]),
    )
    expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).toThrow(/also in the evaluation set/)
    writeFileSync(data.heldout4Path, '')
    expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).not.toThrow()
  })

  it('refuses a real row of the fourth set when it is copied into the training messages', () => {
    const data = tinyData()
    const row = loadHeldout4()[0]!
    writeFileSync(
      data.ownPath,
      jsonl([
        { text: row.text, level: row.level, language: row.language },
        { text: 'milego dnia', level: 'none', language: 'pl' },
      ]),
    )
    // heldout4Path left out: the trainer reads the committed set by default.
    const { heldout4Path: _unused, ...defaults } = data
    expect(() => trainRiskModel({ ...defaults, epochs: 1, hashBits: 12 })).toThrow(/also in the evaluation set/)
  })
})
