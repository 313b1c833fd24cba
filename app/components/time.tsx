import { useRevalidator } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useRootData } from './i18n'
import { TIME_ZONE_COOKIE, useReader } from '../utils/time'

/**
 * Tells the server the browser's time zone: a cookie read on every request (app/utils/time.server.ts), which a
 * new account takes as its own. When the cookie was missing or out of date, or the account took the zone on
 * this very request, the page's data is loaded once more so every time on it is in the reader's zone.
 */
export function TimeZoneDetector() {
  const { timeZoneAdopted } = useRootData()
  const revalidator = useRevalidator()
  // At most twice: once for a new cookie, once when the account adopted the zone (each happens once).
  const reloads = useRef(0)
  useEffect(() => {
    let zone: string | undefined
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    } catch {
      return
    }
    if (!zone) return
    const current = document.cookie.match(new RegExp(`(?:^|;\\s*)${TIME_ZONE_COOKIE}=([^;]+)`))?.[1]
    const changed = current !== encodeURIComponent(zone)
    if (changed)
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; SameSite=Lax; Max-Age=31536000${location.protocol === 'https:' ? '; Secure' : ''}`
    if ((changed || timeZoneAdopted) && reloads.current < 2 && revalidator.state === 'idle') {
      reloads.current += 1
      revalidator.revalidate()
    }
  }, [timeZoneAdopted, revalidator])
  return null
}

/** An instant in the reader's language and zone, with the zone named; the exact instant is in `dateTime`. */
export function Time({ at, year }: { at: string; year?: boolean }) {
  const reader = useReader()
  return (
    <time dateTime={at} suppressHydrationWarning>
      {reader.dateTime(at, { year })}
    </time>
  )
}
