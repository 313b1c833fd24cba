import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { CHAT_LIMITS, type ChatMember, type ChatMessage } from '../../../core/contracts/socket-events.chat.js'
import { lastSeq } from '../../../core/contracts/chat-timeline.js'
import { useT } from '../i18n'
import { useReader, type Reader } from '../../utils/time'
import { MessageText } from './message-text'
import { useChatRoom, type PendingMessage } from './use-chat-room'
import { ReactionBar, useReactions, type Reactions } from './reactions'
import { ChatCrisisPanel } from '../crisis/chat-crisis-panel'
import {
  formatUntil,
  LiveSanctionNotice,
  ModeratedMessage,
  ReportButton,
  SanctionNotice,
  useRoomModeration,
  type RoomModeration,
} from '../moderation/room-moderation'

export interface ChatRoomProps {
  room: { id: string; title: string; locked: boolean; language: 'en' | 'pl' }
  me: ChatMember
  /** The room is outside its hours or its rota's cover and the reader is a member (decisions 043, 048): read only. */
  closed?: boolean
}

/** The live room: connection status, presence, the message log with its unread divider, typing, composer. */
export function ChatRoom({ room, me, closed = false }: ChatRoomProps) {
  const t = useT()
  const chat = useChatRoom(room.id)
  const moderation = useRoomModeration(chat.socketRef, room.id)
  const reactions = useReactions(
    chat.socketRef,
    room.id,
    chat.state.status === 'connected',
    chat.state.timeline.messages.map((m) => m.id),
  )
  const { state } = chat
  const logRef = useRef<HTMLDivElement>(null)
  const stickToBottom = useRef(true)
  const messages = state.timeline.messages
  const newest = lastSeq(state.timeline)
  const muted = new Set(state.mutedMemberIds)

  // Follow new messages while the reader is at the bottom; leave them alone while they scroll back.
  useEffect(() => {
    const log = logRef.current
    if (log && stickToBottom.current) log.scrollTop = log.scrollHeight
  }, [messages.length, state.pending.length])

  const { markRead } = chat
  useEffect(() => {
    if (newest > 0 && stickToBottom.current && document.visibilityState === 'visible') markRead(newest)
  }, [newest, markRead])

  const [, setTick] = useState(0)
  const typingNow = Object.values(state.typing).filter(
    (entry) => entry.until > Date.now() && !muted.has(entry.member.memberId),
  )
  useEffect(() => {
    if (typingNow.length === 0) return
    const timer = setInterval(() => setTick((n) => n + 1), 2000)
    return () => clearInterval(timer)
  }, [typingNow.length])

  const dividerSeq = state.unreadAfterSeq
    ? messages.find((m) => m.seq > state.unreadAfterSeq! && m.author.memberId !== me.memberId)?.seq
    : undefined

  const statusText = {
    connecting: t('room.status.connecting'),
    connected: t('room.status.connected'),
    reconnecting: t('room.status.reconnecting'),
    offline: t('room.status.offline'),
  }[state.status]

  return (
    <div className="chat">
      <div className="chat-bar">
        <p className="chat-me">{t('room.you', { name: me.pseudonym })}</p>
        <p role="status" className={`connection connection-${state.status}`} data-testid="connection-status">
          {statusText}
        </p>
      </div>
      {state.joinError ? (
        <p className="form-error" role="alert">
          {t.error(state.joinError)}
        </p>
      ) : null}
      {chat.crisis ? <ChatCrisisPanel crisis={chat.crisis} onDismiss={chat.dismissCrisis} /> : null}

      <div className="chat-layout">
        <section className="presence" aria-labelledby="presence-title">
          <h2 id="presence-title">{t('room.presence.title', { count: state.presence?.count ?? 0 })}</h2>
          <ul className="presence-list" data-testid="presence">
            {(state.presence?.members ?? []).map((member) => (
              <li key={member.memberId} className="presence-member">
                <span className="presence-name">{member.pseudonym}</span>
                {member.badge === 'facilitator' ? (
                  <span className="badge facilitator">{t('room.badge.facilitator')}</span>
                ) : null}
                {member.memberId === me.memberId ? (
                  <span className="muted-note"> {t('room.presence.you')}</span>
                ) : (
                  <button
                    type="button"
                    className="link-button small"
                    aria-pressed={muted.has(member.memberId)}
                    onClick={() => void chat.setMuted(member.memberId, !muted.has(member.memberId))}
                  >
                    {muted.has(member.memberId)
                      ? t('room.presence.unmute', { name: member.pseudonym })
                      : t('room.presence.mute', { name: member.pseudonym })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>

        <section className="conversation" aria-labelledby="messages-title">
          <h2 id="messages-title" className="visually-hidden">
            {t('room.messages')}
          </h2>
          <div
            className="message-log"
            ref={logRef}
            tabIndex={0}
            onScroll={(event) => {
              const el = event.currentTarget
              stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48
            }}
          >
            {state.hasOlder ? (
              <button
                type="button"
                className="button load-older"
                onClick={() => void chat.loadOlder()}
                disabled={state.loadingOlder}
              >
                {t('room.loadOlder')}
              </button>
            ) : null}
            {messages.length === 0 && state.pending.length === 0 && state.status === 'connected' ? (
              <p className="empty">{t('room.empty')}</p>
            ) : null}
            <div
              role="log"
              aria-live="polite"
              aria-relevant="additions"
              aria-label={t('room.messages')}
              data-testid="messages"
            >
              <ol className="messages">
                {messages.map((message) => (
                  <MessageItem
                    key={message.id}
                    message={message}
                    own={message.author.memberId === me.memberId}
                    hidden={muted.has(message.author.memberId)}
                    divider={message.seq === dividerSeq}
                    onEdit={chat.edit}
                    onDelete={chat.remove}
                    onRelease={state.readsHeld ? chat.release : null}
                    moderation={moderation}
                    reactions={reactions}
                  />
                ))}
                {state.pending.map((pending) => (
                  <PendingItem
                    key={pending.clientId}
                    pending={pending}
                    me={me}
                    onRetry={chat.retry}
                    onDiscard={chat.discard}
                  />
                ))}
              </ol>
            </div>
          </div>
          <p className="typing" aria-live="polite" data-testid="typing">
            {typingNow.length === 1
              ? t('room.typing.one', { name: typingNow[0]!.member.pseudonym })
              : typingNow.length > 1
                ? t('room.typing.many')
                : ''}
          </p>
          <LiveSanctionNotice moderation={moderation} />
          {(moderation.settings?.locked ?? room.locked) && me.badge !== 'facilitator' ? (
            <p className="notice">{t('room.locked')}</p>
          ) : closed ? (
            <p className="notice" data-testid="composer-closed">
              {t('roomhours.composerClosed')}
            </p>
          ) : (
            <>
              <SanctionNotice status={moderation.status} />
              <Composer
                onSend={chat.send}
                onTyping={chat.typing}
                slowModeSeconds={moderation.settings?.slowModeSeconds ?? state.slowModeSeconds}
              />
            </>
          )}
        </section>
      </div>
    </div>
  )
}

/** A message's clock time in the reader's zone; its full date and time, the zone named, as its title. */
function Time({ iso }: { iso: string }) {
  const reader = useReader()
  return (
    <time dateTime={iso} title={reader.dateTime(iso)} suppressHydrationWarning>
      {reader.clock(iso)}
    </time>
  )
}

/**
 * A held message whose text this reader may see (docs/decisions/021): its author, with the kind notice that it
 * went to the care team rather than the room; a facilitator of the room, who may release it. The room sees nothing.
 */
function HeldMessage({
  message,
  own,
  onRelease,
}: {
  message: ChatMessage
  own: boolean
  onRelease: ((id: string) => Promise<string | null>) | null
}) {
  const t = useT()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <li
      className={`message held${own ? ' own' : ''}`}
      data-seq={message.seq}
      data-testid="message"
      data-moderation="held"
    >
      <div className="message-head">
        <span className="message-author">{message.author.pseudonym}</span>
        <Time iso={message.createdAt} />
        <span className="message-state" data-testid="held-label">
          {own ? t('room.held.own') : t('room.held.facilitator')}
        </span>
      </div>
      <p className="message-body">
        <MessageText text={message.body ?? ''} />
      </p>
      {own ? (
        <p className="notice" role="status" data-testid="held-notice">
          {message.notice ?? t('room.held.ownNotice')}
        </p>
      ) : null}
      {onRelease ? (
        <div className="message-actions">
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={async () => {
              if (!window.confirm(t('room.held.confirmRelease'))) return
              setBusy(true)
              setError(await onRelease(message.id))
              setBusy(false)
            }}
          >
            {t('room.held.release')}
          </button>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {t.error(error)}
        </p>
      ) : null}
    </li>
  )
}

function MessageItem({
  message,
  own,
  hidden,
  divider,
  onEdit,
  onDelete,
  onRelease,
  moderation,
  reactions,
}: {
  message: ChatMessage
  own: boolean
  hidden: boolean
  divider: boolean
  onEdit: (id: string, body: string) => Promise<string | null>
  onDelete: (id: string) => Promise<string | null>
  onRelease: ((id: string) => Promise<string | null>) | null
  moderation: RoomModeration
  reactions: Reactions
}) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const editId = useId()
  if (message.moderation === 'held' && message.body !== null && !message.deletedAt)
    return <HeldMessage message={message} own={own} onRelease={onRelease} />
  if (message.moderation) return <ModeratedMessage message={message} own={own} />
  const changeable =
    own && !message.deletedAt && Date.now() - Date.parse(message.createdAt) < CHAT_LIMITS.editWindowMinutes * 60_000
  const author = (
    <span className="message-author">
      {message.author.pseudonym}
      {message.author.badge === 'facilitator' ? (
        <span className="badge facilitator">{t('room.badge.facilitator')}</span>
      ) : null}
    </span>
  )
  return (
    <>
      {divider ? (
        <li className="unread-divider" data-testid="unread-divider">
          <span>{t('room.unread')}</span>
        </li>
      ) : null}
      <li className={`message${own ? ' own' : ''}`} data-seq={message.seq} data-testid="message">
        {hidden ? (
          <p className="message-hidden">{t('room.message.hidden', { name: message.author.pseudonym })}</p>
        ) : (
          <>
            <div className="message-head">
              {author}
              <Time iso={message.createdAt} />
              {message.editedAt && !message.deletedAt ? (
                <span className="message-edited">({t('room.message.edited')})</span>
              ) : null}
              {own ? (
                <span className="message-state" data-testid="message-sent">
                  {t('room.message.sent')}
                </span>
              ) : null}
            </div>
            {message.deletedAt ? (
              <p className="message-deleted">{t('room.message.deleted')}</p>
            ) : editing ? (
              <form
                className="message-edit"
                onSubmit={async (event) => {
                  event.preventDefault()
                  const body = String(new FormData(event.currentTarget).get('body') ?? '')
                  const failed = await onEdit(message.id, body)
                  setError(failed)
                  if (!failed) setEditing(false)
                }}
              >
                <label htmlFor={editId} className="visually-hidden">
                  {t('room.message.editLabel')}
                </label>
                <textarea
                  id={editId}
                  name="body"
                  defaultValue={message.body ?? ''}
                  maxLength={CHAT_LIMITS.bodyMaxChars}
                  rows={2}
                  autoFocus
                />
                <div className="message-actions">
                  <button type="submit" className="button primary small">
                    {t('room.message.save')}
                  </button>
                  <button type="button" className="button small" onClick={() => setEditing(false)}>
                    {t('room.message.cancel')}
                  </button>
                </div>
              </form>
            ) : (
              <p className="message-body">
                <MessageText text={message.body ?? ''} />
              </p>
            )}
            {error ? (
              <p className="field-error" role="alert">
                {t.error(error)}
              </p>
            ) : null}
            {changeable && !editing ? (
              <div className="message-actions">
                <button type="button" className="link-button small" onClick={() => setEditing(true)}>
                  {t('room.message.edit')}
                </button>
                <button
                  type="button"
                  className="link-button small"
                  onClick={async () => {
                    if (!window.confirm(t('room.message.confirmDelete'))) return
                    setError(await onDelete(message.id))
                  }}
                >
                  {t('room.message.delete')}
                </button>
              </div>
            ) : null}
            {!message.deletedAt && !editing ? <ReactionBar messageId={message.id} reactions={reactions} /> : null}
            {!own && !message.deletedAt && !editing ? (
              <ReportButton moderation={moderation} messageId={message.id} />
            ) : null}
          </>
        )}
      </li>
    </>
  )
}

/** A refusal that says how long to wait shows that wait ("Try again in 8 seconds"), not a vague "a few minutes". */
function sendErrorText(t: ReturnType<typeof useT>, reader: Reader, pending: PendingMessage): string {
  if (pending.error === 'RATE_LIMITED' && pending.retryAfterMs) {
    const seconds = Math.max(1, Math.ceil(pending.retryAfterMs / 1000))
    return seconds === 1 ? t('room.message.rateLimitedOne') : t('room.message.rateLimited', { seconds })
  }
  // Redis or PostgreSQL did not answer: not stored, and sent again by itself once they answer (decision 025).
  if (pending.error === 'UNAVAILABLE') return t('room.message.unavailable')
  const refusal = refusalText(t, reader, pending)
  return refusal ?? t.error(pending.error!)
}

const REFUSAL_REASONS = [
  'personal_data',
  'contact_request',
  'spam_repeat',
  'spam_links',
  'spam_shouting',
  'slur',
  'harassment',
] as const

/** The screen's reason, or the mute's or ban's end, in the reader's language: never a bare "please rephrase". */
export function refusalText(
  t: ReturnType<typeof useT>,
  reader: Reader,
  pending: Pick<PendingMessage, 'error' | 'reason' | 'until'>,
): string | null {
  if (pending.error === 'MESSAGE_REJECTED') {
    const reason = REFUSAL_REASONS.find((r) => r === pending.reason)
    return t(reason ? `notice.refused.${reason}` : 'notice.refused.other')
  }
  if ((pending.error === 'MUTED' || pending.error === 'BANNED') && pending.until) {
    return t(pending.error === 'MUTED' ? 'notice.refused.muted' : 'notice.refused.banned', {
      until: formatUntil(pending.until, reader),
    })
  }
  return null
}

function PendingItem({
  pending,
  me,
  onRetry,
  onDiscard,
}: {
  pending: PendingMessage
  me: ChatMember
  onRetry: (id: string) => void
  onDiscard: (id: string) => void
}) {
  const t = useT()
  const reader = useReader()
  return (
    <li className={`message own ${pending.state}`} data-testid="pending-message" data-state={pending.state}>
      <div className="message-head">
        <span className="message-author">{me.pseudonym}</span>
        <span className="message-state">
          {pending.state === 'pending' ? t('room.message.pending') : t('room.message.failed')}
        </span>
      </div>
      <p className="message-body">
        <MessageText text={pending.body} />
      </p>
      {pending.state === 'failed' ? (
        <div className="message-actions">
          {pending.error ? (
            <span className="field-error" data-testid="send-error">
              {sendErrorText(t, reader, pending)}
            </span>
          ) : null}
          <button type="button" className="link-button small" onClick={() => onRetry(pending.clientId)}>
            {t('room.message.retry')}
          </button>
          <button type="button" className="link-button small" onClick={() => onDiscard(pending.clientId)}>
            {t('room.message.discard')}
          </button>
        </div>
      ) : null}
    </li>
  )
}

function Composer({
  onSend,
  onTyping,
  slowModeSeconds,
}: {
  onSend: (body: string) => void
  onTyping: () => void
  slowModeSeconds: number
}) {
  const t = useT()
  const id = useId()
  const [text, setText] = useState('')
  const remaining = CHAT_LIMITS.bodyMaxChars - [...text.trim()].length
  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    const body = text.trim()
    if (!body || remaining < 0) return
    onSend(body)
    setText('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      submit()
    }
  }
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor={id}>{t('room.composer.label')}</label>
      <p id={`${id}-hint`} className="help">
        {t('room.composer.hint')}
        {slowModeSeconds > 0 ? ` ${t('room.slowMode', { seconds: slowModeSeconds })}` : ''}
      </p>
      <div className="composer-row">
        <textarea
          id={id}
          name="body"
          rows={2}
          value={text}
          aria-describedby={`${id}-hint ${id}-remaining`}
          onChange={(event) => {
            setText(event.target.value)
            if (event.target.value.trim()) onTyping()
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="button primary">
          {t('room.composer.send')}
        </button>
      </div>
      <p
        id={`${id}-remaining`}
        className={`help remaining${remaining < 0 ? ' over' : ''}`}
        aria-live={remaining < 100 ? 'polite' : 'off'}
      >
        {remaining < 200 ? t('room.composer.remaining', { count: remaining }) : ''}
      </p>
    </form>
  )
}
