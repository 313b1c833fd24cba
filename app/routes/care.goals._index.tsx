import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { selfcare } from '../services.server'
import { useT } from '../components/i18n'
import { CareBack, CareNotice } from '../components/selfcare/care-parts'
import { GoalProgress, GoalStatusBadge } from '../components/selfcare/goal-parts'
import { requireUser } from '../utils/auth.server'
import { noticeFrom } from '../utils/care.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return { goals: await selfcare.listGoals(context.deps, account), done: noticeFrom(request) }
}

export default function Goals() {
  const t = useT()
  const { goals, done } = useLoaderData<typeof loader>()
  return (
    <div className="care">
      <CareBack />
      <h1>{t('care.goals.title')}</h1>
      <p className="care-intro">{t('care.goals.intro')}</p>
      <CareNotice done={done} />
      <div className="actions">
        <Link className="button primary" to="/care/goals/new">
          {t('care.goals.new')}
        </Link>
      </div>
      {goals.length === 0 ? <p className="care-empty">{t('care.goals.empty')}</p> : null}
      <ul className="goal-list">
        {goals.map((g) => (
          <li key={g.id} className={`card goal-card goal-${g.status}`}>
            <h2>
              <Link to={`/care/goals/${g.id}`}>{g.title}</Link> <GoalStatusBadge status={g.status} />
            </h2>
            <p className="help">
              {g.group ? t('care.goals.sharedWith', { group: g.group.title }) : t('care.goals.private')}
            </p>
            <GoalProgress progress={g.progress} />
          </li>
        ))}
      </ul>
    </div>
  )
}
