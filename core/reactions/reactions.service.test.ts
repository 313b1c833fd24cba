import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../tests/support/deps.js'
import { chatMember, createSeedRooms, roomIdOf, type ChatTestMember } from '../../tests/support/chat.js'
import { AppError } from '../errors.js'
import { sendMessage } from '../chat/chat.service.js'
import { takeModerationAction } from '../moderation/moderation.service.js'
import { addReaction, exportReactionsData, listReactions, removeReaction } from './reactions.service.js'

let deps: TestDeps
let roomId: string
let otherRoomId: string
let author: ChatTestMember
let peer: ChatTestMember
let facilitator: ChatTestMember

beforeAll(async () => {
  deps = await createTestDeps({ CHAT_RATE_LIMIT_MEMBER: '100/10' })
  await createSeedRooms(deps)
  roomId = await roomIdOf(deps, 'anxiety')
  otherRoomId = await roomIdOf(deps, 'grief')
  author = await chatMember(deps, 'anxiety', { pseudonym: 'Ada Author' })
  peer = await chatMember(deps, 'anxiety', { pseudonym: 'Pia Peer' })
  facilitator = await chatMember(deps, 'anxiety', { role: 'facilitator', pseudonym: 'Fay Facil' })
  await deps.sql`insert into room_facilitators (room_id, account_id) values (${roomId}, ${facilitator.accountId})`
})
afterAll(async () => {
  await deps.close()
})

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise
    return 'ok'
  } catch (error) {
    return error instanceof AppError ? error.code : String(error)
  }
}
const actor = (m: ChatTestMember) => ({ accountId: m.accountId, role: m.role, pseudonymMode: 'ask' as const })
const post = async (body: string, by = author) => sendMessage(deps, actor(by), { roomId, clientId: randomUUID(), body })
const rowsOf = async (messageId: string) =>
  (
    await deps.sql<{ n: number }[]>`select count(*)::int as n from message_reactions where message_id = ${messageId}`
  )[0]!.n

describe('reactions', () => {
  it('add is idempotent, remove takes it back, counts per kind and own kinds come back to the member only', async () => {
    const message = await post('Had a rough night, slept two hours.')
    const first = await addReaction(deps, peer.accountId, { roomId, messageId: message.id, kind: 'hug' })
    expect(first).toEqual({ messageId: message.id, counts: { hug: 1, same_here: 0, thank_you: 0 }, mine: ['hug'] })
    expect(await addReaction(deps, peer.accountId, { roomId, messageId: message.id, kind: 'hug' })).toEqual(first)
    expect(await rowsOf(message.id)).toBe(1)

    await addReaction(deps, facilitator.accountId, { roomId, messageId: message.id, kind: 'hug' })
    await addReaction(deps, facilitator.accountId, { roomId, messageId: message.id, kind: 'same_here' })
    const listed = await listReactions(deps, peer.accountId, { roomId, messageIds: [message.id] })
    expect(listed.reactions).toEqual([
      { messageId: message.id, counts: { hug: 2, same_here: 1, thank_you: 0 }, mine: ['hug'] },
    ])

    expect(await removeReaction(deps, peer.accountId, { roomId, messageId: message.id, kind: 'hug' })).toEqual({
      messageId: message.id,
      counts: { hug: 1, same_here: 1, thank_you: 0 },
      mine: [],
    })
    // Removing what is not there changes nothing.
    expect(
      (await removeReaction(deps, peer.accountId, { roomId, messageId: message.id, kind: 'thank_you' })).counts,
    ).toEqual({ hug: 1, same_here: 1, thank_you: 0 })
  })

  it('is never a message: no seq taken, nothing unread, the room order unchanged', async () => {
    const message = await post('Thank you all for listening.')
    const before = await deps.sql<{ lastSeq: number }[]>`select last_seq as "lastSeq" from rooms where id = ${roomId}`
    const count = async () =>
      (await deps.sql<{ n: number }[]>`select count(*)::int as n from messages where room_id = ${roomId}`)[0]!.n
    const messagesBefore = await count()
    await addReaction(deps, peer.accountId, { roomId, messageId: message.id, kind: 'thank_you' })
    expect(await deps.sql`select last_seq as "lastSeq" from rooms where id = ${roomId}`).toEqual(before)
    expect(await count()).toBe(messagesBefore)
  })

  it('refuses held, removed and deleted messages, messages of another room, non-members, muted members', async () => {
    const held = await post('hold me')
    await deps.sql`update messages set moderation_status = 'held' where id = ${held.id}`
    expect(await codeOf(addReaction(deps, peer.accountId, { roomId, messageId: held.id, kind: 'hug' }))).toBe(
      'NOT_FOUND',
    )
    const removed = await post('remove me')
    await deps.sql`update messages set moderation_status = 'removed' where id = ${removed.id}`
    expect(await codeOf(addReaction(deps, peer.accountId, { roomId, messageId: removed.id, kind: 'hug' }))).toBe(
      'NOT_FOUND',
    )
    const deleted = await post('delete me')
    await deps.sql`update messages set deleted_at = now() where id = ${deleted.id}`
    expect(await codeOf(addReaction(deps, peer.accountId, { roomId, messageId: deleted.id, kind: 'hug' }))).toBe(
      'NOT_FOUND',
    )
    expect((await rowsOf(held.id)) + (await rowsOf(removed.id)) + (await rowsOf(deleted.id))).toBe(0)

    const fine = await post('an ordinary message')
    expect(
      await codeOf(addReaction(deps, peer.accountId, { roomId: otherRoomId, messageId: fine.id, kind: 'hug' })),
    ).toBe('FORBIDDEN')
    const outsider = await chatMember(deps, 'grief')
    expect(await codeOf(addReaction(deps, outsider.accountId, { roomId, messageId: fine.id, kind: 'hug' }))).toBe(
      'FORBIDDEN',
    )

    const muted = await chatMember(deps, 'anxiety', { pseudonym: 'Mo Muted' })
    await takeModerationAction(
      deps,
      { accountId: facilitator.accountId, role: 'facilitator' },
      { action: 'mute', roomId, memberId: muted.memberId, duration: 30, reason: 'cool down' },
    )
    expect(await codeOf(addReaction(deps, muted.accountId, { roomId, messageId: fine.id, kind: 'hug' }))).toBe('MUTED')
    expect(await rowsOf(fine.id)).toBe(0)
  })

  it('is rate-limited per account with the real wait', async () => {
    const reactor = await chatMember(deps, 'anxiety')
    const message = await post('many taps')
    const results: string[] = []
    for (let i = 0; i < 32; i++)
      results.push(
        await codeOf(
          addReaction(deps, reactor.accountId, { roomId, messageId: message.id, kind: i % 2 ? 'hug' : 'same_here' }),
        ),
      )
    expect(results.slice(0, 30).every((r) => r === 'ok')).toBe(true)
    expect(results.slice(30)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
    const refused = await addReaction(deps, reactor.accountId, {
      roomId,
      messageId: message.id,
      kind: 'thank_you',
    }).catch((e: AppError) => e)
    expect((refused as AppError).retryAfterSeconds).toBeGreaterThan(0)
  })

  it("appears in the member's export", async () => {
    const message = await post('export me')
    await addReaction(deps, peer.accountId, { roomId, messageId: message.id, kind: 'same_here' })
    expect(await exportReactionsData(deps, peer.accountId)).toContainEqual(
      expect.objectContaining({ roomId, messageId: message.id, kind: 'same_here' }),
    )
  })
})
