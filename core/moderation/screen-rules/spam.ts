/**
 * Spam: the same message sent again and again, link floods, and all-caps shouting floods.
 *
 * Repeats and floods look at the sender's own recent messages in the room (oldest first),
 * which the caller passes in; nothing here keeps state between calls.
 */
import type { Hit, ScreenText } from './shared.js'

/** The third copy of the same message (this one included) is rejected. */
export const REPEAT_THRESHOLD = 3
/** Messages shorter than this (letters and digits only) never count as repeats: "ok", "thanks", "help me". */
export const REPEAT_MIN_CHARS = 8
/** How many of the sender's latest messages are looked at. */
export const RECENT_WINDOW = 20
/** Links in one message from which it is held. */
export const LINKS_THRESHOLD = 3
/** Links over this message and the sender's last {@link LINK_FLOOD_WINDOW} messages from which it is held. */
export const LINK_FLOOD_THRESHOLD = 5
export const LINK_FLOOD_WINDOW = 4
/** Shouting: at least this many letters, at least this share upper case. */
const CAPS_MIN_LETTERS = 12
const CAPS_SHARE = 0.8
/** A shouting flood: this message and at least 2 of the last 4 shout. */
const CAPS_FLOOD_RECENT = 2
const CAPS_FLOOD_WINDOW = 4

const HIT_REPEAT: Hit = { id: 'spam.repeat', category: 'spam', outcome: 'reject', reason: 'spam_repeat' }
const HIT_LINKS: Hit = { id: 'spam.links', category: 'spam', outcome: 'hold', reason: 'spam_links' }
const HIT_LINK_FLOOD: Hit = { id: 'spam.link_flood', category: 'spam', outcome: 'hold', reason: 'spam_links' }
const HIT_CAPS_FLOOD: Hit = { id: 'spam.caps_flood', category: 'spam', outcome: 'flag', reason: 'spam_shouting' }

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu
const TLDS =
  'com|net|org|pl|io|ly|me|co|uk|de|eu|info|app|gg|tv|xyz|ru|link|site|online|shop|biz|us|ca|au|to|cc|live|club|top|store|tk|ml|ga|cf|gq|click|lol|page|dev|ee|be|fr|it|es|nl|cz|ua'
const LINK = new RegExp(
  `\\bhttps?://[^\\s<>"]+|\\bwww\\.[^\\s<>"]+|(?<![\\p{L}\\p{N}_@.-])(?:[\\p{L}\\p{N}-]+\\.)+(?:${TLDS})(?![\\p{L}\\p{N}_-])(?:/[^\\s<>"]*)?`,
  'giu',
)
/** Spacing, controls and punctuation (ASCII, Latin-1, general and CJK punctuation blocks); plain ranges are far cheaper than \p{…}. */
const SPACING_AND_PUNCTUATION = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf\u1680\u2000-\u206f\u3000-\u303f\ufeff]+/g

/** Cheap gate: a scheme, "www." or a dot right before a known top-level domain. */
const LINK_GATE = new RegExp(`https?://|www\\.|\\.(?:${TLDS})\\b`, 'i')

export function countLinks(text: string): number {
  if (!LINK_GATE.test(text)) return 0
  return text.replace(EMAIL, ' ').match(LINK)?.length ?? 0
}

/** Case- and punctuation-insensitive identity of a message. Copy-paste spam is literal, so no diacritic folding. */
function repeatKey(text: string): string {
  return text.toLowerCase().replace(SPACING_AND_PUNCTUATION, '')
}

/** The code points {@link SPACING_AND_PUNCTUATION} removes. */
function isSpacingOrPunctuation(c: number): boolean {
  return (
    c <= 0x2f ||
    (c >= 0x3a && c <= 0x40) ||
    (c >= 0x5b && c <= 0x60) ||
    (c >= 0x7b && c <= 0xbf) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    c === 0xfeff
  )
}

/**
 * Does `text` have the repeat key `key`? Compares as it goes and stops at the first difference,
 * so the sender's other messages cost almost nothing.
 */
function hasKey(text: string, key: string): boolean {
  let j = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isSpacingOrPunctuation(c)) continue
    if (j >= key.length) return false
    let lower = c
    if (c >= 0x41 && c <= 0x5a) lower = c + 32
    else if (c >= 0x80) {
      // Non-ASCII: lower-case the whole code point (surrogate pairs included) and compare.
      const ch = String.fromCodePoint(text.codePointAt(i)!)
      const lo = ch.toLowerCase()
      if (key.startsWith(lo, j)) {
        j += lo.length
        i += ch.length - 1
        continue
      }
      return false
    }
    if (key.charCodeAt(j) !== lower) return false
    j++
  }
  return j === key.length
}

function isShouting(text: string): boolean {
  if (text.length < CAPS_MIN_LETTERS) return false
  const lo = text.toLowerCase()
  const up = text.toUpperCase()
  if (lo.length !== text.length || up.length !== text.length) return false // ß and friends: not worth it
  let letters = 0
  let upper = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (lo.charCodeAt(i) === up.charCodeAt(i)) continue // not a cased letter
    letters++
    if (c === up.charCodeAt(i)) upper++
  }
  return letters >= CAPS_MIN_LETTERS && upper / letters >= CAPS_SHARE
}

/** Spam signals of one message given the sender's recent messages (oldest first). */
export function screenSpam(t: ScreenText, recentOwnTexts: readonly string[]): Hit[] {
  const out: Hit[] = []
  const recent = recentOwnTexts.length > RECENT_WINDOW ? recentOwnTexts.slice(-RECENT_WINDOW) : recentOwnTexts

  const links = countLinks(t.raw)
  if (links >= LINKS_THRESHOLD) out.push(HIT_LINKS)
  else if (links > 0 && recent.length > 0) {
    let total = links
    for (const prev of recent.slice(-LINK_FLOOD_WINDOW)) total += countLinks(prev.normalize('NFKC'))
    if (total >= LINK_FLOOD_THRESHOLD) out.push(HIT_LINK_FLOOD)
  }

  if (recent.length === 0) return out

  const key = repeatKey(t.raw)
  if (key.length >= REPEAT_MIN_CHARS) {
    let copies = 1
    for (const prev of recent) if (prev.length >= key.length && hasKey(prev, key)) copies++
    if (copies >= REPEAT_THRESHOLD) out.push(HIT_REPEAT)
  }

  if (isShouting(t.raw)) {
    let shouting = 0
    for (const prev of recent.slice(-CAPS_FLOOD_WINDOW)) if (isShouting(prev)) shouting++
    if (shouting >= CAPS_FLOOD_RECENT) out.push(HIT_CAPS_FLOOD)
  }
  return out
}
