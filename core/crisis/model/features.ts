/**
 * Features of the crisis risk model, shared by training (scripts/crisis-train.ts) and scoring
 * (./risk-model.ts): hashed word unigrams and bigrams plus hashed character 3- to 5-grams of each
 * word padded with boundary marks, all read from canonical text (./canonical.ts). Hashing is
 * FNV-1a over UTF-16 code units, so no substring is allocated. A message is read up to
 * MAX_CHARS characters; a feature index is `hash & (2^bits - 1)`.
 *
 * Each word also gives a light stem (artefact version 2): Polish inflectional endings are folded
 * ("tabletek", "tabletki", "tabletkami" -> "tablet"; "mysle", "myslalem", "mysli" -> "mysl"), on
 * the canonical text, where Polish letters are already folded, so chat spelling without diacritics
 * gets the same stem. The stemmer does not know the language: an English word whose ending looks
 * Polish gets a stem too, which is only one more consistent feature for the model to weigh.
 *
 * Each word in the concept lexicon (./concepts.ts) also gives its class ("necked", "swallowed" ->
 * INGEST) and the pairs of its class with the classes of the four words before it (INGEST ->
 * AMOUNT, SELF -> PLACE_HIGH), artefact version 3: a phrasing the model never saw shares these
 * features with the ones it learned.
 */
import { buildConceptMaps, conceptOf } from './concepts.js'

export const MAX_CHARS = 2000
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
/** Boundary mark around a word for character n-grams. */
const PAD = 1
/** Salts keep the feature families apart in the shared hash space. */
const SALT_WORD = 0x9e3779b1
const SALT_BIGRAM = 0x85ebca6b
const SALT_CHAR = [0, 0, 0, 0x27d4eb2f, 0x165667b1, 0xc2b2ae35]
const SALT_STEM = 0x4cf5ad43
/** Concept class unigrams and class pairs within CONCEPT_WINDOW words (./concepts.ts, artefact version 3). */
const SALT_CONCEPT = 0x2545f491
const SALT_CONCEPT_PAIR = 0x9b05688c

/**
 * Polish inflectional endings in folded spelling (nouns, adjectives, verbs, past tense). The
 * longest ending that leaves at least MIN_STEM letters is removed (see stemEnd).
 */
export const POLISH_ENDINGS: readonly string[] = [
  'owaniem',
  'owania',
  'owanie',
  'ujemy',
  'ujecie',
  'ujesz',
  'ajcie',
  'ejcie',
  'ijcie',
  'alysmy',
  'ilismy',
  'kami',
  'kach',
  'ylem',
  'ylam',
  'ilem',
  'ilam',
  'alem',
  'alam',
  'elem',
  'elam',
  'alas',
  'ales',
  'ilas',
  'iles',
  'owac',
  'owal',
  'ach',
  'ami',
  'ego',
  'emu',
  'owi',
  'ych',
  'ymi',
  'ich',
  'imi',
  'iej',
  'esz',
  'isz',
  'ysz',
  'emy',
  'imy',
  'amy',
  'cie',
  'nie',
  'nia',
  'niu',
  'kow',
  'lem',
  'lam',
  'las',
  'les',
  'uje',
  'ow',
  'om',
  'ej',
  'em',
  'ym',
  'im',
  'ie',
  'ia',
  'iu',
  'ek',
  'ki',
  'ke',
  'ka',
  'ko',
  'la',
  'lo',
  'am',
  'aj',
  'ac',
  'ec',
  'ic',
  'yc',
  'al',
  'il',
  'yl',
  'el',
  'a',
  'e',
  'i',
  'y',
  'o',
  'u',
  'c',
  'l',
]
const MIN_STEM = 3

/** The endings as a trie over reversed letters: node -> (char code -> node); ENDS marks an ending. */
const TRIE: Map<number, number>[] = [new Map()]
const ENDS: boolean[] = [false]
for (const ending of POLISH_ENDINGS) {
  let node = 0
  for (let k = ending.length - 1; k >= 0; k--) {
    const c = ending.charCodeAt(k)
    let next = TRIE[node].get(c)
    if (next === undefined) {
      next = TRIE.length
      TRIE.push(new Map())
      ENDS.push(false)
      TRIE[node].set(c, next)
    }
    node = next
  }
  ENDS[node] = true
}
buildConceptMaps(stemEnd)

/** End (exclusive) of the light stem of the word text[start, end). */
export function stemEnd(text: string, start: number, end: number): number {
  let node = 0
  let cut = end
  for (let p = end - 1; p - start >= MIN_STEM; p--) {
    const next = TRIE[node].get(text.charCodeAt(p))
    if (next === undefined) break
    node = next
    if (ENDS[node]) cut = p
  }
  // A stem's last "j", then its last "i" or "y", go too: "zabije", "zabijam", "zabila", "zabic" and
  // "zabilem" all meet at "zab"; "skoczyla" and "skoczyc" at "skocz".
  if (cut - start > MIN_STEM && text.charCodeAt(cut - 1) === 106) cut--
  if (cut - start > MIN_STEM) {
    const last = text.charCodeAt(cut - 1)
    if (last === 105 || last === 121) cut--
  }
  return cut
}

const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90) || c > 127

function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}

/** Feature index of concept class `cls` (./concepts.ts) under `mask` (2^bits - 1). */
export const conceptIndex = (cls: number, mask: number) => mix(Math.imul(cls, 0x9e3779b1) ^ SALT_CONCEPT) & mask

/** Feature index of class `later` following class `earlier` within four words. */
export const conceptPairIndex = (earlier: number, later: number, mask: number) =>
  mix(((earlier << 8) | later) ^ SALT_CONCEPT_PAIR) & mask

/**
 * Calls `emit` with the feature index of every feature occurrence in canonical `text` (a feature
 * that occurs twice is emitted twice) and returns the number of occurrences.
 */
export function forEachFeature(text: string, bits: number, emit: (index: number) => void): number {
  const count = featureIndexes(text, bits)
  // A copy: `emit` may read the features of another text (which reuses the scratch buffer).
  const indexes = featureScratch.slice(0, count)
  for (let i = 0; i < count; i++) emit(indexes[i]!)
  return count
}

/**
 * Scratch for {@link featureIndexes}, reused by every call (grown when a text needs more): the
 * scoring path allocates nothing per message. A word of L characters gives at most 8 + 3L
 * features (unigram, bigram, stem, concept and four pairs, three character n-grams per position),
 * so a text of n characters gives at most 8(n + 1).
 */
let featureScratch = new Int32Array(8 * 257)

/**
 * The feature indexes of canonical `text`, in the order {@link forEachFeature} emits them, written
 * to {@link featureBuffer} (valid until the next call); returns how many there are.
 */
export function featureIndexes(text: string, bits: number): number {
  const mask = (1 << bits) - 1
  const n = Math.min(text.length, MAX_CHARS)
  if (featureScratch.length < 8 * (n + 1)) featureScratch = new Int32Array(8 * (n + 1))
  const out = featureScratch
  let count = 0
  let prevWord = 0
  // Concept classes of the last four words (0: none), for class pairs (CONCEPT_WINDOW = 4).
  let c1 = 0
  let c2 = 0
  let c3 = 0
  let c4 = 0
  let i = 0
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) {
      // A sentence break ends a bigram chain.
      const c = text.charCodeAt(i)
      if (c === 46 || c === 33 || c === 63 || c === 59) prevWord = 0
      i++
    }
    if (i >= n) break
    const start = i
    while (i < n && isWordChar(text.charCodeAt(i))) i++
    const end = i
    // Word unigram.
    let w = FNV_OFFSET
    for (let j = start; j < end; j++) w = Math.imul(w ^ text.charCodeAt(j), FNV_PRIME)
    w >>>= 0
    out[count++] = mix(w ^ SALT_WORD) & mask
    if (prevWord !== 0) {
      out[count++] = mix(Math.imul(prevWord, 31) ^ w ^ SALT_BIGRAM) & mask
    }
    prevWord = w || 1
    // Light stem (see POLISH_ENDINGS), salted apart from the word itself.
    const stop = stemEnd(text, start, end)
    let st = FNV_OFFSET
    for (let j = start; j < stop; j++) st = Math.imul(st ^ text.charCodeAt(j), FNV_PRIME)
    out[count++] = mix((st >>> 0) ^ SALT_STEM) & mask
    // Concept class (./concepts.ts) and its pairs with the classes of the four words before it.
    const cls = conceptOf(w, st >>> 0, stop, text, start, end)
    if (cls !== 0) {
      out[count++] = conceptIndex(cls, mask)
      if (c1 !== 0) {
        out[count++] = conceptPairIndex(c1, cls, mask)
      }
      if (c2 !== 0) {
        out[count++] = conceptPairIndex(c2, cls, mask)
      }
      if (c3 !== 0) {
        out[count++] = conceptPairIndex(c3, cls, mask)
      }
      if (c4 !== 0) {
        out[count++] = conceptPairIndex(c4, cls, mask)
      }
    }
    c4 = c3
    c3 = c2
    c2 = c1
    c1 = cls
    // Character 3- to 5-grams of "<word>" (positions start-1 .. end, PAD at both ends).
    for (let s = start - 1; s <= end - 2; s++) {
      let h = FNV_OFFSET
      for (let k = 0; k < 5; k++) {
        const p = s + k
        if (p > end) break
        const c = p < start || p === end ? PAD : text.charCodeAt(p)
        h = Math.imul(h ^ c, FNV_PRIME)
        if (k >= 2) {
          out[count++] = mix((h >>> 0) ^ SALT_CHAR[k + 1]) & mask
        }
      }
    }
  }
  return count
}

/** The buffer {@link featureIndexes} wrote to (its first `count` entries). */
export function featureBuffer(): Int32Array {
  return featureScratch
}
