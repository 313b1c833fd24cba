/**
 * Reactions over a real server with two real Socket.IO clients: the reactor's ack carries their own state, the
 * peer hears `reaction:updated` with counts only (never who reacted), bad input is refused with a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../../../tests/support/chat.js'
import type { ChatMessage } from '../../../core/contracts/socket-events.chat.js'

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let roomId: string
const clients: ChatClient[] = []

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  server = await startTestServer(deps)
  roomId = await roomIdOf(deps, 'anxiety')
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  await server.close()
  await deps.close()
})

describe('reaction events', () => {
  it('the reactor gets their own state; the other member sees reaction:updated with counts only', async () => {
    const author = await chatMember(deps, 'anxiety', { pseudonym: 'Ada Author' })
    const reactor = await chatMember(deps, 'anxiety', { pseudonym: 'Rex Reactor' })
    const a = await ChatClient.connect(server.baseUrl, author.cookie)
    const r = await ChatClient.connect(server.baseUrl, reactor.cookie)
    clients.push(a, r)
    await a.join(roomId)
    await r.join(roomId)
    const sent = await a.send(roomId, 'First day back at work, nervous.')
    if (!sent.ok) throw new Error(sent.error.code)
    const message: ChatMessage = sent.data

    expect(await r.request('reaction:add', { roomId, messageId: message.id, kind: 'hug' })).toEqual({
      ok: true,
      data: { messageId: message.id, counts: { hug: 1, same_here: 0, thank_you: 0 }, mine: ['hug'] },
    })
    await a.until(() => a.received.some((e) => e.event === 'reaction:updated'), 10_000, 'reaction:updated')
    const updated = a.received.filter((e) => e.event === 'reaction:updated').map((e) => e.payload)
    expect(updated).toEqual([{ roomId, messageId: message.id, counts: { hug: 1, same_here: 0, thank_you: 0 } }])
    const heard = JSON.stringify(updated)
    expect(heard).not.toContain(reactor.memberId)
    expect(heard).not.toContain('Rex Reactor')
    expect(heard).not.toContain('mine')

    // The author reads counts, and no own reaction, after a reload.
    expect(await a.request('reaction:list', { roomId, messageIds: [message.id] })).toEqual({
      ok: true,
      data: { reactions: [{ messageId: message.id, counts: { hug: 1, same_here: 0, thank_you: 0 }, mine: [] }] },
    })
    // A reaction is not a message: nothing new in the timeline.
    expect(a.received.filter((e) => e.event === 'message:created').map((e) => (e.payload as ChatMessage).id)).toEqual([
      message.id,
    ])

    expect(await r.request('reaction:add', { roomId, messageId: message.id, kind: 'party' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(await r.request('reaction:remove', { roomId, messageId: message.id, kind: 'hug' })).toEqual({
      ok: true,
      data: { messageId: message.id, counts: { hug: 0, same_here: 0, thank_you: 0 }, mine: [] },
    })
    await a.until(
      () => a.received.filter((e) => e.event === 'reaction:updated').length === 2,
      10_000,
      'second reaction:updated',
    )
  })
})
