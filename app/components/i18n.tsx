import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { translate, translatePlural, translateError, type Locale, type MessageKey, type PluralBase } from '../i18n/i18n'

export interface RootData {
  locale: Locale
  csrfToken: string
  /** This page's one-time form token: a create form sent twice with it stores once (app/utils/form-token.server.ts). */
  formToken: string
  quickExitUrl: string
  account: { role: 'member' | 'facilitator' | 'clinician' | 'admin'; kind: 'registered' | 'anonymous' } | null
  alarms: Array<{ id: string; kind: string; incidentId: string | null; raisedAt: string }>
  /** Private messages waiting to be read, shown beside "Messages" in the navigation. */
  unreadMessages: number
  /** A follow-up after a crisis waiting for the member's answer: "How are you now?" on every page. */
  followUp: { id: string } | null
  /** The reader's time zone (the account's, else the browser's, else UTC); every time on a page is shown in it. */
  timeZone: string
  /** The account took the browser's zone on this request: the page reloads its data once (app/components/time.tsx). */
  timeZoneAdopted: boolean
}

export function useRootData(): RootData {
  const data = useRouteLoaderData('root') as RootData | undefined
  const error = useRouteError()
  if (data) return data
  // An action refused before the root loader ran (the 503 page while PostgreSQL or Redis is out) names the language.
  const said = isRouteErrorResponse(error) ? (error.data as { locale?: unknown } | null)?.locale : undefined
  return {
    locale: said === 'pl' ? 'pl' : 'en',
    csrfToken: '',
    formToken: '',
    quickExitUrl: 'about:blank',
    account: null,
    alarms: [],
    unreadMessages: 0,
    followUp: null,
    timeZone: 'UTC',
    timeZoneAdopted: false,
  }
}

/** The translation function for the current page's language. */
export function useT() {
  const { locale } = useRootData()
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars)
  t.error = (code: string) => translateError(locale, code)
  /** A message with a count in the language's plural form: t.plural('plural.checkIns', 3) → "3 wpisy". */
  t.plural = (base: PluralBase, count: number, vars?: Record<string, string | number>) =>
    translatePlural(locale, base, count, vars)
  t.locale = locale
  return t
}
