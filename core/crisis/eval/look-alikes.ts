/**
 * Goodbyes for now and means in ordinary sentences that the classifier must keep below `high`
 * (core/crisis/classifier.test.ts). `npx tsx scripts/crisis-cv.ts` also keeps the model's cut-offs
 * (IMMINENT_ALONE, CHAT_HIGH_AT) above their scores: the look-alike guard of decisions 058 and 059.
 */
export const GOODBYE_AND_MEANS_LOOK_ALIKES: readonly string[] = [
  'last message from me tonight, going to bed',
  'bye guys, thanks for everything, see you next week',
  'took my meds with a glass of wine',
  'my dad keeps his gun in the safe',
  'dzięki za wszystko, żegnam się, do jutra',
  'ostatnia wiadomość ode mnie na dziś',
  'mam przy sobie nóż do chleba',
  'żegnajcie, wyjeżdżam na wakacje',
]
