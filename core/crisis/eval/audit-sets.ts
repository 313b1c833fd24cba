/**
 * The audit sets (audit<n>-messages.jsonl beside this file, n in AUDIT_SET_NUMBERS): own chat-style messages in
 * English and Polish, each written blind by a new writer (who read no rule, lexicon, training, evaluation or test
 * text) in styles the earlier writers had not used, for the rules audits to read. Unlike the held-out sets they are
 * read and tuned on: a rules audit groups their misses by form and writes general patterns. `crisis:eval` reports
 * each apart as "(u<n>)", so what an audit gained on the set it read is never mistaken for generalisation (which
 * only the held-out sets measure). They must share no text with a held-out set, the first set or the training
 * messages (audit-sets.test.ts).
 *
 * Every row's note is `audit<n>,<category>[,...]`, as a held-out set's (`hard-` categories are hard negatives).
 */
import { fileURLToPath } from 'node:url'
import { loadNotedSet, type EvalMessage } from './evaluate.js'

/**
 * Set 1: 240 messages written on 7 December 2026 (per language 40 imminent, 25 high, 15 concern, 40 none).
 * Set 2: 240 messages written the same evening by another writer in other voices (the same counts; 34 hard negatives
 * a language; 89 of the 120 Polish rows without diacritics).
 */
export const AUDIT_SET_NUMBERS: readonly number[] = [1, 2]

/** The note tag every row of audit set n carries. */
export const auditSetTag = (n: number) => `audit${n}`

/** The committed file of audit set n. */
export const auditSetPath = (n: number): string =>
  fileURLToPath(new URL(`./audit${n}-messages.jsonl`, import.meta.url))

/** Read audit set n; every row must carry an `audit<n>,<category>` note. */
export function loadAuditSet(n: number, path: string = auditSetPath(n)): EvalMessage[] {
  return loadNotedSet(path, auditSetTag(n))
}
