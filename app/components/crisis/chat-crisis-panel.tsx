import { Link } from '@remix-run/react'
import type { CrisisCard as CrisisCardData, CrisisStatus } from '../../../core/contracts/socket-events.crisis.js'
import { useT } from '../i18n'
import { CrisisCard } from './crisis-card'

/**
 * Shown in a chat room to the member whose own message showed risk, at once (from their ack): the crisis
 * lines for their country and, when a clinician was paged, the live status of that page.
 */
export function ChatCrisisPanel({
  crisis,
  onDismiss,
}: {
  crisis: { card: CrisisCardData; status: CrisisStatus | null }
  onDismiss: () => void
}) {
  const t = useT()
  return (
    <div className="chat-crisis" data-testid="chat-crisis">
      <p className="emergency">{t('crisis.inChat.intro')}</p>
      {crisis.card.incidentId && crisis.status ? (
        <p
          className="notice crisis-status"
          role="status"
          aria-live="polite"
          data-testid="crisis-status"
          data-status={crisis.status}
        >
          {t(`crisis.status.${crisis.status}`)}
        </p>
      ) : null}
      <CrisisCard lines={crisis.card} />
      <div className="actions">
        {crisis.card.incidentId ? (
          <Link className="button primary" to="/help">
            {t('crisis.inChat.open')}
          </Link>
        ) : null}
        <button type="button" className="button" onClick={onDismiss}>
          {t('crisis.inChat.dismiss')}
        </button>
      </div>
    </div>
  )
}
