/**
 * Group commit (core/chat/group-commit.ts, decision 031): sends for one room that arrive together share one
 * transaction, and keep every guarantee of a lone send: each ack is a stored message, stored once, seqs gapless,
 * a persist hook's rows in the message's transaction, and one message's failure never fails another's.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf } from '../../tests/support/chat.js'
import type { CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { sendMessage } from './chat.service.js'
import { chatComposition, type PersistHook } from './send-pipeline.js'

let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '1000/10', CHAT_RATE_LIMIT_ROOM: '1000/10' })
  await createSeedRooms(deps)
})
afterAll(async () => {
  await deps.close()
})

const withHook = (hook: PersistHook): CoreDeps => {
  const chat = chatComposition(deps)
  return { ...deps, chat: { ...chat, send: { ...chat.send, persistHooks: [...chat.send.persistHooks, hook] } } }
}
const stored = async (roomId: string) =>
  deps.sql<
    { id: string; seq: number; clientId: string }[]
  >`select id, seq, client_id as "clientId" from messages where room_id = ${roomId} order by seq`

describe('group commit', () => {
  it('writes sends that arrive together in shared transactions: every ack stored once, seqs gapless, resends answered', async () => {
    const roomId = await roomIdOf(deps, 'anxiety')
    const members = await Promise.all(Array.from({ length: 4 }, () => chatMember(deps, 'anxiety')))
    const transactions = new Set<object>()
    const counting = withHook(async (tx) => {
      transactions.add(tx)
    })
    const sends = members.flatMap((m, i) =>
      Array.from({ length: 5 }, (_, n) => ({ m, clientId: randomUUID(), body: `member ${i} says ${n}` })),
    )
    // Each send once, and the first of each member's again with the same client id (a resend racing itself).
    const replies = await Promise.all([
      ...sends.map((s) => sendMessage(counting, s.m, { roomId, clientId: s.clientId, body: s.body })),
      ...members.map((m, i) =>
        sendMessage(counting, m, { roomId, clientId: sends[i * 5]!.clientId, body: sends[i * 5]!.body }),
      ),
    ])
    const rows = await stored(roomId)
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1))
    expect(new Set(rows.map((r) => r.clientId))).toEqual(new Set(sends.map((s) => s.clientId)))
    // Every ack names the stored row of its client id, with its seq.
    const byClient = new Map(rows.map((r) => [r.clientId, r]))
    for (const reply of replies)
      expect({ id: reply.id, seq: reply.seq }).toEqual({
        id: byClient.get(reply.clientId)!.id,
        seq: byClient.get(reply.clientId)!.seq,
      })
    // Fewer transactions than messages: they were committed together.
    expect(transactions.size).toBeLessThan(20)
  })

  it('a hook that refuses one message of a batch fails that send only; the others are stored in order', async () => {
    const roomId = await roomIdOf(deps, 'grief')
    const members = await Promise.all(Array.from({ length: 3 }, () => chatMember(deps, 'grief')))
    const refusing = withHook(async (_tx, ctx) => {
      if (ctx.input.body === 'refused') throw new AppError('MESSAGE_REJECTED', { reason: 'test' })
    })
    const bodies = ['one', 'refused', 'two', 'three', 'four']
    const answers = await Promise.all(
      bodies.map((body, n) =>
        sendMessage(refusing, members[n % 3]!, { roomId, clientId: randomUUID(), body }).then(
          () => 'ok',
          (error: unknown) => (error instanceof AppError ? error.code : String(error)),
        ),
      ),
    )
    expect(answers).toEqual(['ok', 'MESSAGE_REJECTED', 'ok', 'ok', 'ok'])
    const rows = await deps.sql<
      { seq: number; body: string }[]
    >`select seq, body from messages where room_id = ${roomId} order by seq`
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4])
    expect(rows.map((r) => r.body).sort()).toEqual(['four', 'one', 'three', 'two'])
  })
})
