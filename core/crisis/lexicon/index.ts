/**
 * Registry of crisis-risk language data. To add a language: write `<code>.ts` exporting a
 * `Lexicon`, add its code to `LanguageCode` in types.ts and append it here. The first entry
 * is the fallback for language detection.
 */
import { en } from './en.js'
import { pl } from './pl.js'
import type { EmojiRule, Lexicon } from './types.js'

export type * from './types.js'

export const LEXICONS: readonly Lexicon[] = [en, pl]

/**
 * Emoji carry meaning across languages, so they live here rather than in a language file.
 * They never raise a level on their own (💀 mostly means "I'm dead laughing", 🔪 is cooking),
 * only in combination with a risk statement, like the cue rules.
 */
export const EMOJI_RULES: readonly EmojiRule[] = [
  {
    id: 'emoji.means',
    kind: 'means',
    // pill, knot (noose), knife, pistol, drop of blood, razor
    emoji: ['\u{1F48A}', '\u{1FAA2}', '\u{1F52A}', '\u{1F52B}', '\u{1FA78}', '\u{1FA92}'],
    raises: { concern: 'imminent', high: 'imminent' },
  },
  {
    id: 'emoji.farewell',
    kind: 'farewell',
    // waving hand, dove, wilted flower
    emoji: ['\u{1F44B}', '\u{1F54A}', '\u{1F940}'],
    raises: { concern: 'high', high: 'imminent' },
  },
  {
    id: 'emoji.death',
    kind: 'death',
    // coffin, headstone
    emoji: ['\u26B0', '\u{1FAA6}'],
    raises: { concern: 'high' },
  },
]
