import type { ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { childEnv, startTsxProcess } from '../tests/support/processes.js'
import { createAccount, waitUntil, type TestAccount } from '../tests/support/crisis-fixtures.js'
import { stopProcessGroup } from '../scripts/local-services.js'
import { raiseCrisis } from '../core/crisis/crisis.service.js'

/**
 * A crisis worker killed (SIGKILL, a real child process) in the middle of a page — after the
 * console was told, before the email — is restarted: the clinician ends up paged exactly once on
 * every channel.
 */
let deps: TestDeps
let webhook: Server
let webhookUrl = ''
const webhookRequests: string[] = []
let subscriber: Redis
const consolePages: string[] = []
let clinician: TestAccount
const children: ChildProcess[] = []

beforeAll(async () => {
  webhook = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      webhookRequests.push(body)
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r))
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`
  deps = await createTestDeps({ CRISIS_WEBHOOK_URL: webhookUrl, CRISIS_WEBHOOK_SECRET: 'k'.repeat(40) })
  clinician = await createAccount(deps, 'admin')
  subscriber = deps.redis.duplicate()
  await subscriber.psubscribe(`${deps.config.REDIS_PREFIX}:socket.io#/#clinicians#`)
  subscriber.on('pmessage', (_p, _c, message) => {
    if (message.includes('incident:paged')) consolePages.push(message)
  })
})
afterAll(async () => {
  for (const child of children) await stopProcessGroup(child, 'SIGKILL')
  subscriber?.disconnect()
  await deps?.close()
  await new Promise<void>((r) => webhook?.close(() => r()))
})

function startWorker(pause: boolean): { child: ChildProcess; output: () => string } {
  const started = startTsxProcess(
    'tests/support/crisis-worker.ts',
    childEnv(deps, {
      CRISIS_WEBHOOK_URL: webhookUrl,
      CRISIS_WEBHOOK_SECRET: 'k'.repeat(40),
      LOG_LEVEL: 'silent',
      HOLDSPACE_TEST_PAUSE_AFTER_CONSOLE: pause ? '1' : '0',
    }),
  )
  children.push(started.child)
  return started
}

describe('a crisis worker killed mid-page', { timeout: 90_000 }, () => {
  it('pages the clinician exactly once on every channel after a restart', async () => {
    const first = startWorker(true)
    await waitUntil(() => first.output().includes('READY'), 30_000, 'first worker ready')

    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    await waitUntil(() => first.output().includes('PAUSED'), 20_000, 'page paused after the console emit')
    await waitUntil(() => consolePages.length === 1, 5_000, 'console page')
    expect(deps.mail.mails.filter((m) => m.to.includes(clinician.email!))).toHaveLength(0)

    await stopProcessGroup(first.child, 'SIGKILL')
    expect(first.child.signalCode).toBe('SIGKILL')

    const second = startWorker(false)
    await waitUntil(() => second.output().includes('READY'), 30_000, 'second worker ready')
    // The interrupted job is stalled, picked up again, and finishes only what was not done.
    const queue = new Queue('crisis', {
      connection: deps.redis.duplicate(),
      prefix: `${deps.config.REDIS_PREFIX}:bull`,
    })
    const [pageRow] = await deps.sql`select id from crisis_pages where incident_id = ${raised.incidentId}`
    await waitUntil(
      async () => {
        const jobs = await queue.getJobs(['completed'])
        return jobs.some((j) => j.name === 'crisis:page') && jobs.some((j) => j.name === 'crisis:webhook')
      },
      45_000,
      'page and webhook jobs completed',
    )
    await queue.close()

    expect(deps.mail.mails.filter((m) => m.to.includes(clinician.email!))).toHaveLength(1)
    expect(webhookRequests).toHaveLength(1)
    expect(JSON.parse(webhookRequests[0]!)).toMatchObject({ incidentId: raised.incidentId, pageId: pageRow!.id })
    expect(consolePages).toHaveLength(1)
    const pages =
      await deps.sql`select console_sent_at, followups_enqueued_at from crisis_pages where incident_id = ${raised.incidentId}`
    expect(pages).toHaveLength(1)
    const [recipient] = await deps.sql`select email_sent_at from crisis_page_recipients where page_id = ${pageRow!.id}`
    expect(recipient!.email_sent_at).not.toBeNull()
  })
})
