/**
 * `npx tsx scripts/screening-fixture.ts`: writes core/crisis/screening-equivalence.jsonl, the
 * decisions both screens (crisis classifier + risk model, moderation screen) give a fixed set of
 * messages, so that a speed change can be shown to change no decision
 * (core/crisis/screening-equivalence.test.ts).
 *
 * The messages: the model's own training messages, the crisis evaluation set's tuning rows (alone and
 * with the three messages before it as context; never its held-out rows, whose texts nobody tuning the
 * rules may read) and every string literal in the crisis, model and moderation tests. Run it again only when a decision is meant to change (new rules, a retrained artefact) and
 * read the fixture's diff: every changed line is a message whose reading changed.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import ts from 'typescript'
import { classifyRisk, decisionParts } from '../core/crisis/classifier.js'
import { canonicalize } from '../core/crisis/model/canonical.js'
import { RISK_MODEL } from '../core/crisis/model/risk-model.js'
import { screenMessage } from '../core/moderation/screen.js'

export const FIXTURE = new URL('../core/crisis/screening-equivalence.jsonl', import.meta.url)
const root = new URL('../', import.meta.url)

const JSONL_SOURCES = ['core/crisis/model/train-messages.jsonl', 'core/crisis/eval/messages.jsonl']
const TEST_SOURCES = [
  'core/crisis/classifier.test.ts',
  'core/crisis/model/model.test.ts',
  'core/moderation/screen.test.ts',
  'core/moderation/safe-messaging.test.ts',
]

export interface ScreeningCase {
  text: string
  context?: string[]
}

function literals(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(new URL(path, root), 'utf8'), ts.ScriptTarget.Latest)
  const out: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

export function fixtureCases(): ScreeningCase[] {
  const seen = new Set<string>()
  const cases: ScreeningCase[] = []
  const add = (c: ScreeningCase) => {
    const key = JSON.stringify(c)
    if (seen.has(key)) return
    seen.add(key)
    cases.push(c)
  }
  for (const path of JSONL_SOURCES) {
    // Held-out rows stay out: this fixture's diff is read after every rule change, and held-out texts must never be.
    const texts = readFileSync(new URL(path, root), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { text: string; note?: string })
      .filter((row) => !(row.note ?? '').split(',').some((tag) => tag.startsWith('heldout')))
      .map((row) => row.text)
    texts.forEach((text, i) => {
      add({ text })
      if (path.includes('eval') && i >= 3) add({ text, context: texts.slice(i - 3, i) })
    })
  }
  for (const path of TEST_SOURCES) for (const text of literals(path)) add({ text })
  return cases
}

/** Everything the screens decide about one case (and the model's numbers behind it). */
export function screeningOutputs(c: ScreeningCase) {
  const canonical = canonicalize(c.text)
  const score = RISK_MODEL.score(canonical)
  return {
    crisis: classifyRisk(c.text, c.context ? { context: c.context } : undefined),
    parts: c.context ? undefined : decisionParts(c.text),
    model: { risk: score.risk, imminent: score.imminent, top: RISK_MODEL.topFeatures(canonical).map((f) => f.index) },
    screen: screenMessage(c.text, c.context ? { recentOwnTexts: c.context } : undefined),
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = [JSON.stringify({ artefact: RISK_MODEL.artefact.checksum })]
  for (const c of fixtureCases()) lines.push(JSON.stringify({ ...c, ...screeningOutputs(c) }))
  writeFileSync(FIXTURE, `${lines.join('\n')}\n`)
  console.log(`wrote ${lines.length - 1} cases to ${FIXTURE.pathname}`)
}
