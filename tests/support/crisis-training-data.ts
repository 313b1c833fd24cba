import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { HELDOUT_SET_NUMBERS, type HeldoutSetNumber } from '../../core/crisis/eval/heldout-sets.js'
import type { TrainOptions } from '../../core/crisis/model/train.js'

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')

/**
 * A tiny crisis-model data folder in `dir`, in the layout of ../shared/crisis-data (generated words, nothing real):
 * one public set, a four-row tuning set, and an empty file for each held-out set (HELDOUT_SET_NUMBERS) that a test
 * fills as it needs. Small enough for `trainRiskModel({ ...folder, epochs: 1, hashBits: 12 })` to run in a test.
 */
export function tinyTrainingFolder(dir: string) {
  const risky = ['i want to die', 'i feel suicidal', 'no reason to live']
  const calm = ['great match', 'lovely weather', 'new phone']
  const rows = Array.from({ length: 120 }, (_, i) => {
    const positive = i % 2 === 0
    return `"${(positive ? risky : calm)[i % 3]} number ${i}",${positive ? 1 : 0}`
  })
  mkdirSync(path.join(dir, 'twitter_suicidal_intent'))
  writeFileSync(
    path.join(dir, 'twitter_suicidal_intent/twitter_suicidal_intent.csv'),
    ['text,label', ...rows].join('\n'),
  )
  const tuningPath = path.join(dir, 'tuning.jsonl')
  writeFileSync(
    tuningPath,
    jsonl([
      { text: 'i took all my pills', level: 'imminent', language: 'en' },
      { text: 'see you later', level: 'none', language: 'en' },
      { text: 'zegnajcie, to koniec', level: 'imminent', language: 'pl' },
      { text: 'do jutra', level: 'none', language: 'pl' },
    ]),
  )
  const heldoutPaths: Record<HeldoutSetNumber, string> = Object.fromEntries(
    HELDOUT_SET_NUMBERS.map((n) => {
      const file = path.join(dir, `heldout${n}.jsonl`)
      writeFileSync(file, '')
      return [n, file]
    }),
  )
  return { dataDir: dir, ownPath: path.join(dir, 'own.jsonl'), tuningPath, heldoutPaths } satisfies TrainOptions
}
