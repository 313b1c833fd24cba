import { useT } from '../i18n'

export interface AlarmLine {
  id: string
  kind: string
  incidentId: string | null
  raisedAt: string
}

const KIND_KEYS = {
  crisis_unpaged: 'crisisAdmin.alarm.crisisUnpaged',
  webhook_dead_letter: 'crisisAdmin.alarm.webhookDeadLetter',
  crisis_step_overdue: 'crisisAdmin.alarm.crisisStepOverdue',
  workers_down: 'crisisAdmin.alarm.workersDown',
} as const

export function alarmLabelKey(kind: string) {
  return KIND_KEYS[kind as keyof typeof KIND_KEYS] ?? 'crisisAdmin.alarm.other'
}

/** Operational alarms (a stuck incident, a dead webhook) until an admin clears them. */
export function AlarmBanner({ alarms }: { alarms: AlarmLine[] }) {
  const t = useT()
  if (alarms.length === 0) return null
  return (
    <div className="alarm-banner" role="alert" data-testid="alarm-banner">
      <p>{t('console.alarms')}</p>
      <ul>
        {alarms.map((a) => (
          <li key={a.id}>
            {t(alarmLabelKey(a.kind))}
            {a.incidentId ? (
              <>
                {' '}
                — <a href={`/console/incidents/${a.incidentId}`}>{a.incidentId.slice(0, 8)}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
