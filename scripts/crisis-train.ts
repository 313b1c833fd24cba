/**
 * `npm run crisis:train [-- <data folder>] [-- --out <file>] [-- --seeds <K>] [-- --seed <first seed>]`: retrains
 * the crisis risk model from the public data folder (default ../shared/crisis-data; see its README) plus the
 * project's own written messages (core/crisis/model/train-messages.jsonl, and the audit sets of TRAINING_AUDIT_SETS,
 * decision 077) and writes core/crisis/model/risk-model.json. Each head is the mean of K runs with seeds 20261206,
 * 20261207, … (default SEED_COUNT, decision 070); `--seed` starts them elsewhere (a study of other draws).
 * Deterministic: the same data gives the same artefact. See docs/crisis-model.md.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_DATA_DIR } from '../core/crisis/model/public-data.js'
import { SEED_COUNT, serializeArtefact, trainRiskModel } from '../core/crisis/model/train.js'

const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const out =
  outIndex >= 0
    ? path.resolve(args[outIndex + 1]!)
    : fileURLToPath(new URL('../core/crisis/model/risk-model.json', import.meta.url))
const seedsIndex = args.indexOf('--seeds')
const seedCount = seedsIndex >= 0 ? Number(args[seedsIndex + 1]) : SEED_COUNT
if (!Number.isInteger(seedCount) || seedCount < 1) throw new Error('--seeds expects a whole number of at least 1')
const seedIndex = args.indexOf('--seed')
const seed = seedIndex >= 0 ? Number(args[seedIndex + 1]) : undefined
if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed expects a whole number')
const optionValues = new Set([outIndex + 1, seedsIndex + 1, seedIndex + 1].filter((i) => i > 0))
const positional = args.filter((a, i) => !a.startsWith('--') && !optionValues.has(i))
const dataDir = positional[0] ? path.resolve(positional[0]) : DEFAULT_DATA_DIR

// The rules decide which tuning rows the model may speak on. The classifier module loads the
// shipped artefact; if that is unusable, thresholds are chosen over every tuning row (stricter)
// and a second run refines them.
let leftToModel: ((text: string) => boolean) | undefined
try {
  const { classifyRisk } = await import('../core/crisis/classifier.js')
  leftToModel = (text) => classifyRisk(text, { rulesOnly: true }).signals.length === 0
} catch (error) {
  console.warn(
    `${(error as Error).message}\nthresholds are chosen without the rules this time; run crisis:train again afterwards.`,
  )
}

const started = Date.now()
const { artefact, summary } = trainRiskModel({ dataDir, seed, seedCount, leftToModel, log: (line) => console.log(line) })
const text = serializeArtefact(artefact)
writeFileSync(out, text)
for (const line of summary) console.log(line)
console.log(
  `wrote ${path.relative(process.cwd(), out)} (${(text.length / 1024).toFixed(0)} KiB, ${artefact.checksum}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
)
