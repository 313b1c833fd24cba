import { useT } from '../i18n'
import { Time } from '../time'
import { CrisisCard, type CardLines } from '../crisis/crisis-card'

/** A room outside its opening hours (decision 043): read-only, when it opens next (reader's zone), and the lines. */
export function RoomClosed({ nextOpening, lines }: { nextOpening: string | null; lines: CardLines }) {
  const t = useT()
  return (
    <section className="room-closed" role="status" aria-labelledby="room-closed-title" data-testid="room-closed">
      <h2 id="room-closed-title">{t('roomhours.closedTitle')}</h2>
      <p>{t('roomhours.closedBody')}</p>
      <p data-testid="room-next-opening">
        {nextOpening ? (
          <>
            {t('roomhours.opens')} <Time at={nextOpening} />
          </>
        ) : (
          t('roomhours.closedNoOpening')
        )}
      </p>
      <p>{t('roomhours.closedHelp')}</p>
      <CrisisCard lines={lines} />
    </section>
  )
}
