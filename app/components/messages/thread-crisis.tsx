import { Link } from '@remix-run/react'
import { useT } from '../i18n'
import { CrisisCard, type CardLines } from '../crisis/crisis-card'

/**
 * The crisis lines in a private-message thread, worded for what happened. "this_message": the member's latest message
 * here showed risk (shown right below it, with the card open). "still_open": an earlier request for help is still
 * open — one calm line, the card folded away (works without JavaScript), so the thread stays readable on a phone.
 */
export function ThreadCrisis({ reason, lines }: { reason: 'this_message' | 'still_open'; lines: CardLines }) {
  const t = useT()
  if (reason === 'this_message') {
    return (
      <div className="dm-crisis" data-testid="dm-crisis" data-reason={reason}>
        <p className="notice" role="status">
          {t('messages.thread.crisis')}
        </p>
        <CrisisCard lines={lines} />
      </div>
    )
  }
  return (
    <div className="dm-crisis dm-crisis-open" data-testid="dm-crisis" data-reason={reason}>
      <p className="notice">
        {t('messages.thread.crisisOpen')} <Link to="/help">{t('messages.thread.crisisOpenLink')}</Link>
      </p>
      <details>
        <summary>{t('messages.thread.crisisLines')}</summary>
        <CrisisCard lines={lines} />
      </details>
    </div>
  )
}
