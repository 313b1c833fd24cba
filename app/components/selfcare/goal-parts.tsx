import { useT } from '../i18n'

export interface GoalCard {
  id: string
  title: string
  why: string
  status: 'active' | 'completed' | 'archived'
  group: { id: string; title: string } | null
  steps: Array<{ id: string; text: string; done: boolean }>
  progress: { done: number; total: number }
  checkIns: Array<{ id: string; note: string; rating: number | null; date: string }>
}

export function GoalProgress({ progress }: { progress: GoalCard['progress'] }) {
  const t = useT()
  if (progress.total === 0) return null
  return (
    <div className="goal-progress">
      <progress max={progress.total} value={progress.done} aria-label={t('care.goals.progress', progress)} />
      <span className="help">{t('care.goals.progress', progress)}</span>
    </div>
  )
}

export function GoalStatusBadge({ status }: { status: GoalCard['status'] }) {
  const t = useT()
  return <span className={`goal-status goal-status-${status}`}>{t(`care.goals.status.${status}`)}</span>
}

/** A goal as someone who may not change it sees it (a group's facilitator). */
export function GoalReadOnly({ goal, headingLevel = 3 }: { goal: GoalCard; headingLevel?: 2 | 3 }) {
  const t = useT()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className="card goal-card">
      <Heading>
        {goal.title} <GoalStatusBadge status={goal.status} />
      </Heading>
      {goal.why ? <p className="care-text">{goal.why}</p> : null}
      <GoalProgress progress={goal.progress} />
      {goal.steps.length > 0 ? (
        <ul className="goal-steps readonly">
          {goal.steps.map((s) => (
            <li key={s.id} className={s.done ? 'done' : undefined}>
              <span aria-hidden="true">{s.done ? '✓' : '○'}</span> {s.text}
              <span className="visually-hidden">{s.done ? ` (${t('care.goals.status.completed')})` : ''}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {goal.checkIns.length > 0 ? <GoalCheckInList checkIns={goal.checkIns} /> : null}
    </article>
  )
}

/** A goal's check-ins, newest first as core gives them. */
export function GoalCheckInList({ checkIns }: { checkIns: GoalCard['checkIns'] }) {
  const t = useT()
  return (
    <ul className="goal-checkins">
      {checkIns.map((c) => (
        <li key={c.id}>
          <time dateTime={c.date}>{c.date}</time>
          {c.rating ? <span className="badge">{t('care.goals.ratingValue', { rating: c.rating })}</span> : null}
          <p className="care-text">{c.note}</p>
        </li>
      ))}
    </ul>
  )
}
