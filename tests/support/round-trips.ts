import type { Redis } from 'ioredis'
import postgres from 'postgres'
import type { Sql } from '../../db/client.js'

/**
 * Numbers the turns of the event loop: the function answers the current turn's number, a new one once the previous
 * turn has ended. What a path sends in one turn leaves in one write (postgres.js pipelines a transaction's queries,
 * ioredis writes a turn's commands together), so the turns that sent something are its round trips. `reset` starts
 * the numbering again from the next turn.
 */
export function createTurnCounter(): (() => number) & { reset: () => void } {
  let turn = 0
  let turnOpen = false
  const current = () => {
    if (!turnOpen) {
      turnOpen = true
      turn++
      setImmediate(() => (turnOpen = false))
    }
    return turn
  }
  return Object.assign(current, { reset: () => void (turn = 0) })
}

/** A pool on the test's database that tells `onQuery` every statement it sends, whitespace folded. */
export function countingPool(databaseUrl: string, onQuery: (query: string) => void, max = 1): Sql {
  return postgres(databaseUrl, {
    max,
    onnotice: () => {},
    transform: { undefined: null },
    debug: (_connection: number, query: string) => onQuery(query.replace(/\s+/g, ' ').trim()),
  }) as unknown as Sql
}

/**
 * The commands `redis` sent while `run` ran, in order, each with the turn of the event loop it left in (`turnOf`, by
 * default a counter of its own; give the test's own counter to compare with other clients' turns).
 */
export async function redisCommandsDuring(
  redis: Redis,
  run: () => Promise<unknown>,
  turnOf: () => number = createTurnCounter(),
): Promise<Array<{ name: string; turn: number }>> {
  const seen: Array<{ name: string; turn: number }> = []
  const send = redis.sendCommand
  redis.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
    seen.push({ name: args[0].name, turn: turnOf() })
    return send.apply(this, args)
  }
  try {
    await run()
    return seen
  } finally {
    redis.sendCommand = send
  }
}
