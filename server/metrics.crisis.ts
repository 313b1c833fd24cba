import client from 'prom-client'
import type { Sql } from '../db/client.js'
import { countUnpagedIncidents } from '../core/crisis/crisis.paging.js'
import { countOpenAlarms } from '../core/crisis/crisis.admin.js'
import { countOverdueSteps, workersHeartbeatAgeSeconds } from '../core/crisis/crisis.sweeper.js'
import { withDeadline } from '../core/deadline.js'

/** How long one scrape waits for PostgreSQL: a paused database must not hang /metrics. */
const READ_DEADLINE_MS = 2_000

/**
 * Gauges read from PostgreSQL at scrape time: the workers write alarms, the server's /metrics exports them.
 * While PostgreSQL does not answer they never pretend all is well: `holdspace_crisis_metrics_up` is 0, the counts
 * of unpaged incidents and overdue steps are NaN (unknown, not 0: an alert on them must not clear itself), the
 * open-alarms series keep their last known values, and `holdspace_crisis_metrics_stale_seconds` says how old they are.
 */
export function registerCrisisMetrics(registry: client.Registry, sql: Sql) {
  let lastReadAt: number | null = null
  let up = 1
  /** The answer of one read within the deadline, or null (and `up` 0) when PostgreSQL did not give it. */
  const inFlight = new Set<Promise<unknown>>()
  const read = <T>(work: () => Promise<T>): Promise<T | null> => {
    const reading = withDeadline(work(), READ_DEADLINE_MS).then(
      (value) => {
        up = 1
        lastReadAt = Date.now()
        return value
      },
      () => {
        up = 0
        return null
      },
    )
    inFlight.add(reading)
    void reading.finally(() => inFlight.delete(reading))
    return reading
  }
  new client.Gauge({
    name: 'holdspace_crisis_unpaged_incidents',
    help: 'Crisis incidents raised more than 30 s ago that no clinician has been paged for (NaN while PostgreSQL does not answer)',
    registers: [registry],
    async collect() {
      const count = await read(() => countUnpagedIncidents({ sql }))
      this.set(count ?? Number.NaN)
    },
  })
  new client.Gauge({
    name: 'holdspace_crisis_overdue_steps',
    help: 'Open crisis incidents whose next ladder step (page, escalation, re-trigger) is overdue by more than a minute (NaN while PostgreSQL does not answer)',
    registers: [registry],
    async collect() {
      const count = await read(() => countOverdueSteps({ sql }))
      this.set(count ?? Number.NaN)
    },
  })
  new client.Gauge({
    name: 'holdspace_workers_heartbeat_age_seconds',
    help: 'Seconds since the newest workers heartbeat (absent when no workers process ever ran against this database)',
    registers: [registry],
    async collect() {
      const age = await read(async () => ({ age: await workersHeartbeatAgeSeconds({ sql }) }))
      if (!age) return this.set(Number.NaN)
      this.reset()
      if (age.age !== null) this.set(age.age)
    },
  })
  new client.Gauge({
    name: 'holdspace_alarms_open',
    help: 'Open operational alarms by kind (crisis_unpaged, crisis_step_overdue, workers_down, webhook_dead_letter); the last known values while PostgreSQL does not answer',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const alarms = await read(() => countOpenAlarms({ sql }))
      if (!alarms) return // keep the last known series: an alert on them must not clear itself
      this.reset()
      for (const { kind, count } of alarms) this.set({ kind }, count)
    },
  })
  // Last: they report what the reads above found in this scrape (started first: prom-client calls collect in
  // registration order).
  new client.Gauge({
    name: 'holdspace_crisis_metrics_up',
    help: '1 when this scrape read the crisis gauges from PostgreSQL, 0 when it did not answer in time',
    registers: [registry],
    async collect() {
      // prom-client collects every metric at once: wait for this scrape's reads.
      await Promise.all([...inFlight])
      this.set(up)
    },
  })
  new client.Gauge({
    name: 'holdspace_crisis_metrics_stale_seconds',
    help: 'Seconds since the crisis gauges were last read from PostgreSQL (0 when this scrape read them)',
    registers: [registry],
    async collect() {
      await Promise.all([...inFlight])
      this.set(lastReadAt === null ? Number.NaN : up ? 0 : Math.round((Date.now() - lastReadAt) / 1000))
    },
  })
}
