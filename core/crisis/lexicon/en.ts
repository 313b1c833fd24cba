/**
 * English crisis-risk lexicon. Data only; see types.ts for the pattern conventions
 * (canonical text: lower case, no apostrophes, repeated letters squeezed).
 */
import type { Lexicon } from './types.js'

const ME = '(?:my ?self|me self)'
const PILLS =
  '(?:pills|meds|tablets|medication|medications|medicine|sleeping pills|painkillers|paracetamol|tylenol|ibuprofen|antidepressants|insulin|xanax|oxy)'
const MEANS_NOUN = `(?:${PILLS}|rope|noose|gun|pistol|knife|blade|blades|razor|razors|bullets)`
const HIGH_PLACE =
  '(?:bridge|roof|rooftop|building|balcony|cliff|window|ledge|overpass|tower|parking garage|car park)'

export const en: Lexicon = {
  language: 'en',
  detection: {
    letters: '',
    words: [
      'the', 'and', 'i', 'im', 'ive', 'id', 'my', 'me', 'you', 'is', 'it', 'of', 'want', 'wanna',
      'dont', 'cant', 'this', 'that', 'just', 'so', 'with', 'for', 'be', 'have', 'feel', 'anymore',
      'what', 'about', 'not', 'all', 'myself', 'tonight', 'going', 'gonna', 'really', 'tbh', 'idk',
      'lol', 'ngl', 'die', 'kill', 'everyone', 'bye', 'hate', 'life', 'never', 'would', 'will',
      'can', 'am', 'are', 'was', 'thanks', 'today', 'tomorrow', 'anyone', 'honestly', 'yourself',
      'think', 'thinking', 'again', 'because', 'when', 'why', 'how', 'wish',
    ],
  },

  rules: [
    // ---- concern: hopelessness, burden, cannot go on
    {
      id: 'en.hopelessness',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        '(?:whats|what is) (?:even )?the point(?: of| in)? (?:anything|living|life|trying|going on|it all|being alive|me)',
        '(?:whats|what is) (?:even )?the point(?: anymore)?(?= *(?:[.!?]|$))',
        '(?:feel|feeling|im|am|so|completely|totally) (?:so |really |completely |totally )?hopeless',
        '(?:every ?day|everything|life|my life|it all) (?:feels|is|seems) (?:so |completely |just )?(?:pointless|hopeless|meaningless)',
        'i give up on (?:everything|life|myself|living)',
        'tired of fighting',
        'why (?:do )?i (?:even )?bother(?: anymore)?',
        '(?:feel|im|am) (?:so )?(?:dead|empty) inside',
        '(?:im|i am) (?:so |just )?done with (?:life|everything|it all|living)',
        'i dont care what happens to me',
      ],
    },
    {
      id: 'en.hopelessness',
      level: 'concern',
      kind: 'hopelessness',
      containsNegation: true,
      patterns: [
        '(?:cant|cannot|can not) (?:do|take|handle) (?:this|it) any ?more',
        '(?:cant|cannot|can not) (?:go on|keep going|carry on)(?: like this)?',
        '(?:dont|do not|cant) see (?:the|any) point(?: in (?:anything|living|trying|going on|life))?',
        '(?:dont|do not) (?:have|see) (?:a|any) reason to (?:live|keep going|go on|stay)',
        'no reason to (?:live|keep going|go on|stay alive)',
        '(?:theres|there is) no (?:hope|future) (?:for me|left)',
        'nothing (?:ever )?(?:matters|changes|gets better)(?: anymore)?',
        '(?:theres|there is) nothing left for me',
        '(?:theres|there is) no way out',
        'no point (?:in )?(?:living|trying|anything|going on|being alive|carrying on)',
        '(?:life|living|my life) (?:isnt|is not|aint) worth (?:it|living)',
      ],
    },
    {
      id: 'en.burden',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        '(?:everyone|everybody|the world|they|my family|people|you all|yall) (?:would|will|d) be better (?:off )?without me',
        'better off without me',
        '(?:im|i am|feel like) (?:such |just )?a (?:burden|waste of space)',
        '(?:im|i am) (?:just )?a waste of (?:space|oxygen|air)',
      ],
    },
    {
      id: 'en.burden',
      level: 'concern',
      kind: 'hopelessness',
      containsNegation: true,
      patterns: [
        '(?:nobody|no one|noone) would (?:even )?(?:notice|care|miss me)',
      ],
    },
    // ---- concern: passive wish to be dead
    {
      id: 'en.ideation.passive',
      level: 'concern',
      kind: 'passive',
      patterns: [
        '(?:want|wants|wanted|wanting|wanna) (?:to )?(?:just )?(?:die|be dead|stop existing|cease to exist|un-?exist)',
        'wish (?:i was|i were|to be|i could be) dead',
        '(?:id|i would|i d) (?:rather|sooner) (?:be dead|die)',
        'better off dead',
        'wish i (?:didnt|did not) exist',
        'sleep forever',
        '(?:hope|pray|praying|hoping) (?:that )?i (?:just )?die',
        'want (?:it|everything) (?:all )?to (?:stop|end)',
        '(?:want|wanna) to (?:just )?disappear(?: forever)?',
        'wish i could (?:just )?(?:disappear|fade away|vanish|cease to exist|stop existing|not exist|sleep forever)',
        'tired of (?:living|existing|being alive|life)',
        '(?:easier|better) if i (?:just )?(?:was|were) dead',
        'if i (?:died|was gone|were gone|disappeared)',
        '(?:hope|hoping|wish|pray) (?:a|that a|some|something|someone|a car|a truck|a bus)(?: \\w+){0,2} (?:will |would )?(?:just )?(?:hit|kill) me',
        'hope i (?:get|got) (?:in|into|hit by) a (?:car |bus )?(?:crash|accident)',
        'ready to die',
      ],
    },
    {
      id: 'en.ideation.passive',
      level: 'concern',
      kind: 'passive',
      containsNegation: true,
      patterns: [
        '(?:dont|do not|no longer) want to (?:live|be alive|exist|be here|wake up)(?: anymore)?',
        '(?:wouldnt|would not) mind (?:dying|if i died|if i (?:didnt|did not) wake up|not waking up)',
        'hope i (?:dont|do not|never) wake up',
        'wish i (?:was|were|had) never (?:been )?born',
        '(?:go to |fall )?sleep and (?:never|not) wake up',
        '(?:easier|better) if i (?:just )?(?:wasnt|was not|werent|were not) (?:alive|here|around|born)',
        'think(?:ing)? about not existing',
      ],
    },
    {
      id: 'en.suicide.mention',
      level: 'concern',
      kind: 'mention',
      generic: true,
      patterns: ['suicid\\w*', 'unaliv\\w*'],
    },
    // ---- high: thoughts, active ideation, self-harm
    {
      id: 'en.ideation.thoughts',
      level: 'high',
      kind: 'thoughts',
      patterns: [
        '(?:im|i am|feel|feeling|felt|been|so|really|very|pretty|kinda|getting|is|are|was) suicidal',
        'suicidal (?:thoughts|ideation|feelings|urges|again|rn|right now)',
        '(?:think|thinking|thought|thoughts|considering|contemplating|obsessing) (?:about |of )?(?:suicide|sewerslide)',
        '(?:picturing|imagining|planning|thinking about|thinking of) (?:how|ways) (?:id|i would|to|il|i will|im going to|im gonna) (?:do it|die|end it)',
        'ways to (?:do it|end it)',
        '(?:thinking about|thinking of|been) (?:sewerslide|self[- ]?deleting)',
      ],
    },
    {
      id: 'en.ideation.active',
      level: 'high',
      kind: 'active',
      patterns: [
        `(?:kill|killing|killed|kills|kms|unalive|unaliving|unalived|end|ending|offing) ${ME}`,
        `(?:to|wanna|gonna|just|ill|will|might|could|should|gotta) off ${ME}`,
        'kms',
        '(?:commit|committing|commited) (?:suicide|sewerslide|die)',
        'sewerslide',
        'self[- ]?delete',
        '(?:want|wanna|going|gonna|plan|planning|about|ready) (?:to )?unalive',
        '(?:end|ending) (?:my|my own) life',
        '(?:take|taking) my (?:own )?life',
        '(?:end|ending) it all',
        '(?:end|ending) everything',
        '(?:want to|wanna|going to|gonna|just|il|will) end it(?= *(?:[.,!?]|$|tonight|today|now|soon))',
        '(?:attempt|attempted|attempting) suicide',
        '(?:die|dying) by suicide',
      ],
    },
    {
      id: 'en.selfharm',
      level: 'high',
      kind: 'selfharm',
      patterns: [
        `(?:cut|cuting|cuts|burn|burning|burned|burnt|harm|harming|hurt|hurting|hit|hiting|punch|punching|starve|starving|bruise|bruising) ${ME}`,
        `(?:scratch|scratching|bite|biting) ${ME} (?:until|til|so hard|to bleed|bloody)`,
        'self[- ]?harm\\w*',
        '(?:sh|self harm|selfharm) (?:urges|relapse)',
        'relapsed (?:on|with|into) (?:sh|cutting|self harm)',
        'cuting again',
        '(?:been|started|start|keep|kept|back to|relapsed and|urge to|urges to|need to|want to|wanna|going to|gonna) cut(?:ing)?(?= *(?:[.,!?]|$|again|tonight|myself))',
      ],
    },
    // ---- imminent: method, preparations, attempt, farewell
    {
      id: 'en.plan.method',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        `(?:hang|hanging|hung|drown|drowning|shoot|shooting|gas|gassing|poison|poisoning|suffocate|suffocating) ${ME}`,
        `jump(?:ing)? (?:off|from) (?:\\w+ ){0,4}${HIGH_PLACE}`,
        'jump(?:ing)? (?:in front of|under) (?:a|the) (?:train|bus|truck|car|subway|tram|lorry)',
        '(?:slit|sliting|cut|cuting|open) (?:my )?(?:wrists|wrist|throat)',
        '(?:going to|gonna|want to|wanna|will|il|plan to|planning to|about to|ready to|try to) (?:overdose|od)',
        '(?:drive|driving|crash|crashing|steer|swerve)(?: my car| the car)? (?:into|off) (?:a|the) (?:tree|wall|bridge|river|lake|truck|cliff|pole|oncoming)',
        'suicide (?:note|letter|plan)',
        '(?:wrote|written|writing|write) (?:my|a) (?:goodbye|farewell) (?:note|letter)',
      ],
    },
    {
      id: 'en.plan.means',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        `(?:the |my |these |all the |all my )?${MEANS_NOUN} (?:\\w+ ){0,2}(?:in front of me|next to me|in my hand|in my hands|right here|on my desk|on the table|laid out|counted out)`,
        `(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|stashing|stashed)(?: up)? (?:\\w+ ){0,2}${PILLS}`,
        '(?:rope|noose) is (?:tied|ready|up|hung|hanging)',
        '(?:tied|tying|made|making) (?:a|the) noose',
        '(?:gun|pistol) is loaded',
        '(?:loaded|cocked) (?:the|my) (?:gun|pistol)',
      ],
    },
    {
      id: 'en.attempt',
      level: 'imminent',
      kind: 'attempt',
      patterns: [
        `(?:took|taken|swallowed|downed|ate|necked|have taken|just took) (?:all (?:of )?(?:my|the)|a (?:whole|full) (?:bottle|pack|box|packet|strip)(?: of)?|the (?:whole|entire) (?:bottle|pack|box|packet)(?: of)?|an entire (?:bottle|pack|box|packet)(?: of)?|\\d{2,}|too many|a (?:bunch|handful|lot) of|every) (?:\\w+ ){0,2}?${PILLS}(?! (?:today|this morning|on time|as prescribed|with))`,
        'overdosed(?! on (?:coffee|caffeine|sugar|chocolate|netflix|tv|memes|cuteness))',
        '(?:im|i am|currently) (?:standing|sitting|at the edge) (?:on|of) (?:the|a|this) (?:bridge|ledge|roof|rooftop|edge|tracks|train tracks|railway|balcony)',
        '(?:cant|cannot|can not) stop (?:the )?bleeding',
        '(?:cut|went) too deep',
        'bleeding (?:out|a lot|so much|everywhere|heavily)',
        'already (?:took|swallowed|cut|did it|started)',
      ],
    },
    {
      id: 'en.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        '(?:goodbye|bye|farewell) forever',
        'this is (?:my )?(?:goodbye|farewell)',
        '(?:my|this is my|this will be my) last (?:message|post|words|text|goodbye)',
        'by the time (?:you|anyone|someone|yall) (?:read|reads|see|sees|find|finds) this',
        '(?:it was|its been|was) nice knowing (?:you|yall|everyone|all of you)',
        'tell my (?:mom|mum|mother|dad|father|family|parents|sister|brother|kids|children|wife|husband|partner|girlfriend|boyfriend)(?: that)? (?:im sorry|i love|i loved|sorry)',
        '(?:you|yall) (?:wont|will not|will never) (?:hear from|see) me again',
        'see (?:you|yall) (?:all )?on the other side',
      ],
    },
    {
      id: 'en.farewell',
      level: 'imminent',
      kind: 'farewell',
      containsNegation: true,
      patterns: [
        '(?:wont|will not|wont even) be (?:here|around|alive) (?:tomorrow|anymore|much longer|by (?:morning|tomorrow))',
      ],
    },
  ],

  cues: [
    {
      id: 'en.cue.means',
      kind: 'means',
      raises: { concern: 'imminent', high: 'imminent' },
      patterns: [
        `(?:have|got|bought|buy|ordered|found|hid|hidden|holding|grabbed)(?! to) (?:\\w+ ){0,3}${MEANS_NOUN}`,
        `${MEANS_NOUN} (?:is|are) (?:ready|here|loaded)`,
        `(?:at|on|to) the ${HIGH_PLACE}`,
      ],
    },
    {
      id: 'en.cue.time',
      kind: 'time',
      raises: { high: 'imminent' },
      withKinds: ['active'],
      patterns: [
        'tonight', 'today', 'tomorrow', 'this (?:weekend|evening|morning|afternoon|week)', 'right now',
        '(?:when|after|once) (?:everyone|everybody|my parents|my family|they|my wife|my husband|my roommate)(?: \\w+){0,2} (?:is|are|goes|go|gets|get|fall|falls|went) (?:asleep|to sleep|to bed|out|home|away)',
        'at \\d{1,2}(?: ?(?:am|pm))?', 'in (?:an|one|\\d+|a few|a couple of) (?:hour|hours|minutes|mins)',
        '(?:on|this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
        'before (?:morning|sunrise|dawn)',
      ],
    },
    {
      id: 'en.cue.plan',
      kind: 'plan',
      raises: { concern: 'imminent', high: 'imminent' },
      patterns: [
        '(?:i have|ive got|i got|i made|ive made|made|have) a plan(?! (?:for|to) (?:the|this|next|my|our|a|an|today|tomorrow|dinner|lunch|work|school|study|go|get|meet|call|visit|start|finish|talk|see)\\b)',
        '(?:i know|i figured out|figured out|decided|i decided|picked|chose) (?:how|where|when|the (?:day|place|spot|date)) (?:\\w+ ){0,3}(?:do it|die|end it)',
        '(?:know|figured out) (?:how|where|when) (?:im going to|im gonna|il|i will|to|i want to|id) do it',
        '(?:tonights|tonight is|today is|todays) the (?:night|day)',
        '(?:gave|given|giving) away (?:all )?(?:my|all my) (?:things|stuff|belongings|possessions|pets|cat|dog)',
        'getting my affairs in order',
      ],
    },
    {
      id: 'en.cue.farewell',
      kind: 'farewell',
      raises: { concern: 'high', high: 'imminent' },
      patterns: [
        'goodbye', '(?:bye|goodbye) (?:everyone|everybody|all|guys|yall|world|friends)', 'farewell',
        '(?:im|i am) sorry (?:everyone|for everything|to everyone)', 'sorry for everything',
        'thank(?:s| you) (?:all )?for everything', 'i love (?:you all|you guys|yall|all of you)',
        'please forgive me', 'remember me', 'when im gone', 'il be gone',
        'take care of my (?:cat|dog|kids|children|pets|mom|mum|family)',
        '(?:wrote|written|writing|write) (?:\\w+ ){0,2}(?:letters|a letter|notes|a note) (?:to|for) (?:my|everyone|all)',
      ],
    },
  ],

  idioms: [
    { id: 'en.killing_me', patterns: ['(?:is|are|its|was|were|keep|kept) (?:literally |actually |lowkey |so )?killing me', 'killing me (?:softly|inside)?'] },
    { id: 'en.kill_me_now', patterns: ['(?:just |please |somebody |someone |ugh )?(?:kill|shoot) me (?:now|already|please)'] },
    { id: 'en.dying_laughing', patterns: ['(?:died|dying|die|dead) (?:of |from )?(?:laughing|laughter|lmao|lol)', 'kmsl', 'kill(?:ed|ing)? myself laughing', '(?:im|i am|literally) dead(?= *(?:[.,!?]|$|lol|lmao|haha|omg))'] },
    { id: 'en.die_of', patterns: ['(?:could|would|will|gonna|going to|might|about to|almost|nearly) (?:literally )?die (?:of|from) (?:embarrassment|shame|boredom|cringe|cuteness|heat|hunger|thirst|excitement|happiness|jealousy)', 'die of (?:embarrassment|boredom|cringe|cuteness)', 'bored to death', 'scared to death', 'to die for', 'dying to (?:know|see|try|hear|meet|go|get|read|watch)', 'so bored i could die'] },
    { id: 'en.rather_die_than', patterns: ['(?:id |i would |i d )?rather (?:die|be dead) than(?! (?:live|go on|keep going|keep living|wake up|be alive|exist)\\b)'] },
    { id: 'en.dead_tired', patterns: ['dead (?:tired|on my feet|beat)', 'battery (?:is )?(?:dying|dead)', 'phone (?:is )?(?:dying|dead)'] },
    { id: 'en.accident', patterns: [`(?:accidentally|almost|nearly) (?:cut|burned|burnt|hurt|killed) ${ME}`, `(?:cut|burned|burnt|hurt|killed) ${ME} (?:while |when |by )?(?:shaving|cooking|chopping|slicing|baking|ironing|on (?:a|the|some)|at the gym|playing|lifting|running|skiing|falling|tripping|by accident|accidentally)`] },
    { id: 'en.overdosed_on', patterns: ['overdos\\w* on (?:coffee|caffeine|sugar|chocolate|netflix|tv|memes|cuteness|carbs)'] },
    { id: 'en.suicide_compound', patterns: ['(?:career|political|social|commercial|financial|fashion|dating) suicide', 'suicide (?:squad|mission|missions|doors|door|run|runs|bomber|bombers|bombing|blonde|king)', 'suicidal tendencies', 'suicideboys', 'uicideboy\\w*'] },
    { id: 'en.suicide_topic', patterns: ['suicide (?:prevention|awareness|hotline|helpline|lifeline|line|rates|rate|statistics|stats|risk assessment|training|research|survivors? (?:group|support))', '(?:prevent|preventing) suicide', 'suicide and crisis lifeline'] },
    { id: 'en.go_jump', patterns: ['go jump off a (?:bridge|cliff)'] },
  ],

  negation: {
    cues: [
      'not', 'never', 'dont', 'do not', 'wont', 'will not', 'wouldnt', 'would not', 'doesnt', 'didnt',
      'isnt', 'arent', 'wasnt', 'no', 'nor', 'havent', 'hasnt', 'aint', 'no longer', 'no intention',
      'no plans?', 'nothing', 'zero',
    ],
    pseudo: [
      'dont know', 'do not know', 'not sure', 'no idea', 'dont care', 'cant stop', 'cannot stop',
      'can not stop', 'dont stop', 'no matter', 'not only', 'wont stop', 'doesnt stop',
      '(?:cant|cannot|can not) promise (?:that )?(?:i )?(?:wont|will not)',
      'not okay', 'not ok', 'not fine', 'not well', 'not doing (?:well|ok|okay|good|great)', 'no one', 'nobody',
    ],
    window: 5,
    stops: ['i', 'im', 'ive', 'id', 'ill', 'me'],
  },
  clauseBreaks: ['but', 'and', 'so', 'because', 'cause', 'cuz', 'bc', 'though', 'although', 'however', 'yet', 'then'],
  person: {
    first: ['i', 'im', 'ive', 'id', 'ill', 'me'],
    subjects: ['i', 'ive', 'id', 'ill'],
    third: [
      'he', 'she', 'they', 'hes', 'shes', 'theyre', 'theyve', 'theyd', 'hed', 'shed', 'someone', 'somebody',
      'anyone', 'anybody', 'people', 'person', 'who', 'friend', 'friends', 'bestie', 'bf', 'gf', 'bff',
      'brother', 'sister', 'sibling', 'mom', 'mum', 'mother', 'dad', 'father', 'parent', 'parents', 'cousin',
      'uncle', 'aunt', 'grandma', 'grandpa', 'grandmother', 'grandfather', 'son', 'daughter', 'boyfriend',
      'girlfriend', 'husband', 'wife', 'partner', 'roommate', 'flatmate', 'coworker', 'colleague',
      'classmate', 'student', 'client', 'patient', 'teen', 'teenager', 'guy', 'girl', 'boy', 'man', 'woman',
      'character', 'kid', 'kids',
    ],
    reporting: [
      'said', 'says', 'saying', 'told', 'tells', 'telling', 'texted', 'texts', 'texting', 'wrote', 'writes',
      'posted', 'posts', 'messaged', 'mentioned', 'admitted', 'confessed', 'claims', 'claimed',
    ],
    thirdForms: [
      '(?:kills|killed|hanged|hung|cuts|cut|burns|hurts|shot|overdosed) (?:him|her|them)sel(?:f|ves)',
    ],
    window: 10,
  },
  frames: [
    'song', 'songs', 'lyrics?', 'chorus', 'verse', 'quote', 'quoted', 'quoting', 'movie', 'film', 'show',
    'series', 'episode', 'scene', 'book', 'novel', 'poem', 'character', 'album', 'meme', 'watched',
    'sang', 'sings', 'asked (?:me )?(?:if|whether)',
    'asks (?:me )?(?:if|whether)', 'asking (?:me )?(?:if|whether)', 'screening', 'questionnaire', 'survey',
  ],
  past: {
    cues: [
      'used to', '\\d+ (?:years?|months?) ago', '(?:years|months|a year|a few years|many years) ago',
      'when i was', 'back in', 'back then', 'in the past', 'as a (?:kid|teen|teenager|child)', 'growing up',
      'years clean', 'in recovery from',
    ],
    present: ['again', 'now', 'nowadays', 'lately', 'recently', 'still', 'currently', 'anymore', 'tonight', 'today'],
  },
  maskTargets: [
    'suicide', 'suicidal', 'kill', 'killing', 'myself', 'die', 'dying', 'dead', 'unalive', 'selfharm',
    'kms', 'cut', 'cutting', 'overdose', 'hang',
  ],
}
