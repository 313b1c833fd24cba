/**
 * English screening rules: slurs, insults aimed at someone, harassment phrases, and
 * self-harm method / means detail (safe-messaging). Data first, patterns compiled at load.
 *
 * All patterns run on normalised text (lower case, diacritics folded, leetspeak undone),
 * so write them in lower case ASCII. See docs/moderation-screening.md for the policy.
 */
import { near, re, words, type LexEntry, type PhraseRule, type RulePack } from './shared.js'

/* Slurs: ROT13-encoded stems (decode with rot13() in shared.ts). Modest on purpose. */
const SLURS: readonly LexEntry[] = [
  // homophobic
  { w: 'snttbg', g: 'homophobic', end: ['', 's', 'l'] },
  { w: 'snt', g: 'homophobic', end: ['', 's', 'tl'], amb: true }, // also UK slang for a cigarette
  { w: 'qlxr', g: 'homophobic', end: ['', 's'], amb: true },
  { w: 'cbbsgre', g: 'homophobic', end: ['', 's'] },
  { w: 'ubzb', g: 'homophobic', end: ['', 's'], amb: true }, // "homo sapiens"
  // transphobic
  { w: 'genaa', g: 'transphobic', end: ['y', 'ies', 'ie'] },
  { w: 'furznyr', g: 'transphobic' },
  // racist
  { w: 'avttre', g: 'racist' },
  { w: 'avttn', g: 'racist', end: ['', 's', 'z', 'h', 'hs'] },
  { w: 'puvax', g: 'racist', amb: true }, // "a chink in the armour"
  { w: 'tbbx', g: 'racist' },
  { w: 'fcvp', g: 'racist', amb: true }, // "spic and span"
  { w: 'jrgonpx', g: 'racist' },
  { w: 'cnxv', g: 'racist' },
  { w: 'enturnq', g: 'racist' },
  { w: 'gbjryurnq', g: 'racist' },
  { w: 'pbba', g: 'racist', amb: true },
  { w: 'ornare', g: 'racist' },
  // antisemitic
  { w: 'xvxr', g: 'antisemitic' },
  { w: 'lvq', g: 'antisemitic', amb: true },
  // ableist
  { w: 'ergneq', g: 'ableist', end: ['', 's', 'ed'] },
  { w: 'gneq', g: 'ableist', end: ['', 's'], amb: true },
  { w: 'fcnm', g: 'ableist', end: ['', 'z'], amb: true },
  { w: 'fcnfgvp', g: 'ableist', amb: true },
  { w: 'zbatbybvq', g: 'ableist' },
  { w: 'zbat', g: 'ableist', amb: true },
]

/* Insults: only harassment when aimed at someone ("you idiot"); "I'm so stupid" is not. */
const INSULTS: readonly LexEntry[] = [
  ...[
    'idiot',
    'moron',
    'loser',
    'freak',
    'creep',
    'psycho',
    'jerk',
    'bastard',
    'twat',
    'wanker',
    'prick',
    'dickhead',
    'asshole',
    'arsehole',
    'cunt',
    'whore',
    'slut',
    'liar',
    'failure',
    'clown',
    'parasite',
    'coward',
    'hypocrite',
    'dumbass',
    'scumbag',
    'douchebag',
    'douche',
    'weirdo',
    'imbecile',
  ].map((w) => ({ w, g: 'insult' })),
  { w: 'bitch', g: 'insult', end: ['', 'es', 'y'] },
  ...['stupid', 'dumb', 'pathetic', 'worthless', 'useless', 'ugly', 'disgusting', 'scum', 'trash', 'dick'].map((w) => ({
    w,
    g: 'insult',
    end: [''],
  })),
]

const FILLERS = [
  'such',
  'so',
  'a',
  'an',
  'the',
  'fucking',
  'fuckin',
  'fking',
  'fkn',
  'effing',
  'f_cking',
  'f_ckin',
  'freaking',
  'frickin',
  'fricking',
  'bloody',
  'damn',
  'little',
  'lil',
  'big',
  'fat',
  'stupid',
  'dumb',
  'total',
  'complete',
  'absolute',
  'utter',
  'pathetic',
  'worthless',
  'useless',
  'ugly',
  'dirty',
  'disgusting',
  'filthy',
  'just',
  'really',
  'literally',
  'being',
  'lazy',
  'sad',
  'sick',
  'real',
  'massive',
  'huge',
  'crazy',
  'selfish',
]

const TARGET_FRAMES = [
  "you(?:'re|re| are| r)?",
  "u(?: r| are|'re)?",
  'ya(?: are)?',
  'ur',
  'ure',
  "you'?re being",
  'your (?:a|an|such|so)',
  '@[\\p{L}\\p{N}_.]+(?: is| are|,)?',
  'are you',
  'r u',
  // Aimed at the whole room ("you are all pathetic losers", "you people are useless").
  "you(?:'re|re| are| r)? all",
  "(?:you all|y'?all|you guys|you lot|you people|all of you)(?: are|'re)?",
  '(?:every ?(?:one|body)|all of) (?:in )?here (?:is|are)',
]
const SELF_FRAMES = [
  "i'?m",
  'i am',
  'im',
  'i feel like',
  'i felt like',
  'i was',
  "i'?ve been",
  "i'?ll always be",
  'am i',
  'call myself',
  'made me feel like',
]
const REPORT_CUES = [
  'called',
  'calls',
  'calling',
  'call(?:s|ed)? me',
  'said',
  'says',
  'saying',
  'told',
  'tells',
  'telling',
  'yelled',
  'yells',
  'screamed',
  'screams',
  'shouted',
  'shouts',
  'wrote',
  'writes',
  'texted',
  'texts',
  'messaged',
  'commented',
  'heard',
  'named',
  'labell?ed',
  'quote',
  'quoting',
]
const NEGATIONS = [
  'not',
  'never',
  "don'?t",
  'do not',
  "doesn'?t",
  "isn'?t",
  "aren'?t",
  "won'?t",
  'nobody',
  'no one',
  'noone',
  'stop',
  "please don'?t",
  "didn'?t",
]

/* ------------------------------------------------------------------------------------------ */
/* Harassment phrases (on `lex`)                                                               */
/* ------------------------------------------------------------------------------------------ */

const YOU = '(?:you|u|ya)'
const HARASSMENT: readonly PhraseRule[] = [
  {
    id: 'en.harassment.incitement',
    category: 'harassment',
    outcome: 'hold',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        'kys',
        'kill ?(?:yo)?ur ?self',
        'kill yo?self',
        'kil+ (?:yo)?ur ?self',
        'neck (?:yo)?ur ?self',
        'hang (?:yo)?ur ?self',
        'drink bleach',
        'go (?:and )?(?:die|kill (?:yo)?ur ?self|hang (?:yo)?ur ?self)',
        '(?:just|pls|please) die',
        'drop dead',
        `${YOU} should (?:just )?(?:die|kill (?:yo)?ur ?self|not exist)`,
        `(?:i )?hope ${YOU} (?:die|get cancer|kill (?:yo)?ur ?self|suffer|rot)`,
        'do (?:us|everyone|the world) (?:all )?a favou?r and (?:die|disappear|kill (?:yo)?ur ?self)',
        `(?:nobody|no one) would (?:care|miss ${YOU}) if ${YOU} (?:died|were dead|killed (?:yo)?ur ?self)`,
      ]),
    ),
  },
  {
    id: 'en.harassment.threat',
    category: 'harassment',
    outcome: 'hold',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        `(?:i'?ll|i will|i'?m gonna|im gonna|i'?m going to|i am going to|i am gonna|gonna|imma) (?:kill|hurt|beat|beat up|stab|shoot|rape|strangle|murder|end) ${YOU}`,
        `i know where ${YOU} live`,
        'watch (?:yo)?ur back',
        `${YOU}(?:'re| are|re) (?:so )?dead(?: meat)?`,
        `i(?:'ll| will) find ${YOU}(?= *(?:$|[.!]))`,
      ]),
    ),
  },
  {
    id: 'en.harassment.hostile',
    category: 'harassment',
    outcome: 'flag',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        `f_?u?_?c?k (?:${YOU}|off)`,
        'fuck (?:you|u|ya|off)',
        `screw ${YOU}`,
        'go to hell',
        'stfu',
        'gtfo',
        `(?:^|(?<=[.!?,] ?))(?:just |oh |please |pls |now )?shut (?:the (?:fuck|f_ck|hell) )?up(?= *(?:$|[.!,?]|${YOU}\\b|already\\b|bitch\\b|idiot\\b))`,
        `shut (?:the (?:fuck|f_ck|hell) )?up,? (?:${YOU}|already|bitch|idiot|loser)\\b`,
        `(?:nobody|no one|noone) (?:likes|wants|cares about|asked|needs|gives a (?:shit|fuck|damn) about) ${YOU}`,
        `(?:i )?hate ${YOU}`,
        `${YOU}(?:'re| are|re) (?:not|never) welcome here`,
        `(?:^|(?<=[.!?] ?))(?:just )?(?:go away|get lost|piss off|bugger off|get out of here)`,
      ]),
    ),
  },
  {
    id: 'en.harassment.insult',
    category: 'harassment',
    outcome: 'flag',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        `(?:${YOU}|${YOU}'?re|${YOU} are|ur) (?:(?:a|an|such|just|fucking|little|worthless|stupid|total|complete) ){0,3}(?:piece of (?:shit|crap|garbage|trash)|waste of (?:space|air|oxygen|skin|time)|pos)`,
      ]),
    ),
  },
]

/* ------------------------------------------------------------------------------------------ */
/* Self-harm method / means detail (on `norm`)                                                 */
/* ------------------------------------------------------------------------------------------ */

const PILLS = 'pills?|tablets?|tabs|capsules?|caps|meds|medications?|sleeping (?:pills|tablets)'
const DRUGS = [
  'paracetamol',
  'acetaminophen',
  'tylenol',
  'panadol',
  'ibuprofen',
  'advil',
  'aspirin',
  'insulin',
  'lithium',
  'xanax',
  'valium',
  'diazepam',
  'benzos?',
  'tramadol',
  'oxy(?:codone|contin)?',
  'morphine',
  'fentanyl',
  'antidepressants?',
  'sertraline',
  'quetiapine',
  'seroquel',
  'amitriptyline',
  'zopiclone',
  'zolpidem',
  'ambien',
  'codeine',
  'heroin',
].join('|')
const UNITS = 'mg|milligrams?|g|grams?|ml|boxes|box|packs?|packets?|bottles?|blisters?|strips?'
const QUANTITY = [
  `\\d+ ?(?:${PILLS}|${UNITS})`,
  `\\d+ (?:of )?(?:my |the |those |these |his |her )?(?:${DRUGS}|${PILLS})`,
  `(?:a|the|one|two|three|\\d+) (?:whole|entire|full) (?:box|bottle|pack|packet|blister|strip|jar)s?`,
  `(?:all|every one) (?:of )?(?:my|the|them|these|those) (?:${PILLS}|${DRUGS})`,
  `(?:all|whole|entire) (?:my |the |a )?(?:bottle|box|pack|packet|stash|supply) of`,
].join('|')
const INTENT = [
  'overdos(?:e|ed|ing)',
  "od'?(?:d|ed|ing)",
  "(?:gonna|going to|want to|wanna|will|i'?ll|i'?m gonna) od",
  'to die',
  'and die',
  'kill myself',
  'end it(?: all)?',
  'end my life',
  'end things',
  "(?:never|not|won'?t|don'?t|wouldn'?t) wake up",
  'suicide',
  'suicidal',
  'take them all',
  'all at once',
  'poison myself',
  'be gone',
  'sleep forever',
].join('|')
const HOWTO_TARGET = [
  'kill (?:myself|yourself|oneself|themselves|herself|himself|urself|ur self)',
  'commit suicide',
  'hang (?:myself|yourself|oneself)',
  'overdose',
  'od',
  "slit (?:my|your|one'?s) (?:wrists?|throat)",
  'cut (?:my|your) (?:wrists?|throat)',
  "end (?:my|your|one'?s) life",
  'poison (?:myself|yourself)',
].join('|')
/** "die" alone only after the narrowest asking frames ("how do people die in hospice" is not asking for a method). */
const HOWTO_DIE =
  '(?:how (?:to|do i|can i|should i|could i) |(?:best|easiest|quickest|fastest|painless|least painful|surest|quietest|simplest|quick|easy) (?:way|ways|method|methods) to )die'
const GAP_NO_NEGATION = '(?:(?!(?:not|stop|never|avoid|quit|resist|cope|deal|help|talk|tell)\\b)\\S+ ){0,2}?'
const SELF_HARM: readonly PhraseRule[] = [
  {
    id: 'en.self_harm.lethal_dose',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      [
        words('(?:lethal|fatal|deadly|toxic|overdose) (?:dose|amount|quantity|dosage|level)s?'),
        words(
          `how (?:many|much) (?:of (?:my|the|these|those) )?(?:${PILLS}|${DRUGS}|mg)(?: \\S+){0,4}? (?:to|would|will|until|before|is|are|do|does|can|kills?)(?: \\S+){0,3}? ?(?:die|kill|overdose|od|lethal|fatal|deadly|not wake up|end it|too many|a person)`,
        ),
      ].join('|'),
    ),
  },
  {
    id: 'en.self_harm.dose',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      [
        near(QUANTITY, INTENT, 8),
        near(
          "took|taken|swallowed|downed|i'?ve taken|just took",
          `(?:[2-9]\\d|\\d{3,}) (?:of (?:my |the )?)?(?:${PILLS}|${DRUGS})`,
          3,
        ),
      ].join('|'),
    ),
  },
  {
    id: 'en.self_harm.how_to',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      words([
        HOWTO_DIE,
        `(?:how (?:do (?:i|you|people|u|one) |can (?:i|you|u|one) |to |would (?:i|you) |should i |does one |is the best way to )|(?:best|easiest|quickest|fastest|painless|least painful|surest|most effective|quietest|simplest|quick|easy) (?:way|method|ways|methods) (?:to|of) |methods? (?:to|of) )${GAP_NO_NEGATION}(?:${HOWTO_TARGET})`,
      ]),
    ),
  },
  {
    id: 'en.self_harm.hanging',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      [
        near(
          'ropes?|noose|ligature',
          'neck|beam|rafters?|ceiling|hook|hang (?:myself|yourself)|hanging myself|hanged|hung myself',
          5,
        ),
        near('belt|cord|cable', 'neck|beam|rafters?|ceiling|hang (?:myself|yourself)|hanging myself|hung myself', 5),
      ].join('|'),
    ),
  },
  {
    id: 'en.self_harm.cutting',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'cut|cuts|cutting|slit|slitting|slash(?:ed|ing)?|slice',
        'deep|deeper|deepest|deeply|vertical(?:ly)?|lengthwise|along the|down the arm|artery|arteries|tendons?|to the bone|how deep|stitches',
        4,
      ),
    ),
    also: re(words('wrists?|arms?|thighs?|veins?|skin|blades?|razors?|myself')),
  },
  {
    id: 'en.self_harm.gas',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'carbon monoxide|charcoal|exhaust(?: fumes| pipe)?|helium',
        'die|dying|death|kill myself|suicide|end it|garage|tent|sealed|bag|hose',
        6,
      ),
    ),
  },
  {
    id: 'en.self_harm.height',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'jump|jumping|jumped|leap|leaping|throw myself',
        '\\d+(?:st|nd|rd|th)? (?:floor|storey|story|floors|storeys|stories|meters|metres|feet|ft|m)|(?:\\w+teenth|tenth|top) floor|high enough|tall enough|how high|which bridge|which building|which floor',
        6,
      ),
    ),
    also: re(words('bridge|roof|building|tower|balcony|window|cliff|ledge|floors?|storey|parking')),
  },
  {
    id: 'en.self_harm.train',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near('trains?|tracks|railway', "\\d{1,2}[:.]\\d{2}|timetable|schedule|express|doesn'?t stop|does not stop", 6),
    ),
    also: re(words('jump|jumping|lie down|step in front|throw myself|walk onto')),
  },
  {
    id: 'en.self_harm.firearm',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near('guns?|pistol|rifle|shotgun|firearm', 'loaded|bullets?|ammo|ammunition|to my head|in my mouth|my temple', 6),
    ),
  },
  {
    id: 'en.self_harm.stockpile',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(near('saved up|saving up|been saving|stockpil\\w*|hoard\\w*|stash\\w*', PILLS, 3)),
  },
]

export const EN: RulePack = {
  lang: 'en',
  slurs: SLURS,
  insults: INSULTS,
  fillers: FILLERS,
  targetFrames: TARGET_FRAMES,
  selfFrames: SELF_FRAMES,
  reportCues: REPORT_CUES,
  negations: NEGATIONS,
  harassment: HARASSMENT,
  selfHarm: SELF_HARM,
}
