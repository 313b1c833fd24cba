/**
 * The third held-out set (heldout3-messages.jsonl beside this file): 160 own chat-style messages
 * (80 English, 80 Polish; per language 16 imminent, 16 high, 16 concern, 32 none of which at least
 * 20 are hard negatives), written blind on 6 December 2026 by a helper who had not read the rules,
 * the lexicon, the training messages or the other evaluation sets, and committed before it was wired
 * in. Nothing trains or tunes on it: the trainer refuses a training message that is also here,
 * thresholds never read it, and `crisis:eval` reports it apart as "(a3)".
 *
 * Every row's note is `heldout3,<category>[,no-diacritics]`; categories of `none` rows that start
 * with `hard-` are hard negatives (idiom, negation, reported speech, past, media, heights, gaming...).
 */
import { fileURLToPath } from 'node:url'
import { loadEvalSet, type EvalMessage } from './evaluate.js'

export const HELDOUT3_PATH = fileURLToPath(new URL('./heldout3-messages.jsonl', import.meta.url))

/** The category of a set-3 row (the note's second part), e.g. "hard-idiom" or "attempt-in-progress". */
export function heldout3Category(m: EvalMessage): string {
  return (m.note ?? '').split(',')[1] ?? ''
}

export function isHeldout3HardNegative(m: EvalMessage): boolean {
  return m.level === 'none' && heldout3Category(m).startsWith('hard-')
}

/** Read set 3; besides the shape loadEvalSet checks, every row must carry a `heldout3,<category>` note. */
export function loadHeldout3(path: string = HELDOUT3_PATH): EvalMessage[] {
  const rows = loadEvalSet(path)
  rows.forEach((m, i) => {
    const parts = (m.note ?? '').split(',')
    if (parts[0] !== 'heldout3' || !parts[1]) {
      throw new Error(`${path}: row ${i + 1}: note must be "heldout3,<category>"`)
    }
  })
  return rows
}
