/**
 * The second held-out set (heldout2-messages.jsonl beside this file): 100 own messages (50 English,
 * 50 Polish, 14 imminent each) written and committed before the rules and the model were changed
 * for it. Nothing trains or tunes on it: the trainer refuses a training message that is also here,
 * thresholds never read it, and `crisis:eval` reports it apart from the first evaluation set.
 */
import { fileURLToPath } from 'node:url'
import { loadEvalSet, type EvalMessage } from './evaluate.js'

export const HELDOUT2_PATH = fileURLToPath(new URL('./heldout2-messages.jsonl', import.meta.url))

export function loadHeldout2(path: string = HELDOUT2_PATH): EvalMessage[] {
  return loadEvalSet(path)
}
