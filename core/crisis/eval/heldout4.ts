/**
 * The fourth held-out set (heldout4-messages.jsonl beside this file): 200 own chat-style messages
 * (100 English, 100 Polish; per language 20 imminent, 20 high, 20 concern, 40 none of which at
 * least 28 are hard negatives; about a third of the Polish typed without diacritics), written blind
 * on 6 December 2026 by a helper who had not read the rules, the lexicon, the training messages or
 * the other evaluation sets, and committed before it was wired in. Nothing trains or tunes on it:
 * the trainer refuses a training message that is also here, thresholds never read it, and
 * `crisis:eval` reports it apart as "(a4)".
 *
 * Every row's note is `heldout4,<category>[,no-diacritics]`; categories of `none` rows that start
 * with `hard-` are hard negatives (idiom, negation, reported speech, past, media, heights, pills...).
 */
import { fileURLToPath } from 'node:url'
import { isNotedHardNegative, loadNotedSet, noteCategory, type EvalMessage } from './evaluate.js'

export const HELDOUT4_PATH = fileURLToPath(new URL('./heldout4-messages.jsonl', import.meta.url))

/** The category of a set-4 row (the note's second part). */
export const heldout4Category: (m: EvalMessage) => string = noteCategory

export const isHeldout4HardNegative: (m: EvalMessage) => boolean = isNotedHardNegative

/** Read set 4; besides the shape loadEvalSet checks, every row must carry a `heldout4,<category>` note. */
export function loadHeldout4(path: string = HELDOUT4_PATH): EvalMessage[] {
  return loadNotedSet(path, 'heldout4')
}
