/**
 * A cheap, exact pre-check for the screens' regular expressions: the literal strings one of which
 * every match must contain. `mayMatch(re, text)` is false only when the text contains none of them,
 * so the regex cannot match and its scan can be skipped; it never changes what a regex finds.
 *
 * The literals are read from the regex source by a small parser that understands the syntax the
 * rule sets use (groups, alternation, quantifiers, classes, escapes, lookarounds). Anything it does
 * not understand, or a case-insensitive regex, gives "no literals", which means "always scan".
 * Most chat messages contain none of a rule's anchor words, and a substring search is many times
 * cheaper than a regex scan that tries every alternative at every position.
 */

type Req = string[] | null

interface Parser {
  src: string
  pos: number
  /** Count what a positive lookaround needs (see LiteralOptions). */
  lookarounds?: boolean
}

export interface LiteralOptions {
  /**
   * Also count the literals inside positive lookarounds (`(?<=on the roof …)`): what one must read
   * is in the text too, so it is as required as the match's own words. Off by default, which keeps
   * the literal sets every existing caller was given.
   */
  lookarounds?: boolean
}

/** At least this long, or the literal is not worth a pre-check (always scan). */
const MIN_LITERAL = 2

class Unsupported extends Error {}

/** Best required set among the candidates of a sequence: longest shortest literal, then fewest literals. */
function better(a: Req, b: Req): Req {
  if (!a) return b
  if (!b) return a
  const ma = Math.min(...a.map((s) => s.length))
  const mb = Math.min(...b.map((s) => s.length))
  if (ma !== mb) return ma > mb ? a : b
  return a.length <= b.length ? a : b
}

function usable(r: Req): Req {
  if (!r || r.length === 0) return null
  for (const s of r) if (s.length < MIN_LITERAL) return null
  return r
}

/** Parses alternatives until `)` or the end; returns their union, or null when one has none. */
function parseAlternation(p: Parser): Req {
  const alternatives: Req[] = [parseSequence(p)]
  while (p.src[p.pos] === '|') {
    p.pos++
    alternatives.push(parseSequence(p))
  }
  const out: string[] = []
  for (const a of alternatives) {
    if (!a) return null
    for (const s of a) if (!out.includes(s)) out.push(s)
  }
  return out
}

/** Quantifier at the cursor: its minimum count (1 when there is none). Consumes a lazy `?`. */
function parseQuantifier(p: Parser): number {
  const c = p.src[p.pos]
  let min = 1
  if (c === '?' || c === '*') {
    min = 0
    p.pos++
  } else if (c === '+') {
    min = 1
    p.pos++
    // "a+" still requires one "a", but what follows need not be adjacent to the one before.
    min = -1
  } else if (c === '{') {
    const m = /^\{(\d+)(,\d*)?\}/.exec(p.src.slice(p.pos))
    if (!m) throw new Unsupported()
    p.pos += m[0].length
    const n = Number(m[1])
    min = n === 0 ? 0 : m[2] === undefined && n === 1 ? 1 : -1
  } else return 1
  if (p.src[p.pos] === '?') p.pos++
  return min
}

/**
 * One sequence (up to `|`, `)` or the end). Returns the best required set among its runs of
 * literal characters and its required groups.
 */
function parseSequence(p: Parser, all?: string[][]): Req {
  let best: Req = null
  let run = ''
  const endRun = () => {
    if (run.length > 0) best = keep(best, usable([run]), all)
    run = ''
  }
  while (p.pos < p.src.length) {
    const c = p.src[p.pos]!
    if (c === '|' || c === ')') break
    if (c === '(') {
      endRun()
      p.pos++
      let lookaround = false
      // A negative lookaround needs nothing; a positive one needs its own words, when asked to count them.
      let counted = true
      if (p.src.startsWith('?:', p.pos)) p.pos += 2
      else if (p.src.startsWith('?=', p.pos) || p.src.startsWith('?!', p.pos)) {
        counted = p.lookarounds === true && p.src[p.pos + 1] === '='
        p.pos += 2
        lookaround = true
      } else if (p.src.startsWith('?<=', p.pos) || p.src.startsWith('?<!', p.pos)) {
        counted = p.lookarounds === true && p.src[p.pos + 2] === '='
        p.pos += 3
        lookaround = true
      } else if (p.src.startsWith('?<', p.pos)) {
        const close = p.src.indexOf('>', p.pos)
        if (close < 0) throw new Unsupported()
        p.pos = close + 1
      } else if (p.src[p.pos] === '?') throw new Unsupported()
      const inner = parseAlternation(p)
      if (p.src[p.pos] !== ')') throw new Unsupported()
      p.pos++
      const min = parseQuantifier(p)
      if ((!lookaround || counted) && min !== 0) best = keep(best, usable(inner), all)
      continue
    }
    let literal: string | null = null
    if (c === '[') {
      p.pos++
      if (p.src[p.pos] === '^') p.pos++
      if (p.src[p.pos] === ']') p.pos++
      while (p.pos < p.src.length && p.src[p.pos] !== ']') p.pos += p.src[p.pos] === '\\' ? 2 : 1
      if (p.pos >= p.src.length) throw new Unsupported()
      p.pos++
    } else if (c === '\\') {
      const e = p.src[p.pos + 1]
      if (e === undefined) throw new Unsupported()
      if (e === 'b' || e === 'B') {
        p.pos += 2
        endRun()
        continue
      }
      if (e === 'p' || e === 'P') {
        const close = p.src.indexOf('}', p.pos)
        if (p.src[p.pos + 2] !== '{' || close < 0) throw new Unsupported()
        p.pos = close + 1
      } else if (e === 'u' || e === 'x' || e === 'c' || e === 'k') {
        throw new Unsupported()
      } else {
        p.pos += 2
        // An escaped punctuation mark is itself; \d, \w, \s, \n, backreferences and the like are not.
        if (!/[A-Za-z0-9]/.test(e)) literal = e
      }
    } else if (c === '^' || c === '$') {
      p.pos++
      endRun()
      continue
    } else {
      p.pos++
      if (c !== '.') literal = c
      // A surrogate pair is one atom: a quantifier after it applies to the whole character (u flag).
      const low = p.src.charCodeAt(p.pos)
      if (c >= '\ud800' && c <= '\udbff' && low >= 0xdc00 && low <= 0xdfff) {
        literal = c + p.src[p.pos]
        p.pos++
      }
    }
    const min = parseQuantifier(p)
    if (literal !== null && min === 1) run += literal
    else if (literal !== null && min === -1) {
      run += literal
      endRun()
    } else endRun()
  }
  endRun()
  return best
}

/** `better`, also collecting every usable candidate into `all` when given. */
function keep(best: Req, candidate: Req, all?: string[][]): Req {
  if (all && candidate) all.push(candidate)
  return better(best, candidate)
}

/**
 * Several literal sets that a match of `re` needs all of (one literal of each): every required
 * part of a regex that is one sequence at the top level ("\\b(?:gun|rifle)\\b ... (?:loaded|ammo)"
 * needs a weapon word and a loading word). A regex with a top-level alternative gives the single
 * set of requiredLiterals. Null when there is none.
 */
export function requiredLiteralSets(re: RegExp, options: LiteralOptions = {}): string[][] | null {
  const single = requiredLiterals(re, options)
  if (!single) return null
  const p: Parser = { src: re.source, pos: 0, lookarounds: options.lookarounds }
  const all: string[][] = []
  try {
    parseSequence(p, all)
  } catch (e) {
    if (e instanceof Unsupported) return [single]
    throw e
  }
  if (p.pos !== p.src.length || all.length === 0) return [single]
  return all
}

/** The literals one of which every match of `re` contains, or null when there is no such set. */
export function requiredLiterals(re: RegExp, options: LiteralOptions = {}): string[] | null {
  if (re.flags.includes('i') || re.flags.includes('v')) return null
  const p: Parser = { src: re.source, pos: 0, lookarounds: options.lookarounds }
  try {
    const req = parseAlternation(p)
    if (p.pos !== p.src.length) return null
    return usable(req)
  } catch (e) {
    if (e instanceof Unsupported) return null
    throw e
  }
}

/*
 * All literals of all regexes asked about are searched at once: one Aho-Corasick automaton over
 * every literal, run once per text, tells which regexes have one of their literals in it. A text
 * is read once however many regexes are then asked about it, instead of a check per regex and
 * literal. The answer is exactly "some literal of `re` is a substring of `text`".
 *
 * Meant for regexes compiled once (at module load): a regex is registered on its first use and
 * stays registered, and a new registration rebuilds the automaton at the next question (call
 * primeLiterals at module load so that this happens once, before the first message).
 */

/** A regex every match of which needs no literal we know: always scan. */
const ALWAYS = -1
/** The rule compilers' "matches nothing" regex (`(?!)`, an empty list): never scan. */
const NEVER = -2

const REGEX_ID = new WeakMap<RegExp, number>()
/** Per registered regex id, its literal sets (ids into setLiterals): a match needs one literal of each. */
const regexSets: number[][] = []
/** Per literal set id, its literals. */
const setLiterals: string[][] = []
let dirty = false

interface Automaton {
  /** Code unit -> column; 0 is any unit that occurs in no literal (it leads back to the root). */
  column: Uint8Array | Uint16Array
  columns: number
  /** Dense transition table: next state = delta[state * columns + column] (16 bits when it fits: half the cache). */
  delta: Uint16Array | Int32Array
  /** Per state: the literal that ends here, or -1. */
  literalAt: Int32Array
  /** Per state: the nearest proper suffix state where a literal ends, or -1. */
  suffixOut: Int32Array
  /** Per literal: the ids of the sets that hold it, setIds[setStart[l] .. setStart[l + 1]). */
  setStart: Int32Array
  setIds: Int32Array
  literals: number
}

let automaton: Automaton | null = null

function build(): Automaton {
  const literalIndex = new Map<string, number>()
  const owners: number[][] = []
  setLiterals.forEach((lits, id) => {
    for (const lit of lits) {
      let l = literalIndex.get(lit)
      if (l === undefined) {
        l = owners.length
        literalIndex.set(lit, l)
        owners.push([])
      }
      if (!owners[l]!.includes(id)) owners[l]!.push(id)
    }
  })
  const units = new Map<number, number>()
  for (const lit of literalIndex.keys()) {
    for (let i = 0; i < lit.length; i++) if (!units.has(lit.charCodeAt(i))) units.set(lit.charCodeAt(i), units.size + 1)
  }
  const columns = units.size + 1
  const column = columns <= 0xff ? new Uint8Array(0x10000) : new Uint16Array(0x10000)
  for (const [unit, col] of units) column[unit] = col
  // The trie (one edge map for all states, and each state's children as a linked list), then
  // failure links breadth first, folded into a complete transition table.
  const edges = new Map<number, number>()
  const ends: number[] = [-1]
  const firstChild: number[] = [-1]
  const nextSibling: number[] = [-1]
  const columnOf: number[] = [0]
  for (const [lit, l] of literalIndex) {
    let state = 0
    for (let i = 0; i < lit.length; i++) {
      const col = column[lit.charCodeAt(i)]!
      let next = edges.get(state * columns + col)
      if (next === undefined) {
        next = ends.length
        ends.push(-1)
        firstChild.push(-1)
        nextSibling.push(firstChild[state]!)
        columnOf.push(col)
        firstChild[state] = next
        edges.set(state * columns + col, next)
      }
      state = next
    }
    ends[state] = l
  }
  const states = ends.length
  const delta = states <= 0xffff ? new Uint16Array(states * columns) : new Int32Array(states * columns)
  const fail = new Int32Array(states)
  const suffixOut = new Int32Array(states).fill(-1)
  const queue: number[] = []
  for (let next = firstChild[0]!; next >= 0; next = nextSibling[next]!) {
    delta[columnOf[next]!] = next
    queue.push(next)
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!
    const f = fail[state]!
    suffixOut[state] = ends[f]! >= 0 ? f : suffixOut[f]!
    // The failure state's row (complete: it is shallower), then this state's own children over it.
    delta.copyWithin(state * columns, f * columns, (f + 1) * columns)
    for (let next = firstChild[state]!; next >= 0; next = nextSibling[next]!) {
      const col = columnOf[next]!
      delta[state * columns + col] = next
      fail[next] = delta[f * columns + col]!
      queue.push(next)
    }
  }
  const setStart = new Int32Array(owners.length + 1)
  const setIds = new Int32Array(owners.reduce((n, o) => n + o.length, 0))
  owners.forEach((o, l) => {
    setIds.set(o, setStart[l]!)
    setStart[l + 1] = setStart[l]! + o.length
  })
  return {
    column,
    columns,
    delta,
    literalAt: Int32Array.from(ends),
    suffixOut,
    setStart,
    setIds,
    literals: owners.length,
  }
}

/** The last few texts read (the screens ask about two or three forms of one message). */
interface Slot {
  text: string | null
  stamp: number
  /** marks[set id] === stamp: a literal of that set occurs in `text`. */
  marks: Uint32Array
}

const SLOTS = 4
let slots: Slot[] = []
let nextSlot = 0
let stamp = 0
let literalSeen = new Uint32Array(0)

function reset(): void {
  automaton = build()
  dirty = false
  slots = Array.from({ length: SLOTS }, () => ({ text: null, stamp: 0, marks: new Uint32Array(setLiterals.length) }))
  literalSeen = new Uint32Array(automaton.literals)
}

function read(text: string): Slot {
  for (let i = 0; i < SLOTS; i++) if (slots[i]!.text === text) return slots[i]!
  const a = automaton!
  const slot = slots[nextSlot]!
  nextSlot = (nextSlot + 1) % SLOTS
  stamp = (stamp + 1) >>> 0
  if (stamp === 0) {
    // Wrapped after 2^32 texts: old stamps must not pass for new ones.
    literalSeen.fill(0)
    for (const other of slots) other.marks.fill(0)
    stamp = 1
  }
  const s = stamp
  slot.text = text
  slot.stamp = s
  const { column, columns, delta, literalAt, suffixOut, setStart, setIds } = a
  const marks = slot.marks
  let state = 0
  for (let i = 0; i < text.length; i++) {
    state = delta[state * columns + column[text.charCodeAt(i)]!]!
    // Every literal ending here: this state's own and its output suffixes. A literal already seen
    // in this text has had its suffixes seen too.
    for (let t = literalAt[state]! >= 0 ? state : suffixOut[state]!; t >= 0; t = suffixOut[t]!) {
      const l = literalAt[t]!
      if (literalSeen[l] === s) break
      literalSeen[l] = s
      for (let k = setStart[l]!; k < setStart[l + 1]!; k++) marks[setIds[k]!] = s
    }
  }
  return slot
}

function register(re: RegExp, options: LiteralOptions = {}): number {
  // The rule compilers' "matches nothing" regex for an empty list.
  if (re.source === '(?!)') {
    REGEX_ID.set(re, NEVER)
    return NEVER
  }
  const sets = requiredLiteralSets(re, options)
  if (!sets) {
    REGEX_ID.set(re, ALWAYS)
    return ALWAYS
  }
  const id = regexSets.length
  regexSets.push(
    sets.map((literals) => {
      setLiterals.push(literals)
      return setLiterals.length - 1
    }),
  )
  REGEX_ID.set(re, id)
  dirty = true
  return id
}

/** Register `re` now rather than on its first use (call at module load). */
export function primeLiterals(re: RegExp): RegExp {
  if (!REGEX_ID.has(re)) register(re)
  return re
}

/** False only when `re` cannot match `text` (some set of its required literals has none in it). */
export function mayMatch(re: RegExp, text: string): boolean {
  let id = REGEX_ID.get(re)
  if (id === undefined) id = register(re)
  return mayMatchId(id, text)
}

/**
 * The handle of `re` for {@link mayMatchId}, registering it (call at module load): a caller that
 * keeps the handle beside its regex asks without a lookup by regex. The options apply when `re` is
 * registered here first.
 */
export function literalId(re: RegExp, options: LiteralOptions = {}): number {
  return REGEX_ID.get(re) ?? register(re, options)
}

/**
 * The literal sets (ids into {@link literalMarks}) of the regex whose {@link literalId} is `id`: a
 * literal of each must occur in a text it matches. Empty: it needs none (always scan); null: it
 * never matches.
 */
export function literalSets(id: number): readonly number[] | null {
  if (id === NEVER) return null
  return id === ALWAYS ? [] : regexSets[id]!
}

/**
 * The literal index of `text`: marks[set] === stamp for each literal set one of whose literals
 * occurs in it. Read once for many regexes (what mayMatchId does for one); valid until the next text.
 */
export function literalMarks(text: string): { readonly marks: Uint32Array; readonly stamp: number } {
  if (dirty) reset()
  return read(text)
}

/** {@link mayMatch} for the regex whose {@link literalId} is `id`. */
export function mayMatchId(id: number, text: string): boolean {
  if (id < 0) return id === ALWAYS
  if (dirty) reset()
  const slot = read(text)
  const sets = regexSets[id]!
  for (let i = 0; i < sets.length; i++) if (slot.marks[sets[i]!] !== slot.stamp) return false
  return true
}
