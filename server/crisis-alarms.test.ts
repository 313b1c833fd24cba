import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { childEnv, startTsxProcess } from '../tests/support/processes.js'
import { createAccount, waitUntil } from '../tests/support/crisis-fixtures.js'
import { getFreePort, stopProcessGroup } from '../scripts/local-services.js'
import { raiseCrisis } from '../core/crisis/crisis.service.js'

/**
 * Alarms that do not depend on the workers process: the real workers process (workers/index.ts) and the real
 * server process (server/index.ts) run as children against this test's database; the workers are killed with
 * SIGKILL; within a minute the server process alone raises the alarm: an `alarms` row, an error log line and the
 * /metrics series. It also alarms on an incident nobody was paged for while the workers are gone.
 */
let deps: TestDeps
const children: ChildProcess[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createAccount(deps, 'admin')
})
afterAll(async () => {
  for (const child of children) await stopProcessGroup(child, 'SIGKILL')
  await deps?.close()
})

function start(entry: string, extraEnv: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  const started = startTsxProcess(entry, childEnv(deps, extraEnv))
  children.push(started.child)
  return started
}

const openAlarms = async (kind: string) =>
  deps.sql`select incident_id from alarms where kind = ${kind} and cleared_at is null`
const heartbeats = async () =>
  (await deps.sql`select count(*)::int as n from process_heartbeats where process = 'workers'`)[0]!.n as number

describe('the workers process killed', { timeout: 120_000 }, () => {
  it('is noticed by the server process, which raises the alarm within a minute', async () => {
    const workers = start('workers/index.ts')
    await waitUntil(async () => (await heartbeats()) === 1, 30_000, 'workers heartbeat')
    const port = await getFreePort()
    const metricsPort = await getFreePort()
    const server = start('server/index.ts', {
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
    })
    await waitUntil(() => server.output().includes('metrics listening'), 30_000, 'server listening')
    const metrics = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()
    expect(await metrics()).toMatch(/^holdspace_workers_heartbeat_age_seconds \d/m)
    // While the workers beat, the server's timer finds them alive: nothing is raised.
    expect(await openAlarms('workers_down')).toEqual([])

    await stopProcessGroup(workers.child, 'SIGKILL')
    expect(workers.child.signalCode).toBe('SIGKILL')
    const member = await createAccount(deps, 'member')
    const raised = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })

    await waitUntil(
      async () => (await openAlarms('workers_down')).length === 1,
      60_000,
      'workers_down alarm within a minute',
    )
    expect(await openAlarms('workers_down')).toEqual([{ incident_id: null }])
    await waitUntil(() => server.output().includes('no workers heartbeat'), 10_000, 'error log line')
    const line = server
      .output()
      .split('\n')
      .find((l) => l.includes('no workers heartbeat'))!
    expect(JSON.parse(line)).toMatchObject({ level: 50 })
    expect(await metrics()).toMatch(/^holdspace_alarms_open\{kind="workers_down"\} 1$/m)
    // Nobody pages while the workers are gone: the server alarms on the unpaged incident too (after 30 s).
    await waitUntil(async () => (await openAlarms('crisis_unpaged')).length === 1, 30_000, 'unpaged alarm')
    expect(await openAlarms('crisis_unpaged')).toEqual([{ incident_id: raised.incidentId }])
  })
})
