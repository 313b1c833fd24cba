import path from 'node:path'
import { rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue, Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import { createTestDatabase } from '../tests/support/database.js'
import { createLogger } from '../core/log/logger.js'
import { enqueueOutbox } from '../core/outbox/outbox.queries.js'
import { startRedis } from '../scripts/local-services.js'
import type { Sql } from '../db/client.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'

/**
 * The relay against a redis-server of its own (so it can be stopped and restarted) and a real database.
 * "Delivered" means: present as a BullMQ job whose id is the outbox id.
 */
let sql: Sql
let dropDb: () => Promise<void>
let redisServer: Awaited<ReturnType<typeof startRedis>>
let redis: Redis
const prefix = `t${randomBytes(4).toString('hex')}`
const log = createLogger({ level: 'silent' })
const dataDir = path.resolve('.data/test', `relay-${randomBytes(4).toString('hex')}`)

beforeAll(async () => {
  const db = await createTestDatabase()
  sql = db.sql
  dropDb = db.drop
  redisServer = await startRedis({ dataDir, persist: true })
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 })
  redis.on('error', () => {})
})
afterAll(async () => {
  redis.disconnect()
  await redisServer.stop()
  await dropDb()
  rmSync(dataDir, { recursive: true, force: true })
})

async function addResets(n: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    ids.push(
      await sql.begin((tx) =>
        enqueueOutbox(tx, 'password-reset:send', { accountId: crypto.randomUUID(), requestId: crypto.randomUUID() }),
      ),
    )
  }
  return ids
}

async function jobIds(): Promise<string[]> {
  const queue = new Queue('notifications', { connection: redis, prefix: `${prefix}:bull` })
  const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'])
  await queue.close()
  return jobs.map((j) => j.id!).sort()
}

const until = async (check: () => Promise<boolean>, ms = 15_000) => {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('condition not met in time')
}
const pending = async () => (await sql`select count(*)::int as n from outbox where sent_at is null`)[0]!.n as number

function relay(pollMs = 100_000): OutboxRelay {
  return startOutboxRelay({ sql, redis, prefix, log, pollMs })
}

describe('outbox relay', () => {
  it('wakes on NOTIFY and moves each row to BullMQ once, with the outbox id as job id', async () => {
    const r = relay() // polling effectively off: only LISTEN/NOTIFY can wake it
    await new Promise((res) => setTimeout(res, 200))
    const ids = await addResets(5)
    await until(async () => (await pending()) === 0)
    expect(await jobIds()).toEqual([...ids].sort())
    await r.stop()
  })

  it('delivers every row exactly once across a relay restart, even when a row is re-sent', async () => {
    const before = await jobIds()
    const first = relay()
    const ids = await addResets(20)
    await first.stop()
    // Simulate a relay that died after Redis accepted rows but before Postgres marked them sent.
    await sql`update outbox set sent_at = null where id = any(${ids.slice(0, 10)}::uuid[])`
    const second = relay(100)
    await until(async () => (await pending()) === 0)
    await second.stop()
    const after = await jobIds()
    expect(after.length - before.length).toBe(20)
    expect(new Set(after).size).toBe(after.length)
    for (const id of ids) expect(after).toContain(id)
  })

  it('keeps rows while Redis is stopped and sends them exactly once when it returns', async () => {
    const before = await jobIds()
    const r = relay(100)
    await redisServer.stop()
    const ids = await addResets(8)
    await new Promise((res) => setTimeout(res, 1_000))
    expect(await pending()).toBe(8)
    const [row] = await sql`select attempts, last_error from outbox where id = ${ids[0]!}`
    expect(row!.attempts).toBe(0)
    // Redis comes back on the same port with its append-only file.
    redisServer = await startRedis({ dataDir, persist: true, port: redisServer.port })
    await until(async () => (await pending()) === 0, 30_000)
    await r.stop()
    const after = await jobIds()
    expect(after.length - before.length).toBe(8)
    for (const id of ids) expect(after).toContain(id)
  })

  it('hands jobs to a worker that sees only ids in the payload', async () => {
    const seen: Job[] = []
    const worker = new Worker('notifications', async (job) => void seen.push(job), {
      connection: redis.duplicate({ maxRetriesPerRequest: null }),
      prefix: `${prefix}:bull`,
    })
    const r = relay(100)
    const [id] = await addResets(1)
    await until(async () => seen.some((j) => j.id === id))
    const job = seen.find((j) => j.id === id)!
    expect(Object.keys(job.data).sort()).toEqual(['accountId', 'requestId'])
    await r.stop()
    await worker.close()
  })
})
