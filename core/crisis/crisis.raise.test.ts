import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSql, keepPoolWarm, poolHoldable, type Sql } from '../../db/client.js'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { createAccount, takeOutbox } from '../../tests/support/crisis-fixtures.js'
import { sendMessage } from '../chat/send-pipeline.js'
import type { RealtimePublisher } from '../realtime/realtime.publisher.js'
import { raiseCrisis } from './crisis.service.js'

/**
 * The raise as the chat path runs it, with its reads and writes sent together (crisis.service.ts): still one
 * incident per member, everything committed with the message, and nobody told before the COMMIT.
 */
let deps: TestDeps
let roomId: string
/** A pool kept warm as the server's is: its sends' transactions pipeline BEGIN and COMMIT (decision 073). */
let warmPool: Sql
beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  roomId = await roomIdOf(deps, 'low-mood')
  warmPool = createSql(deps.databaseUrl, { max: 2, application: 'crisis-raise-test' })
  await keepPoolWarm(warmPool, async () => {})
})
afterAll(async () => {
  await warmPool?.end({ timeout: 1 })
  await deps?.close()
})

const RISKY = "i can't do this anymore, i'm going to kill myself tonight"

/** What another connection sees of a member's crisis: the incident, its signal, its page job and the message. */
async function durableState(db: TestDeps['sql'], accountId: string, clientId: string) {
  const [row] = await db<{ incidents: number; signals: number; pages: number; messages: number }[]>`
    select
      (select count(*)::int from crisis_incidents where member_account_id = ${accountId}) as incidents,
      (select count(*)::int from crisis_signals s join crisis_incidents i on i.id = s.incident_id
        where i.member_account_id = ${accountId}) as signals,
      (select count(*)::int from outbox o join crisis_incidents i on i.id = (o.payload->>'incidentId')::uuid
        where o.job_name = 'crisis:page' and i.member_account_id = ${accountId}) as pages,
      (select count(*)::int from messages where client_id = ${clientId}) as messages`
  return row!
}

describe('raising a crisis from a chat message', () => {
  it.each([
    ['a transaction awaiting each statement', false],
    ['BEGIN and COMMIT pipelined (a warm pool, as the server runs)', true],
  ])(
    'commits the incident, its signal, its page job and the message before the card or the console is told: %s',
    async (_, pipelined) => {
      const via = pipelined ? { ...deps, sql: warmPool } : deps
      expect(poolHoldable(via.sql)).toBe(pipelined)
      const member = await chatMember(deps, 'low-mood')
      const clientId = crypto.randomUUID()
      // At the moment each announcement is handed to Redis, another connection looks at what is committed. The
      // connection is reserved beforehand, so the look goes out at once instead of waiting for a pooled connection.
      const observer = await deps.sql.reserve()
      const realtime = deps.realtime as RealtimePublisher
      const original = realtime.emitToRoom
      const seenAtAnnouncement: Array<{ event: string; state: Promise<Awaited<ReturnType<typeof durableState>>> }> = []
      realtime.emitToRoom = ((room, event, payload) => {
        if (event === 'crisis:card' || event === 'crisis:status' || event === 'incident:updated')
          seenAtAnnouncement.push({ event, state: durableState(observer, member.accountId, clientId) })
        return original.call(realtime, room, event, payload as never)
      }) as RealtimePublisher['emitToRoom']
      let ack
      try {
        ack = await sendMessage(
          via,
          { accountId: member.accountId, role: 'member', locale: 'en', country: 'GB' },
          { roomId, clientId, body: RISKY },
        )
      } finally {
        realtime.emitToRoom = original
      }
      const states = await Promise.all(seenAtAnnouncement.map((s) => s.state)).finally(() => observer.release())
      expect(ack.crisis?.incidentId).toEqual(expect.any(String))
      expect(seenAtAnnouncement.map((s) => s.event).sort()).toEqual([
        'crisis:card',
        'crisis:status',
        'incident:updated',
      ])
      for (const state of states) expect(state).toEqual({ incidents: 1, signals: 1, pages: 1, messages: 1 })
    },
  )

  it('makes one incident and one page when first raises for a member race, every signal attached', async () => {
    const member = await createAccount(deps, 'member')
    await takeOutbox(deps.sql)
    const raised = await Promise.all(
      [1, 2, 3, 4].map(() =>
        raiseCrisis(deps, { memberAccountId: member.accountId, source: 'message', level: 'high' }),
      ),
    )
    expect(new Set(raised.map((r) => r.incidentId)).size).toBe(1)
    expect(raised.filter((r) => r.created)).toHaveLength(1)
    const events = await deps.sql<{ kind: string }[]>`
      select kind from crisis_events where incident_id = ${raised[0]!.incidentId} order by id`
    expect(events.map((e) => e.kind)).toEqual(['raised', 'signal', 'signal', 'signal'])
    const [signals] = await deps.sql<{ n: number }[]>`
      select count(*)::int as n from crisis_signals where incident_id = ${raised[0]!.incidentId}`
    expect(signals!.n).toBe(4)
    expect((await takeOutbox(deps.sql)).filter((j) => j.jobName === 'crisis:page')).toHaveLength(1)
  })

  it('records a later, higher signal before the level it raised, and a lower one without changing the level', async () => {
    const member = await createAccount(deps, 'member')
    const first = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'message', level: 'high' })
    const higher = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'button', level: 'imminent' })
    const lower = await raiseCrisis(deps, { memberAccountId: member.accountId, source: 'message', level: 'concern' })
    expect(higher).toMatchObject({ incidentId: first.incidentId, created: false, level: 'imminent' })
    expect(lower).toMatchObject({ incidentId: first.incidentId, created: false, level: 'imminent' })
    const events = await deps.sql<{ kind: string }[]>`
      select kind from crisis_events where incident_id = ${first.incidentId} order by id`
    expect(events.map((e) => e.kind)).toEqual(['raised', 'signal', 'level_raised', 'signal'])
    const [incident] = await deps.sql<{ level: string }[]>`
      select level from crisis_incidents where id = ${first.incidentId}`
    expect(incident!.level).toBe('imminent')
  })
})
