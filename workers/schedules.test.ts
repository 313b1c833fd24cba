import { Queue } from 'bullmq'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { startSchedules } from './schedules.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

it('registers every timed job once, even when two workers processes start', async () => {
  const first = await startSchedules(deps)
  const second = await startSchedules(deps)
  await first.stop()
  await second.stop()
  const found: Array<{ name: string; every: number | null }> = []
  for (const queueName of ['maintenance', 'reminders']) {
    const connection = deps.redis.duplicate({ maxRetriesPerRequest: null })
    const queue = new Queue(queueName, { connection, prefix: `${deps.config.REDIS_PREFIX}:bull` })
    for (const scheduler of await queue.getJobSchedulers())
      found.push({ name: scheduler.name, every: Number(scheduler.every ?? null) })
    await queue.close()
    connection.disconnect()
  }
  expect(found.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
    { name: 'groups:materialize', every: 6 * 3_600_000 },
    { name: 'retention:purge', every: 24 * 3_600_000 },
    { name: 'selfcare:reminder-sweep', every: 5 * 60_000 },
  ])
})
