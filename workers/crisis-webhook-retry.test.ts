import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue, Worker } from 'bullmq'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount, waitUntil } from '../tests/support/crisis-fixtures.js'
import { raiseCrisis } from '../core/crisis/crisis.service.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'
import { createQueueProcessor } from './processors/index.js'

/**
 * A rate-limited webhook receiver (a real local HTTP server answering 429 with Retry-After): the page is retried
 * after the wait it asked for, within the job's attempts, and delivered; never dead-lettered at the first 429.
 */
let deps: TestDeps
let receiver: Server
/** Answers for the next requests, in order: a status and an optional Retry-After. 200 when empty. */
let answers: { status: number; retryAfter?: () => string }[] = []
const requests: { pageId: string; at: number }[] = []
let relay: OutboxRelay
let worker: Worker
let queue: Queue

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      requests.push({ pageId: String(req.headers['x-holdspace-delivery']), at: Date.now() })
      const answer = answers.shift() ?? { status: 200 }
      res.writeHead(answer.status, answer.retryAfter ? { 'retry-after': answer.retryAfter() } : {}).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  deps = await createTestDeps({
    CRISIS_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    CRISIS_WEBHOOK_SECRET: 's'.repeat(40),
  })
  await createAccount(deps, 'admin')
  const prefix = `${deps.config.REDIS_PREFIX}:bull`
  relay = startOutboxRelay({
    sql: deps.sql,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 100,
  })
  worker = new Worker('crisis', createQueueProcessor(deps, 'crisis'), {
    connection: deps.redis.duplicate({ maxRetriesPerRequest: null }),
    prefix,
  })
  worker.on('error', () => {})
  queue = new Queue('crisis', { connection: deps.redis.duplicate(), prefix })
})
afterAll(async () => {
  await relay?.stop()
  await worker?.close()
  await queue?.close()
  await deps?.close()
  await new Promise<void>((r) => receiver?.close(() => r()))
})

async function pageWebhook() {
  const member = await createAccount(deps, 'member')
  const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
  await waitUntil(
    async () => (await deps.sql`select 1 from crisis_pages where incident_id = ${raised.incidentId}`).length === 1,
    15_000,
    'page row',
  )
  const [page] = await deps.sql`select id from crisis_pages where incident_id = ${raised.incidentId}`
  const pageId = page!.id as string
  const job = async () =>
    (await queue.getJobs(['completed', 'failed'])).find((j) => j.name === 'crisis:webhook' && j.data.pageId === pageId)
  await waitUntil(async () => (await job()) !== undefined, 30_000, 'webhook job finished')
  return { raised, pageId, job: (await job())!, mine: requests.filter((r) => r.pageId === pageId) }
}

describe('a paging webhook answering 429 Too Many Requests', { timeout: 60_000 }, () => {
  it('waits the Retry-After seconds, tries again and delivers the page', async () => {
    answers = [{ status: 429, retryAfter: () => '1' }]
    const { pageId, job, mine } = await pageWebhook()
    expect(await job.getState()).toBe('completed')
    expect(mine).toHaveLength(2)
    // Not before the receiver said it would take it again.
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(1_000)
    expect(
      await deps.sql`select status, attempts, last_status_code from crisis_webhook_deliveries where page_id = ${pageId}`,
    ).toEqual([{ status: 'delivered', attempts: 2, last_status_code: 200 }])
    expect(await deps.sql`select 1 from crisis_webhook_dead_letters where page_id = ${pageId}`).toEqual([])
  })

  it('honours Retry-After given as an HTTP date', async () => {
    answers = [
      { status: 429, retryAfter: () => new Date(Date.now() + 2_000).toUTCString() },
      { status: 429, retryAfter: () => '0' },
    ]
    const { pageId, job, mine } = await pageWebhook()
    expect(await job.getState()).toBe('completed')
    expect(mine).toHaveLength(3)
    expect(await deps.sql`select status, attempts from crisis_webhook_deliveries where page_id = ${pageId}`).toEqual([
      { status: 'delivered', attempts: 3 },
    ])
  })

  it('dead-letters the page, with an alarm, when the receiver still refuses after all the job’s attempts', async () => {
    answers = Array.from({ length: 20 }, () => ({ status: 429, retryAfter: () => '0' }))
    const { raised, pageId, job, mine } = await pageWebhook()
    answers = []
    expect(await job.getState()).toBe('failed')
    expect(mine).toHaveLength(job.opts.attempts!)
    expect(
      await deps.sql`select status_code, reason from crisis_webhook_dead_letters where page_id = ${pageId}`,
    ).toEqual([{ status_code: 429, reason: `answered 429 after ${job.opts.attempts} attempts` }])
    expect(
      await deps.sql`select kind from alarms where incident_id = ${raised.incidentId} and cleared_at is null`,
    ).toEqual([{ kind: 'webhook_dead_letter' }])
  })
})
