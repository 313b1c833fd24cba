import type { CrisisLine } from '../../../core/contracts/socket-events.crisis'
import { useT } from '../i18n'

export interface CardLines {
  country: string | null
  local: CrisisLine[]
  international: CrisisLine[]
  checkedOn: string
}

function Line({ line }: { line: CrisisLine }) {
  const t = useT()
  return (
    <li className="crisis-line">
      <strong>{line.names[t.locale] ?? line.names.en}</strong>
      {line.forYoungPeople ? <span className="crisis-tag">{t('crisis.card.young')}</span> : null}
      <span className="crisis-actions">
        {line.phone ? (
          <a className="button primary" href={`tel:${line.phone.replace(/\s+/g, '')}`}>
            {t('crisis.card.call', { phone: line.phone })}
          </a>
        ) : null}
        {line.text ? (
          <a className="button" href={`sms:${line.text.replace(/\s+/g, '')}`}>
            {t('crisis.card.text', { phone: line.text })}
          </a>
        ) : null}
        {line.url ? (
          <a className="button" href={line.url} rel="noreferrer noopener" target="_blank">
            {t('crisis.card.website')}
          </a>
        ) : null}
      </span>
      <span className="help">
        {line.hours === '24/7' ? t('crisis.card.allDay') : t('crisis.card.hours', { hours: line.hours })}
      </span>
    </li>
  )
}

/** The calm card: local lines first, then the international fallback, with the date they were checked. */
export function CrisisCard({ lines }: { lines: CardLines }) {
  const t = useT()
  return (
    <section className="card crisis-card" aria-labelledby="crisis-card-title" data-testid="crisis-card">
      <h2 id="crisis-card-title">{t('crisis.card.title')}</h2>
      {lines.local.length > 0 ? (
        <>
          <h3>{t('crisis.card.local')}</h3>
          <ul className="crisis-lines">
            {lines.local.map((l) => (
              <Line key={l.id} line={l} />
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('crisis.card.international')}</h3>
      <ul className="crisis-lines">
        {lines.international.map((l) => (
          <Line key={l.id} line={l} />
        ))}
      </ul>
      <p className="help">{t('crisis.card.checked', { date: lines.checkedOn })}</p>
    </section>
  )
}
