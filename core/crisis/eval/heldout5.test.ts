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
import { loadHeldout4 } from './heldout4.js'
import { heldout5Category, isHeldout5HardNegative, loadHeldout5 } from './heldout5.js'

const temp: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-heldout5-'))
  temp.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')

describe('the fifth held-out set', () => {
  const rows = loadHeldout5()

  it('holds 120 English and 120 Polish messages with 30 imminent, 20 high, 20 concern and 50 none each', () => {
    expect(rows.length).toBe(240)
    for (const language of ['en', 'pl'] as const) {
      const mine = rows.filter((m) => m.language === language)
      const count = (level: string) => mine.filter((m) => m.level === level).length
      expect({
        language,
        imminent: count('imminent'),
        high: count('high'),
        concern: count('concern'),
        none: count('none'),
      }).toEqual({ language, imminent: 30, high: 20, concern: 20, none: 50 })
      expect(mine.filter(isHeldout5HardNegative).length).toBeGreaterThanOrEqual(36)
    }
    // Polish as typed on phones: about a third without a single diacritic, and the note says so.
    const polish = rows.filter((m) => m.language === 'pl')
    const plain = polish.filter((m) => !/[ąćęłńóśźż]/i.test(m.text))
    expect(plain.length).toBeGreaterThanOrEqual(40)
    const marked = polish.filter((m) => (m.note ?? '').split(',').includes('no-diacritics'))
    expect(marked.length).toBeGreaterThanOrEqual(40)
    expect(marked.every((m) => !/[ąćęłńóśźż]/i.test(m.text))).toBe(true)
    expect(new Set(rows.map((m) => canonicalize(m.text))).size).toBe(rows.length)
    expect(rows.every((m) => heldout5Category(m) !== '')).toBe(true)
    // Only `none` rows may be hard negatives, and `hard-` categories mark nothing else.
    expect(rows.filter((m) => m.level !== 'none' && heldout5Category(m).startsWith('hard-'))).toEqual([])
  })

  it('shares no text with the training messages or the other evaluation sets', () => {
    const set5 = new Set(rows.map((m) => canonicalize(m.text)))
    const others = [
      ...loadEvalSet(OWN_TRAINING_PATH),
      ...loadEvalSet(),
      ...loadHeldout2(),
      ...loadHeldout3(),
      ...loadHeldout4(),
    ]
    expect(others.filter((m) => set5.has(canonicalize(m.text))).length).toBe(0)
  })

  it('refuses a file whose rows are malformed or not marked as set 5', () => {
    const dir = tempDir()
    const file = path.join(dir, 'set5.jsonl')
    const good = { text: 'siedze na dachu garazu', level: 'imminent', language: 'pl', note: 'heldout5,height' }
    writeFileSync(file, jsonl([good]))
    expect(loadHeldout5(file)).toEqual([good])
    writeFileSync(file, jsonl([good, { ...good, note: 'heldout4,height' }]))
    expect(() => loadHeldout5(file)).toThrow(/row 2: note must be "heldout5,<category>"/)
    writeFileSync(file, jsonl([{ ...good, note: 'heldout5,' }]))
    expect(() => loadHeldout5(file)).toThrow(/row 1: note must be/)
    writeFileSync(file, jsonl([{ ...good, note: undefined }]))
    expect(() => loadHeldout5(file)).toThrow(/note must be/)
    writeFileSync(file, jsonl([{ ...good, level: 'urgent' }]))
    expect(() => loadHeldout5(file)).toThrow(/expected \{"text": string, "level"/)
    writeFileSync(file, jsonl([{ ...good, language: 'cs' }]))
    expect(() => loadHeldout5(file)).toThrow(/language must be en or pl/)
  })
})

describe('training and the fifth held-out set', () => {
  const tinyData = () => tinyTrainingFolder(tempDir())

  it('refuses a training message that is also in the fifth held-out set, and accepts it otherwise', () => {
    const data = tinyData()
    const heldout5Path = path.join(tempDir(), 'set5.jsonl')
    writeFileSync(
      heldout5Path,
      jsonl([
        { text: 'Siedzę na dachu garażu, żegnam się', level: 'imminent', language: 'pl', note: 'heldout5,height' },
      ]),
    )
    // The same message as typed on a phone, in capitals: the check compares canonical text.
    writeFileSync(
      data.ownPath,
      jsonl([
        { text: 'SIEDZE NA DACHU GARAZU, zegnam sie', level: 'imminent', language: 'pl' },
        { text: 'milego dnia', level: 'none', language: 'pl' },
      ]),
    )
    expect(() => trainRiskModel({ ...data, heldout5Path, epochs: 1, hashBits: 12 })).toThrow(
      /also in the evaluation set/,
    )
    writeFileSync(heldout5Path, '')
    expect(() => trainRiskModel({ ...data, heldout5Path, epochs: 1, hashBits: 12 })).not.toThrow()
  })

  it('refuses a real row of the fifth set when it is copied into the training messages', () => {
    const data = tinyData()
    for (const row of [loadHeldout5()[0]!, loadHeldout5().find((m) => m.language === 'pl')!]) {
      writeFileSync(
        data.ownPath,
        jsonl([
          { text: `  ${row.text.toUpperCase()} `, level: row.level, language: row.language },
          { text: 'milego dnia', level: 'none', language: 'pl' },
        ]),
      )
      // heldout5Path left out: the trainer reads the committed set by default.
      expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).toThrow(/also in the evaluation set/)
    }
  })
})
