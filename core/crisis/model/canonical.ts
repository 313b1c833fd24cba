/**
 * Canonical text shared by the crisis rules and the crisis risk model: normalizeForScreening plus
 * what only the crisis screen needs (apostrophes removed, leetspeak at word edges, repeated letters
 * squeezed, masked and spaced-out words resolved). Kept apart from the classifier so that the
 * training script can featurize text exactly as the classifier does without loading the artefact.
 */
import { normalizeForScreening, oneByte } from '../../text/normalize.js'
import { LEXICONS } from '../lexicon/index.js'

const squeezeWord = (w: string) => w.replace(/(\p{L})\1+/gu, '$1')

const MASK_TARGETS = new Map<number, string[]>()
const SPACED_TARGETS = new Set<string>()
for (const lex of LEXICONS) {
  for (const target of lex.maskTargets) {
    const t = squeezeWord(target)
    SPACED_TARGETS.add(t)
    const list = MASK_TARGETS.get(t.length) ?? []
    if (!list.includes(t)) list.push(t)
    MASK_TARGETS.set(t.length, list)
  }
}

const LINE_BREAKS = /[\r\n]+/g
const APOSTROPHES = /['\u2018\u2019\u02BC`\u00B4]/g
// Each lookbehind reads back from after the character or letter its pass consumes first: the same
// matches, but V8 tries it only where that character is, not at every position of the text.
const TRAILING_LEET = /[0134](?<=\p{L}{2}[0134])(?![\p{L}\p{N}_])/gu
const LEADING_LEET = /[$5@](?<![\p{L}\p{N}_][$5@])(?=\p{L}{3})/gu
const REPEATS = /(\p{L})\1+/gu
const MASKED_WORD = /[\p{L}_]*_[\p{L}_]*/gu
export const SPACED_LETTERS = /\p{L}(?<![\p{L}\p{N}_]\p{L}) (?:\p{L} )+\p{L}(?![\p{L}\p{N}_])/gu
/** English contractions whose apostrophe was typed or scraped as a space ("don t", "i m"): joined. */
const SPLIT_CONTRACTION =
  /\b(?:(don|can|won|didn|doesn|isn|wasn|aren|weren|couldn|wouldn|shouldn|haven|hasn|hadn|ain) (t)|(i) (m|ve|ll|d)|(you|we|they) (re|ve|ll|d))\b/g
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', $: 's', '5': 's', '@': 'a' }

function resolveMask(word: string): string {
  for (const target of MASK_TARGETS.get(word.length) ?? []) {
    let ok = true
    for (let i = 0; i < word.length && ok; i++) ok = word[i] === '_' || word[i] === target[i]
    if (ok) return target
  }
  return word
}

/** The canonical form the crisis lexicons are written against (see lexicon/types.ts). */
export function canonicalize(text: string): string {
  if (text === canonicalIn) return canonicalOut
  // A pass whose match needs a character the text lacks is skipped (same result, no regex scan).
  let out = normalizeForScreening(text.replace(LINE_BREAKS, ' . '))
    .replace(APOSTROPHES, '')
    .replace(SPLIT_CONTRACTION, (_m, a, b, c, d, e, f) => (a ?? c ?? e) + (b ?? d ?? f))
  if (HAS_TRAILING_LEET.test(out)) out = out.replace(TRAILING_LEET, (ch) => LEET[ch] ?? ch)
  if (HAS_LEADING_LEET.test(out)) out = out.replace(LEADING_LEET, (ch) => LEET[ch] ?? ch)
  if (hasRepeat(out)) out = out.replace(REPEATS, '$1')
  if (out.includes('_')) out = out.replace(MASKED_WORD, resolveMask)
  if (hasSpacedLetter(out)) {
    out = out.replace(SPACED_LETTERS, (m) => {
      const joined = m.replace(/ /g, '')
      return SPACED_TARGETS.has(joined) ? joined : m
    })
  }
  // A Polish message is stored two bytes per character and stays so once folded to ASCII; the same
  // text one byte per character lets every rule's regex run (and be compiled) for one width only.
  if (text.length > 0 && out.length > 0 && !isLatin1(text)) out = oneByte(out)
  canonicalIn = text
  canonicalOut = out
  return out
}

// A one-entry memo: the classifier, the model and detectLanguage may canonicalise the same message.
let canonicalIn: string | null = null
let canonicalOut = ''

const HAS_TRAILING_LEET = /[0134]/
const HAS_LEADING_LEET = /[$5@]/

/**
 * A single letter between two spaces (a surrogate pair for a letter outside the BMP): what every
 * match of SPACED_LETTERS, "(?:L ){2,}L", contains. Most messages have none and skip the scan.
 */
export function hasSpacedLetter(text: string): boolean {
  for (let i = text.indexOf(' '); i >= 0 && i + 2 < text.length; i = text.indexOf(' ', i + 1)) {
    if (text.charCodeAt(i + 2) === 32) return true
    const c = text.charCodeAt(i + 1)
    if (c >= 0xd800 && c <= 0xdbff && text.charCodeAt(i + 3) === 32) return true
  }
  return false
}

const NON_LATIN1 = /[^\x00-\xff]/
const isLatin1 = (text: string) => !NON_LATIN1.test(text)

/** Two equal UTF-16 units in a row, or a surrogate (a letter outside the BMP): REPEATS may match. */
function hasRepeat(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0xd800 && c <= 0xdfff) || (i > 0 && c === text.charCodeAt(i - 1))) return true
  }
  return false
}
