/**
 * The retention:purge job as the workers process runs it (its processor, real BullMQ queues in a real Redis): finished
 * jobs older than RETENTION_JOB_DAYS go from every queue, newer ones and waiting ones stay, and a second run removes
 * nothing more.
 */
import { Queue, Worker, type Job } from 'bullmq'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createQueueProcessor } from './processors/index.js'

const DAY = 86_400_000

let deps: TestDeps
let queue: Queue
beforeAll(async () => {
  deps = await createTestDeps({ RETENTION_JOB_DAYS: '7' })
  queue = new Queue('notifications', {
    connection: deps.redis.duplicate({ maxRetriesPerRequest: null }),
    prefix: `${deps.config.REDIS_PREFIX}:bull`,
  })
})
afterAll(async () => {
  await queue.close()
  await deps.close()
})

const purge = () =>
  createQueueProcessor(deps, 'maintenance')({ name: 'retention:purge', data: {} } as Job) as Promise<{ jobs: number }>

it('cleans finished jobs past the retention period from every queue, and only those', async () => {
  for (const id of ['one', 'two', 'three']) await queue.add(`test:${id}`, {}, { jobId: id })
  // Delayed for two months: never finished, never cleaned.
  const waiting = await queue.add('test:waiting', {}, { jobId: 'waiting', delay: 60 * DAY })
  // A stand-in consumer that completes two and fails one (no retries).
  const worker = new Worker(
    'notifications',
    async (job) => {
      if (job.id === 'three') throw new Error('permanent')
      return 'done'
    },
    {
      connection: deps.redis.duplicate({ maxRetriesPerRequest: null }),
      prefix: `${deps.config.REDIS_PREFIX}:bull`,
      autorun: false,
    },
  )
  void worker.run()
  await expect
    .poll(async () => await queue.getJobCounts('completed', 'failed'), { timeout: 10_000 })
    .toEqual({ completed: 2, failed: 1 })
  await worker.close()

  // Age "one" (completed) and "three" (failed) to eight days ago, as if they had finished then.
  const old = Date.now() - 8 * DAY
  const key = (suffix: string) => `${deps.config.REDIS_PREFIX}:bull:notifications:${suffix}`
  await deps.redis.zadd(key('completed'), old, 'one')
  await deps.redis.zadd(key('failed'), old, 'three')
  for (const id of ['one', 'three']) await deps.redis.hset(key(id), 'finishedOn', String(old))

  expect((await purge()).jobs).toBe(2)
  expect((await queue.getCompleted()).map((j) => j.id)).toEqual(['two'])
  expect(await queue.getFailed()).toEqual([])
  expect((await queue.getJob(waiting.id!))?.id).toBe('waiting')

  // Nothing more is due: a second run removes nothing.
  expect((await purge()).jobs).toBe(0)
  expect(await queue.getJobCounts('completed', 'failed', 'delayed')).toEqual({ completed: 1, failed: 0, delayed: 1 })
})
