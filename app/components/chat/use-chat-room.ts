import { useCallback, useEffect, useReducer, useRef, useState } from 'react'
import type { Ack } from '../../../core/contracts/socket-events.js'
import type { CrisisCard, CrisisStatus } from '../../../core/contracts/socket-events.crisis.js'
import type {
  ChatMember,
  ChatMessage,
  MessagePage,
  PresenceSnapshot,
  RoomJoined,
} from '../../../core/contracts/socket-events.chat.js'
import { emptyTimeline, lastSeq, mergeMessages, type Timeline } from '../../../core/contracts/chat-timeline.js'
import { backoffMs, connectSocket, isNewer, newClientId, request, type HoldspaceSocket } from './socket'

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline'

/** How often a message refused as UNAVAILABLE goes again while the socket stays connected (decision 025). */
export const UNAVAILABLE_RESEND_MS = 5_000

/** `retryAfterMs`: how long the server said to wait before sending again (RATE_LIMITED). */
/** `reason`/`until`: why the screen refused it, or when a mute or ban ends (the refusal's fields), for an honest notice. */
export interface PendingMessage {
  clientId: string
  body: string
  state: 'pending' | 'failed'
  error?: string
  retryAfterMs?: number
  reason?: string
  until?: string
}

export interface ChatState {
  status: ConnectionStatus
  timeline: Timeline
  pending: PendingMessage[]
  presence: PresenceSnapshot | null
  typing: Record<string, { member: ChatMember; until: number }>
  mutedMemberIds: string[]
  /** The read position when the page opened: the unread divider sits after it. */
  unreadAfterSeq: number | null
  hasOlder: boolean
  loadingOlder: boolean
  me: ChatMember | null
  slowModeSeconds: number
  /** I moderate this room: held messages show me their text, and I may release them (docs/decisions/021). */
  readsHeld: boolean
  joinError: string | null
}

type Action =
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'joined'; data: RoomJoined; fresh: boolean }
  | { type: 'messages'; messages: ChatMessage[] }
  | { type: 'older'; page: MessagePage }
  | { type: 'loadingOlder'; value: boolean }
  | { type: 'presence'; snapshot: PresenceSnapshot }
  | { type: 'typing'; member: ChatMember; typing: boolean; now: number }
  | { type: 'pending'; message: PendingMessage }
  | { type: 'sent'; clientId: string; message: ChatMessage }
  | { type: 'failed'; clientId: string; error: string; retryAfterMs?: number; reason?: string; until?: string }
  | { type: 'discard'; clientId: string }
  | { type: 'muted'; ids: string[] }
  | { type: 'joinError'; code: string }

const initial: ChatState = {
  status: 'connecting',
  timeline: emptyTimeline(),
  pending: [],
  presence: null,
  typing: {},
  mutedMemberIds: [],
  unreadAfterSeq: null,
  hasOlder: false,
  loadingOlder: false,
  me: null,
  slowModeSeconds: 0,
  readsHeld: false,
  joinError: null,
}

function reducer(state: ChatState, action: Action): ChatState {
  switch (action.type) {
    case 'status':
      return { ...state, status: action.status }
    case 'joined': {
      const { data } = action
      return {
        ...state,
        me: data.me,
        timeline: mergeMessages(state.timeline, data.messages),
        presence: isNewer(data.presence.version, state.presence?.version) ? data.presence : state.presence,
        mutedMemberIds: data.mutedMemberIds,
        slowModeSeconds: data.slowModeSeconds,
        readsHeld: data.readsHeld,
        unreadAfterSeq: state.unreadAfterSeq ?? data.lastReadSeq,
        hasOlder: action.fresh ? data.hasMore : state.hasOlder,
        joinError: null,
      }
    }
    case 'messages': {
      // A stored message replaces its pending copy (it may arrive by broadcast before the ack).
      const sentIds = new Set(action.messages.map((m) => m.clientId))
      return {
        ...state,
        timeline: mergeMessages(state.timeline, action.messages),
        pending: state.pending.filter((p) => !sentIds.has(p.clientId)),
        typing: Object.fromEntries(
          Object.entries(state.typing).filter(([id]) => !action.messages.some((m) => m.author.memberId === id)),
        ),
      }
    }
    case 'older':
      return {
        ...state,
        timeline: mergeMessages(state.timeline, action.page.messages),
        hasOlder: action.page.hasMore,
        loadingOlder: false,
      }
    case 'loadingOlder':
      return { ...state, loadingOlder: action.value }
    case 'presence':
      return isNewer(action.snapshot.version, state.presence?.version) ? { ...state, presence: action.snapshot } : state
    case 'typing': {
      const typing = { ...state.typing }
      if (action.typing) typing[action.member.memberId] = { member: action.member, until: action.now + 6000 }
      else delete typing[action.member.memberId]
      return { ...state, typing }
    }
    case 'pending':
      return {
        ...state,
        pending: [...state.pending.filter((p) => p.clientId !== action.message.clientId), action.message],
      }
    case 'sent':
      return { ...reducer(state, { type: 'messages', messages: [action.message] }) }
    case 'failed':
      return {
        ...state,
        pending: state.pending.map((p) =>
          p.clientId === action.clientId
            ? {
                ...p,
                state: 'failed',
                error: action.error,
                retryAfterMs: action.retryAfterMs,
                reason: action.reason,
                until: action.until,
              }
            : p,
        ),
      }
    case 'discard':
      return { ...state, pending: state.pending.filter((p) => p.clientId !== action.clientId) }
    case 'muted':
      return { ...state, mutedMemberIds: action.ids }
    case 'joinError':
      return { ...state, joinError: action.code }
  }
}

/**
 * One live chat room: joins on every (re)connection, catches up from the last message it holds
 * (the database is the source of truth: docs/decisions/006), resends what was not acknowledged with
 * the same client id, and keeps messages in seq order without duplicates.
 */
export function useChatRoom(roomId: string) {
  const [state, dispatch] = useReducer(reducer, initial)
  // The crisis card after one of my own messages showed risk (in my ack and on my account room), and the
  // live status of the incident it raised ("a clinician has been told and will join you").
  const [crisis, setCrisis] = useState<{ card: CrisisCard; status: CrisisStatus | null } | null>(null)
  const showCrisis = useCallback((card: CrisisCard) => {
    setCrisis((current) => (current?.card.incidentId && !card.incidentId ? current : { card, status: card.status }))
  }, [])

  // Unacknowledged messages survive a reload of this tab (sessionStorage: this tab only, cleared by the quick
  // exit); they are sent again with their own client ids, so none is stored twice.
  const pendingKey = `hs:pending:${roomId}`
  useEffect(() => {
    try {
      const saved = JSON.parse(sessionStorage.getItem(pendingKey) ?? '[]') as PendingMessage[]
      for (const message of saved)
        dispatch({ type: 'pending', message: { clientId: message.clientId, body: message.body, state: 'pending' } })
    } catch {
      sessionStorage.removeItem(pendingKey)
    }
  }, [pendingKey])
  useEffect(() => {
    if (state.pending.length)
      sessionStorage.setItem(
        pendingKey,
        JSON.stringify(state.pending.map(({ clientId, body }) => ({ clientId, body }))),
      )
    else sessionStorage.removeItem(pendingKey)
  }, [pendingKey, state.pending])
  const socketRef = useRef<HoldspaceSocket | null>(null)
  const stateRef = useRef(state)
  stateRef.current = state
  const lastTypingSent = useRef(0)

  const sendPending = useCallback(
    async (message: PendingMessage) => {
      const socket = socketRef.current
      if (!socket?.connected) return
      const reply = await request(socket, 'message:send', { roomId, clientId: message.clientId, body: message.body })
      if (reply.ok && reply.data.crisis) showCrisis(reply.data.crisis)
      if (reply.ok) dispatch({ type: 'sent', clientId: message.clientId, message: reply.data })
      else
        dispatch({
          type: 'failed',
          clientId: message.clientId,
          error: reply.error.code,
          retryAfterMs: reply.error.retryAfterMs,
          reason: reply.error.fields?.reason,
          until: reply.error.fields?.until,
        })
    },
    [roomId, showCrisis],
  )

  useEffect(() => {
    const socket = connectSocket()
    socketRef.current = socket
    let joinedOnce = false
    // A join answered UNAVAILABLE (the server could not read the room in time, decision 025) goes again after a
    // back-off while this socket stays connected; a reconnection joins anew by itself.
    let joinAttempt = 0
    let joinRetry: ReturnType<typeof setTimeout> | undefined

    const join = async () => {
      clearTimeout(joinRetry)
      const after = joinedOnce ? lastSeq(stateRef.current.timeline) : undefined
      const reply = await request(socket, 'room:join', after === undefined ? { roomId } : { roomId, afterSeq: after })
      if (!reply.ok) {
        if (reply.error.code === 'UNAVAILABLE') {
          if (!socket.connected) return
          dispatch({ type: 'status', status: 'reconnecting' })
          clearTimeout(joinRetry)
          joinRetry = setTimeout(() => socket.connected && void join(), backoffMs(joinAttempt++))
          return
        }
        dispatch({ type: 'joinError', code: reply.error.code })
        return
      }
      joinAttempt = 0
      dispatch({ type: 'status', status: 'connected' })
      dispatch({ type: 'joined', data: reply.data, fresh: !joinedOnce })
      let more = joinedOnce && reply.data.hasMore
      joinedOnce = true
      // Catch up page by page after a reconnect.
      while (more) {
        const page = await request(socket, 'message:sync', { roomId, afterSeq: lastSeq(stateRef.current.timeline) })
        if (!page.ok) break
        dispatch({ type: 'messages', messages: page.data.messages })
        stateRef.current = {
          ...stateRef.current,
          timeline: mergeMessages(stateRef.current.timeline, page.data.messages),
        }
        more = page.data.hasMore
      }
      // Whatever was not acknowledged goes again, with its own client id: a duplicate is impossible.
      for (const message of stateRef.current.pending) void sendPending(message)
    }

    socket.on('connect', () => {
      dispatch({ type: 'status', status: 'connected' })
      void join()
    })
    const signIn = () => window.location.assign(`/signin?next=${encodeURIComponent(window.location.pathname)}`)
    socket.on('disconnect', (reason) => {
      dispatch({ type: 'status', status: navigator.onLine ? 'reconnecting' : 'offline' })
      // The server closed this connection (signed out elsewhere, or a server restart): try once more;
      // a refused handshake then says whether the session is gone.
      if (reason === 'io server disconnect') socket.connect()
    })
    socket.on('connect_error', (error) => {
      if (error.message === 'UNAUTHENTICATED') return signIn()
      // Too many sockets for this sign-in (SOCKETS_PER_SESSION): say so; reloading after closing tabs connects.
      if (error.message === 'TOO_MANY_CONNECTIONS') return dispatch({ type: 'joinError', code: 'TOO_MANY_CONNECTIONS' })
      dispatch({ type: 'status', status: navigator.onLine ? 'reconnecting' : 'offline' })
    })
    socket.on('message:created', (message) => {
      if (message.roomId === roomId) dispatch({ type: 'messages', messages: [message] })
    })
    socket.on('message:updated', (message) => {
      if (message.roomId === roomId) dispatch({ type: 'messages', messages: [message] })
    })
    socket.on('presence:updated', (snapshot) => {
      if (snapshot.roomId === roomId) dispatch({ type: 'presence', snapshot })
    })
    socket.on('typing:updated', ({ roomId: id, member, typing }) => {
      if (id === roomId) dispatch({ type: 'typing', member, typing, now: Date.now() })
    })
    socket.on('session:ended', signIn)
    socket.on('crisis:card', showCrisis)
    socket.on('crisis:status', ({ incidentId, status }) =>
      setCrisis((current) => (current && current.card.incidentId === incidentId ? { ...current, status } : current)),
    )
    const offline = () => dispatch({ type: 'status', status: 'offline' })
    window.addEventListener('offline', offline)
    return () => {
      clearTimeout(joinRetry)
      window.removeEventListener('offline', offline)
      socket.removeAllListeners()
      socket.disconnect()
      socketRef.current = null
    }
  }, [roomId, sendPending, showCrisis])

  const send = useCallback(
    (body: string) => {
      const message: PendingMessage = { clientId: newClientId(), body, state: 'pending' }
      dispatch({ type: 'pending', message })
      lastTypingSent.current = 0
      const socket = socketRef.current
      if (socket?.connected) {
        void request(socket, 'typing:set', { roomId, typing: false })
        void sendPending(message)
      }
    },
    [roomId, sendPending],
  )

  const retry = useCallback(
    (clientId: string) => {
      const message = stateRef.current.pending.find((p) => p.clientId === clientId)
      if (!message) return
      const again = {
        ...message,
        state: 'pending' as const,
        error: undefined,
        retryAfterMs: undefined,
        reason: undefined,
        until: undefined,
      }
      dispatch({ type: 'pending', message: again })
      void sendPending(again)
    },
    [sendPending],
  )

  const discard = useCallback((clientId: string) => dispatch({ type: 'discard', clientId }), [])

  // UNAVAILABLE: the server could not reach Redis or PostgreSQL and did not store the message (decision 025). The
  // socket may well stay connected, so no reconnect resends it: it stays on screen as not sent and goes again every
  // few seconds with its own client id, so it is stored exactly once when the service answers again.
  const waitingForService = state.pending.some((p) => p.state === 'failed' && p.error === 'UNAVAILABLE')
  useEffect(() => {
    if (!waitingForService) return
    const timer = setInterval(() => {
      for (const p of stateRef.current.pending)
        if (p.state === 'failed' && p.error === 'UNAVAILABLE') void sendPending(p)
    }, UNAVAILABLE_RESEND_MS)
    return () => clearInterval(timer)
  }, [waitingForService, sendPending])

  const typing = useCallback(() => {
    const socket = socketRef.current
    if (!socket?.connected || Date.now() - lastTypingSent.current < 2000) return
    lastTypingSent.current = Date.now()
    void request(socket, 'typing:set', { roomId, typing: true })
  }, [roomId])

  const loadOlder = useCallback(async () => {
    const socket = socketRef.current
    const first = stateRef.current.timeline.messages[0]
    if (!socket?.connected || !first) return
    dispatch({ type: 'loadingOlder', value: true })
    const page = await request(socket, 'message:history', { roomId, beforeSeq: first.seq })
    if (page.ok) dispatch({ type: 'older', page: page.data })
    else dispatch({ type: 'loadingOlder', value: false })
  }, [roomId])

  const change = useCallback(
    async (send: (socket: HoldspaceSocket) => Promise<Ack<ChatMessage>>): Promise<string | null> => {
      const socket = socketRef.current
      if (!socket?.connected) return 'UNAVAILABLE'
      const reply = await send(socket)
      if (!reply.ok) return reply.error.code
      dispatch({ type: 'messages', messages: [reply.data] })
      return null
    },
    [],
  )

  const edit = useCallback(
    (messageId: string, body: string) =>
      change((socket) => request(socket, 'message:edit', { roomId, messageId, body })),
    [change, roomId],
  )
  const remove = useCallback(
    (messageId: string) => change((socket) => request(socket, 'message:delete', { roomId, messageId })),
    [change, roomId],
  )

  /** A facilitator shows a held message to the room (audited on the server). Null when done, else the error code. */
  const release = useCallback(
    async (messageId: string): Promise<string | null> => {
      const socket = socketRef.current
      if (!socket?.connected) return 'UNAVAILABLE'
      const reply = await request(socket, 'moderation:act', { action: 'release', roomId, messageId })
      return reply.ok ? null : reply.error.code
    },
    [roomId],
  )

  const setMuted = useCallback(
    async (memberId: string, muted: boolean) => {
      const socket = socketRef.current
      if (!socket?.connected) return
      const reply = await request(socket, 'member:mute', { roomId, memberId, muted })
      if (reply.ok) dispatch({ type: 'muted', ids: reply.data.mutedMemberIds })
    },
    [roomId],
  )

  const markRead = useCallback(
    (seq: number) => {
      const socket = socketRef.current
      if (socket?.connected) void request(socket, 'room:read', { roomId, seq })
    },
    [roomId],
  )

  // socketRef: for moderation's room hooks (reports, the member's mute status) on the same connection.
  return {
    state,
    send,
    retry,
    discard,
    typing,
    loadOlder,
    edit,
    remove,
    release,
    setMuted,
    markRead,
    socketRef,
    crisis,
    dismissCrisis: () => setCrisis(null),
  }
}
