import type { z } from 'zod'
import type { ChatMember } from '../../../core/contracts/socket-events.chat.js'
import type { CoreDeps } from '../../../core/deps.js'
import { AppError } from '../../../core/errors.js'
import {
  deleteMessage,
  editMessage,
  heldReadersRoom,
  markRoomRead,
  messageHistory,
  openRoom,
  requireRoomMember,
  sendMessage,
  setPersonalMute,
  syncMessages,
  warmSendCache,
} from '../../../core/chat/chat.service.js'
import { chatRequestSchemas } from '../../../core/chat/chat.schema.js'
import { createSendCache } from '../../../core/chat/membership-cache.js'
import { coalesceRedisWrites } from '../../../core/chat/redis-writes.js'
import { createPresenceStore, type PresenceStore } from '../../../core/presence/presence.store.js'
import { PresenceTracker } from '../../../core/presence/presence.tracker.js'
import { allRoomsActivity, presenceSnapshot, roomActivity } from '../../../core/presence/presence.service.js'
import { socketRooms } from '../../../core/realtime/realtime.publisher.js'
import { onRequest, type RequestReply } from '../respond.js'
import type { GatewayServer } from '../index.js'
import type { GatewayContext } from './index.js'

/**
 * Chat and presence on one gateway. `startChatRuntime` runs once per gateway (presence heartbeat and
 * sweeper); `registerChatHandlers` runs per connection. The send path itself is the pipeline in
 * core/chat/send-pipeline.ts.
 */
interface ChatRuntime {
  deps: CoreDeps
  store: PresenceStore
  tracker: PresenceTracker
  /** Per connected socket: what to do when it is made to leave a Socket.IO room (see registerChatHandlers). */
  onLeave: Map<string, (room: string) => void>
}

const runtimes = new WeakMap<GatewayServer, ChatRuntime>()

export function startChatRuntime(io: GatewayServer, deps: CoreDeps): { stop: () => Promise<void> } {
  // A send's Redis commands (cache tokens, rate limit, announcement) and others issued in the same turn leave in one
  // write (decision 065).
  coalesceRedisWrites(deps.redis)
  const store = createPresenceStore(deps.redis, deps.config.REDIS_PREFIX)
  const pending = new Set<string>()
  let flushing: NodeJS.Immediate | null = null
  const announce = async (roomIds: string[]) => {
    const [snapshots, activity] = await Promise.all([
      Promise.all(roomIds.map((roomId) => presenceSnapshot(deps, store, roomId))),
      roomActivity(deps, store, roomIds),
    ])
    for (const snapshot of snapshots)
      deps.realtime.emitToRoom(socketRooms.chatRoom(snapshot.roomId), 'presence:updated', snapshot)
    for (const room of activity) deps.realtime.emitToRoom(socketRooms.roomList(), 'rooms:updated', room)
  }
  const tracker = new PresenceTracker(store, {
    ttlSeconds: deps.config.PRESENCE_TTL_SECONDS,
    log: deps.log,
    // Changes in the same tick are announced once per room.
    onChange: (roomIds) => {
      roomIds.forEach((r) => pending.add(r))
      flushing ??= setImmediate(() => {
        flushing = null
        const rooms = [...pending]
        pending.clear()
        announce(rooms).catch((error: Error) =>
          deps.log.warn({ err: { message: error.message } }, 'presence announce failed'),
        )
      })
    },
  })
  const started = tracker
    .start()
    .catch((error: Error) => deps.log.warn({ err: { message: error.message } }, 'presence start failed'))
  const onLeave = new Map<string, (room: string) => void>()
  io.of('/').adapter.on('leave-room', (room: string, socketId: string) => onLeave.get(socketId)?.(room))
  runtimes.set(io, { deps, store, tracker, onLeave })
  return {
    stop: async () => {
      await started
      await tracker.stop()
      if (flushing) {
        clearImmediate(flushing)
        flushing = null
        await announce([...pending]).catch(() => {})
      }
    },
  }
}

const TYPING_MIN_INTERVAL_MS = 1500

export function registerChatHandlers({ io, socket, deps }: GatewayContext) {
  const runtime = runtimes.get(io)
  if (!runtime) return
  const { tracker, store } = runtime
  const joined = new Map<string, ChatMember>()
  // A socket made to leave a chat room from elsewhere (a ban, a removal from a session: core's leaveRoom through
  // the Redis emitter, on whichever server) has left the room for presence and typing too.
  runtime.onLeave.set(socket.id, (room) => {
    for (const [roomId, me] of joined) {
      if (socketRooms.chatRoom(roomId) !== room) continue
      joined.delete(roomId)
      void tracker.leave(roomId, me.memberId, socket.id)
    }
  })
  const lastTyping = new Map<string, number>()
  const account = () => socket.data.account
  const on = <E extends keyof typeof chatRequestSchemas>(
    event: E,
    fn: (payload: z.infer<(typeof chatRequestSchemas)[E]>) => Promise<RequestReply<E>>,
  ) => {
    onRequest(socket, deps.log, event, chatRequestSchemas[event], fn)
  }

  // The room and membership this socket sends into, kept while Redis' version tokens say unchanged (decision 046),
  // made when the socket joins the room so the member's first message is as fast as the next ones (decision 071).
  const sendCache = createSendCache()

  on('room:join', async ({ roomId, afterSeq }) => {
    await requireRoomMember(deps, account().accountId, roomId)
    // Join the broadcast room before reading, so nothing committed meanwhile is missed (duplicates are
    // fine: clients merge by id and seq).
    await socket.join(socketRooms.chatRoom(roomId))
    try {
      const opened = await openRoom(deps, account().accountId, { roomId, afterSeq })
      // Facilitators and admins of the room hear held messages' text live (docs/decisions/021).
      if (opened.readsHeld) await socket.join(heldReadersRoom(roomId))
      joined.set(roomId, opened.me)
      void warmSendCache(deps, sendCache, roomId, account().accountId)
      await tracker.join(roomId, opened.me.memberId, socket.id)
      return { ...opened, presence: await presenceSnapshot(deps, store, roomId) }
    } catch (error) {
      if (!joined.has(roomId)) {
        await socket.leave(socketRooms.chatRoom(roomId))
        await socket.leave(heldReadersRoom(roomId))
      }
      throw error
    }
  })

  on('room:leave', async ({ roomId }) => {
    const me = joined.get(roomId)
    joined.delete(roomId)
    await socket.leave(socketRooms.chatRoom(roomId))
    await socket.leave(heldReadersRoom(roomId))
    if (me) await tracker.leave(roomId, me.memberId, socket.id)
    return {}
  })

  on('room:read', async (input) => ({ lastReadSeq: await markRoomRead(deps, account().accountId, input) }))

  on('rooms:watch', async () => {
    await socket.join(socketRooms.roomList())
    return { rooms: await allRoomsActivity(deps, store) }
  })

  on('message:send', (input) => sendMessage(deps, account(), input, { cache: sendCache }))
  on('message:sync', (input) => syncMessages(deps, account().accountId, input))
  on('message:history', (input) => messageHistory(deps, account().accountId, input))
  on('message:edit', (input) => editMessage(deps, account().accountId, input))
  on('message:delete', (input) => deleteMessage(deps, account().accountId, input))
  on('member:mute', async (input) => ({ mutedMemberIds: await setPersonalMute(deps, account().accountId, input) }))

  // Ephemeral: never stored, relayed to the others in the room, at most one "typing" per 1.5 s per room.
  on('typing:set', async ({ roomId, typing }) => {
    const member = joined.get(roomId)
    if (!member) throw new AppError('FORBIDDEN')
    const now = Date.now()
    if (typing && now - (lastTyping.get(roomId) ?? 0) < TYPING_MIN_INTERVAL_MS) return {}
    lastTyping.set(roomId, typing ? now : 0)
    socket.to(socketRooms.chatRoom(roomId)).emit('typing:updated', { roomId, member, typing })
    return {}
  })

  socket.on('disconnect', () => {
    runtime.onLeave.delete(socket.id)
    for (const [roomId, me] of joined) void tracker.leave(roomId, me.memberId, socket.id)
    joined.clear()
  })
}
