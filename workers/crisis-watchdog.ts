import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import type { CoreDeps } from '../core/deps.js'
import { runCrisisWatchdog } from '../core/crisis/crisis.paging.js'
import {
  HEARTBEAT_INTERVAL_MS,
  WORKERS_PROCESS,
  raiseOverdueStepAlarms,
  recordHeartbeat,
  repeatEvery,
  sweepCrisisLadder,
} from '../core/crisis/crisis.sweeper.js'

/**
 * Every few seconds: alarm on crisis incidents not paged within 30 s of being raised and on any overdue ladder
 * step, then re-create lost or exhausted steps (the sweeper, core/crisis/crisis.sweeper.ts). A plain timer against
 * PostgreSQL, not a BullMQ job: it has to keep working exactly when Redis, or a job's retry budget, does not.
 */
export function startCrisisWatchdog(deps: CoreDeps, intervalMs = 10_000): { stop: () => Promise<void> } {
  return repeatEvery(deps, intervalMs, 'crisis watchdog', async () => {
    await runCrisisWatchdog(deps)
    await raiseOverdueStepAlarms(deps)
    await sweepCrisisLadder(deps)
  })
}

/** The workers' heartbeat in PostgreSQL: the server process alarms when it stops (server/crisis-alarms.ts). */
export function startWorkersHeartbeat(
  deps: CoreDeps,
  intervalMs = HEARTBEAT_INTERVAL_MS,
): { stop: () => Promise<void> } {
  const instance = {
    instanceId: `${hostname()
      .replace(/[^A-Za-z0-9_.-]/g, '_')
      .slice(0, 60)}:${process.pid}:${randomBytes(4).toString('hex')}`,
    process: WORKERS_PROCESS,
    startedAt: new Date(),
  }
  return repeatEvery(deps, intervalMs, 'workers heartbeat', () => recordHeartbeat(deps, instance))
}
