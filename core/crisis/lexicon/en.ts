/**
 * English crisis-risk lexicon. Data only; see types.ts for the pattern conventions
 * (canonical text: lower case, no apostrophes, repeated letters squeezed).
 */
import type { Lexicon } from './types.js'

const ME = '(?:my ?self|me ?self|myslef|mysefl|mysef|myslf)'
const PILL_NAMES =
  '(?:pills|meds|medz|tablets|medication|medications|medicine|sleeping pills|painkillers|medicines|paracetamol|tylenol|ibuprofen|antidepressants|insulin|oramorph|oxynorm|tapentadol|hydromorphone|dilaudid|buprenorphine|subutex|duloxetine|cymbalta|clozapine|aripiprazole|abilify|haloperidol|carbamazepine|depakote|valproate|bisoprolol|digoxin|warfarin|xanax|oxy|aspirin|naproxen|codeine|co[- ]?codamol|temazepam|nitrazepam|dihydrocodeine|co[- ]?dydramol|solpadeine|tramadol|diazepam|valium|sertraline|fluoxetine|prozac|citalopram|amitriptyline|lithium|zopiclone|quetiapine|benadryl|nytol|sleeping tablets|antihistamines|sleeping meds|sleep meds|antipsychotics|benzos|xans|oxys|oxycodone|oxycontin|percs|percocets?|vicodin|hydrocodone|norco|fentanyl|morphine|methadone|opioids|ambien|zolpidem|seroquel|zoloft|lexapro|escitalopram|paxil|paroxetine|effexor|venlafaxine|wellbutrin|bupropion|mirtazapine|remeron|trazodone|klonopin|clonazepam|ativan|lorazepam|alprazolam|gabapentin|pregabalin|lyrica|olanzapine|zyprexa|risperidone|lamotrigine|lamictal|propranolol|adderall|acetaminophen|advil|nurofen|excedrin|promethazine|diphenhydramine|zzzquil|unisom|nyquil)'
/**
 * The same names behind an empty lookahead, which matches everywhere: V8 then compiles what follows it once
 * instead of once for every way the pattern can reach it (a pattern with an amount and a gap before the name
 * compiled to about 400 KB of machine code, a third of it these names over and over). Used where the names
 * do not begin a pattern (a leading lookahead would send it to WordAlternation's word-edge scan).
 */
const PILLS = `(?=)${PILL_NAMES}`
const MEANS_NOUN = `(?:${PILL_NAMES}|rope|noose|gun|pistol|rifle|shotgun|revolver|knife|blade|blades|razor|razors|bullets)`
/**
 * A goodbye for now ("see you tomorrow", "last message tonight") is not a final one. The words of a
 * later meeting are read anywhere after the goodbye; a period the goodbye is bounded by ("last
 * message from me today", "this week") only in its own sentence (decision 060).
 */
const NOT_SOON =
  '(?!.*\\b(?:see (?:you|u|ya|yall|everyone)|cya|next (?:week|time|session)|tomorrow|later|soon|tonight|for now|for today|for the night|for a while|before|until|till)\\b)(?![^.!?]*\\b(?:today|this (?:morning|afternoon|evening|week|weekend))\\b)'
/** Means named in an ordinary task ("holding a knife to cut the onions", "pills for headaches"). */
const ROUTINE =
  '(?! (?:for|to|because|while|so)\\b)(?![^.!?]*\\b(?:cook\\w*|chop\\w*|slic\\w*|dinner|lunch|kitchen|dose|headaches?|migraines?|cramps|prescribed|pharmacy|normal|usual|as always|soup|carrots?|onions?|potato\\w*|veg\\w*|bread|cheese|fruit|apples?|steak|meat|salad|weekly|daily|organi[sz]er|pill ?box|dosette|vitamins)\\b)'
/** Ordinary reasons to be at a height or by the tracks (repairs, a view, a drink, sport, waiting for a train to ride). */
const LEISURE =
  '(?![^.!?]*\\b(?:fix\\w*|repair\\w*|gutters?|tiles|aerial|antenna|view|sunset|sunrise|stars|sun\\w*|tea|coffee|beer|wine|drinks?|smok\\w*|bbq|barbecue|party|birthday|picnic|fireworks?|terrace|till|until|photos?|pictures?|film\\w*|video\\w*|trainspott\\w*|climb\\w*|bungee|hik\\w*|fishing|commute|late again|delayed|see you|office|work)\\b)'
/** A sentence with a large amount, all of something, or an unnamed thing, taken a short while ago. */
const AGO =
  '(?:\\d+|an?|half an?|one|two|three|few|couple of|ten|fifteen|twenty|thirty|forty) ?(?:mins?|minutes?|hours?|hrs?) ago'
const HIGH_PLACE =
  '(?:bridge|footbridge|viaduct|flyover|roof|rooftop|building|balcony|cliff|window|ledge|overpass|tower|parking garage|car park|multi[- ]?storey|tower block)'
/** Taking or swallowing, any tense ("took", "swallowed", "gonna take", "just downed"). */
const TAKE =
  '(?:took|taken|swallowed|downed|necked|popped|have taken|just took|take|taking|swallow|swallowing|down|downing)'
/** Food, sweets and supplements: what a box of which is no overdose ("took the entire box of cereal"). */
const FOOD =
  '(?:cereal|cookies?|biscuits?|chocolates?|candy|sweets|crisps|chips|pizza|donuts?|doughnuts?|cakes?|snacks?|popcorn|gum|mints?|vitamins?|supplements?|fish oil|probiotics?|tea|coffee|juice|beer|wine|cigarettes?|smokes|fags|tissues|food|lunch|dinner|breakfast|moving|packing|unpacking|parcels?|delivery|recycling|baked|delicious|tasty|yummy)'
/** A routine dose earlier in the act's clause ("i take my meds every day", "…, but today" starts a new one). */
const NOT_A_DOSE_BEFORE = `(?<!\\b${FOOD}\\b[^.!?]*)(?<!\\b(?:every (?:day|morning|night|evening)|daily|always|usually|as prescribed)\\b(?:(?!\\b(?:but|today|tonight|now|then)\\b)[^.!?,])*)`
/** …and after it in its sentence, or a supply taken along rather than swallowed ("took my month of meds with me"). */
const NOT_A_DOSE_AFTER = `(?![^.!?]*\\b(?:${FOOD}|as prescribed|as usual|with food|every (?:day|morning|night)|daily|with me|along|on (?:holiday|vacation|the trip)|to (?:camp|work|school|the car|my room)|in my bag|packed|by accident|by mistake|accidentally)\\b)`
/** A container's worth, which names a medicine by itself: "the entire box", "a whole strip", "my whole bottle". */
const PACK =
  '(?:(?:the|my|a|an) (?:whole|hole|entire|full) (?:box|bottle|pack|packet|strip|blister|blister pack|tub|jar|supply|prescription)|an entire (?:box|bottle|pack|packet|strip))'
/** A stretch of doses: "a whole weeks worth", "my entire month of", "two weeks worth". */
const SUPPLY =
  '(?:(?:a|my|the|an) (?:whole|entire|full) |(?:two|three|four|\\d) )?(?:week|month|fortnight)s? (?:worth|supply)'

/** Words chat puts between a verb and its object ("took like all of", "just literally swallowed"). */
const FILL =
  '(?:(?:just|already|literally|like|basically|finally|actually|about|around|maybe|probably|almost|over|nearly|pretty much|honestly|now|rn) ){0,2}'
/** An amount of medicine beyond a dose, before the medicine's name or "of" it: "all of my", "a handful of", "way too many", "every last one of my", "30" (behind an empty
 * lookahead, compiled once: see PILLS). */
const MANY =
  '(?=)(?:all (?:of )?(?:my|the|those|these|mums?|moms?|dads?)|(?:half|most|the rest) (?:of )?(?:a|the|my|an) (?:whole |full |entire |new )?(?:bottle|pack|packet|box|strip|blister|tub|jar) of(?: (?:my|the))?|(?:a|the|my|an) (?:whole |hole |full |entire |big |huge |shit |fuck |fucking )?(?:bottle|pack|packet|box|strip|blister|handful|fistful|load|bunch|ton|heap|pile|tub|jar) of(?: (?:my|the))?|(?:(?:way|far|so) )?too many|so many|(?:(?:way|far|so) )?too much of (?:my|the)|every (?:last |single )?(?:one )?(?:of )?(?:my|the)|\\d{2,}(?: of(?: (?:my|the))?)?|(?:fifteen|twenty|thirty|forty|fifty|sixty|a hundred)(?: of(?: (?:my|the))?)?)'
/** A dose for an ailment, owed, routine or an accident in the act's sentence: "took a handful of painkillers for my back". */
const FOR_PAIN =
  '(?![^.!?]*\\b(?:for (?:my |the |a |this )?(?:headache|head|pain|back|tooth\\w*|cold|flu|fever|migraine|cramps|period|hangover|knee|neck)|prescribed|from now on|regularly|properly|like (?:i|im) (?:supposed|meant) to|(?:the|my) (?:doctor|gp|psychiatrist) (?:said|says|told)|(?:to|into) (?:the )?(?:pharmacy|chemist|clinic|doctor|hospital|bin)|back to|return\\w*|dispos\\w*|get rid)\\b)'
/** An ailment, a doctor or a dose in the sentence: what a medicine's effect is felt from ("dizzy after those antihistamines for my hay fever"). */
const AILMENT =
  '(?![^.!?]*\\b(?:cold|flu|hay ?fever|allerg\\w*|headaches?|migraines?|pain|back|tooth\\w*|period|cramps|hangover|doctor|gp|dose|side effects?)\\b)'
/**
 * An overdose told as a past event: a week or days ago, or with its aftermath ("took a load of pills last week, they
 * pumped my stomach" is a recent attempt, `high`, not one in progress).
 */
const TOLD_PAST =
  '(?<!\\b(?:last (?:week|month|weekend)|days ago|weeks ago|the other day)\\b[^.!?]*)(?![^.!?]*\\b(?:last (?:week|month|weekend)|days ago|weeks ago|the other day|woke up|pumped my stomach|stomach pumped|survived|puked them up|threw them up)\\b)'
/** Said of a dose on time ("took all my meds today", "going to take all my pills tonight like always"). */
const ON_TIME =
  '(?! (?:today|this morning|tonight like|on time|a day|per day|each day|every|daily|a week|for the (?:day|week))\\b)'
/** Ordinary things to do on a ledge or at a height, besides LEISURE's. */
const LEDGE_TASK = '(?![^.!?]*\\b(?:read\\w*|book|cat|plants?|paint\\w*|clean\\w*|window clean\\w*|pigeons?|birds?)\\b)'

/** Second English rules audit (issue 12, audit set 1): poisons and drinks named beside a method. */
const POISON =
  '(?:antifreeze|bleach|weedkiller|weed killer|rat poison|poison|drain cleaner|paraquat|pesticide|slug pellets)'
/** A new clause begun with no punctuation ("took all of them im scared"): where a sentence end is read, so is this. */
const RUN_ON = ' (?:i|im|ive|idk|pls|please|help)\\b'
/** Chat spellings of tonight. */
const TONIGHT = '(?:tonight|tonite|tonigth|2nite|2night|tnite)'
const ALCOHOL = '(?:vodka|alcohol|wine|whiskey|whisky|booze|beer|rum|gin|tequila|brandy|cider|spirits)'

export const en: Lexicon = {
  language: 'en',
  detection: {
    letters: '',
    words: [
      'the',
      'and',
      'i',
      'im',
      'ive',
      'id',
      'my',
      'me',
      'you',
      'is',
      'it',
      'of',
      'want',
      'wanna',
      'dont',
      'cant',
      'this',
      'that',
      'just',
      'so',
      'with',
      'for',
      'be',
      'have',
      'feel',
      'anymore',
      'what',
      'about',
      'not',
      'all',
      'myself',
      'tonight',
      'going',
      'gonna',
      'really',
      'tbh',
      'idk',
      'lol',
      'ngl',
      'die',
      'kill',
      'everyone',
      'bye',
      'hate',
      'life',
      'never',
      'would',
      'will',
      'can',
      'am',
      'are',
      'was',
      'thanks',
      'today',
      'tomorrow',
      'anyone',
      'honestly',
      'yourself',
      'think',
      'thinking',
      'again',
      'because',
      'when',
      'why',
      'how',
      'wish',
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
        '(?:stopped|stop|quit) caring (?:about )?what happens to me',
        '(?:whats|what is) (?:even )?the point (?:of|in) (?:getting better|recovering|recovery|therapy|treatment|meds|any of this|being here|staying|going on)',
        '(?:feel like )?(?:im|i am) drowning(?= *(?:[.,!?]|$|and|inside))',
        '(?:im|i am) (?:so |just |completely )?over (?:living|life|being alive|existing)',
        '(?:whats|what is) (?:even )?the use(?: of (?:anything|living|trying|it all))?(?: anymore)?(?= *(?:[.,!?]|$|anymore|honestly|tbh))',
        '(?:just )?existing,? (?:not|and not) (?:really )?living',
        '(?:tired|sick|exhausted) of (?:everything|it all|trying|fighting|existing|surviving)',
        '(?:i have|theres|there is) no future(?: for me)?',
        '(?:it|things|life|this) (?:will|is) (?:never|not ever) (?:going to )?(?:get|be|gonna get) better',
        'everything is (?:falling apart|hopeless|pointless)',
        '(?:feel|feeling|im|am) (?:so |completely |totally |just )?(?:empty|numb|worthless|hopeless)(?: and (?:empty|numb|worthless|hopeless))?',
        '(?:im|i am) (?:completely |totally |just )?(?:worthless|useless|nothing)(?= *(?:[.,!?]|$|and|to anyone))',
      ],
    },
    {
      id: 'en.hopelessness',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        '(?:cant|cannot|can not) (?:do|take|handle) (?:this|it) any ?more',
        '(?:cant|cannot|can not) (?:go on|keep going|carry on)(?: like this)?',
        '(?:dont|do not|cant) see (?:the|any) point(?: in (?:anything|living|trying|going on|life))?',
        '(?:dont|do not) (?:have|see) (?:a|any) reason to (?:live|keep going|go on|stay)',
        'no reason to (?:live|keep going|go on|stay alive)',
        '(?:theres|there is|have|got) nothing (?:left )?(?:to get up for|to live for|keeping me (?:here|alive)|holding me here)',
        'nothing (?:is )?(?:keeping|holding) me (?:here|alive)(?: anymore)?',
        '(?:theres|there is) no (?:hope|future) (?:for me|left)',
        'nothing (?:ever )?(?:matters|changes|gets better)(?: anymore)?',
        '(?:theres|there is) nothing left for me',
        '(?:theres|there is) no way out',
        'no point (?:in )?(?:living|trying|anything|going on|being alive|carrying on)',
        'no use (?:in )?(?:living|trying|going on)',
        'nothing (?:will|is going to|s going to) (?:ever )?(?:get|be) better',
        '(?:cant|cannot|can not|dont|do not) see (?:a|any) (?:way (?:forward|out)|future|light)',
        'no way (?:forward|out)',
        '(?:dont|do not) (?:think|know if|know whether) i can (?:keep|go on|keep going|keep doing this|do this|take (?:it|this|much more))',
        '(?:cant|cannot) remember the last time i (?:wanted to (?:be alive|live)|was happy|felt okay)',
        'no way (?:this|it|things|life) (?:will )?(?:ever )?(?:gets?|is going to get|will get) better',
        '(?:dont|do not|cant|cannot) see myself (?:being )?(?:around|alive|here|living)(?: much longer| for long| in (?:a few|\\d+|five|ten) years)?',
        '(?:dont|do not) care (?:if|whether) i (?:live or die|live|die|wake up|make it)',
        '(?:hope|hopes|hoping|wish|pray) (?:that )?i (?:\\w+ ){0,6}(?:dont|do not|never|wont) (?:recover|wake up|survive|make it|come back)',
        '(?:life|living|my life) (?:isnt|is not|aint) worth (?:it|living)',
        // Third English rules audit (issue 12, audit set 2): no future worth having, nothing's going to change, not one more night.
        'no future (?:worth (?:having|living for|anything)|left|ahead(?: of me)?|at all)(?= *(?:[.,!?]|$))',
        '(?:nothings (?:ever )?(?:going to|gonna) (?:ever )?(?:get better|change|improve)|nothing(?: is)? (?:ever )?(?:going to|gonna|will) (?:ever )?(?:change|improve|be different))(?= *(?:[.,!?]|$| for me| anyway))',
        '(?:cant|cannot|can not) do (?:this |it )?(?:one more|another) (?:night|day|week|morning)(?: of (?:this|it))?(?= *(?:[.,!?]|$))',
        // Third English rules audit (issue 12, audit set 2): no light at the end of the tunnel.
        'no light at the end of (?:the|this|my) tunnel(?: for me| anymore)?(?= *(?:[.,!?]|$))',
        // Third English rules audit (issue 12, audit set 2): reasons to stay running out, a life with no meaning.
        '(?:running out of|run out of|ran out of|cant find any|cant find a) reasons? to (?:stay|live|keep going|be here|go on|stay alive|keep living)(?= *(?:[.,!?]|$)| (?:alive|here|anymore|any more)\\b)',
        '(?:life|my life|living|existing) (?:has|holds) no (?:meaning|purpose|point)(?: for me)?(?: any ?more)?(?= *(?:[.,!?]|$))',
      ],
    },
    {
      id: 'en.burden',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        '(?:everyone|everybody|the world|they|my family|people|you all|yall) (?:would|will|d) be better (?:off )?without me',
        'better off without me',
        '(?:would|will|d) be (?:better|happier|lighter|easier|fine|okay|ok|relieved|freer)(?: off)? (?:without me|if i (?:was|were) gone)',
        '(?:relieved|happier|better off) if i (?:was|were|am) gone',
        '(?:happier|better off|easier|better) (?:if|when) i (?:just )?(?:vanished|disappeared|was gone|were gone|died|left for good)',
        '(?:im|i am|feel like) (?:such |just )?a (?:burden|waste of space)',
        '(?:im|i am) (?:just )?a waste of (?:space|oxygen|air|a life|skin)',
        '(?:im|i am|feel like im|feel like i am) (?:just |only )?taking up (?:space|room|air)(?= *(?:[.,!?]|$|here|in (?:this|the) world|on this (?:earth|planet)|and))',
        // Second English rules audit (issue 12, audit set 1): a weight or a drain others carry.
        '(?:im|i am|feel like im|feel like i am) (?:just |only |nothing but )?(?:a|such a) (?:weight|drain|millstone|dead weight|liability)(?: (?:on|for|to) (?:everyone|everybody|them|my family|you all|people)| (?:that )?(?:everyone|everybody|they|people|my family) (?:has|have|had) to (?:carry|deal with|put up with|drag))',
      ],
    },
    {
      id: 'en.burden',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        '(?:nobody|no one|noone) would (?:even )?(?:notice|care|miss me)',
        // Third English rules audit (issue 12, audit set 2): a child better off with another parent, a weight round
        // everyone's neck, nobody noticing if one stopped for good, others doing better without me.
        '(?:will|would|d) (?:do|manage|cope|get on) (?:so much |much |far |a lot )?better without me(?<!\\b(?:team|squad|band|club|company|class|department|office|group|project)\\b[^.!?]*)(?![^.!?]*\\b(?:captain|coach|manager|boss|job|work|role|project|band|squad|club|company|class|group chat)\\b)',
        '(?:im|i am|feel like im|feel like i am|feel like) (?:just |only )?(?:a|such a) (?:weight|millstone|dead weight|albatross) (?:round|around) (?:everyones|everybodys|their|your|my (?:familys|wifes|husbands|kids|parents|mums|moms|dads)) necks?',
        '(?:nobody|no one|noone)(?: \\w+){1,3}? would (?:even )?(?:notice|care) if i (?:just )?(?:\\w+ ){0,3}?(?:forever|for good|permanently|died|disappeared|vanished|was gone|were gone)\\b',
        '(?:shed|hed|theyd|she would|he would|they would|(?:the |my |our )?(?:baby|babies|kids?|children|son|daughter|boys|girls) (?:would|d|will)) be (?:so much |much |far )?better off with (?:a |another |someone |somebody )?(?:(?:real|proper|better|different|new|normal|good) )?(?:mum|mom|mother|dad|father|parent|parents|carer|family)(?= *(?:[.,!?]|$)| (?:who|that|than me)\\b)',
      ],
    },
    // ---- concern: passive wish to be dead
    {
      id: 'en.ideation.passive',
      level: 'concern',
      kind: 'passive',
      patterns: [
        '(?:want|wants|wanted|wanting|wanna|wnat|wnt|watn) (?:to )?(?:just )?(?:die|be dead|stop existing|cease to exist|un-?exist)',
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
        '(?:disappointed|upset|angry|sad|annoyed) (?:that )?i (?:woke up|am still alive|survived|am still here)',
        '(?:sick|tired|exhausted) of (?:being alive|being here|living)',
        'wish i (?:could|would) (?:just )?die',
        'let me die',
        '(?:want|wanna) to (?:just )?(?:stop feeling|not feel anything)(?: anything)?,? (?:permanently|forever|for good)',
        '(?:want|wanna|wish i could) (?:to )?(?:go to )?sleep (?:forever|for ever|and never wake)',
        '(?:wish|hope) (?:it|everything) would (?:all )?(?:just )?end',
        '(?:wish|hope|pray) (?:a|some|that a) (?:meteor|asteroid|bus|truck|car|plane|lightning)(?: \\w+)? would (?:just )?(?:hit|kill|take) me',
      ],
    },
    {
      id: 'en.ideation.passive',
      level: 'concern',
      kind: 'passive',
      patterns: [
        '(?:dont|do not|no longer) want to (?:live|be alive|exist|be here|wake up)(?: anymore)?',
        '(?:wouldnt|would not) mind (?:dying|if i died|if i (?:didnt|did not) wake up|not waking up)',
        'hope i (?:dont|do not|never) wake up',
        'wish i (?:was|were|had) never (?:been )?born',
        '(?:go to |fall )?sleep and (?:never|not) wake up',
        '(?:easier|better|happier|better off) if i (?:just )?(?:wasnt|was not|werent|were not|didnt|did not) (?:alive|here|around|born|exist)',
        '(?:pray|hope|wish) (?:that )?i (?:wont|will not|dont|do not|never) wake up',
        '(?:dont|do not|never) want to wake up(?: again| tomorrow| anymore)?',
        '(?:dont|do not) want to be alive',
        'think(?:ing)? about not existing',
        '(?:id|i would|i d|il|i will) be (?:fine|ok|okay|happy|glad|relieved|at peace) (?:if|to) (?:i )?(?:just )?(?:didnt|did not|never|not|wouldnt) (?:wake|waking) up',
        // Second English rules audit (issue 12, audit set 1): a death not minded told as an if, a funeral, fading out, sleeping and not getting up.
        'if (?:a|some|the) (?:bus|car|truck|lorry|train|meteor|asteroid)(?: \\w+)? (?:hit|hits|ran over|runs over|killed|kills|took) me(?: \\w+){0,2},? (?:i (?:wouldnt|would not) (?:mind|care)|(?:i think |honestly |tbh )?(?:id|i would|i d) be (?:relieved|glad|grateful|thankful))',
        '(?:would|will) (?:anyone|anybody|people|any of you) (?:even )?(?:come to|show up (?:at|to|for)|turn up (?:at|to|for)|go to|cry at) my funeral',
        'who (?:would|will|is going to) (?:even )?(?:come|show up|turn up|go) to my funeral',
        // Third English rules audit (issue 12, audit set 2): a funeral told as nearly empty.
        'my funeral (?:would|will|d|is going to|gonna)(?: only| just)? (?:be|have) (?:like |about |maybe )?(?:empty|tiny|(?:\\d+|one|two|three|four|five|a few|a handful of|hardly any|no) (?:people|person|folk|mourners)|(?:just |only )?(?:my (?:mum|mom|dad|parents)|the vicar|the priest))',
        '(?:id|i would|i d) (?:like|love) to (?:just )?(?:fade (?:out|away)|vanish|disappear forever|cease to exist|stop existing|not exist|not wake up)(?= *(?:[.,!?]|$|(?:forever|completely|for good|and|sleep)\\b))',
        '(?:go|going|gonna) to sleep (?:\\w+ ){0,2}and (?:never|not) (?:wake|get) up(?![^.!?]*\\b(?:till|until|before|early|late|noon|alarm|lie in|weekend)\\b)',
        // Third English rules audit (issue 12, audit set 2): hating being alive.
        'i (?:just |really |honestly )?hate being alive',
        // Third English rules audit (issue 12, audit set 2): just waiting to die.
        '(?:im|i am|feel like im|feel like i am|i feel like im|i feel like i am) (?:just |only |basically |literally )?waiting (?:to die|for (?:death|the end|it all to end))(?= *(?:[,!?]|\\.(?!\\.)|$))(?![^?]*\\b(?:bored\\w*|boredom|queue|traffic|lol|haha)\\b)',
      ],
    },
    {
      id: 'en.suicide.mention',
      level: 'concern',
      kind: 'mention',
      generic: true,
      bare: true,
      patterns: ['suicid\\w*', 'unaliv\\w*', '(?:sucid|suicd|suisid)\\w*'],
    },
    // ---- high: thoughts, active ideation, self-harm
    {
      // Named without a speaker: the speaker's own only with a first-person word in the sentence.
      id: 'en.ideation.thoughts',
      level: 'high',
      kind: 'thoughts',
      bare: true,
      // "is/are/was/were suicidal" only with the speaker as its subject: "pigeons are suicidal", "that
      // tax is suicidal" and "you were suicidal" are left to the generic mention and the model.
      patterns: [
        '(?:i|me) (?:was|were) suicidal',
        '(?:my|mine) (?:\\w+ ){0,2}(?:is|are|was|were) suicidal',
        'suicidal (?:thoughts|ideation|feelings|urges|tendencies)',
      ],
    },
    {
      id: 'en.ideation.thoughts',
      level: 'high',
      kind: 'thoughts',
      patterns: [
        '(?:im|i am|feel|feeling|felt|been|so|really|very|pretty|kinda|getting) (?:suicidal|sucidal|suicdal|suisidal)',
        'suicidal (?:again|rn|right now)',
        '(?:think|thinking|thought|thoughts|considering|contemplating|obsessing) (?:about |of )?(?:suicide|sewerslide|sucide|suicde|suiside|ctb)',
        '(?:picturing|imagining|planning|thinking about|thinking of) (?:how|ways) (?:id|i would|to|il|i will|im going to|im gonna|i could|i can|i might) (?:do it|die|end it)(?= *(?:[.,!?]|$|and|but|tonight|soon))',
        'ways to (?:do it|end it)',
        '(?:thinking about|thinking of|been) (?:sewerslide|self[- ]?deleting)',
        '(?:suicide|killing myself|ending my life|ending it) (?:is |has been |keeps |is always |is constantly )?(?:on my mind|in my head|all i (?:can )?think about)',
        '(?:googl\\w*|search\\w*|looking up|looked up|researching|researched|reading about) (?:\\w+ ){0,2}(?:how many|how much|lethal|ways to (?:die|do it|kill)|how to (?:die|overdose|kill myself))',
        `how (?:many|much) (?:of )?(?:\\w+ ){0,2}${PILLS} (?:\\w+ ){0,2}(?:it would take|would it take|it takes|does it take|to die|would kill|to overdose)`,
        '(?:voices?|brain|head|mind|thoughts?|something) (?:\\w+ ){0,2}(?:telling|screaming at|yelling at|tell|tells|whispering to|ordering) me to (?:die|kill myself|end it|end my life|hurt myself)',
        // Second English rules audit (issue 12, audit set 1): looking up which trains do not stop or which pills
        // are least painful, scouting where it would be easiest, a crash thought about, knowing where and with what.
        `(?:googl\\w*|search\\w*|look(?:ed|ing)? up|research\\w*|read(?:ing)? (?:up )?(?:about|on)|check(?:ed|ing)?) (?:\\w+ ){0,2}which (?:\\w+ ){0,2}(?:trains? (?:dont|do not|doesnt|does not|wont) stop|(?:${PILLS}|pills?|tablets?|drugs|ways?|methods?) (?:are|is|would be|work) (?:the )?(?:least painful|most painful|painless|quickest|fastest|most lethal|deadliest|lethal|strongest)|(?:bridges?|buildings?|cliffs?|car parks?)(?: \\w+){0,3}? (?:is|are) (?:the )?(?:highest|tallest))(?![^.!?]*\\b(?:get on|catch|wrong (?:one|train)|commut\\w*|timetable|late|journey|visit\\w*|trip|holiday|sightseeing|photos?|view)\\b)`,
        `(?:went|gone|been|go|going|drove|walked|climbed) (?:up )?(?:to|onto) the (?:top (?:floor |level )?of (?:the |a )?)?(?:\\w+ )?(?:${HIGH_PLACE}|cliffs|multi[- ]?storey)(?: \\w+){0,3}? (?:just )?to (?:see|check|look at) how (?:high (?:up )?it is|far (?:down )?it is|far the drop is|big the drop is|long the drop is|high the drop is)${LEISURE}(?![^.!?]*\\b(?:amazing|cool|fun|kids|tour\\w*|holiday|lift|stairs|museum|survey\\w*|measur\\w*)\\b)`,
        '(?:to|and) (?:see|check|work out|figure out|find|look) (?:out )?(?:where|which (?:spot|part|bit|side|one)) (?:it(?:d| would| will|ll)|i(?:d| would| could|ll| should| can)) (?:be )?(?:easiest|best|quickest|highest|do it|jump|go over|go off|not survive|not be found)(?= *(?:[.,!?]|$)| (?:from|and|off|if)\\b)',
        '(?<!\\b(?:nervous|anxious|anxiety|learner|lessons?|test|insurance|ocd)\\b[^.!?]*)(?:think\\w*|thought|fantasi\\w*|imagin\\w*|picturing|daydream\\w*) (?:about |of )?(?:just )?(?:crashing (?:my |the )?car|(?:driving|steering|swerving|crashing|wrapping|rolling) (?:my |the )?(?:(?:car|van|truck|lorry|tractor|motorbike|bike|pickup|rig|quad) )?(?:into|off|round) (?:a |the )?(?:tree|wall|bridge|river|lake|truck|lorry|cliff|pole|oncoming|barrier))(?![^.!?]*\\b(?:nervous|anxious|anxiety|learner|lessons?|test|insurance|by accident|accidentally|nightmares?|game|simulator|sim|gta|forza|lol|ice|snow|tired)\\b)',
        'i know (?:exactly )?(?:where (?:id|i would|il|i will|i could|to) go|how (?:id|i would|il|i will|to) do it|what (?:id|i would|il|i will|i could|to) use) and (?:what (?:id|i would|il|i will|i could|to) use|how (?:id|i would|il|i will|to) do it|where (?:id|i would|il|i will|to) go)(?![^.!?]*\\b(?:if i had|holiday|trip|shop\\w*|recipe|cook\\w*|paint\\w*|craft\\w*|garden\\w*|build\\w*|project|money|won|lottery)\\b)',
        // Third English rules audit (issue 12, audit set 2): a method thought through ("worked out how id do
        // it"), traffic and the thought of stepping out, using the means all one thinks about, scouting a broken fence.
        '(?:thought|thinking|worked|working|figured|figuring|planned|planning|mapped|mapping) (?:it )?(?:through|out) (?:exactly )?(?:how|where|when) (?:id|i would|il|i will|im going to|im gonna|i could|i might) (?:do it|die|end it|jump)(?= *(?:[.!?]|$)| (?:and|but)\\b)(?![^.!?]*\\b(?:if i (?:had|won|could afford)|money|lottery|extension|kitchen|project|build\\w*|recipe|essay|puzzle|level|boss)\\b)',
        // Looking up how much of something it would take, or how long dying takes (the sentence ends there).
        '(?:googl\\w*|search\\w*|looking up|looked up|researching|researched|reading about|read(?:ing)? up(?: on| about)?) (?:\\w+ ){0,2}(?:how (?:many|much) (?:\\w+ ){1,3}(?:it would take|would it take|it takes|does it take|it d take)(?= *(?:[.!?]|$)| to (?:die|kill|do it)\\b)|how long (?:it )?(?:\\w+ ){0,2}?(?:takes?|would take|does it take) to (?:die|freeze to death|bleed out|drown|suffocate|lose consciousness))',
        '(?:lorry|lorries|truck|trucks|bus|buses|train|trains|tram|trams|car|cars|traffic)(?: \\w+){0,5}? (?:i )?(?:think|thinking|thought|imagine|imagining|picture|picturing|want|wanna|feel like) (?:about |of )?(?:just )?(?:stepping|walking|jumping|running|step|walk|jump|run) out(?: in front(?: of (?:it|them|one))?)?(?= *(?:[.,!?]|$))',
        '(?:using|taking|grabbing|getting|holding|loading) (?:it|them|that|one)(?<=\\b(?:gun|guns|rifle|shotgun|pistol|revolver|rope|noose|pills|tablets)\\b[^?]{0,120}?) (?:is |has been )?(?:all|the only thing) i (?:can )?(?:think|dream) (?:about|of)(?![^.!?]*\\b(?:range|hunt\\w*|season|club|clay|target|shoot\\w*|game|lol)\\b)',
        `(?:went|drove|walked|go|going|been|gone|cycled|headed) (?:out |up |down |back )?(?:to|onto) the (?:\\w+ )?(?:quarry|cliffs?|viaduct|tracks|railway|reservoir|dam|${HIGH_PLACE}|multi[- ]?storey)(?: \\w+){0,5}? to (?:see|check|look) (?:if|whether) (?:the )?(?:fence|barrier|gate|railings?|netting|mesh|cameras?|cctv|lock|padlock) (?:is|are|was|were) (?:still )?(?:broken|open|down|gone|missing|off|low|unlocked)${LEISURE}(?![^.!?]*\\b(?:council|report\\w*|sheep|cows?|cattle|livestock|horses?|dog|kids|farm\\w*|field)\\b)`,
        // Third English rules audit (issue 12, audit set 2): how easy it would be, thought of; letters written "in case".
        '(?:think\\w*|thought|imagin\\w*|wonder\\w*|picturing) (?:about )?how (?:easy|quick|simple|peaceful) it (?:would|d|will) be to (?:just )?(?:go in|jump|step (?:off|out|in front)(?: (?:of )?(?:the|a) (?:\\w+ )?(?:edge|ledge|platform|bridge|roof|kerb|curb|train|lorry|truck|bus))?|let go|drive off|swerve|end it|fall|slip (?:in|under|away)|go under|not come back|do it)(?= *(?:[.,!?]|$))',
        '(?:writing|wrote|written|started writing|write) (?:\\w+ ){0,2}(?:letters|a letter|notes|a note) (?:to|for) (?:my|each of my|all my) (?:\\w+ )?(?:kids|children|family|parents|mum|mom|dad|wife|husband|partner|son|daughter|sister|brother|boys|girls)s? (?:just )?in case(?= *(?:[.,!?]|$))',
        // Third English rules audit (issue 12, audit set 2): means kept in mind ("i keep thinking about the pills in the cupboard").
        '(?:keep|kept|cant stop|always) (?:thinking|think|thought|dreaming|obsessing) (?:about|of) (?:the|my|those|that|all the|all my|dads|\\w+s) (?:\\w+ )?(?:pills|tablets|meds|rope|noose|gun|shotgun|rifle|pistol|blades?|razors?)(?= *(?:[.,!?]|$)| (?:in|under|on|at|from|behind)\\b)(?![^.!?]*\\b(?:dose|doctor|gp|side effects?|prescri\\w*|forgot|forget|remember\\w*|taking|refill|pharmacy|shop\\w*|range|hunt\\w*|season)\\b)',
      ],
    },
    {
      id: 'en.ideation.active',
      level: 'high',
      kind: 'active',
      patterns: [
        `(?:kill|killing|killin|killed|kills|kms|unalive|unaliving|unalived|end|ending|endin|offing) ${ME}`,
        `(?:to|wanna|gonna|just|ill|will|might|could|should|gotta) off ${ME}`,
        'kms',
        `(?:do|top|neck|rope) ${ME}(?: in)?`,
        '(?:want|wanna|going|gonna) (?:to )?rope(?= *(?:[.,!?]|$|tonight|today|soon))',
        '(?:think|thinking|thought|considering|want to|wanna|going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|plan to|planning to)(?: about| of)? end(?:ing)? (?:things|it)(?! (?:with|between|for|because|after|before)\\b)(?= *(?:[.,!?]|$|tonight|today|soon|now|for good|permanently))',
        '(?:commit|committing|commited) (?:suicide|sewerslide|die|sucide|suicde|suiside)',
        'sewerslide',
        'self[- ]?delete',
        '(?:want|wanna|going|gonna|plan|planning|about|ready) (?:to )?unalive',
        '(?:end|ending) (?:my|my own) life',
        '(?:take|taking) my (?:own )?life',
        '(?:end|ending) it all',
        'end (?:it|things|everything) (?:for good|permanently|once and for all)',
        'easy to (?:just )?end it(?= *(?:[.,!?]|$|all))',
        '(?:end|ending) everything',
        '(?:want to|wanna|going to|goin to|going 2|goin 2|gonna|gunna|gna|just|il|will|finna|imma|ima|about to|ready to) end it(?= *(?:[.,!?]|$|tonight|today|now|soon|rn|right now|(?:tomorrow|at (?:midnight|dawn|sunrise|\\d)|this (?:weekend|week)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:an|a few|\\d+) (?:hours?|minutes?|mins))(?![^.!?]*\\b(?:with|between)\\b)|honestly|tbh|already|fr|for real|ngl))(?!(?: (?:rn|right now|honestly|tbh|already|fr|for real|ngl))+ (?:with|between)\\b)',
        // English rules audit (issue 12): "ctb" (catch the bus), the easy way out wanted or intended.
        '(?:want to|wanna|going to|goin to|going 2|goin 2|gonna|gunna|gna|plan to|planning to|ready to|about to|finna|imma|ima|decided to|gonna finally|time to) ctb',
        '(?:want to|wanna|going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|finna|imma|ima|thinking (?:about|of)|considering|might|should|will|ill) (?:just )?tak(?:e|ing) the easy way out(?= *(?:[.,!?]|$|tonight|today|now|soon|rn))',
        '(?:attempt|attempted|attempting) suicide',
        // A recent attempt told as trying to end it (not ending things with someone).
        '(?:tried|trying|attempted) to (?:end it|end things|go through with it)(?= *(?:[.,!?]|$|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (?:night|week|month)|yesterday|again|twice|this (?:week|month|year)))',
        '(?:die|dying) by suicide',
        // Second English rules audit (issue 12, audit set 1): dying wanted for real this time.
        // "Suicide" used as a verb, a second-language slip ("i will suicide"); its topics (prevention, awareness) are idioms.
        '(?:want to|wanna|going to|goin to|gonna|gunna|will|il|plan to|planning to|try to|trying to|decided to|about to|ready to|might|may) (?:just |finally )?suicide(?!-| (?:myself )?(?:is|was|rates?|prevention|awareness|squad)\\b)',
        '(?:want to|wanna|going to|goin to|going 2|goin 2|gonna|gunna|gna|ready to) (?:just )?(?:die|end it|kill myself) (?:for real |for good |fr )?(?:this time|like (?:actually|really) do it|and (?:actually|really) do it)',
        // Third English rules audit (issue 12, audit set 2): a game's words for leaving life ("uninstalling life
        // tonight"), suicide named and then "because i want to do it".
        '(?:uninstall\\w*|unsubscrib\\w*|rage ?quit\\w*|quit\\w*|log\\w* (?:out|off)(?: of)?|delet\\w*|exit\\w*) (?:from )?(?:life|irl|real life|existence)(?= *(?:[.,!?]|$)| (?:tonight|today|now|rn|soon|for good|forever|permanently|fr)\\b)',
        'suicid\\w*[^.!?]{0,60}? (?:because|cause|cuz|coz|bc|since|and|but) i (?:really )?(?:want to|wanna|am going to|m going to|im going to|gonna|will|plan to|intend to) (?:do it|go through with it)(?= *(?:[.,!?]|$))',
        // Third English rules audit (issue 12, audit set 2): "im ending it" in the present with a time, slang or irl.
        `(?:(?:im|i am|i m) (?:just |finally |really )?|(?<=(?:^|[.!?,;] *)))ending (?:it|things|it all)(?= *(?:[.,!?]|$)| (?:${TONIGHT}|tn|today|now|rn|right now|soon|for good|this time|irl|fr)\\b)(?![^.!?]*\\b(?:with|between|series|season|show|book|story|chapter|stream|game|campaign|relationship|contract|lease|subscription|membership|diet|streak|call|meeting)\\b)`,
        // Third English rules audit (issue 12, audit set 2): the guts to do it wished for, the fear of acting on it.
        '(?:wish|if only) i had the (?:guts|courage|balls|nerve|strength) to (?:do it|end it|go through with it|end my life|jump|pull the trigger)(?= *(?:[.!?]|$))',
        '(?:scared|afraid|worried|terrified|frightened) (?:that )?(?:il|i will|i might|im going to|im gonna|i am going to) (?:act on (?:it|them|the (?:thoughts|urges))|go through with it)(?= *(?:[.,!?]|$)| (?:tonight|today|soon|this time)\\b)',
        // Third English rules audit (issue 12, audit set 2): second-language "make suicide", "do suicide".
        '(?:i|il|i will|i want(?: to)?|i wanna|im going to|im gonna|i go to|i plan to|i try to|i must|i should|i am going to) (?:\\w+ )?(?:make|do|commit the) suicide(?! (?:prevention|awareness|training|squad|jokes?|memes?|research|talk)\\b)',
      ],
    },
    {
      id: 'en.selfharm',
      level: 'high',
      kind: 'selfharm',
      patterns: [
        `(?:cut|cuting|cutin|cuted|cuts|burn|burning|burnin|burned|burnt|harm|harming|harmin|hurt|hurting|hurtin|hit|hiting|punch|punching|starve|starving|bruise|bruising) ${ME}`,
        `(?:scratch|scratching|bite|biting) ${ME} (?:until|til|so hard|to bleed|bloody)`,
        'self[- ]?harm\\w*',
        '(?:sh|self harm|selfharm) (?:urges|relapse)',
        'relapsed (?:on|with|into) (?:sh|cutting|self harm)',
        '(?:cut|cuting|burned|burning|hurt|hurting) (?:myself )?again(?= *(?:[.,!?]|$|last|tonight|today|yesterday))',
        '(?:punch|punching|punched|hit|hiting|bang|banging|banged) (?:the |a )?(?:walls?|my head)(?: \\w+){0,4} (?:until|til|till|so hard) (?:it|they|my|i)\\b(?: \\w+){0,2} (?:bleed|bleeds|bled|bruise|bruises|bruised|break|broke|split|splits|cracked|swelled|swell)',
        '(?:urges|urge) to (?:hurt|harm|cut|burn) (?:myself|again)',
        '(?:urges?|temptation|craving) to (?:cut|self[- ]?harm|sh)',
        // "i cut my arm open" (not on glass, a nail or in a fall).
        '(?:cut|sliced|slashed|carved) (?:my )?(?:arm|arms|leg|legs|thigh|thighs|skin|stomach) (?:wide )?open(?![^.!?]*\\b(?:on (?:a|the|some)|fell|fall\\w*|trip\\w*|accident\\w*|nail|glass|fence|bike|skat\\w*|surgery|operation|surgeon|stitches from)\\b)',
        // "i sh'd last night", "did sh again".
        '(?:i|ive|just|i just) (?:shd|sh d)(?= *(?:[.,!?]|$|again|last|tonight|today|yesterday))',
        '(?:did|doing|done) sh (?:again|last night|tonight|today|yesterday)',
        '(?:scratch\\w*|pick\\w*|claw\\w*|bite|biting|bit) (?:at )?(?:my )?(?:arms|skin|wrists|legs|thighs|myself)(?: \\w+){0,4}? (?:until|till|til|so hard|to the point) (?:they|it|i|that) (?:bleed|bleeds|bled|break|breaks)',
        '(?:been|started|start|keep|kept|back to|relapsed and|urge to|urges to|need to|want to|wanna|going to|goin to|going 2|goin 2|gonna|gunna|gna) cut(?:ing|in)?(?= *(?:[.,!?]|$|again|tonight|myself|and (?:cut(?:ing|in)?|its|it s|it is)\\b))',
        // Second English rules audit (issue 12, audit set 1): a burn or a cut with a named instrument, 
        // days without food.
        '(?:burn(?:ed|t|ing|in)?|cut(?:ing|in)?|scratch(?:ed|ing|in)?|carv(?:ed|ing)|slic(?:ed|ing)|stab(?:ed|ing)) (?:my )?(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hip|hips|forearm|forearms)(?: \\w+){0,2} with (?:a |the |my )?(?:lighter|cigarette|blade|razor|razor blade|compass|scissors|knife|sharpener|match|lit match)(?![^.!?]*\\b(?:accident\\w*|slipped|cook\\w*|chopp\\w*|kitchen|fell|shav\\w*|oven|iron\\w*|camping|whittl\\w*)\\b)',
        '(?:havent|have not|hasnt|not) (?:eaten|had (?:any )?food|eaten anything)(?: properly)? (?:in|for) (?:[4-9]|\\d{2}|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|several|a few) (?:days|weeks)(?![^.!?]*\\b(?:ill|sick|flu|bug|surgery|operation|fast\\w*|ramadan|lent|diet\\w*|virus|hospital|afford|money|broke|skint|food bank|paid)\\b)',
        // Third English rules audit (issue 12, audit set 2): scratched or cut "till it bled" with no object
        // named, arms or thighs cut with a time and no accident, not eating on purpose so as to disappear.
        '(?:scratched|scratching|picked|picking|clawed|clawing|cut|cutting|burned|burnt|burning)(?<!\\b(?:bites?|itch\\w*|eczema|rash|mosquito\\w*|spots?|scabs?|midges?|nettles?|hives|chicken ?pox|cat|dog|kitten|puppy)\\b[^.!?]*) (?:(?:at )?(?:it|them|myself|my \\w+) )?(?:until|till|til) (?:it|they|i) (?:bled|bleeds|bleed|was bleeding|were bleeding|started bleeding|blistered|bruised)(?![^.!?]*\\b(?:bites?|itch\\w*|eczema|rash|mosquito\\w*|spots?|scabs?|midges?|nettles?|hives|chicken ?pox|cat|dog|kitten|puppy)\\b)',
        '(?:cut|cutting|burned|burnt|burning|carved|carving|slashed|sliced)(?<!\\b(?:accident\\w*|slipped|cook\\w*|chopp\\w*|kitchen|fell|shav\\w*|oven|iron\\w*|brambles?|thorns?|fence|glass|hedge\\w*|garden\\w*|sun\\w*|bbq|barbecue|grill|stove|hob|kettle|steam|bike|skat\\w*|climb\\w*|surgery|op|operation)\\b[^.!?]*) (?:my |both )?(?:arms|thighs|wrists|forearms|hips|stomach|legs|upper arms|inner arms)(?= (?:again|yesterday|last night|tonight|today|this morning|earlier|open|deep|deeper)\\b)(?![^.!?]*\\b(?:accident\\w*|slipped|cook\\w*|chopp\\w*|kitchen|fell|fall\\w*|shav\\w*|oven|iron\\w*|brambles?|thorns?|fence|glass|hedge\\w*|garden\\w*|sun\\w*|bbq|barbecue|grill|stove|hob|kettle|steam|bike|skat\\w*|climb\\w*|surgery|op|operation|on (?:a|the|some))\\b)',
        '(?:on purpose|deliberately|intentionally) so (?:that )?(?:i|my (?:heart|body)) (?:can |will |would |might |could )?(?:just )?(?:disappear|die|dies|waste away|fade away|stop existing|vanish|give up|gives up|stops|shuts down)(?= *(?:[.,!?]|$))',
        // Third English rules audit (issue 12, audit set 2): an arm "opened up", the blades got out, an instrument used on the skin.
        '(?:opened|opening|open) (?:up )?my (?:arm|wrist|leg|thigh|forearm)(?: (?:up|open|again|deep|last night|tonight))?(?= *(?:[.,!?]|$)| (?:again|with|up)\\b)(?![^.!?]*\\b(?:surg\\w*|operation|doctor|fell|fall\\w*|accident\\w*|glass|fence|bike|hug\\w*)\\b)',
        '(?:got|get|getting|took|pulled|pulling) (?:the |my )?(?:blades?|razor blades?|sharpener blades?|sharpener) out(?: again)?(?= *(?:[.,!?]|$)| (?:again|tonight|last night)\\b)(?![^.!?]*\\b(?:shav\\w*|beard|hair|lawn|mower|hedge|pencil|craft\\w*|stanley|box|boxes|cardboard|carpet|lino|cutter|skat\\w*|blender|food processor|clean\\w*)\\b)',
        '(?:using|used|use) (?:the |a |my )?(?:sharpener|blade|razor blade|compass|lighter|knife) on my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach)(?![^.!?]*\\b(?:shav\\w*|hair|wax\\w*|tattoo\\w*|accident\\w*)\\b)',
      ],
    },
    // ---- imminent: method, preparations, attempt, farewell
    {
      id: 'en.plan.method',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        `(?:hang|hanging|hung|drown|drowning|shoot|shooting|gas|gassing|poison|poisoning|suffocate|suffocating|smother|smothering|strangle|strangling) ${ME}`,
        `jump(?:ing)? (?:off|from) (?:\\w+ ){0,4}${HIGH_PLACE}`,
        'jump(?:ing)? (?:in front of|under) (?:a|the) (?:train|bus|truck|car|subway|tram|lorry)',
        '(?:step|stepping|walk|walking|run|running|throw myself|throwing myself|lie down|lay down|lying down) (?:out )?(?:in front of|under) (?:a|the|an) (?:\\w+ )?(?:train|bus|truck|lorry|tram|subway|express)',
        // Planning one's own suicide ("suicide prevention" and other topics are masked as idioms first).
        '(?:planning|planned|plan|plotting|preparing|scheduled|scheduling) (?:out )?(?:my )?(?:own )?suicide',
        '(?:slit|sliting|cut|cuting|cuted|open) (?:my )?(?:wrists|wrist|throat)',
        '(?:sliced|slicing|slashed|slashing) (?:open )?(?:my )?(?:wrists|wrist|throat)(?: open)?(?![^.!?]*\\b(?:on (?:a|the|some)|glass|accident\\w*|slipped|cook\\w*|chopp\\w*|kitchen|fell|fall\\w*)\\b)',
        '(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|want to|wanna|will|il|plan to|planning to|about to|ready to|try to) (?:overdose|od)',
        '(?:drive|driving|crash|crashing|steer|swerve)(?: my car| the car)? (?:into|off) (?:a |the )?(?:tree|wall|bridge|river|lake|truck|cliff|pole|oncoming)',
        'suicide (?:note|letter|plan)',
        // Walking into traffic (not "ran into traffic", a jam).
        '(?:walk|walking|step|stepping|throw myself|throwing myself) (?:out )?(?:into|onto|in front of) (?:the )?(?:oncoming |fast )?(?:traffic|motorway|highway|dual carriageway)(?![^.!?]*\\b(?:bridge|footbridge|crossing|services|jam|queue)\\b)',
        // A decision or a date stated with no other word: "i set a date. friday.", "made up my mind. doing it this weekend".
        '(?:i|ive) (?:set|picked|chose|chosen) (?:a|the) (?:date|day)[.,]? (?:its |it is )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)(?= *[.!?]* *$)',
        '(?:made up my mind|my mind is made up|decision (?:is )?made|ive decided)[.,]? (?:im |i am |il )?(?:doing|do) it (?:this weekend|tonight|today|tomorrow|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?= *[.!?]* *$)',
        '(?:wrote|written|writing|write) (?:my|a) (?:goodbye|farewell) (?:note|letter)',
        '(?:writing|wrote|written|finished|finishing) my (?:last |final )?(?:note|letters)(?= *(?:[.,!?]|$|now|tonight))',
        '(?:wrote|written|left|finished) (?:a|my) note (?:for|to) (?:my )?(?:parents|mum|mom|dad|family|kids|children|wife|husband|partner|sister|brother|girlfriend|boyfriend)(?![^.!?]*\\b(?:dinner|shopping|school|fridge|milk|groceries|birthday|card|thank|teacher|sick|absence|christmas|xmas|lunch|trip|chores|dog|cat)\\b)',
        '(?<!\\b(?:christmas|xmas|thank you|birthday|valentines?|holiday)\\b[^.!?]*)(?:wrote|written|left|finished) (?!(?:christmas|xmas|thank you|birthday|valentines?|holiday) )(?:\\w+ ){0,2}(?:letters|notes) (?:to|for) (?:everyone|each of you|all of you|my family|my kids|my children|my parents)(?! (?:for|about|with|at) (?:christmas|xmas|the holidays|thanksgiving|their birthdays?|school|work|class)\\b)',
        // An end with a time and nothing else after it: "it ends tonight", "tonight i end it".
        '(?:it|everything|this|my life) (?:all )?ends (?:tonight|today|tomorrow|this weekend|now|here)(?= *(?:[.,!?]|$))',
        '(?:tonight|today|tomorrow) (?:is when )?i (?:end it|end it all|do it|go through with it)(?= *(?:[.,!?]|$))',
        '(?:by (?:sunrise|morning|midnight|the morning|tomorrow|dawn)|in (?:a few|a couple of|ten|five|twenty|\\d+) (?:minutes|mins|hours)|after tonight|tonight|today)[.,]? (?:it(?:ll| will) (?:all )?be over|(?:none of (?:this|it)|nothing) (?:will )?matters?(?: anymore)?|(?:it|this|everything) (?:all )?(?:ends|finishes|stops))(?= *(?:[.,!?]|$))(?![^.!?]*\\b(?:exams?|tests?|deadline|interview|shift|match|game|show|series|season|finale|episode|move|surgery|op|operation|flight|trip|wedding|party|term|semester|pain|storm|rain|snow|strike|sale|hangover|fever|meeting|presentation|week|contract|lease|job)\\b)',
        '(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|will|il) go through with it(?= *(?:[.,!?]|$|tonight|today|tomorrow|this time))',
        // English rules audit (issue 12): an overdose ahead or under way ("im gonna take all my pills tonight", "gonna
        // swallow all of them", "swallowing all my meds rn"; a plan, so after "thinking about" it is ideation with a
        // method), not a promise to take one's meds as prescribed or from now on.
        `(?:(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|want to|wanna|plan to|planning to|finna|imma|ima) (?:just |finally |literally )?(?:take|swallow|down|neck|pop|chug)|swallowing|necking|downing|chugging)${NOT_A_DOSE_BEFORE} ${FILL}${MANY} (?:(?:my|the) )?(?:\\w+ ){0,2}?${PILLS}${ON_TIME}${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        `(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|want to|wanna|finna|imma|ima) (?:just |finally )?swallow${NOT_A_DOSE_BEFORE} (?:all (?:of )?them|them all|every (?:last |single )?one(?: of them)?|the (?:whole )?lot)${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        // Throwing oneself off a height, wanted or intended ("gonna yeet myself off a bridge", "about to throw myself
        // off the roof"), leaping off one.
        `(?:(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|want to|wanna|will|ill|finna|imma|ima|just|gotta) (?:just )?(?:throw|fling|launch|hurl|chuck)|yeet|yeeting) ${ME} (?:off|from|out of|in front of) (?:\\w+ ){0,4}(?:${HIGH_PLACE}|train|bus|truck|lorry|car)`,
        `(?:leap|leaping) (?:off|from) (?:\\w+ ){0,4}${HIGH_PLACE}`,
        // A crash on purpose, or a crash said at the wheel ("driving on the motorway and im going to crash"), not sleep.
        '(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|want to|wanna|ready to|finna|imma) (?:just )?(?:crash (?:the car|my car|it|on purpose)|swerve (?:into|off)|drive (?:the car |my car |it )?off the (?:road|bridge|cliff|motorway))(?![^.!?]*\\b(?:game|sim\\w*|mario|kart|gta|forza)\\b)',
        '(?=(?:im |i am )?(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to) (?:crash|swerve))(?<=\\b(?:motorway|highway|freeway|dual carriageway|at the wheel|driving)\\b[^.!?]{0,60}?)(?:im |i am )?(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to) (?:crash|swerve)(?= *(?:[.,!?]|$|now|soon|on purpose|it))(?![^.!?]*\\b(?:sleep\\w*|bed|nap|sofa|couch|tired|exhausted|home|game)\\b)',
        // Means got ready: "i got the rope", "ive got the rope ready" (not climbing, camping, a boat, a dog or a swing).
        '(?<!\\b(?:climb\\w*|tent|camp\\w*|boat|dog|tow\\w*|swing|washing|skip\\w*|gym|hammock|sail\\w*|hik\\w*)\\b[^.!?]*)(?:ive |i have |i |just )?(?:got|bought|have|picked up|found) (?:the|a|my) (?:rope|noose)(?: (?:all )?(?:ready|sorted|now|today|tonight|finally))?(?= *(?:[.!?]|$))',
        // Knowing how and when: "i know how and when im going to do it".
        '(?:i know|ive decided|i decided|ive worked out|i worked out|ive figured out|i figured out|ive picked|i picked|ive chosen|i chose) (?:exactly )?(?:how and (?:when|where)|when and (?:how|where)|where and (?:how|when))(?: (?:im going to|im gonna|ill|i will|i want to|id) (?:do it|end it|go through with it|kill myself|die)| to (?:end it|kill myself|die|end my life))(?= *(?:[.,!?]|$|now|tonight))',
        // "ctb" (catch the bus): a date or a method for it.
        '(?:my )?ctb (?:date|day|plan|method)',
        // Stepping off a height intended ("about to step off the roof"), a gun got to use (not at the range or a hunt).
        `(?:gonna|going to|about to|ready to|just need to|just have to|want to|wanna) step off (?:the |a |this )?(?:edge|ledge|railing|platform edge|${HIGH_PLACE})${LEISURE}(?![^.!?]*\\b(?:ladder|scaffold\\w*|stairs)\\b)`,
        '(?:got|have|bought) (?:a|the|my|dads|his) (?:gun|pistol|rifle|shotgun|revolver)(?: \\w+){0,3} (?:and|so) (?:im |i am )?(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|will|ill|finna) use it(?![^.!?]*\\b(?:range|hunt\\w*|club|target|season|clay|deer|rabbits?|pests?|foxes|practi[cs]\\w*|lessons?)\\b)',
        // Letters left for the others: "ive left letters", "left letters for everyone".
        '(?:ive|i have|i|just) (?:left|written|finished writing) (?:\\w+ ){0,2}?(?:letters|notes)(?: for (?:everyone|you all|all of you|my family|my (?:mum|mom|dad|parents|kids|children|wife|husband|partner)))?(?= *(?:[.!?]|$))(?<!\\b(?:christmas|xmas|thank you|thank|birthday|love|cover|reference|job|teacher)\\b[^.!?]*)',
        // Second English rules audit (issue 12, audit set 1): poison to be drunk, on the way to a height or the tracks
        // to finish it.
        // Belongings given away, then a set time ("gave my guitar to my brother … tonight's the night").
        `(?:gave|given|giving) (?:away )?(?:all )?my (?:\\w+ ){1,3}(?:away|to)\\b[^?]{0,120}?(?:${TONIGHT}s the (?:night|nite)|${TONIGHT} is the (?:night|nite)|today is the day|todays the day|its time)(?= *(?:[.!?]|$))(?<!\\b(?:ticket|tickets|concert|gig|party|show|wedding|date|match|game|premiere|launch|exam|move|moving|charity|uni|flat)\\b[^?]*)`,
        `(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|will|ill|ready to|want to|wanna|finna|imma) (?:just )?(?:drink|swallow|down|neck) (?:the |some |a glass of |a bottle of |a cup of |a mug of )?${POISON}`,
        // An overdose told in the present ("im taking all my pills now", "i take all my pills with vodka"), with now, tonight or a drink.
        `(?:(?:im|i am) (?:taking|takin|swallowing|swallowin|downing|necking|eating)|i (?:take|swallow|drink|eat|down))${NOT_A_DOSE_BEFORE} ${FILL}${MANY} (?:(?:my|the) )?(?:\\w+ ){0,2}?${PILLS}(?= (?:now|rn|right now|${TONIGHT}|at once|in one go|all at once|together)\\b| (?:with|and) (?:\\w+ ){0,3}?${ALCOHOL})${ON_TIME}${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        `(?:heading|going|driving|walking|off|on my way) (?:up )?(?:to|for|towards) (?:the |a )?(?:\\w+ )?(?:${HIGH_PLACE}|cliffs|tracks|railway|river|sea|quarry) to (?:finish (?:it|this)(?: off)?|end (?:it|this)|do it)(?= *(?:[.,!?]|$)| (?:now|tonight|today|properly|this time)\\b)${LEISURE}${LEDGE_TASK}`,
        // Third English rules audit (issue 12, audit set 2): where the body will be found ("dont want the wife
        // finding me in the house", "dont let it be my sister who finds me"), affairs put in order and then a set time,
        // letters for everyone located, "this is where it ends".
        '(?:dont|do not|wouldnt|would not|never) want (?![^.!?]*\\b(?:crying|upset|drunk|high|asleep|sleeping|naked|eating|boss|teacher|hiding|hide and seek|game|lol|haha|like this)\\b)(?:my |the |our |his |her )?(?:\\w+ ){0,2}?(?:to find|finding|to be the one (?:who|that) finds|walking in on) me(?: (?:in (?:the|my|our) (?:house|home|flat|room|bedroom|bathroom|bath|bed|kitchen)|first|dead|hanging))?(?= *(?:[.,!?]|$))',
        '(?:dont|do not|please dont|pls dont|hope (?:it )?(?:isnt|is not|s not|wont be)|hope its not|dont let it be) (?:it be )?(?:my |our |the )?(?:\\w+ ){0,2}?(?:who|that) finds? me(?= *(?:[.,!?]|$)| (?:first|like this|like that|dead)\\b)',
        `(?:(?:wrote|written|made|did|updated|signed) (?:a|my|out a|up a) (?:will|last will)|cancel\\w* (?:my |the |all (?:of )?(?:my |the )?)?(?:\\w+ )?(?:contracts?|subscriptions?|direct debits?|standing orders?|memberships?|tenancy|lease)|(?:left|dropped off|took) (?:the |my )?(?:dog|dogs|cat|cats|pets?|kids|rabbit|hamster) (?:next door|with (?:the )?(?:neighbou?rs?|\\w+)|at (?:\\w+s|the neighbou?rs))|(?:paid off|settled) (?:my |all (?:my )?)?(?:debts?|bills|tab))\\b[^?]{0,120}?(?:${TONIGHT}s the (?:night|nite)|${TONIGHT} is the (?:night|nite)|today is the day|todays the day|its time)(?= *(?:[.!?]|$))(?<!\\b(?:tickets?|concert|gig|party|show|wedding|date|match|game|premiere|launch|exam|move|moving|holiday|flight|trip|festival|uni|flat|job|interview|surgery)\\b[^?]*)`,
        '(?:letters|notes|a letter|a note)(?<!\\b(?:christmas|xmas|thank you|thank|birthday|valentines?|holiday|cover|reference|job|love)\\b[^.!?]*) (?:for|to) (?:each (?:one )?of you|every one of you|all of you|everyone|you all|my family|my (?:mum|mom|dad|parents|kids|children|wife|husband|partner|sister|brother))(?: are| is| re| s)? (?:\\w+ ){0,2}?(?:in|on|under|inside|by|behind) (?:the|my) (?:\\w+ )?(?:drawer|desk|table|bed|pillow|kitchen|fridge|mantelpiece|shelf|envelope|box|car|dashboard)(?![^.!?]*\\b(?:meeting|class|exam|lesson|revision|homework|session|shopping|read (?:them|it) before)\\b)',
        '(?:this|here) is where (?:it|everything|it all|my life|i) (?:all )?(?:ends|end it|stops)(?= *(?:[.!?]|$))',
        // Third English rules audit (issue 12, audit set 2): all of them taken in the present with a time ahead.
        `(?:im|i am|i m) (?:taking|swallowing|downing|necking) (?:them all|all of (?:them|em|it)|the (?:whole )?lot|every (?:last |single )?one(?: of them)?)(?= (?:now|rn|right now|${TONIGHT}|at midnight|once|when|after|before)\\b)(?![^.!?]*\\b(?:to|for|out|shopping|cinema|zoo|park|school|home|trip|party|class)\\b)`,
        // Third English rules audit (issue 12, audit set 2): a place or a means named as "my plan".
        `(?:my|the) plan is (?:to (?:use |go to |jump (?:off|from) |take )?)?(?:the |a |my )?(?:\\w+ )?(?:${HIGH_PLACE}|train line|railway line|railway|tracks|rope|noose|pills|tablets|gun|river|cliffs?|quarry|motorway)(?= *(?:[.,!?]|$)| (?:and|behind|near|by|at|on|off|from|in|tonight|tomorrow|this)\\b)${LEISURE}(?![^.!?]*\\b(?:nap|sleep\\w*|bed|headaches?|doctor|prescri\\w*|pharmacy|club|walk\\w*|swim\\w*|picnic)\\b)`,
        // Third English rules audit (issue 12, audit set 2): off to drink a poison, a will left and then on the way to a place.
        `(?:going|heading|off|walking|driving|went|gone) (?:\\w+ ){0,4}?to (?:drink|swallow|down|neck) (?:the |some |a glass of |a bottle of |a cup of |a mug of )?${POISON}`,
        `(?:left|put|wrote|written|signed|made) (?:\\w+ ){0,4}?my (?:will|last will|passwords?)(?: \\w+){0,5}?[.,]? (?:\\w+ ){0,3}?(?:going|heading|walking|driving|off) (?:out )?(?:to|towards) the (?:\\w+ )?(?:${HIGH_PLACE}|cliffs|river|sea|tracks|railway|quarry|woods|lake|canal)(?: now| tonight| rn)?(?= *(?:[.,!?]|$))`,
      ],
    },
    {
      id: 'en.plan.means',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        `(?:the |my |these |all the |all my )?${MEANS_NOUN} (?:\\w+ ){0,2}(?:in front of me|next to me|in my hand|in my hands|right here|on my desk|on the table|laid out|counted out)${ROUTINE}`,
        `(?:saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|stashing|stashed)(?: up)? (?:\\w+ ){0,2}${PILLS}`,
        '(?<!\\b(?:climb\\w*|tow|skiping|washing|boat|moring|safety) )(?:rope|noose)(?: is|s) (?:tied|ready|up|hung|hanging)(?![^.!?]*\\b(?:swing|hammock|tent|boat|dog|washing|laundry|tow\\w*|climb\\w*|charg\\w*|phone|lamp|lights?|decorations?|curtains?|plants?|fall|falls)\\b)',
        '(?:tied|tying|made|making) (?:a|the) noose',
        `(?:counted|counting|laid|lined|set) (?:out|up) (?:\\w+ ){0,2}${PILLS}${ROUTINE}`,
        '(?:gun|pistol) is loaded',
        // Means at hand, kept somewhere ("i have a rope in my car"), unless a reason follows.
        '(?:i have|ive got|i got|i keep|i kept|i hid|ive hidden|i put|theres|there is) (?:a |the |my |some |an |this )?(?:\\w+ )?(?:rope|noose|gun|pistol|shotgun|rifle|revolver) (?:\\w+ )?(?:in|under|inside|behind) (?:my|the) (?:car|trunk|boot|bag|backpack|room|bedroom|bed|closet|wardrobe|drawer|desk|garage|glovebox|glove box|locker|pocket|shed|basement)(?! (?:for|because|from|since|at work)\\b)',
        '(?:loaded|cocked) (?:the|my) (?:gun|pistol)',
        // Holding the means now, or keeping them for the day ("a stash of pills for when i'm ready").
        `(?:holding|gripping|clutching) (?:a |the |my |this |his |her |dads |mums |moms )?(?:(?:bottle|handful|box|pack|packet|fistful) of (?:\\w+ )?${PILLS}|rope|noose|gun|pistol|knife|blade|blades|razor|razors)${ROUTINE}`,
        `(?:stash|stockpile|hoard) of (?:\\w+ )?${PILLS}${ROUTINE}`,
        `(?:enough )?${PILL_NAMES} (?:saved|stashed|stockpiled|hoarded|put aside)(?: up)?${ROUTINE}`,
        `${MEANS_NOUN} (?:\\w+ ){0,5}for when (?:im|i am|i decide|its time|the time comes)`,
        `(?:the |my |a |his |her |dads |mums |moms )?(?:gun|pistol|rifle|shotgun|revolver|knife|blade|razor) (?:\\w+ ){0,2}(?:on my lap|in my lap|to my head|against my head|in my mouth|to my throat|against my throat|against my wrist|on my wrist)`,
        '(?:got|took|taken|grabbed|have) (?:\\w+ ){0,2}(?:gun|pistol|rifle|shotgun|revolver) (?:out of|from) (?:the|his|her|my|our) (?:safe|cabinet|gun cabinet|drawer|closet|case|cupboard|wardrobe|loft|attic|shed|locker)(?![^.!?]*\\b(?:clean\\w*|range|club|hunt\\w*|season|licen[cs]e|sell\\w*|sold|police|inspect\\w*|oil\\w*|lessons?)\\b)',
        '(?:rope|noose|belt|cord|cable) (?:is )?(?:around|round|on) my neck',
        // A ligature tied to a fixing, unless an ordinary use is named (a swing, a dog, washing).
        '(?:rope|noose|belt|cord|cable|scarf|ligature|charger cable|dressing gown cord)(?:s| is| s)? (?:already )?(?:(?:tied|attached|fixed|hooked|looped) (?:to|around|on|over|onto)|(?:around|round|over)) (?:the |my )?(?:door|door ?handle|doorknob|banister|bannister|beam|hook|rail|railing|pipe|ceiling|loft hatch|loft ladder|curtain rail|shower rail|light fitting|stair ?rail|bed frame|wardrobe|tree|branch)(?![^.!?]*\\b(?:swing|hammock|tent|boat|dog|washing|laundry|tow\\w*|climb\\w*|charg\\w*|phone|lamp|lights?|decorations?|curtains?|plants?|fall|falls)\\b)',
        `(?:${MEANS_NOUN}|the knife|the blade) (?:\\w+ )?(?:against|into|on) my (?:arm|arms|skin|leg|legs|thigh|thighs|neck|chest|stomach)(?: \\w+){0,3},? (?:and )?(?:im |i am )?(?:pressing|pushing|cutting|going to|about to)`,
        '(?:bottle|bottles) of (?:vodka|wine|whiskey|whisky|gin|rum|alcohol) and (?:all (?:of )?my|all the|my whole|my entire|the whole|every one of my) (?:prescription|pills|meds|tablets|blister packs)',
        '(?:my |the )?(?:whole|entire) prescription (?:\\w+ ){0,3}(?:next to me|in front of me|on the bed|on my bed|laid out|in my hand)',
        'charcoal and (?:\\w+ )?tape',
        `${PILL_NAMES} (?:\\w+ ){0,2}(?:lined up|laid out|counted out|all counted)${ROUTINE}`,
        // Car exhaust led into the car, or the engine running behind a shut garage door.
        '(?:hose|pipe|tube|exhaust)(?: pipe)? (?:\\w+ ){0,2}(?:taped|through|into|in)(?: up)?(?: to| into)? (?:it|the car|my car|the window|the car window|the vent)(?![^.!?]*\\b(?:fix\\w*|repair\\w*|mechanic|garage appointment|mot|leak\\w*|rust\\w*|nois\\w*|garden|boot|trunk|wash\\w*|plumb\\w*)\\b)',
        '(?:(?:running|started|start) the (?:engine|car)|(?:engine|car) (?:is |still )?running) (?:\\w+ ){0,3}garage (?:door )?(?:shut|closed|locked|down)',
        // A ligature tested for weight.
        '(?:tested|testing|checked|checking) (?:that |if |whether )?(?:it|the rope|the knot|the belt|the cord|the beam|the hook) (?:holds|will hold|can hold|takes|can take) my weight(?![^.!?]*\\b(?:climb\\w*|swing|hammock|abseil\\w*|harness|gym|ladder|shelf|shelves|bouldering)\\b)',
        `${MEANS_NOUN}[^?]{0,60}?(?:waiting|wait) (?:for|until|till) (?:everyone|everybody|my parents|my family|them|they|the house)(?: \\w+){0,2} (?:to )?(?:fall asleep|falls asleep|go to bed|goes to bed|be asleep|is asleep|are asleep|is quiet)`,
        '(?:in|sitting in|lying in) the (?:bath|bathtub|tub) with (?:a|the|my) (?:blade|razor|knife|blades|razors)',
        '(?:bought|got|have|tied|hung|put) (?:a |the |my )?(?:rope|noose)(?: \\w+){0,4}[.,]? (?:tonight|today|its tonight|this is it)(?= *(?:[.,!?]|$))',
        // A car sealed with the engine on; a barbecue or charcoal shut in with the speaker; the chair left to kick.
        '(?:engine|car) (?:is )?(?:on|running)[^?]{0,40}?(?:windows?|vents?|gaps?|doors?) (?:\\w+ )?(?:taped|sealed)(?: up| shut)?|(?:windows?|vents?|gaps?) (?:\\w+ )?(?:taped|sealed) (?:up|shut)[^?]{0,40}?(?:engine|car) (?:is )?(?:on|running)',
        '(?:charcoal|disposable (?:bbq|barbecue)|barbecue|bbq)(?: \\w+){0,4} (?:in|inside) (?:the |my )?(?:tent|car|bedroom|bathroom|room)[^?]{0,40}?(?:zipped|sealed|taped|shut|closed|locked)',
        '(?:chair|stool)[^?]{0,60}?(?:need to|going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|just have to|have to) kick it(?: away| over)?(?= *(?:[.,!?]|$))',
        // Second English rules audit (issue 12, audit set 1): the means located with no "i have" ("the rope's in the
        // boot"), a poison poured beside the speaker, a medicine bought from several places.
        '(?<!\\b(?:climb\\w*|tow|tent|camp\\w*|boat|dog|swing|washing|skip\\w*|hunt\\w*|shoot\\w*|clay|range)\\b[^.!?]*)(?:the|my|a) (?:rope|noose|gun|pistol|rifle|shotgun|revolver)(?:s| is| s)? (?:already |now |all |ready )?(?:in|under|inside|behind) (?:my|the) (?:car|trunk|boot|bag|backpack|room|bedroom|bed|closet|wardrobe|drawer|desk|garage|glovebox|glove box|locker|pocket|shed|basement)(?! (?:for|because|from|since|at work)\\b)(?![^.!?]*\\b(?:tow\\w*|boat|tent|camp\\w*|climb\\w*|dog|swing|washing|hammock|hunt\\w*|range|club|shoot\\w*|clay|safe|locked|licen[cs]e|trip|holiday|moving)\\b)',
        `(?:the |my |some |a glass of |a cup of |a bottle of |a mug of )?${POISON}(?: is| s|s)?(?: \\w+){0,4}? (?:next to me|in front of me|in my hand|by my bed|poured(?: out)?|ready)(?= *(?:[.,!?]|$)| (?:now|and|rn)\\b)(?![^.!?]*\\b(?:clean\\w*|bathroom|toilet|garden|weeds?|radiator|engine|sink|drains?|mop|rats?|mice|pests?|slugs?|hair)\\b)`,
        `(?:ordered|ordering|bought|buying|got|getting|picked up) (?:\\w+ ){0,2}${PILLS}(?: \\w+){0,3} (?:from|at|in) (?:\\d+|two|three|four|five|several|different|multiple|a few|lots of|loads of) (?:different |separate )?(?:sites|websites|shops|pharmacies|chemists|stores|places|supermarkets)(?![^.!?]*\\b(?:cheap\\w*|price\\w*|deal|discount|stock|shortage|sold out|offer|delivery)\\b)`,
        // Third English rules audit (issue 12, audit set 2): means beside the speaker or across the lap with more
        // words between, stones in the pockets by the water, a hidden supply never taken, a supply bought "so i have enough".
        `(?:the |my |a |his |her |all the |all my |(?:my )?\\w+s )?${MEANS_NOUN}(?<!\\b(?:cook\\w*|chop\\w*|slic\\w*|dinner|lunch|kitchen|board|bread|cheese|fruit|apples?|steak|meat|salad|veg\\w*|carv\\w*|whittl\\w*|craft\\w*|sharpen\\w*|clean\\w*|range|hunt\\w*|season|dose|prescribed|headaches?|vitamins)\\b[^.!?]*)(?![^.!?]*\\b(?:cook\\w*|chop\\w*|slic\\w*|dinner|lunch|kitchen|board|bread|cheese|fruit|apples?|steak|meat|salad|veg\\w*|carv\\w*|whittl\\w*|craft\\w*|sharpen\\w*|clean\\w*|range|hunt\\w*|season|dose|prescribed|headaches?|vitamins|for|as always|as usual)\\b)(?: is| s|s| are)? (?:[\\w-]+ ){0,4}?(?:beside me|by my side|in my hand|in my hands|in my lap|on my lap|across my lap|across my knees|on my knees)`,
        '(?:(?:pockets?|coat|bag|backpack|rucksack) (?:\\w+ )?(?:full of|filled with|loaded with|stuffed with|weighed down with)|(?:filled|stuffed|loaded|weighed down) (?:my |the )?(?:coat |jacket )?(?:pockets?|coat|bag|backpack|rucksack) (?:with|down with)) (?:stones|rocks|bricks|weights)(?<!\\b(?:kids?|children|son|daughter|toddler|boys?|girls?|grandkids?)\\b[^.!?]*)(?![^.!?]*\\b(?:kids?|children|beach\\w*|collect\\w*|skim\\w*|pretty|shells|garden\\w*|rockery|souvenirs?|crystals?|fossils?|geolog\\w*|washing|laundry)\\b)[^?]{0,80}?(?:pier|jetty|harbou?r|river|sea|lake|water|canal|tide|bridge|quarry|loch|reservoir|weir)',
        `(?:secret|hidden|hiding|stash\\w*|saving|saved|kept back|put aside|squirrel\\w*)\\b[^?]{0,80}?\\b${PILL_NAMES} (?:that |which )?i (?:never|didnt|did not|havent|have not|stopped) (?:took|take|taken|taking|swallow\\w*)(?= *(?:[.,!?]|$))(?![^.!?]*\\b(?:pharmacy|chemist|return\\w*|dispos\\w*|bin|binned|throw\\w*|threw|expired|out of date|clear\\w*)\\b)`,
        `(?:ordered|ordering|bought|buying|got|getting|saving|saved|collecting) (?:another|a second|a third|more|extra|some more) (?:(?:bottles?|boxes|box|packs?|packets?|strips?|tubs?) of )?(?:the |my )?(?:\\w+ ){0,2}?(?:${PILLS}|(?:sleep|sleeping|night|pain) (?:stuff|ones))(?: \\w+){0,4}? so (?:that )?i (?:have|ve got|got|ll have|will have|d have) enough(?= *(?:[.,!?]|$))(?![^.!?]*\\b(?:holiday|trip|away|travel\\w*|abroad|christmas|xmas|easter|closed|shortage|strike|weekend)\\b)`,
        // Third English rules audit (issue 12, audit set 2): a barrel under the chin.
        '(?:barrel|muzzle|gun|pistol|rifle|shotgun)(?: is| s)? (?:under|against|to|in) my (?:chin|jaw|temple|head|mouth)(?![^.!?]*\\b(?:game|gta|film|movie|scene|photo|pic|costume|toy|water ?gun|nerf|lol)\\b)',
        // Third English rules audit (issue 12, audit set 2): means bought and used today ("yesterday i buy rope, today i use it").
        '(?:rope|noose|gun|pistol|rifle|shotgun|pills|tablets)\\b[^?]{0,60}?(?:(?:today|tonight|now) i (?:use|will use|am using|gonna use|going to use|il use) (?:it|them)|i (?:use|will use|am using|gonna use|going to use|il use) (?:it|them) (?:today|tonight|now))(?= *(?:[.,!?]|$))(?![^?]*\\b(?:climb\\w*|boat|tow\\w*|tent|camp\\w*|swing|washing|range|hunt\\w*|clay|ipad|draw\\w*|school|homework)\\b)',
      ],
    },
    {
      id: 'en.attempt',
      level: 'imminent',
      kind: 'attempt',
      patterns: [
        // "took 30 of my sleeping tablets": a count of pills, possibly someone's, with words between.
        `(?:took|taken|swallowed|downed|ate|necked|popped|have taken|just took|(?<=\\b(?:ive|i have|just|ive just|i just) )had) (?:like |about |around |over |almost )?\\d{2,} (?:of )?(?:\\w+ ){0,3}?(?:${PILLS}|pils|tabs)(?![^.!?]*\\b(?:in (?:the|my) (?:box|bag|drawer|cupboard|cabinet|kit|house)|for (?:years|months|ages)|left|spare|at home)\\b)(?! (?:today|this morning|on time|as prescribed|with|over|in the last|this (?:month|year|week)|a day|per day|each day|every day|daily|a week)\\b)`,
        `(?:took|taken|swallowed|downed|ate|necked|have taken|just took) (?:all (?:of )?(?:my|the)|a (?:whole|full) (?:bottle|pack|box|packet|strip)(?: of)?|the (?:whole|entire) (?:bottle|pack|box|packet)(?: of)?|an entire (?:bottle|pack|box|packet)(?: of)?|\\d{2,}|too many|a (?:bunch|handful|lot) of|every) (?:\\w+ ){0,2}?${PILLS}(?! (?:today|this morning|on time|as prescribed|with|a day|per day|each day|every day|daily|a week))${FOR_PAIN}`,
        'overdosed(?! on (?:coffee|caffeine|sugar|chocolate|netflix|tv|memes|cuteness))',
        `(?:im|i am|currently) (?:standing|sitting|at the edge) (?:on|of) (?:the|a|this) (?:bridge|ledge|roof|rooftop|edge|tracks|train tracks|railway|balcony)${LEISURE}`,
        // At a high place and done: "standing on the bridge right now, i'm done".
        `(?:standing|sitting|stood|im|i am) (?:on|at) (?:the |a |this |my )?(?:edge of (?:the |a |my )?|top of (?:the |a |my )?)?${HIGH_PLACE}(?: edge| railing| ledge)?(?: \\w+){0,3},? (?:and |so )?(?:im|i am) (?:done|finished|ending it|going to jump|gonna jump)(?! (?:with|for)\\b)`,
        '(?:cant|cannot|can not) stop (?:the )?bleeding',
        '(?:cut|went) too deep',
        '(?:cut|cuting) (?:\\w+ )?(?:really|very|so|too) deep',
        '(?:theres|there is|so|a lot of|lots of) (?:so much |a lot of )?blood(?= *(?:[.,!?]|$|everywhere))(?![^.!?]*\\b(?:dog|dogs|cat|cats|paw|pet|vet|nose ?bleed|nosebleed|period|tooth|dentist|film|movie|game|scene|butcher|meat|raw|horror|tattoo)\\b)',
        '(?:engine|car) (?:\\w+ ){0,2}running in (?:the|my) garage(?![^.!?]*\\b(?:warm\\w*|defrost\\w*|mechanic|fix\\w*|repair\\w*|doors? (?:is |are )?open)\\b)',
        'in (?:the|my) garage with the (?:engine|car) (?:running|on)',
        '(?:standing|sitting) (?:at|on) (?:the )?edge of (?:the |a )?(?:platform|bridge|roof|rooftop|balcony|cliff|building)',
        'bleeding (?:out|a lot|so much|everywhere|heavily)',
        'already (?:took|swallowed|cut|did it|started)',
        '(?:ive|i have|i) already done it[.,]? (?:\\w+ ){0,3}(?:wanted (?:someone|somebody|you|you all) to know|too late|no going back|cant undo it|dont call|please dont)',
        `(?:took|taken|swallowed|downed|ate|necked|popped) (?:\\w+ ){0,5}?${PILLS} (?:\\w+ ){0,2}(?:with|and) (?:a bottle of|half a bottle of|a whole bottle of|the whole bottle of|a fifth of) (?:vodka|alcohol|wine|whiskey|whisky|booze|beer|rum|gin|tequila)`,
        `(?:the )?(?:${PILL_NAMES}|it|its|it s|they|theyre|they re|them)(?<!\\b(?:coffee|caffeine|espresso|latte|sugar|edibles?|weed|joint|energy drinks?|red ?bull|monster|pre ?workout|adrenaline|heating|boiler|aircon|anaesthetic|anesthetic|epidural|gas and air)\\b[^.!?]*) (?:are |r |is )?(?:starting to |already )?(?:kick|kicking|kicked) in(?![^.!?]*\\b(?:calm\\w*|better|steadier|relax\\w*|helps?|helping|helped|finally|mood|focus\\w*|less anxious|pain|headaches?|migraines?|cramps|back|cold|flu|hay ?fever|allerg\\w*|coffee|caffeine|sugar|edibles?|adrenaline|heating)\\b)`,
        // Third English rules audit (issue 12, audit set 2): any poison of the list (paraquat, pesticide), from a cup or a
        // glass, not a bottle carried somewhere ("took the weedkiller to the shed").
        `(?:swallowed|drank|drunk|downed|necked) (?:some |a bottle of |the |a cup of |a glass of |a mug of |the rest of the )?${POISON}`,
        `took (?:some |a bottle of |the |a cup of |a glass of |a mug of )?${POISON}(?! (?:to|back|out|into|from|off|round|over|away|up|down|with me)\\b)`,
        '(?:overdosed|od d|odd) on (?:my |his |her |the )?(?:\\w+ )?(?:insulin|pills|meds|tablets|medication|painkillers|antidepressants)',
        `(?:im|i am|currently|standing|sitting|stood|here) (?:standing |sitting |up |out )?(?:on|at) (?:the |a |this |my )?(?:edge of (?:the |a |my )?|top of (?:the |a |my )?)?(?:${HIGH_PLACE}|tracks|train tracks|railway|platform edge|cliff path)(?: \\w+){0,4}[.,]? (?:\\w+ ){0,2}(?:not|never) (?:coming|going) (?:back|down|home)`,
        `(?:im|i am|currently|standing|sitting|here) (?:standing |sitting |up |out )?(?:on|at) (?:the |a |this |my )?(?:edge of (?:the |a |my )?|top of (?:the |a |my )?)?(?:${HIGH_PLACE}|tracks|train tracks|railway|cliff path)(?: \\w+){0,4}[.,]? (?:this is it|sorry for everything|goodbye|bye everyone|its time|i cant do this anymore|im jumping|im going to jump|here i go)`,
        '(?:on|at) the (?:train |railway )?tracks,? (?:the |a |next )?train (?:is |comes |will be |is coming )?(?:here |due )?(?:in|at) ',
        '(?:engine|car|motor)s? (?:is |are )?(?:\\w+ ){0,2}running in (?:the|my) (?:garage|closed garage)(?![^.!?]*\\b(?:warm\\w*|defrost\\w*|mechanic|fix\\w*|repair\\w*|doors? (?:is |are )?open)\\b)',
        '(?:wont|will not|doesnt|does not|isnt|is not|cant|cannot) stop(?:ping)? bleeding',
        'cut (?:\\w+ )?deep(?:er)? (?:this time|tonight|now|and)',
        // A large amount, all of something or an unnamed thing, taken a short while ago (not a dose for pain).
        `(?:took|taken|swallowed|downed|ate|had|necked|popped) (?![^.!?]*\\b(?:for (?:my |the |a )?(?:headache|pain|cold|fever|migraine|cramps|period)|prescribed|as usual|with food|dinner|lunch|breakfast|pizza|cake|snacks?|day off|afternoon off|morning off)\\b)(?:like |about |around |maybe |probably |over |almost )?(?:(?:the|a|an) (?:whole|entire|full) (?:\\w+ )?(?:bottle|pack|packet|box|blister|blister pack|strip|prescription|tub|jar)|\\d{2,}(?: of (?:my|them|those|the|his|her))?|all (?:of )?(?:my|the|those|them)|the (?:whole )?lot(?! of)|everything|every pill|something)(?: \\w+){0,5}? ${AGO}`,
        '(?:took|taken|swallowed|downed|ate) (?:everything|all|every pill) in the (?:box|bottle|pack|packet|blister|tub|jar)',
        `(?:cant feel|dizzy|numb|spinning|throwing up|vomiting|cant breathe|heart is racing|heart racing|blurry|cant stay awake|so sleepy)(?: \\w+){0,4} (?:after|from) (?:taking )?(?:all (?:of )?)?(?:those|these|them|all) (?:\\w+ )?(?:${PILLS}|tabs|pils)${AILMENT}`,
        // Beyond a barrier at a height.
        `(?:on|to) the (?:wrong|outer|outside) side of the (?:railing|railings|barrier|parapet|rail|safety fence)`,
        `(?:climbed|climbing|stepped|stepping|got) (?:over|past|onto|on to) the (?:railing|railings|barrier|parapet|safety rail|safety fence)(?: \\w+){0,3} (?:on|of|at) (?:the |a |this )?(?:${HIGH_PLACE}|multi[- ]?storey)`,
        `(?=(?:legs|feet) (?:dangling |hanging )?(?:over|off) the (?:edge|ledge|side))(?<=(?:roof|rooftop|bridge|building|balcony|ledge|tower|car park|multi[- ]?storey|cliff|overpass)[^?]{0,80}?)(?:legs|feet) (?:dangling |hanging )?(?:over|off) the (?:edge|ledge|side)${LEISURE}`,
        // At a height with no subject word, then done: "top floor of the car park. ... i'm done".
        `(?:top (?:floor|level|deck) of|on top of|up on|edge of) (?:the |a |this |my )?(?:${HIGH_PLACE}|multi[- ]?storey|ledge)[^?]{0,80}?(?:im|i am) (?:done|finished|ending it|going to jump|gonna jump)(?! (?:with|for)\\b)`,
        // By the tracks with the train coming; a train that does not stop, and the speaker on the line.
        '(?:tracks|rails|railway line|platform edge|edge of the platform)(?: \\w+){0,3}[.,]? (?:\\w+ ){0,3}(?:hear|see) (?:it|the train|the lights) (?:coming|approaching)',
        `(?:platform edge|edge of the platform|on the (?:train |railway )?(?:tracks|line|rails)|on the (?:railway|rail|train) bridge|at the level crossing)[^?]{0,80}?(?:train|express|freight|it|the \\d+(?::\\d+)?) (?:\\w+ ){0,2}(?:doesnt stop|does not stop|comes through|is coming|passes through)${LEISURE}`,
        `(?:train|express)(?: \\w+){0,4} (?:doesnt stop|does not stop|comes through|passes through)[^?]{0,80}?(?:(?:be|lie|lying|stand|standing) on the (?:tracks|line|rails)|platform edge|edge of the platform|not getting on it|step off|jump)${LEISURE}`,
        // At a height or on the tracks, then resolve (the place is a lookbehind, so a "not" before the resolve does not negate it).
        `(?=(?:(?:im |i am )?not (?:coming (?:down|back|home)|turning back|getting down)|(?:its|it is) time|tonights the night|this is it|here i go|no one (?:will|can) stop me|(?:im )?going over|(?:im )?jumping))(?<=\\b(?:on|at|up on|up here on|onto|on top of) (?:the |a |this |my )?(?:\\w+ )?(?:${HIGH_PLACE}|cliffs|multi[- ]?storey|multistorey|tracks|ledge|sill|level crossing)\\b[^?]{0,80}?)(?:(?:im |i am )?not (?:coming (?:down|back|home)|turning back|getting down)|(?:its|it is) time|tonights the night|this is it|here i go|no one (?:will|can) stop me|(?:im )?going over|(?:im )?jumping)${LEISURE}`,
        '(?:on|at) the (?:window ?)?(?:sill|ledge)(?: \\w+){0,4}[.,]? (?:\\w+ ){0,3}\\d+(?:st|nd|rd|th) floor',
        // At a height, then about to step off, let go or climb over.
        `(?=(?:(?:gonna|going to|about to|ready to|just need to|just have to) (?:step off(?! (?:the |a )?(?:ladder|step|stool|scaffold\\w*|train|bus|boat|plane|kerb|curb))|let go(?! of)|lean forward|go over)|(?:im )?(?:climbing|stepping|going) over(?: the (?:edge|railing|railings|barrier|side))?(?= *(?:[.,!?]|$| now))|(?:im )?stepping off|(?:im )?letting go(?! of)))(?<=\\b(?:on|at|up on|onto|on top of|at the top of|top of) (?:the |a |this |my )?(?:\\w+ ){0,2}(?:${HIGH_PLACE}|cliffs|multi[- ]?storey|multistorey|ledge|sill)\\b[^?]{0,80}?)(?<!\\b(?:fix\\w*|repair\\w*|tiles|gutters?|aerial|photos?|view|sunset|climb\\w*|bungee|party|ladder)\\b[^?]{0,80}?)(?:(?:gonna|going to|about to|ready to|just need to|just have to) (?:step off(?! (?:the |a )?(?:ladder|step|stool|scaffold\\w*|train|bus|boat|plane|kerb|curb))|let go(?! of)|lean forward|go over)|(?:im )?(?:climbing|stepping|going) over(?: the (?:edge|railing|railings|barrier|side))?(?= *(?:[.,!?]|$| now))|(?:im )?stepping off|(?:im )?letting go(?! of))${LEISURE}`,
        `(?<=(?:^|[.,!?] *|\\bim |\\bi am |\\bi ))(?:lying|lie|laying|lay)(?: down)? on the (?:train |railway )?(?:tracks|rails|railway line)${LEISURE}`,
        `(?:on|lying on|standing on|at) the (?:[a-z]+ )?(?:tracks|rails)[^?]{0,80}?(?:the )?\\d+(?::\\d+)? (?:\\w+ )?(?:comes through|is due|passes|is coming|comes)${LEISURE}`,
        `(?:climbed|climbing|got|getting) over the fence (?:on|of|at) (?:the |a |this )?(?:bridge|overpass|viaduct|cliff|roof|car park|multi[- ]?storey)${LEISURE}(?![^.!?]*\\b(?:ball|dog|field|garden|shortcut|short cut)\\b)`,
        'on the (?:window ?)?(?:sill|ledge) outside (?:my|the) window',
        `(?:took|swallowed|taken|downed|ate|popped) (?:every|all the) (?:pill|pills|tablet|tablets|meds)(?: \\w+){0,2} in the (?:house|flat|cabinet|cupboard|drawer|bathroom)`,
        // "my entire bottle of sertraline", "my whole week of meds at once".
        `(?:took|taken|swallowed|downed|necked|popped) my (?:whole|entire|full) (?:bottle|pack|packet|box|strip|supply|prescription)(?: of)? (?:\\w+ ){0,2}?${PILLS}(?! (?:today|this morning|on time|as prescribed|with food|a day|per day|each day|every day|daily|a week))`,
        `(?:took|taken|swallowed|downed|necked|popped) (?:my |a |the )?(?:whole|entire|full) (?:week|weeks|month|months|fortnight)s? (?:worth )?(?:of )?(?:\\w+ )?${PILLS} (?:at once|in one go|all at once)`,
        `(?:took|swallowed|taken|downed|ate) (?:two|three|four|five|\\d+) (?:whole )?(?:boxes|packs|packets|bottles|strips) of (?:\\w+ )?${PILLS}`,
        `(?:took|swallowed|taken|downed|ate) the rest of (?:my |the |his |her |\\w+s )?(?:\\w+ )?${PILLS}${ROUTINE}`,
        'injected (?:all|every|each|the whole|the entire|a whole|an entire|my whole|my entire|a full|the full|the rest|\\d{2,}) (?:of )?(?:my |his |her |the )?(?:\\w+ )?(?:insulin|insulin pens?|pens?|units|vials?)(?: of (?:\\w+ )?insulin)?(?![^.!?]*\\b(?:dose|correction|as prescribed|with (?:my |a )?meal|breakfast|lunch|dinner|carbs|by (?:accident|mistake)|accidentally|practi[cs]\\w*|training|orange)\\b)',
        // An overdose told by its amount with the medicine left unnamed or named after it: "today i took the
        // entire box", "swallowed my whole week of morning meds", "took a whole months worth" (not food,
        // a routine dose, or a supply taken along).
        `${TAKE}${NOT_A_DOSE_BEFORE} (?:just |already |like |about |maybe )?${PACK}(?= *(?:[.,!?]|$)| (?:and|now|just|already|at once|in one go|all at once|tonight|today|earlier)\\b| ${AGO})${NOT_A_DOSE_AFTER}`,
        `${TAKE}${NOT_A_DOSE_BEFORE} (?:just |already |like |about |maybe )?(?:${SUPPLY}(?: of)?(?: (?:\\w+ ){0,3}?${PILLS})?|(?:a|my|the) (?:whole|entire|full) (?:week|month|fortnight)s? of (?:\\w+ ){0,3}?${PILLS})(?= *(?:[.,!?]|$)| (?:and|now|just|already|at once|in one go|all at once|tonight|today|earlier)\\b| ${AGO})${NOT_A_DOSE_AFTER}`,
        '(?:taken|took|had|swallowed) (?:way |far |much |a lot |so much )?more than (?:my|the|a) (?:dose|prescribed dose)(?![^.!?]*\\b(?:accident\\w*|vitamin\\w*|coffee)\\b)',
        '(?:need to|going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|just have to|have to) kick (?:the |away the )?(?:chair|stool)(?: away)?',
        '(?:bath|tub)(?: \\w+){0,3} (?:running|filled|full|run)[^?]{0,40}?(?:blades?|razors?|knife) (?:is |are )?(?:ready|here|next to)',
        '(?:swallowed|took|taken|ate|downed) (?:everything|all|whatever|every pill) (?:in|from|that was in) (?:my |the )?(?:medicine cabinet|first aid kit|cabinet|drawer|bathroom)(?! out\\b)(?![^.!?]*\\b(?:clean\\w*|tidy\\w*|sort\\w*|moving|new (?:flat|house|place))\\b)',
        // Fourth round (issue 12): an ingestion told by its effect, its source or its company, no pill named.
        `(?:sleepy|drowsy|dizzy|numb|woozy|spinning|shaking|throwing up|vomiting|cant (?:breathe|stay awake|keep my eyes open)|heart is (?:racing|pounding))(?: \\w+){0,3} (?:from|after) (?:what|everything|all (?:of )?(?:what|that)|the stuff) i (?:took|swallowed|downed|necked)(?![^.!?]*\\b(?:cold|flu|hay ?fever|allerg\\w*|headaches?|migraines?|pain|back|tooth\\w*|period|cramps|hangover|prescribed|doctor|gp|dose)\\b)`,
        '(?:took|taken|swallowed|downed|necked) (?:the (?:whole )?lot|them all|all of them|every one of them) (?:\\w+ ){0,2}(?:with|and) (?:a bottle of|half a bottle of|a whole bottle of|the whole bottle of|a fifth of) (?:vodka|alcohol|wine|whiskey|whisky|booze|rum|gin|tequila)(?! (?:to|for|round|over)\\b)',
        '(?:swallowed|took|taken|ate|downed|necked) (?:\\w+ ){0,6}?(?:everything|whatever|all|every pill|the lot)(?: that)?(?: was)? (?:in|from|out of) (?:my |the |\\w+s )?(?:medicine (?:cabinet|cupboard|box|drawer)|first aid (?:kit|box)|bathroom cabinet)(?![^.!?]*\\b(?:clean\\w*|tidy\\w*|sort\\w*|check\\w*|expir\\w*|bin|throw\\w*|donat\\w*|pharmacy|return\\w*)\\b)',
        `\\d{2,} (?:of (?:my|the|his|her|mums?|moms?|dads?|\\w+s) )?(?:\\w+ )?(?:${PILLS}|pils|tabs) (?:down|gone|in me|inside me)(?= *(?:[.,!?]|$|and|already|now|so far))(?![^.!?]*\\b(?:course|antibiotics?|to go|left|prescri\\w*|pharmacy|deliver\\w*|stock\\w*|count\\w*|missing|stolen|lost|bin|recycl\\w*)\\b)`,
        // Walking into water until it takes the speaker (not a swim, a paddle or a dip).
        `(?:walking|wading|going|walked|waded|swimming) (?:out )?(?:into|in|out into|out past|out to) (?:the )?(?:sea|river|lake|ocean|water|reservoir|canal|waves|current|loch|tide)(?: \\w+){0,4}[.,]? (?:\\w+ ){0,4}(?:not (?:coming|turning|going) (?:back|round|around)|no coat|let (?:it|the current|the water|the waves|the tide) take me|(?:up to|at) my (?:chest|neck|chin))${LEISURE}(?![^.!?]*\\b(?:swim\\w*|paddl\\w*|surf\\w*|refreshing|dip|wetsuit|kids?|dog|holiday|beach day|training|race|triathlon)\\b)`,
        '(?:let|letting) (?:the )?(?:current|water|waves|river|sea|tide) (?:take|carry) me(?: away| under| out)?(?= *(?:[.,!?]|$|now|tonight))',
        // A cut deeper than meant, a last step, a bag over the head.
        'cut (?:my ?self |my (?:arm|arms|wrist|wrists|leg|legs|thigh|thighs) |(?:way|much|a lot|so much|far) )?deep(?:er)? than (?:ever|usual|before|last time|i (?:ever )?(?:have|meant|wanted|planned|should|normally do|usually do))',
        `(?:on|sat on|sitting on|sat in|sitting in) (?:the |my )?(?:window ?sill|window ?ledge|open window|window)(?: \\w+){0,3},? (?:with )?my (?:legs|feet) (?:outside|out of the window|over the edge|dangling (?:outside|over))${LEISURE}(?![^.!?]*\\b(?:read\\w*|book|breeze|warm|nice|lovely|music|phone call)\\b)`,
        `one (?:more |last |small )?step and (?:its|it is|itll be|it will be|ill be|il be|im) (?:all )?(?:over|done|gone|free)(?= *(?:[.,!?]|$))${LEISURE}(?![^.!?]*\\b(?:marathon|race|mile|miles|km|summit|finish line|exam|project|degree|thesis|dissertation|course)\\b)`,
        '(?:(?:a|the) )?plastic bag (?:is )?(?:over|on|around|round) my head|the bag is (?:over|on|around|round) my head|bag (?:\\w+ )?(?:taped|tied|tightened|sealed) (?:over|around|round) my (?:head|neck)',
        // English rules audit (issue 12): the forms chat uses. An amount of medicine taken, by any past verb, with
        // fillers between ("took like all of my sleeping pills", "popped a whole bottle of xanax", "downed a bottle
        // of pills", "just finished swallowing all my pills", "took way too many pills"); not a routine, a dose for
        // an ailment, food, or a supply carried along.
        `(?:took|toked|taken|swallowed|swolowed|downed|necked|popped|chugged|ate|washed down|have taken|have washed down|have (?:take|took|swallow|eat|drink|drank)|finished (?:taking|swallowing))${NOT_A_DOSE_BEFORE}${TOLD_PAST} ${FILL}${MANY} (?:(?:my|the) )?(?:\\w+ ){0,2}?${PILLS}${ON_TIME}${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        // The amount with nothing named, the pills being the topic: "just took all of them", "swallowed every last
        // one", "i took 30 of them.", "took a handful." ("took" only where the sentence ends or the speed is named).
        `(?:swallowed|have swallowed)${NOT_A_DOSE_BEFORE}${TOLD_PAST} ${FILL}(?:all (?:of )?(?:them|those|these|it)|them all|every (?:last |single )?(?:one|pill|tablet)(?: of them)?|(?:\\d{2,}|a handful|a fistful|a bunch|a load) of them|the (?:whole )?lot)(?= *(?:[.,!?]|$)| (?:and|now|just|already|at once|in one go|all at once|tonight|earlier|rn)\\b| ${AGO}|${RUN_ON})${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        `(?:took|have taken)${NOT_A_DOSE_BEFORE}${TOLD_PAST} ${FILL}(?:all of (?:them|em)|(?:them|em) all|every (?:last|single) one(?: of them)?|\\d{2,} of them|a (?:handful|fistful)|every (?:single |last )?(?:pill|tablet) (?:i (?:had|have|own|could find|got)|in the house|left))(?= *(?:[.!?]|$)| (?:at once|in one go|all at once)\\b| ${AGO}|${RUN_ON})${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        // "i od'd", "i think i overdosed", "im overdosing right now" (not on coffee or a show, nor a story told
        // after "years ago" earlier in the sentence, which the past scope does not carry across "and").
        `(?<!\\b(?:ago|back then|back in|used to|when i was|as a (?:kid|teen|teenager)|last (?:year|summer|winter|spring|autumn)|in (?:19|20)\\d\\d)\\b[^.!?]*)(?:i|ive|i have|i just|just|i think i|i already|already|i finally|finally|i might have|i may have) (?:odd|od d|oded|od ed|overdosed)(?= *(?:[.,!?]|$)| (?:and|just now|rn|right now|earlier|again|tonight|on (?:my|the|all|his|her|\\w+s) )| ${AGO}|${RUN_ON})(?! on (?:coffee|caffeine|sugar|chocolate|netflix|tv|memes|cuteness|carbs|love|anime|kdramas?|k dramas?|content)\\b)`,
        '(?:im|i am|currently|i think im) (?:\\w+ )?(?:overdosing|oding|od ing)(?! on (?:coffee|caffeine|sugar|chocolate|netflix|tv|memes|cuteness|carbs|love|anime|kdramas?|k dramas?|content)\\b)',
        // The effect felt now of an amount or of an overdose: "getting really drowsy after all those pills", "cant
        // feel my hands from what i took" (a plain "drowsy after the pills" is a side effect, left to the model).
        `(?:cant feel my (?:hands|legs|arms|face|body|fingers|feet)|(?:getting |feel |feeling )?(?:really |so |very )?(?:drowsy|sleepy|woozy|dizzy|numb|faint)|throwing up|vomiting|cant breathe|heart (?:is )?(?:racing|pounding)|(?:vision|everything) (?:is )?(?:going )?blurry|cant stay awake|cant keep my eyes open)(?: \\w+){0,3} (?:after|from) (?:taking |swallowing )?(?:(?:all|every one) (?:of )?(?:my |the |those |these )?(?:\\w+ )?${PILLS}|(?:the|my) (?:whole|entire) (?:bottle|box|pack|packet|strip|lot)|(?:the|my) overdose|(?:the )?od|what i (?:took|swallowed|downed|necked))${FOR_PAIN}${AILMENT}`,
        // Bleeding that will not stop, said of the blood ("the blood wont stop", "im bleeding and it wont stop"), not a
        // nose, a lip, a tooth or a pet.
        `(?<!\\b(?:nose|finger|thumb|lip|gums?|tooth|teeth|paw|knee|ear|period|dog|cat|shav\\w*|cook\\w*|chopp\\w*|kitchen)\\b[^.!?]*)(?:(?:the )?blood (?:\\w+ )?(?:wont|will not|doesnt|does not|isnt|is not|cant) stop(?:ping)?|bleeding and it (?:\\w+ )?(?:wont|will not|doesnt|does not|isnt|is not) stop(?:ping)?)(?![^.!?]*\\b(?:nose\\w*|period|tooth|teeth|dentist|gums?|lip|paw|dog|cat|vet|shav\\w*|cook\\w*|chopp\\w*|kitchen|piercing|tattoo|film|movie|game|scene)\\b)`,
        // On the ledge, the railing or the tracks: "im on the ledge", "sitting on the ledge of my balcony", "on
        // the tracks rn" (not repairs, a view, a drink, reading, a worker's shift).
        `(?:im|i am|currently|sitting|standing|stood|sat) (?:\\w+ )?(?:on|at) the (?:ledge|window ledge|railing|railings|parapet|edge of the (?:platform|roof|bridge|building|cliff|balcony|car park)|platform edge|(?:train |railway )?tracks|railway line)(?: (?:of|on|at) (?:the |a |my |this )?(?:\\w+ )?${HIGH_PLACE})?(?= *(?:[.,!?]|$)| (?:rn|right now|now|again|and|alone|tonight)\\b|${RUN_ON})${LEISURE}${LEDGE_TASK}`,
        // Charcoal or a barbecue lit indoors or in a tent or car.
        '(?:lit|lighting|light|burning|started) (?:the |a |some )?(?:charcoal|disposable (?:bbq|barbecue)|bbq|barbecue)(?: \\w+){0,3} (?:in|inside) (?:the |my )?(?:tent|car|bedroom|bathroom|room|flat|van)(?![^.!?]*\\b(?:garden|yard|outside|park|beach|balcony|patio)\\b)',
        // "i took too much", "ive taken way too much", pills mixed with drink (not food, a drink had, a dose for pain).
        `(?:took|taken|swallowed)${NOT_A_DOSE_BEFORE}${TOLD_PAST} ${FILL}(?:(?:way|far|so|much) )?too much(?= *(?:[.,!?]|$)| (?:and|now|again|tonight|earlier)\\b| ${AGO}|${RUN_ON})${NOT_A_DOSE_AFTER}${FOR_PAIN}${AILMENT}`,
        `(?:(?:mixed|mixing|washed down|washing down) (?:all (?:of )?)?|(?:took|taken|swallowed) all (?:of )?)(?:my|the) (?:\\w+ )?${PILLS} (?:with|and) (?:\\w+ )?(?:vodka|alcohol|wine|whiskey|whisky|booze|rum|gin|tequila)${TOLD_PAST}${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        // Second English rules audit (issue 12, audit set 1): an amount washed down with a drink after a clause,
        // medicines mixed, an amount told in apposition ("took everything in the cupboard, all my meds"), a crash told done on
        // purpose, a train that does not stop and the speaker going when it comes, walking to the edge, gas with no flame,
        // standing in the middle of a motorway, lying in the snow with no coat, food and then water refused.
        `(?:took|taken|swallowed|downed|necked|popped|have taken)${NOT_A_DOSE_BEFORE} ${FILL}${MANY} (?:(?!(?:morning|evening|night|nightly|bedtime|usual|daily|regular)\\b)\\w+ ){0,2}?${PILLS}${ON_TIME}(?: \\w+){0,6},? (?:with|and|washed down with|on top of) (?:a |an |half a |some |a few |two |three |a whole |the whole )?(?:(?:large |big |full )?(?:glass|glasses|bottle|bottles|can|cans|pint|pints|shot|shots|mug) of )?${ALCOHOL}(?![^.!?]*\\b(?:dinner|lunch|breakfast|meal|food|as usual|every (?:day|night|evening)|daily|as always|pub|bar|party|toast)\\b)`,
        `(?<!\\b(?:pharmacist|doctor|gp|nurse|chemist|pharmacy)\\b[^.!?]*)(?:mixed|mixing|combined)(?! up) (?:all (?:of )?)?(?:my |the |his |her |\\w+s )?(?:\\w+ )?${PILLS} (?:with|and) (?:all (?:of )?)?(?:my |the |his |her |\\w+s |some )?(?:\\w+ )?${PILLS}(?! (?:orders?|prescriptions?|up|bottles?|boxes|packets)\\b)(?![^.!?]*\\b(?:doctor|gp|pharmacist|safe|okay|ok|interact\\w*|allowed|can i|should i|is it|by accident|accidentally|pill ?box|organi[sz]er|dosette)\\b)(?![^.!]*\\?)`,
        `(?:took|taken|swallowed|downed|necked|popped|have taken)${NOT_A_DOSE_BEFORE}${TOLD_PAST} (?:\\w+ ){0,5}?(?:everything|evrything|everythin|evrythin|it all|the lot|all of it|whatever)(?: \\w+){0,4},? (?:all (?:of )?my|every one of my|all the) (?:\\w+ )?${PILLS}(?= *(?:[.,!?]|$)| (?:like|about|around|at once|in one go)\\b)(?![^.!?]*\\b(?:to (?:the|my) new|new (?:flat|house|place)|move|moving|clean\\w*|tidy\\w*|sort\\w*)\\b)${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
        '(?:drove|crashed|steered|swerved|rammed)(?: my car| the car| it)? (?:into|off) (?:a |the )?(?:\\w+ )?(?:tree|wall|bridge|river|lake|truck|lorry|cliff|pole|barrier|oncoming traffic|road)(?: \\w+){0,2} (?:on purpose|deliberately|to (?:die|end it|kill myself))',
        `(?=(?:im|i am|il|ill|i will) (?:going|go|jumping|jump|stepping|step)\\b)(?<=\\b(?:(?:fast|express|non ?stop|freight|through) (?:one|train|trains)|(?:doesnt|does not|wont|will not) stop|(?:comes|passes|goes) through)\\b[^?]{0,80}?)(?:im|i am|il|ill|i will) (?:going|go|jumping|jump|stepping|step)(?: (?:out|off|in front(?: of it)?|under(?: it)?))? (?:when|as|once|the moment) it (?:does|comes|passes|gets here|arrives|comes through)${LEISURE}`,
        `(?:walking|heading|going|climbing|stepping|walked|climbed) (?:up |out )?(?:to|towards|onto|up to) the (?:very )?edge(?: of (?:the |a |this )?(?:cliff|cliffs|${HIGH_PLACE}|platform))?(?= *(?:[.,!?]|$)| (?:now|rn|right now|alone|tonight)\\b)${LEISURE}${LEDGE_TASK}`,
        'gas (?:oven|hob|cooker|fire|tap|taps|rings?)? ?(?:is |s )?(?:on|turned on|open|left on|running)(?: \\w+){0,3}?,? (?:with )?(?:no flame|not lit|unlit|without (?:a |the |any )?flame)(?![^.!?]*\\b(?:broken|igniter|ignition|spark\\w*|engineer|leak\\w*|smell\\w*|landlord|fix\\w*|repair\\w*|safety)\\b)',
        '(?:standing|stood|lying|laying|lay) (?:down )?in the middle of (?:the |a )?(?:motorway|dual carriageway|highway|freeway|fast lane)(?![^.!?]*\\b(?:broke down|breakdown|broken down|jam|queue|accident|crash\\w*|police|help\\w*|marshal\\w*|directing|protest\\w*|march\\w*|closed|cones|roadworks|dog|cat|fox|deer)\\b)',
        '(?:lying|lay|laying|sitting|sat) (?:down )?(?:in|on) the (?:snow|ice|frozen ground)(?: \\w+){0,6}? (?:in (?:just |only )?(?:a |my )?(?:t[- ]?shirt|shirt|pyjamas|pajamas|underwear|boxers)|with no (?:coat|jacket|shoes)|without (?:a |my )?(?:coat|jacket))(?![^.!?]*\\b(?:angels?|sledg\\w*|dare|challenge|photos?|pics?|fun|lol|haha|sauna|hot tub|wim hof)\\b)',
        '(?:havent|have not|not) eaten (?:in|for) [^.!?]{1,30}? (?:and|,) (?:ive |i )?(?:stopped|quit) (?:drinking|taking (?:any )?(?:water|fluids))',
        // The amount told after a stop ("took the pills. all of them").
        `(?<=\\b(?:took|taken|swallowed|downed|necked|popped) (?:\\w+ ){0,3}?${PILLS}[.,!]+ *)(?:all of (?:them|em)|(?:them|em) all|every (?:last |single )?one(?: of them)?|the (?:whole )?lot)(?= *(?:[.!?]|$))`,
        // Third English rules audit (issue 12, audit set 2): an amount emptied "into me", what was needed
        // "already taken", a car in the garage with the door down and the engine on, the gas rings left unlit, distress or
        // a goodbye and then "im on the bridge".
        `(?:emptied|tipped|poured) (?:the |my |a |\\w+s )?(?:whole |entire )?(?:medicine (?:cabinet|cupboard|box|drawer)|first aid (?:kit|box)|pill ?box|(?:bottle|tub|jar|packet|box|blister pack) of (?:\\w+ )?${PILLS})(?: \\w+){0,2}? (?:into|down) (?:me|my (?:mouth|throat|gob|stomach))\\b`,
        '(?:taken|took|swallowed|downed|necked) (?:\\w+ )?what i (?:(?:needed|had|wanted|meant|planned) to (?:take|swallow)|(?:had )?(?:saved|stockpiled|been saving|was saving)(?: up)?)(?= *(?:[.,!?]|$)| (?:and|now|already|so|tonight|earlier)\\b)',
        '(?:car|engine|van|motor)(?:s| is| s)? (?:\\w+ ){0,2}in (?:the|my) garage[^.!?]{0,60}? (?:the )?(?:engine|car|motor) (?:is |s |still )?(?:running|on)(?![^.!?]*\\b(?:mechanic|fix\\w*|repair\\w*|servic\\w*|mot|warm\\w*|defrost\\w*|rough|nois\\w*|charg\\w*|battery|jump ?start\\w*|tun\\w*)\\b)',
        '(?:turned|switched|put|left) (?:\\w+ ){0,5}?(?:gas|hob|cooker|oven|rings?|burners?|taps?)(?: \\w+){0,3}? on,? (?:and|but) (?:i )?(?:didnt|did not|havent|have not|not|never) (?:light|lite|lit) (?:it|them|the \\w+)(?![^.!?]*\\b(?:electric|induction|accident\\w*|forgot|oops|whoops|smell\\w*|leak\\w*|igniter|ignition|broken|engineer)\\b)',
        `(?:not (?:ok|okay|alright|fine|safe)|(?:(?:texted|messaged|told|said|rang|called|wrote) (?:\\w+ ){0,2})?goodbye|cant do (?:this|it)(?: any ?more)?|i cant anymore)\\b[^?]{0,60}?(?:now )?(?:im|i am) (?:now )?(?:up |out |standing |sitting |stood |sat )?(?:on|at) (?:the |a )?(?:top of (?:the |a )?|roof of (?:the |a )?|edge of (?:the |a )?)?(?:\\w+ ){0,2}?(?:${HIGH_PLACE}|tracks|railway line|cliffs|multi[- ]?storey)${LEISURE}${LEDGE_TASK}(?![^.!?]*\\b(?:bus|traffic|stuck|queue|waiting|shift|way (?:to|home)|walk\\w*|run\\w*|jog\\w*|cycl\\w*|bike|dog)\\b)`,
        // Third English rules audit (issue 12, audit set 2): a cut told over two lines ("i cut / really deep this time").
        '(?:i|ive|i just|just) cut(?: myself| again)? ?\\. (?:\\w+ )?(?:really |very |so |too |way )deep(?:er)?(?= *(?:[.,!?]|$)| (?:this time|tonight|now|again|and)\\b)',
        // Third English rules audit (issue 12, audit set 2): an engine left running in a shut barn or shed, the sea walked
        // into with distress, fluids refused with food, "not ok" after a place.
        '(?:engine|car|van|motor|tractor|truck|generator|quad)s? (?:is |are |s )?(?:\\w+ ){0,2}running in (?:the|my|a) (?:closed|shut|locked) (?:garage|barn|shed|workshop|lock ?up|unit|outbuilding)(?![^.!?]*\\b(?:warm\\w*|mechanic|fix\\w*|repair\\w*|servic\\w*|test\\w*|extract\\w*)\\b)',
        '(?:engine|car|van|motor|tractor|truck|generator|quad)s? (?:is |are |s )?(?:\\w+ ){0,2}running in (?:the|my|a) (?:garage|barn|shed|workshop|lock ?up|unit|outbuilding)(?=[^.!?]*\\b(?:doors? (?:is |are )?(?:down|shut|closed|locked)|(?:im|i am) (?:sat|sitting|lying|laying) in (?:the )?(?:cab|car|van|seat|it|back))\\b)(?![^.!?]*\\b(?:warm\\w*|mechanic|fix\\w*|repair\\w*|servic\\w*|test\\w*|extract\\w*)\\b)',
        `(?:walking|wading|going) (?:out )?into the (?:sea|river|lake|ocean|water|reservoir|canal|loch|tide|waves)(?: now| rn| right now| tonight)?(?=[^?]{0,80}\\b(?:i dont care|i cant do|goodbye|bye|sorry|love you|not coming back|its over|no point|im done|this is it)\\b)${LEISURE}(?![^?]*\\b(?:swim\\w*|paddl\\w*|dip|kids?|dog|surf\\w*|wetsuit|holiday|beach day|lovely|refreshing|fun|lol|haha)\\b)`,
        '(?:stopped|quit) (?:eating and drinking|drinking and eating|drinking (?:any )?(?:water|fluids|anything) (?:as well as|and|or|along with) (?:food|eating))(?![^.!?]*\\b(?:fast\\w*|ramadan|surgery|operation|procedure|test|anaesth\\w*|colonoscopy|nil by mouth)\\b)',
        `(?:im|i am|currently) (?:now )?(?:up |out |standing |sitting |stood |sat )?(?:on|at) (?:the |a )?(?:top of (?:the |a )?|roof of (?:the |a )?|edge of (?:the |a )?)?(?:\\w+ ){0,2}?(?:${HIGH_PLACE}|tracks|railway line|cliffs|quarry)\\b[^.!?]{0,40}?,? (?:(?:im|i am) not (?:ok|okay|alright|safe)(?: at all)?|i (?:cant|cannot) do this(?: any ?more)?)(?= *(?:[.,!?]|$))${LEISURE}${LEDGE_TASK}`,
        // Third English rules audit (issue 12, audit set 2): every pill in the bottle, a second-language singular and "have took".
        `(?:took|taken|have took|have taken|swallowed|downed|ate) (?:all|every) (?:of )?(?:the |my )?(?:pill|pills|tablet|tablets|medicine|medicines|meds) (?:in|from) (?:the|my) (?:box|bottle|pack|packet|blister|tub|jar|cabinet|drawer|house)${NOT_A_DOSE_AFTER}${FOR_PAIN}`,
      ],
    },
    {
      id: 'en.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        '(?:goodbye|bye|farewell) forever',
        'this is (?:my )?(?:goodbye|farewell)',
        `(?:my|this is my|this will be my) last (?:message|post|words|text|goodbye)${NOT_SOON}`,
        'by the time (?:you|anyone|someone|yall) (?:read|reads|see|sees|find|finds) this',
        `(?:it was|its been|was|been) (?:really |so |genuinely )?(?:nice|lovely|good|great|an honou?r|a pleasure) knowing (?:you|u|yall|everyone|all of you|every one of you|you all|u all|you guys|yous)${NOT_SOON}(?![^.!?]*\\b(?:job|work|team|office|company|leaving do|retir\\w*|moving|new role|class|school|course|uni|reunion)\\b)`,
        'tell my (?:mom|mum|mother|dad|father|family|parents|sister|brother|kids|children|wife|husband|partner|girlfriend|boyfriend)(?: that)? (?:im sorry|i love|i loved|sorry)(?![^.!?]*\\b(?:missed|forgot|late|call (?:back|later|tomorrow)|dinner|party|birthday|wedding|traffic|meeting)\\b)',
        '(?:you|yall) (?:wont|will not|will never) (?:hear from|see) me again',
        '(?:see|catch|meet) (?:you|yall|u|ya) (?:all )?on the other side(?! of\\b)',
        `last (?:msg|message|text|post|words) (?:from me|ever|ill (?:ever )?(?:send|write|post))${NOT_SOON}`,
        // A goodbye with thanks, love or an apology for everything in the same message.
        `(?:goodbye|bye|farewell|so long)(?: (?:everyone|everybody|all|yall|guys|world|friends))?[.,!]*(?: \\S+){0,6}? (?:thank (?:you|u) (?:all )?for (?:everything|trying|being there)|thanks (?:all )?for (?:everything|trying)|i love (?:you|u) (?:all|guys)|sorry for everything|please forgive me|forgive me)${NOT_SOON}`,
        `(?:thank (?:you|u) (?:all )?for (?:everything|trying)|thanks (?:all )?for everything|i love (?:you|u) (?:all|guys)|sorry for everything|please forgive me)[.,!]*(?: \\S+){0,6}? (?:goodbye|bye (?:everyone|all|yall|guys|world)|farewell)(?= *(?:[.,!?]|$))${NOT_SOON}`,
        '(?:gave away|given away|giving away|gave) (?:all )?(?:my|all my) (?:things|stuff|belongings|dog|cat|pets)(?: \\S+){0,10}? (?:goodbye|last (?:msg|message|text|post))',
        '(?:deleted|deleting) (?:all )?(?:of )?my (?:accounts|socials|social media|profiles)(?: \\S+){0,8}? (?:goodbye|last (?:msg|message|text|post))',
        // A note to a future reader, goodbyes already said, a request not to grieve.
        '(?:to|for|dear) (?:whoever|whomever|anyone who|the person who|the one who) (?:finds|reads|sees|is reading) this(?= *(?:[.,!?:]|$|i |im ))',
        `(?:ive|i have|i|just) said (?:my|all my) goodbyes(?! to (?:the|my|our) (?:old |new )?(?:flat|house|home|job|school|city|apartment|team|office|place|town|class)\\b)${NOT_SOON}`,
        `(?:please )?(?:dont|do not) (?:be sad|grieve|mourn) (?:for|over|about) me${NOT_SOON}`,
        // "Before I go" with thanks, love or an apology for everything.
        `before i (?:go|leave|die|am gone|m gone)[.,]? (?:\\S+ ){0,6}?(?:thank (?:you|u) (?:all )?for (?:everything|trying|being there|all)|thanks (?:all )?for (?:everything|trying)|i love (?:you|u)|you (?:all )?(?:mattered|meant)|(?:im )?sorry for everything|forgive me|dont blame yourselves)${NOT_SOON}`,
        `(?:im |i am |i )?(?:go|going away|leaving|gone) (?:for good|forever)(?![^.!?]*\\b(?:moving|move|country|abroad|job|flat|city|uni|school|new)\\b)(?: \\w+){0,3}[.,]? (?:\\S+ ){0,5}?(?:thanks|thank you|sorry|love you|forgive|goodbye|bye)`,
        `last time (?:ill|i will|im going to) (?:ever )?(?:message|write|post|text)(?: \\w+)?(?: here)?${NOT_SOON}`,
        `(?:this is |its )?the last (?:time )?(?:youll|you will|you ll|yall will|anyone will|any of you will) (?:ever )?hear (?:from|of) me${NOT_SOON}`,
        '(?:goodnight|good night|night) forever',
        // Goodbye euphemisms: checking out for good, see you never, do not look for me, gone by the morning.
        '(?:im |i am )?(?:checking|signing|logging|clocking|tapping|bowing) (?:out|off) (?:for good|permanently|forever|for the (?:last|final) time|of (?:life|this world|this life))(?![^.!?]*\\b(?:app|twitter|insta\\w*|tiktok|social media|facebook|reddit|discord|this site|platform|detox|server|game|account|shift|work)\\b)',
        `(?:cya|see (?:you|ya|u|yall)) never${NOT_SOON}`,
        '(?:look after|take care of|feed|walk) my (?:dog|cat|pets?|kids|children|rabbit|hamster|fish|plants)(?: \\w+){0,3} (?:when|after|once) (?:im|i am) (?:gone|dead|not here|not around)(?![^.!?]*\\b(?:holiday|trip|away|abroad|hospital|work\\w*|weekend|week|conference|festival|back)\\b)',
        `(?:dont|do not) (?:try to |bother |come )?(?:look|looking|search|searching) for me(?= *(?:[.!?]|$))${NOT_SOON}`,
        '(?:il|i will) be (?:gone|dead) (?:before|by) (?:midnight|morning|the morning|sunrise|dawn|tomorrow|the sun (?:comes up|rises)|sunup|daybreak|first light)(?![^.!?]*\\b(?:flight|train|trip|holiday|work|shift|airport|bus|conference|camp\\w*|back|home)\\b)',
        '(?:wont|will not) need (?:\\w+ ){0,3}where im going(?![^.!?]*\\b(?:holiday|beach|trip|sun\\w*|hot|warm|abroad|flight|spain|camp\\w*|cold|snow\\w*)\\b)',
        '(?:wont|will not|dont think il|dont think i will|not going to) (?:see|make it to|live to see) (?:another (?:sunrise|day|morning)|the (?:morning|sunrise)|tomorrow)(?![^.!?]*\\b(?:sleep\\w*|work\\w*|lie in|cloud\\w*|fog\\w*|shift|night shift|flight|blinds)\\b)',
        `(?:when|once) (?:you|anyone|someone|yall) (?:(?:read|reads|see|sees|find|finds) this|(?:wake|wakes) up(?![^.!?]*\\b(?:work|shift|flight|gym|run|early|airport|school|uni|shops?|hospital|appointment|out)\\b)),? (?:il|i will) (?:be gone|be dead|not be here|have done it|already be gone)(?! (?:to|for|on|out)\\b)`,
        `(?:this is|tonight is|its) my (?:very )?last (?:night|day)(?![^.!?]*\\b(?:in|at|before|of|shift|job|work|holiday|trip|course|school|term|uni|here)\\b)`,
        // Fourth round (issue 12): gone before the others wake, a reader told it is too late, thanks before doing it.
        '(?:wont|will not|im not gonna|im not going to|not gonna|not going to) be (?:here|around|alive) (?:when|by the time) (?:you|u|yall|everyone|you all|they|anyone|mum|mom|my (?:mum|mom|parents|family)) (?:wake|wakes|get|gets) up(?![^.!?]*\\b(?:work\\w*|shift|flight|train|bus|early|airport|gym|run|out|leaving|commute|hospital|appointment|school|uni|class)\\b)',
        '(?:if|when) (?:youre|you are|ur|u r|anyone is|someone is|you|u) (?:reading|read|see|seeing|find|finding) this,? (?:then )?(?:im|i am|ive|i have|i|it means i)(?:ve| have)? (?:already |probably |finally )?(?:gone|dead|done it|gone through with it|not (?:here|alive|around) anymore)(?! (?:to|for|out|home|off|on|shopping)\\b)',
        '(?:if|when) (?:youre|you are|ur|u r) reading this,? (?:its|it is|it s) (?:already )?too late',
        '(?:nobody|no one|noone|none of you|you wont|yall wont) (?:has|have|will have|needs?|will need) to (?:worry|deal|put up) (?:about|with) me (?:after|past|beyond|from) (?:tonight|today|this weekend|midnight|now on)',
        '(?:there|theres) (?:wont|will not|isnt going to) be (?:a|any) (?:next (?:week|time|month|year|summer|christmas)|tomorrow|morning) for me',
        '(?:thank (?:you|u)|thanks|sorry|i love (?:you|u))(?: \\w+){0,6}? before i (?:do it|go through with it)(?= *(?:[.,!?]|$|in a bit|tonight|soon|now|later))(?![^.!?]*\\b(?:exams?|tests?|revis\\w*|interview|presentation|jump\\w*|bungee|skydiv\\w*|speech|surgery|op|operation|tattoo|haircut|race|marathon|gig|show|practi[cs]\\w*|rehears\\w*|advice|tips)\\b)',
        // Third English rules audit (issue 12, audit set 2): the last thing one will ever post.
        `(?:the )?last (?:thing|words?) (?:ill|i will|i ll) (?:ever )?(?:post|say|write|send|type)(?: (?:here|to (?:you|anyone|yall)))?(?= *(?:[.,!?]|$))${NOT_SOON}`,
        // Third English rules audit (issue 12, audit set 2): going home to the Lord, or with Jesus, at a set time.
        '(?:(?:im |i am |i m )?(?:going|go) home to (?:the lord|god|jesus|him|my maker|my saviou?r|heaven)|(?:il|i will) be (?:with (?:jesus|god|the lord|him|my (?:mum|mom|dad|nan|gran|grandma|grandad|grandpa|grandmother|grandfather))(?: in heaven)?|in heaven)) (?:tonight|today|now|by (?:morning|tomorrow|dawn)|before (?:morning|dawn|sunrise))(?![^.!?]*\\b(?:church|mass|service|prayer meeting|choir|youth group|bible study|vigil|retreat)\\b)',
        // Third English rules audit (issue 12, audit set 2): not alive by a time.
        '(?<!\\b(?:phone|battery|plant|plants|fish|party|chat|server|show|series|game|project|tree|flowers|band|team|shop|business|pub)\\b[^.!?]*)(?:wont|will not|im not gonna|im not going to|not gonna|not going to) be alive (?:by|when|to see|tomorrow|in the morning|after|much longer|by the time)',
        // Third English rules audit (issue 12, audit set 2): goodbye formulas: "tell everyone i said goodbye", no blame for
        // what is about to be done, a goodbye letter located.
        `tell (?:everyone|everybody|them|my (?:mum|mom|dad|family|parents|friends|kids|wife|husband)|\\w+) (?:that )?i said (?:goodbye|bye)(?![^.!?]*\\b(?:party|leaving do|shift|work|holiday|trip|moving|move)\\b)${NOT_SOON}`,
        '(?:please )?(?:dont|do not) blame (?:yourselves|yourself|anyone|each other|urself) for what (?:im|i am|i m|il|i will) (?:about to|going to|gonna|goin to) do(?= *(?:[.,!?]|$))',
        '(?:my|the|a) (?:goodbye|farewell) (?:note|letter)s? (?:is |are |s )?(?:\\w+ )?(?:on|in|under|by|next to|beside) (?:the|my)(?![^.!?]*\\b(?:team|work|office|colleagues?|job|retir\\w*|class|school|teacher|leaving)\\b)',
      ],
    },
    {
      id: 'en.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        '(?:wont|will not|wont even) be (?:here|around|alive) (?:tomorrow|anymore|much longer|by (?:morning|tomorrow)|after (?:tonight|today|this weekend|midnight))(?![^.!?]*\\b(?:dentist|doctor|appointment|work\\w*|shift|holiday|trip|away|wedding|exam|visiting|travel\\w*|flight|camp\\w*|festival|off ?grid|offline|signal|wifi|reception|hospital|op|operation)\\b)',
        // English rules audit (issue 12): "im not gonna be here tomorrow" (a time named; "not going to be around much
        // longer" is left to the model, as its raters read it `high`).
        '(?:im not going to|im not gonna|not going to|not gonna|probably wont|prob wont) be (?:here|around|alive) (?:tomorrow|by (?:morning|tomorrow)|after (?:tonight|today|this weekend|midnight))(?![^.!?]*\\b(?:dentist|doctor|appointment|work\\w*|shift|holiday|trip|away|wedding|exam|visiting|travel\\w*|flight|camp\\w*|festival|off ?grid|offline|signal|wifi|reception|hospital|op|operation)\\b)',
        '(?:wont|will not|am not going to|im not going to) (?:be (?:here|around|alive) to see|live to see|make it to) (?:christmas|my birthday|the new year|new year|next (?:week|month|year|summer)|spring|summer|tomorrow|the morning)(?![^.!?]*\\b(?:work\\w*|away|abroad|travel\\w*|shift|holiday|trip|flight|hospital rota)\\b)',
        // Second English rules audit (issue 12, audit set 1): not coming back from a height or the water, a mother told it was
        // not her fault.
        `(?:wont|will not|im not|not) (?:be )?(?:coming|going) (?:back|home) from (?:the|this|that) (?:\\w+ )?(?:${HIGH_PLACE}|cliffs|quarry|sea|river|lake|woods|forest|tracks|station|platform)(?! (?:club|game|party|tournament|site|meeting|match|shift|class|job)\\b)${NOT_SOON}`,
        '(?:please )?tell (?:my |our )?(?:mum|mom|mother|dad|father|parents|family|wife|husband|partner|sister|brother|kids|children|girlfriend|boyfriend) (?:that )?(?:it|this) (?:wasnt|was not|isnt|is not) (?:her|his|their|your|anyones|anybodys) fault(?= *(?:[.,!?]|$))',
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
        '(?:on|at|to|by|near|beside) the (?:train |railway )?tracks',
        '(?:top (?:floor|level|deck)|roof) of (?:the |a )?(?:car park|parking garage|multi[- ]?storey|building|hospital|mall|shopping centre|block)',
        '(?:\\d+|ten|eleven|twelve|fifteen|twenty) (?:floors|storeys|stories) (?:up|high|down)',
        '(?:top|roof) of the (?:stairwell|tower block|block of flats|flats)',
      ],
    },
    {
      id: 'en.cue.time',
      kind: 'time',
      raises: { high: 'imminent' },
      withKinds: ['active'],
      patterns: [
        TONIGHT,
        'today',
        'tomorrow',
        'this (?:weekend|evening|morning|afternoon|week)',
        'right now',
        '(?:when|after|once) (?:everyone|everybody|my parents|my family|they|my wife|my husband|my roommate)(?: \\w+){0,2} (?:is|are|goes|go|gets|get|fall|falls|went) (?:asleep|to sleep|to bed|out|home|away)',
        'at \\d{1,2}(?: ?(?:am|pm))?',
        'at (?:midnight|dawn|sunrise|sunset)',
        'in (?:an|one|\\d+|a few|a couple of) (?:hour|hours|minutes|mins)',
        '(?:this|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)',
        'before (?:morning|sunrise|dawn)',
        // Third English rules audit (issue 12, audit set 2): before someone wakes or comes home, once the house is quiet.
        'before (?:he|she|they|hes|shes|theyre|the (?:baby|kids|children)|my \\w+|everyone|everybody|anyone|mum|mom|dad) (?:wakes|wake|gets home|get home|comes home|come home|is home|are home|s home|re home|home|gets back|get back|comes back|come back|is back|are back)(?: up)?',
        '(?:when|after|once) (?:everyones|everybodys) (?:asleep|in bed|out|gone)',
        '(?:after|once|when) (?:my|the|this) (?:shift|funeral|exam|exams|party|meeting|wedding|appointment) (?:ends|is over|finishes|is done)',
        '(?:when|once|after) (?:the kids|the children|everyone|everybody|he|she|they|my (?:\\w+)) (?:are|is|go|goes|leave|leaves|left|went) (?:at|to|for) (?:school|work|nursery|the shops)',
        '(?:when|once|after) it (?:gets|is|goes) dark|after dark',
        'this night',
        // "tn" (tonight) only right after what is ended ("ending it tn"): alone it is often a place (Tennessee).
        '(?<=\\b(?:it|myself|things|everything|all) )tn',
        '(?:when|after|once) the (?:house|flat|ward) (?:goes|is|gets|s|has gone)? ?(?:quiet|asleep|dark|empty)',
      ],
    },
    {
      // A weekday is a time ahead only without a past-tense verb in its clause ("tried to end it on sunday").
      id: 'en.cue.time',
      kind: 'time',
      raises: { high: 'imminent' },
      withKinds: ['active'],
      aheadOnly: true,
      patterns: ['on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)'],
    },
    {
      id: 'en.cue.plan',
      kind: 'plan',
      raises: { concern: 'imminent', high: 'imminent' },
      patterns: [
        '(?:i have|ive got|i got|i made|ive made|made|have) a plan(?! (?:for|to) (?:the|this|next|my|our|a|an|today|tomorrow|dinner|lunch|work|school|study|go|get|meet|call|visit|start|finish|talk|see)\\b)',
        '(?:i know|i figured out|figured out|decided|i decided|picked|chose) (?:how|where|when|the (?:day|place|spot|date)) (?:\\w+ ){0,3}(?:do it|die|end it)',
        '(?:know|figured out) (?:how|where|when) (?:im going to|im gonna|il|i will|to|i want to|id) do it',
        'i know (?:exactly )?(?:how and (?:when|where)|when and (?:how|where)|where and (?:how|when))(?= *(?:[.,!?]|$))',
        `(?:${TONIGHT}s|${TONIGHT} is|today is|todays) the (?:night|nite|day)`,
        '(?:gave|given|giving) away (?:all )?(?:my|all my) (?:things|stuff|belongings|possessions|pets|cat|dog)',
        'getting my affairs in order',
        '(?:deleted|deleting) (?:all )?(?:of )?my (?:accounts|socials|social media|profiles)',
        '(?:gave|given|giving) my (?:dog|cat|pets?|things|stuff) (?:away|to)',
        '(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|about to|ready to|will|ill) jump(?= *(?:[.,!?]|$|now|tonight|soon|off))',
        '(?:take|swallow|down|take all of|swallow all of) (?:them|it|these|those|the lot) all',
        '(?:take|swallow|down) (?:all|every one) of (?:them|it|my pills|the pills|my meds)',
        '(?:going to|goin to|going 2|goin 2|gonna|gunna|gna|will|ill|about to) do it (?:tonight|today|tomorrow|now|this weekend|soon)',
        '(?:its|it is) time(?= *(?:[.!?]|$))',
      ],
    },
    {
      id: 'en.cue.method',
      kind: 'plan',
      raises: { concern: 'high', high: 'imminent' },
      patterns: [
        '(?:thinking|thought|think|wondering|planning|picturing|figuring out|working out|worked out) (?:about |of )?how (?:i )?(?:could|would|should|might|id|ill|to) (?:do it|end it|die)(?= *(?:[.,!?]|$))',
        '(?:ways|how) to (?:do it|die)(?= *(?:[.,!?]|$))',
        '(?:thinking|think|thought|wondering) about how(?= *(?:[.,!?]|$))',
      ],
    },
    {
      // Third English rules audit (issue 12, audit set 2): a place kept in mind ("i keep thinking about the bridge")
      // makes a wish to die ideation with a method (`high`); it is no plan, so it does not lift `high` further.
      id: 'en.cue.method',
      kind: 'plan',
      raises: { concern: 'high' },
      patterns: [
        'i (?:know|have figured out|figured out|have worked out|worked out) (?:exactly )?(?:how|where)(?= *(?:[.!?]|$))',
        `(?:keep |kept |cant stop )?(?:thinking|think|thought|dreaming|obsessing|fixating|fixated) (?:about|of|on) (?:the|that) (?:\\w+ )?(?:${HIGH_PLACE}|tracks|train line|railway line|railway|river|quarry|cliffs|motorway|canal|pier)(?![^.!?]*\\b(?:trip|holiday|visit\\w*|walk\\w*|photos?|view|picnic|swim\\w*|fishing|project|build\\w*|design\\w*|commute|traffic|toll)\\b)`,
      ],
    },
    {
      // Third English rules audit (issue 12, audit set 2): on the way to water or a height now.
      id: 'en.cue.means',
      kind: 'means',
      raises: { concern: 'imminent', high: 'imminent' },
      patterns: [
        `(?:walking|heading|going|driving|on my way|off) (?:down |out |up )?(?:to|towards) the (?:river|sea|canal|lake|quarry|pier|cliffs?|bridge|tracks|railway|reservoir)(?= (?:now|rn|right now|tonight)\\b)${LEISURE}(?![^.!?]*\\b(?:fishing|swim\\w*|paddl\\w*|kayak\\w*|row\\w*|dog|kids|picnic|ducks|friends|mates)\\b)`,
      ],
    },
    {
      id: 'en.cue.farewell',
      kind: 'farewell',
      raises: { concern: 'high', high: 'imminent' },
      patterns: [
        // Third English rules audit (issue 12, audit set 2): a prayer for forgiveness ahead of an act, heaven, a game
        // ended (often a joke alone, so cues: they raise a statement or the model's reading, never a message alone).
        '(?:forgive me|pardon me) for what (?:im|i am|i m|il|i will) (?:about to|going to|gonna|goin to) do',
        'see (?:you|yall|u) (?:all )?in heaven',
        '(?:ive|i have|i) made (?:my )?peace(?: with (?:it|everything|god|dying|the world|my decision))?(?= *(?:[.,!?]|$))',
        'game over for me(?: (?:tonight|for good|irl|for real))?',
        'no (?:more )?respawns?(?: (?:this time|for me|irl))?',
        'goodbye',
        '(?:bye|goodbye) (?:everyone|everybody|all|guys|yall|world|friends)',
        'farewell',
        '(?:im|i am) sorry (?:everyone|for everything|to everyone)',
        'sorry for everything',
        'thank(?:s| you) (?:all )?for everything',
        'i love (?:you all|you guys|yall|all of you)',
        'please forgive me',
        'remember me',
        'when im gone',
        'il be gone',
        '(?:take care of|look after) my (?:cat|dog|kids|children|pets|mom|mum|family)',
        '(?:wont|will not|im not) (?:be )?coming back',
        '(?:wrote|written|writing|write) (?:\\w+ ){0,2}(?:letters|a letter|notes|a note) (?:to|for) (?:my|everyone|all)',
        'thank(?:s| you| u) (?:\\w+ )?for trying(?: to help)?',
        '(?:dont|do not|please dont|pls dont) (?:try to )?(?:find|look for|stop|save|come after|call|phone|telephone|ring|contact) me',
        '(?:dont|do not|please dont|pls dont) call (?:anyone|an ambulance|911|999|112|the police)',
        'i (?:dont|do not) want (?:to be saved|to be found|an ambulance)',
        '(?:wont|will not|dont|do not) need (?:it|them|anything|any of (?:it|this|my \\w+)|my \\w+) (?:anymore|any more|where im going)',
        '(?:this is|its) the end(?: for me)?(?= *(?:[.,!?]|$))',
        '(?:im |i am )?(?:so )?sorry(?= *(?:[.!?]|$))',
        '(?:im|i am) (?:so )?sorry(?= *,)',
        '(?:im|i am) ready(?= *(?:[.!?]|$))',
      ],
    },
  ],

  hyperbole: [
    'lol\\w*',
    'lmf?ao\\w*',
    'rofl',
    'a?(?:ha){2,}h?',
    'hehe\\w*',
    'xd+',
    'jk',
    'just (?:kidding|joking)',
    '(?:im |i am )?(?:kidding|joking)',
    '(?:makes|make|made|making) me',
  ],
  doses: {
    id: 'en.routine_dose',
    patterns: [
      `${PILL_NAMES} (?:\\w+ ){0,3}?(?:every|each) (?:day|morning|night|evening|week)`,
      `(?:every|each) (?:day|morning|night|evening) (?:\\w+ ){0,3}?(?:take|taking|took|have|had|swallow|swallowed)\\w* (?:\\w+ ){0,2}?${PILLS}`,
      `${PILL_NAMES} (?:\\w+ ){0,3}?(?:as prescribed|like (?:the|my) (?:doctor|gp|psychiatrist) (?:said|says|told me)|(?:once|twice|three times) a day|daily|on time|(?:with|after|before) (?:my |a )?(?:breakfast|food|dinner|lunch|tea|supper|meal|meals)|before bed|at bedtime)`,
      `(?:with|after|before) (?:my |a )?(?:breakfast|food|dinner|lunch|supper|meal) (?:\\w+ ){0,3}?(?:take|taking|took)\\w* (?:\\w+ ){0,2}?${PILLS}`,
      `(?:my )?(?:usual|normal|daily|regular|prescribed|morning|evening|night|nightly|bedtime) (?:dose|doses|${PILLS})`,
      'as prescribed',
    ],
    amounts: [
      'all',
      'whole',
      'entire',
      'at once',
      'in one go',
      'too many',
      'too much',
      'handful',
      'fistful',
      'bottle',
      'bottles',
      'rest of',
      'every (?:pill|tablet|one|last)',
      'the lot',
      'overdos\\w*',
      'od',
      'double',
      'extra',
      'stockpil\\w*',
      'stash\\w*',
      'saved',
      'enough',
      '\\d{2,}',
    ],
  },
  idioms: [
    {
      id: 'en.killing_me',
      patterns: [
        '(?:is|are|its|was|were|keep|kept) (?:literally |actually |lowkey |so )?killing me',
        'killing me (?:softly|inside)?',
      ],
    },
    {
      id: 'en.kill_me_now',
      patterns: ['(?:just |please |somebody |someone |ugh )?(?:kill|shoot) me (?:now|already|please)'],
    },
    {
      id: 'en.dying_laughing',
      patterns: [
        '(?:died|dying|(?<!(?:want to|wanna|going to|gonna|wish i could|i should|i just) )die|dead) (?:of |from )?(?:laughing|laughter|lmao|lol)',
        'kmsl',
        'kill(?:ed|ing)? myself laughing',
        '(?:im|i am|literally) dead(?= *(?:[.,!?]|$|lol|lmao|haha|omg))',
      ],
    },
    {
      id: 'en.die_of',
      patterns: [
        '(?:could|would|will|gonna|going to|might|about to|almost|nearly) (?:literally )?die (?:of|from) (?:embarrassment|shame|boredom|cringe|cuteness|heat|hunger|thirst|excitement|happiness|jealousy)',
        'die of (?:embarrassment|boredom|cringe|cuteness)',
        'bored to death',
        'scared to death',
        // Not "want to die for real / for good" (second English rules audit).
        'to die for(?! (?:real|good|sure|certain|this time|once and for all|fr)\\b)',
        'dying to (?:know|see|try|hear|meet|go|get|read|watch)',
        'so bored i could die',
      ],
    },
    {
      id: 'en.rather_die_than',
      patterns: [
        '(?:id |i would |i d )?rather (?:die|be dead) than(?! (?:live|go on|keep going|keep living|wake up|be alive|exist)\\b)',
      ],
    },
    {
      id: 'en.dead_tired',
      patterns: ['dead (?:tired|on my feet|beat)', 'battery (?:is )?(?:dying|dead)', 'phone (?:is )?(?:dying|dead)'],
    },
    {
      id: 'en.accident',
      patterns: [
        `(?:accidentally|almost|nearly) (?:cut|burned|burnt|hurt|killed) ${ME}`,
        `(?:cut|burned|burnt|hurt|killed) ${ME} (?:while |when |by )?(?:shaving|cooking|chopping|slicing|baking|ironing|on (?:a|the|some)|at the gym|playing|lifting|running|skiing|falling|tripping|by accident|accidentally)`,
      ],
    },
    {
      id: 'en.overdosed_on',
      patterns: ['overdos\\w* on (?:coffee|caffeine|sugar|chocolate|netflix|tv|memes|cuteness|carbs)'],
    },
    {
      id: 'en.suicide_compound',
      patterns: [
        '(?:career|political|social|commercial|financial|fashion|dating) suicide',
        'suicide (?:squad|mission|missions|doors|door|run|runs|bomber|bombers|bombing|blonde|king)',
        'suicidal tendencies',
        'suicideboys',
        'uicideboy\\w*',
      ],
    },
    {
      id: 'en.suicide_topic',
      patterns: [
        'suicide (?:prevention|awareness|hotline|helpline|lifeline|line|rates|rate|statistics|stats|risk assessment|training|research|survivors? (?:group|support))',
        '(?:prevent|preventing) suicide',
        'suicide and crisis lifeline',
        // English scopes audit (issue 12): public-health and awareness wording ("warning signs of suicidal ideation",
        // "a rise in suicidal thinking among teens"), never with the speaker's own ("an increase in my suicidal thoughts").
        '(?:warning signs?|signs|symptoms?|risk|rates?|prevalence|increase|rise|spike|levels?|topic|discussion|depiction|portrayal) (?:of|in) suicid\\w* (?:ideation|thoughts|thinking|feelings|behaviou?rs?)',
        // Third English rules audit (issue 12, audit set 2): figures and reports in the news.
        'suicide (?:figures?|numbers|toll|data|reports?|documentary)',
      ],
    },
    { id: 'en.shot_foot', patterns: ['shot (?:myself|me) in the foot', 'shoot (?:myself|me) in the foot'] },
    { id: 'en.go_jump', patterns: ['go jump off a (?:bridge|cliff)'] },
    {
      id: 'en.sport_jump',
      patterns: [
        '(?:bungee|bungy|base|cliff|parachute|tandem|ski|cannonball|tombstone|tombstoning) jump\\w*(?: (?:off|from) (?:\\w+ ){0,3}(?:bridge|cliff|cliffs|building|tower|plane|crane|ledge|dam|rock|rocks|pier))?',
        '(?:bungee|bungy|skydiv\\w*|parachut\\w*|paraglid\\w*|abseil\\w*|rappel\\w*)(?: \\w+){0,2} (?:off|from) (?:\\w+ ){0,3}(?:bridge|cliff|cliffs|building|tower|plane|crane|ledge|dam)',
      ],
    },
    {
      id: 'en.dye',
      patterns: [
        'die (?:my|her|his|your|our|their|the) (?:hair|beard|eyebrows|clothes|shirt|jeans|fabric|easter eggs)',
      ],
    },
    {
      // English scopes audit (issue 12): a position defended ("is that the hill you want to die on").
      id: 'en.die_on_hill',
      patterns: [
        'die on (?:this|that) hill(?! (?:behind|near|by|at|outside|in|where|tonight|today|now)\\b)',
        'hill (?:\\w+ ){0,3}?(?:want|wants|wanted|willing|ready|prepared|going|gonna|about) to die on',
      ],
    },
    {
      // English scopes audit (issue 12): Nigerian English "i can't come and kill myself" (I will not wear myself
      // out over it).
      id: 'en.cant_come_and_kill',
      patterns: ['(?:cant|can t|cannot|can not) (?:just )?come (?:and|an|&) kill (?:myself|my self)'],
    },
  ],

  negation: {
    cues: [
      'not',
      'never',
      'dont',
      'do not',
      'wont',
      'will not',
      'wouldnt',
      'would not',
      'doesnt',
      'didnt',
      'isnt',
      'arent',
      'wasnt',
      'no',
      'nor',
      'havent',
      'hasnt',
      'aint',
      'no longer',
      'no intention',
      'no plans?',
      'nothing',
      'zero',
      'without',
    ],
    pseudo: [
      'dont know',
      'do not know',
      'not sure',
      'no idea',
      'dont care',
      'cant stop',
      'cannot stop',
      'can not stop',
      'dont stop',
      'no matter',
      'not only',
      'wont stop',
      'doesnt stop',
      '(?:cant|cannot|can not) promise (?:that )?(?:i )?(?:wont|will not)',
      'not okay',
      'not ok',
      'not fine',
      'not well',
      'not doing (?:well|ok|okay|good|great)',
      'no one',
      'nobody',
      // Third English rules audit (issue 12, audit set 2): slang for "honestly" ("no cap took 30 of my meds").
      'no cap',
      'no lie',
      'no joke',
      'not (?:gonna|going to) lie',
      'not (?:even )?(?:joking|kidding)',
    ],
    window: 5,
    stops: ['i', 'im', 'ive', 'id', 'ill', 'me'],
  },
  clauseBreaks: ['but', 'and', 'so', 'because', 'cause', 'cuz', 'bc', 'though', 'although', 'however', 'yet', 'then'],
  person: {
    first: ['i', 'im', 'ive', 'id', 'ill', 'me'],
    own: ['my', 'mine', 'myself', 'been'],
    subjects: ['i', 'ive', 'id', 'ill'],
    third: [
      'he',
      'she',
      'they',
      'hes',
      'shes',
      'theyre',
      'theyve',
      'theyd',
      'hed',
      'shed',
      'him',
      'his',
      'her',
      'them',
      'their',
      'victims',
      'survivors',
      'users',
      'someone',
      'somebody',
      'anyone',
      'anybody',
      'people',
      'person',
      'who',
      'friend',
      'friends',
      'bestie',
      'bf',
      'gf',
      'bff',
      'brother',
      'sister',
      'sibling',
      'mom',
      'mum',
      'mother',
      'dad',
      'father',
      'parent',
      'parents',
      'cousin',
      'uncle',
      'aunt',
      'grandma',
      'grandpa',
      'grandmother',
      'grandfather',
      'son',
      'daughter',
      'boyfriend',
      'girlfriend',
      'husband',
      'wife',
      'partner',
      'roommate',
      'flatmate',
      'coworker',
      'colleague',
      'classmate',
      'student',
      'client',
      'patient',
      'teen',
      'teenager',
      'guy',
      'girl',
      'boy',
      'man',
      'woman',
      'character',
      'kid',
      'kids',
      'teens',
      'teenagers',
      'students',
      'folks',
      'veterans',
      'vets',
      'children',
      'youth',
      'men',
      'women',
      'boys',
      'girls',
      'patients',
      'clients',
      // Advice and resource posts addressed to whoever reads them: "if you're feeling suicidal, ...".
      'if (?:youre|youve|you|u)(?: re| are| ever| have| ve)?(?: been)? (?:feel\\w*|hav\\w*|struggl\\w*|experienc\\w*|think\\w*|know (?:someone|anyone))',
      // English scopes audit (issue 12): the same address with someone beside the reader or "do" between ("if you
      // or a loved one is feeling suicidal", "if you ever do feel"), or to a group ("help for those feeling").
      'if (?:youre|you|u)(?: or (?:a |an |your |someone |anyone )?(?:[\\w-]+ ){0,2}?(?:is|are))?(?: ever| do| ever do| do ever)? (?:feel\\w*|hav\\w*|struggl\\w*|experienc\\w*|suffer\\w*)',
      'those (?:who are |who re |whore )?(?:feeling|struggling|experiencing|suffering|living with|at risk)',
    ],
    reporting: [
      'said',
      'says',
      'saying',
      'told',
      'tells',
      'telling',
      'texted',
      'texts',
      'texting',
      'wrote',
      'writes',
      'posted',
      'posts',
      'messaged',
      'mentioned',
      'admitted',
      'confessed',
      'claims',
      'claimed',
      // English scopes audit (issue 12): someone else's words aimed at the speaker ("people tell me to kill
      // myself", "he told me to go cut myself"); not a voice, a head or an illness telling ("the voices tell me to"),
      // nor where the speaker takes it up ("told me to kill myself and honestly i might").
      '(?<!\\b(?:voices?|head|brain|mind|thoughts?|something|demons?|it|depression|illness|ocd|intrusive)\\b(?: \\w+){0,2} )(?:tell|tells|telling|told|taunt\\w*) me to(?![^.!?]*\\b(?:i (?:might|may|will|just might|want to|wanna|am going to|m going to|m gonna|im gonna|think i will|should)|might (?:actually |just |really )?(?:do it|listen)|last straw|tempted)\\b)',
    ],
    thirdForms: ['(?:kills|killed|hanged|hung|cuts|cut|burns|hurts|shot|overdosed) (?:him|her|them)sel(?:f|ves)'],
    // Third-person forms; "took" and "tried" only ever count right after a capitalised name.
    thirdVerbs: [
      'says',
      'tells',
      'claims',
      'is',
      'isnt',
      'was',
      'wasnt',
      'has',
      'hasnt',
      'does',
      'doesnt',
      'wants',
      'keeps',
      'thinks',
      'feels',
      'took',
      'tried',
    ],
    window: 10,
  },
  ideationFrames: [
    'think(?:ing)? (?:about|of)',
    'thought (?:about|of)',
    'fantasi[sz]\\w*(?: about)?',
    'imagin\\w*',
    'picturing',
    'daydream\\w*',
    'dream\\w* (?:about|of)',
    'wonder\\w* (?:about|what|if)',
    'obsess\\w* (?:about|over)',
    'thoughts (?:about|of)',
  ],
  frames: [
    'in (?:the|a|this|that) (?:video )?game',
    'song',
    'songs',
    'lyrics?',
    'chorus',
    'verse',
    'quote',
    'quoted',
    'quoting',
    'movie',
    'film',
    'show',
    'series',
    'episode',
    'scene',
    'book',
    'novel',
    'poem',
    'character',
    'album',
    'meme',
    'watched',
    'sang',
    'sings',
    'asked (?:me )?(?:if|whether)',
    'asks (?:me )?(?:if|whether)',
    'asking (?:me )?(?:if|whether)',
    'screening',
    'questionnaire',
    'survey',
  ],
  past: {
    cues: [
      'used to',
      '\\d+ (?:years?|months?) ago',
      '(?:years|months|a year|a few years|many years) ago',
      'when i was',
      'back in',
      'back then',
      'in the past',
      'as a (?:kid|teen|teenager|child)',
      'growing up',
      'years clean',
      'in recovery from',
      'last (?:year|summer|winter|spring|autumn)',
      '(?:two|three|four|five|six|seven|eight|nine|ten|twenty) (?:years?|months?) ago',
      'in (?:19|20)\\d\\d',
      // English scopes audit (issue 12): a child's age or a school year that puts the sentence in the past ("at age 13 i
      // was suicidal", "from ages 9 to 13", "the first time i felt it i was 7", "in 7th grade"), not today's
      // ("im in 9th grade"), not an amount ("i was 2 seconds away").
      '(?:at|from|between) (?:the )?ages? (?:of )?(?:[1-9]|1\\d)\\b',
      'i was (?:only |just |about |around |like )?\\d{1,2}(?: (?:years?|yrs?) old| yo)?(?= *(?:[.,!?;:]|$|and\\b|when\\b|or\\b|but\\b|so\\b))',
      '(?<!\\b(?:im|i am|am|now|currently|still) )in (?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth) grade',
    ],
    present: ['again', 'now', 'nowadays', 'lately', 'recently', 'still', 'currently', 'anymore', 'tonight', 'today'],
    verbs: [
      'tried',
      'attempted',
      'took',
      'swallowed',
      'overdosed',
      'jumped',
      'did',
      'went',
      'woke',
      'ended',
      'nearly',
      'almost',
    ],
  },
  maskTargets: [
    'suicide',
    'suicidal',
    'kill',
    'killing',
    'myself',
    'die',
    'dying',
    'dead',
    'unalive',
    'selfharm',
    'kms',
    'cut',
    'cutting',
    'overdose',
    'hang',
  ],
}
