import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Queue } from 'bullmq'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { childEnv, startTsxProcess } from '../tests/support/processes.js'
import { stopProcessGroup } from '../scripts/local-services.js'
import { createMetrics } from '../server/metrics.js'

/**
 * A job whose data is not JSON — written straight into BullMQ's Redis keys, as a broken producer would — is failed
 * once by the real workers process (a child process) and dead-lettered: one error line with the queue and job id, an
 * open `job_dead_letter` alarm, the job in the failed set with one attempt. Before, BullMQ's fetch threw on the data,
 * the job stayed active, and the stalled check handed it back every 30 s forever.
 */
let deps: TestDeps
let workers: ChildProcess
let output: () => string
let queue: Queue

beforeAll(async () => {
  deps = await createTestDeps()
  queue = new Queue('notifications', { connection: deps.redis.duplicate(), prefix: `${deps.config.REDIS_PREFIX}:bull` })
  const started = startTsxProcess('workers/index.ts', childEnv(deps))
  workers = started.child
  output = started.output
}, 60_000)

afterAll(async () => {
  if (workers) await stopProcessGroup(workers)
  await queue?.close()
  await deps?.close()
})

describe('a job whose data is not JSON', { timeout: 60_000 }, () => {
  it('is failed once, dead-lettered with one log line and an alarm, and never retried', async () => {
    await expect.poll(() => output(), { timeout: 30_000 }).toContain('workers started')
    // Parked as a delayed job first, so the workers cannot take it before its data is broken.
    const added = await queue.add(
      'password-reset:send',
      { accountId: '00000000-0000-4000-8000-000000000002', requestId: '00000000-0000-4000-8000-000000000001' },
      { delay: 3_600_000, jobId: 'broken-1', attempts: 10 },
    )
    const jobKey = `${deps.config.REDIS_PREFIX}:bull:notifications:${added.id}`
    await deps.redis.hset(jobKey, 'data', '{"requestId": "00000000-0000-4000-8000-0000000')
    await added.promote()

    await expect.poll(() => queue.getJobState('broken-1'), { timeout: 20_000 }).toBe('failed')
    const hash = await deps.redis.hgetall(jobKey)
    expect(hash.data).toBe('{"requestId": "00000000-0000-4000-8000-0000000') // kept as it was, for inspection
    expect(hash.failedReason).toBe('dead-lettered: corrupt_data')
    expect(Number(hash.atm)).toBe(1)
    expect(Number(hash.ats ?? 1)).toBe(1)

    expect(await deps.sql`select dedup_key from alarms where kind = 'job_dead_letter' and cleared_at is null`).toEqual([
      { dedup_key: 'job_dead_letter:notifications:broken-1' },
    ])
    // The alarm metric the server exports counts it.
    expect(await createMetrics(deps.sql).registry.metrics()).toMatch(
      /^holdspace_alarms_open\{kind="job_dead_letter"\} 1$/m,
    )
    const lines = output()
      .split('\n')
      .filter((l) => l.includes('broken-1'))
    expect(lines).toHaveLength(1)
    const line = JSON.parse(lines[0]!)
    expect(line).toMatchObject({
      level: 50,
      msg: 'job dead-lettered',
      queue: 'notifications',
      jobId: 'broken-1',
      reason: 'corrupt_data',
    })
    expect(output()).not.toMatch(/SyntaxError|Unexpected end of JSON|\n\s+at /)
    expect(await queue.getJobCounts('active', 'wait', 'delayed', 'failed')).toEqual({
      active: 0,
      wait: 0,
      delayed: 0,
      failed: 1,
    })
  })

  it("dead-letters a payload that is JSON but not the job's contract the same way, once", async () => {
    await expect.poll(() => output(), { timeout: 30_000 }).toContain('workers started')
    await queue.add('password-reset:send', { message: 'never text in a job' } as never, {
      jobId: 'bad-shape-1',
      attempts: 10,
    })
    await expect.poll(() => queue.getJobState('bad-shape-1'), { timeout: 20_000 }).toBe('failed')
    const job = await queue.getJob('bad-shape-1')
    expect(job).toMatchObject({ failedReason: 'dead-lettered: invalid_payload', attemptsMade: 1 })
    expect(
      await deps.sql`select 1 from alarms where dedup_key = 'job_dead_letter:notifications:bad-shape-1'`,
    ).toHaveLength(1)
    const lines = output()
      .split('\n')
      .filter((l) => l.includes('bad-shape-1'))
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, msg: 'job dead-lettered', reason: 'invalid_payload' })
    expect(output()).not.toContain('never text in a job')
  })
})
