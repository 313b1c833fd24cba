import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { selfcare } from '../services.server'
import { useT } from '../components/i18n'
import { CareBack, CareNotice } from '../components/selfcare/care-parts'
import { requireUser } from '../utils/auth.server'
import { noticeFrom } from '../utils/care.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return { entries: await selfcare.listJournal(context.deps, account), done: noticeFrom(request) }
}

export default function Journal() {
  const t = useT()
  const { entries, done } = useLoaderData<typeof loader>()
  return (
    <div className="care">
      <CareBack />
      <h1>{t('care.journal.title')}</h1>
      <p className="care-intro">{t('care.privacy')}</p>
      <CareNotice done={done} />
      <div className="actions">
        <Link className="button primary" to="/care/journal/new">
          {t('care.journal.new')}
        </Link>
      </div>
      {entries.length === 0 ? <p className="care-empty">{t('care.journal.empty')}</p> : null}
      <ul className="journal-list">
        {entries.map((e) => (
          <li key={e.id} className="card">
            <h2>
              <Link to={`/care/journal/${e.id}`}>{e.title ?? t('care.journal.untitled')}</Link>
            </h2>
            <p className="help">
              <time dateTime={e.createdAt}>{e.dateLabel}</time>
            </p>
            <p className="journal-preview">{e.preview}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
