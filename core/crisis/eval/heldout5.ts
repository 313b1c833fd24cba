/**
 * The fifth held-out set (heldout5-messages.jsonl beside this file): 240 own chat-style messages
 * (120 English, 120 Polish; per language 30 imminent, 20 high, 20 concern, 50 none of which at
 * least 36 are hard negatives; about a third of the Polish typed without diacritics), written blind
 * on 6 December 2026 by a helper who had not read the rules, the lexicon, the training messages or
 * the other evaluation sets, checked for clashes with every other set and the training messages, and
 * committed before it was wired in. Nothing trains or tunes on it: the trainer refuses a training
 * message that is also here, thresholds never read it, and `crisis:eval` reports it apart as "(a5)".
 *
 * Every row's note is `heldout5,<category>[,no-diacritics]`; categories of `none` rows that start
 * with `hard-` are hard negatives (idiom, negation, reported speech, past, media, heights, pills...).
 */
import { fileURLToPath } from 'node:url'
import { isNotedHardNegative, loadNotedSet, noteCategory, type EvalMessage } from './evaluate.js'

export const HELDOUT5_PATH = fileURLToPath(new URL('./heldout5-messages.jsonl', import.meta.url))

/** The category of a set-5 row (the note's second part). */
export const heldout5Category: (m: EvalMessage) => string = noteCategory

export const isHeldout5HardNegative: (m: EvalMessage) => boolean = isNotedHardNegative

/** Read set 5; besides the shape loadEvalSet checks, every row must carry a `heldout5,<category>` note. */
export function loadHeldout5(path: string = HELDOUT5_PATH): EvalMessage[] {
  return loadNotedSet(path, 'heldout5')
}
