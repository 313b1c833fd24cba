import { useT } from '../i18n'
import type { MessageKey } from '../../i18n/i18n'

/** The shapes of core/measures/measures.schema.ts that these parts show (components never import core). */
export type Severity = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe'
export interface InstrumentTrend {
  instrument: 'phq9' | 'gad7'
  points: Array<{ id: string; total: number; severity: Severity; dateLabel: string }>
  latest: { total: number; severity: Severity; dateLabel: string } | null
  change: number | null
}

/** The instruments' own names, the same in every language. */
export const instrumentName = (instrument: 'phq9' | 'gad7') => (instrument === 'phq9' ? 'PHQ-9' : 'GAD-7')
export const severityName = (severity: Severity) => `measures.severity.${severity}` as MessageKey
const MAX = { phq9: 27, gad7: 21 } as const

/** "Latest PHQ-9: 9 of 27 (mild), …. 5 lower than the time before." and the scores in a table, oldest first. */
export function TrendSummary({ trend }: { trend: InstrumentTrend }) {
  const t = useT()
  const name = instrumentName(trend.instrument)
  if (!trend.latest) return <p className="help">{t('measures.trend.none', { instrument: name })}</p>
  const change = trend.change
  return (
    <>
      <p data-testid={`trend-${trend.instrument}`}>
        {t('measures.trend.latest', {
          instrument: name,
          total: trend.latest.total,
          max: MAX[trend.instrument],
          severity: t(severityName(trend.latest.severity)),
          when: trend.latest.dateLabel,
        })}{' '}
        {change === null
          ? null
          : change > 0
            ? t('measures.trend.up', { change })
            : change < 0
              ? t('measures.trend.down', { change: -change })
              : t('measures.trend.same')}
      </p>
      <div
        className="measure-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('measures.trend.caption', { instrument: name })}
      >
        <table className="measure-table">
          <caption>{t('measures.trend.caption', { instrument: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('measures.trend.date')}</th>
              <th scope="col">{t('measures.trend.score')}</th>
              <th scope="col">{t('measures.trend.severity')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((p) => (
              <tr key={p.id}>
                <td>{p.dateLabel}</td>
                <td>{p.total}</td>
                <td>{t(severityName(p.severity))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
