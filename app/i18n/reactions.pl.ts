import type { reactionsEn } from './reactions.en'

/** Reakcje wsparcia pod wiadomościami czatu (zgłoszenie 18). */
export const reactionsPl: Record<keyof typeof reactionsEn, string> = {
  'reactions.group': 'Reakcje',
  'reactions.hug': 'Przytulam',
  'reactions.same_here': 'Mam tak samo',
  'reactions.thank_you': 'Dziękuję',
  'reactions.label': 'Reakcja „{kind}”: {count}',
}
