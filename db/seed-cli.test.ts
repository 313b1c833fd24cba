import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { childEnv, runTsxCommand } from '../tests/support/processes.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

const accounts = async () => (await deps.sql<{ n: number }[]>`select count(*)::int as n from accounts`)[0]!.n

describe('npm run db:seed', () => {
  it('refuses with NODE_ENV=production: one line, exit 1, no demo account created', async () => {
    const run = await runTsxCommand('db/seed-cli.ts', [], childEnv(deps, { NODE_ENV: 'production' }))
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('refuses to run with NODE_ENV=production')])
    expect(await accounts()).toBe(0)
  }, 120_000)

  it('seeds the demo data in development', async () => {
    const run = await runTsxCommand('db/seed-cli.ts', [], childEnv(deps, { NODE_ENV: 'development' }))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('seeded demo data')
    expect(await accounts()).toBeGreaterThan(0)
  }, 120_000)
})
