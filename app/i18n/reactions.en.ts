/** Supportive reactions under chat messages (issue 18, docs/decisions/040-reactions.md). */
export const reactionsEn = {
  'reactions.group': 'Reactions',
  'reactions.hug': 'Hugs',
  'reactions.same_here': 'Same here',
  'reactions.thank_you': 'Thank you',
  'reactions.label': '{kind}: {count}',
} as const
