import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getSessionPage, openSessionChat } from '../services.server'
import { useT } from '../components/i18n'
import { SessionClient } from '../components/groups/session-client'
import { requireUser } from '../utils/auth.server'
import styles from '../styles/groups.css'
import chatStyles from '../styles/chat.css'
import crisisStyles from '../styles/crisis.css'
import { ChatRoom } from '../components/chat/chat-room'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: chatStyles },
  { rel: 'stylesheet', href: crisisStyles },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  try {
    const page = await getSessionPage(context.deps, account, params.sessionId ?? '')
    // The group chat beside the video; someone removed from the session keeps the page but not the chat.
    const chat = page.open ? await openSessionChat(context.deps, account, page.sessionId).catch(() => null) : null
    return { ...page, chat }
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    if (code === 'FORBIDDEN') throw new Response('Forbidden', { status: 403 })
    throw error
  }
}

export default function GroupSession() {
  const t = useT()
  const s = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to={`/groups/${s.groupId}`}>← {t('session.backToGroup')}</Link>
      </p>
      <h1>{s.groupTitle}</h1>
      <p>{t('session.when', { start: s.startsLabel, end: s.endsLabel })}</p>
      {!s.livekitConfigured ? (
        <p className="notice" data-testid="no-livekit">
          {t('session.noLivekit')}
        </p>
      ) : null}
      {s.status === 'cancelled' ? <p className="notice">{t('session.cancelled')}</p> : null}
      {s.status === 'ended' ? <p className="notice">{t('session.ended')}</p> : null}
      {s.open ? (
        <SessionClient sessionId={s.sessionId} role={s.role} name={s.name} livekitConfigured={s.livekitConfigured} />
      ) : s.status !== 'cancelled' && s.status !== 'ended' && s.opensInMinutes > 0 ? (
        <p className="notice">{t('session.notOpen', { minutes: s.opensInMinutes })}</p>
      ) : null}
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
