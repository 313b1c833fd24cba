import { randomBytes, randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import path from 'node:path'
import type { AppLoadContext } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../core/errors.js'
import { createRequestPathRedis } from '../../core/runtime.js'
import { startRedis } from '../../scripts/local-services.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createOnce } from './form-token.server'

/**
 * createOnce on a redis-server of its own (decision 049): one run per token, form and account; a failed run gives the
 * token back; while Redis does not answer (the process stopped with SIGSTOP) the form is stored, not refused.
 */
const dataDir = path.resolve('.data/test', `form-token-${process.pid}-${randomBytes(3).toString('hex')}`)
let base: TestDeps
let redis: Awaited<ReturnType<typeof startRedis>>
let context: AppLoadContext

beforeAll(async () => {
  base = await createTestDeps()
  redis = await startRedis({ dataDir, persist: false })
  const client = createRequestPathRedis(redis.url)
  client.on('error', () => {})
  context = { deps: { ...base, redis: client } } as unknown as AppLoadContext
}, 60_000)

afterAll(async () => {
  try {
    process.kill(redis.process.pid!, 'SIGCONT')
  } catch {
    /* already gone */
  }
  context?.deps.redis.disconnect()
  await redis?.stop().catch(() => {})
  await base?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const formWith = (formToken: string) => {
  const form = new FormData()
  form.set('formToken', formToken)
  return form
}

describe('createOnce', () => {
  it('runs once per token, form and account; a failed run gives the token back', async () => {
    const token = randomUUID()
    let runs = 0
    const create = async () => ++runs
    expect(await createOnce(context, 'account-a', 'journal:new', formWith(token), create)).toEqual({ created: 1 })
    expect(await createOnce(context, 'account-a', 'journal:new', formWith(token), create)).toEqual({ resent: true })
    // Another form or another account with the same token is a different claim.
    expect(await createOnce(context, 'account-a', 'goal:new', formWith(token), create)).toEqual({ created: 2 })
    expect(await createOnce(context, 'account-b', 'journal:new', formWith(token), create)).toEqual({ created: 3 })

    const refused = randomUUID()
    await expect(
      createOnce(context, 'account-a', 'journal:new', formWith(refused), async () => {
        throw new AppError('VALIDATION_FAILED')
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(await createOnce(context, 'account-a', 'journal:new', formWith(refused), create)).toEqual({ created: 4 })
  })

  it('stores the form while Redis does not answer, and guards again once it does', async () => {
    const token = randomUUID()
    let runs = 0
    const create = async () => ++runs
    process.kill(redis.process.pid!, 'SIGSTOP')
    try {
      expect(await createOnce(context, 'account-c', 'mood:check-in', formWith(token), create)).toEqual({ created: 1 })
    } finally {
      process.kill(redis.process.pid!, 'SIGCONT')
    }
    await expect.poll(() => context.deps.redis.ping(), { timeout: 30_000 }).toBe('PONG')
    const next = randomUUID()
    expect(await createOnce(context, 'account-c', 'mood:check-in', formWith(next), create)).toEqual({ created: 2 })
    expect(await createOnce(context, 'account-c', 'mood:check-in', formWith(next), create)).toEqual({ resent: true })
  }, 60_000)
})
