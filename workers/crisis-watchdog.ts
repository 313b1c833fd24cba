import type { CoreDeps } from '../core/deps.js'
import { runCrisisWatchdog } from '../core/crisis/crisis.paging.js'

/**
 * Every few seconds, alarm on crisis incidents not paged within 30 s of being raised. A plain timer
 * against PostgreSQL, not a BullMQ job: it has to keep working exactly when Redis does not.
 */
export function startCrisisWatchdog(deps: CoreDeps, intervalMs = 10_000): { stop: () => Promise<void> } {
  let running: Promise<unknown> | null = null
  const tick = () => {
    if (running) return
    running = runCrisisWatchdog(deps)
      .catch((error) => deps.log.error({ err: { message: (error as Error).message } }, 'crisis watchdog could not run'))
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(tick, intervalMs)
  tick()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
