import { data, redirect } from '@remix-run/node'
import type { AppLoadContext } from '@remix-run/node'
import { crisisLinesFor } from '../../core/crisis/crisis-lines.js'
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../core/deadline.js'
import { getCountry, getLocale } from './locale.server'
import type { SessionAccount } from '../../core/identity/identity.schema.js'
import { can, type Capability } from '../../core/identity/permissions.js'
import type { SignedIn } from '../../core/identity/identity.service.js'
import './context.server'

const SESSION_COOKIE = 'hs_session'

/** The session cookie's token, for the one page that must act without the database (help, decision 019). */
export function sessionToken(request: Request): string | null {
  const match = (request.headers.get('Cookie') ?? '').match(/(?:^|;\s*)hs_session=([^;]+)/)
  return match?.[1] ?? null
}

export function safeRedirectTarget(
  target: FormDataEntryValue | string | null | undefined,
  fallback = '/rooms',
): string {
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//') || target.includes('\\'))
    return fallback
  return target
}

/**
 * The "temporarily unavailable" refusal (503, Retry-After), thrown to the root ErrorBoundary: it carries the page's
 * language (the root loader does not run after a refused action) and the crisis lines for the reader's country as
 * /help shows them when the database is down (static data, decision 019).
 */
export function unavailable(request: Request, context: AppLoadContext) {
  const country = getCountry(request, context)
  return data(
    { locale: getLocale(request, context), lines: { country, ...crisisLinesFor(country) } },
    { status: 503, headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
  )
}

/** Loaders and actions that need a signed-in account: otherwise to sign-in, then back here. */
export function requireUser(context: AppLoadContext, request: Request): SessionAccount {
  // The member may well be signed in; we just cannot check now. Say so (with the crisis lines) rather than
  // send them to a sign-in that cannot work either. The page deadline (server/remix-handler.ts) renders this too.
  if (!context.account && context.sessionUnavailable) throw unavailable(request, context)
  if (!context.account) {
    const url = new URL(request.url)
    throw redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return context.account
}

/** A signed-in account with the capability (core/identity/permissions.ts, decision 032), or 403. */
export function requireUserWithCapability(
  context: AppLoadContext,
  request: Request,
  capability: Capability,
): SessionAccount {
  const account = requireUser(context, request)
  if (!can(account, capability)) throw new Response('Forbidden', { status: 403 })
  return account
}

export function requireAnonymous(context: AppLoadContext) {
  if (context.account) throw redirect('/rooms')
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure outside development, new at every sign-in. */
export function sessionCookie(context: AppLoadContext, session: SignedIn): string {
  const secure = context.deps.config.secureCookies ? '; Secure' : ''
  return `${SESSION_COOKIE}=${session.sessionToken}; Path=/; HttpOnly; SameSite=Lax; Expires=${session.expiresAt.toUTCString()}${secure}`
}

export function clearSessionCookie(context: AppLoadContext): string {
  const secure = context.deps.config.secureCookies ? '; Secure' : ''
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`
}
