import { createHash } from 'node:crypto'

/**
 * How fast this machine runs one thread right now: a fixed workload (SHA-256 over 32 MiB, `rounds` times), timed
 * round by round, median in milliseconds (lower is faster). The bench runs it before and after each scenario with
 * nothing else of its own running, so a report can say whether the machine itself was slower during a scenario:
 * a virtual machine on a busy host reports no steal time here, and its processes' CPU shares look the same while
 * every piece of work takes longer (docs/performance.md, "the crisis scenario's two speeds").
 */
const BUFFER = Buffer.alloc(4 * 2 ** 20, 0x5a)

export interface MachineSpeed {
  /** Median time of one round of the fixed workload, in milliseconds. */
  medianMs: number
  /** Every round's time, in milliseconds, in the order run. */
  roundsMs: number[]
}

export function probeMachineSpeed(rounds = 7): MachineSpeed {
  const roundsMs: number[] = []
  let digest = ''
  for (let i = 0; i < rounds; i++) {
    const started = performance.now()
    const hash = createHash('sha256').update(digest)
    for (let k = 0; k < 8; k++) hash.update(BUFFER)
    digest = hash.digest('hex')
    roundsMs.push(Math.round((performance.now() - started) * 1000) / 1000)
  }
  const sorted = [...roundsMs].sort((a, b) => a - b)
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, roundsMs }
}
