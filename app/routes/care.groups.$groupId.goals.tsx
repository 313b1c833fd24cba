import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { selfcare } from '../services.server'
import { useT } from '../components/i18n'
import { GoalReadOnly } from '../components/selfcare/goal-parts'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/** For a group's facilitator and co-facilitator only; anyone else gets the same 404 as a group that does not exist. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return selfcare.listGroupGoals(context.deps, account, params.groupId ?? '').catch(rethrowNotFound)
}

export default function GroupGoals() {
  const t = useT()
  const view = useLoaderData<typeof loader>()
  return (
    <div className="care">
      <p className="care-back">
        <Link to={`/groups/${view.groupId}`}>← {view.groupTitle}</Link>
      </p>
      <h1>{t('care.groupGoals.title', { group: view.groupTitle })}</h1>
      <p className="care-intro">{t('care.groupGoals.intro')}</p>
      {view.members.length === 0 ? <p className="care-empty">{t('care.groupGoals.empty')}</p> : null}
      {view.members.map((m) => (
        <section key={m.pseudonym} aria-label={m.pseudonym} className="group-goals-member">
          <h2>{m.pseudonym}</h2>
          {m.goals.map((g) => (
            <GoalReadOnly key={g.id} goal={g} />
          ))}
        </section>
      ))}
    </div>
  )
}
