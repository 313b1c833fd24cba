import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue } from 'bullmq'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { childEnv, startTsxProcess } from '../tests/support/processes.js'
import { stopProcessGroup } from '../scripts/local-services.js'

/**
 * The real workers process (a child) serves its metrics on WORKERS_METRICS_PORT, never the public port
 * (decision 035): queue depth, job durations and failures after jobs ran, outbox lag, the relay's LISTEN state and
 * the oldest unpaged incident; /healthz for the compose health check; 401 without the bearer token.
 */
const TOKEN = 'metrics-token-for-the-workers-test'
let deps: TestDeps
let workers: ChildProcess
let output: () => string
let queue: Queue

beforeAll(async () => {
  deps = await createTestDeps()
  queue = new Queue('maintenance', { connection: deps.redis.duplicate(), prefix: `${deps.config.REDIS_PREFIX}:bull` })
  const started = startTsxProcess('workers/index.ts', childEnv(deps, { METRICS_TOKEN: TOKEN }))
  workers = started.child
  output = started.output
}, 60_000)

afterAll(async () => {
  if (workers) await stopProcessGroup(workers)
  await queue?.close()
  await deps?.close()
})

async function metricsPort(): Promise<number> {
  await expect.poll(() => output(), { timeout: 30_000 }).toContain('workers metrics listening')
  const line = output()
    .split('\n')
    .find((l) => l.includes('workers metrics listening'))!
  const port = JSON.parse(line).port as number
  expect(port).toBeGreaterThan(0)
  return port
}

describe('the workers metrics listener', { timeout: 90_000 }, () => {
  it('exports job, queue, outbox and crisis metrics after jobs ran, with the bearer token', async () => {
    const port = await metricsPort()
    await expect.poll(() => output(), { timeout: 30_000 }).toContain('workers started')
    await queue.add('groups:materialize', {}, { jobId: 'metrics-ok-1' })
    await queue.add('groups:materialize', { unexpected: true } as never, { jobId: 'metrics-bad-1', attempts: 1 })
    await expect.poll(() => queue.getJobState('metrics-ok-1'), { timeout: 30_000 }).toBe('completed')
    await expect.poll(() => queue.getJobState('metrics-bad-1'), { timeout: 30_000 }).toBe('failed')

    const scrape = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
      expect(response.status).toBe(200)
      return response.text()
    }
    await expect
      .poll(scrape, { timeout: 10_000 })
      .toMatch(/^holdspace_job_duration_seconds_count\{queue="maintenance",outcome="completed"\} [1-9]/m)
    const text = await scrape()
    expect(text).toMatch(/^holdspace_job_duration_seconds_count\{queue="maintenance",outcome="failed"\} 1$/m)
    expect(text).toMatch(/^holdspace_job_failures_total\{queue="maintenance"\} 1$/m)
    expect(text).toMatch(/^# TYPE holdspace_jobs_stalled_total counter$/m)
    expect(text).toMatch(/^holdspace_queue_jobs\{queue="maintenance",state="failed"\} 1$/m)
    expect(text).toMatch(/^holdspace_queue_jobs\{queue="crisis",state="waiting"\} 0$/m)
    expect(text).toMatch(/^holdspace_outbox_pending \d+$/m)
    expect(text).toMatch(/^holdspace_outbox_oldest_pending_seconds [\d.]+$/m)
    expect(text).toMatch(/^holdspace_outbox_listen_state\{state="listening"\} 1$/m)
    expect(text).toMatch(/^holdspace_crisis_oldest_unpaged_seconds [\d.]+$/m)
    expect(text).toMatch(/^holdspace_workers_process_cpu_seconds_total /m)
  })

  it('answers 401 without the token or with a wrong one, and /healthz without one', async () => {
    const port = await metricsPort()
    const none = await fetch(`http://127.0.0.1:${port}/metrics`)
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer')
    expect(await none.text()).not.toContain('holdspace_')
    const wrong = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })
    expect(wrong.status).toBe(401)
    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok' })
    expect((await fetch(`http://127.0.0.1:${port}/elsewhere`)).status).toBe(404)
  })
})
