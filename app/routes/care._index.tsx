import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { library, selfcare, selfcareForms } from '../services.server'
import { useT } from '../components/i18n'
import { MoodChart } from '../components/selfcare/mood-chart'
import { MoodCheckInForm } from '../components/selfcare/mood-form'
import { CareNotice, CareReminder } from '../components/selfcare/care-parts'
import { requireUser } from '../utils/auth.server'
import { noticeFrom } from '../utils/care.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const [overview, reminder, homework] = await Promise.all([
    selfcare.getMoodOverview(context.deps, account, 30),
    selfcare.getMoodReminder(context.deps, account),
    library.listOpenHomeworkForMember(context.deps, account),
  ])
  return { overview, due: reminder.due, homework, feelings: selfcareForms.FEELINGS, done: noticeFrom(request) }
}

const SECTIONS = [
  { to: '/care/mood', title: 'care.nav.mood', body: 'care.nav.mood.body' },
  { to: '/care/journal', title: 'care.nav.journal', body: 'care.nav.journal.body' },
  { to: '/care/goals', title: 'care.nav.goals', body: 'care.nav.goals.body' },
  { to: '/care/reminders', title: 'care.nav.reminders', body: 'care.nav.reminders.body' },
  { to: '/care/safety-plan', title: 'care.nav.plan', body: 'care.nav.plan.body' },
  { to: '/care/measures', title: 'measures.nav', body: 'measures.nav.body' },
] as const

export default function CareOverview() {
  const t = useT()
  const { overview, due, homework, feelings, done } = useLoaderData<typeof loader>()
  const full = overview.todayCount >= overview.limit
  return (
    <div className="care">
      <h1>{t('care.title')}</h1>
      <p className="care-intro">{t('care.intro')}</p>
      <CareNotice done={done} />
      <CareReminder due={due} />
      <section className="card care-today" aria-labelledby="care-today">
        <h2 id="care-today">{t('care.today.title')}</h2>
        {full ? <p>{t('care.today.done', { count: overview.todayCount })}</p> : <MoodCheckInForm feelings={feelings} />}
      </section>
      {homework.length > 0 ? (
        <section className="card" aria-labelledby="care-homework" data-testid="care-homework">
          <h2 id="care-homework">{t('care.homework.title')}</h2>
          <ul className="care-homework">
            {homework.map((h) => (
              <li key={h.id}>
                <Link to={`/groups/${h.groupId}/homework`}>{h.title}</Link>
                <span className="help">
                  {' '}
                  · {h.groupTitle} · {t('homework.due', { when: h.dueLabel })}
                </span>
                {h.overdue ? <strong className="care-overdue"> · {t('homework.overdue')}</strong> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <MoodChart
          days={overview.days}
          latest={overview.latest}
          range={overview.range}
          rangeHref={(d) => `/care/mood?days=${d}`}
        />
      </section>
      <ul className="care-sections">
        {SECTIONS.map((s) => (
          <li key={s.to} className="card">
            <h2>
              <Link to={s.to}>{t(s.title)}</Link>
            </h2>
            <p>{t(s.body)}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}
