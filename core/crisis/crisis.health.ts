import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { Actor } from './crisis.service.js'
import * as q from './crisis.queries.js'
import type { CrisisRiskLevel } from './crisis.schema.js'
import { countOverdueSteps } from './crisis.sweeper.js'
import { onCallAt } from './oncall.js'

/** How the queue is doing, at a glance for the console (clinicians and admins). Counts and staff names only. */
export interface QueueHealth {
  openByLevel: Record<CrisisRiskLevel, number>
  /** Minutes the oldest unacknowledged incident has waited; null when none waits. */
  longestWaitMinutes: number | null
  /** Usernames of the clinicians on call now, by the on-call schedules. */
  onCallNow: string[]
  /** Incidents paged and not yet acknowledged. */
  unacknowledgedPages: number
  /** Ladder steps past their time (the sweeper re-creates them; an alarm is raised). */
  overdueSteps: number
}

export async function getQueueHealth(deps: CoreDeps, actor: Actor): Promise<QueueHealth> {
  if (actor.role !== 'clinician' && actor.role !== 'admin') throw new AppError('FORBIDDEN')
  const at = nowOf(deps)
  const [counts, schedules, overdueSteps] = await Promise.all([
    q.selectQueueCounts(deps.sql),
    q.selectSchedules(deps.sql),
    countOverdueSteps(deps),
  ])
  const onCallIds = [...new Set(schedules.map((s) => onCallAt(s, at)).filter((id): id is string => id !== null))]
  const names = await q.selectLoginNames(deps.sql, onCallIds)
  const openByLevel: Record<CrisisRiskLevel, number> = { imminent: 0, high: 0, concern: 0 }
  for (const { level, count } of counts.byLevel) openByLevel[level] = count
  return {
    openByLevel,
    longestWaitMinutes: counts.oldestUnacknowledgedAt
      ? Math.max(0, Math.floor((at.getTime() - counts.oldestUnacknowledgedAt.getTime()) / 60_000))
      : null,
    onCallNow: onCallIds.map((id) => names.get(id) ?? '?').sort(),
    unacknowledgedPages: counts.unacknowledgedPaged,
    overdueSteps,
  }
}
