/**
 * One write per turn on a real Redis: the commands issued in one turn of the event loop reach the connection in
 * one write, answered in order with the right replies; a client still connecting (offline queue) works as before.
 */
import { randomBytes } from 'node:crypto'
import type { Writable } from 'node:stream'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { coalesceRedisWrites } from './redis-writes.js'

const clients: Redis[] = []
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => {})))
})

async function readyClient(): Promise<Redis> {
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 3 })
  clients.push(redis)
  await redis.ping()
  return redis
}

/** How many writes (`_write` or `_writev`, each one system call) reach the client's connection while `run` runs. */
async function writesDuring(redis: Redis, run: () => Promise<unknown>): Promise<number> {
  const connection = (redis as unknown as { stream: Writable & Record<string, unknown> }).stream
  let writes = 0
  const write = connection._write as (...a: unknown[]) => void
  const writev = connection._writev as ((...a: unknown[]) => void) | undefined
  connection._write = function (this: Writable, ...a: unknown[]) {
    writes += 1
    return write.apply(this, a)
  }
  connection._writev = function (this: Writable, ...a: unknown[]) {
    writes += 1
    return writev!.apply(this, a)
  }
  try {
    await run()
    return writes
  } finally {
    connection._write = write
    connection._writev = writev
  }
}

const key = () => `rw:${randomBytes(6).toString('hex')}`

describe('coalesceRedisWrites', () => {
  it('sends the commands of one turn in one write, in order, each with its own reply', async () => {
    const redis = coalesceRedisWrites(await readyClient())
    const k = key()
    let replies: unknown[] = []
    const writes = await writesDuring(redis, async () => {
      replies = await Promise.all([
        redis.set(k, '1'),
        redis.incr(k),
        redis.incrby(k, 5),
        redis.get(k),
        redis.mget(k, `${k}:none`),
        redis.del(k),
      ])
    })
    expect(replies).toEqual(['OK', 2, 7, '7', ['7', null], 1])
    expect(writes).toBe(1)
  })

  it('commands of separate turns are each written in their turn', async () => {
    const redis = coalesceRedisWrites(await readyClient())
    const k = key()
    const writes = await writesDuring(redis, async () => {
      await redis.set(k, 'a')
      await redis.append(k, 'b')
      expect(await redis.get(k)).toBe('ab')
    })
    expect(writes).toBe(3)
  })

  it('without it, each command is its own write (what the coalescing saves)', async () => {
    const redis = await readyClient()
    const k = key()
    const writes = await writesDuring(redis, () => Promise.all([redis.set(k, '1'), redis.incr(k), redis.get(k)]))
    expect(writes).toBe(3)
  })

  it('a client still connecting queues its commands as before and answers them once ready', async () => {
    const redis = coalesceRedisWrites(new Redis(inject('redisUrl'), { maxRetriesPerRequest: 3 }))
    clients.push(redis)
    const k = key()
    expect(await Promise.all([redis.set(k, 'x'), redis.get(k), redis.del(k)])).toEqual(['OK', 'x', 1])
    expect(coalesceRedisWrites(redis)).toBe(redis)
  })
})
