import type { CoreDeps } from '../core/deps.js'
import { runCrisisWatchdog } from '../core/crisis/crisis.paging.js'
import {
  HEARTBEAT_STALE_SECONDS,
  checkWorkersHeartbeat,
  raiseOverdueStepAlarms,
  repeatEvery,
} from '../core/crisis/crisis.sweeper.js'

/**
 * The server process's own crisis alarms, so that an alarm never depends on the workers process being alive: on a
 * timer against PostgreSQL only, incidents nobody was paged for, overdue ladder steps and a missing workers
 * heartbeat. The workers' watchdog checks the first two as well; alarms are keyed rows (one per kind and
 * subject), so whichever process notices first raises it and the other finds it there.
 */
export function startCrisisAlarms(
  deps: CoreDeps,
  options: { intervalMs?: number; heartbeatStaleSeconds?: number } = {},
): { stop: () => Promise<void> } {
  return repeatEvery(deps, options.intervalMs ?? 10_000, 'crisis alarms', async () => {
    await runCrisisWatchdog(deps)
    await raiseOverdueStepAlarms(deps)
    await checkWorkersHeartbeat(deps, options.heartbeatStaleSeconds ?? HEARTBEAT_STALE_SECONDS)
  })
}
