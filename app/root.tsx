import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import styles from './styles/app.css'
import { useRootData, useT, type RootData } from './components/i18n'
import { useNonce } from './components/nonce'
import { SiteHeader } from './components/header'
import { FocusHeadingOnNavigation } from './components/route-focus'
import { getLocale } from './utils/locale.server'
import { readerTimeZone } from './utils/time.server'
import { TimeZoneDetector } from './components/time'
import { crisisFollowUp, listOpenAlarms, messages } from './services.server'
import { FollowUpQuestion } from './components/selfcare/follow-up-question'
import { AlarmBanner } from './components/crisis/alarm-banner'
import { CrisisCard, type CardLines } from './components/crisis/crisis-card'
import { newFormToken } from './utils/form-token.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'Holdspace' },
  // Same as the Referrer-Policy header (server/app.ts): nothing leaks to other sites, and our own forms still
  // carry our Origin (under no-referrer a browser sends `Origin: null`).
  { name: 'referrer', content: 'same-origin' },
  { name: 'robots', content: 'noindex' },
]

export async function loader({ request, context }: LoaderFunctionArgs): Promise<RootData> {
  const account = context.account
  const [alarms, unreadMessages, followUp, reader] = await Promise.all([
    // Operational alarms (a crisis nobody was paged for, a dead webhook) follow admins and clinicians everywhere.
    account && (account.role === 'admin' || account.role === 'clinician')
      ? listOpenAlarms(context.deps, { accountId: account.accountId, role: account.role }).catch(() => [])
      : [],
    account ? messages.countUnread(context.deps, account).catch(() => 0) : 0,
    // "How are you now?" after a crisis follows the member to every page until answered (core/crisis/crisis.followup.ts).
    account ? crisisFollowUp.dueFollowUp(context.deps, account.accountId).catch(() => null) : null,
    readerTimeZone(request, context).catch(() => ({ zone: 'UTC', adopted: false })),
  ])
  return {
    locale: getLocale(request, context),
    csrfToken: context.csrfToken,
    formToken: newFormToken(),
    quickExitUrl: context.deps.config.QUICK_EXIT_URL,
    account: account ? { role: account.role, kind: account.kind } : null,
    alarms,
    unreadMessages,
    followUp,
    timeZone: reader.zone,
    timeZoneAdopted: reader.adopted,
  }
}

function Shell({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const { locale, alarms, followUp } = useRootData()
  const { pathname } = useLocation()
  const t = useT()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {/* The console and crisis admin pages show their own, fuller banner. */}
          {/^\/(console|admin\/crisis)/.test(pathname) ? null : <AlarmBanner alarms={alarms} />}
          {followUp && pathname !== '/care/follow-up' ? <FollowUpQuestion followUpId={followUp.id} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('footer.emergency')}</p>
          <p>{t('footer.privacy')}</p>
          <p>
            <a href="/privacy">{t('legal.footer.privacy')}</a> · <a href="/terms">{t('legal.footer.terms')}</a>
          </p>
          <p data-testid="shortcut-hint">{t('quickExit.shortcutHint')}</p>
        </footer>
        {/* Sheets (components/sheet.tsx) open here, outside every scrolling list. */}
        <div id="sheet-host" />
        <TimeZoneDetector />
        <FocusHeadingOnNavigation />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  // A form refused for its CSRF token says so ("the form expired"), not just "not allowed".
  const formError = isRouteErrorResponse(error) ? (error.data as { formError?: unknown } | null)?.formError : undefined
  const code = isRouteErrorResponse(error)
    ? error.status === 404
      ? 'NOT_FOUND'
      : error.status === 403
        ? formError === 'CSRF_FAILED'
          ? 'CSRF_FAILED'
          : 'FORBIDDEN'
        : error.status === 401
          ? 'UNAUTHENTICATED'
          : error.status === 503
            ? 'UNAVAILABLE'
            : 'INTERNAL'
    : 'INTERNAL'
  const unavailableLines = isRouteErrorResponse(error) ? (error.data as { lines?: CardLines } | null)?.lines : undefined
  return (
    <Shell>
      <h1>{code === 'UNAVAILABLE' ? t('error.UNAVAILABLE.title') : t('error.page.title')}</h1>
      <p>{t.error(code)}</p>
      {code === 'UNAVAILABLE' || code === 'INTERNAL' ? (
        <p>
          {t('error.UNAVAILABLE.help')} <Link to="/help">{t('refused.helpLink')}</Link>
        </p>
      ) : null}
      {/* An outage's refusal carries the crisis lines (static data): the same card /help shows without the database. */}
      {code === 'UNAVAILABLE' && unavailableLines ? <CrisisCard lines={unavailableLines} /> : null}
      <p>
        <Link to="/">{t('error.page.home')}</Link>
      </p>
    </Shell>
  )
}
