/**
 * Text normalisation shared by the in-process screens (crisis risk and moderation).
 * Screens match on normalised text so that "Zabiję się", "zabije sie" and "z4b1j3 s1e"
 * meet the same rule. Pure functions, no I/O: they sit on the chat message path.
 */

const POLISH_FOLD: Record<string, string> = {
  ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z',
}

const LEET: Record<string, string> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i',
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

function foldDiacriticsUncached(text: string): string {
  return text
    .toLowerCase()
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
  let out = text.replace(/(?<=\p{L})[013457@$!](?=[\p{L}013457@$!]*\p{L})/gu, (ch) => LEET[ch] ?? ch)
  out = out.replace(/(?<=\b\p{L})[013457@$](?=\p{L})/gu, (ch) => LEET[ch] ?? ch)
  out = out.replace(/\b(\p{L})(?:[.\-_ ](\p{L}))(?:[.\-_](\p{L})){2,}\b/gu, (m) => m.replace(/[.\-_ ]/g, ''))
  out = out.replace(/(?<=\p{L})[*#](?=\p{L})/gu, '_')
  out = out.replace(/(\p{L})\1{2,}/gu, '$1$1')
  return out
}

/** The form every screen matches against: folded, de-obfuscated, single-spaced. */
export function normalizeForScreening(text: string): string {
  if (text === normalizedIn) return normalizedOut
  normalizedOut = deobfuscate(foldDiacritics(text)).replace(/\s+/g, ' ').trim()
  normalizedIn = text
  return normalizedOut
}

/** Words of a normalised text (letters, digits, masking underscores and apostrophes). */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}_']+/gu) ?? []
}
