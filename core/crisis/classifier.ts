/**
 * Crisis risk classifier for chat-length messages (English and Polish), in process and
 * explainable: hand-written rules (./lexicon) combined with a trained statistical risk model
 * (./model, model card docs/crisis-model.md). How it works, the signal ids and how to add a
 * language: docs/crisis-classifier.md. All language data lives in ./lexicon; this file holds none.
 *
 * Rules first: where a rule names the message, or a rule scope puts a risk phrase aside (negated,
 * reported, quoted, in the past, an idiom), the rules decide. Where no rule spoke, the model does,
 * so it catches phrasings no rule names.
 *
 * Everything is compiled and loaded once at module load; a call does no I/O and builds no regex.
 */
import { canonicalize } from './model/canonical.js'
import { RISK_MODEL } from './model/risk-model.js'
import { WordAlternation } from '../text/word-alternation.js'
import { EMOJI_RULES, LEXICONS } from './lexicon/index.js'
import type { CueKind, CueRaises, FlagLevel, LanguageCode, Lexicon, RiskLevel, RuleKind } from './lexicon/index.js'

export type { RiskLevel } from './lexicon/index.js'

/** Risk levels ordered from lowest to highest. */
export const RISK_LEVELS: readonly RiskLevel[] = Object.freeze(['none', 'concern', 'high', 'imminent'] as const)

export interface RiskResult {
  level: RiskLevel
  /**
   * Stable ids of what fired, e.g. `en.ideation.active`, `negated:pl.ideation.active`,
   * `context.escalation`, `model.score.high`, `model.ngram:81234`.
   */
  signals: string[]
  language: 'en' | 'pl'
}

export interface ClassifyOptions {
  /** The same member's recent messages in the same room, oldest first. Can raise, never lower. */
  context?: readonly string[]
  /** Evaluation only (`npm run crisis:eval`): leave the model out to measure the rules alone. */
  rulesOnly?: boolean
}

/** Negative when a is lower than b, 0 when equal, positive when a is higher. */
export function compareRisk(a: RiskLevel, b: RiskLevel): number {
  return RANK[a] - RANK[b]
}

const RANK: Record<RiskLevel, number> = { none: 0, concern: 1, high: 2, imminent: 3 }
const CONCERN = 1
const HIGH = 2
const IMMINENT = 3
/** Only this many of the most recent context messages are read. */
const MAX_CONTEXT = 20
/**
 * The model speaks only on messages of at least this many words: on one or two words ("time",
 * "💊 time") its hashed features are too few to mean anything, and the rules cover short risk
 * phrases ("kms", "suicidal", "chcę umrzeć").
 */
const MIN_MODEL_WORDS = 3
/**
 * Demotion (decision 044): where the only rule statement is one weak family (kinds below) with no
 * cue, and the model is confident the message is not risk (calibrated risk below this value, per
 * language), the statement is read as hyperbole and the level is `none` (signal
 * `demoted:<rule id>`). Chosen with `npx tsx scripts/crisis-rule-hits.ts --sweep` on the English public
 * validation split and checked against the own training and tuning messages (none at `high` or
 * above may be demoted); rechoose it after a retrain. Polish has no public risk data to choose it
 * on, so Polish statements are never demoted.
 */
export const DEMOTE_BELOW: Readonly<Record<LanguageCode, number>> = Object.freeze({ en: 0.2, pl: 0 })
/**
 * The imminent head lifts a model `concern` to `high` (signal `model.imminent`) where it reaches
 * this value, per language, and at least the artefact's imminent cut-off: the lowest value (two
 * decimals, at least 0.5) above the imminent score of every own tuning row below `imminent` that the
 * model rates `concern` (recomputed after each retrain; the test "does not lift a tuning row below
 * imminent" checks it).
 * Rechoose it after a retrain (docs/crisis-model.md).
 */
export const LIFT_AT: Readonly<Record<LanguageCode, number>> = Object.freeze({ en: 0.63, pl: 0.5 })
/**
 * The imminent head alone (decision 058): where no rule spoke and the risk head stays below its
 * concern cut-off, an imminent score at or above this value, per language (and at least LIFT_AT),
 * gives `high` (signal `model.imminent.alone`); it combines with cues as a lifted level, so never
 * `imminent` by itself. Chosen by `npx tsx scripts/crisis-cv.ts --imminent-alone` on out-of-fold
 * scores of the own training messages and on the public validation split, never on a held-out row
 * or an in-sample score (the rule and its tuning guard are in that script's header), Infinity where
 * no cut-off meets the rule. Rechoose it after a retrain and run the classifier's tests, whose
 * look-alikes (goodbyes for now) must stay below high (docs/crisis-model.md).
 */
export const IMMINENT_ALONE: Readonly<Record<LanguageCode, number>> = Object.freeze({ en: 0.93, pl: 0.76 })
/**
 * The chat head (artefact version 4, decision 059): where no rule spoke, no scope applies and the risk
 * head stays below its high cut-off, a chat-head score at or above this value, per language, gives
 * `high` (signal `model.chat`); it combines with cues as a lifted level, so never `imminent` by
 * itself. Chosen by `npx tsx scripts/crisis-cv.ts --chat-head` on out-of-fold scores of the own
 * training messages, the public validation split and the own tuning rows' `none` messages, never on
 * a held-out row (the rule is in that script's header); Infinity where no cut-off meets the rule.
 * Rechoose it after a retrain (docs/crisis-model.md).
 */
export const CHAT_HIGH_AT: Readonly<Record<LanguageCode, number>> = Object.freeze({ en: 0.91, pl: 0.87 })
/**
 * Where the model decides and the message carries a scope word the rules read (negation, another
 * person, reported speech, the past, a media frame; `Scope.marked`), its risk counts this much less
 * against the thresholds: hard negatives are mostly such messages ("i never took those pills",
 * "my friend said she wants to jump"), and the model cannot tell which words a scope covers.
 * Chosen with `npx tsx scripts/crisis-rule-hits.ts --margin` (docs/crisis-model.md).
 */
export const MARKED_MARGIN: Readonly<Record<LanguageCode, number>> = Object.freeze({ en: 0, pl: 0 })
/** Rule kinds a confident model may demote; plans, means, attempts, goodbyes and self-harm always stand. */
const DEMOTABLE: ReadonlySet<RuleKind> = new Set<RuleKind>(['hopelessness', 'passive', 'mention', 'thoughts', 'active'])

// ---------------------------------------------------------------------------------------------
// Compilation (module load only)

const squeezeWord = (w: string) => w.replace(/(\p{L})\1+/gu, '$1')

/** Patterns are squeezed like the text ("kill" -> "kil"); an escaped letter is left alone. */
const SQUEEZE_SOURCE = /(?<!\\)(\p{L})\1+/gu

/**
 * One regex for a list of patterns, each wrapped in word boundaries. Canonical text is ASCII
 * where it matters (Polish is folded), so ASCII \b and a non-unicode regex are enough, and
 * markedly faster than unicode-aware boundaries. The leading \b is shared by all patterns,
 * `\b(?:(?:a)\b|(?:b)\b)` rather than `\b(?:a)\b|\b(?:b)\b`: the same matches in the same order
 * (every alternative asserts the same boundary at the same position first), but a position that
 * is not a word edge is rejected once instead of once per pattern, about half the scan time.
 */
function compile(patterns: readonly string[]): WordAlternation {
  // WordAlternation (../text/word-alternation.ts) finds exactly this regex's matches, skipping the
  // scan when the text holds none of the words every match needs, and trying a costly pattern (one
  // that starts with a lookbehind) only where its words are in the text and its first letter is.
  // An empty list matches nothing, which keeps callers branch-free.
  return new WordAlternation(patterns.map((p) => `(?:${p.replace(SQUEEZE_SOURCE, '$1')})\\b`))
}

const PLAIN_WORD = /^[a-z]+$/

/** Scope-word lists: single plain words go to a set, anything else to a regex. */
function compileMarks(entries: readonly string[]): MarkMatcher {
  const words = new Set<string>()
  const phrases: string[] = []
  for (const e of entries) {
    if (PLAIN_WORD.test(e)) words.add(squeezeWord(e))
    else phrases.push(e)
  }
  return { words, re: phrases.length > 0 ? compile(phrases) : null }
}

interface MarkMatcher {
  words: ReadonlySet<string>
  re: WordAlternation | null
}

interface CompiledRule {
  id: string
  rank: number
  kind: RuleKind
  /** Patterns whose match is negated by a negator inside it ("się nie zabiję"). */
  re: WordAlternation
  /** Patterns that carry a negation as part of their meaning ("don't want to live"). */
  reSelfNegating: WordAlternation
  generic: boolean
  bare: boolean
}

interface CompiledCue {
  id: string
  kind: CueKind | 'death'
  raises: CueRaises
  withKinds: ReadonlySet<RuleKind> | null
  /** A time cue that names a day gone by where its clause holds a past-tense verb (decision 060). */
  aheadOnly?: boolean
}

interface CompiledWordCue extends CompiledCue {
  re: WordAlternation
}

interface CompiledLexicon {
  language: LanguageCode
  letters: ReadonlySet<string>
  words: ReadonlySet<string>
  rules: CompiledRule[]
  cues: CompiledWordCue[]
  idioms: { id: string; re: WordAlternation }[]
  /** Ordinary doses the model does not read, and the amounts that keep a sentence read (decision 066). */
  doses: { id: string; re: WordAlternation; amounts: WordAlternation } | null
  hyperbole: WordAlternation
  marks: Record<MarkName, MarkMatcher>
  thirdForms: WordAlternation
  negationWindow: number
  personWindow: number
}

type MarkName =
  | 'negator'
  | 'pseudo'
  | 'stop'
  | 'clause'
  | 'first'
  | 'own'
  | 'third'
  | 'subject'
  | 'reporting'
  | 'ideation'
  | 'frame'
  | 'past'
  | 'present'
  | 'pastVerb'
  | 'thirdVerb'

/** Optional groups of plain words, e.g. "(?:nie )?" or "(?:juz |wreszcie )?". */
const OPTIONAL_WORDS = /\(\?:[a-z |]+\)\?/g

/**
 * A pattern "carries" a negation when one of the language's negators appears in it outside an
 * optional group: "(?:dont|do not) want to live" does, "sie (?:nie )?zabic" does not.
 */
function negationCarrier(lex: Lexicon): (pattern: string) => boolean {
  const words = new Set<string>()
  for (const cue of lex.negation.cues) for (const w of cue.split(' ')) if (PLAIN_WORD.test(w)) words.add(w)
  const re = new RegExp(`\\b(?:${[...words].join('|')})\\b`)
  return (pattern) => re.test(pattern.replace(OPTIONAL_WORDS, ' '))
}

function compileLexicon(lex: Lexicon): CompiledLexicon {
  const carriesNegation = negationCarrier(lex)
  return {
    language: lex.language,
    letters: new Set(lex.detection.letters),
    words: new Set(lex.detection.words),
    rules: lex.rules.map((r) => ({
      id: r.id,
      rank: RANK[r.level],
      kind: r.kind,
      re: compile(r.patterns.filter((p) => !carriesNegation(p))),
      reSelfNegating: compile(r.patterns.filter(carriesNegation)),
      generic: r.generic === true,
      bare: r.bare === true,
    })),
    cues: lex.cues.map((c) => ({
      id: c.id,
      kind: c.kind,
      raises: c.raises,
      withKinds: c.withKinds ? new Set(c.withKinds) : null,
      aheadOnly: c.aheadOnly === true,
      re: compile(c.patterns),
    })),
    idioms: lex.idioms.map((i) => ({ id: i.id, re: compile(i.patterns) })),
    doses: lex.doses
      ? { id: lex.doses.id, re: compile(lex.doses.patterns), amounts: compile(lex.doses.amounts) }
      : null,
    hyperbole: compile(lex.hyperbole ?? []),
    marks: {
      negator: compileMarks(lex.negation.cues),
      pseudo: compileMarks(lex.negation.pseudo),
      stop: compileMarks(lex.negation.stops),
      clause: compileMarks(lex.clauseBreaks),
      first: compileMarks(lex.person.first),
      own: compileMarks([...lex.person.first, ...(lex.person.own ?? [])]),
      third: compileMarks(lex.person.third),
      subject: compileMarks(lex.person.subjects),
      reporting: compileMarks(lex.person.reporting),
      ideation: compileMarks(lex.ideationFrames),
      frame: compileMarks(lex.frames),
      past: compileMarks(lex.past.cues),
      present: compileMarks(lex.past.present),
      pastVerb: compileMarks(lex.past.verbs),
      thirdVerb: compileMarks(lex.person.thirdVerbs),
    },
    thirdForms: compile(lex.person.thirdForms),
    negationWindow: lex.negation.window,
    personWindow: lex.person.window,
  }
}

const COMPILED: readonly CompiledLexicon[] = LEXICONS.map(compileLexicon)
const BY_LANGUAGE = new Map<LanguageCode, CompiledLexicon>(COMPILED.map((c) => [c.language, c]))
const MARK_NAMES: readonly MarkName[] = [
  'negator',
  'pseudo',
  'stop',
  'clause',
  'first',
  'own',
  'third',
  'subject',
  'reporting',
  'ideation',
  'frame',
  'past',
  'present',
  'pastVerb',
  'thirdVerb',
]

/** Per lexicon: each single scope word and the mark lists (bit k: MARK_NAMES[k]) that hold it. */
const WORD_MARKS = new Map<CompiledLexicon, ReadonlyMap<string, number>>()
for (const lex of COMPILED) {
  const wordMarks = new Map<string, number>()
  MARK_NAMES.forEach((name, k) => {
    for (const w of lex.marks[name].words) wordMarks.set(w, (wordMarks.get(w) ?? 0) | (1 << k))
  })
  WORD_MARKS.set(lex, wordMarks)
}

const EMOJI_BY_CHAR = new Map<string, CompiledCue>()
for (const rule of EMOJI_RULES) {
  const cue: CompiledCue = { id: rule.id, kind: rule.kind, raises: rule.raises, withKinds: null }
  for (const e of rule.emoji) EMOJI_BY_CHAR.set(e, cue)
}
const EMOJI_RE = new RegExp(
  [...EMOJI_BY_CHAR.keys()].map((e) => e.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|'),
  'gu',
)

// ---------------------------------------------------------------------------------------------
// Canonical text (./model/canonical.ts, shared with the risk model and its training script)

// ---------------------------------------------------------------------------------------------
// Tokens

const WORD = 0
const COMMA = 1
const STOP = 2
const QUOTE = 3
const TOKEN_RE = /[\p{L}\p{N}_]+|[.!?;]+|[,:\u2013\u2014]|["\u201C\u201D\u201E\u00AB\u00BB]/gu

interface Tokens {
  starts: number[]
  ends: number[]
  types: number[]
  words: string[]
}

function tokenizeWithPositions(text: string): Tokens {
  const t: Tokens = { starts: [], ends: [], types: [], words: [] }
  if (!NON_ASCII.test(text)) return tokenizeAscii(text, t)
  TOKEN_RE.lastIndex = 0
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const s = m[0]
    const c = s.charCodeAt(0)
    let type = WORD
    if (c === 46 || c === 33 || c === 63 || c === 59) type = STOP
    else if (c === 44 || c === 58 || c === 0x2013 || c === 0x2014) type = COMMA
    else if (c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb) type = QUOTE
    t.starts.push(m.index)
    t.ends.push(m.index + s.length)
    t.types.push(type)
    t.words.push(type === WORD ? s : '')
  }
  return t
}

/**
 * TOKEN_RE's tokens of an ASCII text, read by character code: no match array or regex call per
 * token (canonical text is ASCII for most messages, Polish folded). Same tokens: on ASCII the
 * regex's word class is [A-Za-z0-9_], and its four branches take disjoint characters.
 */
function tokenizeAscii(text: string, t: Tokens): Tokens {
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    const start = i
    let type: number
    if (isAsciiWordCode(c)) {
      while (++i < n && isAsciiWordCode(text.charCodeAt(i)));
      type = WORD
    } else if (isStopCode(c)) {
      while (++i < n && isStopCode(text.charCodeAt(i)));
      type = STOP
    } else if (c === 44 || c === 58) {
      i++
      type = COMMA
    } else if (c === 34) {
      i++
      type = QUOTE
    } else {
      i++
      continue
    }
    t.starts.push(start)
    t.ends.push(i)
    t.types.push(type)
    t.words.push(type === WORD ? text.slice(start, i) : '')
  }
  return t
}

const isAsciiWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
const isStopCode = (c: number) => c === 46 || c === 33 || c === 63 || c === 59

const HAS_CAPITAL = /\p{Lu}\p{Ll}/u
const RAW_WORD = /[.!?\n]+|[\p{L}\p{N}_'\u2019]+/gu
const CAPITALISED = /^\p{Lu}\p{Ll}/u

/**
 * The words of the raw message written with a capital letter inside their sentence, in canonical
 * form ("Sarah" in "my coworker Sarah is …"; not "Took" at a sentence's start): null when there are
 * none. Read only where a name could matter (`Scope`, names).
 */
function capitalisedWords(raw: string): Set<string> | null {
  if (!HAS_CAPITAL.test(raw)) return null
  let out: Set<string> | null = null
  let initial = true
  RAW_WORD.lastIndex = 0
  for (let m = RAW_WORD.exec(raw); m !== null; m = RAW_WORD.exec(raw)) {
    const w = m[0]
    const c = w.charCodeAt(0)
    if (c === 46 || c === 33 || c === 63 || c === 10) {
      initial = true
      continue
    }
    if (!initial && CAPITALISED.test(w)) (out ??= new Set()).add(canonicalize(w).trim())
    initial = false
  }
  return out
}

/** Index of the first token that ends after `pos`. */
function tokenAt(t: Tokens, pos: number): number {
  let lo = 0
  let hi = t.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (t.ends[mid] <= pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

// ---------------------------------------------------------------------------------------------
// Language

/** Every language's own letters are outside ASCII ("ąćęłńóśźż"): a message in ASCII has none of them. */
const LETTERS_ABOVE_ASCII = COMPILED.every((lex) => [...lex.letters].every((ch) => ch.charCodeAt(0) > 0x7f))
const NON_ASCII = /[^\x00-\x7f]/

/**
 * Per lexicon whose letters are each one UTF-16 unit and no surrogate, their char codes: the count
 * is then read by code unit, with no string per character (a surrogate half is never a letter, so
 * a character outside the BMP counts as it did as a whole).
 */
const LETTER_CODES = new Map<CompiledLexicon, ReadonlySet<number>>()
for (const lex of COMPILED) {
  const letters = [...lex.letters]
  const single = (ch: string) => ch.length === 1 && (ch.charCodeAt(0) < 0xd800 || ch.charCodeAt(0) > 0xdfff)
  if (letters.length > 0 && letters.every(single)) LETTER_CODES.set(lex, new Set(letters.map((ch) => ch.charCodeAt(0))))
}

function detectFrom(raw: string, tokens: Tokens): LanguageCode {
  let best = COMPILED[0]
  let bestScore = -1
  const readLetters = !LETTERS_ABOVE_ASCII || NON_ASCII.test(raw)
  const lower = readLetters ? raw.toLowerCase() : ''
  for (const lex of COMPILED) {
    let score = 0
    const codes = LETTER_CODES.get(lex)
    if (readLetters && codes) {
      for (let i = 0; i < lower.length; i++) if (codes.has(lower.charCodeAt(i))) score += 2
    } else if (readLetters && lex.letters.size > 0) for (const ch of lower) if (lex.letters.has(ch)) score += 2
    for (let i = 0; i < tokens.words.length; i++)
      if (tokens.types[i] === WORD && lex.words.has(tokens.words[i])) score++
    if (score > bestScore) {
      best = lex
      bestScore = score
    }
  }
  return best.language
}

/** The message's language among those with a lexicon ('en' when nothing points elsewhere). */
export function detectLanguage(text: string): 'en' | 'pl' {
  return detectFrom(text, tokenizeWithPositions(canonicalize(text)))
}

// ---------------------------------------------------------------------------------------------
// Analysis of one message

interface Hit {
  signal: string
  rank: number
  kind: RuleKind
  /** A bare mention (rule `bare`, no first-person word in its sentence): the model may decide. */
  bare?: boolean
}

interface Analysis {
  language: LanguageCode
  /** Highest level asserted by a rule (before cues). */
  base: number
  level: number
  hits: Hit[]
  cues: CompiledCue[]
  /** Goodbye phrasings found (each farewell cue match, plus one for farewell emoji). */
  farewells: number
  signals: string[]
  /** Level from the rules and cues alone, before the model. */
  ruleLevel: number
  /** The model's calibrated risk where it was asked and no whole-message scope set it aside, else null. */
  modelRisk: number | null
}

interface Match {
  rule: CompiledRule
  start: number
  end: number
  selfNegating: boolean
}

/** Per-message scope marks for the message's language, computed only when something matched. */
class Scope {
  private readonly marks: Record<MarkName, Uint8Array>
  private readonly thirdSpans: number[] = []
  /** Names read as someone else (decision 060; see `names`). */
  private readonly named: Uint8Array

  constructor(
    text: string,
    private readonly t: Tokens,
    private readonly lex: CompiledLexicon,
    raw: string,
  ) {
    const n = t.starts.length
    this.marks = {} as Record<MarkName, Uint8Array>
    for (const name of MARK_NAMES) this.marks[name] = new Uint8Array(n)
    // One lookup per word for all the mark lists (WORD_MARKS), rather than one per list.
    const wordMarks = WORD_MARKS.get(lex)!
    for (let j = 0; j < n; j++) {
      const bits = t.types[j] === WORD ? wordMarks.get(t.words[j]) : undefined
      if (bits !== undefined)
        for (let k = 0; k < MARK_NAMES.length; k++) if (bits & (1 << k)) this.marks[MARK_NAMES[k]][j] = 1
    }
    for (const name of MARK_NAMES) {
      const arr = this.marks[name]
      const { re } = lex.marks[name]
      if (re?.mayMatch(text)) {
        findAll(re, text, (start, end) => {
          for (let j = tokenAt(t, start); j < n && t.starts[j] < end; j++) arr[j] = 1
        })
      }
    }
    lex.thirdForms.forEach(text, (start, end) => {
      this.thirdSpans.push(start, end)
    })
    this.named = this.names(raw)
  }

  /**
   * Names as other-person words (decision 060): a word that is none of the language's person,
   * reporting or scope words is someone's name where a third-person verb follows it (`thirdVerbs`:
   * "is", "says", "powiedziała") and it was written with a capital letter inside its sentence
   * ("my coworker Sarah is on the roof"), or where a reporting verb follows it and another person's
   * word comes right after that ("sarah said she …", "sarah told me she …").
   */
  private names(raw: string): Uint8Array {
    const { first, own, third, reporting, thirdVerb, negator, clause, subject } = this.marks
    const t = this.t
    const n = t.types.length
    const named = new Uint8Array(n)
    let capitals: Set<string> | null | undefined
    for (let j = 0; j + 1 < n; j++) {
      const k = j + 1
      if (t.types[j] !== WORD || t.types[k] !== WORD || !(thirdVerb[k] || reporting[k])) continue
      if (first[j] || own[j] || third[j] || reporting[j] || thirdVerb[j] || negator[j] || clause[j] || subject[j])
        continue
      let other = false
      if (reporting[k]) for (let m = k + 1; m <= k + 2 && m < n && t.types[m] === WORD; m++) if (third[m]) other = true
      if (!other) {
        if (capitals === undefined) capitals = capitalisedWords(raw)
        other = capitals !== null && capitals.has(t.words[j])
      }
      if (other) named[j] = 1
    }
    return named
  }

  /** Token range [first, last] covered by a character span. */
  range(start: number, end: number): [number, number] {
    const first = tokenAt(this.t, start)
    let last = first
    while (last + 1 < this.t.starts.length && this.t.starts[last + 1] < end) last++
    return [first, last]
  }

  negated(first: number, last: number, selfNegating: boolean): boolean {
    const { negator, pseudo, stop, clause } = this.marks
    if (!selfNegating) {
      for (let j = first; j <= last; j++) if (negator[j] && !pseudo[j]) return true
    }
    let words = 0
    for (let j = first - 1; j >= 0; j--) {
      if (this.t.types[j] !== WORD) return false
      if (!pseudo[j]) {
        if (negator[j]) return true
        if (clause[j] || stop[j]) return false
      }
      if (++words >= this.lex.negationWindow) return false
    }
    return false
  }

  reported(first: number, start: number, end: number): boolean {
    for (let i = 0; i < this.thirdSpans.length; i += 2) {
      if (this.thirdSpans[i] < end && this.thirdSpans[i + 1] > start) return true
    }
    const { first: firstPerson, third, reporting, subject } = this.marks
    let words = 0
    let comma = false
    for (let j = first - 1; j >= 0; j--) {
      const type = this.t.types[j]
      if (type === STOP) return false
      if (type === COMMA) comma = true
      if (type !== WORD) continue
      if (reporting[j]) return !(j > 0 && subject[j - 1])
      if (firstPerson[j]) return false
      // Someone named before a comma is addressed or done with ("sorry mom, going to kill myself",
      // "tell mom i love her, goodbye forever"), not the subject of what follows.
      if (third[j] || this.named[j]) return !comma
      if (++words >= this.lex.personWindow) return false
    }
    return false
  }

  /**
   * Tokens from `first` on are someone else's words or situation: another person or a name is the
   * subject of their clause, or a reporting verb comes before them in their sentence with no
   * first-person word between and is not the speaker's own ("i said"). Unlike `reported`, another
   * person's word elsewhere in the clause does not scope ("tell mum sorry for everything").
   */
  reportedSpeech(first: number): boolean {
    const { first: firstPerson, reporting, subject, own, third, clause } = this.marks
    let words = 0
    // The clause's own subject first: another person's word or a name that opens it ("my coworker
    // Sarah is on the roof"), with no first-person word before the cue.
    let j = first - 1
    for (; j >= 0 && this.t.types[j] !== STOP && this.t.types[j] !== COMMA && !clause[j]; j--)
      if (firstPerson[j]) return false
    for (let k = j + 1; k < first && (own[k] || third[k] || this.named[k]); k++)
      if (third[k] || this.named[k]) return true
    for (let j = first - 1; j >= 0; j--) {
      const type = this.t.types[j]
      if (type === STOP) return false
      if (type !== WORD) continue
      if (reporting[j]) return !(j > 0 && subject[j - 1])
      if (firstPerson[j]) return false
      if (++words >= this.lex.personWindow) return false
    }
    return false
  }

  /**
   * The rules' scopes applied to a whole message, for the model (which has no phrase to scope):
   * a media or quotation frame, someone else as the subject (decision 058), or the past with
   * nothing that keeps it current.
   */
  wholeMessage(): 'quoted' | 'reported' | 'past' | null {
    const { frame, first, past, present } = this.marks
    const any = (a: Uint8Array) => a.includes(1)
    if (any(frame)) return 'quoted'
    let quotes = 0
    for (const type of this.t.types) if (type === QUOTE) quotes++
    if (quotes >= 2) return 'quoted'
    const someoneElse = this.someoneElse()
    if (someoneElse === 'reports' || (someoneElse === 'subject' && !any(first))) return 'reported'
    if (any(past) && !any(present)) return 'past'
    return null
  }

  /**
   * Someone else is the subject of the message (decision 058): another person's word that opens
   * its clause, with nothing before it since the sentence start, a comma or a clause word but
   * possessives and other-person words ("my friend took", "she wrote", "his mum said", "mama
   * zasnęła"), or a phrase that names someone else's act ("killed himself", `thirdForms`):
   * 'subject'; such a subject with a reporting verb after it in its clause ("my friend told me"):
   * 'reports'. Another person after a verb is an object ("crushed them all", "dont call anyone")
   * and a reporting verb with no subject is the speaker's ("wrote the note"): neither counts.
   */
  private someoneElse(): 'reports' | 'subject' | null {
    const { own, third, reporting, clause, thirdVerb } = this.marks
    const named = this.named
    let found: 'subject' | null = this.thirdSpans.length > 0 ? 'subject' : null
    let opening = true
    let subject = false
    for (let j = 0; j < this.t.types.length; j++) {
      if (this.t.types[j] !== WORD || clause[j]) {
        opening = true
        subject = false
        continue
      }
      if ((third[j] || named[j]) && opening) {
        found = 'subject'
        subject = true
      } else if (reporting[j] && (subject || (thirdVerb[j] && opening))) return 'reports'
      // A reporting verb whose form names another speaker reports when it opens its clause, with no
      // subject before it ("powiedziała, że …", "says she …"; decision 060).
      if (!own[j] && !third[j] && !named[j]) opening = false
    }
    return found
  }

  /**
   * The message carries a word one of the rules' scopes reads (a negator, another person, a
   * reporting verb, a past marker, a media frame) although no scope applied to a risk phrase: the
   * model, which cannot place such a word, needs a margin more to speak (MARKED_MARGIN).
   */
  marked(): boolean {
    const { negator, pseudo, third, reporting, subject, past, frame } = this.marks
    for (let j = 0; j < negator.length; j++) {
      if (negator[j] && !pseudo[j]) return true
      if (third[j] || past[j] || frame[j]) return true
      if (reporting[j] && !(j > 0 && subject[j - 1])) return true
    }
    return this.thirdSpans.length > 0
  }

  /**
   * The sentence of tokens first..last is the speaker's own: it holds a first-person word
   * (`person.first`, `person.own`: "my suicidal thoughts", "nie dają mi spokoju") or a marker that
   * keeps it current (`past.present`: "znowu wróciły myśli samobójcze").
   */
  ownSentence(first: number, last: number): boolean {
    const { own, present } = this.marks
    const mine = (j: number) => own[j] === 1 || present[j] === 1
    for (let j = first; j <= last; j++) if (mine(j)) return true
    for (let j = first - 1; j >= 0 && this.t.types[j] !== STOP; j--) if (mine(j)) return true
    for (let j = last + 1; j < this.t.types.length && this.t.types[j] !== STOP; j++) if (mine(j)) return true
    return false
  }

  /** The match is its whole sentence ("suicidal.", "samobójstwo"): said of oneself. */
  wholeSentence(first: number, last: number): boolean {
    const isWord = (j: number) => this.t.types[j] === WORD
    for (let j = first - 1; j >= 0 && this.t.types[j] !== STOP; j--) if (isWord(j)) return false
    for (let j = last + 1; j < this.t.types.length && this.t.types[j] !== STOP; j++) if (isWord(j)) return false
    return true
  }

  /** A method preceded, in the same sentence, by "thinking about" and the like. */
  thinking(first: number): boolean {
    const { ideation } = this.marks
    let words = 0
    for (let j = first - 1; j >= 0; j--) {
      const type = this.t.types[j]
      if (type === STOP) return false
      if (type !== WORD) continue
      if (ideation[j]) return true
      if (++words >= 8) return false
    }
    return false
  }

  quoted(first: number): boolean {
    let quotes = 0
    for (let j = 0; j < first; j++) if (this.t.types[j] === QUOTE) quotes++
    if (quotes % 2 === 1) return true
    const { frame } = this.marks
    let words = 0
    for (let j = first - 1; j >= 0; j--) {
      const type = this.t.types[j]
      if (type === STOP) return false
      if (type !== WORD) continue
      if (frame[j]) return true
      if (++words >= 12) return false
    }
    return false
  }

  /**
   * A past-tense verb of a completed act (`past.verbs`) in the clause of tokens first..last, which
   * ends at a sentence end, a comma or a clause word (decision 060).
   */
  pastVerb(first: number, last: number): boolean {
    const { pastVerb, clause } = this.marks
    for (let j = first; j <= last; j++) if (pastVerb[j]) return true
    for (let j = first - 1; j >= 0 && this.t.types[j] !== STOP && this.t.types[j] !== COMMA && !clause[j]; j--)
      if (pastVerb[j]) return true
    for (
      let j = last + 1;
      j < this.t.types.length && this.t.types[j] !== STOP && this.t.types[j] !== COMMA && !clause[j];
      j++
    )
      if (pastVerb[j]) return true
    return false
  }

  past(first: number, last: number): boolean {
    const { past, present, clause } = this.marks
    let found = false
    for (let j = first; j <= last; j++) {
      if (present[j]) return false
      if (past[j]) found = true
    }
    for (const step of [-1, 1]) {
      let words = 0
      for (let j = step < 0 ? first - 1 : last + 1; j >= 0 && j < this.t.types.length; j += step) {
        const type = this.t.types[j]
        // Backwards the scan crosses commas ("kiedyś myślałam, że ..."); forwards only into a
        // clause that is a past marker alone ("tried to kill myself, two years ago"; decision 060).
        if (type === COMMA && step > 0) {
          if (this.pastTail(j + 1)) found = true
          break
        }
        if (type === STOP) break
        if (type !== WORD) continue
        if (present[j]) return false
        if (past[j]) found = true
        else if (clause[j]) break
        if (++words >= 8) break
      }
    }
    return found
  }

  /**
   * The clause from token `from` to the next sentence end, comma or clause word holds a past marker
   * and none of the speaker's words or present markers ("…, two years ago"; not "…, years ago i was
   * happy").
   */
  private pastTail(from: number): boolean {
    const { past, present, clause, first } = this.marks
    let found = false
    for (let j = from; j < this.t.types.length; j++) {
      const type = this.t.types[j]
      if (type === STOP || type === COMMA) break
      if (type !== WORD) continue
      if (present[j] || first[j]) return false
      if (past[j]) found = true
      else if (clause[j]) break
    }
    return found
  }
}

function findAll(re: WordAlternation, text: string, onMatch: (start: number, end: number) => void): void {
  re.forEach(text, onMatch)
}

/** Level reached by rule hits together with cues; `used` collects the cues that mattered. */
function combine(hits: readonly Hit[], cues: readonly CompiledCue[], farewells: number, used?: Set<string>): number {
  let level = 0
  for (const h of hits) level = Math.max(level, h.rank)
  for (const cue of cues) {
    for (const h of hits) {
      if (cue.withKinds && !cue.withKinds.has(h.kind)) continue
      const to = cue.raises[RISK_LEVELS[h.rank] as FlagLevel]
      if (to && RANK[to] > level) {
        level = RANK[to]
        used?.add(cue.id)
      }
    }
  }
  if (hits.length === 0) {
    // Several independent warning cues with no explicit statement: two kinds among means, plan
    // and farewell, or a goodbye said three different ways.
    const kinds = new Set<string>()
    for (const cue of cues)
      if (cue.kind === 'means' || cue.kind === 'plan' || cue.kind === 'farewell') kinds.add(cue.kind)
    if (kinds.size >= 2 || farewells >= 3) {
      level = IMMINENT
      used?.add('combo.cues')
    }
  }
  return level
}

/**
 * A model-found level raised by a cue that combines with any kind (no `withKinds`), one level at
 * most: a model `high` becomes `imminent` with means at hand, a plan or a goodbye; a model
 * `concern` becomes `high` with a plan or a goodbye only. Means do not lift a model `concern`:
 * the model's score already counts the words the means cue matched ("rope", "pills"), so the two
 * are not independent evidence there ("i have a rope in my car for towing").
 */
function raiseByCues(modelLevel: number, cues: readonly CompiledCue[], used: Set<string>): number {
  let level = modelLevel
  for (const cue of cues) {
    if (cue.withKinds || (modelLevel < HIGH && cue.kind === 'means')) continue
    const to = cue.raises[RISK_LEVELS[modelLevel] as FlagLevel]
    if (to && RANK[to] > level) {
      level = Math.max(level, Math.min(RANK[to], modelLevel + 1))
      used.add(cue.id)
    }
  }
  return level
}

/** Rule scopes that keep the model out of the whole message; an idiom keeps it out of its sentence only. */
const SCOPES = ['negated:', 'reported:', 'quoted:', 'past:']
const isScoped = (signal: string) => SCOPES.some((p) => signal.startsWith(p))

/**
 * Start and end (character offsets) of the sentence that holds start..end (between stop tokens), or with
 * `atCommas` of its clause (between stop tokens and commas).
 */
function sentenceAround(t: Tokens, start: number, end: number, length: number, atCommas = false): [number, number] {
  let from = 0
  let to = length
  for (let j = 0; j < t.starts.length; j++) {
    if (t.types[j] !== STOP && !(atCommas && t.types[j] === COMMA)) continue
    if (t.ends[j] <= start) from = t.ends[j]
    else if (t.starts[j] >= end) {
      to = t.starts[j]
      break
    }
  }
  return [from, to]
}

/** How many words of `text` the model reads: word tokens whose first character is not blanked. */
function wordsLeft(text: string, t: Tokens): number {
  let words = 0
  for (let k = 0; k < t.starts.length; k++) if (t.types[k] === WORD && text.charCodeAt(t.starts[k]) !== 32) words++
  return words
}

/**
 * `text` with every sentence that overlaps one of `spans` (start, end pairs) blanked, and the number
 * of words left (decision 060): the model does not read an idiom's sentence ("phone is dying."), but
 * reads the sentences beside it.
 */
function blankSentences(text: string, t: Tokens, spans: readonly number[]): { text: string; words: number } {
  let out = ''
  let words = 0
  let from = 0
  let firstToken = 0
  const n = t.starts.length
  for (let j = 0; j <= n; j++) {
    if (j < n && t.types[j] !== STOP) continue
    const end = j < n ? t.ends[j] : text.length
    let idiom = false
    for (let i = 0; i < spans.length; i += 2) if (spans[i] < end && spans[i + 1] > from) idiom = true
    if (idiom) out += ' '.repeat(end - from)
    else {
      out += text.slice(from, end)
      for (let k = firstToken; k < j; k++) if (t.types[k] === WORD) words++
    }
    from = end
    firstToken = j + 1
  }
  return { text: out, words }
}

/**
 * The level the model alone gives canonical (idiom-masked) text, with the language's thresholds.
 * `lifted`: the risk head said concern and the imminent head reached its cut-off, so the level is
 * `high` (an attempt, means or goodbye the risk head underrates is still brought to a clinician
 * soon); the imminent cut-off was chosen so that no tuning row below imminent reaches it.
 * `alone`: the risk head stayed below concern and the imminent head reached IMMINENT_ALONE, so the
 * level is `high` too, and it counts as lifted (decision 058).
 * `chat`: the risk head stayed below high and the chat head reached CHAT_HIGH_AT, so the level is
 * `high` as well, and it counts as lifted (decision 059).
 */
function modelLevelOf(
  p: { risk: number; imminent: number; chat: number },
  language: LanguageCode,
): { level: number; risk: number; lifted: boolean; lift: boolean; alone: boolean; chat: boolean } {
  const t = RISK_MODEL.thresholds[language]
  const chat = p.risk < t.high && p.chat >= CHAT_HIGH_AT[language]
  if (p.risk < t.concern) {
    const alone = p.imminent >= Math.max(t.imminent, LIFT_AT[language], IMMINENT_ALONE[language])
    return { level: alone || chat ? HIGH : 0, risk: p.risk, lifted: alone || chat, lift: false, alone, chat }
  }
  if (p.risk < t.high) {
    const lift = p.imminent >= Math.max(t.imminent, LIFT_AT[language])
    return { level: lift || chat ? HIGH : CONCERN, risk: p.risk, lifted: lift || chat, lift, alone: false, chat }
  }
  // Imminent only where both heads agree: high risk and an imminent message.
  const level = p.imminent >= t.imminent ? IMMINENT : HIGH
  return { level, risk: p.risk, lifted: false, lift: false, alone: false, chat: false }
}

const LAUGHING_EMOJI = /[\u{1F602}\u{1F923}\u{1F480}\u{1F606}]/u

/** The message marks itself as a joke or hyperbole (the language's `hyperbole` words, laughing emoji). */
function hyperbolic(text: string, raw: string, language: LanguageCode): boolean {
  return (BY_LANGUAGE.get(language) ?? COMPILED[0]).hyperbole.test(text) || LAUGHING_EMOJI.test(raw)
}

function analyze(
  raw: string,
  rulesOnly = false,
  scoreAll = false,
  demoteBelow?: Partial<Record<LanguageCode, number>>,
  markedMargin?: Partial<Record<LanguageCode, number>>,
): Analysis {
  const text = canonicalize(raw)
  const tokens = tokenizeWithPositions(text)
  const language = detectFrom(raw, tokens)
  const signals: string[] = []
  const addSignal = (s: string) => {
    if (!signals.includes(s)) signals.push(s)
  }

  // Idioms: mask their spans so that rules cannot match inside them.
  let masked = text
  let idiomSpans: number[] | null = null
  for (const lex of COMPILED) {
    for (const idiom of lex.idioms) {
      if (!idiom.re.mayMatch(masked)) continue
      findAll(idiom.re, masked, (start, end) => {
        masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end)
        addSignal(`idiom:${idiom.id}`)
        ;(idiomSpans ??= []).push(start, end)
      })
    }
  }

  // Ordinary doses (decision 066): the clause that names a medicine taken as a routine, as prescribed
  // or with a meal is set aside for the model ("taking my pills every morning"), unless its sentence
  // names an amount beyond a dose; the rest of the sentence is still read ("took my pills with
  // breakfast, then leaving the letters on the table tonight"). The rules read such doses inside
  // their own patterns.
  let doseClauses: number[] | null = null
  for (const lex of COMPILED) {
    const doses = lex.doses
    if (doses === null || !doses.re.mayMatch(masked)) continue
    findAll(doses.re, masked, (start, end) => {
      const [from, to] = sentenceAround(tokens, start, end, masked.length)
      if (doses.amounts.test(masked.slice(from, to))) return
      addSignal(`dose:${doses.id}`)
      ;(doseClauses ??= []).push(...sentenceAround(tokens, start, end, masked.length, true))
    })
  }

  // Rules and cues from every lexicon (people mix languages); scope words come from the
  // message's own language.
  const matches: Match[] = []
  const cueMatches: { cue: CompiledWordCue; start: number; end: number }[] = []
  for (const lex of COMPILED) {
    for (const rule of lex.rules) {
      // The callbacks are built only for a list whose words are in the text (most are not).
      if (rule.re.mayMatch(masked))
        findAll(rule.re, masked, (start, end) => matches.push({ rule, start, end, selfNegating: false }))
      if (rule.reSelfNegating.mayMatch(masked))
        findAll(rule.reSelfNegating, masked, (start, end) => matches.push({ rule, start, end, selfNegating: true }))
    }
    for (const cue of lex.cues)
      if (cue.re.mayMatch(masked)) findAll(cue.re, masked, (start, end) => cueMatches.push({ cue, start, end }))
  }

  const hits: Hit[] = []
  const cues: CompiledCue[] = []
  let farewells = 0
  if (matches.length > 0 || cueMatches.length > 0) {
    const scope = new Scope(masked, tokens, BY_LANGUAGE.get(language) ?? COMPILED[0], raw)
    for (const m of matches) {
      if (m.rule.generic && matches.some((o) => !o.rule.generic && o.start < m.end && o.end > m.start)) continue
      const [first, last] = scope.range(m.start, m.end)
      let status = ''
      if (scope.negated(first, last, m.selfNegating)) status = 'negated'
      else if (scope.reported(first, m.start, m.end)) status = 'reported'
      else if (scope.quoted(first)) status = 'quoted'
      else if (scope.past(first, last)) status = 'past'
      if (status) {
        addSignal(`${status}:${m.rule.id}`)
        continue
      }
      if (m.rule.kind === 'plan' && scope.thinking(first)) {
        hits.push({ signal: `thinking:${m.rule.id}`, rank: Math.min(m.rule.rank, HIGH), kind: 'thoughts' })
      } else {
        // A generic mention is bare always (a first-person statement is a more specific rule's);
        // another bare phrase is the speaker's own after a first-person word.
        const bare =
          m.rule.bare && !scope.wholeSentence(first, last) && (m.rule.generic || !scope.ownSentence(first, last))
        hits.push({ signal: m.rule.id, rank: m.rule.rank, kind: m.rule.kind, bare })
      }
    }
    for (const c of cueMatches) {
      // A cue never re-counts words a rule already matched ("goodbye" inside "goodbye forever").
      if (matches.some((m) => m.start < c.end && m.end > c.start)) continue
      const [first, last] = scope.range(c.start, c.end)
      if (scope.negated(first, last, true)) continue
      // A weekday with a past-tense verb in its clause is a day gone by (decision 060).
      if (c.cue.aheadOnly && scope.pastVerb(first, last)) continue
      // Someone else's words ("my coworker said he was on the roof"; decision 060). The cue alone
      // is set aside: the model may still read the message, under the whole-message scopes.
      if (scope.reportedSpeech(first)) continue
      if (c.cue.kind === 'farewell') farewells++
      if (!cues.includes(c.cue)) cues.push(c.cue)
    }
  }

  EMOJI_RE.lastIndex = 0
  for (let m = EMOJI_RE.exec(raw); m !== null; m = EMOJI_RE.exec(raw)) {
    const cue = EMOJI_BY_CHAR.get(m[0])
    if (cue && !cues.includes(cue)) {
      cues.push(cue)
      if (cue.kind === 'farewell') farewells++
    }
  }

  // Bare mentions only ("suicidal" in news, about others, flippant), no cue: the model decides.
  if (hits.length > 0 && cues.length === 0 && hits.every((h) => h.bare)) {
    for (const h of hits) addSignal(`mention:${h.signal}`)
    hits.length = 0
  }

  // Demotion (decision 044): one weak rule family, no cue, and a model confident that this is not
  // risk ("this exam makes me want to die lol"): hyperbole, not a statement.
  let words = 0
  for (const type of tokens.types) if (type === WORD) words++
  let demotedRisk: number | null = null
  const demoteAt = demoteBelow?.[language] ?? DEMOTE_BELOW[language]
  if (!rulesOnly && demoteAt > 0 && hits.length > 0 && cues.length === 0 && words >= MIN_MODEL_WORDS) {
    const id = hits[0].signal
    // A method under "thinking about" (signal thinking:<plan rule>) is a plan rule: it always stands.
    if (hits.every((h) => !h.signal.includes(':') && DEMOTABLE.has(h.kind)) && hyperbolic(masked, raw, language)) {
      const risk = RISK_MODEL.score(masked).risk
      if (risk < demoteAt) {
        demotedRisk = risk
        addSignal(`demoted:${id}`)
        hits.length = 0
      }
    }
  }

  let base = 0
  for (const h of hits) base = Math.max(base, h.rank)
  const used = new Set<string>()
  let level = combine(hits, cues, farewells, used)

  // The model speaks where no rule did: no rule statement, and no rule scope (negated, reported,
  // quoted, past, idiom) that put a risk phrase aside. It reads the text with idioms masked.
  let modelSignals: string[] = []
  const ruleLevel = level
  let modelRisk: number | null = demotedRisk
  // An idiom sets aside its own sentence for the model, not the message (decision 060): from here on
  // the model reads the text with each sentence that holds an idiom blanked.
  let modelWords = words
  if (idiomSpans !== null) ({ text: masked, words: modelWords } = blankSentences(masked, tokens, idiomSpans))
  if (doseClauses !== null) {
    for (let i = 0; i < doseClauses.length; i += 2)
      masked =
        masked.slice(0, doseClauses[i]) +
        ' '.repeat(doseClauses[i + 1] - doseClauses[i]) +
        masked.slice(doseClauses[i + 1])
    modelWords = wordsLeft(masked, tokens)
  }
  if (
    !rulesOnly &&
    demotedRisk === null &&
    hits.length === 0 &&
    !signals.some(isScoped) &&
    modelWords >= MIN_MODEL_WORDS
  ) {
    const scores = RISK_MODEL.score(masked)
    let model = modelLevelOf(scores, language)
    const margin = markedMargin?.[language] ?? MARKED_MARGIN[language]
    // The scope words are read only where they could matter (the model speaks, or an evaluation).
    const scope =
      model.level > 0 || scoreAll ? new Scope(masked, tokens, BY_LANGUAGE.get(language) ?? COMPILED[0], raw) : null
    if (scope && margin > 0 && scope.marked()) {
      const unmarked = model.level
      model = modelLevelOf({ ...scores, risk: scores.risk - margin }, language)
      if (unmarked > 0 && model.level === 0) signals.push('model.marked')
    }
    const { level: modelLevel, risk, lifted, lift, alone, chat } = model
    const scoped = scope && (modelLevel > 0 || scoreAll) ? scope.wholeMessage() : null
    if (!scoped) modelRisk = risk
    if (scoped && modelLevel > 0) signals.push(`model.scoped.${scoped}`)
    else if (modelLevel > 0) {
      // Each head that raised the level names itself (the imminent head alone or lifting, the chat
      // head); the n-grams are the chat head's where it alone raised the level (decision 059).
      const byChatOnly = chat && !alone && !lift
      modelSignals = [
        `model.score.${RISK_LEVELS[modelLevel]}`,
        ...(alone ? ['model.imminent.alone'] : lift ? ['model.imminent'] : []),
        ...(chat ? ['model.chat'] : []),
        ...RISK_MODEL.topFeatures(masked, 3, byChatOnly ? 'chat' : 'risk').map((f) => `model.ngram:${f.index}`),
      ]
      // A statement the model found combines with the message's cues (see raiseByCues; the time
      // cue stays tied to the rules' active kind). A level the imminent head lifted combines as the
      // risk head's concern: its words ("rope", "pills") are the means cue's, so never to imminent.
      const fromCues = raiseByCues(lifted ? CONCERN : modelLevel, cues, used)
      const raised = Math.max(modelLevel, fromCues)
      if (fromCues > (lifted ? CONCERN : modelLevel)) modelSignals.push('model.cue')
      level = Math.max(level, raised)
    }
  }

  const ruleSignals: string[] = []
  for (const h of hits) if (!ruleSignals.includes(h.signal)) ruleSignals.push(h.signal)
  const cueSignals = level > 0 ? cues.map((c) => c.id) : []
  const combo = used.has('combo.cues') ? ['combo.cues'] : []
  const ordered = [...ruleSignals, ...cueSignals, ...combo, ...modelSignals, ...signals]
  return { language, base, level, hits, cues, farewells, signals: [...new Set(ordered)], ruleLevel, modelRisk }
}

// ---------------------------------------------------------------------------------------------
// Public entry point

/**
 * Evaluation only (`npm run crisis:eval`): one message without context, with the parts of the
 * combined decision apart, so a concern cut-off can be swept. The combined classifier with the
 * model's concern cut-off set to c flags a message (>= concern) exactly when
 * `ruleLevel !== 'none' || (modelRisk !== null && modelRisk >= c)`, or when the imminent head alone
 * or the chat head gives it `high` (decisions 058, 059; its modelRisk may then be below the concern
 * cut-off).
 */
export function decisionParts(
  text: string,
  demoteBelow?: Partial<Record<LanguageCode, number>>,
  markedMargin?: Partial<Record<LanguageCode, number>>,
): { level: RiskLevel; ruleLevel: RiskLevel; modelRisk: number | null } {
  const a = analyze(text, false, true, demoteBelow, markedMargin)
  return { level: RISK_LEVELS[a.level], ruleLevel: RISK_LEVELS[a.ruleLevel], modelRisk: a.modelRisk }
}

/**
 * Classify one message. With `context` (the same member's recent messages in the room, oldest
 * first) the level can rise: cues in this message combine with statements made earlier
 * (`context.combined`), and a distress statement after other distress statements is lifted
 * (`context.escalation`). Context never lowers the level of the message itself.
 */
export function classifyRisk(text: string, options?: ClassifyOptions): RiskResult {
  const own = analyze(text, options?.rulesOnly)
  let level = own.level
  const signals = [...own.signals]

  const context = options?.context
  // Earlier messages count only through a statement or a cue in this one: most chat has neither, and is not re-read.
  if (context && context.length > 0 && (own.base > 0 || own.cues.length > 0)) {
    const earlier = context.slice(-MAX_CONTEXT).map((t) => analyze(t, options?.rulesOnly))
    // Cues here (a time, means, a goodbye) complete statements made earlier, and vice versa.
    if (own.base > 0 || own.cues.length > 0) {
      const hits = [...own.hits, ...earlier.flatMap((a) => a.hits)]
      const cues = [...own.cues]
      for (const a of earlier) for (const c of a.cues) if (!cues.includes(c)) cues.push(c)
      const farewells = own.farewells + earlier.reduce((n, a) => n + a.farewells, 0)
      const combined = combine(hits, cues, farewells)
      // Only what the cues add counts here; earlier statements alone are the escalation rule's.
      const statementsAlone = Math.max(level, ...hits.map((h) => h.rank))
      if (combined > statementsAlone) {
        level = combined
        signals.push('context.combined')
        for (const c of own.cues) if (!signals.includes(c.id)) signals.push(c.id)
      }
    }
    // Escalation: a distress statement after earlier distress is read as more serious.
    if (own.base > 0) {
      let target = level
      const distressed = earlier.filter((a) => a.level >= CONCERN).length
      const earlierMax = Math.max(0, ...earlier.map((a) => a.level))
      if (earlierMax >= HIGH) target = Math.max(target, HIGH)
      if (distressed >= 2) target = Math.max(target, Math.min(level + 1, HIGH))
      if (target > level) {
        level = target
        signals.push('context.escalation')
      }
    }
  }

  return { level: RISK_LEVELS[level], signals, language: own.language }
}
