import type { CrisisLine } from '../contracts/socket-events.crisis.js'

/**
 * Crisis lines shown on the member's crisis card, kept as data. `CHECKED_ON` is the date the list was
 * last reviewed. The 2026-11-22 review was made from the maintainers' knowledge without network access to
 * the services' sites (`source`): before a release a person must check every number and the hours against
 * `source` and update this date (docs/crisis.md, "Crisis lines"). Countries are ISO 3166-1 alpha-2 (GB for the UK).
 */
export const CRISIS_LINES_CHECKED_ON = '2026-11-22'

export const CRISIS_LINES: readonly (CrisisLine & { source: string })[] = [
  {
    id: 'us-988', country: 'US', name: '988 Suicide & Crisis Lifeline', phone: '988', text: '988', url: 'https://988lifeline.org',
    hours: '24/7', languages: ['en', 'es'], forYoungPeople: false, source: 'https://988lifeline.org',
  },
  {
    id: 'gb-samaritans', country: 'GB', name: 'Samaritans', phone: '116 123', text: null, url: 'https://www.samaritans.org',
    hours: '24/7', languages: ['en'], forYoungPeople: false, source: 'https://www.samaritans.org',
  },
  {
    id: 'ie-samaritans', country: 'IE', name: 'Samaritans Ireland', phone: '116 123', text: null, url: 'https://www.samaritans.org/ireland',
    hours: '24/7', languages: ['en'], forYoungPeople: false, source: 'https://www.samaritans.org/ireland',
  },
  {
    id: 'pl-116123', country: 'PL', name: 'Telefon zaufania dla dorosłych w kryzysie emocjonalnym', phone: '116 123', text: null,
    url: 'https://116123.edu.pl', hours: '14:00–22:00', languages: ['pl'], forYoungPeople: false, source: 'https://116123.edu.pl',
  },
  {
    id: 'pl-800702222', country: 'PL', name: 'Centrum Wsparcia dla osób dorosłych w kryzysie psychicznym', phone: '800 70 2222', text: null,
    url: 'https://centrumwsparcia.pl', hours: '24/7', languages: ['pl'], forYoungPeople: false, source: 'https://centrumwsparcia.pl',
  },
  {
    id: 'pl-116111', country: 'PL', name: 'Telefon zaufania dla dzieci i młodzieży', phone: '116 111', text: null, url: 'https://116111.pl',
    hours: '24/7', languages: ['pl'], forYoungPeople: true, source: 'https://116111.pl',
  },
  {
    id: 'intl-emergency', country: 'INTL', name: 'Emergency services (112 in the EU, 911 in North America, 999 in the UK)', phone: '112',
    text: null, url: null, hours: '24/7', languages: ['en', 'pl'], forYoungPeople: false, source: 'https://112.eu',
  },
  {
    id: 'intl-findahelpline', country: 'INTL', name: 'Find A Helpline (free, confidential lines in many countries)', phone: null, text: null,
    url: 'https://findahelpline.com', hours: '24/7', languages: ['en', 'pl'], forYoungPeople: false, source: 'https://findahelpline.com',
  },
]

const REGION_ALIASES: Record<string, string> = { UK: 'GB' }
const LANGUAGE_COUNTRY: Record<string, string> = { pl: 'PL' }

/**
 * The member's country from an Accept-Language header (`en-GB` → GB, `pl` → PL), else from their
 * saved language (Polish → PL); null when nothing says (the card then shows the international lines).
 */
export function countryFromLocale(acceptLanguage: string | null | undefined, accountLocale?: string | null): string | null {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().split(';')[0] ?? ''
    const [language, region] = tag.split('-')
    if (region && /^[a-z]{2}$/i.test(region)) {
      const code = region.toUpperCase()
      return REGION_ALIASES[code] ?? code
    }
    const byLanguage = language ? LANGUAGE_COUNTRY[language.toLowerCase()] : undefined
    if (byLanguage) return byLanguage
  }
  return accountLocale ? (LANGUAGE_COUNTRY[accountLocale] ?? null) : null
}

/** Local lines first (adults' lines before young people's), then the international fallback. */
export function crisisLinesFor(country: string | null): { local: CrisisLine[]; international: CrisisLine[]; checkedOn: string } {
  const strip = ({ source: _source, ...line }: CrisisLine & { source: string }): CrisisLine => line
  const local = CRISIS_LINES.filter((l) => country !== null && l.country === country)
    .sort((a, b) => Number(a.forYoungPeople) - Number(b.forYoungPeople))
    .map(strip)
  const international = CRISIS_LINES.filter((l) => l.country === 'INTL').map(strip)
  return { local, international, checkedOn: CRISIS_LINES_CHECKED_ON }
}
