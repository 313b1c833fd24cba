import { recordAudit } from '../audit/audit.service.js'
import { nowOf, type CoreDeps } from '../deps.js'
import { storageOf } from '../storage/storage.js'
import * as q from './retention.queries.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** A backstop: one run stops after this many batches of one kind; the next day's run carries on. */
const MAX_BATCHES = 1_000

/** What one purge removed, by kind. Counts only: the audit row and the log line carry nothing else. */
export interface PurgeCounts {
  messageTexts: number
  messageRevisions: number
  messages: number
  crisisChatMessages: number
  crisisNotes: number
  crisisSignalReasons: number
  privateMessages: number
  privateThreads: number
  sessions: number
  signupRequests: number
  files: number
  jobs: number
}

/**
 * Finished jobs older than `olderThanMs` are removed from every queue, at most `limit` per queue and state; the
 * number removed. Given by the workers process (core never opens a BullMQ queue of its own).
 */
export type CleanFinishedJobs = (olderThanMs: number, limit: number) => Promise<number>

/** Run `batch` until it returns fewer rows than a full batch. */
async function inBatches(limit: number, batch: () => Promise<number>): Promise<number> {
  let total = 0
  for (let i = 0; i < MAX_BATCHES; i++) {
    const n = await batch()
    total += n
    if (n < limit) break
  }
  return total
}

/**
 * The daily retention purge (docs/privacy.md). Removes what the configured periods make due at `nowOf(deps)`, in
 * batches; idempotent (a second run finds nothing due and writes nothing). When anything was removed, one audit
 * row records the counts — never content. Audit rows themselves are never deleted (the hash chain stays whole).
 */
export async function runRetentionPurge(
  deps: CoreDeps,
  options: { cleanJobs?: CleanFinishedJobs } = {},
): Promise<PurgeCounts> {
  const c = deps.config
  const now = nowOf(deps)
  const limit = c.RETENTION_BATCH_SIZE
  const ago = (ms: number) => new Date(now.getTime() - ms)
  const counts: PurgeCounts = {
    messageTexts: 0,
    messageRevisions: 0,
    messages: 0,
    crisisChatMessages: 0,
    crisisNotes: 0,
    crisisSignalReasons: 0,
    privateMessages: 0,
    privateThreads: 0,
    sessions: 0,
    signupRequests: 0,
    files: 0,
    jobs: 0,
  }

  counts.messageTexts = await inBatches(limit, async () => {
    const r = await q.purgeMessageText(deps.sql, {
      deletedBefore: ago(c.RETENTION_DELETED_MESSAGE_HOURS * HOUR),
      moderatedBefore: ago(c.MODERATION_APPEAL_DAYS * DAY),
      now,
      limit,
    })
    counts.messageRevisions += r.revisions
    return r.messages
  })
  counts.messages = await inBatches(limit, () =>
    q.deleteOldMessages(deps.sql, { before: ago(c.RETENTION_CHAT_DAYS * DAY), limit }),
  )
  await inBatches(limit, async () => {
    const r = await q.purgeResolvedIncidentDetail(deps.sql, { before: ago(c.RETENTION_CRISIS_DAYS * DAY), limit })
    counts.crisisChatMessages += r.chatMessages
    counts.crisisNotes += r.notes
    counts.crisisSignalReasons += r.signalReasons
    return Math.max(r.chatMessages, r.notes, r.signalReasons)
  })
  counts.privateMessages = await inBatches(limit, () =>
    q.deleteOldPrivateMessages(deps.sql, { before: ago(c.RETENTION_PRIVATE_MESSAGE_DAYS * DAY), limit }),
  )
  counts.privateThreads = await inBatches(limit, () =>
    q.deleteEmptyPrivateThreads(deps.sql, { before: ago(c.RETENTION_PRIVATE_MESSAGE_DAYS * DAY), limit }),
  )
  counts.sessions = await inBatches(limit, () =>
    q.deleteEndedSessions(deps.sql, { before: ago(c.RETENTION_SESSION_DAYS * DAY), limit }),
  )
  counts.signupRequests = await inBatches(limit, () => q.deleteExpiredSignUpRequests(deps.sql, { now, limit }))
  counts.files = await inBatches(limit, async () => {
    const keys = await q.dueStorageDeletions(deps.sql, limit)
    let deleted = 0
    for (const key of keys) {
      try {
        await storageOf(deps).delete(key)
        await q.forgetStorageDeletion(deps.sql, key)
        deleted++
      } catch (error) {
        // Kept for tomorrow's run; storage keys are random and name nobody.
        deps.log.warn(
          { storageKey: key, err: { message: (error as Error).message } },
          'retention could not delete a stored file',
        )
      }
    }
    // A key that failed stays first in line: stop this run rather than retry it in a loop.
    return deleted < keys.length ? 0 : deleted
  })
  if (options.cleanJobs) counts.jobs = await options.cleanJobs(c.RETENTION_JOB_DAYS * DAY, limit)

  if (Object.values(counts).some((n) => n > 0)) {
    await deps.sql.begin((tx) =>
      recordAudit(tx, deps, {
        actorAccountId: null,
        action: 'retention.purge',
        targetType: 'retention',
        targetId: now.toISOString().slice(0, 10),
        details: { ...counts },
      }),
    )
  }
  deps.log.info({ counts }, 'retention purge finished')
  return counts
}
