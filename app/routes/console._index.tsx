import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getQueueHealth, listIncidentQueue, listOpenAlarms } from '../services.server'
import { useT } from '../components/i18n'
import { Time } from '../components/time'
import { AlarmBanner } from '../components/crisis/alarm-banner'
import { QueueHealth } from '../components/crisis/queue-health'
import { memberLabelText } from '../components/crisis/country-name'
import { useCrisisLive } from '../components/crisis/use-crisis-live'
import { requireUserWithCapability } from '../utils/auth.server'
import styles from '../styles/crisis.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'crisis:console')
  const actor = { accountId: account.accountId, role: account.role }
  const [queue, alarms, health] = await Promise.all([
    listIncidentQueue(context.deps, actor),
    listOpenAlarms(context.deps, actor),
    getQueueHealth(context.deps, actor),
  ])
  return { ...queue, alarms, health }
}

type Row = Awaited<ReturnType<typeof loader>>['open'][number]

function IncidentRow({ incident }: { incident: Row }) {
  const t = useT()
  return (
    <li className="card incident-row" data-testid="incident" data-incident={incident.id} data-status={incident.status}>
      <span>
        <span className={`level-badge level-${incident.level}`}>{t(`crisis.level.${incident.level}`)}</span>{' '}
        <strong>{memberLabelText(t, incident.memberLabel)}</strong>
      </span>
      <span>{t(`crisis.state.${incident.status}`)}</span>
      <span className="help">
        {t(`crisis.source.${incident.source}`)} · <Time at={incident.raisedAt} />
      </span>
      <Link className="button" to={`/console/incidents/${incident.id}`}>
        {t('console.open')}
      </Link>
    </li>
  )
}

/** The live queue: highest level first, then oldest first. Updates when an incident is raised, paged or changes. */
export default function ConsoleQueue() {
  const t = useT()
  const { open, resolved, alarms, health } = useLoaderData<typeof loader>()
  useCrisisLive(['incident:paged', 'incident:updated'])
  return (
    <>
      <h1>{t('console.title')}</h1>
      <AlarmBanner alarms={alarms} />
      <p className="help">{t('console.live')}</p>
      <QueueHealth health={health} />
      <h2>{t('console.queue')}</h2>
      {open.length === 0 ? <p>{t('console.queue.empty')}</p> : null}
      <ul className="incident-queue" aria-label={t('console.queue')}>
        {open.map((i) => (
          <IncidentRow key={i.id} incident={i} />
        ))}
      </ul>
      {resolved.length > 0 ? (
        <>
          <h2>{t('console.resolved')}</h2>
          <ul className="incident-queue">
            {resolved.map((i) => (
              <IncidentRow key={i.id} incident={i} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
