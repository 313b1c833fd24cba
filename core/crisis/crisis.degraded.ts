/**
 * Help when PostgreSQL is not there (docs/decisions/019). The crisis lines are static data and need no database;
 * what cannot wait for it is the member's "I need help now". A press that could not be raised is kept in Redis —
 * ids only: the press id, the account id or the SHA-256 of the session token (the account behind a cookie cannot be
 * read without the database), the country code that chose the lines shown, the time — and raised by
 * `raiseKeptHelpPresses` once PostgreSQL answers again. A press is raised at most once: its id is recorded in the
 * raising transaction (`crisis_help_presses_raised`), so a pass that dies after the commit, or two server processes
 * draining at once, raise nothing twice; the entry leaves Redis only after that commit.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { nowOf, type CoreDeps } from '../deps.js'
import { withDeadline } from '../deadline.js'
import { hashToken } from '../identity/identity.crypto.js'
import * as q from './crisis.degraded.queries.js'
import { raiseCrisisInTransaction } from './crisis.service.js'
import { transaction } from '../after-commit.js'

/** How long a page waits for the session lookup before it answers without the database. */
export const SESSION_LOOKUP_DEADLINE_MS = 500
/** How long "I need help now" waits for the raise before it keeps the press instead. */
export const HELP_RAISE_DEADLINE_MS = 2_000
/** How long keeping a press may take (Redis may be down as well). */
const KEEP_DEADLINE_MS = 1_000

const keptPressSchema = z.object({
  pressId: z.string().uuid(),
  accountId: z.string().uuid().nullable(),
  sessionHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  pressedAt: z.string().datetime(),
})
type KeptPress = z.infer<typeof keptPressSchema>

const keptKey = (deps: CoreDeps) => `${deps.config.REDIS_PREFIX}:crisis:help-kept`

/**
 * Keep a help press that could not be raised now: the signed-in account when it is known, else the session cookie's
 * token (only its hash is stored). One kept press per person: pressing again while it waits keeps the first.
 * Returns false when even Redis would not take it; the member is then told to call the lines.
 */
export async function keepHelpPress(
  deps: CoreDeps,
  input: { accountId: string; country: string | null } | { sessionToken: string; country: string | null },
): Promise<boolean> {
  const press: KeptPress = {
    pressId: randomUUID(),
    accountId: 'accountId' in input ? input.accountId : null,
    sessionHash: 'sessionToken' in input ? hashToken(input.sessionToken).toString('hex') : null,
    country: input.country && /^[A-Z]{2}$/.test(input.country) ? input.country : null,
    pressedAt: nowOf(deps).toISOString(),
  }
  const field = press.accountId ? `account:${press.accountId}` : `session:${press.sessionHash}`
  try {
    await withDeadline(deps.redis.hsetnx(keptKey(deps), field, JSON.stringify(press)), KEEP_DEADLINE_MS)
    deps.log.warn({ pressId: press.pressId }, 'help press kept while the database is unavailable')
    return true
  } catch (error) {
    deps.log.error(
      { pressId: press.pressId, err: { message: (error as Error)?.message } },
      'help press could not be kept',
    )
    return false
  }
}

/** How many presses are waiting (for tests and metrics). */
export async function countKeptHelpPresses(deps: CoreDeps): Promise<number> {
  return deps.redis.hlen(keptKey(deps))
}

/**
 * One pass over the kept presses: each becomes a crisis raised by the member's button (an incident, or a signal on
 * their open incident), once. Throws when PostgreSQL or Redis is still unavailable; the entries wait for the next
 * pass. Returns how many presses were raised in this pass.
 */
export async function raiseKeptHelpPresses(deps: CoreDeps): Promise<number> {
  const entries = await deps.redis.hgetall(keptKey(deps))
  let raised = 0
  for (const [field, raw] of Object.entries(entries)) {
    let press: KeptPress
    try {
      press = keptPressSchema.parse(JSON.parse(raw))
    } catch {
      deps.log.error({ field: field.split(':')[0] }, 'kept help press unreadable; dropped')
      await deps.redis.hdel(keptKey(deps), field)
      continue
    }
    const pressedAt = new Date(press.pressedAt)
    let accountId = press.accountId
    if (!accountId && press.sessionHash) {
      const session = await q.findSessionAccountAt(
        deps.sql,
        Buffer.from(press.sessionHash, 'hex'),
        pressedAt,
        deps.config.SESSION_IDLE_MINUTES,
      )
      accountId = session?.validThen ? session.accountId : null
    }
    if (!accountId) {
      // No account behind the cookie, or its session had already ended: nobody to page about.
      deps.log.warn({ pressId: press.pressId }, 'kept help press had no signed-in account; dropped')
      await deps.redis.hdel(keptKey(deps), field)
      continue
    }
    const memberAccountId = accountId
    // The raise announces itself after the commit (afterCommit).
    const result = await transaction(deps, async (tx) => {
      if (!(await q.claimHelpPress(tx, press.pressId, pressedAt))) return null
      const crisis = await raiseCrisisInTransaction(tx, deps, {
        memberAccountId,
        source: 'button',
        level: 'imminent',
        country: press.country,
      })
      await q.recordHelpPressIncident(tx, press.pressId, crisis.incidentId)
      return crisis
    }).catch((error: unknown) => {
      // The account was deleted while the press waited: nothing to raise.
      if ((error as { code?: string })?.code === 'NOT_FOUND') return 'gone' as const
      throw error
    })
    if (result && result !== 'gone') {
      raised += 1
      deps.log.warn({ pressId: press.pressId, incidentId: result.incidentId }, 'kept help press raised')
    }
    await deps.redis.hdel(keptKey(deps), field)
  }
  return raised
}

/**
 * Drain kept presses every `intervalMs` while the process runs. A pass that is still waiting (a paused database)
 * is not started twice; failures are logged once per outage, and the recovery once.
 */
export function startKeptHelpDrain(
  deps: CoreDeps,
  intervalMs = 2_000,
): { stop: () => void; passNow: () => Promise<void> } {
  let running: Promise<void> | null = null
  let failing = false
  const pass = () =>
    (running ??= (async () => {
      try {
        if ((await deps.redis.hlen(keptKey(deps))) > 0) await raiseKeptHelpPresses(deps)
        if (failing) deps.log.info('kept help presses: draining again')
        failing = false
      } catch (error) {
        if (!failing)
          deps.log.warn(
            { err: { message: (error as Error)?.message } },
            'kept help presses wait: database or Redis unavailable',
          )
        failing = true
      } finally {
        running = null
      }
    })())
  const timer = setInterval(() => void pass(), intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer), passNow: pass }
}
