/**
 * The last guard of decision 025: a send whose transaction stalls past the step deadline (PostgreSQL stopping in the
 * middle of it) answers UNAVAILABLE, and when the transaction can go on it rolls back instead of committing, so the
 * message its sender was told was not sent is never stored. The stall is a persist hook (it runs inside the message's
 * transaction, holding the room's seq lock) that waits until the test lets it go, after the sender has the answer.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import { AppError } from '../errors.js'
import { sendMessage } from './chat.service.js'
import { chatComposition, type PersistHook } from './send-pipeline.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
})
afterAll(async () => {
  await deps.close()
})

const storedWithClientId = async (clientId: string) =>
  (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where client_id = ${clientId}`)[0]!.n

describe('a send whose transaction stalls past its deadline', { timeout: 30_000 }, () => {
  it('answers UNAVAILABLE and rolls back when the transaction goes on: never stored later; the resend is stored once', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const member = await chatMember(deps, 'anxiety')
    const actor = { accountId: member.accountId, role: 'member' }
    const stalledId = randomUUID()
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let hookFinished!: () => void
    const finished = new Promise<void>((resolve) => (hookFinished = resolve))
    const stall: PersistHook = async (_tx, ctx) => {
      if (ctx.input.clientId !== stalledId) return
      await released
      hookFinished()
    }
    const chat = chatComposition(deps)
    const stalling = {
      ...deps,
      chat: { ...chat, send: { ...chat.send, persistHooks: [...chat.send.persistHooks, stall] } },
    }
    {
      const answer = await sendMessage(stalling, actor, {
        roomId,
        clientId: stalledId,
        body: 'Stalled in its transaction',
      }).then(
        () => 'stored',
        (error: unknown) => (error instanceof AppError ? error.code : String(error)),
      )
      expect(answer).toBe('UNAVAILABLE')

      // The database "answers again": the transaction goes on past the hook, to its commit.
      release()
      await finished
      // The next send takes the room's seq lock, so it runs only once the stalled transaction has ended.
      const next = await sendMessage(stalling, actor, { roomId, clientId: randomUUID(), body: 'The next one' })
      expect(next.body).toBe('The next one')
      expect(await storedWithClientId(stalledId)).toBe(0)

      // The member's client resends it with the same client id: stored once.
      const resent = await sendMessage(stalling, actor, {
        roomId,
        clientId: stalledId,
        body: 'Stalled in its transaction',
      })
      const again = await sendMessage(stalling, actor, {
        roomId,
        clientId: stalledId,
        body: 'Stalled in its transaction',
      })
      expect(again.id).toBe(resent.id)
      expect(await storedWithClientId(stalledId)).toBe(1)
    }
  })
})
