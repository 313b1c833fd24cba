import { useNavigation } from '@remix-run/react'
import { SafeForm } from '../forms'
import { useT } from '../i18n'

export interface ChatLine {
  id: string
  from: 'member' | 'clinician'
  body: string
  at: string
}

/** The private conversation between the member and the clinician working their incident. */
export function CrisisChat({
  messages,
  viewer,
  disabled,
}: {
  messages: ChatLine[]
  viewer: 'member' | 'clinician'
  disabled?: boolean
}) {
  const t = useT()
  const navigation = useNavigation()
  const sending = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'chat'
  const who = (from: ChatLine['from']) =>
    from === viewer ? t('crisis.chat.you') : from === 'clinician' ? t('crisis.chat.clinician') : t('crisis.chat.member')
  return (
    <section className="card" aria-labelledby="crisis-chat-title">
      <h2 id="crisis-chat-title">{t('crisis.chat.title')}</h2>
      {messages.length === 0 ? (
        <p className="help">{t(viewer === 'clinician' ? 'notice.crisisChat.emptyClinician' : 'crisis.chat.empty')}</p>
      ) : null}
      <ol className="crisis-chat" aria-live="polite" data-testid="crisis-chat">
        {messages.map((m) => (
          <li key={m.id} className={`crisis-chat-line from-${m.from}`}>
            <span className="crisis-chat-who">{who(m.from)}</span> <span>{m.body}</span>
          </li>
        ))}
      </ol>
      {disabled ? null : (
        <SafeForm key={messages.length}>
          <input type="hidden" name="intent" value="chat" />
          <div className="field">
            <label htmlFor="crisis-chat-body">{t('crisis.chat.label')}</label>
            <textarea id="crisis-chat-body" name="body" required maxLength={2000} rows={2} />
          </div>
          <button type="submit" className="button primary" disabled={sending}>
            {t('crisis.chat.send')}
          </button>
        </SafeForm>
      )}
    </section>
  )
}
