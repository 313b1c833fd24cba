import { randomUUID } from 'node:crypto'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { enqueueOutbox } from '../outbox/outbox.queries.js'
import { raiseCrisisInTransaction } from '../crisis/crisis.service.js'
import { transaction } from '../after-commit.js'
import type { RaiseCrisisResult } from '../crisis/crisis.schema.js'
import { momentLabel, safeZone } from '../selfcare/selfcare.time.js'
import * as q from './measures.queries.js'
import { measureReminderEmail } from './measures.emails.js'
import {
  INSTRUMENTS,
  MAX_TOTAL,
  scoreOf,
  selfHarmAnswer,
  severityOf,
  type GroupMeasuresView,
  type Instrument,
  type InstrumentTrend,
  type MemberMeasuresView,
  type ResponseView,
  type SessionSummaryView,
} from './measures.schema.js'

/*
 * PHQ-9 and GAD-7 for members of therapist-led groups. The member answers and sees their own trend. A group's
 * facilitators see a member's scores — never the item answers — only while that member consents to share with
 * that group and is approved in it; anyone else asking about a group gets NOT_FOUND. PHQ-9 item 9 above
 * "not at all" shows the crisis lines and asks whether a clinician should contact the member, as the self-care
 * crisis question does: only a yes raises a crisis (docs/decisions/041).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
function requireId(id: string): string {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND')
  return id.toLowerCase()
}

/** A request stays open for the member this long (or until its session starts). */
export const REQUEST_OPEN_DAYS = 14
const DAY_MS = 86_400_000

async function zoneOf(deps: CoreDeps, accountId: string): Promise<string> {
  return safeZone((await q.findAccountContext(deps.sql, accountId))?.timeZone)
}

function trendsOf(
  rows: Array<{ id: string; instrument: Instrument; total: number; completedAt: Date }>,
  zone: string,
  locale: 'en' | 'pl',
): InstrumentTrend[] {
  return INSTRUMENTS.map((instrument) => {
    const points = rows
      .filter((r) => r.instrument === instrument)
      .map((r) => ({
        id: r.id,
        total: r.total,
        severity: severityOf(instrument, r.total),
        completedAt: r.completedAt.toISOString(),
        dateLabel: momentLabel(r.completedAt, zone, locale),
      }))
    const latest = points.at(-1) ?? null
    const before = points.at(-2)
    return { instrument, points, latest, change: latest && before ? latest.total - before.total : null }
  })
}

// ── the member ─────────────────────────────────────────────────────────────────────────────────────────
export async function getMemberMeasures(deps: CoreDeps, actor: SessionAccount): Promise<MemberMeasuresView> {
  const now = nowOf(deps)
  const zone = await zoneOf(deps, actor.accountId)
  const [pending, rows, groups, consents] = await Promise.all([
    q.listPendingRequests(deps.sql, actor.accountId, new Date(now.getTime() - REQUEST_OPEN_DAYS * DAY_MS), now),
    q.listResponses(deps.sql, actor.accountId),
    q.listApprovedGroups(deps.sql, actor.accountId),
    q.listCurrentConsents(deps.sql, actor.accountId),
  ])
  return {
    pending: pending.map((r) => ({
      id: r.id,
      groupId: r.groupId,
      groupTitle: r.groupTitle,
      instrument: r.instrument,
      sessionLabel: r.sessionStartsAt ? momentLabel(r.sessionStartsAt, zone, actor.locale) : null,
    })),
    trends: trendsOf(rows, zone, actor.locale),
    consents: groups.map((g) => {
      const current = consents.find((c) => c.groupId === g.id)
      return {
        groupId: g.id,
        groupTitle: g.title,
        sharedSince: current ? current.grantedAt.toISOString() : null,
        sharedSinceLabel: current ? momentLabel(current.grantedAt, zone, actor.locale) : null,
      }
    }),
  }
}

/** Saves a completed questionnaire. The caller shows the result, with the crisis question when it asks. */
export async function submitMeasure(
  deps: CoreDeps,
  actor: SessionAccount,
  instrument: Instrument,
  answers: number[],
): Promise<{ id: string; askAboutSupport: boolean }> {
  let total: number
  try {
    total = scoreOf(instrument, answers).total
  } catch {
    throw new AppError('VALIDATION_FAILED')
  }
  const id = randomUUID()
  await q.insertResponse(deps.sql, actor.accountId, { id, instrument, answers, total, at: nowOf(deps) })
  return { id, askAboutSupport: selfHarmAnswer(instrument, answers) > 0 }
}

export async function getMeasureResult(
  deps: CoreDeps,
  actor: SessionAccount,
  responseId: string,
): Promise<ResponseView> {
  const row = await q.findResponse(deps.sql, actor.accountId, requireId(responseId))
  if (!row) throw new AppError('NOT_FOUND')
  return {
    id: row.id,
    instrument: row.instrument,
    total: row.total,
    max: MAX_TOTAL[row.instrument],
    severity: severityOf(row.instrument, row.total),
    dateLabel: momentLabel(row.completedAt, await zoneOf(deps, actor.accountId), actor.locale),
    askAboutSupport: selfHarmAnswer(row.instrument, row.answers) > 0,
    clinicianRequested: row.clinicianRequestedAt !== null,
  }
}

/**
 * The member said yes to "Would you like a clinician to contact you?" after PHQ-9 item 9. The level is read from
 * the stored answer (several days: concern; more than half the days or nearly every day: high), never from the
 * client. Once per response: a double submit returns the same incident. The clinician gets only what the member
 * wrote in the question's box.
 */
export async function requestClinicianAfterMeasure(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { responseId: string; message: string | null; country: string | null },
): Promise<{ incidentId: string | null; created: boolean }> {
  const id = requireId(input.responseId)
  const row = await q.findResponse(deps.sql, actor.accountId, id)
  if (!row) throw new AppError('NOT_FOUND')
  const answer = selfHarmAnswer(row.instrument, row.answers)
  if (answer === 0) throw new AppError('CONFLICT')
  // The raise announces itself (member's card, console queue) once the transaction has committed.
  const { incidentId, raised } = await transaction(
    deps,
    async (tx): Promise<{ incidentId: string | null; raised: RaiseCrisisResult | null }> => {
      if (!(await q.claimClinicianRequest(tx, actor.accountId, id, nowOf(deps)))) {
        return { incidentId: (await q.findResponse(tx, actor.accountId, id))?.incidentId ?? null, raised: null }
      }
      const result = await raiseCrisisInTransaction(tx, deps, {
        memberAccountId: actor.accountId,
        source: 'self_care',
        level: answer >= 2 ? 'high' : 'concern',
        reason: input.message,
        country: input.country,
      })
      await q.setResponseIncident(tx, id, result.incidentId)
      return { incidentId: result.incidentId, raised: result }
    },
  )
  return { incidentId, created: raised !== null }
}

/** Share scores with one group's facilitators, or stop. Only for a group the member is approved in. */
export async function setMeasureConsent(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  consent: 'grant' | 'withdraw',
): Promise<void> {
  const id = requireId(groupId)
  if (consent === 'withdraw') {
    await q.withdrawConsent(deps.sql, actor.accountId, id, nowOf(deps))
    return
  }
  if (!(await q.isApprovedMember(deps.sql, actor.accountId, id))) throw new AppError('NOT_FOUND')
  await q.grantConsent(deps.sql, actor.accountId, id, nowOf(deps))
}

// ── the group's facilitators ───────────────────────────────────────────────────────────────────────────
async function ledGroup(deps: CoreDeps, actor: SessionAccount, groupId: string) {
  const group = await q.findLedGroup(deps.sql, actor.accountId, requireId(groupId))
  if (!group) throw new AppError('NOT_FOUND')
  return group
}

/**
 * Ask the group's approved members to complete an instrument before the next session. The request and its
 * reminder's outbox row (request id only) are written in one transaction. Once per instrument and session (or per
 * day when no session is scheduled): a second ask would only email the members again.
 */
export async function requestMeasure(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
  instrument: Instrument,
): Promise<string> {
  const group = await ledGroup(deps, actor, groupId)
  const at = nowOf(deps)
  const next = await q.findNextSession(deps.sql, group.id, at)
  return deps.sql.begin(async (tx) => {
    // The group row's lock makes two facilitators asking at once one request.
    await q.lockGroup(tx, group.id)
    if (
      await q.hasRecentRequest(tx, {
        groupId: group.id,
        instrument,
        sessionId: next?.id ?? null,
        since: new Date(at.getTime() - DAY_MS),
      })
    ) {
      throw new AppError('CONFLICT', { instrument: 'measure_already_requested' })
    }
    const id = await q.insertRequest(tx, {
      groupId: group.id,
      instrument,
      sessionId: next?.id ?? null,
      requestedBy: actor.accountId,
      at,
    })
    await enqueueOutbox(tx, 'measures:reminder', { requestId: id })
    return id
  })
}

/** Members who consent, with their score trends under their group pseudonyms; the others only as a count. */
export async function getGroupMeasures(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
): Promise<GroupMeasuresView> {
  const group = await ledGroup(deps, actor, groupId)
  const now = nowOf(deps)
  const zone = await zoneOf(deps, actor.accountId)
  const [next, requests, sharing, scores, approved] = await Promise.all([
    q.findNextSession(deps.sql, group.id, now),
    q.listGroupRequests(deps.sql, group.id, new Date(now.getTime() - 90 * DAY_MS)),
    q.listSharingMembers(deps.sql, group.id),
    q.listSharedScores(deps.sql, group.id),
    q.countApprovedMembers(deps.sql, group.id),
  ])
  return {
    groupId: group.id,
    groupTitle: group.title,
    nextSessionLabel: next ? momentLabel(next.startsAt, zone, actor.locale) : null,
    requests: requests.map((r) => ({
      id: r.id,
      instrument: r.instrument,
      createdLabel: momentLabel(r.createdAt, zone, actor.locale),
      sessionLabel: r.sessionStartsAt ? momentLabel(r.sessionStartsAt, zone, actor.locale) : null,
    })),
    members: sharing.map((m) => ({
      pseudonym: m.pseudonym,
      trends: trendsOf(
        scores.filter((s) => s.accountId === m.accountId),
        zone,
        actor.locale,
      ),
    })),
    notSharing: approved - sharing.length,
  }
}

/**
 * Before the next session (or now, when none is scheduled): for each member who consents, whether they completed
 * what was asked since the previous session, their latest scores and the change from the one before, and how much
 * of the homework due in that time they marked done. Never a journal entry, a reflection or an item answer.
 */
export async function getSessionSummary(
  deps: CoreDeps,
  actor: SessionAccount,
  groupId: string,
): Promise<SessionSummaryView> {
  const group = await ledGroup(deps, actor, groupId)
  const now = nowOf(deps)
  const zone = await zoneOf(deps, actor.accountId)
  const next = await q.findNextSession(deps.sql, group.id, now)
  const until = next?.startsAt ?? now
  const previous = await q.findPreviousSession(deps.sql, group.id, now)
  const since = previous?.startsAt ?? new Date(until.getTime() - REQUEST_OPEN_DAYS * DAY_MS)
  const [requests, sharing, scores, homework, approved] = await Promise.all([
    q.listGroupRequests(deps.sql, group.id, since, 100),
    q.listSharingMembers(deps.sql, group.id),
    q.listSharedScores(deps.sql, group.id),
    q.homeworkStatusOfSharing(deps.sql, group.id, previous?.startsAt ?? null, until),
    q.countApprovedMembers(deps.sql, group.id),
  ])
  return {
    groupId: group.id,
    groupTitle: group.title,
    sessionLabel: next ? momentLabel(next.startsAt, zone, actor.locale) : null,
    sinceLabel: momentLabel(since, zone, actor.locale),
    members: sharing.map((m) => ({
      pseudonym: m.pseudonym,
      measures: INSTRUMENTS.map((instrument) => {
        const own = scores.filter((s) => s.accountId === m.accountId && s.instrument === instrument)
        const latest = own.at(-1)
        const before = own.at(-2)
        const asked = requests.filter((r) => r.instrument === instrument)
        const firstAsked = asked.at(-1)?.createdAt
        return {
          instrument,
          requested: asked.length > 0,
          completed: firstAsked ? own.some((s) => s.completedAt >= firstAsked) : false,
          latest: latest?.total ?? null,
          severity: latest ? severityOf(instrument, latest.total) : null,
          change: latest && before ? latest.total - before.total : null,
        }
      }),
      homework: { done: homework.done.get(m.accountId) ?? 0, total: homework.total },
    })),
    notSharing: approved - sharing.length,
  }
}

// ── reminder job ───────────────────────────────────────────────────────────────────────────────────────
/**
 * The notifications worker emails each approved member who has an address and has not answered yet, once per
 * request: the send is claimed first and released if the mail server refused it, so a retry sends only what is
 * left. The email names nothing: no instrument, no group, no score.
 */
export async function sendMeasureReminders(deps: CoreDeps, payload: { requestId: string }): Promise<{ sent: number }> {
  const request = await q.findRequest(deps.sql, payload.requestId)
  if (!request) return { sent: 0 }
  let sent = 0
  for (const to of await q.listReminderRecipients(deps.sql, request.id)) {
    if (!(await q.claimReminder(deps.sql, request.id, to.accountId))) continue
    try {
      await deps.mailer.send({
        to: to.email,
        ...measureReminderEmail(to.locale, `${deps.config.publicUrl}/care/measures`),
      })
    } catch (error) {
      await q.releaseReminder(deps.sql, request.id, to.accountId)
      throw error
    }
    sent++
  }
  return { sent }
}

// ── export ─────────────────────────────────────────────────────────────────────────────────────────────
/** Everything of the member's measures, for the account export: every answer, the consents with their times. */
export async function exportMeasuresData(deps: CoreDeps, accountId: string) {
  const [responses, consents, reminders] = await Promise.all([
    q.listResponses(deps.sql, accountId),
    q.listConsentHistory(deps.sql, accountId),
    q.listRemindersOf(deps.sql, accountId),
  ])
  return {
    responses: responses.map((r) => ({
      id: r.id,
      instrument: r.instrument,
      answers: r.answers,
      total: r.total,
      severity: severityOf(r.instrument, r.total),
      completedAt: r.completedAt.toISOString(),
      clinicianContactRequestedAt: r.clinicianRequestedAt?.toISOString() ?? null,
    })),
    consents: consents.map((c) => ({
      group: { id: c.groupId, title: c.groupTitle },
      grantedAt: c.grantedAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    remindersEmailed: reminders.map((r) => ({ requestId: r.requestId, sentAt: r.sentAt.toISOString() })),
  }
}
