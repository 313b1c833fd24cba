import path from 'node:path'
import { rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount, waitUntil } from '../tests/support/crisis-fixtures.js'
import { startRedis } from '../scripts/local-services.js'
import { createRealtimePublisher } from '../core/realtime/realtime.publisher.js'
import type { CoreDeps } from '../core/deps.js'
import { raiseCrisis, crisisCardFor } from '../core/crisis/crisis.service.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'
import { createQueueProcessor } from './processors/index.js'

/**
 * Redis is stopped when a member asks for help: the incident is durable in PostgreSQL at once and
 * the member's card needs no Redis; when Redis returns, the clinician is paged within seconds.
 * Uses a redis-server of its own so it can be stopped.
 */
let base: TestDeps
let deps: CoreDeps
let redisServer: Awaited<ReturnType<typeof startRedis>>
let redis: Redis
let relay: OutboxRelay
let worker: Worker
const dataDir = path.resolve('.data/test', `crisis-redis-${randomBytes(4).toString('hex')}`)

beforeAll(async () => {
  base = await createTestDeps()
  redisServer = await startRedis({ dataDir, persist: true })
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 })
  redis.on('error', () => {})
  deps = { ...base, redis, realtime: createRealtimePublisher(redis, base.config.REDIS_PREFIX) }
  relay = startOutboxRelay({ sql: deps.sql, redis, prefix: base.config.REDIS_PREFIX, log: deps.log, pollMs: 200 })
  const connection = redis.duplicate({ maxRetriesPerRequest: null })
  connection.on('error', () => {})
  worker = new Worker('crisis', createQueueProcessor(deps, 'crisis'), {
    connection,
    prefix: `${base.config.REDIS_PREFIX}:bull`,
  })
  worker.on('error', () => {})
  await worker.waitUntilReady()
})
afterAll(async () => {
  await relay?.stop()
  await worker?.close(true).catch(() => {})
  redis?.disconnect()
  await redisServer?.stop()
  await base?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('a crisis raised while Redis is down', { timeout: 90_000 }, () => {
  it('is durable at once and paged within seconds of Redis returning', async () => {
    const clinician = await createAccount(base, 'admin')
    const member = await createAccount(base, 'member')
    await redisServer.stop()

    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const card = crisisCardFor(raised, 'GB')
    expect(card.local.map((l) => l.phone)).toEqual(['116 123'])
    const [incident] =
      await deps.sql`select status, first_paged_at from crisis_incidents where id = ${raised.incidentId}`
    expect(incident).toMatchObject({ status: 'open', first_paged_at: null })
    const pending =
      await deps.sql`select job_name from outbox where sent_at is null and payload->>'incidentId' = ${raised.incidentId}`
    expect(pending).toEqual([{ job_name: 'crisis:page' }])

    redisServer = await startRedis({ dataDir, persist: true, port: redisServer.port })
    await waitUntil(
      async () => {
        const [row] = await deps.sql`select first_paged_at from crisis_incidents where id = ${raised.incidentId}`
        return row!.first_paged_at !== null
      },
      20_000,
      'paged after Redis returned',
    )
    await waitUntil(() => base.mail.mails.some((m) => m.to.includes(clinician.email!)), 10_000, 'page email')
    expect(base.mail.mails.filter((m) => m.to.includes(clinician.email!))).toHaveLength(1)
  })
})
