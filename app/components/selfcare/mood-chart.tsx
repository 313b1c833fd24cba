import { Link } from '@remix-run/react'
import { useId } from 'react'
import { useT } from '../i18n'
import { useReader } from '../../utils/time'

export interface ChartDay {
  date: string
  label: string
  average: number | null
  low: number | null
  high: number | null
  count: number
}
export interface ChartLatest {
  score: number
  localDate: string
  timeLabel: string
}

const WIDTH = 320
const HEIGHT = 190
const PAD = { left: 24, right: 18, top: 14, bottom: 24 }
const PLOT_W = WIDTH - PAD.left - PAD.right
const PLOT_H = HEIGHT - PAD.top - PAD.bottom

const xAt = (index: number, count: number) => PAD.left + (count <= 1 ? PLOT_W / 2 : (index * PLOT_W) / (count - 1))
const yAt = (score: number) => PAD.top + ((10 - score) * PLOT_H) / 9
const round = (n: number) => Math.round(n * 10) / 10

/**
 * A smooth line through the days with a check-in: each segment is a cubic curve whose control points sit
 * halfway across at the end points' heights, so the line never swings above 10 or below 1.
 */
function smoothPath(points: Array<{ x: number; y: number }>): string {
  if (points.length === 0) return ''
  let d = `M${round(points[0]!.x)},${round(points[0]!.y)}`
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    const mid = (a.x + b.x) / 2
    d += ` C${round(mid)},${round(a.y)} ${round(mid)},${round(b.y)} ${round(b.x)},${round(b.y)}`
  }
  return d
}

/** The summary describes check-ins: their mean, and the lowest and highest single check-in (not daily averages). */
export function summaryNumbers(days: ChartDay[]) {
  const withValues = days.filter((d) => d.average !== null)
  const checkIns = days.reduce((n, d) => n + d.count, 0)
  const weighted = withValues.reduce((sum, d) => sum + d.average! * d.count, 0)
  const lows = withValues.map((d) => d.low ?? d.average!)
  const highs = withValues.map((d) => d.high ?? d.average!)
  return {
    checkIns,
    daysWith: withValues.length,
    average: checkIns ? round(weighted / checkIns) : 0,
    low: lows.length ? Math.min(...lows) : 0,
    high: highs.length ? Math.max(...highs) : 0,
  }
}

/**
 * The mood chart, drawn on the server as SVG (no script, no inline styles: colours come from selfcare.css).
 * Screen readers get the summary sentence as the image's name and a table of the daily numbers.
 */
export function MoodChart({
  days,
  latest,
  range,
  rangeHref,
}: {
  days: ChartDay[]
  latest: ChartLatest | null
  range: number
  rangeHref: (days: 30 | 90) => string
}) {
  const t = useT()
  const reader = useReader()
  const id = `mood${useId().replace(/[^a-zA-Z0-9]/g, '')}`
  const numbers = summaryNumbers(days)
  const points = days.flatMap((d, i) =>
    d.average === null ? [] : [{ x: xAt(i, days.length), y: yAt(d.average), day: d }],
  )
  const latestIndex = latest ? days.findIndex((d) => d.date === latest.localDate) : -1
  const line = smoothPath(points)
  const area =
    points.length > 1
      ? `${line} L${round(points.at(-1)!.x)},${PAD.top + PLOT_H} L${round(points[0]!.x)},${PAD.top + PLOT_H} Z`
      : ''
  const labelEvery = range > 30 ? 14 : 7
  const latestText = latest ? t('care.chart.latest', { score: latest.score, date: latest.timeLabel }) : ''
  return (
    <figure className="mood-chart" aria-labelledby={`${id}-title`}>
      <div className="mood-chart-head">
        <h2 id={`${id}-title`}>{t('care.chart.title', { days: range })}</h2>
        <nav className="range-toggle" aria-label={t('care.chart.range')}>
          {([30, 90] as const).map((d) => (
            <Link key={d} to={rangeHref(d)} aria-current={d === range ? 'true' : undefined} preventScrollReset>
              {t('care.chart.days', { days: d })}
            </Link>
          ))}
        </nav>
      </div>
      {numbers.checkIns === 0 ? (
        <p className="chart-empty">{t('care.chart.empty', { days: range })}</p>
      ) : (
        <>
          <svg
            className="mood-svg"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-labelledby={`${id}-summary`}
            focusable="false"
          >
            <defs>
              <linearGradient id={`${id}-fill`} x1="0" x2="0" y1="0" y2="1">
                <stop offset="0%" className="area-stop-top" />
                <stop offset="100%" className="area-stop-bottom" />
              </linearGradient>
            </defs>
            {days.map((d, i) => {
              const week = i % 7 === (days.length - 1) % 7
              // Over 90 days a line a day is a blur: weeks only.
              if (!week && range > 30) return null
              return (
                <line
                  key={d.date}
                  className={week ? 'grid-day week' : 'grid-day'}
                  x1={round(xAt(i, days.length))}
                  x2={round(xAt(i, days.length))}
                  y1={PAD.top}
                  y2={PAD.top + PLOT_H}
                />
              )
            })}
            {[1, 5.5, 10].map((s) => (
              <line
                key={s}
                className="grid-score"
                x1={PAD.left}
                x2={PAD.left + PLOT_W}
                y1={round(yAt(s))}
                y2={round(yAt(s))}
              />
            ))}
            {[1, 5, 10].map((s) => (
              <text key={s} className="axis-label" x={PAD.left - 6} y={round(yAt(s)) + 4} textAnchor="end">
                {s}
              </text>
            ))}
            {days.map((d, i) =>
              (days.length - 1 - i) % labelEvery === 0 ? (
                <text
                  key={d.date}
                  className="axis-label"
                  x={round(xAt(i, days.length))}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                >
                  {d.label.replace(/^\S+\s/, '')}
                </text>
              ) : null,
            )}
            {area ? <path className="mood-area" d={area} fill={`url(#${id}-fill)`} /> : null}
            {points.length > 1 ? <path className="mood-line" d={line} /> : null}
            {points.map((p) => (
              <circle key={p.day.date} className="mood-point" cx={round(p.x)} cy={round(p.y)} r={3.5} />
            ))}
            {latest && latestIndex >= 0 ? (
              <g className="mood-latest">
                <circle
                  className="mood-latest-halo"
                  cx={round(xAt(latestIndex, days.length))}
                  cy={round(yAt(latest.score))}
                  r={9}
                />
                <circle
                  className="mood-latest-dot"
                  cx={round(xAt(latestIndex, days.length))}
                  cy={round(yAt(latest.score))}
                  r={5}
                />
                <text
                  className="mood-latest-label"
                  x={round(xAt(latestIndex, days.length)) + (latestIndex > days.length / 2 ? -10 : 10)}
                  y={latest.score > 8 ? round(yAt(latest.score)) + 22 : round(yAt(latest.score)) - 12}
                  textAnchor={latestIndex > days.length / 2 ? 'end' : 'start'}
                >
                  {t('care.chart.latestMark', { score: latest.score })}
                </text>
              </g>
            ) : null}
          </svg>
        </>
      )}
      <figcaption id={`${id}-summary`} className="chart-summary">
        {numbers.checkIns > 0
          ? `${t('mood.summary', {
              checkIns: t.plural('plural.checkIns', numbers.checkIns),
              daysWith: reader.number(numbers.daysWith),
              days: t.plural('plural.days', range),
              average: reader.number(numbers.average),
              low: reader.number(numbers.low),
              high: reader.number(numbers.high),
            })} `
          : ''}
        {latestText}
      </figcaption>
      {numbers.checkIns > 0 ? (
        <details className="chart-table">
          <summary>{t('care.chart.table')}</summary>
          <table>
            <caption>{t('care.chart.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('care.chart.day')}</th>
                <th scope="col">{t('care.chart.average')}</th>
                <th scope="col">{t('care.chart.count')}</th>
              </tr>
            </thead>
            <tbody>
              {days
                .filter((d) => d.average !== null)
                .reverse()
                .map((d) => (
                  <tr key={d.date}>
                    <th scope="row">
                      <time dateTime={d.date}>{d.label}</time>
                    </th>
                    <td>{reader.number(d.average!)}</td>
                    <td>{d.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </figure>
  )
}
