/**
 * The blind held-out sets (heldout<n>-messages.jsonl beside this file, n in HELDOUT_SET_NUMBERS): own chat-style
 * messages in English and Polish, each set written by a helper who had not read the rules, the lexicon, the
 * training messages or the other evaluation sets, checked for clashes with every other set and the training
 * messages, and committed before it was wired in. Nothing trains or tunes on them: the trainer refuses a training
 * message that is also in one of them, thresholds never read them, and `crisis:eval` reports each apart as "(a<n>)".
 * Sets 2 to 5 (decision 063) and sets 6 and 7 (decision 067) were retired into the training messages after their
 * held-out reports. Blind now: the first set's `heldout` rows in messages.jsonl, set 8 (written blind while sets 6
 * and 7 were retired, wired in after the eighth-round retrain, which never read it) and set 9 (written blind on
 * 7 December 2026 after the Polish rules audit, by a helper who read no rule, lexicon, training, evaluation or test
 * text, and wired in unread), set 10 (written blind the same way on 7 December 2026 at 22:15 UTC, in voices no
 * earlier writer used, before the eleventh model round, and wired in unread) and set 11 (written blind the same way on
 * 8 December 2026 at 01:09 UTC, in voices no earlier writer used, and wired in unread after the thirteenth model
 * round); a set is wired in by adding its number and spec below.
 *
 * Every row's note is `heldout<n>,<category>[,...]` (Polish typed without diacritics adds `no-diacritics`);
 * categories of `none` rows that start with `hard-` are hard negatives (idiom, negation, reported speech,
 * past, media, heights, pills...). One loader reads them all; what each set must hold is data below, checked by
 * heldout-sets.test.ts.
 */
import { fileURLToPath } from 'node:url'
import { loadNotedSet, type EvalMessage } from './evaluate.js'

/** The committed sets, each with its spec in HELDOUT_SETS (sets 8 and 9 since 7 December 2026, after sets 6 and 7 retired; set 10 since 7 December 2026, 22:30 UTC; set 11 since 8 December 2026, 01:35 UTC). */
export const HELDOUT_SET_NUMBERS: readonly HeldoutSetNumber[] = [8, 9, 10, 11]
export type HeldoutSetNumber = number

export interface HeldoutSetSpec {
  /** How `crisis:eval` names the set in its "(a<n>) <ordinal> held-out set" heading. */
  ordinal: string
  /** Rows per language at each level (the same in English and Polish). */
  perLanguage: Readonly<Record<EvalMessage['level'], number>>
  /** Fewest hard negatives per language. */
  minHardNegatives: number
  /** Fewest Polish rows typed without a single diacritic. */
  minPolishWithoutDiacritics: number
  /** Fewest Polish rows whose note says `no-diacritics` (0: the set's notes need not say it). */
  minPolishMarkedNoDiacritics: number
}

export const HELDOUT_SETS: Readonly<Record<HeldoutSetNumber, HeldoutSetSpec>> = {
  8: {
    ordinal: 'eighth',
    perLanguage: { imminent: 30, high: 20, concern: 20, none: 50 },
    minHardNegatives: 40,
    minPolishWithoutDiacritics: 45,
    minPolishMarkedNoDiacritics: 45,
  },
  9: {
    ordinal: 'ninth',
    perLanguage: { imminent: 30, high: 20, concern: 20, none: 50 },
    minHardNegatives: 40,
    minPolishWithoutDiacritics: 45,
    minPolishMarkedNoDiacritics: 45,
  },
  10: {
    ordinal: 'tenth',
    perLanguage: { imminent: 30, high: 20, concern: 20, none: 50 },
    minHardNegatives: 40,
    minPolishWithoutDiacritics: 60,
    minPolishMarkedNoDiacritics: 60,
  },
  11: {
    ordinal: 'eleventh',
    perLanguage: { imminent: 30, high: 20, concern: 20, none: 50 },
    minHardNegatives: 40,
    minPolishWithoutDiacritics: 60,
    minPolishMarkedNoDiacritics: 60,
  },
}

/** The note tag every row of set n carries. */
export const heldoutSetTag = (n: HeldoutSetNumber) => `heldout${n}`

/** The committed file of set n. */
export const heldoutSetPath = (n: HeldoutSetNumber): string =>
  fileURLToPath(new URL(`./heldout${n}-messages.jsonl`, import.meta.url))

/** Read set n; besides the shape loadEvalSet checks, every row must carry a `heldout<n>,<category>` note. */
export function loadHeldoutSet(n: HeldoutSetNumber, path: string = heldoutSetPath(n)): EvalMessage[] {
  return loadNotedSet(path, heldoutSetTag(n))
}
