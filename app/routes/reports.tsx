import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { moderation } from '../services.server'
import { useT } from '../components/i18n'
import { useReader } from '../utils/time'
import { requireUser } from '../utils/auth.server'
import styles from '../styles/moderation.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Your reports · Holdspace' }]

/** The member's own reports and what came of each: waiting, action taken, or no action (never which penalty). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return { reports: await moderation.listMyReports(context.deps, account.accountId) }
}

export default function Reports() {
  const t = useT()
  const reader = useReader()
  const { reports } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('notice.reports.title')}</h1>
      <p>{t('notice.reports.intro')}</p>
      {reports.length === 0 ? <p data-testid="reports-empty">{t('notice.reports.empty')}</p> : null}
      <ul className="appeal-list">
        {reports.map((r) => (
          <li key={r.reportId} className="card" data-testid="own-report" data-outcome={r.outcome}>
            <h2 className="h3">
              {t(`mod.report.${r.category}`)} · {r.roomTitle}
            </h2>
            <p className="help">{t('notice.reports.sent', { when: reader.dateTime(r.createdAt, { year: false }) })}</p>
            <p data-testid="report-outcome">
              <strong>{t(`notice.reports.outcome.${r.outcome}`)}</strong>
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
