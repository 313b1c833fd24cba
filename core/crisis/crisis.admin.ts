import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { listAuditByAction } from '../audit/audit.service.js'
import type { Actor } from './crisis.service.js'
import * as q from './crisis.queries.js'
import type { PolicySnapshot, PolicyTarget } from './crisis.schema.js'
import { isValidTimeZone, onCallAt } from './oncall.js'

/** Admin-only: on-call schedules, escalation policy, alarms and the audit of identity reveals. */
function requireAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN')
}

async function resolveStaff(deps: CoreDeps, login: string, field: string): Promise<string> {
  const account = await q.findAccountByLogin(deps.sql, login)
  if (!account || !['clinician', 'admin'].includes(account.role))
    throw new AppError('VALIDATION_FAILED', { [field]: 'not_a_clinician' })
  return account.id
}

export interface ScheduleView {
  id: string
  name: string
  timeZone: string
  handoffTime: string
  shiftHours: number
  startsOn: string
  members: string[]
  onCallNow: string | null
  overrides: { login: string; startsAt: string; endsAt: string }[]
}

export interface PolicyView {
  name: string
  repeats: number
  retriggerMinutes: number
  supervisor: string | null
  levels: { ackTimeoutMinutes: number; targets: string[] }[]
}

export interface CrisisAdminView {
  schedules: ScheduleView[]
  policy: PolicyView | null
  alarms: { id: string; kind: string; incidentId: string | null; raisedAt: string }[]
  reveals: {
    id: number
    actor: string | null
    incidentId: string
    memberLabel: string | null
    reason: string
    at: string
  }[]
}

export async function getCrisisAdminView(deps: CoreDeps, actor: Actor): Promise<CrisisAdminView> {
  requireAdmin(actor)
  const at = nowOf(deps)
  const [schedules, policy, alarms, reveals] = await Promise.all([
    q.selectSchedules(deps.sql),
    q.selectDefaultPolicy(deps.sql),
    q.selectOpenAlarms(deps.sql),
    listAuditByAction(deps, 'identity.reveal', 100),
  ])
  const ids = new Set<string>()
  for (const s of schedules) {
    s.members.forEach((m) => ids.add(m))
    s.overrides.forEach((o) => ids.add(o.accountId))
  }
  if (policy?.supervisorAccountId) ids.add(policy.supervisorAccountId)
  policy?.levels.forEach((l) => l.targets.forEach((t) => t.kind === 'account' && ids.add(t.accountId)))
  reveals.forEach((r) => r.actorAccountId && ids.add(r.actorAccountId))
  const names = await q.selectLoginNames(deps.sql, [...ids])
  const name = (id: string | null) => (id ? (names.get(id) ?? '?') : null)
  const scheduleName = new Map(schedules.map((s) => [s.id, s.name]))
  return {
    schedules: schedules.map((s) => ({
      id: s.id,
      name: s.name,
      timeZone: s.timeZone,
      handoffTime: s.handoffTime.slice(0, 5),
      shiftHours: s.shiftHours,
      startsOn: s.startsOn,
      members: s.members.map((m) => name(m)!),
      onCallNow: name(onCallAt(s, at)),
      overrides: s.overrides.map((o) => ({
        login: name(o.accountId)!,
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
      })),
    })),
    policy: policy && {
      name: policy.name,
      repeats: policy.repeats,
      retriggerMinutes: policy.retriggerMinutes,
      supervisor: name(policy.supervisorAccountId),
      levels: policy.levels.map((l) => ({
        ackTimeoutMinutes: l.ackTimeoutMinutes,
        targets: l.targets.map((t) =>
          t.kind === 'schedule' ? `schedule:${scheduleName.get(t.scheduleId) ?? '?'}` : name(t.accountId)!,
        ),
      })),
    },
    alarms: alarms.map((a) => ({
      id: a.id,
      kind: a.kind,
      incidentId: a.incidentId,
      raisedAt: a.raisedAt.toISOString(),
    })),
    reveals: reveals.map((r) => ({
      id: r.id,
      actor: name(r.actorAccountId),
      incidentId: r.targetId,
      memberLabel: typeof r.details.memberLabel === 'string' ? r.details.memberLabel : null,
      reason: r.reason,
      at: r.createdAt.toISOString(),
    })),
  }
}

export async function saveSchedule(
  deps: CoreDeps,
  actor: Actor,
  input: {
    name: string
    timeZone: string
    handoffTime: string
    shiftHours: number
    startsOn: string
    members: string[]
  },
): Promise<string> {
  requireAdmin(actor)
  if (!isValidTimeZone(input.timeZone)) throw new AppError('VALIDATION_FAILED', { timeZone: 'time_zone_invalid' })
  const memberIds: string[] = []
  for (const login of input.members) memberIds.push(await resolveStaff(deps, login, 'members'))
  return deps.sql.begin((tx) => q.upsertSchedule(tx, { ...input, memberIds }))
}

export async function addOverride(
  deps: CoreDeps,
  actor: Actor,
  input: { scheduleId: string; login: string; startsAt: string; endsAt: string },
) {
  requireAdmin(actor)
  const startsAt = new Date(input.startsAt)
  const endsAt = new Date(input.endsAt)
  if (Number.isNaN(startsAt.getTime())) throw new AppError('VALIDATION_FAILED', { startsAt: 'date_invalid' })
  if (Number.isNaN(endsAt.getTime()) || endsAt <= startsAt)
    throw new AppError('VALIDATION_FAILED', { endsAt: 'date_invalid' })
  if (!(await q.selectSchedule(deps.sql, input.scheduleId))) throw new AppError('NOT_FOUND')
  const accountId = await resolveStaff(deps, input.login, 'login')
  await q.insertOverride(deps.sql, {
    scheduleId: input.scheduleId,
    accountId,
    startsAt,
    endsAt,
    createdBy: actor.accountId,
  })
}

/**
 * Save the default policy from the editor's text: one level per line, `<minutes> <target>[, <target>]`,
 * a target being `schedule:<name>` or a clinician's username or email.
 */
export async function saveDefaultPolicy(
  deps: CoreDeps,
  actor: Actor,
  input: { name: string; repeats: number; retriggerMinutes: number; supervisor?: string; levels: string },
): Promise<void> {
  requireAdmin(actor)
  const levels: PolicySnapshot['levels'] = []
  const lines = input.levels
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  if (lines.length === 0 || lines.length > 10) throw new AppError('VALIDATION_FAILED', { levels: 'levels_invalid' })
  for (const line of lines) {
    const match = line.match(/^(\d{1,3})\s+(.+)$/)
    const minutes = match ? Number(match[1]) : NaN
    if (!match || minutes < 1 || minutes > 120) throw new AppError('VALIDATION_FAILED', { levels: 'levels_invalid' })
    const targets: PolicyTarget[] = []
    for (const raw of match[2]!
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean)) {
      if (raw.startsWith('schedule:')) {
        const scheduleId = await q.selectScheduleIdByName(deps.sql, raw.slice('schedule:'.length).trim())
        if (!scheduleId) throw new AppError('VALIDATION_FAILED', { levels: 'schedule_unknown' })
        targets.push({ kind: 'schedule', scheduleId })
      } else {
        targets.push({ kind: 'account', accountId: await resolveStaff(deps, raw, 'levels') })
      }
    }
    if (targets.length === 0) throw new AppError('VALIDATION_FAILED', { levels: 'levels_invalid' })
    levels.push({ ackTimeoutMinutes: minutes, targets })
  }
  const supervisorAccountId = input.supervisor ? await resolveStaff(deps, input.supervisor, 'supervisor') : null
  await deps.sql.begin((tx) =>
    q.replaceDefaultPolicy(tx, {
      name: input.name,
      repeats: input.repeats,
      retriggerMinutes: input.retriggerMinutes,
      supervisorAccountId,
      levels,
    }),
  )
}

export async function dismissAlarm(deps: CoreDeps, actor: Actor, alarmId: string) {
  requireAdmin(actor)
  await q.clearAlarmById(deps.sql, alarmId, nowOf(deps))
}

/** Open alarms, for banners (admins) and /metrics. */
export async function countOpenAlarms(deps: Pick<CoreDeps, 'sql'>) {
  return q.countOpenAlarmsByKind(deps.sql)
}

/** The alarm banner on the console and admin pages (clinicians and admins). */
export async function listOpenAlarms(deps: CoreDeps, actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'clinician') throw new AppError('FORBIDDEN')
  return (await q.selectOpenAlarms(deps.sql)).map((a) => ({
    id: a.id,
    kind: a.kind,
    incidentId: a.incidentId,
    raisedAt: a.raisedAt.toISOString(),
  }))
}
