import { randomInt } from 'node:crypto'

/**
 * Generated pseudonyms, "Adjective Noun" in the room's language. Polish adjectives agree with the
 * noun's gender, so each adjective carries its three forms.
 */
const EN = {
  adjectives: [
    'Quiet',
    'Gentle',
    'Steady',
    'Bright',
    'Kind',
    'Calm',
    'Warm',
    'Still',
    'Brave',
    'Patient',
    'Hopeful',
    'Soft',
    'Golden',
    'Silver',
    'Misty',
    'Sunny',
  ],
  nouns: [
    'Heron',
    'Otter',
    'Willow',
    'Harbor',
    'Meadow',
    'Lantern',
    'River',
    'Sparrow',
    'Cedar',
    'Ember',
    'Maple',
    'Robin',
    'Fern',
    'Pebble',
    'Comet',
    'Badger',
  ],
}

type Gender = 'm' | 'f' | 'n'
export const PL_ADJECTIVES: Array<Record<Gender, string>> = [
  { m: 'Cichy', f: 'Cicha', n: 'Ciche' },
  { m: 'Łagodny', f: 'Łagodna', n: 'Łagodne' },
  { m: 'Spokojny', f: 'Spokojna', n: 'Spokojne' },
  { m: 'Jasny', f: 'Jasna', n: 'Jasne' },
  { m: 'Życzliwy', f: 'Życzliwa', n: 'Życzliwe' },
  { m: 'Ciepły', f: 'Ciepła', n: 'Ciepłe' },
  { m: 'Dzielny', f: 'Dzielna', n: 'Dzielne' },
  { m: 'Cierpliwy', f: 'Cierpliwa', n: 'Cierpliwe' },
  { m: 'Pogodny', f: 'Pogodna', n: 'Pogodne' },
  { m: 'Złoty', f: 'Złota', n: 'Złote' },
  { m: 'Srebrny', f: 'Srebrna', n: 'Srebrne' },
  { m: 'Mglisty', f: 'Mglista', n: 'Mgliste' },
]
export const PL_NOUNS: Array<{ word: string; gender: Gender }> = [
  { word: 'Czapla', gender: 'f' },
  { word: 'Wydra', gender: 'f' },
  { word: 'Wierzba', gender: 'f' },
  { word: 'Łąka', gender: 'f' },
  { word: 'Rzeka', gender: 'f' },
  { word: 'Paproć', gender: 'f' },
  { word: 'Jeż', gender: 'm' },
  { word: 'Wróbel', gender: 'm' },
  { word: 'Klon', gender: 'm' },
  { word: 'Lampion', gender: 'm' },
  { word: 'Kamyk', gender: 'm' },
  { word: 'Borsuk', gender: 'm' },
  { word: 'Źródło', gender: 'n' },
  { word: 'Jezioro', gender: 'n' },
  { word: 'Pióro', gender: 'n' },
  { word: 'Słońce', gender: 'n' },
]

const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)]!

export function generatePseudonym(language: 'en' | 'pl'): string {
  if (language === 'pl') {
    const noun = pick(PL_NOUNS)
    return `${pick(PL_ADJECTIVES)[noun.gender]} ${noun.word}`
  }
  return `${pick(EN.adjectives)} ${pick(EN.nouns)}`
}

/** A generated pseudonym not in `taken` (compared case-insensitively); adds a number when the words run out. */
export function generateUniquePseudonym(language: 'en' | 'pl', taken: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 40; attempt++) {
    const candidate = generatePseudonym(language)
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
  for (;;) {
    const candidate = `${generatePseudonym(language)} ${randomInt(2, 1000)}`
    if (!taken.has(candidate.toLowerCase())) return candidate
  }
}
