/**
 * The audit sets (audit-sets.ts): their shape, that no audit row is also a held-out row, a row of the first set or a
 * training message, and the trainer's checks when audit sets, or their rows of some languages, train (decisions 077
 * and 078). An audit set is read by the rules audits; a row it shared with a held-out set would let an audit tune on
 * a message the held-out figures count as unseen, and once it trains, the same row would be a leak the trainer must
 * refuse by place, never by text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tinyTrainingFolder } from '../../../tests/support/crisis-training-data.js'
import { canonicalize } from '../model/canonical.js'
import { OWN_TRAINING_PATH, ownTrainingMessages, trainRiskModel, type TrainOptions } from '../model/train.js'
import { AUDIT_SET_NUMBERS, auditSetTag, loadAuditSet } from './audit-sets.js'
import { isNotedHardNegative, loadEvalSet, noteCategory } from './evaluate.js'
import { HELDOUT_SET_NUMBERS, heldoutSetTag, loadHeldoutSet } from './heldout-sets.js'

const LEVELS = ['imminent', 'high', 'concern', 'none'] as const

const temp: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-audit-sets-'))
  temp.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})
const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')
/** The trainer's error for `options`, or undefined when it trains. */
const trainingError = (options: TrainOptions): Error | undefined => {
  try {
    trainRiskModel({ ...options, epochs: 1, hashBits: 12 })
    return undefined
  } catch (error) {
    return error as Error
  }
}

describe.each(AUDIT_SET_NUMBERS)('audit set %i', (n) => {
  const rows = loadAuditSet(n)

  it('holds both languages at every level, with hard negatives, each row tagged and categorised once', () => {
    for (const language of ['en', 'pl'] as const) {
      const mine = rows.filter((m) => m.language === language)
      for (const level of LEVELS) expect(mine.filter((m) => m.level === level).length).toBeGreaterThan(0)
      expect(mine.filter(isNotedHardNegative).length).toBeGreaterThan(0)
    }
    expect(rows.every((m) => m.note!.startsWith(`${auditSetTag(n)},`) && noteCategory(m) !== '')).toBe(true)
    expect(rows.filter((m) => m.level !== 'none' && noteCategory(m).startsWith('hard-')).length).toBe(0)
    expect(new Set(rows.map((m) => canonicalize(m.text))).size).toBe(rows.length)
  })

  it('shares no text with a held-out set, the first set or the training messages', () => {
    const own = new Set(rows.map((m) => canonicalize(m.text)))
    const others = [
      ...HELDOUT_SET_NUMBERS.flatMap((h) => loadHeldoutSet(h)),
      ...loadEvalSet(),
      ...loadEvalSet(OWN_TRAINING_PATH),
      ...AUDIT_SET_NUMBERS.filter((other) => other !== n).flatMap((other) => loadAuditSet(other)),
    ]
    expect(others.filter((m) => own.has(canonicalize(m.text))).length).toBe(0)
  })

  it('trains, with its labels and without its notes, beside the training messages and against every held-out set', () => {
    const trained = ownTrainingMessages({ auditSets: [n] })
    const training = loadEvalSet(OWN_TRAINING_PATH)
    expect(trained.length).toBe(training.length + rows.length)
    expect(trained.slice(training.length)).toEqual(
      rows.map((m) => ({ text: m.text, level: m.level, language: m.language })),
    )
    expect(ownTrainingMessages({ auditSets: [] }).length).toBe(training.length)
    // The committed set against the committed evaluation set and held-out sets (no path given: the trainer reads
    // them), with the tiny folder's public rows and tuning rows.
    const data = tinyTrainingFolder(tempDir())
    writeFileSync(data.ownPath, jsonl([{ text: 'milego dnia', level: 'none', language: 'pl' }]))
    const committed = { ...data, heldoutPaths: {}, tuningPath: undefined, auditSets: [n] }
    expect(trainingError(committed)).toBeUndefined()
    const { artefact } = trainRiskModel({ ...committed, epochs: 1, hashBits: 12 })
    expect(artefact.training).toMatchObject({ ownTrainingMessages: 1 + rows.length, auditSets: [n] })
  })

  it('listed for English only, trains its English rows and none of its Polish rows', () => {
    const only = [{ set: n, languages: ['en'] as const }]
    const training = loadEvalSet(OWN_TRAINING_PATH)
    const english = rows.filter((m) => m.language === 'en')
    const trained = ownTrainingMessages({ auditSets: only })
    expect(trained.length).toBe(training.length + english.length)
    expect(trained.slice(training.length)).toEqual(
      english.map((m) => ({ text: m.text, level: m.level, language: m.language })),
    )
    const trainedTexts = new Set(trained.map((m) => canonicalize(m.text)))
    const polish = rows.filter((m) => m.language === 'pl')
    expect(polish.length).toBeGreaterThan(0)
    expect(polish.filter((m) => trainedTexts.has(canonicalize(m.text))).length).toBe(0)
    const data = tinyTrainingFolder(tempDir())
    writeFileSync(data.ownPath, jsonl([{ text: 'milego dnia', level: 'none', language: 'pl' }]))
    const { artefact } = trainRiskModel({
      ...data,
      heldoutPaths: {},
      tuningPath: undefined,
      auditSets: only,
      epochs: 1,
      hashBits: 12,
    })
    expect(artefact.training).toMatchObject({ ownTrainingMessages: 1 + english.length, auditSets: only })
  })

  it('fails training by place, never by text, when one of its rows is also a held-out row', () => {
    const data = tinyTrainingFolder(tempDir())
    writeFileSync(data.ownPath, jsonl([{ text: 'milego dnia', level: 'none', language: 'pl' }]))
    const row = rows.find((m) => m.language === 'pl' && m.level === 'imminent')!
    const held = path.join(tempDir(), 'held.jsonl')
    // The real audit row as a phone might type it, in a held-out file (set 99, listed by path only).
    writeFileSync(
      held,
      jsonl([
        { text: 'siedze na dachu garazu', level: 'imminent', language: 'pl', note: `${heldoutSetTag(99)},height` },
        { text: ` ${row.text.toUpperCase()}  `, level: row.level, language: 'pl', note: `${heldoutSetTag(99)},copy` },
      ]),
    )
    const options = { ...data, heldoutPaths: { ...data.heldoutPaths, 99: held }, auditSets: [n] }
    const error = trainingError(options)
    const line = rows.indexOf(row) + 1
    expect(error?.message).toMatch(
      new RegExp(
        `^1 training message\\(s\\) are also in the evaluation set .*: audit${n}-messages\\.jsonl line ${line} \\(= held\\.jsonl line 2\\)$`,
      ),
    )
    expect(error?.message.toLowerCase()).not.toContain(row.text.toLowerCase())
    expect(error?.message).not.toContain('siedze')
    // Left out of training, the same audit set trains.
    expect(trainingError({ ...options, auditSets: [] })).toBeUndefined()
  })
})

describe('the trainer with an audit set', () => {
  const auditFile = (dir: string, rows: object[]) => {
    const file = path.join(dir, 'audit77.jsonl')
    writeFileSync(file, jsonl(rows))
    return file
  }
  const auditRow = (text: string, level: string) => ({ text, level, language: 'pl', note: 'audit77,bridge' })

  it('refuses an audit row that repeats a training message with another level, naming both lines only', () => {
    const dir = tempDir()
    const data = tinyTrainingFolder(dir)
    writeFileSync(
      data.ownPath,
      jsonl([
        { text: 'milego dnia', level: 'none', language: 'pl' },
        { text: 'stoje na moscie', level: 'high', language: 'pl' },
      ]),
    )
    const file = auditFile(dir, [auditRow('dobranoc wszystkim', 'none'), auditRow('Stoję na moście', 'imminent')])
    const options = { ...data, auditSets: [77], auditPaths: { 77: file } }
    const error = trainingError(options)
    expect(error?.message).toBe(
      "1 training message(s) repeat another's canonical text with another level: own.jsonl line 2 (high) and audit77.jsonl line 2 (imminent)",
    )
    // The same level is no clash (the audit set's own test keeps exact repeats out of the committed sets).
    auditFile(dir, [auditRow('dobranoc wszystkim', 'none'), auditRow('Stoję na moście', 'high')])
    expect(trainingError(options)).toBeUndefined()
  })

  it('checks the rows of the languages that train, and reads no row of another language', () => {
    const dir = tempDir()
    const data = tinyTrainingFolder(dir)
    writeFileSync(data.ownPath, jsonl([{ text: 'stoje na moscie', level: 'high', language: 'pl' }]))
    const english = { text: 'on the bridge, done', level: 'imminent', language: 'en', note: 'audit77,bridge' }
    const file = auditFile(dir, [english, auditRow('Stoję na moście', 'imminent')])
    const listed = (languages: readonly ('en' | 'pl')[]) => ({
      ...data,
      auditSets: [{ set: 77, languages }],
      auditPaths: { 77: file },
    })
    // The Polish row clashes with a training message's level: it fails training only when Polish rows train.
    expect(trainingError(listed(['en']))).toBeUndefined()
    expect(trainingError(listed(['pl']))?.message).toBe(
      "1 training message(s) repeat another's canonical text with another level: own.jsonl line 1 (high) and audit77.jsonl line 2 (imminent)",
    )
    // An English row that is a tuning row fails when English rows train, by place.
    auditFile(dir, [{ ...english, text: 'I took ALL my pills' }, auditRow('dobranoc wszystkim', 'none')])
    expect(trainingError(listed(['en']))?.message).toMatch(/: audit77\.jsonl line 1 \(= tuning\.jsonl line 1\)$/)
    expect(trainingError(listed(['pl']))).toBeUndefined()
    // No language, or one set listed twice, is refused.
    expect(trainingError(listed([]))?.message).toMatch(/audit set 77 must train one or more of en, pl/)
    expect(
      trainingError({ ...data, auditSets: [77, { set: 77, languages: ['en'] }], auditPaths: { 77: file } })?.message,
    ).toMatch(/audit set 77 is listed twice/)
  })

  it('refuses an audit row that is a tuning or first-set held-out row, and an audit set no one listed', () => {
    const dir = tempDir()
    const data = tinyTrainingFolder(dir)
    writeFileSync(data.ownPath, jsonl([{ text: 'milego dnia', level: 'none', language: 'pl' }]))
    // Line 3 of the tiny tuning set is "zegnajcie, to koniec".
    const file = auditFile(dir, [auditRow('dobranoc wszystkim', 'none'), auditRow('Żegnajcie, to KONIEC', 'imminent')])
    const error = trainingError({ ...data, auditSets: [77], auditPaths: { 77: file } })
    expect(error?.message).toMatch(/: audit77\.jsonl line 2 \(= tuning\.jsonl line 3\)$/)
    expect(error?.message).not.toMatch(/koniec/i)
    // A row without its set's note is refused by the loader; an unlisted set with no file is refused by number.
    auditFile(dir, [{ text: 'dobranoc wszystkim', level: 'none', language: 'pl', note: 'audit76,bye' }])
    expect(trainingError({ ...data, auditSets: [77], auditPaths: { 77: file } })?.message).toMatch(
      /row 1: note must be "audit77,<category>"/,
    )
    expect(trainingError({ ...data, auditSets: [77] })?.message).toMatch(/audit set 77 is not listed/)
  })
})
