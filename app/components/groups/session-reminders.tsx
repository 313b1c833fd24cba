import { Link } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { connectSocket } from '../chat/socket'
import { useRootData, useT } from '../i18n'

/**
 * The in-app half of session reminders: `group:reminder` arrives on the person's own socket room and shows a
 * polite banner with a link to the session. Mounted on the groups pages; mounting it in the root layout would
 * show reminders everywhere.
 */
export function SessionReminders() {
  const t = useT()
  const { account } = useRootData()
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [listening, setListening] = useState(false)
  useEffect(() => {
    if (!account) return
    const socket = connectSocket()
    socket.on('group:reminder', (reminder) => setSessionId(reminder.sessionId))
    socket.on('connect', () => setListening(true))
    socket.on('disconnect', () => setListening(false))
    return () => {
      socket.disconnect()
    }
  }, [account])
  return (
    <div aria-live="polite" role="status" data-testid="session-reminders" data-listening={listening || undefined}>
      {sessionId ? (
        <p className="notice" data-testid="session-reminder">
          {t('session.reminder')} <Link to={`/sessions/${sessionId}`}>{t('group.session.open')}</Link>
        </p>
      ) : null}
    </div>
  )
}
