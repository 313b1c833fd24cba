import { useT } from '../i18n'

export interface QueueHealthView {
  openByLevel: { imminent: number; high: number; concern: number }
  longestWaitMinutes: number | null
  onCallNow: string[]
  unacknowledgedPages: number
  overdueSteps: number
}

/** How the crisis queue is doing, at a glance (the console's loader reads it; live with the rest of the console). */
export function QueueHealth({ health }: { health: QueueHealthView }) {
  const t = useT()
  const levels = ['imminent', 'high', 'concern'] as const
  return (
    <section className="card queue-health" aria-labelledby="queue-health-title" data-testid="queue-health">
      <h2 id="queue-health-title">{t('console.health.title')}</h2>
      <dl>
        <dt>{t('console.health.openByLevel')}</dt>
        <dd data-testid="health-by-level">
          {levels.map((level, i) => (
            <span key={level}>
              {i > 0 ? ' · ' : null}
              <span className={`level-badge level-${level}`}>{t(`crisis.level.${level}`)}</span>{' '}
              {health.openByLevel[level]}
            </span>
          ))}
        </dd>
        <dt>{t('console.health.longestWait')}</dt>
        <dd data-testid="health-longest-wait">
          {health.longestWaitMinutes === null
            ? t('console.health.noWait')
            : t('console.health.minutes', { count: health.longestWaitMinutes })}
        </dd>
        <dt>{t('console.health.onCall')}</dt>
        <dd data-testid="health-on-call">
          {health.onCallNow.length > 0 ? health.onCallNow.join(', ') : t('console.health.nobodyOnCall')}
        </dd>
        <dt>{t('console.health.unacknowledged')}</dt>
        <dd data-testid="health-unacknowledged">{health.unacknowledgedPages}</dd>
        <dt>{t('console.health.overdue')}</dt>
        <dd data-testid="health-overdue">
          {health.overdueSteps > 0 ? <strong>{health.overdueSteps}</strong> : health.overdueSteps}
        </dd>
      </dl>
    </section>
  )
}
