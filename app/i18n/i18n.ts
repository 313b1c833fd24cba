import { en, type MessageKey } from './en'
import { pl } from './pl'
import { formatNumber, pluralCategory } from '../../core/contracts/time.js'

export type { MessageKey }
export const LOCALES = ['en', 'pl'] as const
export type Locale = (typeof LOCALES)[number]
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', pl: 'Polski' }

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, pl }

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'pl'
}

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = catalogs[locale][key] ?? en[key] ?? key
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template
}

/** The message keys that have plural forms: `<base>.one|few|many|other` (CLDR categories; English uses one/other). */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never
}[MessageKey]

/**
 * A message with a count, in the form the language needs for it ("1 check-in", "3 wpisy", "5 wpisów"), the count
 * written as the language writes numbers. Other variables as in translate.
 */
export function translatePlural(
  locale: Locale,
  base: PluralBase,
  count: number,
  vars?: Record<string, string | number>,
): string {
  const key = `${base}.${pluralCategory(count, locale)}` as MessageKey
  return translate(locale, key in en ? key : (`${base}.other` as MessageKey), {
    ...vars,
    count: formatNumber(count, locale),
  })
}

/** Translate an error code or a field error key from a form; unknown keys fall back to a generic message. */
export function translateError(locale: Locale, code: string): string {
  const key = `error.${code}` as MessageKey
  return key in en ? translate(locale, key) : translate(locale, 'error.VALIDATION_FAILED')
}

/** Pick a locale: explicit choice (cookie or account), else the browser's Accept-Language, else English. */
export function negotiateLocale(explicit: string | undefined | null, acceptLanguage: string | null): Locale {
  if (isLocale(explicit)) return explicit
  const wanted = (acceptLanguage ?? '').split(',').map((part) => part.trim().split(';')[0]!.toLowerCase().slice(0, 2))
  return wanted.find(isLocale) ?? 'en'
}
