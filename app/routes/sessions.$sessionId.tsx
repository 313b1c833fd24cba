import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import {
  crisisLinesFor,
  getOwnNotOkSignal,
  getSessionPage,
  openSessionChat,
  requestClinicianAfterSignal,
  sessionActionSchema,
  signalFacilitators,
} from '../services.server'
import { useT } from '../components/i18n'
import { SessionClient } from '../components/groups/session-client'
import { SessionSignals } from '../components/video/session-signals'
import { SignalButtons, NotOkSupport } from '../components/video/signal-forms'
import { requireUser } from '../utils/auth.server'
import { getCountry } from '../utils/locale.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/groups.css'
import chatStyles from '../styles/chat.css'
import crisisStyles from '../styles/crisis.css'
import videoStyles from '../styles/video.css'
import { ChatRoom } from '../components/chat/chat-room'
import { FacilitatorBadge } from '../components/facilitator-badge'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: chatStyles },
  { rel: 'stylesheet', href: crisisStyles },
  { rel: 'stylesheet', href: videoStyles },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  try {
    const page = await getSessionPage(context.deps, account, params.sessionId ?? '')
    // The group chat beside the video; someone removed from the session keeps the page but not the chat.
    const chat = page.open ? await openSessionChat(context.deps, account, page.sessionId).catch(() => null) : null
    // After "I'm not OK": the crisis lines at once and the clinician question (?signal=<the member's own signal>).
    const signalId = new URL(request.url).searchParams.get('signal')
    const own = signalId
      ? await getOwnNotOkSignal(context.deps, account, { sessionId: page.sessionId, signalId }).catch(() => null)
      : null
    const country = own ? getCountry(request, context) : null
    const support = own ? { ...own, lines: { country, ...crisisLinesFor(country) } } : null
    return { ...page, chat, support }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    if (code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 })
    throw error
  }
}

/**
 * A member's private signal to the facilitators ("stepping out", "back", "not OK") and the answer to the clinician
 * question after "not OK". Forms, so they work without JavaScript; only a yes raises a crisis (decision 047).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(sessionActionSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  const sessionId = params.sessionId ?? ''
  try {
    if (parsed.data.intent === 'signal') {
      const { signalId } = await signalFacilitators(context.deps, account, { sessionId, kind: parsed.data.kind })
      if (parsed.data.kind === 'not_ok') throw redirect(`/sessions/${sessionId}?signal=${signalId}#support`)
      return { ok: true as const, signalled: parsed.data.kind }
    }
    if (parsed.data.answer === 'no') return { ok: true as const, answer: 'no' as const }
    await requestClinicianAfterSignal(context.deps, account, {
      sessionId,
      signalId: parsed.data.signalId,
      message: parsed.data.message,
      country: getCountry(request, context),
    })
    return { ok: true as const, answer: 'yes' as const }
  } catch (error) {
    if (error instanceof Response) throw error
    return failureFromError(context, error, request)
  }
}

type ActionResult =
  | { ok: true; signalled: 'stepping_out' | 'back' | 'not_ok' }
  | { ok: true; answer: 'yes' | 'no' }
  | FormResult
  | undefined

export default function GroupSession() {
  const t = useT()
  const s = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult
  return (
    <>
      <p>
        <Link to={`/groups/${s.groupId}`}>← {t('session.backToGroup')}</Link>
      </p>
      <h1>{s.groupTitle}</h1>
      <p>{t('session.when', { start: s.startsLabel, end: s.endsLabel })}</p>
      {s.support ? <NotOkSupport support={s.support} result={result} /> : null}
      {!s.livekitConfigured ? (
        <p className="notice" data-testid="no-livekit">
          {t('session.noLivekit')}
        </p>
      ) : null}
      {s.status === 'cancelled' ? <p className="notice">{t('session.cancelled')}</p> : null}
      {s.status === 'ended' ? <p className="notice">{t('session.ended')}</p> : null}
      {s.open ? (
        <SessionClient
          sessionId={s.sessionId}
          role={s.role}
          name={s.name}
          livekitConfigured={s.livekitConfigured}
          signals={s.signals}
        />
      ) : s.status !== 'cancelled' && s.status !== 'ended' && s.opensInMinutes > 0 ? (
        <p className="notice">{t('session.notOpen', { minutes: s.opensInMinutes })}</p>
      ) : null}
      {s.role === 'member' && s.open ? <SignalButtons result={result} /> : null}
      {!s.open && s.signals && s.signals.length > 0 ? <SessionSignals signals={s.signals} /> : null}
      {s.chat ? (
        <section className="session-chat" aria-labelledby="session-chat-title">
          <h2 id="session-chat-title">{t('session.chat.title')}</h2>
          <ChatRoom room={s.chat.room} me={s.chat.me} />
        </section>
      ) : null}
      {s.attendance ? (
        <section className="card" aria-labelledby="attendance">
          <h2 id="attendance">{t('session.attendance.title')}</h2>
          {s.attendance.length === 0 ? (
            <p>{t('session.attendance.empty')}</p>
          ) : (
            <ul className="participants" data-testid="attendance">
              {s.attendance.map((a, i) => (
                <li key={i}>
                  <span className="name">{a.name}</span>
                  {a.role === 'facilitator' ? <FacilitatorBadge /> : null}
                  <span>
                    {t('session.attendance.joined')}: {a.joined}
                  </span>
                  <span>
                    {t('session.attendance.left')}: {a.left ?? t('session.attendance.stillIn')}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  )
}
