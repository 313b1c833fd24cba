import { nowOf, type CoreDeps } from '../deps.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import * as q from './crisis.queries.js'
import { ackTimeoutMinutes } from './crisis.paging.js'

/**
 * A ladder that cannot stall. Every step of the ladder is a BullMQ job with a retry budget; a long PostgreSQL
 * outage can use it up, and the incident would then stay at its level for good. The sweeper works from the
 * database alone: for every open incident it knows when the next step is due (the cursor, the level's timeout,
 * the last page), and re-creates a step that is overdue by more than a grace period. The re-created job carries
 * the same step as the ladder's own (`incident:level:repeat`, or the acknowledgement count for a re-trigger), so
 * a step that ran meanwhile makes it stale and it does nothing.
 *
 * Both processes also alarm on an overdue step (`crisis_step_overdue`), and the server process alarms when the
 * workers stop writing their heartbeat (`workers_down`): one alarm row per kind and subject (its dedup key), so
 * two processes checking the same thing raise it once.
 */

/** A step is overdue this long after it was due: a delayed job normally runs within a second or two of it. */
export const STEP_GRACE_SECONDS = 60
/** The same lost step is re-created again only after this long (its re-created job may be lost too). */
export const RESWEEP_MINUTES = 5
/** The workers write a heartbeat this often… */
export const HEARTBEAT_INTERVAL_MS = 5_000
/** …and are taken for dead when the newest one is older than this. */
export const HEARTBEAT_STALE_SECONDS = 30
export const WORKERS_PROCESS = 'workers'

/**
 * Run `work` now and every `intervalMs`, one run at a time; a failed run is logged and the next one tries again.
 * The alarm timers of both processes (workers/crisis-watchdog.ts, server/crisis-alarms.ts) run on it.
 */
export function repeatEvery(
  deps: Pick<CoreDeps, 'log'>,
  intervalMs: number,
  what: string,
  work: () => Promise<unknown>,
): { stop: () => Promise<void> } {
  let running: Promise<unknown> | null = null
  const tick = () => {
    if (running) return
    running = work()
      .catch((error) => deps.log.error({ err: { message: (error as Error).message } }, `${what} could not run`))
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(tick, intervalMs)
  tick()
  return {
    /** Stops the timer; waits for a run in progress, but not for one stuck on an unreachable database. */
    async stop() {
      clearInterval(timer)
      let timeout: NodeJS.Timeout | undefined
      await Promise.race([running, new Promise((resolve) => (timeout = setTimeout(resolve, 2_000)))])
      clearTimeout(timeout)
    },
  }
}

export type OverdueStep =
  | {
      kind: 'page' | 'escalate'
      incidentId: string
      level: number
      repeat: number
      dueAt: Date
      key: string
      neverPaged: boolean
    }
  | { kind: 'retrigger'; incidentId: string; ackCount: number; dueAt: Date; key: string; neverPaged: false }

/** The incident's next step, if it is overdue at `at`. */
export function overdueStepOf(row: q.LadderStateRow, at: Date): OverdueStep | null {
  const late = (dueAt: Date) => at.getTime() > dueAt.getTime() + STEP_GRACE_SECONDS * 1000
  if (row.status === 'acknowledged') {
    if (!row.acknowledgedAt) return null
    const dueAt = new Date(row.acknowledgedAt.getTime() + row.policySnapshot.retriggerMinutes * 60_000)
    return late(dueAt)
      ? {
          kind: 'retrigger',
          incidentId: row.id,
          ackCount: row.ackCount,
          dueAt,
          key: `retrigger:${row.ackCount}`,
          neverPaged: false,
        }
      : null
  }
  const step = { incidentId: row.id, level: row.escalationLevel, repeat: row.escalationRepeat }
  if (!row.pageFollowupsEnqueuedAt) {
    // The step's page never finished (its job was lost or exhausted): page again; only what was not done is done.
    const dueAt = row.stepStartedAt
    const neverPaged = row.escalationLevel === 0 && row.escalationRepeat === 0 && !row.pageConsoleSentAt
    return late(dueAt) ? { kind: 'page', ...step, dueAt, key: `page:${step.level}:${step.repeat}`, neverPaged } : null
  }
  const dueAt = new Date(
    row.pageFollowupsEnqueuedAt.getTime() + ackTimeoutMinutes(row.policySnapshot, row.escalationLevel) * 60_000,
  )
  return late(dueAt)
    ? { kind: 'escalate', ...step, dueAt, key: `escalate:${step.level}:${step.repeat}`, neverPaged: false }
    : null
}

async function overdueSteps(deps: Pick<CoreDeps, 'sql' | 'now'>) {
  const at = nowOf(deps)
  const rows = await q.selectLadderStates(deps.sql)
  return { at, rows, overdue: rows.map((row) => overdueStepOf(row, at)).filter((s): s is OverdueStep => s !== null) }
}

const alarmKeyOf = (step: OverdueStep) => `crisis_step_overdue:${step.incidentId}:${step.key}`

/** Overdue steps that are alarmed on; a never-paged incident already has its own alarm (`crisis_unpaged`). */
export async function countOverdueSteps(deps: Pick<CoreDeps, 'sql' | 'now'>): Promise<number> {
  return (await overdueSteps(deps)).overdue.length
}

/**
 * Alarm on every overdue step (error log and an `alarms` row, which /metrics counts and the banner shows), and
 * clear the alarms of steps that have since run. Run by the workers' watchdog and by the server process.
 */
export async function raiseOverdueStepAlarms(deps: CoreDeps): Promise<{ overdue: number; newAlarms: number }> {
  const { at, overdue } = await overdueSteps(deps)
  const alarmed = overdue.filter((s) => !s.neverPaged)
  await q.clearStepAlarmsExcept(deps.sql, alarmed.map(alarmKeyOf), at)
  let newAlarms = 0
  for (const step of alarmed) {
    if (
      await q.insertAlarm(deps.sql, {
        kind: 'crisis_step_overdue',
        dedupKey: alarmKeyOf(step),
        incidentId: step.incidentId,
        at,
      })
    ) {
      newAlarms++
      deps.log.error(
        { incidentId: step.incidentId, step: step.key, dueAt: step.dueAt.toISOString() },
        'crisis ladder step overdue',
      )
    }
  }
  return { overdue: overdue.length, newAlarms }
}

/**
 * Re-create every overdue step whose job is not merely waiting in the outbox (Redis down). One re-creation per
 * step per RESWEEP_MINUTES, claimed in the transaction that writes its outbox row.
 */
export async function sweepCrisisLadder(deps: CoreDeps): Promise<{ recreated: OverdueStep[] }> {
  const { at, rows, overdue } = await overdueSteps(deps)
  const resweepBefore = new Date(at.getTime() - RESWEEP_MINUTES * 60_000)
  const recreated: OverdueStep[] = []
  for (const step of overdue) {
    const row = rows.find((r) => r.id === step.incidentId)!
    if (row.pendingOutbox) continue
    const claimed = await deps.sql.begin(async (tx) => {
      const claim = {
        id: row.id,
        status: row.status,
        level: row.escalationLevel,
        repeat: row.escalationRepeat,
        ackCount: row.ackCount,
        step: step.key,
        at,
        resweepBefore,
      }
      if (!(await q.claimStepSweep(tx, claim))) return false
      if (step.kind === 'retrigger')
        await enqueueOutbox(tx, 'crisis:retrigger', { incidentId: step.incidentId, ackCount: step.ackCount })
      else
        await enqueueOutbox(tx, step.kind === 'page' ? 'crisis:page' : 'crisis:escalate', {
          incidentId: step.incidentId,
          level: step.level,
          repeat: step.repeat,
        })
      return true
    })
    if (!claimed) continue
    recreated.push(step)
    deps.log.warn(
      { incidentId: step.incidentId, step: step.key, dueAt: step.dueAt.toISOString() },
      'crisis ladder step re-created by the sweeper',
    )
  }
  return { recreated }
}

/** The workers' heartbeat: one row per running instance, its time moved on every beat. */
export async function recordHeartbeat(
  deps: Pick<CoreDeps, 'sql' | 'now'>,
  instance: { instanceId: string; process: string; startedAt: Date },
) {
  const at = nowOf(deps)
  await q.upsertHeartbeat(deps.sql, { ...instance, at })
  await q.pruneHeartbeats(deps.sql, new Date(at.getTime() - 24 * 3_600_000))
}

export async function workersHeartbeatAgeSeconds(deps: Pick<CoreDeps, 'sql' | 'now'>): Promise<number | null> {
  const last = await q.selectLatestHeartbeat(deps.sql, WORKERS_PROCESS)
  return last ? Math.max(0, (nowOf(deps).getTime() - last.getTime()) / 1000) : null
}

/**
 * Alarm when the newest workers heartbeat is older than HEARTBEAT_STALE_SECONDS (nobody would page, escalate or
 * sweep). The alarm is keyed by that last heartbeat, so every process that notices raises the same row, and the
 * next outage raises a new one. A database no workers process ever beat against raises nothing.
 */
export async function checkWorkersHeartbeat(
  deps: CoreDeps,
  staleSeconds = HEARTBEAT_STALE_SECONDS,
): Promise<{ lastBeatAt: Date | null; down: boolean; newAlarm: boolean }> {
  const at = nowOf(deps)
  const lastBeatAt = await q.selectLatestHeartbeat(deps.sql, WORKERS_PROCESS)
  if (!lastBeatAt) return { lastBeatAt, down: false, newAlarm: false }
  if (at.getTime() - lastBeatAt.getTime() <= staleSeconds * 1000) {
    await q.clearAlarmsOfKind(deps.sql, 'workers_down', at)
    return { lastBeatAt, down: false, newAlarm: false }
  }
  const newAlarm = await q.insertAlarm(deps.sql, {
    kind: 'workers_down',
    dedupKey: `workers_down:${lastBeatAt.toISOString()}`,
    incidentId: null,
    at,
  })
  if (newAlarm) {
    deps.log.error(
      { lastBeatAt: lastBeatAt.toISOString() },
      `no workers heartbeat for ${staleSeconds} seconds: crisis pages and escalations are not running`,
    )
  }
  return { lastBeatAt, down: true, newAlarm }
}
