/**
 * Both screens give exactly the decisions pinned in ./screening-equivalence.jsonl (written by
 * scripts/screening-fixture.ts from the code before the screening speed work): the crisis level,
 * signals and language, the model's calibrated scores and top features, and the moderation
 * screen's outcome, reason and signals, for ~2,800 messages. A speed change must leave every line
 * equal. When a decision is meant to change (new rules, a retrained artefact), regenerate the
 * fixture and review its diff.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RISK_MODEL } from './model/risk-model.js'
import { screeningOutputs, type ScreeningCase } from '../../scripts/screening-fixture.js'

const REGENERATE = 'regenerate with `npx tsx scripts/screening-fixture.ts` and review the diff'

const [meta, ...expected] = readFileSync(new URL('./screening-equivalence.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('screening equivalence', () => {
  it('pins the shipped artefact', () => {
    expect(meta!.artefact, `risk-model.json changed since the fixture was written: ${REGENERATE}`).toBe(
      RISK_MODEL.artefact.checksum,
    )
    expect(expected.length).toBeGreaterThan(2500)
  })

  it('gives every pinned message the same crisis reading, model scores and moderation outcome', () => {
    const differ: unknown[] = []
    for (const line of expected) {
      const { text, context, ...want } = line as unknown as ScreeningCase & Record<string, unknown>
      const got = JSON.parse(JSON.stringify(screeningOutputs({ text, ...(context ? { context } : {}) })))
      if (JSON.stringify(got) !== JSON.stringify(want)) differ.push({ text, context, want, got })
    }
    expect(
      differ.slice(0, 5),
      `${differ.length} of ${expected.length} messages differ (${REGENERATE} if intended)`,
    ).toEqual([])
    // Thousands of messages through both screens: minutes on a loaded machine, seconds on a quiet one.
  }, 180_000)
})
