import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { canonicalize } from './canonical.js'
import { CONCEPT_CLASSES, CONCEPT_WINDOW, CONCEPTS_FINGERPRINT, conceptName, conceptOf, fnv } from './concepts.js'
import { conceptIndex, conceptPairIndex, forEachFeature, stemEnd } from './features.js'
import { artefactChecksum, MODEL_VERSION, validateArtefact, type RiskModelArtefact } from './model.js'
import { RISK_MODEL } from './risk-model.js'
import { OWN_TRAINING_PATH, serializeArtefact } from './train.js'
import { CHILD_RUN_TIMEOUT_MS } from '../../../tests/support/processes.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const ARTEFACT = fileURLToPath(new URL('./risk-model.json', import.meta.url))
const BITS = 18
const MASK = (1 << BITS) - 1
const id = (name: string) => CONCEPT_CLASSES.findIndex((c) => c.name === name) + 1

const temp: string[] = []
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})

/** The feature indexes of a message, as the model reads it. */
function features(text: string): Set<number> {
  const out = new Set<number>()
  forEachFeature(canonicalize(text), BITS, (ix) => out.add(ix))
  return out
}

/** The class of each word of a message, by the lookup forEachFeature makes. */
function classes(text: string): (string | undefined)[] {
  const c = canonicalize(text)
  return c
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .map((word) => {
      const stop = stemEnd(word, 0, word.length)
      return conceptName(conceptOf(fnv(word, 0, word.length), fnv(word, 0, stop), stop, word, 0, word.length))
    })
}

describe('the concept lexicon (artefact version 3)', () => {
  it('has 25 to 40 classes with many members each, in both languages', () => {
    expect(CONCEPT_CLASSES.length).toBeGreaterThanOrEqual(25)
    expect(CONCEPT_CLASSES.length).toBeLessThanOrEqual(40)
    for (const cls of CONCEPT_CLASSES) {
      expect({ name: cls.name, en: cls.en.length >= 4, pl: cls.pl.length >= 4 }).toEqual({
        name: cls.name,
        en: true,
        pl: true,
      })
    }
    expect(new Set(CONCEPT_CLASSES.map((c) => c.name)).size).toBe(CONCEPT_CLASSES.length)
  })

  it('gives synonyms one class: means, amounts and places written in different words', () => {
    expect(classes('necked the whole strip of co-codamol')).toEqual([
      'INGEST',
      undefined,
      'AMOUNT',
      'AMOUNT',
      undefined,
      undefined,
      'MEDS',
    ])
    expect(classes('swallowed everything in nans cupboard')).toEqual([
      'INGEST',
      'AMOUNT',
      undefined,
      'OTHER',
      undefined,
    ])
    expect(classes('im on the roof now')).toEqual(['SELF', undefined, undefined, 'PLACE_HIGH', 'NOW'])
    // A number of 10 or more is an amount; a small number is not.
    expect(classes('took 30 or 5')).toEqual(['INGEST', 'AMOUNT', undefined, undefined])
  })

  it('reads Polish with and without diacritics and in other inflections', () => {
    expect(classes('łyknąłem wszystkie tabletki')).toEqual(['INGEST', 'AMOUNT', 'MEDS'])
    expect(classes('lyknalem wszystkie tabletki')).toEqual(['INGEST', 'AMOUNT', 'MEDS'])
    // "tabletkami" and "mostach" are not listed: their stems are.
    expect(classes('tabletkami')).toEqual(['MEDS'])
    expect(classes('stoję na mostach')).toEqual(['POSITION', undefined, 'PLACE_HIGH'])
    expect(features('Łyknąłem wszystkie tabletki')).toEqual(features('lyknalem wszystkie tabletki'))
  })

  it('lets a message with an unseen medicine name share concept features with one with a known name', () => {
    // "venlafaxine" is in no own training message; "paracetamol" is in many. (Until held-out sets 6 and 7 became
    // training messages, decision 067, this test used "pregabalin", which they name.)
    const own = readFileSync(OWN_TRAINING_PATH, 'utf8').toLowerCase()
    expect(own).not.toContain('venlafaxine')
    expect(own).toContain('paracetamol')
    const unseen = features('took 40 venlafaxine')
    const known = features('took 40 paracetamol')
    const expected = [
      conceptIndex(id('MEDS'), MASK),
      conceptPairIndex(id('INGEST'), id('MEDS'), MASK),
      conceptPairIndex(id('AMOUNT'), id('MEDS'), MASK),
    ]
    for (const ix of expected) {
      expect(unseen.has(ix)).toBe(true)
      expect(known.has(ix)).toBe(true)
    }
    // Without the concepts the two would share only "took", "took 40", "40" and its character n-grams.
    const plain = features('took 40 steps')
    expect(plain.has(conceptPairIndex(id('INGEST'), id('MEDS'), MASK))).toBe(false)
  })

  it('pairs a class with the classes of the four words before it (CONCEPT_WINDOW), not further', () => {
    expect(CONCEPT_WINDOW).toBe(4)
    const ingestAmount = conceptPairIndex(id('INGEST'), id('AMOUNT'), MASK)
    expect(features('took the whole lot').has(ingestAmount)).toBe(true)
    expect(features('took one two three four all').has(ingestAmount)).toBe(false)
    expect(features('took one two three all').has(ingestAmount)).toBe(true)
    // Ordered: AMOUNT then INGEST is another feature.
    expect(features('all gone, took').has(conceptPairIndex(id('AMOUNT'), id('INGEST'), MASK))).toBe(true)
    expect(features('all gone, took').has(ingestAmount)).toBe(false)
  })

  it('raises the shipped model on an overdose named with a medicine no own message names', () => {
    const own = readFileSync(OWN_TRAINING_PATH, 'utf8').toLowerCase()
    expect(own).not.toContain('gabapentin')
    expect(own).not.toContain('crackers')
    const medicine = RISK_MODEL.score(canonicalize('i swallowed all my gabapentin just now'))
    const food = RISK_MODEL.score(canonicalize('i swallowed all my crackers just now'))
    expect(medicine.risk).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    // Since the sixth round's retrain (2,958 own messages) the food reaches the concern cut-off too
    // (risk 0.60; a known failure mode in docs/crisis-model.md): the medicine still scores above it
    // on every head.
    expect(food.risk).toBeLessThan(medicine.risk)
    expect(medicine.imminent).toBeGreaterThan(food.imminent)
    expect(medicine.chat).toBeGreaterThan(food.chat)
  })
})

describe('an artefact of the version before the concepts', () => {
  const shipped = () => JSON.parse(readFileSync(ARTEFACT, 'utf8')) as RiskModelArtefact
  const resign = (a: Omit<RiskModelArtefact, 'checksum'>): RiskModelArtefact => ({
    ...a,
    checksum: artefactChecksum(a),
  })

  it('is refused by name, even with a valid checksum', () => {
    expect(MODEL_VERSION).toBe(4)
    const { checksum: _c, ...body } = shipped()
    void _c
    expect(() => validateArtefact(resign({ ...body, version: 2 as never }), 'old.json')).toThrow(
      /old\.json is unusable: version is 2, this code reads version 4/,
    )
  })

  it('is refused when trained with another concept lexicon (a changed class list changes the features)', () => {
    const good = shipped()
    expect(good.training.conceptsFingerprint).toBe(CONCEPTS_FINGERPRINT)
    const { checksum: _c, ...body } = good
    void _c
    const other = resign({ ...body, training: { ...body.training, conceptsFingerprint: CONCEPTS_FINGERPRINT + 1 } })
    expect(() => validateArtefact(other, 'other.json')).toThrow(
      /other\.json is unusable: it was trained with another concept lexicon/,
    )
    const { conceptsFingerprint: _f, ...without } = body.training
    void _f
    expect(() => validateArtefact(resign({ ...body, training: without }))).toThrow(/another concept lexicon/)
  })

  it('stops the process at start', { timeout: CHILD_RUN_TIMEOUT_MS }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crisis-concepts-'))
    temp.push(dir)
    mkdirSync(path.join(dir, 'core/crisis'), { recursive: true })
    cpSync(path.join(ROOT, 'core/text'), path.join(dir, 'core/text'), { recursive: true })
    for (const part of ['classifier.ts', 'lexicon', 'model'])
      cpSync(path.join(ROOT, 'core/crisis', part), path.join(dir, 'core/crisis', part), { recursive: true })
    const { checksum: _c, ...body } = shipped()
    void _c
    writeFileSync(
      path.join(dir, 'core/crisis/model/risk-model.json'),
      serializeArtefact(resign({ ...body, version: 2 as never })),
    )
    const entry = path.join(dir, 'core/crisis/classifier.ts')
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', `await import(${JSON.stringify(entry)}); console.log('started')`],
      { cwd: ROOT, encoding: 'utf8' },
    )
    expect(run.status).not.toBe(0)
    expect(run.stdout).not.toContain('started')
    expect(run.stderr).toMatch(/risk-model\.json is unusable: version is 2, this code reads version 4/)
  })
})
