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
function parseSequence(p: Parser): Req {
  let best: Req = null
  let run = ''
  const endRun = () => {
    if (run.length > 0) best = better(best, usable([run]))
    run = ''
  }
  while (p.pos < p.src.length) {
    const c = p.src[p.pos]!
    if (c === '|' || c === ')') break
    if (c === '(') {
      endRun()
      p.pos++
      let lookaround = false
      if (p.src.startsWith('?:', p.pos)) p.pos += 2
      else if (p.src.startsWith('?=', p.pos) || p.src.startsWith('?!', p.pos)) {
        p.pos += 2
        lookaround = true
      } else if (p.src.startsWith('?<=', p.pos) || p.src.startsWith('?<!', p.pos)) {
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
      if (!lookaround && min !== 0) best = better(best, usable(inner))
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

/** The literals one of which every match of `re` contains, or null when there is no such set. */
export function requiredLiterals(re: RegExp): string[] | null {
  if (re.flags.includes('i') || re.flags.includes('v')) return null
  const p: Parser = { src: re.source, pos: 0 }
  try {
    const req = parseAlternation(p)
    if (p.pos !== p.src.length) return null
    return usable(req)
  } catch (e) {
    if (e instanceof Unsupported) return null
    throw e
  }
}

interface Prepared {
  literals: string[]
  /** Per literal, the bigram slots of its characters (see `bigram`). */
  bigrams: Uint16Array[]
}

const PREPARED = new WeakMap<RegExp, Prepared | null>()
const bigram = (a: number, b: number) => (Math.imul(a, 0x9e37) ^ b) & 0xffff

// The bigrams of the last text looked at, stamped with a generation so the table is never cleared.
const seen = new Uint32Array(0x10000)
let generation = 0
let lastText: string | null = null

function prepare(re: RegExp): Prepared | null {
  // The rule compilers' "matches nothing" regex for an empty list.
  if (re.source === '(?!)') return { literals: [], bigrams: [] }
  const literals = requiredLiterals(re)
  if (!literals) return null
  const bigrams = literals.map((lit) => {
    const slots = new Uint16Array(lit.length - 1)
    for (let i = 0; i + 1 < lit.length; i++) slots[i] = bigram(lit.charCodeAt(i), lit.charCodeAt(i + 1))
    return slots
  })
  return { literals, bigrams }
}

/** Compute the literals of `re` now rather than on its first use (call at module load). */
export function primeLiterals(re: RegExp): RegExp {
  if (!PREPARED.has(re)) PREPARED.set(re, prepare(re))
  return re
}

/** False only when `re` cannot match `text` (none of its required literals occurs in it). */
export function mayMatch(re: RegExp, text: string): boolean {
  let p = PREPARED.get(re)
  if (p === undefined) {
    p = prepare(re)
    PREPARED.set(re, p)
  }
  if (p === null) return true
  if (text !== lastText) {
    generation = (generation + 1) >>> 0 || 1
    for (let i = 0; i + 1 < text.length; i++) seen[bigram(text.charCodeAt(i), text.charCodeAt(i + 1))] = generation
    lastText = text
  }
  const g = generation
  for (let l = 0; l < p.bigrams.length; l++) {
    const slots = p.bigrams[l]!
    let all = true
    for (let i = 0; i < slots.length; i++) {
      if (seen[slots[i]!] !== g) {
        all = false
        break
      }
    }
    // Every bigram is there: confirm the literal itself (a hash collision or scattered bigrams).
    if (all && text.includes(p.literals[l]!)) return true
  }
  return false
}
