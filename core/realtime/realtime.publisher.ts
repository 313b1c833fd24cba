import { Emitter } from '@socket.io/redis-emitter'
import type { Redis } from 'ioredis'
import type { ServerToClientEvents } from '../contracts/socket-events.js'

/** An announcement's name, and the payload its contract in core/contracts says it carries. */
export type ServerEvent = keyof ServerToClientEvents & string
export type ServerEventPayload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0]

/** Socket.IO room names. Ids only: a room name is visible in Redis pub/sub traffic. */
export const socketRooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  account: (accountId: string) => `account:${accountId}`,
  chatRoom: (roomId: string) => `chat:${roomId}`,
  roomList: () => 'rooms:list',
}

/**
 * Lets core and workers reach sockets on every server process through the Redis adapter's channel,
 * without importing Socket.IO's server.
 */
export interface RealtimePublisher {
  /** Typed by `ServerToClientEvents`: a wrong event name or payload does not compile. */
  emitToRoom<E extends ServerEvent>(room: string, event: E, payload: ServerEventPayload<E>): void
  disconnectRoom(room: string): void
  /** Every socket in `sockets` (e.g. one account's) leaves `room` and stops receiving what is sent there. */
  leaveRoom(sockets: string, room: string): void
}

export function createRealtimePublisher(redis: Redis, prefix: string): RealtimePublisher {
  // Publishing is best-effort: while Redis is down a publish fails, and must not become an unhandled
  // rejection that takes the process down (the fact is already in PostgreSQL; pages retry).
  const publisher = {
    publish: (channel: string, message: string | Buffer) => redis.publish(channel, message).catch(() => 0),
  }
  const emitter = new Emitter<ServerToClientEvents>(publisher, { key: `${prefix}:socket.io` })
  return {
    emitToRoom(room, event, payload) {
      // EventParams cannot be narrowed through a generic E here; the signature above is what callers are held to.
      ;(emitter.to(room).emit as (event: ServerEvent, payload: unknown) => true)(event, payload)
    },
    disconnectRoom: (room) => {
      emitter.in(room).disconnectSockets(true)
    },
    leaveRoom: (sockets, room) => {
      emitter.in(sockets).socketsLeave(room)
    },
  }
}
