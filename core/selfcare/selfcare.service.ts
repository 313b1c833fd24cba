import { randomUUID } from 'node:crypto'
import { nowOf, type CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import type { SessionAccount } from '../identity/identity.schema.js'
import { classifyRisk, type RiskLevel } from '../crisis/classifier.js'
import { raiseCrisisInTransaction } from '../crisis/crisis.service.js'
import { transaction } from '../after-commit.js'
import type { RaiseCrisisResult } from '../crisis/crisis.schema.js'
import { exportFollowUps } from '../crisis/crisis.followup.js'
import * as q from './selfcare.queries.js'
import { seal, unseal, type MemberKey } from './selfcare.crypto.js'
import { findMemberKey, memberKeyFor } from './member-key.js'
import {
  CHART_RANGES,
  MOOD_CHECKINS_PER_DAY,
  type ChartRange,
  type EntryKind,
  type JournalEntryInput,
  type JournalEntryView,
  type JournalListItem,
  type MoodCheckInInput,
  type MoodCheckInView,
  type MoodDay,
  type MoodOverview,
  type SavedEntry,
} from './selfcare.schema.js'
import { dayLabel, daysEndingWith, localDateOf, momentLabel, safeZone } from './selfcare.time.js'
import { exportGoals } from './goals.service.js'
import { exportReminderPreference } from './reminders.service.js'
import { exportSafetyPlan } from './safety-plan.service.js'

export * from './goals.service.js'
export * from './reminders.service.js'
export * from './safety-plan.service.js'

/*
 * The private journal and mood check-ins. Every function acts for the signed-in member on their own rows only:
 * there is deliberately no path for a facilitator, clinician or admin to read a journal entry or a mood note.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
function requireId(id: string): string {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND')
  return id.toLowerCase()
}

/** Crisis-level or not, read on the server from what the member wrote. The text itself goes nowhere. */
function riskOf(...texts: Array<string | null>): RiskLevel {
  const text = texts.filter((t): t is string => Boolean(t)).join('\n\n')
  return text ? classifyRisk(text).level : 'none'
}

async function zoneOf(deps: CoreDeps, accountId: string): Promise<string> {
  return safeZone((await q.findAccountContext(deps.sql, accountId))?.timeZone)
}

/** The member's calendar day now and their time zone (forms default to it). */
export async function getLocalToday(
  deps: CoreDeps,
  actor: SessionAccount,
): Promise<{ date: string; timeZone: string }> {
  const timeZone = await zoneOf(deps, actor.accountId)
  return { date: localDateOf(nowOf(deps), timeZone), timeZone }
}

// ── journal ────────────────────────────────────────────────────────────────────────────────────────────
function openEntry(key: MemberKey, row: q.JournalRow) {
  return {
    title: row.titleEnc ? unseal(key, 'journal.title', row.id, row.titleEnc) : null,
    body: unseal(key, 'journal.body', row.id, row.bodyEnc),
  }
}

function sealEntry(key: MemberKey, id: string, input: JournalEntryInput) {
  return {
    titleEnc: input.title ? seal(key, 'journal.title', id, input.title) : null,
    bodyEnc: seal(key, 'journal.body', id, input.body),
  }
}

const PREVIEW_CHARS = 140

export async function listJournal(deps: CoreDeps, actor: SessionAccount): Promise<JournalListItem[]> {
  const rows = await q.listJournalRows(deps.sql, actor.accountId, 500)
  if (rows.length === 0) return []
  const key = (await findMemberKey(deps, actor.accountId))!
  const zone = await zoneOf(deps, actor.accountId)
  return rows.map((row) => {
    const { title, body } = openEntry(key, row)
    const flat = body.replace(/\s+/g, ' ').trim()
    return {
      id: row.id,
      title,
      preview: flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      dateLabel: momentLabel(row.createdAt, zone, actor.locale),
    }
  })
}

export async function getJournalEntry(
  deps: CoreDeps,
  actor: SessionAccount,
  entryId: string,
): Promise<JournalEntryView> {
  const row = await q.findJournalRow(deps.sql, actor.accountId, requireId(entryId))
  if (!row) throw new AppError('NOT_FOUND')
  const key = (await findMemberKey(deps, actor.accountId))!
  const zone = await zoneOf(deps, actor.accountId)
  return {
    id: row.id,
    ...openEntry(key, row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    dateLabel: momentLabel(row.createdAt, zone, actor.locale),
  }
}

/** Saved whatever it says; crisis-level text only means the member is asked, on the next page, whether to tell anyone. */
export async function writeJournalEntry(
  deps: CoreDeps,
  actor: SessionAccount,
  input: JournalEntryInput,
): Promise<SavedEntry> {
  const key = await memberKeyFor(deps, actor.accountId)
  const id = randomUUID()
  await q.insertJournalRow(deps.sql, actor.accountId, { id, ...sealEntry(key, id, input), at: nowOf(deps) })
  return { id, askAboutSupport: riskOf(input.title, input.body) !== 'none' }
}

export async function updateJournalEntry(
  deps: CoreDeps,
  actor: SessionAccount,
  entryId: string,
  input: JournalEntryInput,
): Promise<SavedEntry> {
  const id = requireId(entryId)
  const key = await findMemberKey(deps, actor.accountId)
  if (
    !key ||
    !(await q.updateJournalRow(deps.sql, actor.accountId, { id, ...sealEntry(key, id, input), at: nowOf(deps) }))
  ) {
    throw new AppError('NOT_FOUND')
  }
  return { id, askAboutSupport: riskOf(input.title, input.body) !== 'none' }
}

export async function deleteJournalEntry(deps: CoreDeps, actor: SessionAccount, entryId: string): Promise<void> {
  if (!(await q.deleteJournalRow(deps.sql, actor.accountId, requireId(entryId)))) throw new AppError('NOT_FOUND')
}

// ── mood ───────────────────────────────────────────────────────────────────────────────────────────────
function moodView(
  key: MemberKey | null,
  row: q.MoodRow,
  zone: string,
  locale: SessionAccount['locale'],
): MoodCheckInView {
  return {
    id: row.id,
    score: row.score,
    feelings: row.feelings,
    note: row.noteEnc && key ? unseal(key, 'mood.note', row.id, row.noteEnc) : null,
    createdAt: row.createdAt.toISOString(),
    localDate: row.localDate,
    timeLabel: momentLabel(row.createdAt, zone, locale),
  }
}

/** At most MOOD_CHECKINS_PER_DAY a day in the member's time zone; the count and the insert share one lock. */
export async function recordMoodCheckIn(
  deps: CoreDeps,
  actor: SessionAccount,
  input: MoodCheckInInput,
): Promise<SavedEntry> {
  const key = await memberKeyFor(deps, actor.accountId)
  const at = nowOf(deps)
  const today = localDateOf(at, await zoneOf(deps, actor.accountId))
  const id = randomUUID()
  await deps.sql.begin(async (tx) => {
    await q.lockMemberKey(tx, actor.accountId)
    if ((await q.countMoodOnDay(tx, actor.accountId, today)) >= MOOD_CHECKINS_PER_DAY) {
      throw new AppError('RATE_LIMITED', { checkIn: 'mood_daily_limit' })
    }
    await q.insertMoodRow(tx, actor.accountId, {
      id,
      score: input.score,
      feelings: input.feelings,
      noteEnc: input.note ? seal(key, 'mood.note', id, input.note) : null,
      localDate: today,
      at,
    })
  })
  return { id, askAboutSupport: riskOf(input.note) !== 'none' }
}

export async function deleteMoodCheckIn(deps: CoreDeps, actor: SessionAccount, checkInId: string): Promise<void> {
  if (!(await q.deleteMoodRow(deps.sql, actor.accountId, requireId(checkInId)))) throw new AppError('NOT_FOUND')
}

export function parseChartRange(value: string | null | undefined): ChartRange {
  return CHART_RANGES.find((r) => String(r) === value) ?? 30
}

const RECENT_LIMIT = 30

/** The chart's days (average score per local day, oldest first), today's count, and recent check-ins. */
export async function getMoodOverview(
  deps: CoreDeps,
  actor: SessionAccount,
  range: ChartRange = 30,
): Promise<MoodOverview> {
  const zone = await zoneOf(deps, actor.accountId)
  const today = localDateOf(nowOf(deps), zone)
  const dates = daysEndingWith(today, range)
  const [rows, latestRows, key] = await Promise.all([
    q.listMoodRows(deps.sql, actor.accountId, { fromDate: dates[0] }),
    q.listMoodRows(deps.sql, actor.accountId, { limit: 1 }),
    findMemberKey(deps, actor.accountId),
  ])
  const byDay = new Map<string, number[]>()
  for (const row of rows) byDay.set(row.localDate, [...(byDay.get(row.localDate) ?? []), row.score])
  const days: MoodDay[] = dates.map((date) => {
    const scores = byDay.get(date) ?? []
    const average = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null
    return {
      date,
      label: dayLabel(date, actor.locale),
      average,
      low: scores.length ? Math.min(...scores) : null,
      high: scores.length ? Math.max(...scores) : null,
      count: scores.length,
    }
  })
  return {
    range,
    timeZone: zone,
    today,
    todayCount: byDay.get(today)?.length ?? 0,
    limit: MOOD_CHECKINS_PER_DAY,
    days,
    latest: latestRows[0] ? moodView(key, latestRows[0], zone, actor.locale) : null,
    recent: rows.slice(0, RECENT_LIMIT).map((row) => moodView(key, row, zone, actor.locale)),
  }
}

// ── "Would you like a clinician to contact you?" ───────────────────────────────────────────────────────
/** The member's own entry, re-read and re-classified here: a client never says how serious it was. */
async function entryRisk(deps: CoreDeps, actor: SessionAccount, kind: EntryKind, entryId: string): Promise<RiskLevel> {
  const id = requireId(entryId)
  const key = await findMemberKey(deps, actor.accountId)
  if (kind === 'journal') {
    const row = await q.findJournalRow(deps.sql, actor.accountId, id)
    if (!row || !key) throw new AppError('NOT_FOUND')
    const { title, body } = openEntry(key, row)
    return riskOf(title, body)
  }
  const row = await q.findMoodRow(deps.sql, actor.accountId, id)
  if (!row) throw new AppError('NOT_FOUND')
  return riskOf(row.noteEnc && key ? unseal(key, 'mood.note', row.id, row.noteEnc) : null)
}

export interface SupportPrompt {
  kind: EntryKind
  entryId: string
  ask: boolean
  alreadyRequested: boolean
}

export async function getSupportPrompt(
  deps: CoreDeps,
  actor: SessionAccount,
  kind: EntryKind,
  entryId: string,
): Promise<SupportPrompt> {
  const level = await entryRisk(deps, actor, kind, entryId)
  const request = await q.findSupportRequest(deps.sql, actor.accountId, kind, entryId.toLowerCase())
  return { kind, entryId: entryId.toLowerCase(), ask: level !== 'none', alreadyRequested: request !== null }
}

/**
 * The member said yes. Only for a crisis-level entry of their own, and once per entry: a second yes (a double
 * submit) returns the same incident. The clinician gets the level and what the member chose to write in the
 * question's box — never the journal entry or the mood note.
 */
export async function requestClinicianContact(
  deps: CoreDeps,
  actor: SessionAccount,
  input: { kind: EntryKind; entryId: string; message: string | null; country: string | null },
): Promise<{ incidentId: string | null; created: boolean }> {
  const level = await entryRisk(deps, actor, input.kind, input.entryId)
  if (level === 'none') throw new AppError('CONFLICT')
  const entryId = input.entryId.toLowerCase()
  // The raise announces itself after the commit (afterCommit).
  const { incidentId, raised } = await transaction(
    deps,
    async (tx): Promise<{ incidentId: string | null; raised: RaiseCrisisResult | null }> => {
      if (!(await q.claimSupportRequest(tx, actor.accountId, input.kind, entryId))) {
        return {
          incidentId: (await q.findSupportRequest(tx, actor.accountId, input.kind, entryId))?.incidentId ?? null,
          raised: null,
        }
      }
      const result = await raiseCrisisInTransaction(tx, deps, {
        memberAccountId: actor.accountId,
        source: 'self_care',
        level,
        reason: input.message,
        country: input.country,
      })
      await q.setSupportIncident(tx, input.kind, entryId, result.incidentId)
      return { incidentId: result.incidentId, raised: result }
    },
  )
  return { incidentId, created: raised !== null }
}

// ── export ─────────────────────────────────────────────────────────────────────────────────────────────
/** Everything of the member's self-care, decrypted, for the account export. */
export async function exportSelfCareData(deps: CoreDeps, accountId: string) {
  const key = await findMemberKey(deps, accountId)
  const journalRows = await q.listJournalRows(deps.sql, accountId, 100_000)
  const moodRows = await q.listMoodRows(deps.sql, accountId)
  const requests = await q.listSupportRequests(deps.sql, accountId)
  return {
    journal: journalRows.map((row) => ({
      id: row.id,
      ...(key ? openEntry(key, row) : { title: null, body: null }),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    moodCheckIns: moodRows.map((row) => ({
      id: row.id,
      score: row.score,
      feelings: row.feelings,
      note: row.noteEnc && key ? unseal(key, 'mood.note', row.id, row.noteEnc) : null,
      localDate: row.localDate,
      createdAt: row.createdAt.toISOString(),
    })),
    goals: await exportGoals(deps, accountId),
    reminder: await exportReminderPreference(deps, accountId),
    safetyPlan: await exportSafetyPlan(deps, accountId),
    afterCrisis: await exportFollowUps(deps, accountId),
    clinicianContactRequests: requests.map((r) => ({
      entryKind: r.entryKind,
      entryId: r.entryId,
      createdAt: r.createdAt.toISOString(),
    })),
  }
}
