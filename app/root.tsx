import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLocation, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'
import styles from './styles/app.css'
import { SafeForm } from './components/forms'
import { useRootData, useT, type RootData } from './components/i18n'
import { LanguageSwitch } from './components/language-switch'
import { useNonce } from './components/nonce'
import { QuickExit } from './components/quick-exit'
import { HelpButton } from './components/crisis/help-button'
import { getLocale } from './utils/locale.server'
import { readerTimeZone } from './utils/time.server'
import { TimeZoneDetector } from './components/time'
import { crisisFollowUp, listOpenAlarms, messages } from './services.server'
import { FollowUpQuestion } from './components/selfcare/follow-up-question'
import { AlarmBanner } from './components/crisis/alarm-banner'
import { CrisisCard, type CardLines } from './components/crisis/crisis-card'

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
  const { locale, account, alarms, unreadMessages, followUp } = useRootData()
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
        <a className="skip-link" href="#main">{t('nav.skip')}</a>
        <header className="site-header">
          <Link to="/" className="brand">{t('app.name')}</Link>
          <nav aria-label={t('nav.primary')} className="primary-nav">
            <ul>
              {account ? (
                <>
                  <li><Link to="/rooms">{t('nav.rooms')}</Link></li>
                  <li><Link to="/groups">{t('nav.groups')}</Link></li>
                  <li><Link to="/care">{t('nav.care')}</Link></li>
                  <li>
                    <Link to="/messages">
                      {t('nav.messages')}
                      {unreadMessages > 0 ? <span className="nav-count" data-testid="nav-unread">{' '}<span aria-hidden="true">{unreadMessages}</span><span className="visually-hidden">{t('nav.unread', { count: unreadMessages })}</span></span> : null}
                    </Link>
                  </li>
                  <li><Link to="/library">{t('nav.library')}</Link></li>
                  {account.role === 'facilitator' || account.role === 'admin' ? <li><Link to="/moderation">{t('nav.moderation')}</Link></li> : null}
                  <li><Link to="/account">{t('nav.account')}</Link></li>
                  <li>
                    <SafeForm action="/signout">
                      <button type="submit" className="link-button">{t('nav.signOut')}</button>
                    </SafeForm>
                  </li>
                </>
              ) : (
                <>
                  <li><Link to="/signin">{t('nav.signIn')}</Link></li>
                  <li><Link to="/signup">{t('nav.signUp')}</Link></li>
                </>
              )}
            </ul>
          </nav>
          <LanguageSwitch />
          <HelpButton />
          <QuickExit />
        </header>
        <main id="main" tabIndex={-1}>
          {/* The console and crisis admin pages show their own, fuller banner. */}
          {/^\/(console|admin\/crisis)/.test(pathname) ? null : <AlarmBanner alarms={alarms} />}
          {followUp && pathname !== '/care/follow-up' ? <FollowUpQuestion followUpId={followUp.id} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('footer.emergency')}</p>
          <p>{t('footer.privacy')}</p>
        </footer>
        <TimeZoneDetector />
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
    ? error.status === 404 ? 'NOT_FOUND'
      : error.status === 403 ? (formError === 'CSRF_FAILED' ? 'CSRF_FAILED' : 'FORBIDDEN')
        : error.status === 401 ? 'UNAUTHENTICATED'
          : error.status === 503 ? 'UNAVAILABLE' : 'INTERNAL'
    : 'INTERNAL'
  const unavailableLines = isRouteErrorResponse(error) ? (error.data as { lines?: CardLines } | null)?.lines : undefined
  return (
    <Shell>
      <h1>{code === 'UNAVAILABLE' ? t('error.UNAVAILABLE.title') : t('error.page.title')}</h1>
      <p>{t.error(code)}</p>
      {code === 'UNAVAILABLE' || code === 'INTERNAL' ? <p>{t('error.UNAVAILABLE.help')} <Link to="/help">{t('refused.helpLink')}</Link></p> : null}
      {/* An outage's refusal carries the crisis lines (static data): the same card /help shows without the database. */}
      {code === 'UNAVAILABLE' && unavailableLines ? <CrisisCard lines={unavailableLines} /> : null}
      <p><Link to="/">{t('error.page.home')}</Link></p>
    </Shell>
  )
}
