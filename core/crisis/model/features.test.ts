import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonical.js'
import { featureBuffer, featureIndexes, forEachFeature, MAX_CHARS } from './features.js'
import { RISK_MODEL } from './risk-model.js'

/**
 * The scoring path reads features from a reused buffer (featureIndexes) rather than a callback per
 * feature: these tests pin that it gives the very features, in the very order, that forEachFeature
 * (training's reader) gives, and that the model's scores equal a sum over forEachFeature's features.
 */
const BITS = RISK_MODEL.hashBits

const TEXTS = [
  '',
  '   ',
  '.',
  'a',
  'i took all the pills an hour ago',
  'nie chcę już żyć, mam tabletki',
  'Zażyję wszystkie tabletki dziś w nocy 💊💊 😭',
  'kms lol 😂😂😂',
  'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(40),
  'everything feels pointless and i am so tired of it all. '.repeat(60),
  'słowo '.repeat(500),
  'x'.repeat(MAX_CHARS + 500),
]

function viaCallback(text: string): number[] {
  const out: number[] = []
  const n = forEachFeature(text, BITS, (ix) => out.push(ix))
  expect(n).toBe(out.length)
  return out
}

function viaBuffer(text: string): number[] {
  const n = featureIndexes(text, BITS)
  return Array.from(featureBuffer().subarray(0, n))
}

describe('crisis model features from the reused buffer', () => {
  it('gives the features forEachFeature emits, in order, for raw and canonical texts of every length', () => {
    for (const text of TEXTS) {
      for (const form of [text, canonicalize(text)]) expect(viaBuffer(form)).toEqual(viaCallback(form))
    }
  })

  it('is not disturbed by a long text read in between (the buffer grows, short texts still read right)', () => {
    const short = canonicalize('i have the rope ready')
    const before = viaBuffer(short)
    viaBuffer(canonicalize(TEXTS[9]!))
    expect(viaBuffer(short)).toEqual(before)
    expect(before.length).toBeGreaterThan(0)
  })

  it('lets a forEachFeature callback read another text without changing what it is given', () => {
    const a = canonicalize('i want to end it tonight')
    const b = canonicalize('nie chcę już żyć')
    const expected = viaCallback(a)
    const seen: number[] = []
    forEachFeature(a, BITS, (ix) => {
      seen.push(ix)
      featureIndexes(b, BITS)
    })
    expect(seen).toEqual(expected)
  })

  it('scores as the sum of forEachFeature features over the artefact weights', () => {
    const { risk, imminent } = RISK_MODEL.artefact.heads
    const dense = (head: { index: number[]; weight: number[] }) => {
      const m = new Map<number, number>()
      head.index.forEach((ix, i) => m.set(ix, Math.fround(head.weight[i]!)))
      return m
    }
    const heads = [
      { w: dense(risk), h: risk },
      { w: dense(imminent), h: imminent },
    ]
    for (const text of TEXTS) {
      const canonical = canonicalize(text)
      const features = viaCallback(canonical)
      const norm = features.length > 0 ? 1 / Math.sqrt(features.length) : 0
      const [r, m] = heads.map(({ w, h }) => {
        let sum = 0
        for (const ix of features) sum += w.get(ix) ?? 0
        return 1 / (1 + Math.exp(-(h.scale * (h.bias + sum * norm) + h.shift)))
      })
      const score = RISK_MODEL.score(canonical)
      expect(score.risk).toBe(r)
      expect(score.imminent).toBe(m)
    }
  })
})
