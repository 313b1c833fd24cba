import { useEffect, useRef, useState } from 'react'
import { useNavigation } from '@remix-run/react'
import { FormError, SafeForm, SubmitButton, TextAreaField } from '../forms'
import { useT } from '../i18n'
import { connectSocket } from '../chat/socket'
import { useLiveRevalidate } from '../use-live-revalidate'
import { FacilitatorBadge } from '../facilitator-badge'
import type { ThreadMessage } from '../../services.server'

/** Messages oldest first. The viewer's own show "Sent" or "Read <time>"; others show who wrote them. */
export function MessageList({ messages }: { messages: ThreadMessage[] }) {
  const t = useT()
  if (messages.length === 0) return <p>{t('messages.thread.empty')}</p>
  return (
    <ol className="dm-list" aria-label={t('messages.thread.list')} data-testid="dm-list">
      {messages.map((m) => (
        <li key={m.id} className={m.mine ? 'dm mine' : 'dm theirs'} data-testid="dm">
          <p className="dm-meta">
            <strong>{m.mine ? t('messages.thread.you') : (m.author ?? t('messages.thread.formerFacilitator'))}</strong>{' '}
            {!m.mine && m.byFacilitator ? (
              <>
                <FacilitatorBadge />{' '}
              </>
            ) : null}
            <time dateTime={m.sentAt}>{m.sentLabel}</time>
          </p>
          <p className="dm-body">{m.body}</p>
          {m.mine ? (
            <p className="dm-status" data-testid="dm-status" data-read={m.readAt ? 'true' : 'false'}>
              {m.readAt && m.readLabel ? t('messages.thread.read', { time: m.readLabel }) : t('messages.thread.sent')}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

type SendResult = { ok: true } | { ok: false; formError?: string; fieldErrors?: Record<string, string>; body?: string }

/**
 * The send form. Its hidden clientId comes from the loader; it is replaced only after a send succeeded, so a
 * double submit of one form stores one message, and a live reload while typing never clears the text.
 */
export function SendForm({ clientId, result }: { clientId: string; result: SendResult | undefined }) {
  const t = useT()
  const navigation = useNavigation()
  const wrapRef = useRef<HTMLDivElement>(null)
  const [currentId, setCurrentId] = useState(clientId)
  const failed = result && !result.ok ? result : undefined
  // Once per successful send (live reloads keep the same action result and must not clear the text).
  const handled = useRef<SendResult | undefined>(undefined)
  useEffect(() => {
    if (navigation.state === 'idle' && result?.ok && handled.current !== result) {
      handled.current = result
      wrapRef.current?.querySelector('form')?.reset()
      setCurrentId(clientId)
    }
  }, [navigation.state, result, clientId])
  return (
    <section className="card" aria-labelledby="dm-form-title">
      <h2 id="dm-form-title">{t('messages.form.title')}</h2>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('messages.form.sent')}
        </p>
      ) : null}
      <FormError code={failed?.formError} />
      <div ref={wrapRef}>
        <SafeForm>
          <input type="hidden" name="clientId" value={currentId} />
          <TextAreaField
            label={t('messages.form.body')}
            help={t('messages.form.bodyHelp')}
            name="body"
            required
            maxLength={4000}
            rows={5}
            defaultValue={failed?.body}
            error={failed?.fieldErrors?.body}
          />
          <SubmitButton>{t('messages.form.send')}</SubmitButton>
        </SafeForm>
      </div>
    </section>
  )
}

/** Re-read the page when a message is sent or read in one of the viewer's threads (the event carries ids only). */
export function useThreadLive(threadId?: string) {
  const refresh = useLiveRevalidate()
  useEffect(() => {
    const socket = connectSocket()
    socket.on('thread:updated', (payload) => {
      if (!threadId || payload.threadId === threadId) refresh()
    })
    socket.io.on('reconnect', refresh)
    return () => {
      socket.disconnect()
    }
  }, [threadId, refresh])
}
