import { Link } from '@remix-run/react'
import { useT } from '../i18n'
import type { MessageKey } from '../../i18n/i18n'

const NOTICES: Record<string, MessageKey> = {
  checkin: 'care.saved.checkIn',
  entry: 'care.saved.entry',
  goal: 'care.saved.goal',
  reminder: 'care.saved.reminder',
  deleted: 'care.deleted',
  plan: 'care.saved.plan',
  'plan-shared': 'care.saved.planShared',
  'plan-unshared': 'care.saved.planUnshared',
  contact: 'care.saved.contact',
  'follow-up': 'care.followUp.thanks',
}

/** The calm confirmation after a redirect (`?done=…`). */
export function CareNotice({ done }: { done: string | null }) {
  const t = useT()
  const key = done ? NOTICES[done] : undefined
  return key ? (
    <p className="notice" role="status">
      {t(key)}
    </p>
  ) : null
}

export function CareBack({ to = '/care', label }: { to?: string; label?: string }) {
  const t = useT()
  return (
    <p className="care-back">
      <Link to={to}>← {label ?? t('care.back')}</Link>
    </p>
  )
}

/** The in-app daily reminder: a quiet note, never a pop-up. Away from /care it links to the check-in. */
export function CareReminder({ due, link = false }: { due: boolean; link?: boolean }) {
  const t = useT()
  if (!due) return null
  return (
    <p className="notice care-reminder" data-testid="care-reminder">
      {link ? <Link to="/care">{t('care.reminder.due')}</Link> : t('care.reminder.due')}
    </p>
  )
}
