import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tinyTrainingFolder } from '../../../tests/support/crisis-training-data.js'
import { canonicalize } from '../model/canonical.js'
import { OWN_TRAINING_PATH, trainRiskModel } from '../model/train.js'
import { loadEvalSet } from './evaluate.js'
import { loadHeldout2 } from './heldout2.js'
import { heldout3Category, isHeldout3HardNegative, loadHeldout3 } from './heldout3.js'

const temp: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-heldout3-'))
  temp.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')

describe('the third held-out set', () => {
  const rows = loadHeldout3()

  it('holds 80 English and 80 Polish messages with 16 imminent, 16 high, 16 concern and 32 none each', () => {
    expect(rows.length).toBe(160)
    for (const language of ['en', 'pl'] as const) {
      const mine = rows.filter((m) => m.language === language)
      const count = (level: string) => mine.filter((m) => m.level === level).length
      expect({
        language,
        imminent: count('imminent'),
        high: count('high'),
        concern: count('concern'),
        none: count('none'),
      }).toEqual({ language, imminent: 16, high: 16, concern: 16, none: 32 })
      expect(mine.filter(isHeldout3HardNegative).length).toBeGreaterThanOrEqual(20)
    }
    // Polish as typed on phones: about a third without a single diacritic.
    const plain = rows.filter((m) => m.language === 'pl' && !/[ąćęłńóśźż]/i.test(m.text))
    expect(plain.length).toBeGreaterThanOrEqual(24)
    expect(new Set(rows.map((m) => canonicalize(m.text))).size).toBe(rows.length)
    expect(rows.every((m) => heldout3Category(m) !== '')).toBe(true)
  })

  it('shares no text with the training messages or the other evaluation sets', () => {
    const set3 = new Set(rows.map((m) => canonicalize(m.text)))
    const others = [...loadEvalSet(OWN_TRAINING_PATH), ...loadEvalSet(), ...loadHeldout2()]
    expect(others.filter((m) => set3.has(canonicalize(m.text))).length).toBe(0)
  })

  it('refuses a file whose rows are malformed or not marked as set 3', () => {
    const dir = tempDir()
    const file = path.join(dir, 'set3.jsonl')
    const good = { text: 'stoje na moscie', level: 'imminent', language: 'pl', note: 'heldout3,high-place' }
    writeFileSync(file, jsonl([good]))
    expect(loadHeldout3(file)).toEqual([good])
    writeFileSync(file, jsonl([good, { ...good, note: 'heldout2' }]))
    expect(() => loadHeldout3(file)).toThrow(/row 2: note must be "heldout3,<category>"/)
    writeFileSync(file, jsonl([{ ...good, note: undefined }]))
    expect(() => loadHeldout3(file)).toThrow(/note must be/)
    writeFileSync(file, jsonl([{ ...good, level: 'severe' }]))
    expect(() => loadHeldout3(file)).toThrow(/expected \{"text": string, "level"/)
    writeFileSync(file, jsonl([{ ...good, language: 'de' }]))
    expect(() => loadHeldout3(file)).toThrow(/language must be en or pl/)
  })
})

describe('training and the third held-out set', () => {
  const tinyData = () => tinyTrainingFolder(tempDir())

  it('refuses a training message that is also in the third held-out set, and accepts it otherwise', () => {
    const data = tinyData()
    writeFileSync(
      data.heldout3Path,
      jsonl([{ text: 'Siedzę na dachu, żegnajcie', level: 'imminent', language: 'pl', note: 'heldout3,high-place' }]),
    )
    // The same message as typed on a phone: the check compares canonical text.
    writeFileSync(
      data.ownPath,
      jsonl([
        { text: 'siedze na dachu, zegnajcie', level: 'imminent', language: 'pl' },
        { text: 'milego dnia', level: 'none', language: 'pl' },
      ]),
    )
    expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).toThrow(/also in the evaluation set/)
    writeFileSync(data.heldout3Path, '')
    expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).not.toThrow()
  })
})
