import { parse } from 'cookie'

export const COOKIE_NAMES = { session: 'hs_session', csrf: 'hs_csrf', lang: 'hs_lang' } as const

export function readCookie(header: string | undefined | null, name: string): string | undefined {
  if (!header) return undefined
  try {
    return parse(header)[name]
  } catch {
    return undefined
  }
}
