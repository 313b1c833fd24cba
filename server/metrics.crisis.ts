import client from 'prom-client'
import type { Sql } from '../db/client.js'
import { countUnpagedIncidents } from '../core/crisis/crisis.paging.js'
import { countOpenAlarms } from '../core/crisis/crisis.admin.js'
import { countOverdueSteps, workersHeartbeatAgeSeconds } from '../core/crisis/crisis.sweeper.js'

/** Gauges read from PostgreSQL at scrape time: the workers write alarms, the server's /metrics exports them. */
export function registerCrisisMetrics(registry: client.Registry, sql: Sql) {
  new client.Gauge({
    name: 'holdspace_crisis_unpaged_incidents',
    help: 'Crisis incidents raised more than 30 s ago that no clinician has been paged for',
    registers: [registry],
    async collect() {
      try {
        this.set(await countUnpagedIncidents({ sql }))
      } catch {
        /* database unreachable: /readyz reports it */
      }
    },
  })
  new client.Gauge({
    name: 'holdspace_crisis_overdue_steps',
    help: 'Open crisis incidents whose next ladder step (page, escalation, re-trigger) is overdue by more than a minute',
    registers: [registry],
    async collect() {
      try {
        this.set(await countOverdueSteps({ sql }))
      } catch {
        /* database unreachable */
      }
    },
  })
  new client.Gauge({
    name: 'holdspace_workers_heartbeat_age_seconds',
    help: 'Seconds since the newest workers heartbeat (absent when no workers process ever ran against this database)',
    registers: [registry],
    async collect() {
      try {
        this.reset()
        const age = await workersHeartbeatAgeSeconds({ sql })
        if (age !== null) this.set(age)
      } catch {
        /* database unreachable */
      }
    },
  })
  new client.Gauge({
    name: 'holdspace_alarms_open',
    help: 'Open operational alarms by kind (crisis_unpaged, crisis_step_overdue, workers_down, webhook_dead_letter)',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      try {
        this.reset()
        for (const { kind, count } of await countOpenAlarms({ sql })) this.set({ kind }, count)
      } catch {
        /* database unreachable */
      }
    },
  })
}
