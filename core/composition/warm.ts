import { classifyRisk, type RiskLevel } from '../crisis/classifier.js'
import { crisisLinesFor } from '../crisis/crisis-lines.js'
import { screenMessage, type ScreenOutcome } from '../moderation/screen.js'
import { randomUUID } from 'node:crypto'
import type { CoreDeps } from '../deps.js'
import { transaction } from '../after-commit.js'
import { insertAccount } from '../identity/identity.queries.js'
import { insertTopicRoom } from '../admin/admin.queries.js'
import { insertMembership, insertNewMessage, takeNextSeq } from '../chat/chat.queries.js'
import { raiseCrisisInTransaction } from '../crisis/crisis.service.js'

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

class RolledBack extends Error {}

export interface WarmDatabaseReport {
  /** How many pooled connections ran the rolled-back crisis transaction. */
  connections: number
  ms: number
}

/**
 * Runs a crisis send's transaction once on every pooled PostgreSQL connection before the server takes traffic, and
 * rolls it back (docs/decisions/057-warm-crisis-transaction-per-connection.md). PostgreSQL plans a prepared
 * statement, and loads the tables' catalog entries and foreign-key checks, per connection, on its first use: a
 * crisis message's transaction (the room's sequence, the message with its persist hook, the incident, its signal,
 * event and page) runs only when a member is at risk, so each pooled connection paid that the first time one carried
 * a crisis send (about 12–15 ms quiet), while the room's row lock was held and the member waited for their card.
 *
 * The transactions hold their connections until every one has done its work (so the pool opens `connections`
 * distinct ones), then all roll back: nothing is stored, no job is queued, nobody is told (after-commit work never
 * runs after a rollback). The account, room and membership are throwaway rows inside the same transaction, so no
 * real member's row is read or locked. `waitMs` bounds the wait for a pool that cannot open them all.
 */
export async function warmCrisisTransactions(
  deps: CoreDeps,
  options: { connections: number; waitMs?: number },
): Promise<WarmDatabaseReport> {
  const started = performance.now()
  const wanted = Math.max(1, options.connections)
  let arrived = 0
  let release!: () => void
  const everyoneIn = new Promise<void>((resolve) => (release = resolve))
  const timer = setTimeout(release, options.waitMs ?? 5_000)
  const one = () =>
    transaction(deps, async (tx) => {
      const tag = `warm-${randomUUID().replaceAll('-', '')}`
      const now = new Date()
      const account = await insertAccount(tx, {
        kind: 'anonymous',
        email: null,
        username: tag,
        passwordHash: '!',
        recoveryCodeHash: Buffer.alloc(32),
        locale: 'en',
      })
      const roomId = await insertTopicRoom(tx, {
        slug: tag,
        title: 'warm-up',
        description: '',
        language: 'en',
        rules: '',
        locked: false,
        slowModeSeconds: 0,
      })
      const membershipId = await insertMembership(tx, {
        roomId,
        accountId: account!.id,
        pseudonym: 'warm-up',
        rulesVersion: 1,
        now,
      })
      const seq = await takeNextSeq(tx, roomId)
      const messageId = await insertNewMessage(tx, {
        roomId,
        membershipId: membershipId!,
        clientId: randomUUID(),
        seq,
        body: 'warm-up',
        now,
        held: false,
      })
      await raiseCrisisInTransaction(tx, deps, {
        memberAccountId: account!.id,
        source: 'message',
        level: 'imminent',
        roomId,
        messageId: messageId!,
        classifierSignals: [],
        memberLabel: 'warm-up',
      })
      if (++arrived === wanted) release()
      await everyoneIn
      throw new RolledBack()
    }).then(
      () => false,
      (error: unknown) => {
        if (error instanceof RolledBack) return true
        throw error
      },
    )
  try {
    const done = await Promise.all(Array.from({ length: wanted }, one))
    return { connections: done.filter(Boolean).length, ms: performance.now() - started }
  } finally {
    clearTimeout(timer)
  }
}
