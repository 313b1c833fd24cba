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
import { isNotedHardNegative, loadNotedSet, noteCategory, type EvalMessage } from './evaluate.js'

export const HELDOUT3_PATH = fileURLToPath(new URL('./heldout3-messages.jsonl', import.meta.url))

/** The category of a set-3 row (the note's second part). */
export const heldout3Category: (m: EvalMessage) => string = noteCategory

export const isHeldout3HardNegative: (m: EvalMessage) => boolean = isNotedHardNegative

/** Read set 3; besides the shape loadEvalSet checks, every row must carry a `heldout3,<category>` note. */
export function loadHeldout3(path: string = HELDOUT3_PATH): EvalMessage[] {
  return loadNotedSet(path, 'heldout3')
}
