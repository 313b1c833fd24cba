import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react'
import {
  REACTION_KINDS,
  type ReactionKind,
  type ReactionState,
} from '../../../core/contracts/socket-events.reactions.js'
import { useT } from '../i18n'
import { request, type HoldspaceSocket } from './socket'

/**
 * Supportive reactions (docs/decisions/040-reactions.md): counts per message, live from `reaction:updated` (counts
 * only), and the member's own reactions from `reaction:list` and the acks. Not messages: nothing here touches the
 * timeline, the unread divider or the order.
 */
export interface Reactions {
  of: (messageId: string) => ReactionState | undefined
  toggle: (messageId: string, kind: ReactionKind) => Promise<string | null>
}

export function useReactions(
  socketRef: MutableRefObject<HoldspaceSocket | null>,
  roomId: string,
  connected: boolean,
  messageIds: string[],
): Reactions {
  const [states, setStates] = useState<Record<string, ReactionState>>({})
  const asked = useRef(new Set<string>())
  const put = useCallback((state: ReactionState) => setStates((all) => ({ ...all, [state.messageId]: state })), [])

  useEffect(() => {
    const socket = socketRef.current
    if (!connected || !socket) return
    // After a (re)connection every shown message is read again: counts may have moved while away.
    asked.current.clear()
    const onUpdated = ({
      roomId: id,
      messageId,
      counts,
    }: {
      roomId: string
      messageId: string
      counts: ReactionState['counts']
    }) => {
      if (id !== roomId) return
      setStates((all) => ({ ...all, [messageId]: { messageId, counts, mine: all[messageId]?.mine ?? [] } }))
    }
    socket.on('reaction:updated', onUpdated)
    return () => {
      socket.off('reaction:updated', onUpdated)
    }
  }, [socketRef, roomId, connected])

  const key = messageIds.join(',')
  useEffect(() => {
    const socket = socketRef.current
    if (!connected || !socket) return
    const fresh = messageIds.filter((id) => !asked.current.has(id)).slice(-100)
    if (fresh.length === 0) return
    fresh.forEach((id) => asked.current.add(id))
    void request(socket, 'reaction:list', { roomId, messageIds: fresh }).then((reply) => {
      if (reply.ok)
        setStates((all) => ({ ...all, ...Object.fromEntries(reply.data.reactions.map((r) => [r.messageId, r])) }))
      else fresh.forEach((id) => asked.current.delete(id))
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids' content, not the array's identity
  }, [socketRef, roomId, connected, key])

  const toggle = useCallback(
    async (messageId: string, kind: ReactionKind) => {
      const socket = socketRef.current
      if (!socket?.connected) return 'UNAVAILABLE'
      const mine = states[messageId]?.mine.includes(kind) ?? false
      const reply = await request(socket, mine ? 'reaction:remove' : 'reaction:add', { roomId, messageId, kind })
      if (!reply.ok) return reply.error.code
      put(reply.data)
      return null
    },
    [socketRef, roomId, states, put],
  )

  return { of: (messageId) => states[messageId], toggle }
}

/** Three small toggle buttons with counts; aria-pressed marks the member's own. */
export function ReactionBar({ messageId, reactions }: { messageId: string; reactions: Reactions }) {
  const t = useT()
  const [error, setError] = useState<string | null>(null)
  const state = reactions.of(messageId)
  return (
    <div className="reactions" role="group" aria-label={t('reactions.group')} data-testid="reactions">
      {REACTION_KINDS.map((kind) => {
        const count = state?.counts[kind] ?? 0
        const name = t(`reactions.${kind}`)
        return (
          <button
            key={kind}
            type="button"
            className="button small reaction"
            data-kind={kind}
            aria-pressed={state?.mine.includes(kind) ?? false}
            aria-label={t('reactions.label', { kind: name, count: String(count) })}
            onClick={async () => setError(await reactions.toggle(messageId, kind))}
          >
            {/* Not colour alone: a tick marks the member's own reaction. */}
            <span aria-hidden="true">
              {state?.mine.includes(kind) ? '✓ ' : ''}
              {name}
            </span>
            {count > 0 ? (
              <span className="reaction-count" aria-hidden="true">
                {count}
              </span>
            ) : null}
          </button>
        )
      })}
      {error ? (
        <p className="field-error" role="alert">
          {t.error(error)}
        </p>
      ) : null}
    </div>
  )
}
