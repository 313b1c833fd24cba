/**
 * Features of the crisis risk model, shared by training (scripts/crisis-train.ts) and scoring
 * (./risk-model.ts): hashed word unigrams and bigrams plus hashed character 3- to 5-grams of each
 * word padded with boundary marks, all read from canonical text (./canonical.ts). Hashing is
 * FNV-1a over UTF-16 code units, so no substring is allocated. A message is read up to
 * MAX_CHARS characters; a feature index is `hash & (2^bits - 1)`.
 */

export const MAX_CHARS = 2000
const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
/** Boundary mark around a word for character n-grams. */
const PAD = 1
/** Salts keep the feature families apart in the shared hash space. */
const SALT_WORD = 0x9e3779b1
const SALT_BIGRAM = 0x85ebca6b
const SALT_CHAR = [0, 0, 0, 0x27d4eb2f, 0x165667b1, 0xc2b2ae35]

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

/**
 * Calls `emit` with the feature index of every feature occurrence in canonical `text` (a feature
 * that occurs twice is emitted twice) and returns the number of occurrences.
 */
export function forEachFeature(text: string, bits: number, emit: (index: number) => void): number {
  const mask = (1 << bits) - 1
  const n = Math.min(text.length, MAX_CHARS)
  let count = 0
  let prevWord = 0
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
    emit(mix(w ^ SALT_WORD) & mask)
    count++
    if (prevWord !== 0) {
      emit(mix(Math.imul(prevWord, 31) ^ w ^ SALT_BIGRAM) & mask)
      count++
    }
    prevWord = w || 1
    // Character 3- to 5-grams of "<word>" (positions start-1 .. end, PAD at both ends).
    for (let s = start - 1; s <= end - 2; s++) {
      let h = FNV_OFFSET
      for (let k = 0; k < 5; k++) {
        const p = s + k
        if (p > end) break
        const c = p < start || p === end ? PAD : text.charCodeAt(p)
        h = Math.imul(h ^ c, FNV_PRIME)
        if (k >= 2) {
          emit(mix((h >>> 0) ^ SALT_CHAR[k + 1]) & mask)
          count++
        }
      }
    }
  }
  return count
}
