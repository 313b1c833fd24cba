import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount } from '../tests/support/crisis-fixtures.js'
import { afterCommit, transaction } from './after-commit.js'
import { raiseCrisisInTransaction } from './crisis/crisis.service.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

const incidentsOf = async (accountId: string) =>
  (
    await deps.sql<
      { n: number }[]
    >`select count(*)::int as n from crisis_incidents where member_account_id = ${accountId}`
  )[0]!.n

describe('the after-commit queue', () => {
  it('announces exactly once after COMMIT, in the order registered, and only once the rows are visible', async () => {
    const member = await createAccount(deps, 'member')
    const announced: string[] = []
    const seen: number[] = []
    await transaction(deps, async (tx) => {
      afterCommit(tx, () => announced.push('first'))
      afterCommit(tx, async () => {
        // Another connection sees the committed row when the announcement runs.
        seen.push(await incidentsOf(member.accountId))
        announced.push('second')
      })
      await raiseCrisisInTransaction(tx, deps, { memberAccountId: member.accountId, source: 'message', level: 'high' })
      // Nothing is announced while the transaction is open.
      expect(announced).toEqual([])
    })
    // The raise registered its own announcement (the console); the two here ran once each, in order.
    expect(announced).toEqual(['first', 'second'])
    expect(seen).toEqual([1])
  })

  it('announces nothing when the transaction rolls back', async () => {
    const member = await createAccount(deps, 'member')
    const announced: string[] = []
    await expect(
      transaction(deps, async (tx) => {
        afterCommit(tx, () => announced.push('raised'))
        await raiseCrisisInTransaction(tx, deps, {
          memberAccountId: member.accountId,
          source: 'message',
          level: 'high',
        })
        throw new Error('message insert failed')
      }),
    ).rejects.toThrow('message insert failed')
    expect(announced).toEqual([])
    expect(await incidentsOf(member.accountId)).toBe(0)
  })

  it('keeps the commit when an announcement fails, and logs it', async () => {
    const member = await createAccount(deps, 'member')
    const result = await transaction(deps, async (tx) => {
      afterCommit(tx, () => {
        throw new Error('publish refused')
      })
      return raiseCrisisInTransaction(tx, deps, { memberAccountId: member.accountId, source: 'message', level: 'high' })
    })
    expect(result.created).toBe(true)
    expect(await incidentsOf(member.accountId)).toBe(1)
    expect(deps.logLines.some((line) => line.includes('after-commit announcement failed'))).toBe(true)
  })

  it('refuses a raise in a transaction that has no queue: its announcement could not be lost silently', async () => {
    const member = await createAccount(deps, 'member')
    await expect(
      deps.sql.begin((tx) =>
        raiseCrisisInTransaction(tx, deps, { memberAccountId: member.accountId, source: 'message', level: 'high' }),
      ),
    ).rejects.toThrow(/transaction\(\)/)
    expect(await incidentsOf(member.accountId)).toBe(0)
  })
})
