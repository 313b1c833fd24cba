import type { WellbeingSignalKind } from '../../../core/contracts/socket-events.video.js'
import { useT } from '../i18n'
import { Time } from '../time'

export interface SignalItem {
  signalId: string
  name: string
  kind: WellbeingSignalKind
  at: string
  clinicianRequested: boolean
}

/** The facilitators' list of members' private signals (group pseudonyms only), newest first. */
export function SessionSignals({ signals }: { signals: SignalItem[] }) {
  const t = useT()
  return (
    <section className="card session-signals" aria-labelledby="session-signals" aria-live="polite">
      <h2 id="session-signals">{t('video.signals.listTitle')}</h2>
      {signals.length === 0 ? (
        <p>{t('video.signals.empty')}</p>
      ) : (
        <ul className="participants" data-testid="signal-list">
          {signals.map((s) => (
            <li key={s.signalId} data-kind={s.kind}>
              <span className="name">{s.name}</span>
              <span className={s.kind === 'not_ok' ? 'badge not-ok' : undefined}>
                {t(`video.signals.kind.${s.kind}`)}
              </span>
              {s.clinicianRequested ? <span className="badge">{t('video.signals.clinicianRequested')}</span> : null}
              <span className="help">
                <Time at={s.at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
