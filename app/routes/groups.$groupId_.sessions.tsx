import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { sessionNotes } from '../services.server'
import { useT } from '../components/i18n'
import { Time } from '../components/time'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import styles from '../styles/sessionnotes.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/** The group's past sessions, for its facilitators only (anyone else: the 404 of a group that does not exist). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return sessionNotes.listGroupSessionRecords(context.deps, account, params.groupId ?? '').catch(rethrowNotFound)
}

export default function GroupSessionRecords() {
  const t = useT()
  const view = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to={`/groups/${view.groupId}`}>← {view.groupTitle}</Link>
      </p>
      <h1>{t('sessionnotes.list.title', { group: view.groupTitle })}</h1>
      <p>{t('sessionnotes.list.intro')}</p>
      {view.sessions.length === 0 ? (
        <p>{t('sessionnotes.list.none')}</p>
      ) : (
        <ul className="session-records" data-testid="session-records">
          {view.sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/sessions/${s.id}/notes`}>
                <Time at={s.startsAt} year />
              </Link>
              <span className="help">
                {t(s.attendanceRecorded ? 'sessionnotes.list.recorded' : 'sessionnotes.list.notRecorded')}
                {s.notes > 0 ? ` · ${t.plural('plural.sessionNotes', s.notes)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
