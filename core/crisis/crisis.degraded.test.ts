import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { createAccount } from '../../tests/support/crisis-fixtures.js'
import { countKeptHelpPresses, keepHelpPress, raiseKeptHelpPresses } from './crisis.degraded.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

const keptKey = () => `${deps.config.REDIS_PREFIX}:crisis:help-kept`
const tokenOf = (cookie: string) => cookie.slice('hs_session='.length)

async function incidentsOf(accountId: string) {
  return deps.sql<{ id: string; source: string; level: string; country: string | null; signals: number }[]>`
    select i.id, i.source, i.level, i.member_country as country,
           (select count(*)::int from crisis_signals s where s.incident_id = i.id) as signals
    from crisis_incidents i where i.member_account_id = ${accountId}`
}

describe('help presses kept while the database is unavailable', () => {
  it("raises a kept press once as the member's button, and keeps only ids in Redis", async () => {
    const member = await createAccount(deps, 'member')
    expect(await keepHelpPress(deps, { sessionToken: tokenOf(member.cookie), country: 'GB' })).toBe(true)
    // Pressing again while it waits keeps the first press, not a second one.
    expect(await keepHelpPress(deps, { sessionToken: tokenOf(member.cookie), country: 'GB' })).toBe(true)
    expect(await countKeptHelpPresses(deps)).toBe(1)
    const stored = Object.entries(await deps.redis.hgetall(keptKey()))
    expect(stored).toHaveLength(1)
    const [field, value] = stored[0]!
    expect(field).toMatch(/^session:[0-9a-f]{64}$/)
    expect(Object.keys(JSON.parse(value)).sort()).toEqual([
      'accountId',
      'country',
      'pressId',
      'pressedAt',
      'sessionHash',
    ])
    for (const secret of [tokenOf(member.cookie), member.username, member.email!, member.accountId])
      expect(field + value).not.toContain(secret)

    expect(await raiseKeptHelpPresses(deps)).toBe(1)
    expect(await incidentsOf(member.accountId)).toEqual([
      expect.objectContaining({ source: 'button', level: 'imminent', country: 'GB', signals: 1 }),
    ])
    expect(await countKeptHelpPresses(deps)).toBe(0)
    const [ledger] = await deps.sql<
      { incidentId: string }[]
    >`select incident_id as "incidentId" from crisis_help_presses_raised where press_id = ${JSON.parse(value).pressId}`
    expect(ledger!.incidentId).toBe((await incidentsOf(member.accountId))[0]!.id)

    // A pass that died after its commit but before it removed the entry: the next pass raises nothing again.
    await deps.redis.hset(keptKey(), field, value)
    expect(await raiseKeptHelpPresses(deps)).toBe(0)
    expect(await incidentsOf(member.accountId)).toEqual([expect.objectContaining({ signals: 1 })])
    expect(await countKeptHelpPresses(deps)).toBe(0)
  })

  it('two processes draining at once raise one incident', async () => {
    const member = await createAccount(deps, 'member')
    await keepHelpPress(deps, { accountId: member.accountId, country: null })
    const results = await Promise.all([
      raiseKeptHelpPresses(deps),
      raiseKeptHelpPresses(deps),
      raiseKeptHelpPresses(deps),
    ])
    expect(results.reduce((a, b) => a + b, 0)).toBe(1)
    expect(await incidentsOf(member.accountId)).toEqual([expect.objectContaining({ source: 'button', signals: 1 })])
  })

  it('drops a press whose session had already ended or was never ours, raising nothing', async () => {
    const member = await createAccount(deps, 'member')
    await deps.sql`update sessions set revoked_at = now() - interval '1 minute' where id = ${member.sessionId}`
    await keepHelpPress(deps, { sessionToken: tokenOf(member.cookie), country: 'GB' })
    await keepHelpPress(deps, { sessionToken: 'n'.repeat(43), country: 'GB' })
    expect(await raiseKeptHelpPresses(deps)).toBe(0)
    expect(await incidentsOf(member.accountId)).toEqual([])
    expect(await countKeptHelpPresses(deps)).toBe(0)
  })

  it('keeps a press while PostgreSQL is unreachable and raises it on a later pass', async () => {
    const member = await createAccount(deps, 'member')
    await keepHelpPress(deps, { sessionToken: tokenOf(member.cookie), country: 'PL' })
    const unreachable = {
      ...deps,
      sql: (await import('../../db/client.js')).createSql('postgres://nobody:x@127.0.0.1:1/none', { max: 1 }),
    }
    await expect(raiseKeptHelpPresses(unreachable)).rejects.toThrow()
    await unreachable.sql.end({ timeout: 1 })
    expect(await countKeptHelpPresses(deps)).toBe(1)
    expect(await raiseKeptHelpPresses(deps)).toBe(1)
    expect(await incidentsOf(member.accountId)).toEqual([expect.objectContaining({ country: 'PL' })])
  })
})
