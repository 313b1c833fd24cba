import { useT } from './i18n'

/** The real wait after a rate-limited form (the action's `retryAfterSeconds`), in seconds or whole minutes. */
export function RetryAfter({ seconds }: { seconds?: number }) {
  const t = useT()
  if (!seconds) return null
  return (
    <p className="help" data-testid="retry-after">
      {seconds < 120
        ? t('form.retryAfterSeconds', { seconds })
        : t('form.retryAfterMinutes', { minutes: Math.ceil(seconds / 60) })}
    </p>
  )
}
