/**
 * A list of patterns matched as one word-anchored alternation, `\b(?:p1|p2|…)` with the global
 * flag (`re`), found faster and with exactly the same matches.
 *
 * Why: the crisis rules are lists of tens of patterns, one regex each. When a message holds any one
 * of a list's anchor words (the required-literal check, ./required-literals.ts), the engine tries
 * every pattern at every word edge, and a pattern that starts with a lookbehind ("(?<=on the roof
 * [^?]{0,80}?)(?:legs|feet) …") runs that lookbehind backwards over up to 80 characters at each of
 * them. Here each pattern has its own required literals (counting those of its positive
 * lookarounds, which must be in the text too), and only the patterns whose words are all in the
 * message are run, each as its own small regex; a pattern that starts with a lookaround or with
 * any of many characters (`\w`, `\d`) is tried only at the word edges where the character there
 * can begin it (its first characters are read from its source once, at module load).
 *
 * Why the matches are the same: `re` returns, from its lastIndex on, the first position where some
 * pattern matches, with the first pattern (in list order) that matches there, and goes on after
 * that match. A pattern whose required words are missing from the text matches nowhere in it, so
 * leaving it out changes neither the position nor the chosen pattern; each remaining pattern's
 * own first match from a position is found by its own regex (lookbehinds read the whole string
 * whatever lastIndex is), and the earliest of them, the first in list order on a tie, is `re`'s.
 * A list this reading does not fully understand, or one with a pattern that can match the empty
 * string, is scanned with `re` as before; so is a message where many patterns are live at once.
 */
import { literalId, literalMarks, literalSets, mayMatchId as mayMatchIdExport } from './required-literals.js'

/**
 * Bound once: run by tsx, an imported function is read through its module's export getter at every
 * call, and a scan asks this once per pattern.
 */
const mayMatchId = mayMatchIdExport

/** First-character sets: code units 0..127, and index NON_ASCII for any code unit above. */
const NON_ASCII = 128
const SET_SIZE = 129

class Unsupported extends Error {}

interface First {
  /** set[c] === 1: a match may begin with code unit c (c >= 128 folded into NON_ASCII). */
  set: Uint8Array
  /** The part can match without consuming a character. */
  nullable: boolean
  /** A lookaround comes before the first character the part must consume. */
  lead: boolean
}

const isDigit = (c: number) => c >= 48 && c <= 57
/** What the non-unicode `\w` and `\b` count as a word character. */
const isAsciiWordUnit = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95
const ASCII_SPACE = [9, 10, 11, 12, 13, 32]

function emptySet(): Uint8Array {
  return new Uint8Array(SET_SIZE)
}

function allSet(): Uint8Array {
  return new Uint8Array(SET_SIZE).fill(1)
}

function addUnit(set: Uint8Array, c: number): void {
  set[c < 128 ? c : NON_ASCII] = 1
}

/** `\d \w \s` and their negations as sets (negations and `\s` also admit any non-ASCII unit). */
function classEscape(e: string): Uint8Array | null {
  const set = emptySet()
  const lower = e.toLowerCase()
  let test: (c: number) => boolean
  if (lower === 'd') test = isDigit
  else if (lower === 'w') test = isAsciiWordUnit
  else if (lower === 's') test = (c) => ASCII_SPACE.includes(c)
  else return null
  const negate = e !== lower
  for (let c = 0; c < 128; c++) if (test(c) !== negate) set[c] = 1
  // \s matches non-ASCII spaces too; \D, \W and \S match every non-ASCII unit.
  if (negate || lower === 's') set[NON_ASCII] = 1
  return set
}

class Parser {
  pos = 0
  constructor(
    readonly src: string,
    readonly unicode: boolean,
  ) {}

  alternation(): First {
    const out = this.sequence()
    while (this.src[this.pos] === '|') {
      this.pos++
      const next = this.sequence()
      for (let c = 0; c < SET_SIZE; c++) out.set[c] |= next.set[c]!
      out.nullable ||= next.nullable
      out.lead ||= next.lead
    }
    return out
  }

  sequence(): First {
    const set = emptySet()
    let nullable = true
    let lead = false
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.quantified()
      // Only atoms reached before the first one that must consume a character can begin a match.
      if (nullable) {
        for (let c = 0; c < SET_SIZE; c++) set[c] |= atom.set[c]!
        lead ||= atom.lead
      }
      if (!atom.nullable) nullable = false
    }
    return { set, nullable, lead }
  }

  quantified(): First {
    const atom = this.atom()
    const src = this.src
    const c = src[this.pos]
    let min = 1
    if (c === '?' || c === '*') {
      min = 0
      this.pos++
    } else if (c === '+') this.pos++
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(this.pos))
      // Outside unicode mode a "{" that is no quantifier is a literal (read as the next atom).
      if (!m) return atom
      min = Number(m[1])
      this.pos += m[0].length
    } else return atom
    if (src[this.pos] === '?') this.pos++
    return min === 0 ? { ...atom, nullable: true } : atom
  }

  atom(): First {
    const src = this.src
    const c = src[this.pos]!
    if (c === '(') return this.group()
    if (c === '[') return { set: this.characterClass(), nullable: false, lead: false }
    if (c === '^' || c === '$') {
      this.pos++
      return { set: emptySet(), nullable: true, lead: false }
    }
    if (c === '.') {
      this.pos++
      return { set: allSet(), nullable: false, lead: false }
    }
    if (c === '\\') return this.escape()
    if (c === '*' || c === '+' || c === '?') throw new Unsupported()
    this.pos++
    const set = emptySet()
    addUnit(set, c.charCodeAt(0))
    return { set, nullable: false, lead: false }
  }

  group(): First {
    const src = this.src
    this.pos++
    let zeroWidth = false
    if (src.startsWith('?:', this.pos)) this.pos += 2
    else if (src.startsWith('?=', this.pos) || src.startsWith('?!', this.pos)) {
      this.pos += 2
      zeroWidth = true
    } else if (src.startsWith('?<=', this.pos) || src.startsWith('?<!', this.pos)) {
      this.pos += 3
      zeroWidth = true
    } else if (src.startsWith('?<', this.pos)) {
      const close = src.indexOf('>', this.pos)
      if (close < 0) throw new Unsupported()
      this.pos = close + 1
    } else if (src[this.pos] === '?') throw new Unsupported()
    const inner = this.alternation()
    if (src[this.pos] !== ')') throw new Unsupported()
    this.pos++
    // A lookaround consumes nothing: the characters it reads are not the match's first one.
    return zeroWidth ? { set: emptySet(), nullable: true, lead: true } : inner
  }

  /** One escape outside a class. */
  escape(): First {
    const src = this.src
    const e = src[this.pos + 1]
    if (e === undefined) throw new Unsupported()
    if (e === 'b' || e === 'B') {
      this.pos += 2
      return { set: emptySet(), nullable: true, lead: false }
    }
    if ((e >= '1' && e <= '9') || e === 'k') {
      // A backreference (or, outside unicode mode, maybe an octal or identity escape): it may be
      // empty and may start with anything, which sends the whole list to the plain scan.
      this.pos += 2
      return { set: allSet(), nullable: true, lead: false }
    }
    const member = this.classMember()
    if (typeof member !== 'number') return { set: member, nullable: false, lead: false }
    const set = emptySet()
    addUnit(set, member)
    return { set, nullable: false, lead: false }
  }

  /**
   * One character or class escape at the cursor (`a`, `\n`, `\x41`, `\u0041`, `\.`, `\d`, `\p{L}`),
   * consumed: its code unit (the first one for a character above the BMP, which is above ASCII
   * either way), or its set for a class escape. `inClass`: `\b` is a backspace there.
   */
  classMember(inClass = false): number | Uint8Array {
    const src = this.src
    const c = src[this.pos]!
    if (c !== '\\') {
      this.pos++
      return c.charCodeAt(0)
    }
    const e = src[this.pos + 1]
    if (e === undefined) throw new Unsupported()
    this.pos += 2
    const cls = classEscape(e)
    if (cls) return cls
    if (e === 'p' || e === 'P') {
      if (!this.unicode) throw new Unsupported()
      const close = src.indexOf('}', this.pos)
      if (src[this.pos] !== '{' || close < 0) throw new Unsupported()
      this.pos = close + 1
      return allSet()
    }
    if (e === 'b' && inClass) return 8
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 }
    if (e in simple) return simple[e]!
    if (e === '0') {
      if (isDigit(src.charCodeAt(this.pos))) throw new Unsupported()
      return 0
    }
    if (e === 'x') {
      const m = /^[0-9a-fA-F]{2}/.exec(src.slice(this.pos, this.pos + 2))
      if (!m) throw new Unsupported()
      this.pos += 2
      return parseInt(m[0], 16)
    }
    if (e === 'u') {
      if (src[this.pos] === '{') {
        if (!this.unicode) throw new Unsupported()
        const close = src.indexOf('}', this.pos)
        if (close < 0) throw new Unsupported()
        const cp = parseInt(src.slice(this.pos + 1, close), 16)
        this.pos = close + 1
        return cp < 128 ? cp : NON_ASCII
      }
      const m = /^[0-9a-fA-F]{4}/.exec(src.slice(this.pos, this.pos + 4))
      if (!m) throw new Unsupported()
      this.pos += 4
      return parseInt(m[0], 16)
    }
    if (e === 'c') {
      const letter = src.charCodeAt(this.pos)
      if (!((letter >= 65 && letter <= 90) || (letter >= 97 && letter <= 122))) throw new Unsupported()
      this.pos++
      return letter % 32
    }
    // A letter or digit left here is an identity escape outside unicode mode, but nothing a rule
    // writer means: refuse it rather than guess. Punctuation is itself.
    if (/[A-Za-z0-9]/.test(e)) throw new Unsupported()
    return e.charCodeAt(0)
  }

  characterClass(): Uint8Array {
    const src = this.src
    this.pos++
    let negate = false
    if (src[this.pos] === '^') {
      negate = true
      this.pos++
    }
    const set = emptySet()
    while (this.pos < src.length && src[this.pos] !== ']') {
      const from = this.classMember(true)
      if (src[this.pos] === '-' && this.pos + 1 < src.length && src[this.pos + 1] !== ']') {
        this.pos++
        const to = this.classMember(true)
        if (typeof from !== 'number' || typeof to !== 'number' || to < from) throw new Unsupported()
        for (let c = from; c <= to && c < 128; c++) set[c] = 1
        if (to >= 128) set[NON_ASCII] = 1
        continue
      }
      if (typeof from === 'number') addUnit(set, from)
      else for (let c = 0; c < SET_SIZE; c++) set[c] |= from[c]!
    }
    if (src[this.pos] !== ']') throw new Unsupported()
    this.pos++
    if (!negate) return set
    // Any unit above ASCII may or may not be in a negated class: count it as possible.
    const out = emptySet()
    for (let c = 0; c < 128; c++) out[c] = set[c] ? 0 : 1
    out[NON_ASCII] = 1
    return out
  }
}

/**
 * Reads the possible first code units of a non-empty match of one pattern (a superset: what a
 * lookaround reads is not counted), whether it can match the empty string and whether a
 * lookaround comes before its first character; null for syntax this reader does not know.
 */
export function firstUnits(source: string, unicode = false): First | null {
  try {
    const p = new Parser(source, unicode)
    const f = p.alternation()
    return p.pos === source.length ? f : null
  } catch (e) {
    if (e instanceof Unsupported) return null
    throw e
  }
}

/**
 * An alternative costly for the engine to try at every word edge: a lookaround before its first
 * character (run at every edge), or a first character from a set this wide (`\w`, `\d`, `.`), which
 * the engine cannot skip ahead to.
 */
const WIDE = 16

function costly(f: First): boolean {
  if (f.lead) return true
  let units = 0
  for (let c = 0; c < SET_SIZE; c++) units += f.set[c]!
  return units >= WIDE
}

// ---------------------------------------------------------------------------------------------
// Word edges of the last text scanned (every list of a message scans the same one or two texts)

let edges = new Int32Array(256)
let edgeCount = 0
let edgesOf: string | null = null

/** Positions p < text.length where `\b` holds: a word character on exactly one side of p. */
function readEdges(text: string): void {
  if (text === edgesOf) return
  const n = text.length
  if (edges.length < n) edges = new Int32Array(2 * n)
  let count = 0
  let before = false
  for (let i = 0; i < n; i++) {
    const word = isAsciiWordUnit(text.charCodeAt(i))
    if (word !== before) edges[count++] = i
    before = word
  }
  edgeCount = count
  edgesOf = text
}

// ---------------------------------------------------------------------------------------------

/**
 * A text this long makes V8 compile a regex to machine code at once (JSRegExp
 * kTierUpForSubjectLengthValue) rather than interpret it first and compile it on a later run. A
 * list's patterns are many small regexes, each first run by some message or other: compiled here,
 * at module load, none of those messages pays for it. It has no word edge, so nothing is scanned.
 */
const COMPILE_NOW = ' '.repeat(1000)

function compileNow(re: RegExp): void {
  re.lastIndex = 0
  re.test(COMPILE_NOW)
  re.lastIndex = 0
}

/** No further match. */
const NONE = 0x7fffffff
/**
 * With more alternatives than this live in one text (single scope words, say), one scan of the
 * whole regex is cheaper than one per alternative; the result is the same either way.
 */
const MAX_LIVE = 6
/**
 * ...but only for a list whose whole regex is at most this long. V8 compiles a long alternation
 * (the "took pills" lists, 7,000 to 16,000 characters) to megabytes of code: it takes milliseconds
 * to compile, and once a process has generated more than 1 MB of regex code and holds more than
 * 16 MB of executable memory, V8 compiles every later regex without its optimisations
 * (TooMuchRegExpCode in V8's regexp.cc), which slowed both screens' other rules. Such a list is
 * always scanned alternative by alternative, so its whole regex is never compiled.
 */
const WHOLE_SCAN_MAX_SOURCE = 2000

/** One alternative of the list, on its own. */
interface Alternative {
  /** `\b(?:alternative)`, global: its leftmost match from a position. */
  scan: RegExp
  /** The same, sticky: its match at a position. */
  sticky: RegExp
  /**
   * Its required literal sets, those of its positive lookarounds included (./required-literals.ts):
   * a literal of each must be in the text. Null: it never matches.
   */
  sets: readonly number[] | null
  /**
   * For a costly alternative (see `costly`): first[c] === 1 where a match may begin with code unit
   * c (NON_ASCII for any above 127); it is tried with `sticky` at those word edges only. Null:
   * `scan` finds it.
   */
  first: Uint8Array | null
}

/**
 * `\b(?:p1|p2|…)` with the global flag (`re`), scanned as described at the top of this file: each
 * alternative on its own, only where the text holds the words it needs.
 */
export class WordAlternation {
  /** The whole alternation: every scan gives exactly its matches. */
  readonly re: RegExp
  private readonly literals: number
  /** Null when some pattern is not understood or can match empty: then `re` scans alone. */
  private readonly alternatives: readonly Alternative[] | null
  // Scratch for one scan: the live alternatives (indexes, in list order) and each one's next match.
  private readonly live: Int32Array
  private readonly next: Int32Array
  private readonly nextEnd: Int32Array
  /** Many live alternatives are scanned with `re` at once (see WHOLE_SCAN_MAX_SOURCE). */
  private readonly wholeScan: boolean

  constructor(patterns: readonly string[]) {
    this.re = patterns.length === 0 ? /(?!)/g : new RegExp(`\\b(?:${patterns.join('|')})`, 'g')
    this.literals = literalId(this.re)
    const firsts = patterns.map((p) => firstUnits(p))
    const understood = patterns.length > 0 && firsts.every((f) => f !== null && !f.nullable)
    this.alternatives = understood
      ? patterns.map((p, i) => {
          const sticky = new RegExp(`\\b(?:${p})`, 'y')
          const scan = new RegExp(`\\b(?:${p})`, 'g')
          const first = costly(firsts[i]!) ? firsts[i]!.set : null
          compileNow(first ? sticky : scan)
          return { scan, sticky, sets: literalSets(literalId(sticky, { lookarounds: true })), first }
        })
      : null
    this.wholeScan = this.re.source.length <= WHOLE_SCAN_MAX_SOURCE
    this.live = new Int32Array(patterns.length)
    this.next = new Int32Array(patterns.length)
    this.nextEnd = new Int32Array(patterns.length)
  }

  /** Whether the alternatives are scanned on their own (false: `re` always scans whole). */
  get split(): boolean {
    return this.alternatives !== null
  }

  /**
   * Calls `onMatch(start, end)` for every match of `re` in `text`, in order: the matches of
   * `re.exec` from lastIndex 0 until it returns null (an empty match steps one unit on).
   */
  forEach(text: string, onMatch: (start: number, end: number) => void): void {
    if (!mayMatchId(this.literals, text)) return
    const alternatives = this.alternatives
    if (alternatives === null) {
      scanAll(this.re, text, onMatch)
      return
    }
    const { live, next, nextEnd } = this
    let count = 0
    // The text's literal index, read once for all the patterns (mayMatchId for each, inline).
    const { marks, stamp } = literalMarks(text)
    for (let i = 0; i < alternatives.length; i++) {
      const sets = alternatives[i]!.sets
      if (sets === null) continue
      let needed = true
      for (let k = 0; k < sets.length && needed; k++) needed = marks[sets[k]!] === stamp
      if (!needed) continue
      if (count === MAX_LIVE && this.wholeScan) {
        scanAll(this.re, text, onMatch)
        return
      }
      live[count++] = i
    }
    // Only live alternatives can match anywhere in the text. `re` matches at the first position
    // where one of them does, with the first of them (in list order) that matches there, and goes
    // on after that match's end. next[j]: alternative live[j]'s first match at or after the
    // position it was last asked from (-1: not asked yet), which stays its first match from any
    // position up to that match's start.
    for (let j = 0; j < count; j++) next[j] = -1
    let pos = 0
    for (;;) {
      let at = NONE
      for (let j = 0; j < count; j++) {
        if (next[j]! < pos) this.find(alternatives[live[j]!]!, text, pos, j)
        if (next[j]! < at) at = next[j]!
      }
      if (at === NONE) return
      let j = 0
      while (next[j] !== at) j++
      pos = nextEnd[j]!
      onMatch(at, pos)
    }
  }

  /** Sets next[j] and nextEnd[j] to the first match of `alt` in `text` at or after `from`. */
  private find(alt: Alternative, text: string, from: number, j: number): void {
    const first = alt.first
    if (first === null) {
      const scan = alt.scan
      scan.lastIndex = from
      const m = scan.exec(text)
      this.next[j] = m === null ? NONE : m.index
      if (m !== null) this.nextEnd[j] = m.index + m[0].length
      return
    }
    readEdges(text)
    const sticky = alt.sticky
    for (let k = 0; k < edgeCount; k++) {
      const at = edges[k]!
      if (at < from) continue
      const c = text.charCodeAt(at)
      if (first[c < 128 ? c : NON_ASCII] === 0) continue
      sticky.lastIndex = at
      if (sticky.test(text)) {
        this.next[j] = at
        this.nextEnd[j] = sticky.lastIndex
        return
      }
    }
    this.next[j] = NONE
  }

  /**
   * False only when `re` cannot match `text` (none of the words every match needs is in it): then
   * `forEach` calls nothing, so a caller may skip building its callback.
   */
  mayMatch(text: string): boolean {
    return mayMatchId(this.literals, text)
  }

  /** Whether `re` matches `text` anywhere (`re.test` from lastIndex 0). */
  test(text: string): boolean {
    let found = false
    this.forEach(text, () => {
      found = true
    })
    return found
  }
}

/** The exec loop over a global regex (an empty match steps one unit on). */
function scanAll(re: RegExp, text: string, onMatch: (start: number, end: number) => void): void {
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++
      continue
    }
    onMatch(m.index, m.index + m[0].length)
  }
}
