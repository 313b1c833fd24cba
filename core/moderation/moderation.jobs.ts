import { recordAudit } from '../audit/audit.service.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import * as q from './moderation.queries.js'
import { announceFlag, announceMessageState } from './moderation.realtime.js'
import { AUTO_HIDE_REPORTERS } from './moderation.schema.js'
import { deadlineMinutes, scorePriority } from './penalties.js'

const MINUTE = 60_000

/**
 * `moderation:flag`: score the flag, hide the message past the thresholds, make sure a deadline job
 * is waiting, and tell the room's facilitators. Everything is derived from rows, and every write is
 * conditional, so a retried or duplicated job leaves the same end state.
 */
export async function processFlag(
  deps: CoreDeps,
  payload: { flagId: string },
): Promise<'scored' | 'closed' | 'missing'> {
  const now = nowOf(deps)
  const outcome = await deps.sql.begin(async (tx) => {
    const flag = await q.lockFlag(tx, payload.flagId)
    if (!flag) return { kind: 'missing' as const }
    if (flag.status !== 'open') return { kind: 'closed' as const }
    const reporters = await q.reportStats(tx, flag)
    const memberReporters = reporters.filter((r) => !r.byFacilitator).length
    const facilitatorReport = flag.source === 'facilitator' || reporters.some((r) => r.byFacilitator)
    const priority = scorePriority({
      category: flag.category,
      held: flag.held,
      distinctReporters: reporters.length,
      facilitatorReport,
      reporterHistory: reporters.map((r) => ({ actioned: r.actioned, dismissed: r.dismissed })),
    })
    // A higher priority can only bring the deadline forward.
    const byPriority = new Date(flag.createdAt.getTime() + deadlineMinutes(priority) * MINUTE)
    const deadlineAt = byPriority < flag.deadlineAt ? byPriority : flag.deadlineAt
    await q.updateFlagScore(tx, flag.id, { priority, deadlineAt, now })

    let hidden = false
    if (memberReporters >= AUTO_HIDE_REPORTERS || facilitatorReport) {
      const message = await q.lockTargetMessage(tx, flag.roomId, flag.messageId)
      if (message?.status === 'visible') {
        await q.setMessageStatus(tx, message.id, 'hidden', null, now)
        await q.markAutoHidden(tx, flag.id, now)
        await recordAudit(tx, deps, {
          actorAccountId: null,
          action: 'moderation.auto_hide',
          targetType: 'message',
          targetId: message.id,
          reason: facilitatorReport ? 'facilitator_report' : 'reporter_threshold',
          details: { roomId: flag.roomId, flagId: flag.id, reporters: reporters.length },
        })
        hidden = true
      }
    }

    if (!flag.deadlineJobAt || deadlineAt < flag.deadlineJobAt) {
      await enqueueOutbox(
        tx,
        'moderation:deadline',
        { flagId: flag.id, stage: Math.min(flag.stage, 1) },
        {
          delayMs: Math.max(0, deadlineAt.getTime() - now.getTime()),
        },
      )
      await q.markDeadlineJob(tx, flag.id, deadlineAt)
    }
    return { kind: 'scored' as const, flag: { ...flag, priority }, hidden }
  })
  if (outcome.kind !== 'scored') return outcome.kind
  if (outcome.hidden) await announceMessageState(deps, outcome.flag.roomId, outcome.flag.messageId)
  announceFlag(deps, {
    flagId: outcome.flag.id,
    roomId: outcome.flag.roomId,
    priority: outcome.flag.priority,
    status: 'open',
    stage: outcome.flag.stage,
  })
  return 'scored'
}

/**
 * `moderation:deadline`: a flag nobody handled in time. Stage 0 re-notifies the room's facilitators and
 * starts a second wait; stage 1 raises it to admins. A flag handled meanwhile, or a job for a stage
 * already passed (a retry, a duplicate), changes nothing.
 */
export async function processDeadline(
  deps: CoreDeps,
  payload: { flagId: string; stage: number },
): Promise<'renotified' | 'raised' | 'stale' | 'early'> {
  const now = nowOf(deps)
  const outcome = await deps.sql.begin(async (tx) => {
    const flag = await q.lockFlag(tx, payload.flagId)
    if (!flag || flag.status !== 'open' || flag.stage !== payload.stage) return { kind: 'stale' as const }
    // A job delayed for a deadline that has since moved later is early; the job for the new deadline follows.
    if (now < flag.deadlineAt) return { kind: 'early' as const }
    const next = new Date(now.getTime() + deadlineMinutes(flag.priority) * MINUTE)
    if (!(await q.advanceStage(tx, flag.id, flag.stage, next))) return { kind: 'stale' as const }
    if (payload.stage === 0) {
      await enqueueOutbox(
        tx,
        'moderation:deadline',
        { flagId: flag.id, stage: 1 },
        { delayMs: next.getTime() - now.getTime() },
      )
    }
    return { kind: payload.stage === 0 ? ('renotified' as const) : ('raised' as const), flag }
  })
  if (outcome.kind === 'stale' || outcome.kind === 'early') return outcome.kind
  const { flag } = outcome
  announceFlag(
    deps,
    { flagId: flag.id, roomId: flag.roomId, priority: flag.priority, status: 'open', stage: payload.stage + 1 },
    { toAdmins: outcome.kind === 'raised' },
  )
  return outcome.kind
}
