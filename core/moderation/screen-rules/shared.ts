/**
 * Building blocks shared by the screening rule sets: the prepared forms of one message,
 * the rule shapes, the word-list compiler and the "who is this aimed at" classifier.
 *
 * Everything here is compiled once at module load. The per-message work is a handful of
 * regular-expression scans over chat-length text; nothing allocates per rule.
 */
import { foldDiacritics, normalizeForScreening } from '../../text/normalize.js'
import type { ScreenCategory, ScreenOutcome, ScreenReason } from '../screen.js'

/** One fired rule before it is reported: the public signal plus the reason it would give. */
export interface Hit {
  id: string
  category: ScreenCategory
  outcome: ScreenOutcome
  reason: ScreenReason
}

/** The forms of one message the rules match against. Built once per message by {@link prepareText}. */
export interface ScreenText {
  /** NFKC of the original (full-width digits become ASCII); case, digits and `@` intact. Phones, e-mails, links. */
  raw: string
  /** `foldDiacritics(raw)`: lower case, Polish letters folded, digits intact. Handles and addresses. */
  folded: string
  /** `normalizeForScreening(raw)` with typographic apostrophes unified and masking runs (`f**k`) as `_`. Self-harm phrases. */
  norm: string
  /**
   * `norm` with leetspeak undone inside every word (`1d10t` -> `idiot`, `ky5` -> `kys`). Same length as
   * `norm`, so offsets agree. Word lists and harassment phrases. Never use it for numbers.
   */
  lex: string
}

const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u00b4`]/g
const HAS_APOSTROPHE = /[\u2018\u2019\u201b\u02bc\u00b4`]/
const MASK_RUN = /(?<=\p{L})[*#]{2,}(?=\p{L})/gu
const HAS_MASK = /[*#]{2}/
const LEET_TOKEN = /[\p{L}\p{N}@$!_]+/gu
const LEET_MAP: Record<string, string> = {
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
const LEET_CHARS = /[013457@$!]/g
const LETTER = /\p{L}/gu

const ANY_LEET = /[013457@$!]/

/**
 * Per Latin-1 code unit, 1 where LETTER matches it (read from LETTER itself at module load): a
 * token of such units is counted without a match array.
 */
const LATIN1_LETTER = Uint8Array.from({ length: 256 }, (_, c) =>
  new RegExp(LETTER.source, 'u').test(String.fromCharCode(c)) ? 1 : 0,
)

/** `text.match(LETTER)?.length ?? 0`. */
function countLetters(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c > 0xff) return text.match(LETTER)?.length ?? 0
    n += LATIN1_LETTER[c]!
  }
  return n
}

/** `text.match(LEET_CHARS)?.length ?? 0`: the characters of LEET_MAP. */
function countLeet(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) if (LEET_MAP[text[i]!] !== undefined) n++
  return n
}

function undoLeetInWords(norm: string): string {
  if (!ANY_LEET.test(norm)) return norm
  return norm.replace(LEET_TOKEN, (token) => {
    // A leading @ is a mention, a trailing ! is punctuation: keep both as they are.
    const lead = token.startsWith('@') ? 1 : 0
    let tail = token.length
    while (tail > lead && token[tail - 1] === '!') tail--
    const core = token.slice(lead, tail)
    const letters = countLetters(core)
    const leet = countLeet(core)
    if (leet === 0 || letters < 2 || leet > letters) return token
    return token.slice(0, lead) + core.replace(LEET_CHARS, (ch) => LEET_MAP[ch] ?? ch) + token.slice(tail)
  })
}

const NON_LATIN1 = /[^\x00-\xff]/

/**
 * The same text, stored by V8 as one byte per character when every character fits. A string built
 * from a two-byte one (a Polish message, once folded to ASCII) stays two-byte, and V8 keeps a
 * regex's compiled code for one string width at a time: rules that see both widths in turn are
 * recompiled again and again (measured: the screen took twice as long once the crisis classifier,
 * which shares the normaliser's patterns, had run). Handing every rule one width avoids that. The
 * value is unchanged, so nothing a rule matches changes.
 */
export function oneByte(s: string): string {
  if (NON_LATIN1.test(s)) return s
  return Buffer.from(s, 'latin1').toString('latin1')
}

/** Prepare every form of a message once; rules only read from the result. */
export function prepareText(text: string): ScreenText {
  const raw = oneByte(text.normalize('NFKC'))
  let norm = normalizeForScreening(raw)
  if (HAS_APOSTROPHE.test(norm)) norm = norm.replace(APOSTROPHES, "'")
  if (HAS_MASK.test(norm)) norm = norm.replace(MASK_RUN, (run) => '_'.repeat(run.length))
  const lex = undoLeetInWords(norm)
  const normBytes = oneByte(norm)
  return { raw, folded: oneByte(foldDiacritics(raw)), norm: normBytes, lex: lex === norm ? normBytes : oneByte(lex) }
}

/* ------------------------------------------------------------------------------------------ */
/* Regular-expression helpers                                                                  */
/* ------------------------------------------------------------------------------------------ */

/**
 * Word edges. Rules run on folded text (Polish letters are ASCII there), so the ASCII `\b` is a
 * faithful word edge and several times cheaper than a Unicode lookbehind at every position.
 * A pattern that starts with a non-word character (`@handle`) must not be wrapped in {@link words}.
 */
export const B_START = '\\b'
export const B_END = '\\b'
/** One word, and what separates words, for hand-written proximity patterns. */
export const WORD = "[\\p{L}\\p{N}_']+"
export const SEP = "[^\\p{L}\\p{N}_']+"

/** Whole-word alternation: `words(['a', 'b c'])` matches "a" or "b c" as words. */
export function words(alternatives: readonly string[] | string): string {
  const body = typeof alternatives === 'string' ? alternatives : alternatives.join('|')
  return `${B_START}(?:${body})${B_END}`
}

/** `a` and `b` (regex sources) as whole words, in either order, at most `gap` words apart. */
export function near(a: string, b: string, gap: number): string {
  const between = `(?:${SEP}${WORD}){0,${gap}}${SEP}`
  return `${words(a)}${between}${words(b)}|${words(b)}${between}${words(a)}`
}

/** Compile a rule regex: always Unicode-aware; `g` only where the caller iterates. */
export function re(source: string, flags = ''): RegExp {
  return new RegExp(source, `u${flags}`)
}

/**
 * Call `each` for every match of a global regex. A plain exec loop: `String.prototype.matchAll`
 * clones the regex on every call, which costs more than the scan itself on chat-length text.
 * Return `false` from `each` to stop early.
 */
export function eachMatch(pattern: RegExp, text: string, each: (m: RegExpExecArray) => boolean | void): void {
  pattern.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = pattern.exec(text)) !== null) {
    if (each(m) === false) break
    if (m[0].length === 0) pattern.lastIndex++
  }
  pattern.lastIndex = 0
}

/* ------------------------------------------------------------------------------------------ */
/* Phrase rules                                                                                */
/* ------------------------------------------------------------------------------------------ */

export interface PhraseRule extends Hit {
  /** Tested against `lex` (harassment) or `norm` (self-harm), see {@link RulePack}. */
  pattern: RegExp
  /** A second pattern that must also occur somewhere in the same text (co-occurrence). */
  also?: RegExp
  /**
   * Harassment phrases: skip when the sentence reports what someone else said ("he told me to kys")
   * or when a negation comes right before ("please don't kill yourself").
   */
  guarded?: boolean
}

/* ------------------------------------------------------------------------------------------ */
/* Word lists                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export interface LexEntry {
  /** The stem. In slur lists it is ROT13-encoded (see {@link rot13}); insult lists are plain. */
  w: string
  /** Group used in the signal id: `pl.slur.<g>`. Insults use 'insult'. */
  g: string
  /** Endings allowed after the stem (Polish inflection, English plural). Default: `['', 's']` */
  end?: readonly string[]
  /** Endings that are vocative: the word itself addresses someone ("ty debilu", "cioto"). */
  voc?: readonly string[]
  /** Also an ordinary word (UK "fag" = cigarette, "pedał gazu"): counts only when aimed at a person. */
  amb?: boolean
}

/** ROT13, used to keep slur lists out of casual reading and grep. Its own inverse. */
export function rot13(text: string): string {
  return text.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97))
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * A stem as a pattern tolerant of stretched letters ("faaag") and of masking underscores
 * ("f_ggot"); a run of n equal letters in the stem needs at least n in the text, so "faggot"
 * does not match the Polish "fagot" (bassoon). The first letter must be a real letter.
 */
function stemPattern(stem: string): string {
  const runs = stem.match(/(.)\1*/g) ?? []
  return runs
    .map((run, i) => {
      const ch = escape(run[0]!)
      const n = run.length
      const quant = n === 1 ? '+' : `{${n},}`
      return i === 0 ? `${ch}${quant}` : `(?:${ch}|_)${quant}`
    })
    .join('')
}

export interface CompiledEntry {
  stem: string
  group: string
  amb: boolean
  voc: ReadonlySet<string>
  /** `^stem(ending)$` — identifies the ending of a found word. */
  exact: RegExp
}

export interface CompiledLexicon {
  entries: readonly CompiledEntry[]
  /** All entries as whole words, one capturing group per entry. Global. */
  scan: RegExp
  /** Same, anchored: for words rebuilt from spaced-out letters ("f a g g o t"). */
  whole: RegExp
  /**
   * `scan` split by the stem's first letter, for {@link scanWords}: per ASCII code unit, the entries whose
   * stem starts with it, in list order, as one sticky regex (or undefined when none does). A match of
   * `scan` starts where a word starts (`\b` then the stem's first letter), so trying only the entries
   * of that letter at each word start finds the same matches. Null when a stem starts with a
   * character that is not an ASCII word character: then only `scan` is exact.
   */
  byFirst: readonly (LexiconPart | undefined)[] | null
}

export interface LexiconPart {
  /** The entries' bodies, one capturing group each, then the closing word edge. Sticky. */
  pattern: RegExp
  /** Capturing group k (1-based) is entry `entryOf[k - 1]`. */
  entryOf: readonly number[]
}

export function compileLexicon(list: readonly LexEntry[], encoded: boolean): CompiledLexicon {
  const entries: CompiledEntry[] = []
  const bodies: string[] = []
  for (const e of list) {
    const stem = encoded ? rot13(e.w) : e.w
    const ends = [...(e.end ?? ['', 's'])].sort((a, b) => b.length - a.length)
    const stemSource = stemPattern(stem)
    const endSource = ends.map(escape).join('|')
    entries.push({
      stem,
      group: e.g,
      amb: e.amb === true,
      voc: new Set(e.voc ?? []),
      exact: re(`^${stemSource}(${endSource})$`),
    })
    bodies.push(`(${stemSource}(?:${endSource}))`)
  }
  const alternation = bodies.join('|')
  return {
    entries,
    scan: re(`${B_START}(?:${alternation})${B_END}`, 'g'),
    whole: re(`^(?:${alternation})$`),
    byFirst: splitByFirst(entries, bodies),
  }
}

function splitByFirst(entries: readonly CompiledEntry[], bodies: readonly string[]): LexiconPart[] | null {
  const indices: number[][] = []
  for (let i = 0; i < entries.length; i++) {
    const c = entries[i]!.stem.charCodeAt(0)
    if (!isAsciiWord(c)) return null
    ;(indices[c] ??= []).push(i)
  }
  const parts: LexiconPart[] = []
  indices.forEach((entryOf, c) => {
    parts[c] = { pattern: re(`(?:${entryOf.map((i) => bodies[i]).join('|')})${B_END}`, 'y'), entryOf }
  })
  return parts
}

/** `[A-Za-z0-9_]`: what `\b` counts as a word character (the rules never use the `i` flag). */
export function isAsciiWord(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f
}

let wordStarts = new Int32Array(64)
let wordStartCount = 0
let wordStartsOf: string | null = null

/** Offsets where a run of ASCII word characters starts (where `\b` then a word character can match). */
function findWordStarts(text: string): void {
  if (text === wordStartsOf) return
  wordStartCount = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const w = isAsciiWord(text.charCodeAt(i))
    if (w && !inWord) {
      if (wordStartCount === wordStarts.length) {
        const grown = new Int32Array(wordStarts.length * 2)
        grown.set(wordStarts)
        wordStarts = grown
      }
      wordStarts[wordStartCount++] = i
    }
    inWord = w
  }
  wordStartsOf = text
}

/**
 * Call `each` for every match of `lex.scan` in `text`, in order: the same matches as
 * `eachMatch(lex.scan, text, …)`, with the entry each is for. Only the entries whose stem starts
 * with a word's first letter are tried at that word.
 */
export function scanWords(
  lex: CompiledLexicon,
  text: string,
  each: (m: RegExpExecArray, entryIndex: number) => void,
): void {
  const parts = lex.byFirst
  if (!parts) {
    eachMatch(lex.scan, text, (m) => {
      each(m, m.findIndex((g, i) => i > 0 && g !== undefined) - 1)
    })
    return
  }
  findWordStarts(text)
  let after = 0
  for (let k = 0; k < wordStartCount; k++) {
    const at = wordStarts[k]!
    if (at < after) continue
    const part = parts[text.charCodeAt(at)]
    if (!part) continue
    part.pattern.lastIndex = at
    const m = part.pattern.exec(text)
    if (!m) continue
    after = at + m[0].length
    let g = 1
    while (m[g] === undefined) g++
    each(m, part.entryOf[g - 1]!)
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Language packs                                                                              */
/* ------------------------------------------------------------------------------------------ */

/** Everything one language contributes. Add a language by writing one of these and listing it in screen.ts. */
export interface RulePack {
  lang: string
  /** ROT13-encoded slur stems. */
  slurs: readonly LexEntry[]
  /** Insults: harassment only when aimed at a person. Plain text. */
  insults: readonly LexEntry[]
  /** Words allowed between an addressing frame and the word ("you're *such a fucking* idiot"). */
  fillers: readonly string[]
  /** Phrases that address someone, right before the word (+ fillers): "you", "you're", "ty", "jesteś". */
  targetFrames: readonly string[]
  /** Phrases that make the speaker the subject: "I'm", "jestem". */
  selfFrames: readonly string[]
  /** Reporting verbs: the sentence retells what someone said ("called me", "nazwał mnie"). */
  reportCues: readonly string[]
  /** Negations right before a frame or phrase ("don't", "nie"). */
  negations: readonly string[]
  /** Harassment phrases, matched on `lex`. */
  harassment: readonly PhraseRule[]
  /** Self-harm method and means detail, matched on `norm`. */
  selfHarm: readonly PhraseRule[]
}

export type Aim = 'reported' | 'targeted' | 'self' | 'general'

/** Classifies who a found word is aimed at, with frames pooled from every language pack. */
export class AimClassifier {
  private readonly target: RegExp
  private readonly self: RegExp
  private readonly report: RegExp
  private readonly negation: RegExp

  constructor(packs: readonly RulePack[]) {
    const fillers = packs.flatMap((p) => p.fillers).join('|')
    const tail = `(?:${fillers})`
    const lead = "(?:^|[^\\p{L}\\p{N}_'])"
    this.target = re(`${lead}(?:${packs.flatMap((p) => p.targetFrames).join('|')})[\\s,]+(?:${tail}\\s+){0,3}$`)
    this.self = re(`${lead}(?:${packs.flatMap((p) => p.selfFrames).join('|')})\\s+(?:${tail}\\s+){0,3}$`)
    this.report = re(words(packs.flatMap((p) => p.reportCues)))
    this.negation = re(`${words(packs.flatMap((p) => p.negations))}(?:\\s+${WORD}){0,2}\\s*$`)
  }

  /** Is the text just before `at` a negation ("don't", "nie", "nobody thinks")? */
  negatedBefore(text: string, at: number): boolean {
    return this.negation.test(text.slice(Math.max(0, at - 40), at))
  }

  /** Does the sentence around [start, end) retell someone else's words, or sit inside quotation marks? */
  reported(text: string, start: number, end: number): boolean {
    let s = start
    while (s > 0 && !SENTENCE_END.has(text[s - 1]!)) s--
    let e = end
    while (e < text.length && !SENTENCE_END.has(text[e]!)) e++
    if (this.report.test(text.slice(s, start)) || this.report.test(text.slice(end, e))) return true
    let quotes = 0
    for (let i = 0; i < start; i++) if (QUOTES.has(text[i]!)) quotes++
    return quotes % 2 === 1
  }

  /** Who is the word at [start, end) of `text` (the `lex` form) aimed at? */
  classify(text: string, start: number, end: number, vocative: boolean): Aim {
    if (this.reported(text, start, end)) return 'reported'
    if (vocative) return 'targeted'
    const before = text.slice(Math.max(0, start - 80), start)
    const m = this.target.exec(before)
    if (m && !this.negatedBefore(before, m.index + 1)) return 'targeted'
    if (this.self.test(before)) return 'self'
    return 'general'
  }
}

const SENTENCE_END = new Set(['.', '!', '?', ';', '\n'])
const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb'])
