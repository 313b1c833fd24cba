import type { AppLoadContext } from '@remix-run/node'
import { negotiateLocale, type Locale } from '../i18n/i18n'
import { memberCountry } from '../services.server'
import './context.server'

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get('Cookie') ?? ''
  const match = header.match(new RegExp(`(?:^|;\\s*)${name}=([^;]+)`))
  return match?.[1]
}

/** The language choice cookie wins, then the account's saved language, then the browser. */
export function getLocale(request: Request, context: AppLoadContext): Locale {
  return negotiateLocale(
    cookieValue(request, 'hs_lang') ?? context.account?.locale,
    request.headers.get('Accept-Language'),
  )
}

export function languageCookie(context: AppLoadContext, locale: Locale): string {
  const secure = context.deps.config.secureCookies ? '; Secure' : ''
  return `hs_lang=${locale}; Path=/; SameSite=Lax; Max-Age=31536000${secure}`
}

/**
 * The member's country for this request (it chooses the crisis lines): the account's saved country, else the
 * browser's region in the language of the page, else that language (core/crisis/crisis-lines.ts memberCountry).
 */
export function getCountry(request: Request, context: AppLoadContext): string | null {
  return memberCountry({
    accountCountry: context.account?.country ?? null,
    acceptLanguage: request.headers.get('Accept-Language'),
    language: getLocale(request, context),
  })
}
