import { Link, useFetcher } from '@remix-run/react'
import { useEffect } from 'react'
import { useRootData, useT } from '../i18n'
import type { MessageKey } from '../../i18n/i18n'

const NOTICES: Record<string, MessageKey> = {
  checkin: 'care.saved.checkIn',
  entry: 'care.saved.entry',
  goal: 'care.saved.goal',
  reminder: 'care.saved.reminder',
  deleted: 'care.deleted',
}

/** The calm confirmation after a redirect (`?done=…`). */
export function CareNotice({ done }: { done: string | null }) {
  const t = useT()
  const key = done ? NOTICES[done] : undefined
  return key ? <p className="notice" role="status">{t(key)}</p> : null
}

export function CareBack({ to = '/care', label }: { to?: string; label?: string }) {
  const t = useT()
  return <p className="care-back"><Link to={to}>← {label ?? t('care.back')}</Link></p>
}

/** The in-app daily reminder: a quiet note, never a pop-up. */
export function CareReminder({ due }: { due: boolean }) {
  const t = useT()
  return due ? <p className="notice care-reminder" data-testid="care-reminder">{t('care.reminder.due')}</p> : null
}

/** The home page's version: asks /care/reminder-status after the page loaded, and links to the check-in. */
export function HomeCareReminder() {
  const t = useT()
  const { account } = useRootData()
  const fetcher = useFetcher<{ due: boolean }>()
  useEffect(() => {
    if (account && fetcher.state === 'idle' && !fetcher.data) fetcher.load('/care/reminder-status')
  }, [account, fetcher])
  if (!fetcher.data?.due) return null
  return <p className="notice" data-testid="care-reminder"><Link to="/care">{t('care.reminder.due')}</Link></p>
}
