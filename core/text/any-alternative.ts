/**
 * `re.test(text)` for a rule regex that is a long alternation (`a|b|c`), answered one top-level
 * alternative at a time, each behind its own required-literal check (./required-literals.ts).
 *
 * Why: the moderation rules join several proximity patterns into one regex. V8 compiles such a
 * regex to hundreds of kilobytes or megabytes of code (one rule, 4,000 characters, took 1.9 MB), and
 * scans it in full whenever the whole rule's literal check passes, which one common word of one
 * alternative is enough for. Each alternative on its own is small, is run only where the text holds
 * a literal of each of its own required parts, and is compiled only when first run. Past about
 * 1 MB of regex code and 16 MB of executable memory V8 compiles every later regex without its
 * optimisations (TooMuchRegExpCode in V8's regexp.cc), so the code the giants took also slowed
 * every rule compiled after them.
 *
 * Why the answer is the same: a disjunction matches at a position when one of its alternatives
 * does, so a non-global regex matches somewhere exactly when one of its top-level alternatives,
 * compiled alone with the same flags, matches somewhere; `test` reports nothing else. A regex with
 * a backreference (whose group numbers would change) is not split and is tested whole.
 */
import { literalId, mayMatchId as mayMatchIdExport } from './required-literals.js'

/** Bound once (see word-alternation.ts): tsx reads an import through a getter at every call. */
const mayMatchId = mayMatchIdExport

/**
 * The top-level alternatives of a regex source (`a|b(?:c|d)|[|]` -> `a`, `b(?:c|d)`, `[|]`), or
 * null when one of them holds a backreference (`\1`, `\k<name>`).
 */
export function topLevelAlternatives(source: string): string[] | null {
  const out: string[] = []
  let depth = 0
  let inClass = false
  let start = 0
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      const e = source[i + 1]
      if (!inClass && e !== undefined && ((e >= '1' && e <= '9') || e === 'k')) return null
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      continue
    }
    if (c === '[') {
      inClass = true
      // "[]" and "[^]" end at their "]" in JavaScript: skip past the "^" so that the loop sees it.
      if (source[i + 1] === '^') i++
      if (source[i + 1] === ']') {
        inClass = false
        i++
      }
    } else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i))
      start = i + 1
    }
  }
  out.push(source.slice(start))
  return out
}

interface Part {
  re: RegExp
  /** literalId of `re` (mayMatchId: may it match this text?). */
  literal: number
}

/** A non-global regex whose `test` is answered alternative by alternative (see the top of this file). */
export class AnyAlternative {
  /** The whole regex: what `test` answers for. */
  readonly re: RegExp
  /** The whole regex's literal check, asked first (one read for the common case of no word at all). */
  private readonly literal: number
  /** Null: tested whole. */
  private readonly parts: readonly Part[] | null

  constructor(re: RegExp) {
    if (re.global || re.sticky) throw new Error('AnyAlternative answers test() of a non-global, non-sticky regex')
    this.re = re
    this.literal = literalId(re)
    const sources = topLevelAlternatives(re.source)
    this.parts =
      sources && sources.length > 1
        ? sources.map((source) => {
            const part = new RegExp(source, re.flags)
            return { re: part, literal: literalId(part) }
          })
        : null
  }

  /** Exactly `re.test(text)`. */
  test(text: string): boolean {
    if (!mayMatchId(this.literal, text)) return false
    const parts = this.parts
    if (parts === null) return this.re.test(text)
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!
      if (mayMatchId(part.literal, text) && part.re.test(text)) return true
    }
    return false
  }
}
