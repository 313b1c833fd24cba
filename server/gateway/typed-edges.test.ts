import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import type { Socket } from 'socket.io'
import type { ClientToServerEvents, RequestReply } from '../../core/contracts/socket-events.js'
import type { ChatMessage } from '../../core/contracts/socket-events.chat.js'
import type { RealtimePublisher } from '../../core/realtime/realtime.publisher.js'
import type { Logger } from '../../core/log/logger.js'
import { request, type HoldspaceSocket } from '../../app/components/chat/socket.js'
import { handleRequest, onRequest } from './respond.js'

/**
 * The three edges are typed by the event maps in core/contracts (docs/decisions/032). This file is compiled by
 * tests/typecheck.test.ts: each `@ts-expect-error` below must meet an error, or tsc reports it as unused, so a
 * loosened signature (back to `event: string, payload: unknown`) fails the suite.
 */
// Never called: the bodies only need to compile (or fail to, where marked).
function emitterEdge(realtime: RealtimePublisher, message: ChatMessage) {
  realtime.emitToRoom('chat:1', 'message:created', message)
  // @ts-expect-error: an announcement with the wrong payload
  realtime.emitToRoom('chat:1', 'message:created', { roomId: '1' })
  // @ts-expect-error: an announcement that is not in ServerToClientEvents
  realtime.emitToRoom('chat:1', 'message:shouted', message)
  // @ts-expect-error: a request name is not an announcement
  realtime.emitToRoom('chat:1', 'message:send', { roomId: '1', clientId: 'c', body: 'b' })
}

function gatewayEdge(socket: Socket<ClientToServerEvents, never, never, unknown>, log: Logger, message: ChatMessage) {
  const roomRef = z.object({ roomId: z.string() }).strict()
  onRequest(socket, log, 'room:leave', roomRef, async () => ({}))
  // @ts-expect-error: the handler answers something the contract's ack does not carry
  onRequest(socket, log, 'room:leave', roomRef, async () => ({ left: 1 }))
  const send = z.object({ roomId: z.string(), clientId: z.string(), body: z.string() })
  // @ts-expect-error: message:send acks a ChatMessage, not a count
  handleRequest(log, 'message:send', send, async () => 3)
  handleRequest(log, 'message:send', send, async () => message)
  // @ts-expect-error: the schema's output lacks what the contract's payload requires (body)
  handleRequest(log, 'message:send', z.object({ roomId: z.string(), clientId: z.string() }), async () => message)
  // @ts-expect-error: an unknown request
  onRequest(socket, log, 'room:explode', roomRef, async () => ({}))
}

async function browserEdge(socket: HoldspaceSocket) {
  const reply = await request(socket, 'message:send', { roomId: '1', clientId: 'c', body: 'hello' })
  if (reply.ok) expectTypeOf(reply.data).toEqualTypeOf<ChatMessage>()
  // @ts-expect-error: a payload missing its body
  await request(socket, 'message:send', { roomId: '1', clientId: 'c' })
  // @ts-expect-error: a field of the wrong type
  await request(socket, 'room:read', { roomId: '1', seq: 'last' })
  // @ts-expect-error: an announcement is not a request
  await request(socket, 'message:created', {})
}

describe('typed socket edges', () => {
  it('derive the reply of a request from its contract', () => {
    expectTypeOf<RequestReply<'message:send'>>().toEqualTypeOf<ChatMessage>()
    expectTypeOf<RequestReply<'room:read'>>().toEqualTypeOf<{ lastReadSeq: number }>()
    expectTypeOf(emitterEdge).toBeFunction()
    expectTypeOf(gatewayEdge).toBeFunction()
    expectTypeOf(browserEdge).toBeFunction()
  })
})
