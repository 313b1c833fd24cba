import { useT } from './i18n'

/**
 * "Facilitator" beside a name wherever people are listed (a room's members, a session's participants and
 * attendance, private messages), so members can tell who leads from who is a peer. The same badge as chat presence.
 */
export function FacilitatorBadge() {
  const t = useT()
  return <span className="badge facilitator">{t('room.badge.facilitator')}</span>
}
