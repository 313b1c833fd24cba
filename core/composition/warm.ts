import { randomBytes, randomUUID } from 'node:crypto'
import type postgres from 'postgres'
import { keepPoolWarm, type PoolWarmReport, type TransactionSql } from '../../db/client.js'
import * as chatQ from '../chat/chat.queries.js'
import type { MembershipRow } from '../chat/chat.queries.js'
import { classifyRisk, type RiskLevel } from '../crisis/classifier.js'
import * as crisisQ from '../crisis/crisis.queries.js'
import { FALLBACK_POLICY } from '../crisis/crisis.schema.js'
import type { CoreDeps } from '../deps.js'
import { enqueueOutbox, outboxRowSelect } from '../outbox/outbox.queries.js'
import { crisisLinesFor } from '../crisis/crisis-lines.js'
import * as moderationQ from '../moderation/moderation.queries.js'
import { insertTopicRoom } from '../admin/admin.queries.js'
import { insertAccount } from '../identity/identity.queries.js'
import { screenMessage, type ScreenOutcome } from '../moderation/screen.js'

/**
 * Runs the send path's screens once over a few typical messages before the server takes traffic
 * (docs/decisions/051-warm-send-path-at-start.md). V8 compiles a regular expression and the code around it on first
 * use: the classifier's and the screen's rules for risk are only reached by a message at risk, so without this the
 * first member in crisis after every start paid that (tens of milliseconds on a quiet machine, hundreds on a busy one)
 * while the room's transaction waited. Nothing is stored or sent; texts are constants, never members' words.
 */
const TEXTS: ReadonlyArray<{ language: 'en' | 'pl'; text: string; context: string[] }> = [
  { language: 'en', text: 'hi everyone, how is your week going?', context: [] },
  { language: 'en', text: 'everything feels pointless and i am so tired of it all', context: ['rough day today'] },
  {
    language: 'en',
    text: "i can't do this anymore, i'm going to kill myself tonight",
    context: ['nobody would even notice', 'rough day today'],
  },
  { language: 'en', text: 'i have been thinking about ending my life, i have the pills here', context: [] },
  { language: 'pl', text: 'cześć wszystkim, jak minął wam tydzień?', context: [] },
  { language: 'pl', text: 'wszystko wydaje się bez sensu i jestem tym zmęczona', context: ['ciężki dzień'] },
  { language: 'pl', text: 'nie dam już rady, dziś w nocy się zabiję', context: ['nikt by nawet nie zauważył'] },
]

export interface WarmReport {
  /** What each warm-up text was read as, per language: a warm-up that never reached the risk rules is no warm-up. */
  levels: Record<'en' | 'pl', RiskLevel[]>
  outcomes: ScreenOutcome[]
  ms: number
}

export function warmSendPath(rounds = 2): WarmReport {
  const started = performance.now()
  const levels: WarmReport['levels'] = { en: [], pl: [] }
  const outcomes: ScreenOutcome[] = []
  for (let round = 0; round < rounds; round++) {
    for (const { language, text, context } of TEXTS) {
      const risk = classifyRisk(text, { context })
      const screened = screenMessage(text, { recentOwnTexts: context })
      if (round === 0) {
        levels[language].push(risk.level)
        outcomes.push(screened.outcome)
      }
    }
  }
  for (const country of ['GB', 'US', 'PL', 'IE', null]) crisisLinesFor(country)
  return { levels, outcomes, ms: performance.now() - started }
}

/**
 * The send path's statements, run on one pooled connection before it takes work (docs/decisions/064-warm-pool-kept-open.md).
 * postgres.js prepares a statement once per connection, with a Parse/Describe round trip of its own, and PostgreSQL
 * loads a table's catalog entries per backend on first use: a crisis message's transaction (the room's seq, the
 * message, the incident, its signal, event and page) is the only send that runs the crisis statements, so every
 * connection paid that the first time it carried one, while the room's row lock was held and the member waited for
 * their card. Here the reads run for real with ids that match nothing, and the writes are described (prepared) in
 * every form the send uses, then run once in a savepoint that is rolled back (`runCrisisWritesRolledBack`): nothing
 * is stored, locked beyond the round or announced (the round's transaction, db/client.ts, commits nothing).
 */
export async function warmConnection(connection: TransactionSql): Promise<void> {
  const described: Promise<unknown>[] = []
  const tx = describingWrites(connection, described)
  const none = randomUUID()
  const now = new Date()
  const member: MembershipRow = {
    id: none,
    pseudonym: 'warm-up',
    rulesVersionAccepted: 1,
    lastReadSeq: 0,
    badge: null,
    role: 'member',
  }
  const values = { roomId: none, seq: 1, clientId: none, body: 'warm-up', now, held: false, member }
  const signal: Signal = {
    source: 'message',
    level: 'imminent',
    roomId: none,
    messageId: none,
    reporterAccountId: null,
    reason: null,
    classifierSignals: ['warm-up'],
    at: now,
  }
  // Shaped as a real crisis send's are: the same statement text and parameter types, so the same prepared statement.
  const calls: Array<() => Promise<unknown>> = [
    // The send's reads (membership on a cache miss, the member's recent texts for the classifier's context).
    () => chatQ.findRoomAndMembership(connection, none, none),
    () => chatQ.recentTexts(connection, none, 5),
    // The raise's reads, then its writes.
    () => crisisQ.findAccountBrief(connection, none),
    () => crisisQ.selectOpenIncidentForUpdate(connection, none),
    () => crisisQ.selectDefaultPolicy(connection),
    ...[false, true].map(
      // Both forms: a pipelined COMMIT's raise fails on an open incident instead of doing nothing (decision 073).
      (failIfOpen) => () =>
        crisisQ.insertRaisedIncident(
          tx,
          raisedIncident(tx, { incidentId: none, accountId: none, signal, now, failIfOpen }),
        ),
    ),
    () => crisisQ.insertSignal(tx, { incidentId: none, ...signal }),
    () => crisisQ.insertEvent(tx, { incidentId: none, kind: 'raised', escalationLevel: 0, repeat: 0, at: now }),
    () => crisisQ.updateIncidentLevel(tx, none, 'imminent'),
    () => enqueueOutbox(tx, 'crisis:page', { incidentId: none, level: 0, repeat: 0 }),
    // The message's transaction around the raise: a lone send (persistOne) and a group commit (commitBatch).
    // Held or not (a message at risk is often held by moderation's screen): a parameter of another type, another statement.
    () => chatQ.insertNextMessage(tx, { ...values, membershipId: none }),
    () => chatQ.insertNextMessage(tx, { ...values, membershipId: none, held: true }),
    // Moderation's flag (and its job) on a message it holds, in the same transaction.
    () =>
      moderationQ.openFlag(tx, heldFlag(tx, { flagId: none, messageId: none, roomId: none, membershipId: none, now })),
    () => chatQ.lockRoomForBatch(tx, none, [{ membershipId: none, clientId: none }]),
    () => chatQ.insertBatch(tx, none, 1, [values]),
  ]
  const outcomes = await Promise.allSettled(calls.map((call) => call()))
  await Promise.all(described)
  // A described write answers with no rows, so a query function that reads its row may throw; PostgreSQL refusing a
  // statement is a warm-up that does not match the code, and says so.
  for (const outcome of outcomes)
    if (outcome.status === 'rejected' && (outcome.reason as Error).name === 'PostgresError') throw outcome.reason
  await runCrisisWritesRolledBack(connection)
}

type Signal = Omit<Parameters<typeof crisisQ.insertSignal>[1], 'incidentId'>

/** A new incident's statement, shaped as a crisis send's (the same text and parameter types). */
function raisedIncident(
  db: TransactionSql,
  input: { incidentId: string; accountId: string; signal: Signal; now: Date; failIfOpen: boolean },
): Parameters<typeof crisisQ.insertRaisedIncident>[1] {
  return {
    failIfOpen: input.failIfOpen,
    incident: {
      id: input.incidentId,
      memberAccountId: input.accountId,
      memberLabel: 'warm-up',
      memberLocale: 'en',
      memberCountry: null,
      level: 'imminent',
      source: 'message',
      policy: FALLBACK_POLICY,
      raisedAt: input.now,
    },
    signal: input.signal,
    actorAccountId: null,
    page: outboxRowSelect(db, 'crisis:page', { incidentId: input.incidentId, level: 0, repeat: 0 }),
  }
}

/** Moderation's flag (and its job) on a message it holds, shaped as a crisis send's. */
function heldFlag(
  db: TransactionSql,
  input: { flagId: string; messageId: string; roomId: string; membershipId: string; now: Date },
): Parameters<typeof moderationQ.openFlag>[1] {
  return {
    id: input.flagId,
    messageId: input.messageId,
    roomId: input.roomId,
    membershipId: input.membershipId,
    source: 'screen',
    category: 'self_harm',
    signals: ['warm-up'],
    screenReason: 'self_harm',
    held: true,
    priority: 1,
    deadlineAt: input.now,
    now: input.now,
    job: outboxRowSelect(db, 'moderation:flag', { flagId: input.flagId }),
  }
}

class RolledBack extends Error {}

/**
 * A crisis send's writes, run for real on this backend and rolled back (docs/decisions/076-executed-crisis-warm-up.md).
 * Preparing a statement leaves what PostgreSQL does only when it runs one: planning it, the foreign-key checks' own
 * plans (cached per backend), the outbox trigger's function, the indexes' insert paths. A backend's first crisis
 * transaction paid those (raise 18–29 ms against about 3 ms later, under the bench's load) while the room's row lock
 * was held. Here they run inside a savepoint, on throwaway rows made in it (an account, a room, a membership: no
 * member's row is read or locked), and the savepoint is rolled back: nothing is stored, and the outbox trigger's
 * notification, made in the rolled-back savepoint, is never sent.
 */
async function runCrisisWritesRolledBack(connection: TransactionSql): Promise<void> {
  try {
    await connection.savepoint(async (sp) => {
      const now = new Date()
      // Unique columns get random values: two backends warming at once must never wait for each other's rows.
      const tag = `warm-${randomBytes(12).toString('hex')}`
      const account = await insertAccount(sp, {
        kind: 'anonymous',
        email: null,
        username: tag,
        passwordHash: '!',
        recoveryCodeHash: randomBytes(32),
        locale: 'en',
      })
      const roomId = await insertTopicRoom(sp, {
        slug: tag,
        title: 'warm-up',
        description: '',
        language: 'en',
        rules: '',
        locked: false,
        slowModeSeconds: 0,
      })
      const membershipId = await chatQ.insertMembership(sp, {
        roomId,
        accountId: account!.id,
        pseudonym: 'warm-up',
        rulesVersion: 1,
        now,
      })
      const message = await chatQ.insertNextMessage(sp, {
        roomId,
        membershipId: membershipId!,
        clientId: randomUUID(),
        body: 'warm-up',
        now,
        held: true,
      })
      const incidentId = randomUUID()
      const flagId = randomUUID()
      const signal = {
        source: 'message' as const,
        level: 'imminent' as const,
        roomId,
        messageId: message.id!,
        reporterAccountId: null,
        reason: null,
        classifierSignals: ['warm-up'],
        at: now,
      }
      // As a crisis send's second round trip: the incident's statement and the flag's, together.
      await Promise.all([
        crisisQ.insertRaisedIncident(
          sp,
          raisedIncident(sp, { incidentId, accountId: account!.id, signal, now, failIfOpen: true }),
        ),
        moderationQ.openFlag(
          sp,
          heldFlag(sp, { flagId, messageId: message.id!, roomId, membershipId: membershipId!, now }),
        ),
      ])
      // A member's next crisis message: a signal and an event on the open incident.
      await Promise.all([
        crisisQ.insertSignal(sp, { incidentId, ...signal }),
        crisisQ.insertEvent(sp, { incidentId, kind: 'raised', escalationLevel: 0, repeat: 0, at: now }),
        crisisQ.updateIncidentLevel(sp, incidentId, 'imminent'),
      ])
      throw new RolledBack()
    })
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error
  }
}

/**
 * The connection as a transaction whose statements are prepared and described but never executed: awaiting a query
 * sends Parse/Describe only and answers no rows. A fragment (a query built to go inside another) is never awaited,
 * so it stays a fragment.
 */
function describingWrites(connection: TransactionSql, described: Promise<unknown>[]): TransactionSql {
  return new Proxy(connection, {
    apply(target, thisArg, args: unknown[]) {
      const query = Reflect.apply(target, thisArg, args) as unknown
      if (!Array.isArray(args[0]) || !('raw' in args[0])) return query
      const pending = query as postgres.PendingQuery<postgres.Row[]>
      const then = pending.then
      let done: Promise<unknown> | null = null
      Object.defineProperty(pending, 'then', {
        // Also reached through `catch` (a transaction watches each of its queries for errors): described once, and a
        // call without a handler for the answer gets the empty rows.
        value(resolve?: (rows: unknown) => unknown, reject?: (error: unknown) => unknown) {
          if (!done) {
            pending.describe()
            done = then.call(pending, () => undefined)
            described.push(done.catch(() => {}))
          }
          const rows = Object.assign([], { count: 0 })
          return done.then(() => (typeof resolve === 'function' ? resolve(rows) : rows), reject)
        },
      })
      return pending
    },
  }) as unknown as TransactionSql
}

export interface WarmDatabaseReport extends PoolWarmReport {}

/**
 * Opens every pooled connection and warms it before the server listens, and keeps the pool so: a connection that
 * closes is reopened and warmed before it takes a send (db/client.ts `keepPoolWarm`, decision 064).
 */
export function warmDatabase(deps: Pick<CoreDeps, 'sql' | 'log'>): Promise<WarmDatabaseReport> {
  // Said once per outage, not at every retry.
  let failing = false
  return keepPoolWarm(
    deps.sql,
    async (connection) => {
      await warmConnection(connection)
      if (failing) deps.log.info('pooled connections warmed again')
      failing = false
    },
    (error) => {
      if (!failing) deps.log.warn({ err: { message: error.message } }, 'pooled connections not warmed; trying again')
      failing = true
    },
  )
}
