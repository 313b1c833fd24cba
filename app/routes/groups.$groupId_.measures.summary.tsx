import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { measures } from '../services.server'
import { useT } from '../components/i18n'
import { instrumentName, severityName } from '../components/measures/trend'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import styles from '../styles/measures.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/**
 * The between-session summary, for the group's facilitators only: members who consent to share, whether they
 * completed what was asked, their scores' change, and their homework status. Never a journal, a note or a reflection.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return measures.getSessionSummary(context.deps, account, params.groupId ?? '').catch(rethrowNotFound)
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

export default function SessionSummary() {
  const t = useT()
  const view = useLoaderData<typeof loader>()
  return (
    <>
      <p>
        <Link to={`/groups/${view.groupId}/measures`}>← {t('measures.summary.back')}</Link>
      </p>
      <h1>{t('measures.summary.title', { group: view.groupTitle })}</h1>
      <p>
        {view.sessionLabel
          ? t('measures.summary.session', { when: view.sessionLabel, since: view.sinceLabel ?? '' })
          : t('measures.summary.noSession', { since: view.sinceLabel ?? '' })}
      </p>
      <p className="help">{t('measures.summary.intro')}</p>
      {view.members.length === 0 ? (
        <p>{t('measures.group.noneSharing')}</p>
      ) : (
        // Scrolls sideways on a phone: focusable and named, so a keyboard can scroll it too.
        <div
          className="measure-scroll"
          tabIndex={0}
          role="region"
          aria-label={t('measures.summary.title', { group: view.groupTitle })}
        >
          <table className="measure-table" data-testid="session-summary">
            <thead>
              <tr>
                <th scope="col">{t('measures.summary.member')}</th>
                <th scope="col">{instrumentName('phq9')}</th>
                <th scope="col">{instrumentName('gad7')}</th>
                <th scope="col">{t('measures.summary.homework')}</th>
              </tr>
            </thead>
            <tbody>
              {view.members.map((m) => (
                <tr key={m.pseudonym}>
                  <th scope="row">{m.pseudonym}</th>
                  {m.measures.map((s) => (
                    <td key={s.instrument}>
                      <div>
                        {s.requested
                          ? t(s.completed ? 'measures.summary.completed' : 'measures.summary.notCompleted')
                          : t('measures.summary.notAsked')}
                      </div>
                      <div>
                        {s.latest !== null && s.severity
                          ? t('measures.summary.latest', { total: s.latest, severity: t(severityName(s.severity)) })
                          : t('measures.summary.noScore')}
                      </div>
                      {s.change !== null ? (
                        <div>{t('measures.summary.change', { change: signed(s.change) })}</div>
                      ) : null}
                    </td>
                  ))}
                  <td>
                    {m.homework.total === 0
                      ? t('measures.summary.noHomework')
                      : t('measures.summary.homeworkCount', m.homework)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.notSharing > 0 ? (
        <p className="help">{t('measures.group.notSharing', { count: view.notSharing })}</p>
      ) : null}
    </>
  )
}
