import type { AppLoadContext } from '@remix-run/node'
import { isKnownZone } from '../../core/contracts/time.js'
import { groups } from '../services.server'
import { TIME_ZONE_COOKIE } from './time'
import './context.server'

/** The zone the browser reported (app/components/time.tsx writes it into a cookie), if it is a known zone. */
export function browserTimeZone(request: Request): string | null {
  const match = (request.headers.get('Cookie') ?? '').match(new RegExp(`(?:^|;\\s*)${TIME_ZONE_COOKIE}=([^;]+)`))
  if (!match) return null
  let zone: string
  try {
    zone = decodeURIComponent(match[1]!)
  } catch {
    return null
  }
  return isKnownZone(zone) ? zone : null
}

/**
 * The reader's zone for this request: the account's (which takes the browser's on the first visit that reports
 * one, unless the member chose a zone), or for a visitor without an account the browser's, else UTC.
 * `adopted` says the account's zone changed just now, so loaders that already ran used the old one.
 */
export async function readerTimeZone(
  request: Request,
  context: AppLoadContext,
): Promise<{ zone: string; adopted: boolean }> {
  const fromBrowser = browserTimeZone(request)
  if (!context.account) return { zone: fromBrowser ?? 'UTC', adopted: false }
  return groups.readerTimeZone(context.deps, context.account.accountId, fromBrowser)
}
