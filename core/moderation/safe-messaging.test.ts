/**
 * The safe-messaging rule (docs/decisions/021): which crisis readings keep a chat message from the room's other
 * members. Read from the real classifier on real sentences, and tied to the lexicon so a new method rule or means
 * cue is recognised by its kind, not by luck.
 */
import { describe, expect, it } from 'vitest'
import { classifyRisk } from '../crisis/classifier.js'
import { EMOJI_RULES, LEXICONS } from '../crisis/lexicon/index.js'
import { withSafeMessaging } from './moderation.pipeline.js'
import { keepsFromPeers, methodSignals } from './safe-messaging.js'
import { screenMessage } from './screen.js'

describe('keepsFromPeers', () => {
  it.each([
    ["I have the pills ready and I'm going to end it tonight", true],
    ['the rope is ready', true],
    ['I took 30 paracetamol', true],
    ['I keep thinking about hanging myself', true],
    ["I'm going to kill myself tonight", true],
    ['mam tabletki i dziś się zabiję', true],
    ['I want to kill myself', false],
    ['I want to die', false],
    ['I feel hopeless', false],
    ['this exam is killing me', false],
    ['I used to self harm years ago', false],
  ])('%s → %s', (text, kept) => {
    expect(keepsFromPeers(classifyRisk(text))).toBe(kept)
  })

  it('nothing read, nothing kept', () => {
    expect(keepsFromPeers(undefined)).toBe(false)
    expect(keepsFromPeers({ level: 'none', signals: [] })).toBe(false)
  })

  it('recognises every method, means and attempt signal of the lexicon by its kind, and no other', () => {
    for (const lexicon of LEXICONS) {
      for (const rule of lexicon.rules) {
        const names = rule.kind === 'plan' || rule.kind === 'attempt'
        expect({ id: rule.id, kept: methodSignals({ level: 'high', signals: [rule.id] }).length > 0 }).toEqual({
          id: rule.id,
          kept: names,
        })
        // A negated or past match is not current.
        expect(keepsFromPeers({ level: 'none', signals: [`negated:${rule.id}`, `past:${rule.id}`] })).toBe(false)
      }
      for (const cue of lexicon.cues) {
        const names = cue.kind === 'means' || cue.id.endsWith('.cue.method')
        expect({ id: cue.id, kept: methodSignals({ level: 'high', signals: [cue.id] }).length > 0 }).toEqual({
          id: cue.id,
          kept: names,
        })
      }
    }
    for (const emoji of EMOJI_RULES) {
      expect({ id: emoji.id, kept: methodSignals({ level: 'high', signals: [emoji.id] }).length > 0 }).toEqual({
        id: emoji.id,
        kept: emoji.kind === 'means',
      })
    }
  })
})

describe('withSafeMessaging (the screen and the crisis reading, decided in one place)', () => {
  const example = "I have the pills ready and I'm going to end it tonight"

  it('holds what the screen would deliver, with reason safe_messaging and the reading as ids', () => {
    const screened = screenMessage(example)
    expect(screened.outcome).toBe('deliver')
    const decided = withSafeMessaging(screened, classifyRisk(example))
    expect(decided).toMatchObject({ outcome: 'hold', reason: 'safe_messaging' })
    expect(decided.signals.map((s) => s.id)).toEqual(['crisis.imminent', 'en.cue.means'])
    expect(JSON.stringify(decided)).not.toContain('pills')
  })

  it('a screen hold for method detail becomes a safe-messaging hold when the reading asks for it; a rejection stands', () => {
    const dose = 'I took 30 paracetamol'
    expect(screenMessage(dose)).toMatchObject({ outcome: 'hold', reason: 'self_harm_method' })
    expect(withSafeMessaging(screenMessage(dose), classifyRisk(dose))).toMatchObject({
      outcome: 'hold',
      reason: 'safe_messaging',
    })
    const rejected = screenMessage('call me on +48 601 234 567')
    expect(withSafeMessaging(rejected, { level: 'imminent', signals: [] })).toBe(rejected)
  })

  it('leaves ordinary messages to the screen', () => {
    const screened = screenMessage('I want to die')
    expect(withSafeMessaging(screened, classifyRisk('I want to die'))).toBe(screened)
  })
})
