/**
 * The pages' one door to dates, times, numbers and plurals (the implementation, shared with core's labels and
 * emails, is core/contracts/time.ts). Components call `useReader()` and format in the reader's language and zone.
 */
import { useRootData } from '../components/i18n'
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  intlLocale,
  pluralCategory,
  safeReaderZone,
  type Reader,
} from '../../core/contracts/time.js'

export {
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  pluralCategory,
  zoneLabel,
  intlLocale,
  isKnownZone,
  type Reader,
} from '../../core/contracts/time.js'

/** The cookie the page writes the browser's zone into (read by app/utils/time.server.ts). */
export const TIME_ZONE_COOKIE = 'hs_tz'

/** The reader's language and zone with formatters bound to them. */
export function useReader() {
  const { locale, timeZone } = useRootData()
  const reader: Reader = { locale, zone: timeZone }
  return {
    ...reader,
    dateTime: (iso: string | Date, options?: { year?: boolean }) => formatDateTime(iso, reader, options),
    date: (iso: string | Date) => formatDate(iso, reader),
    /** The clock time alone ("14:05"), in the reader's zone: for a chat message, whose full time is its title. */
    clock: (iso: string | Date) =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        timeZone: safeReaderZone(timeZone),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(typeof iso === 'string' ? new Date(iso) : iso),
    relative: (iso: string | Date, now: Date = new Date()) => formatRelative(iso, now, locale),
    number: (value: number, fractionDigits = 1) => formatNumber(value, locale, fractionDigits),
    plural: (count: number) => pluralCategory(count, locale),
  }
}
