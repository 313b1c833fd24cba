import type { MessageKey } from '../../i18n/i18n'

const NAMED = new Set(['GB', 'IE', 'PL', 'US', 'ZZ'])

/** A country's name in the page language when we have one (those with lines, and "another country"), else its code. */
export function countryName(t: (key: MessageKey) => string, code: string | null | undefined): string {
  if (!code) return t('country.unknown')
  return NAMED.has(code) ? t(`country.${code}` as MessageKey) : code
}

const GENERATED_LABEL = /^Member ([0-9A-F]{6})$/

/**
 * An incident's member label in the page language. A label made from the incident id ("Member 414288", stored in
 * English by crisis.service labelFor) is translated; a pseudonym from a room or a group is shown as it is.
 */
export function memberLabelText(t: (key: MessageKey, vars?: Record<string, string>) => string, label: string): string {
  const generated = GENERATED_LABEL.exec(label)
  return generated ? t('console.memberLabel', { code: generated[1]! }) : label
}
