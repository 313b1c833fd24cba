import { Link } from '@remix-run/react'
import { useCallback, useEffect, useId, useState, type MutableRefObject } from 'react'
import type { ChatMessage } from '../../../core/contracts/socket-events.chat.js'
import {
  REPORT_CATEGORIES,
  type MemberModerationStatus,
  type ReportCategory,
} from '../../../core/contracts/socket-events.moderation.js'
import { useT } from '../i18n'
import { formatDateTime, useReader, type Reader } from '../../utils/time'
import { request, type HoldspaceSocket } from '../chat/socket'
import { Sheet } from '../sheet'

export interface RoomModeration {
  status: MemberModerationStatus | null
  /** The room's lock and slow mode as facilitators last changed them (null: as the page loaded). */
  settings: { slowModeSeconds: number; locked: boolean } | null
  report: (messageId: string, category: ReportCategory, note: string) => Promise<string | null>
  /** A warning, mute or ban (or its end) that arrived live on this page, until the member dismisses it. */
  live: LiveSanction | null
  dismissLive: () => void
}

export interface LiveSanction {
  kind: 'warning' | 'mute' | 'ban'
  until: string | null
  ended: boolean
}

/**
 * The member's side of moderation in a live room, on the chat room's socket: their own mute or ban
 * (read on every connection, updated live by `moderation:sanctioned`) and reporting a message.
 */
export function useRoomModeration(socketRef: MutableRefObject<HoldspaceSocket | null>, roomId: string): RoomModeration {
  const [status, setStatus] = useState<MemberModerationStatus | null>(null)
  const [settings, setSettings] = useState<RoomModeration['settings']>(null)
  const [live, setLive] = useState<LiveSanction | null>(null)

  useEffect(() => {
    const socket = socketRef.current
    if (!socket) return
    const refresh = async () => {
      const reply = await request(socket, 'moderation:status', { roomId })
      if (reply.ok) setStatus(reply.data)
    }
    const onSanctioned = (event: { roomId: string } & LiveSanction) => {
      if (event.roomId !== roomId) return
      setLive({ kind: event.kind, until: event.until, ended: event.ended })
      void refresh()
    }
    const onRoom = (event: { roomId: string; slowModeSeconds: number; locked: boolean }) => {
      if (event.roomId === roomId) setSettings({ slowModeSeconds: event.slowModeSeconds, locked: event.locked })
    }
    socket.on('connect', refresh)
    socket.on('moderation:sanctioned', onSanctioned)
    socket.on('room:moderated', onRoom)
    if (socket.connected) void refresh()
    return () => {
      socket.off('connect', refresh)
      socket.off('moderation:sanctioned', onSanctioned)
      socket.off('room:moderated', onRoom)
    }
  }, [socketRef, roomId])

  // A mute runs out on its own: look again when it should have ended.
  useEffect(() => {
    const until = status?.bannedUntil ?? status?.mutedUntil
    const socket = socketRef.current
    if (!until || !socket) return
    const timer = setTimeout(
      async () => {
        const reply = await request(socket, 'moderation:status', { roomId })
        if (reply.ok) setStatus(reply.data)
      },
      Math.min(Math.max(Date.parse(until) - Date.now() + 1000, 1000), 2 ** 31 - 1),
    )
    return () => clearTimeout(timer)
  }, [status, socketRef, roomId])

  const report = useCallback(
    async (messageId: string, category: ReportCategory, note: string) => {
      const socket = socketRef.current
      if (!socket?.connected) return 'UNAVAILABLE'
      const reply = await request(socket, 'message:report', {
        roomId,
        messageId,
        category,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      if (reply.ok) return null
      return reply.error.fields?.report ?? reply.error.code
    },
    [socketRef, roomId],
  )

  const dismissLive = useCallback(() => setLive(null), [])
  return { status, settings, report, live, dismissLive }
}

/** When a mute or ban ends, in the reader's language and zone, the zone named. */
export function formatUntil(iso: string, reader: Reader) {
  return formatDateTime(iso, reader, { year: false })
}

/** Above the composer: why the member cannot send, and until when. */
export function SanctionNotice({ status }: { status: MemberModerationStatus | null }) {
  const t = useT()
  const reader = useReader()
  if (!status) return null
  if (status.bannedUntil) {
    return (
      <p className="notice sanction-notice" role="status" data-testid="sanction-notice">
        {t('mod.composer.banned', { until: formatUntil(status.bannedUntil, reader) })}{' '}
        <Link to="/appeals">{t('nav.appeals')}</Link>
      </p>
    )
  }
  if (status.mutedUntil) {
    return (
      <p className="notice sanction-notice" role="status" data-testid="sanction-notice">
        {t('mod.composer.muted', { until: formatUntil(status.mutedUntil, reader) })}{' '}
        <Link to="/appeals">{t('nav.appeals')}</Link>
      </p>
    )
  }
  if (status.activeWarnings > 0)
    return (
      <p className="help" data-testid="warning-notice">
        {t('mod.composer.warnings', { count: status.activeWarnings })}
      </p>
    )
  return null
}

/**
 * What a facilitator just did about me, said at once (role="alert", no reload): a warning, a mute or ban with its
 * end, or that it ended. It names no other member and stays until dismissed.
 */
export function LiveSanctionNotice({ moderation }: { moderation: RoomModeration }) {
  const t = useT()
  const reader = useReader()
  const live = moderation.live
  if (!live) return null
  const text = live.ended
    ? t('notice.live.ended')
    : live.kind === 'warning'
      ? t('notice.live.warned')
      : t(live.kind === 'mute' ? 'notice.live.muted' : 'notice.live.banned', {
          until: live.until ? formatUntil(live.until, reader) : '',
        })
  return (
    <div
      className="notice live-sanction"
      role="alert"
      data-testid="live-sanction"
      data-kind={live.ended ? 'ended' : live.kind}
    >
      <p>{text}</p>
      <button type="button" className="link-button small" onClick={moderation.dismissLive}>
        {t('notice.dismiss')}
      </button>
    </div>
  )
}

/** A held, hidden or removed message in the log. Peers see nothing of a held one. */
export function ModeratedMessage({ message, own }: { message: ChatMessage; own: boolean }) {
  const t = useT()
  if (message.moderation === 'held') {
    if (!own) return null
    return (
      <li className="message own moderated" data-seq={message.seq} data-testid="message" data-moderation="held">
        <p className="notice" role="status">
          {message.notice ?? t('mod.message.heldOwn')}
        </p>
      </li>
    )
  }
  return (
    <li className="message moderated" data-seq={message.seq} data-testid="message" data-moderation={message.moderation}>
      <p className="message-hidden">
        {t(message.moderation === 'removed' ? 'mod.message.removed' : 'mod.message.hidden')}
      </p>
    </li>
  )
}

/** "Report" on someone else's message: a category, an optional note, sent anonymously. */
export function ReportButton({ moderation, messageId }: { moderation: RoomModeration; messageId: string }) {
  const t = useT()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [result, setResult] = useState<'done' | string | null>(null)
  const [busy, setBusy] = useState(false)
  if (result === 'done')
    return (
      <p className="help" role="status">
        {t('mod.report.done')} <Link to="/reports">{t('notice.reports.link')}</Link>
      </p>
    )
  if (!open) {
    return (
      <button type="button" className="link-button small report-button" onClick={() => setOpen(true)}>
        {t('mod.report.button')}
      </button>
    )
  }
  return (
    <Sheet labelledBy={`${id}-title`} testId="report-sheet">
      <form
        className="report-form"
        aria-labelledby={`${id}-title`}
        onSubmit={async (event) => {
          event.preventDefault()
          const data = new FormData(event.currentTarget)
          const category = String(data.get('category') ?? '') as ReportCategory
          if (!REPORT_CATEGORIES.includes(category)) return
          setBusy(true)
          const failed = await moderation.report(messageId, category, String(data.get('note') ?? ''))
          setBusy(false)
          setResult(failed ?? 'done')
        }}
      >
        <p id={`${id}-title`} className="report-title">
          {t('mod.report.title')}
        </p>
        <p className="help">{t('mod.report.intro')}</p>
        <fieldset>
          <legend>{t('mod.report.category')}</legend>
          {REPORT_CATEGORIES.map((category) => (
            <div className="choice" key={category}>
              <input type="radio" id={`${id}-${category}`} name="category" value={category} required />
              <label htmlFor={`${id}-${category}`}>{t(`mod.report.${category}`)}</label>
            </div>
          ))}
        </fieldset>
        <label htmlFor={`${id}-note`}>{t('mod.report.note')}</label>
        <textarea id={`${id}-note`} name="note" maxLength={500} rows={2} />
        {result && result !== 'done' ? (
          <p className="field-error" role="alert">
            {t.error(result)}
          </p>
        ) : null}
        <div className="message-actions">
          <button type="submit" className="button primary small" disabled={busy}>
            {t('mod.report.send')}
          </button>
          <button type="button" className="button small" onClick={() => setOpen(false)}>
            {t('mod.report.cancel')}
          </button>
        </div>
      </form>
    </Sheet>
  )
}
