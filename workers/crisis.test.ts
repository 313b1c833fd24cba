import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue, Worker } from 'bullmq'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount, waitUntil, type TestAccount } from '../tests/support/crisis-fixtures.js'
import { raiseCrisis } from '../core/crisis/crisis.service.js'
import { deliverCrisisWebhook, pageIncident } from '../core/crisis/crisis.paging.js'
import { startOutboxRelay, type OutboxRelay } from './outbox-relay.js'
import { createQueueProcessor } from './processors/index.js'

/**
 * The crisis worker through real BullMQ (relay → queue → processor) against a local HTTP server
 * standing in for the webhook receiver and the local SMTP server from createTestDeps.
 */
const SECRET = 'webhook-secret-'.repeat(3)
let deps: TestDeps
let receiver: Server
const requests: { headers: IncomingHttpHeaders; body: string }[] = []
/** Status codes the receiver answers with, in order; 200 when empty. */
let answers: number[] = []
let relay: OutboxRelay
let worker: Worker
let queue: Queue
let supervisor: TestAccount

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      requests.push({ headers: req.headers, body })
      const answer = answers.shift() ?? 200
      if (answer === 0) return // never answer: the sender times out
      res.writeHead(answer).end()
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/holdspace`
  deps = await createTestDeps({ CRISIS_WEBHOOK_URL: url, CRISIS_WEBHOOK_SECRET: SECRET })
  // No policy configured: the fallback pages every admin.
  supervisor = await createAccount(deps, 'admin')
  const prefix = `${deps.config.REDIS_PREFIX}:bull`
  relay = startOutboxRelay({
    sql: deps.sql,
    redis: deps.redis,
    prefix: deps.config.REDIS_PREFIX,
    log: deps.log,
    pollMs: 100,
  })
  const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
  worker = new Worker('crisis', createQueueProcessor(deps, 'crisis'), { connection, prefix })
  queue = new Queue('crisis', { connection: deps.redis.duplicate(), prefix })
})
afterAll(async () => {
  await relay?.stop()
  await worker?.close()
  await queue?.close()
  await deps?.close()
  await new Promise<void>((r) => receiver?.close(() => r()))
})

async function pageIdOf(incidentId: string) {
  await waitUntil(
    async () => (await deps.sql`select 1 from crisis_pages where incident_id = ${incidentId}`).length === 1,
    15_000,
    'page row',
  )
  return (await deps.sql`select id from crisis_pages where incident_id = ${incidentId}`)[0]!.id as string
}

const webhookJob = async (pageId: string) =>
  (await queue.getJobs(['completed', 'failed'])).find((j) => j.name === 'crisis:webhook' && j.data.pageId === pageId)

describe('crisis pages through BullMQ', { timeout: 60_000 }, () => {
  it('emails the on-call clinician through SMTP, nothing sensitive', async () => {
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    await waitUntil(() => deps.mail.mails.some((m) => m.to.includes(supervisor.email!)), 15_000, 'page email')
    const mail = deps.mail.mails.find((m) => m.to.includes(supervisor.email!))!
    expect(mail.subject).toBe('You have an urgent Holdspace alert')
    expect(mail.text).toContain(`${deps.config.publicUrl}/console/incidents/${raised.incidentId}`)
    expect(mail.raw).not.toContain(raised.memberLabel)
    expect(mail.raw).not.toContain(member.email!)
    // The climb is scheduled: a delayed escalate job waits for the acknowledgement timeout.
    const delayed = await queue.getJobs(['delayed'])
    expect(delayed.some((j) => j.name === 'crisis:escalate' && j.data.incidentId === raised.incidentId)).toBe(true)
    // Let this page's webhook finish so it cannot take the answers scripted for the next test.
    const pageId = await pageIdOf(raised.incidentId)
    await waitUntil(async () => (await webhookJob(pageId))?.finishedOn !== undefined, 20_000, 'webhook job finished')
  })

  it('retries the webhook on 5xx with backoff and delivers it once, signed', async () => {
    answers = [500, 503]
    const before = requests.length
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const pageId = await pageIdOf(raised.incidentId)
    await waitUntil(async () => (await webhookJob(pageId))?.finishedOn !== undefined, 20_000, 'webhook job finished')
    const job = (await webhookJob(pageId))!
    expect(await job.getState()).toBe('completed')
    expect(job.attemptsMade).toBe(3)
    const mine = requests.slice(before).filter((r) => r.headers['x-holdspace-delivery'] === pageId)
    expect(mine).toHaveLength(3)
    for (const { headers, body } of mine) {
      const timestamp = String(headers['x-holdspace-timestamp'])
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`
      expect(headers['x-holdspace-signature']).toBe(expected)
      expect(headers['x-holdspace-delivery']).toBe(pageId)
      expect(Object.keys(JSON.parse(body)).sort()).toEqual([
        'consoleUrl',
        'escalationLevel',
        'incidentId',
        'level',
        'pageId',
        'repeat',
        'type',
      ])
      expect(body).not.toContain(member.accountId)
      expect(body).not.toContain(raised.memberLabel)
    }
    const [delivery] = await deps.sql`select status, attempts from crisis_webhook_deliveries where page_id = ${pageId}`
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 })
  })

  it('dead-letters a 4xx at once, with an alarm, and never retries it', async () => {
    answers = [410]
    const before = requests.length
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const pageId = await pageIdOf(raised.incidentId)
    await waitUntil(async () => (await webhookJob(pageId))?.finishedOn !== undefined, 20_000, 'webhook job finished')
    const job = (await webhookJob(pageId))!
    expect(await job.getState()).toBe('failed')
    expect(job.attemptsMade).toBe(1)
    expect(requests.slice(before).filter((r) => r.headers['x-holdspace-delivery'] === pageId)).toHaveLength(1)
    expect(await deps.sql`select status_code from crisis_webhook_dead_letters where page_id = ${pageId}`).toEqual([
      { status_code: 410 },
    ])
    expect(
      await deps.sql`select kind from alarms where incident_id = ${raised.incidentId} and cleared_at is null`,
    ).toEqual([{ kind: 'webhook_dead_letter' }])
    expect(
      deps.logLines.some(
        (l) => l.includes('"level":50') && l.includes('crisis webhook dead-lettered') && l.includes(pageId),
      ),
    ).toBe(true)
  })

  it('treats a receiver that does not answer in time as retryable, and dead-letters it on the last attempt', async () => {
    const member = await createAccount(deps, 'member')
    // Paged with the worker out of the way, so the webhook is driven here attempt by attempt.
    await worker.pause()
    try {
      const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
      await waitUntil(
        async () => (await deps.sql`select 1 from outbox where sent_at is null`).length === 0,
        15_000,
        'relayed',
      )
      await pageIncident(deps, { incidentId: raised.incidentId, level: 0, repeat: 0 })
      const pageId = await pageIdOf(raised.incidentId)
      answers = [0, 0]
      await expect(deliverCrisisWebhook(deps, { pageId }, { number: 1, max: 2 }, { timeoutMs: 300 })).rejects.toThrow(
        /timeout/,
      )
      expect((await deps.sql`select status from crisis_webhook_deliveries where page_id = ${pageId}`)[0]!.status).toBe(
        'pending',
      )
      expect(await deliverCrisisWebhook(deps, { pageId }, { number: 2, max: 2 }, { timeoutMs: 300 })).toBe('dead')
      expect(await deps.sql`select reason from crisis_webhook_dead_letters where page_id = ${pageId}`).toEqual([
        { reason: 'timeout after 2 attempts' },
      ])
      // A later duplicate of the job does nothing.
      expect(await deliverCrisisWebhook(deps, { pageId }, { number: 1, max: 2 }, { timeoutMs: 300 })).toBe('skipped')
    } finally {
      worker.resume()
    }
  })
})
