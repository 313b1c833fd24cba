import { createHash } from 'node:crypto'

/**
 * How fast this machine runs one thread right now: two fixed workloads, each timed round by round, median in
 * milliseconds (lower is faster). The bench runs them before and after each scenario with nothing else of its own
 * running, so a report can say whether the machine itself was slower during a scenario: a virtual machine on a busy
 * host reports no steal time here, and its processes' CPU shares look the same while every piece of work takes
 * longer (docs/performance.md, "the crisis scenario's two speeds").
 *
 * - `medianMs`: SHA-256 over 32 MiB. This CPU hashes on dedicated instructions (`sha_ni`), so this sees the core's
 *   clock, not the caches or the memory a neighbour on the host may be using; and its rounds (about 20 ms) are short
 *   enough that most fall between other processes' turns, so the median hardly sees a busy machine either.
 * - `mixedMedianMs`: what the screens and the server do more of: a hash map of 200,000 short strings built and read
 *   back in another order (allocation, hashing, memory beyond the core's own caches), and a regular expression of
 *   word alternatives run over 256 KiB of text (branchy code), about 80 ms a round on the idle machine. A slow phase
 *   of this kind of code can leave the SHA-256 figure unchanged (the full run of 7 December 2026, 23:17 UTC), and
 *   so can other work on the machine: beside a test run, 140–280 ms a round while SHA-256 still read 20 ms.
 */
const BUFFER = Buffer.alloc(4 * 2 ** 20, 0x5a)

export interface MachineSpeed {
  /** Median time of one round of the SHA-256 workload, in milliseconds. */
  medianMs: number
  /** Every SHA-256 round's time, in milliseconds, in the order run. */
  roundsMs: number[]
  /** Median time of one round of the mixed workload (hash map and regular expression), in milliseconds. */
  mixedMedianMs: number
  /** Every mixed round's time, in milliseconds, in the order run. */
  mixedRoundsMs: number[]
}

const KEYS = 200_000
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'

/** The same strings and text every time: a linear congruential generator from a fixed seed. */
function fixedInputs() {
  let state = 20261207
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0)
  const word = (length: number) => {
    let w = ''
    for (let i = 0; i < length; i++) w += ALPHABET[next() % 26]
    return w
  }
  const keys = Array.from({ length: KEYS }, () => word(8))
  const order = Array.from({ length: KEYS }, () => next() % KEYS)
  const words: string[] = []
  let length = 0
  while (length < 256 * 1024) {
    const w = word(3 + (next() % 6))
    words.push(w)
    length += w.length + 1
  }
  const pattern = new RegExp(`\\b(?:${Array.from({ length: 60 }, () => word(4)).join('|')})\\w*\\b`, 'g')
  return { keys, order, text: words.join(' '), pattern }
}

let inputs: ReturnType<typeof fixedInputs> | null = null

function mixedRound(): number {
  const { keys, order, text, pattern } = inputs!
  const map = new Map<string, number>()
  for (let i = 0; i < keys.length; i++) map.set(keys[i]!, i)
  let sum = 0
  for (const i of order) sum += map.get(keys[i]!) ?? 0
  pattern.lastIndex = 0
  while (pattern.exec(text)) sum++
  return sum
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const ms = (started: number) => Math.round((performance.now() - started) * 1000) / 1000

export function probeMachineSpeed(rounds = 7): MachineSpeed {
  const roundsMs: number[] = []
  let digest = ''
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    const hash = createHash('sha256').update(digest)
    for (let k = 0; k < 8; k++) hash.update(BUFFER)
    digest = hash.digest('hex')
    roundsMs.push(ms(started))
  }
  // The inputs are made once per process, outside the timed rounds.
  inputs ??= fixedInputs()
  const mixedRoundsMs: number[] = []
  let check = 0
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    check += mixedRound()
    mixedRoundsMs.push(ms(started))
  }
  // The results are used, so no round can be optimised away.
  if (digest.length === 0 || check < 0) throw new Error('machine probe: no result')
  return { medianMs: median(roundsMs), roundsMs, mixedMedianMs: median(mixedRoundsMs), mixedRoundsMs }
}
