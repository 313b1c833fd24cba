import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { takeOutbox } from '../../tests/support/crisis-fixtures.js'
import { seed } from '../../db/seed.js'
import { getCrisisAdminView } from './crisis.admin.js'
import { raiseCrisis } from './crisis.service.js'
import { escalateIncident, pageIncident } from './crisis.paging.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
  expect(await seed(deps.sql)).toBe(true)
})
afterAll(async () => {
  await deps?.close()
})

const idOf = async (username: string) =>
  (await deps.sql`select id from accounts where username = ${username}`)[0]!.id as string

describe('demo on-call data', () => {
  it('pages the demo clinician first, then the demo admin as supervisor', async () => {
    const admin = { accountId: await idOf('demo-admin'), role: 'admin' as const }
    const view = await getCrisisAdminView(deps, admin)
    expect(view.schedules).toEqual([
      expect.objectContaining({ name: 'Clinicians', members: ['demo-clinician'], onCallNow: 'demo-clinician' }),
    ])
    expect(view.policy).toEqual({
      name: 'Default',
      repeats: 1,
      retriggerMinutes: 30,
      supervisor: 'demo-admin',
      levels: [{ ackTimeoutMinutes: 5, targets: ['schedule:Clinicians'] }],
    })

    const raised = await raiseCrisis(deps, {
      memberAccountId: await idOf('demo-member'),
      source: 'button',
      level: 'imminent',
    })
    const recipients: string[] = []
    for (let i = 0; i < 5; i++) {
      for (const job of await takeOutbox(deps.sql)) {
        if (job.jobName === 'crisis:page') await pageIncident(deps, job.payload as never)
        if (job.jobName === 'crisis:escalate') await escalateIncident(deps, job.payload as never)
      }
    }
    for (const row of await deps.sql`
      select a.username from crisis_pages p join crisis_page_recipients r on r.page_id = p.id join accounts a on a.id = r.account_id
      where p.incident_id = ${raised.incidentId} order by p.escalation_repeat, p.escalation_level`)
      recipients.push(row.username as string)
    expect(recipients).toEqual(['demo-clinician', 'demo-clinician', 'demo-admin'])
  })
})
