import type { CrisisLine } from '../contracts/socket-events.crisis.js'

/**
 * Crisis lines shown on the member's crisis card, kept as data. `CHECKED_ON` is the date the list was
 * last reviewed. The 2026-11-22 review was made from the maintainers' knowledge without network access to
 * the services' sites (`source`): before a release a person must check every number and the hours against
 * `source` and update this date (docs/crisis.md, "Crisis lines"). Countries are ISO 3166-1 alpha-2 (GB for the UK).
 * Every line has its name in each page language: the card is worded in the page's language, whatever the country.
 */
export const CRISIS_LINES_CHECKED_ON = '2026-11-22'

export const CRISIS_LINES: readonly (CrisisLine & { source: string })[] = [
  {
    id: 'us-988',
    country: 'US',
    names: { en: '988 Suicide & Crisis Lifeline', pl: '988 Suicide & Crisis Lifeline (telefon kryzysowy w USA)' },
    phone: '988',
    text: '988',
    url: 'https://988lifeline.org',
    hours: '24/7',
    languages: ['en', 'es'],
    forYoungPeople: false,
    source: 'https://988lifeline.org',
  },
  {
    id: 'gb-samaritans',
    country: 'GB',
    names: { en: 'Samaritans', pl: 'Samaritans (telefon zaufania w Wielkiej Brytanii)' },
    phone: '116 123',
    text: null,
    url: 'https://www.samaritans.org',
    hours: '24/7',
    languages: ['en'],
    forYoungPeople: false,
    source: 'https://www.samaritans.org',
  },
  {
    id: 'ie-samaritans',
    country: 'IE',
    names: { en: 'Samaritans Ireland', pl: 'Samaritans Ireland (telefon zaufania w Irlandii)' },
    phone: '116 123',
    text: null,
    url: 'https://www.samaritans.org/ireland',
    hours: '24/7',
    languages: ['en'],
    forYoungPeople: false,
    source: 'https://www.samaritans.org/ireland',
  },
  {
    id: 'pl-116123',
    country: 'PL',
    names: {
      en: 'Helpline for adults in emotional crisis (116 123, in Polish)',
      pl: 'Telefon zaufania dla dorosłych w kryzysie emocjonalnym',
    },
    phone: '116 123',
    text: null,
    url: 'https://116123.edu.pl',
    hours: '14:00–22:00',
    languages: ['pl'],
    forYoungPeople: false,
    source: 'https://116123.edu.pl',
  },
  {
    id: 'pl-800702222',
    country: 'PL',
    names: {
      en: 'Support centre for adults in mental crisis (in Polish)',
      pl: 'Centrum Wsparcia dla osób dorosłych w kryzysie psychicznym',
    },
    phone: '800 70 2222',
    text: null,
    url: 'https://centrumwsparcia.pl',
    hours: '24/7',
    languages: ['pl'],
    forYoungPeople: false,
    source: 'https://centrumwsparcia.pl',
  },
  {
    id: 'pl-116111',
    country: 'PL',
    names: { en: 'Helpline for children and young people (in Polish)', pl: 'Telefon zaufania dla dzieci i młodzieży' },
    phone: '116 111',
    text: null,
    url: 'https://116111.pl',
    hours: '24/7',
    languages: ['pl'],
    forYoungPeople: true,
    source: 'https://116111.pl',
  },
  {
    id: 'intl-emergency',
    country: 'INTL',
    names: {
      en: 'Emergency services (112 in the EU, 911 in North America, 999 in the UK)',
      pl: 'Numer alarmowy (112 w Unii Europejskiej, 911 w Ameryce Północnej, 999 w Wielkiej Brytanii)',
    },
    phone: '112',
    text: null,
    url: null,
    hours: '24/7',
    languages: ['en', 'pl'],
    forYoungPeople: false,
    source: 'https://112.eu',
  },
  {
    id: 'intl-findahelpline',
    country: 'INTL',
    names: {
      en: 'Find A Helpline (free, confidential lines in many countries)',
      pl: 'Wyszukiwarka telefonów zaufania na całym świecie (bezpłatne, poufne linie wsparcia w wielu krajach; serwis Find A Helpline)',
    },
    phone: null,
    text: null,
    url: 'https://findahelpline.com',
    hours: '24/7',
    languages: ['en', 'pl'],
    forYoungPeople: false,
    source: 'https://findahelpline.com',
  },
]

/** The code stored when a member says they live in a country without lines of its own here (CLDR's unknown region). */
export const OTHER_COUNTRY = 'ZZ'

/** The countries a member can choose in account settings: those with lines of their own, then "another country". */
export const COUNTRY_CHOICES: readonly string[] = [
  ...new Set(CRISIS_LINES.map((l) => l.country).filter((c) => c !== 'INTL')),
  OTHER_COUNTRY,
]

const REGION_ALIASES: Record<string, string> = { UK: 'GB' }
const LANGUAGE_COUNTRY: Record<string, string> = { pl: 'PL' }

/** The region of the first Accept-Language tag in `language` (any language when null): `en-GB` → GB. */
function browserRegion(acceptLanguage: string | null | undefined, language: string | null | undefined): string | null {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.trim().split(';')[0] ?? ''
    const [tagLanguage, region] = tag.split('-')
    if (language && tagLanguage?.toLowerCase() !== language) continue
    if (region && /^[a-z]{2}$/i.test(region)) {
      const code = region.toUpperCase()
      return REGION_ALIASES[code] ?? code
    }
  }
  return null
}

/**
 * The one place that decides the member's country, and so their crisis lines (docs/crisis.md, "Crisis lines"):
 * the country saved on the account; else the region the browser asks for in the language the member reads
 * (`en-GB` → GB; a Polish reader whose browser sends only `en-US` is not sent to the US line); else that language
 * (Polish → PL); null when nothing says (international lines only). Wording follows the language, never this.
 */
export function memberCountry(input: {
  accountCountry?: string | null
  acceptLanguage?: string | null
  language?: string | null
}): string | null {
  if (input.accountCountry) return input.accountCountry
  const language = input.language?.toLowerCase() ?? null
  return browserRegion(input.acceptLanguage, language) ?? (language ? (LANGUAGE_COUNTRY[language] ?? null) : null)
}

/** Local lines first (adults' lines before young people's), then the international fallback. */
export function crisisLinesFor(country: string | null): {
  local: CrisisLine[]
  international: CrisisLine[]
  checkedOn: string
} {
  const strip = ({ source: _source, ...line }: CrisisLine & { source: string }): CrisisLine => line
  const local = CRISIS_LINES.filter((l) => country !== null && l.country === country)
    .sort((a, b) => Number(a.forYoungPeople) - Number(b.forYoungPeople))
    .map(strip)
  const international = CRISIS_LINES.filter((l) => l.country === 'INTL').map(strip)
  return { local, international, checkedOn: CRISIS_LINES_CHECKED_ON }
}
