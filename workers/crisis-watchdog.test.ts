import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount, waitUntil } from '../tests/support/crisis-fixtures.js'
import { raiseCrisis } from '../core/crisis/crisis.service.js'
import { startCrisisWatchdog } from './crisis-watchdog.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps?.close()
})

describe('the crisis watchdog in the workers process', () => {
  it('alarms on its own timer for an incident nobody was paged for within 30 seconds', async () => {
    const member = await createAccount(deps, 'member')
    const raisedAt = new Date('2026-11-22T10:00:00Z')
    deps.setNow(raisedAt)
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    // No worker runs here, so the incident stays unpaged; the clock moves past 30 s.
    deps.setNow(new Date(raisedAt.getTime() + 45_000))
    const watchdog = startCrisisWatchdog(deps, 50)
    try {
      await waitUntil(
        async () => (await deps.sql`select 1 from alarms where incident_id = ${raised.incidentId}`).length === 1,
        5_000,
        'alarm',
      )
    } finally {
      await watchdog.stop()
    }
    expect(await deps.sql`select kind, cleared_at from alarms where incident_id = ${raised.incidentId}`).toEqual([
      { kind: 'crisis_unpaged', cleared_at: null },
    ])
    expect(deps.logLines.filter((l) => l.includes('not paged within 30 seconds'))).toHaveLength(1)
  })
})
