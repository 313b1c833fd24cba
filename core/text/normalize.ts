/**
 * Text normalisation shared by the in-process screens (crisis risk and moderation).
 * Screens match on normalised text so that "Zabiję się", "zabije sie" and "z4b1j3 s1e"
 * meet the same rule. Pure functions, no I/O: they sit on the chat message path.
 */

const POLISH_FOLD: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
}

// Both screens (moderation and crisis) normalise the same message one after the other: a one-entry memo
// saves the second pass. Strings are compared by value, so this is safe for any caller.
let foldedIn: string | null = null
let foldedOut = ''
let normalizedIn: string | null = null
let normalizedOut = ''

/** Lower-case, strip combining marks and fold Polish letters to ASCII. */
export function foldDiacritics(text: string): string {
  if (text === foldedIn) return foldedOut
  foldedOut = foldDiacriticsUncached(text)
  foldedIn = text
  return foldedOut
}

/** Any code unit outside ASCII: only then can NFKD or the folds below change a lower-cased text. */
const NON_ASCII = /[^\x00-\x7f]/

/** A code unit outside ASCII that is not one of the Polish letters POLISH_FOLD folds. */
const NOT_ASCII_OR_POLISH = /[^\x00-\x7fąćęłńóśźż]/
const POLISH_LETTER = /[ąćęłńóśźż]/g

function foldDiacriticsUncached(text: string): string {
  const lower = text.toLowerCase()
  if (!NON_ASCII.test(lower)) return lower
  // ASCII and Polish letters only (most Polish messages): NFKD would split each letter but "ł" into
  // its ASCII base and a combining mark that the next pass strips, leaving what POLISH_FOLD gives
  // every letter directly. Same result, without NFKD and the combining-mark scan.
  if (!NOT_ASCII_OR_POLISH.test(lower)) return lower.replace(POLISH_LETTER, (ch) => POLISH_FOLD[ch] ?? ch)
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ąćęłńóśźż]/g, (ch) => POLISH_FOLD[ch] ?? ch)
}

/**
 * Undo common obfuscation inside words: leetspeak digits and symbols between letters,
 * a masking asterisk or dot ("s*icide", "s.u.i.c.i.d.e") and letters stretched by repetition
 * ("dieeeee" -> "diee"). Digits that stand alone (a shoe size, a time) are kept.
 */
export function deobfuscate(text: string): string {
  // Each pass runs only when the text holds a character its match needs (a cheap scan): the
  // result is the same, and most chat messages skip most passes.
  let out = text
  if (HAS_LEET.test(out)) {
    out = out.replace(LEET_INSIDE, (ch) => LEET[ch] ?? ch)
    out = out.replace(LEET_AFTER_FIRST, (ch) => LEET[ch] ?? ch)
  }
  if (HAS_SEPARATOR.test(out)) out = out.replace(SEPARATED_LETTERS, (m) => m.replace(SEPARATORS, ''))
  if (HAS_MASK.test(out)) out = out.replace(MASK_INSIDE, '_')
  if (hasTripleLetter(out)) out = out.replace(STRETCHED, '$1$1')
  return out
}

const HAS_LEET = /[013457@$!]/
/*
 * The lookbehinds of the passes below come after the character they test, not before it: the
 * same matches (the lookbehind reads back over that character, then the letter before it), but
 * V8 can then skip ahead to the next candidate character instead of running the lookbehind at
 * every position of the text (several times cheaper on chat messages, most of which hold a
 * digit or a "!").
 */
const LEET_INSIDE = /[013457@$!](?<=\p{L}[013457@$!])(?=[\p{L}013457@$!]*\p{L})/gu
const LEET_AFTER_FIRST = /[013457@$](?<=\b\p{L}[013457@$])(?=\p{L})/gu
/** SEPARATED_LETTERS needs at least two of `.`, `-`, `_` between letters. */
const HAS_SEPARATOR = /[.\-_]/
const SEPARATED_LETTERS = /\b(\p{L})(?:[.\-_ ](\p{L}))(?:[.\-_](\p{L})){2,}\b/gu
const SEPARATORS = /[.\-_ ]/g
const HAS_MASK = /[*#]/
const MASK_INSIDE = /[*#](?<=\p{L}[*#])(?=\p{L})/gu
const STRETCHED = /(\p{L})\1{2,}/gu

/**
 * Some UTF-16 unit occurs three times in a row (a letter stretched as in "dieeee" needs that), or
 * the text holds a surrogate (a letter outside the BMP repeats as pairs): then STRETCHED runs.
 */
function hasTripleLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdfff) return true
    if (i >= 2 && c === text.charCodeAt(i - 1) && c === text.charCodeAt(i - 2)) return true
  }
  return false
}

/** The form every screen matches against: folded, de-obfuscated, single-spaced. */
export function normalizeForScreening(text: string): string {
  if (text === normalizedIn) return normalizedOut
  const out = deobfuscate(foldDiacritics(text))
  // Most messages are already single-spaced: then the whitespace pass would rebuild the same string.
  normalizedOut = (ODD_SPACE.test(out) ? out.replace(SPACES, ' ') : out).trim()
  normalizedIn = text
  return normalizedOut
}

const SPACES = /\s+/g
/** Whitespace that SPACES would change: anything but a single space. */
const ODD_SPACE = /[^\S ]| {2}/

const NON_LATIN1 = /[^\x00-\xff]/

/**
 * The same text, stored by V8 one byte per character when every character fits (a string built
 * from a two-byte one, such as a Polish message folded to ASCII, stays two-byte otherwise). V8
 * compiles a regex separately for each width, so handing the rules one width runs and compiles each
 * of them once. The value is unchanged.
 */
export function oneByte(text: string): string {
  if (NON_LATIN1.test(text)) return text
  return Buffer.from(text, 'latin1').toString('latin1')
}

/** Words of a normalised text (letters, digits, masking underscores and apostrophes). */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}_']+/gu) ?? []
}
