import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { canonicalize } from './canonical.js'
import {
  artefactChecksum,
  readArtefactFile,
  RiskModel,
  RiskModelError,
  validateArtefact,
  type HeadArtefact,
  type RiskModelArtefact,
} from './model.js'
import { forEachFeature, stemEnd } from './features.js'
import { parseCsv, splitOf } from './public-data.js'
import { RISK_MODEL } from './risk-model.js'
import { OWN_TRAINING_PATH, serializeArtefact, trainRiskModel } from './train.js'
import { loadEvalSet } from '../eval/evaluate.js'
import { HELDOUT_SET_NUMBERS, HELDOUT_SETS, loadHeldoutSet } from '../eval/heldout-sets.js'
import { CHILD_RUN_TIMEOUT_MS } from '../../../tests/support/processes.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const ARTEFACT = fileURLToPath(new URL('./risk-model.json', import.meta.url))
const shipped = () => JSON.parse(readFileSync(ARTEFACT, 'utf8')) as RiskModelArtefact
const temp: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crisis-model-'))
  temp.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})

/** Re-sign an edited artefact so that only the edit (not the checksum) is wrong. */
const resign = (a: Omit<RiskModelArtefact, 'checksum'>): RiskModelArtefact => ({ ...a, checksum: artefactChecksum(a) })

describe('the shipped artefact', () => {
  it('loads, is small, and has per-language thresholds in order', () => {
    const a = readArtefactFile(ARTEFACT)
    expect(readFileSync(ARTEFACT).length).toBeLessThan(2 * 1024 * 1024)
    for (const lang of ['en', 'pl'] as const) {
      const t = RISK_MODEL.thresholds[lang]
      expect(t.concern).toBeGreaterThan(0)
      expect(t.concern).toBeLessThanOrEqual(t.high)
      expect(t.high).toBeLessThan(1)
    }
    expect(a.heads.risk.index.length).toBeGreaterThan(1000)
    // Provenance only: the only strings in the artefact are its format, checksum and data set names.
    const strings: string[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v)
      else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x)
    }
    walk(a)
    const sets = ['suicidal_keyword_tweets', 'twitter_suicidal_intent', 'poleval2019_cyberbullying_pl']
    expect(strings.filter((s) => s !== a.format && s !== a.checksum && !sets.includes(s))).toEqual([])
  })

  it('scores risk text above ordinary chat', () => {
    const risky = RISK_MODEL.score(canonicalize('i want to kill myself, i cant take it anymore'))
    const calm = RISK_MODEL.score(canonicalize('see you all on thursday, bringing cake'))
    expect(risky.risk).toBeGreaterThan(calm.risk)
    expect(risky.risk).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    expect(calm.risk).toBeLessThan(RISK_MODEL.thresholds.en.concern)
  })
})

describe('a wrong or missing artefact', () => {
  it('is refused with a clear error naming the problem', () => {
    const good = shipped()
    const { checksum: _c, ...body } = good
    void _c
    expect(() => validateArtefact({ ...good, version: 1 }, 'x.json')).toThrow(/x\.json is unusable: version is 1/)
    expect(() => validateArtefact(resign({ ...body, format: 'other' as never }))).toThrow(/format/)
    expect(() => validateArtefact(resign({ ...body, hashBits: 40 }))).toThrow(/hashBits/)
    const shuffled = { ...body.heads.risk, index: [...body.heads.risk.index].reverse() }
    expect(() => validateArtefact(resign({ ...body, heads: { ...body.heads, risk: shuffled } }))).toThrow(
      /out of order or range/,
    )
    const short = { ...body.heads.imminent, weight: body.heads.imminent.weight.slice(1) }
    expect(() => validateArtefact(resign({ ...body, heads: { ...body.heads, imminent: short } }))).toThrow(
      /equal length/,
    )
    expect(() =>
      validateArtefact(
        resign({ ...body, thresholds: { ...body.thresholds, pl: { concern: 0.9, high: 0.5, imminent: 0.5 } } }),
      ),
    ).toThrow(/thresholds\.pl/)
    const edited = { ...good, heads: { ...good.heads, risk: { ...good.heads.risk, bias: good.heads.risk.bias + 1 } } }
    expect(() => validateArtefact(edited)).toThrow(/checksum does not match/)
    expect(() => validateArtefact(null)).toThrow(RiskModelError)
  })

  it('refuses an artefact of version 3 (before the chat head) by name, and one without a chat head', () => {
    const { checksum: _c, ...body } = shipped()
    void _c
    expect(body.version).toBe(4)
    expect(body.heads.chat.index.length).toBeGreaterThan(1000)
    expect(() => validateArtefact(resign({ ...body, version: 3 as never }), 'v3.json')).toThrow(
      /v3\.json is unusable: version is 3, this code reads version 4/,
    )
    const { chat: _chat, ...twoHeads } = body.heads
    void _chat
    expect(() => validateArtefact(resign({ ...body, heads: twoHeads as never }), 'two.json')).toThrow(
      /two\.json is unusable: head "chat" is missing/,
    )
    const short = { ...body.heads.chat, weight: body.heads.chat.weight.slice(1) }
    expect(() => validateArtefact(resign({ ...body, heads: { ...body.heads, chat: short } }))).toThrow(/equal length/)
  })

  it('reports a missing or unreadable file', () => {
    const dir = tempDir()
    expect(() => readArtefactFile(path.join(dir, 'absent.json'))).toThrow(/missing or unreadable/)
    writeFileSync(path.join(dir, 'broken.json'), '{"format": ')
    expect(() => readArtefactFile(path.join(dir, 'broken.json'))).toThrow(/not valid JSON/)
  })

  /** A copy of the classifier and what it imports, with the artefact replaced or removed. */
  function classifierCopy(artefact: string | null): string {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'core'))
    cpSync(path.join(ROOT, 'core/text'), path.join(dir, 'core/text'), { recursive: true })
    mkdirSync(path.join(dir, 'core/crisis'))
    cpSync(path.join(ROOT, 'core/crisis/classifier.ts'), path.join(dir, 'core/crisis/classifier.ts'))
    cpSync(path.join(ROOT, 'core/crisis/lexicon'), path.join(dir, 'core/crisis/lexicon'), { recursive: true })
    cpSync(path.join(ROOT, 'core/crisis/model'), path.join(dir, 'core/crisis/model'), { recursive: true })
    const target = path.join(dir, 'core/crisis/model/risk-model.json')
    if (artefact === null) rmSync(target)
    else writeFileSync(target, artefact)
    return path.join(dir, 'core/crisis/classifier.ts')
  }

  const start = (entry: string) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', `await import(${JSON.stringify(entry)}); console.log('started')`],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    )

  it('stops the process at start when the artefact was edited', { timeout: CHILD_RUN_TIMEOUT_MS }, () => {
    const a = shipped()
    a.heads.risk.weight[0] += 1
    const run = start(classifierCopy(serializeArtefact(a)))
    expect(run.status).not.toBe(0)
    expect(run.stdout).not.toContain('started')
    expect(run.stderr).toMatch(
      /crisis risk model core\/crisis\/model\/risk-model\.json is unusable: checksum does not match/,
    )
  })

  it('stops the process at start when the artefact is missing', { timeout: CHILD_RUN_TIMEOUT_MS }, () => {
    const run = start(classifierCopy(null))
    expect(run.status).not.toBe(0)
    expect(run.stdout).not.toContain('started')
    expect(run.stderr).toContain('risk-model.json')
  })

  it('starts with the shipped artefact (the copies above differ only in it)', { timeout: CHILD_RUN_TIMEOUT_MS }, () => {
    const run = start(classifierCopy(readFileSync(ARTEFACT, 'utf8')))
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('started')
  })
})

describe('training', () => {
  /** A tiny public-data folder in the layout of ../shared/crisis-data, generated here. */
  function tinyData(): { dataDir: string; ownPath: string; tuningPath: string } {
    const dir = tempDir()
    const risky = ['i want to die', 'i feel suicidal', 'i cant go on', 'i want to end it', 'no reason to live']
    const calm = ['great game', 'suicidal squad movie was bad', 'lovely weather', 'new phone', 'coffee time']
    const rows = (label: (i: number) => string) =>
      Array.from({ length: 120 }, (_, i) => {
        const positive = i % 2 === 0
        const text = `${(positive ? risky : calm)[i % 5]} number ${i}`
        return `"${text}",${positive ? label(1) : label(0)}`
      })
    mkdirSync(path.join(dir, 'suicidal_keyword_tweets'))
    writeFileSync(
      path.join(dir, 'suicidal_keyword_tweets/suicidal_keyword_tweets.csv'),
      ['text,label', ...rows((l) => (l ? '2' : '0'))].join('\n'),
    )
    mkdirSync(path.join(dir, 'twitter_suicidal_intent'))
    writeFileSync(
      path.join(dir, 'twitter_suicidal_intent/twitter_suicidal_intent.csv'),
      ['text,label', ...rows((l) => String(l))].join('\n'),
    )
    mkdirSync(path.join(dir, 'poleval2019_cyberbullying_pl'))
    writeFileSync(
      path.join(dir, 'poleval2019_cyberbullying_pl/poleval2019_task6.csv'),
      ['split,text,harmful,type', ...Array.from({ length: 60 }, (_, i) => `train,"ładna pogoda numer ${i}",0,0`)].join(
        '\n',
      ),
    )
    const jsonl = (items: [string, string, string, string?][]) =>
      items.map(([text, level, language, note]) => JSON.stringify({ text, level, language, note })).join('\n')
    const ownPath = path.join(dir, 'own.jsonl')
    writeFileSync(
      ownPath,
      jsonl([
        ['im on the bridge, goodbye', 'imminent', 'en'],
        ['chce umrzec', 'high', 'pl'],
        ['milego dnia', 'none', 'pl'],
      ]),
    )
    const tuningPath = path.join(dir, 'tuning.jsonl')
    writeFileSync(
      tuningPath,
      jsonl([
        ['i took all my pills', 'imminent', 'en'],
        ['see you later', 'none', 'en', 'hard-negative:idiom'],
        ['zegnajcie, to koniec', 'imminent', 'pl'],
        ['do jutra', 'none', 'pl', 'hard-negative:idiom'],
        ['held out row', 'none', 'en', 'heldout'],
      ]),
    )
    return { dataDir: dir, ownPath, tuningPath }
  }

  it('is reproducible: the same data and seed give a byte-identical, valid artefact', () => {
    const data = tinyData()
    const first = serializeArtefact(trainRiskModel({ ...data, epochs: 2, hashBits: 14 }).artefact)
    const second = serializeArtefact(trainRiskModel({ ...data, epochs: 2, hashBits: 14 }).artefact)
    expect(second).toBe(first)
    const artefact = validateArtefact(JSON.parse(first))
    // A model trained on it separates its own classes.
    const model = new RiskModel(artefact)
    expect(model.score(canonicalize('i want to die number 999')).risk).toBeGreaterThan(
      model.score(canonicalize('lovely weather number 999')).risk,
    )
    // Another seed changes the order of examples and so the weights.
    expect(serializeArtefact(trainRiskModel({ ...data, epochs: 2, hashBits: 14, seed: 7 }).artefact)).not.toBe(first)
  })

  it('averages the heads of several seeds into one model of the same size, reproducibly', () => {
    const data = tinyData()
    const options = { ...data, epochs: 2, hashBits: 14, seed: 11 }
    const averaged = trainRiskModel({ ...options, seedCount: 3 }).artefact
    expect(serializeArtefact(trainRiskModel({ ...options, seedCount: 3 }).artefact)).toBe(serializeArtefact(averaged))
    expect(averaged.training).toMatchObject({ seed: 11, seeds: [11, 12, 13] })
    const singles = [11, 12, 13].map((seed) => trainRiskModel({ ...options, seed, seedCount: 1 }).artefact)
    expect(singles[0]!.training).not.toHaveProperty('seeds')
    const dense = (head: HeadArtefact) => {
      const w = new Float64Array(1 << 14)
      head.index.forEach((ix, i) => (w[ix] = head.weight[i]!))
      return w
    }
    for (const name of ['risk', 'imminent', 'chat'] as const) {
      const mean = new Float64Array(1 << 14)
      for (const single of singles) dense(single.heads[name]).forEach((x, i) => (mean[i] += x / singles.length))
      const got = dense(averaged.heads[name])
      // Every weight is the seeds' mean up to the 4-decimal rounding of the four artefacts.
      let largestGap = 0
      got.forEach((x, i) => (largestGap = Math.max(largestGap, Math.abs(x - mean[i]!))))
      expect(largestGap).toBeLessThanOrEqual(1.01e-4)
      const meanBias = singles.reduce((s, a) => s + a.heads[name].bias, 0) / singles.length
      expect(Math.abs(averaged.heads[name].bias - meanBias)).toBeLessThanOrEqual(1.01e-4)
      // And it is not one of the seeds' own models: each differs from the mean somewhere by more (the chat head
      // trains on the three own messages alone, whose few orders the seeds may share).
      if (name === 'chat') continue
      for (const single of singles) {
        const own = dense(single.heads[name])
        expect(got.some((x, i) => Math.abs(x - own[i]!) > 1e-3)).toBe(true)
      }
    }
    // The averaged model keeps the shape of one model and is a valid artefact.
    expect(validateArtefact(JSON.parse(serializeArtefact(averaged))).hashBits).toBe(14)
  })

  it('refuses a training message that is also in the evaluation set', () => {
    const data = tinyData()
    writeFileSync(data.ownPath, JSON.stringify({ text: 'I took all my pills', level: 'imminent', language: 'en' }))
    expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).toThrow(/also in the evaluation set/)
  })

  it('refuses a training message that is a held-out row of the evaluation set', () => {
    const data = tinyData()
    writeFileSync(data.ownPath, JSON.stringify({ text: '  Held Out ROW ', level: 'none', language: 'en' }))
    expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).toThrow(/also in the evaluation set/)
    // The same message is accepted once no evaluation row holds it.
    const tuning = readFileSync(data.tuningPath, 'utf8').split('\n')
    writeFileSync(data.tuningPath, tuning.filter((line) => !line.includes('"heldout"')).join('\n'))
    expect(() => trainRiskModel({ ...data, epochs: 1, hashBits: 12 })).not.toThrow()
  })

  it('ships training messages that share no text with the evaluation set or a held-out set', () => {
    const held = HELDOUT_SET_NUMBERS.flatMap((n) => loadHeldoutSet(n))
    // Every listed set is read whole (none is listed between sets 6 and 7's retirement and set 8, decision 067).
    const listed = HELDOUT_SET_NUMBERS.map(
      (n) => 2 * Object.values(HELDOUT_SETS[n]!.perLanguage).reduce((a, b) => a + b, 0),
    )
    expect(held.length).toBe(listed.reduce((a, b) => a + b, 0))
    const evalTexts = new Set([...loadEvalSet(), ...held].map((m) => canonicalize(m.text)))
    const shared = loadEvalSet(OWN_TRAINING_PATH).filter((m) => evalTexts.has(canonicalize(m.text)))
    expect(shared.length).toBe(0)
  })

  it('fails clearly when the data folder holds nothing', () => {
    expect(() => trainRiskModel({ dataDir: tempDir(), epochs: 1 })).toThrow(/no training data in/)
  })
})

describe('the public data reader', () => {
  it('parses quoted CSV fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('text,label\n"a, b",1\n"say ""hi""\nthere",0\nplain,2')).toEqual([
      ['text', 'label'],
      ['a, b', '1'],
      ['say "hi"\nthere', '0'],
      ['plain', '2'],
    ])
  })

  it('puts a row in the same split whatever the file order, about 70/10/20', () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `message ${i}`)
    const splits = texts.map(splitOf)
    expect([...texts].reverse().map(splitOf)).toEqual([...splits].reverse())
    const share = (s: string) => splits.filter((x) => x === s).length / splits.length
    expect(share('train')).toBeGreaterThan(0.65)
    expect(share('validation')).toBeGreaterThan(0.07)
    expect(share('test')).toBeGreaterThan(0.16)
  })
})

describe('the light stem (Polish suffix folding, artefact version 2)', () => {
  const stem = (word: string) => word.slice(0, stemEnd(word, 0, word.length))
  it('folds inflected forms of one word to one stem, with and without Polish letters', () => {
    const groups = [
      ['tabletek', 'tabletki', 'tabletkami', 'tabletkę'],
      ['zabić', 'zabije', 'zabiłem', 'zabijam', 'zabiła'],
      ['myślę', 'mysle', 'myślałem', 'myśli'],
      ['skoczę', 'skoczyć', 'skoczyłam'],
      ['żegnam', 'zegnajcie', 'żegnaj'],
    ]
    for (const group of groups) {
      const stems = new Set(group.map((w) => stem(canonicalize(w))))
      expect({ group, stems: [...stems] }).toEqual({ group, stems: [stem(canonicalize(group[0]))] })
    }
    // At least three letters stay, and a word with no ending keeps itself.
    expect(stem('umre')).toBe('umr')
    expect(stem('most')).toBe('most')
  })

  it('adds one stem feature per word (the stem stemEnd gives, folded forms above share it)', () => {
    // One more feature occurrence per word than word, bigram and character n-grams.
    let n = 0
    const count = forEachFeature('ab', 18, () => n++)
    // "ab": unigram, stem, and the 3-grams "<ab", "ab>" and the 4-gram "<ab>".
    expect(count).toBe(5)
    expect(n).toBe(5)
  })
})
