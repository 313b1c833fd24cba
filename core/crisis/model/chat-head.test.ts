/**
 * The chat head (artefact version 4, decision 059) in the combined decision: where no rule spoke and
 * no scope applies, a chat-head score at or above CHAT_HIGH_AT gives `high` while the risk head (calibrated
 * on public tweets) stays below its high cut-off. The messages here were written for this test; none
 * is a training or evaluation message.
 */
import { describe, expect, it } from 'vitest'
import { CHAT_HIGH_AT, classifyRisk, compareRisk, decisionParts, IMMINENT_ALONE, LIFT_AT } from '../classifier.js'
import { loadEvalSet } from '../eval/evaluate.js'
import { canonicalize } from './canonical.js'
import { RISK_MODEL } from './risk-model.js'
import { OWN_TRAINING_PATH } from './train.js'

type Language = 'en' | 'pl'
const scores = (text: string) => RISK_MODEL.score(canonicalize(text))
const rulesSilent = (text: string) => classifyRisk(text, { rulesOnly: true }).signals.length === 0
/** decisionParts gives the model's risk only where no rule spoke and no whole-message scope applied. */
const heard = (text: string) => decisionParts(text).modelRisk !== null
/**
 * What only the chat head can lift: the risk head below its high cut-off, and the imminent head below
 * the cut-off of its own path there (the lift where the risk head says concern, alone below it).
 */
const onlyChat = (text: string, language: Language) => {
  const p = scores(text)
  const t = RISK_MODEL.thresholds[language]
  const imminentPath =
    p.risk < t.concern
      ? Math.max(t.imminent, LIFT_AT[language], IMMINENT_ALONE[language])
      : Math.max(t.imminent, LIFT_AT[language])
  return {
    riskBelowHigh: p.risk < t.high,
    imminentBelowItsPath: p.imminent < imminentPath,
    chatReaches: p.chat >= CHAT_HIGH_AT[language],
  }
}
const allTrue = { riskBelowHigh: true, imminentBelowItsPath: true, chatReaches: true }

describe('the chat head (decision 059)', () => {
  it('is trained and has a finite cut-off in both languages', () => {
    expect(RISK_MODEL.artefact.version).toBe(4)
    expect(RISK_MODEL.artefact.heads.chat.index.length).toBeGreaterThan(1000)
    for (const language of ['en', 'pl'] as const) {
      expect(CHAT_HIGH_AT[language]).toBeGreaterThanOrEqual(0.5)
      expect(CHAT_HIGH_AT[language]).toBeLessThan(1)
    }
  })

  it('gives high to an unseen calm English message of preparation that the risk head leaves below high', () => {
    const text = 'i keep counting the tablets in my drawer, nearly enough for it now'
    const own = new Set(loadEvalSet(OWN_TRAINING_PATH).map((m) => canonicalize(m.text)))
    expect(own.has(canonicalize(text))).toBe(false)
    expect({ rulesSilent: rulesSilent(text), heard: heard(text), ...onlyChat(text, 'en') }).toEqual({
      rulesSilent: true,
      heard: true,
      ...allTrue,
    })
    const result = classifyRisk(text)
    expect(result.level).toBe('high')
    expect(result.language).toBe('en')
    expect(result.signals).toEqual(expect.arrayContaining(['model.score.high', 'model.chat']))
    expect(result.signals).not.toContain('model.imminent')
    expect(result.signals).not.toContain('model.imminent.alone')
    // The explanation lists the features that raised the level: here the chat head's.
    const features = RISK_MODEL.topFeatures(canonicalize(text), 3, 'chat').map((f) => `model.ngram:${f.index}`)
    expect(features.length).toBeGreaterThan(0)
    expect(result.signals.filter((s) => s.startsWith('model.ngram:'))).toEqual(features)
  })

  it('gives high to an unseen calm Polish message of preparation that the risk head leaves below high', () => {
    const text = 'wiem dokładnie który most, byłam tam już dwa razy w tym tygodniu popatrzeć'
    expect({ rulesSilent: rulesSilent(text), heard: heard(text), ...onlyChat(text, 'pl') }).toEqual({
      rulesSilent: true,
      heard: true,
      ...allTrue,
    })
    const result = classifyRisk(text)
    expect(result.level).toBe('high')
    expect(result.language).toBe('pl')
    expect(result.signals).toContain('model.chat')
  })

  it('never makes a message imminent by itself: a means cue does not lift a chat-head high', () => {
    const text = 'i keep counting the tablets in my drawer, nearly enough for it now, the pills'
    expect(rulesSilent(text)).toBe(true)
    const result = classifyRisk(text)
    expect(result.signals).toEqual(expect.arrayContaining(['model.chat']))
    expect(result.level).toBe('high')
    expect(compareRisk(result.level, 'imminent')).toBeLessThan(0)
  })

  it('leaves rule-decided and scoped messages alone', () => {
    // Someone else is the subject: the whole-message scope sets the model aside, chat head too.
    const reported = 'she wrote: checked how high the multistorey is, goes past it every day to look'
    expect(rulesSilent(reported)).toBe(true)
    expect(scores(reported).chat).toBeGreaterThanOrEqual(CHAT_HIGH_AT.en)
    expect(classifyRisk(reported)).toMatchObject({ level: 'none', signals: ['model.scoped.reported'] })
    // A rule scope (negation) decides: the model, and so the chat head, is not asked.
    const negated = "i would never take my tablets like that, i'm not going to kill myself"
    expect(scores(negated).chat).toBeGreaterThanOrEqual(0)
    const result = classifyRisk(negated)
    expect(result.signals.some((s) => s.startsWith('negated:'))).toBe(true)
    expect(result.signals.some((s) => s.startsWith('model.'))).toBe(false)
  })

  it('gives no own tuning row labelled none (never a held-out one) high, in either language', () => {
    const tuning = loadEvalSet().filter((m) => !(m.note ?? '').split(',').includes('heldout') && m.level === 'none')
    expect(tuning.length).toBeGreaterThan(250)
    expect(tuning.filter((m) => classifyRisk(m.text).signals.includes('model.chat')).map((m) => m.text)).toEqual([])
  })
})
