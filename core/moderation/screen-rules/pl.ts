/**
 * Polish screening rules: slurs, insults aimed at someone, harassment phrases, and
 * self-harm method / means detail (safe-messaging). Data first, patterns compiled at load.
 *
 * Patterns run on normalised text: lower case with Polish letters folded (ą->a, ł->l, ż->z …),
 * so a rule written as "zabij sie" meets "Zabij się", "ZABIJ SIE" and "z4bij sie" alike.
 * Polish inflects: word lists carry explicit endings; vocative endings ("debilu", "cioto")
 * address someone by themselves. See docs/moderation-screening.md for the policy.
 */
import { near, re, words, type LexEntry, type PhraseRule, type RulePack } from './shared.js'

/* Slurs: ROT13-encoded stems (decode with rot13() in shared.ts). Modest on purpose. */
const SLURS: readonly LexEntry[] = [
  // homophobic
  {
    w: 'crqny',
    g: 'homophobic',
    end: ['', 'y', 'a', 'ow', 'em', 'e', 'ami', 'ach', 'om', 'owi', 'ku', 'ek', 'ki', 'kow'],
    amb: true,
  }, // "pedał gazu"
  { w: 'crqnh', g: 'homophobic', end: ['', 'y', 'a', 'u'] },
  { w: 'crqmv', g: 'homophobic', end: ['o', 'a', 'ow', 'ami', 'em', 'u'], voc: ['u'] },
  { w: 'pvbg', g: 'homophobic', end: ['a', 'o', 'y', 'e', 'om', 'ami', 'ach'], voc: ['o'] },
  { w: 'pjry', g: 'homophobic', end: ['', 'u', 'a', 'e', 'i', 'em', 'ami', 'om', 'ach', 'ow'], voc: ['u'] },
  { w: 'psry', g: 'homophobic', end: ['', 'u', 'a', 'e', 'i', 'em', 'ami', 'om', 'ach', 'ow'], voc: ['u'] },
  { w: 'yrfo', g: 'homophobic', end: ['a', 'o', 'y', 'e', 'om', 'ami', 'ach', 'ie'], voc: ['o'], amb: true },
  // racist
  { w: 'pmneahpu', g: 'racist', end: ['', 'a', 'y', 'u', 'em', 'ow', 'ami', 'om', 'ach'], voc: ['u'] },
  { w: 'pmneahu', g: 'racist', end: ['', 'a', 'y', 'u', 'em', 'ow'], voc: ['u'] },
  {
    w: 'zhemla',
    g: 'racist',
    end: ['', 'a', 'ie', 'u', 'em', 'ow', 'ami', 'i', 'ka', 'ki', 'ko'],
    voc: ['ko'],
    amb: true,
  },
  { w: 'nfsnyg', g: 'racist', end: ['', 'y', 'ow', 'cie'], amb: true }, // also "asphalt"
  { w: 'pvncng', g: 'racist', end: ['y', 'a', 'e', 'ych', 'ym', 'ymi', 'ego', 'emu', 'i'] },
  { w: 'pvncnp', g: 'racist', end: ['i'] },
  { w: 'pvncnx', g: 'racist', end: ['', 'i', 'u', 'a', 'ow', 'ami', 'iem', 'om'], voc: ['u'] },
  { w: 'xnpnc', g: 'racist', end: ['', 'y', 'ie', 'ow', 'a', 'ami', 'om', 'em', 'u'], voc: ['ie'] },
  // antisemitic
  { w: 'mlq', g: 'antisemitic', end: ['ek', 'ki', 'ku', 'kow', 'kiem', 'kami', 'lo', 'la', 'lem'], voc: ['ku'] },
  { w: 'cnepu', g: 'antisemitic', end: ['', 'y', 'u', 'a', 'ie', 'em', 'ami', 'ow'], amb: true }, // also a skin disease
  // ableist
  { w: 'qbja', g: 'ableist', end: ['ie', 'em', 'a', 'ami', 'y'], voc: ['ie'], amb: true },
  { w: 'xnyrx', g: 'ableist', end: ['a', 'o', 'i', 'e', 'ami', 'om'], voc: ['o'], amb: true },
]

/** Masculine noun endings plus the feminine -ka forms; vocatives given per word. */
const NOUN = ['', 'a', 'e', 'i', 'y', 'em', 'ow', 'om', 'ami', 'ach', 'ka', 'ko', 'ki', 'ke', 'kom', 'kami']
const FEM = ['a', 'o', 'y', 'e', 'i', 'om', 'ami', 'ach']
const ADJ = ['y', 'a', 'ym', 'e', 'i', 'ego', 'ej', 'ymi', 'ych']

/* Insults: only harassment when aimed at someone ("ty debilu", "jesteś idiotą"); "jestem głupia" is not. */
const INSULTS: readonly LexEntry[] = [
  { w: 'idiot', g: 'insult', end: FEM.concat(['ka', 'ko', 'ki', 'ke', 'ow']), voc: ['o', 'ko'] },
  { w: 'idjot', g: 'insult', end: FEM.concat(['ka', 'ko', 'ki', 'ke', 'ow']), voc: ['o', 'ko'] },
  { w: 'debil', g: 'insult', end: NOUN.concat(['u']), voc: ['u', 'ko'] },
  { w: 'kretyn', g: 'insult', end: NOUN.concat(['ie']), voc: ['ie', 'ko'] },
  { w: 'glup', g: 'insult', end: ['ek', 'ku', 'ka', 'kiem', 'ki', 'kow', 'i', 'ia', 'im', 'ich'], voc: ['ku'] },
  { w: 'frajer', g: 'insult', end: NOUN.concat(['ze', 'zy']), voc: ['ze', 'ko'] },
  { w: 'smiec', g: 'insult', end: ['', 'iu', 'ia', 'iem', 'i'], voc: ['iu'] },
  { w: 'nieudacznik', g: 'insult', end: ['', 'u', 'a', 'iem', 'i', 'ow', 'czka', 'czko'], voc: ['u', 'czko'] },
  { w: 'beznadziejn', g: 'insult', end: ADJ },
  { w: 'zalosn', g: 'insult', end: ADJ },
  { w: 'gowniar', g: 'insult', end: ['z', 'zu', 'a', 'o', 'y', 'e', 'zem', 'ze', 'zy'], voc: ['zu', 'o'] },
  { w: 'gown', g: 'insult', end: ['o', 'em'] },
  { w: 'szmat', g: 'insult', end: FEM, voc: ['o'] },
  { w: 'dziwk', g: 'insult', end: FEM, voc: ['o'] },
  { w: 'kurw', g: 'insult', end: ['o'], voc: ['o'] }, // "kurwa" alone is an interjection, not an insult
  { w: 'suk', g: 'insult', end: FEM, voc: ['o'] },
  { w: 'chuj', g: 'insult', end: ['', 'u', 'em', 'a', 'ami', 'e', 'ow'], voc: ['u'] },
  { w: 'pizd', g: 'insult', end: FEM, voc: ['o'] },
  { w: 'palan', g: 'insult', end: ['t', 'cie', 'ta', 'tem', 'ci', 'tow', 'ty'], voc: ['cie'] },
  { w: 'dur', g: 'insult', end: ['en', 'niu', 'nia', 'niem', 'nie', 'niami'], voc: ['niu'] },
  { w: 'matol', g: 'insult', end: ['', 'e', 'a', 'em', 'y', 'ki', 'ku'], voc: ['e', 'ku'] },
  { w: 'baran', g: 'insult', end: ['', 'ie', 'a', 'em', 'y'], voc: ['ie'] },
  { w: 'mend', g: 'insult', end: FEM, voc: ['o'] },
  { w: 'gnid', g: 'insult', end: FEM, voc: ['o'] },
  { w: 'kutas', g: 'insult', end: ['', 'ie', 'a', 'em', 'y', 'ow'], voc: ['ie'] },
  { w: 'zjeb', g: 'insult', end: ['', 'a', 'em', 'y', 'ow', 'ami', 'any', 'ana', 'anym', 'ani'] },
  {
    w: 'pojeb',
    g: 'insult',
    end: ['', 'a', 'em', 'y', 'ow', 'ami', 'any', 'ana', 'anym', 'ani', 'ancu', 'aniec'],
    voc: ['ancu'],
  },
  { w: 'jebniet', g: 'insult', end: ADJ },
  { w: 'psychol', g: 'insult', end: ['', 'u', 'a', 'em', 'e', 'ka', 'ko'], voc: ['u', 'ko'] },
  { w: 'swir', g: 'insult', end: ['', 'ze', 'a', 'em', 'y', 'ka', 'ko'], voc: ['ze', 'ko'] },
  { w: 'lamus', g: 'insult', end: ['', 'ie', 'a', 'em', 'y', 'ow'], voc: ['ie'] },
  { w: 'pajac', g: 'insult', end: ['', 'u', 'a', 'em', 'e', 'ow'], voc: ['u'] },
  { w: 'grubas', g: 'insult', end: ['', 'ie', 'a', 'em', 'y', 'ka', 'ko', 'ki'], voc: ['ie', 'ko'] },
  { w: 'ofiar', g: 'insult', end: ['o'], voc: ['o'] }, // "ofiara" is also "victim": only the vocative
  { w: 'klamc', g: 'insult', end: ['a', 'o', 'y'], voc: ['o'] },
  { w: 'przegryw', g: 'insult', end: ['', 'ie', 'a', 'em', 'y'], voc: ['ie'] },
  { w: 'cham', g: 'insult', end: ['', 'ie', 'a', 'em', 'y', 'ka', 'ko'], voc: ['ie', 'ko'] },
  { w: 'uposledzon', g: 'insult', end: ADJ },
  { w: 'brzydal', g: 'insult', end: ['', 'u', 'a', 'em', 'e'], voc: ['u'] },
]

const FILLERS = [
  'tak[a-z]*',
  'zwykl[a-z]*',
  'glup[a-z]*',
  'skonczon[a-z]*',
  'pierdolon[a-z]*',
  'jeban[a-z]*',
  'zasran[a-z]*',
  'totaln[a-z]*',
  'kompletn[a-z]*',
  'straszn[a-z]*',
  'cholern[a-z]*',
  'mal[ya]',
  'malym',
  'star[ya]',
  'brudn[a-z]*',
  'obrzydliw[a-z]*',
  'zjeban[a-z]*',
  'pojeban[a-z]*',
  'kurwa',
  'chujow[a-z]*',
  'beznadziejn[a-z]*',
  'zalosn[a-z]*',
  'tlust[a-z]*',
  'grub[a-z]*',
  'wredn[a-z]*',
  'okropn[a-z]*',
  'nedzn[a-z]*',
  'jaki[a-z]*',
  'jakas',
  'jakims',
  'po',
  'prostu',
  'naprawde',
  'serio',
  'chyba',
  'zwyczajnie',
  'kurde',
  'kurcze',
  'no',
  'ale',
  'jedn[a-z]*',
  'wielki[a-z]*',
  'ty',
  'zwykla',
  'zwyklym',
]
const TARGET_FRAMES = [
  'ty',
  'wy',
  'jestes',
  'jestescie',
  'z ciebie',
  'z was',
  'ty to',
  'ty jestes',
  // Aimed at the whole room ("jestescie wszyscy zalosnymi frajerami", "wy wszyscy to debile").
  'jestescie (?:tu |tutaj )?(?:wszyscy|wszystkie|wszyscy tu|wszyscy tutaj)',
  'wy wszyscy(?: to| jestescie)?',
  'wszyscy tu(?:taj)? jestescie',
]
const SELF_FRAMES = ['jestem', 'bylam', 'bylem', 'czuje sie jak', 'czuje sie jakby', 'jestem tylko']
const REPORT_CUES = [
  'nazwal[a-z]*',
  'nazywa[a-z]*',
  'nazwie',
  'nazwano',
  'wyzwal[a-z]*',
  'wyzywa[a-z]*',
  'wyzwano',
  'przezywa[a-z]*',
  'powiedzial[a-z]*',
  'mowil[a-z]*',
  'mowi',
  'mowia',
  'krzyczal[a-z]*',
  'krzyczy',
  'krzycza',
  'wrzeszczal[a-z]*',
  'napisal[a-z]*',
  'pisal[a-z]*',
  'pisze',
  'uslyszal[a-z]*',
  'slysze',
  'slyszalam',
  'slyszalem',
  'cytuje',
]
const NEGATIONS = ['nie', 'nikt', 'nigdy', 'wcale', 'ani']

/* ------------------------------------------------------------------------------------------ */
/* Harassment phrases (on `lex`)                                                               */
/* ------------------------------------------------------------------------------------------ */

const YOU = '(?:cie|ciebie|was)'
const HARASSMENT: readonly PhraseRule[] = [
  {
    id: 'pl.harassment.incitement',
    category: 'harassment',
    outcome: 'hold',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        'zabij sie',
        'zabijcie sie',
        'powies sie',
        'powiescie sie',
        'utop sie',
        'zdechnij',
        'zdychaj',
        'idz(?:cie)? sie (?:zabic|zabij|powiesic|powies|utopic|utop)',
        '(?:obys|zebys|bys|obyscie) (?:zdechl|zdechla|umarl|umarla|sie zabil|sie zabila|sie powiesil|sie powiesila|zginal|zginela|nie zyl|nie zyla|zdechli|umarli)',
        'wyskocz (?:z|przez) okn[a-z]*',
        'skocz z (?:mostu|dachu|okna|balkonu)',
        '(?:strzel|palnij) sobie w leb',
        'swiat bylby lepszy bez ciebie',
        'nikt by za toba nie (?:plakal|tesknil)',
        'nie zaslugujesz (?:zeby|by|na to zeby) zyc',
      ]),
    ),
  },
  {
    id: 'pl.harassment.threat',
    category: 'harassment',
    outcome: 'hold',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        `(?:zabije|zajebie|zatluke|zatlucze|pobije|dopadne|zgwalce|zniszcze|zadzgam|udusze|zastrzele|rozwale|rozjebie|wpierdole) ${YOU}`,
        `ja ${YOU} (?:zabije|zajebie|zatluke|zatlucze|dopadne|zgwalce|zadzgam|udusze|zastrzele)`,
        'wiem gdzie mieszkasz',
        'jestes (?:juz )?(?:martwy|martwa|trupem)',
        'juz nie zyjesz',
        'pozalujesz',
      ]),
    ),
  },
  {
    id: 'pl.harassment.hostile',
    category: 'harassment',
    outcome: 'flag',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        'spierdalaj(?:cie)?',
        'spierdalej',
        'wypierdalaj(?:cie)?',
        'wypierdalej',
        'spieprzaj(?:cie)?',
        'spadaj(?:cie)?',
        'odpierdol sie',
        'odpieprz sie',
        'odwal sie',
        'odczep sie',
        'pierdol sie',
        'pieprz sie',
        'jeb sie',
        `jebac ${YOU}`,
        `pierdole ${YOU}`,
        `walic ${YOU}`,
        '(?:chuj|huj) (?:ci|wam) w dupe',
        'wynocha',
        'won stad',
        'zamknij (?:morde|ryj|pysk|jape|gebe|twarz|dziob|mordke)',
        'stul (?:pysk|morde|ryj|dziob)',
        'zamknij sie(?= *(?:$|[.!,?]|ty\\b|wreszcie\\b|juz\\b|kurwa\\b|debil|idio))',
        `nikt ${YOU} (?:tu |tutaj )?nie (?:lubi|chce|kocha|potrzebuje|slucha)`,
        'nikogo nie obchodzisz',
        `nienawidze ${YOU}`,
      ]),
    ),
  },
  {
    id: 'pl.harassment.insult',
    category: 'harassment',
    outcome: 'flag',
    reason: 'harassment',
    guarded: true,
    pattern: re(
      words([
        '(?:jestes|ty) (?:nic|gowno) (?:nie )?wart[a-z]*',
        'nic nie jestes wart[a-z]*',
        '(?:jestes|ty) (?:zwyklym |zwykla |jebanym |jebana )?(?:zerem|zero|pomylka|pomylka natury)',
      ]),
    ),
  },
]

/* ------------------------------------------------------------------------------------------ */
/* Self-harm method / means detail (on `norm`)                                                 */
/* ------------------------------------------------------------------------------------------ */

const PILLS =
  'tabletek|tabletki|tabletka|tabletke|tabl|tab|pigulek|pigulki|pigulka|kapsulek|kapsulki|kapsulka|lekow|leki|prochow|prochy|tabletek nasennych|tabletki nasenne'
const DRUGS = [
  'paracetamol[a-z]*',
  'apap[a-z]*',
  'ibuprom[a-z]*',
  'ibuprofen[a-z]*',
  'aspiryn[a-z]*',
  'polopiryn[a-z]*',
  'insulin[a-z]*',
  'xanax[a-z]*',
  'relanium',
  'hydroksyzyn[a-z]*',
  'tramal[a-z]*',
  'tramadol[a-z]*',
  'kwetiapin[a-z]*',
  'ketrel[a-z]*',
  'sertralin[a-z]*',
  'antydepresant[a-z]*',
  'benzodiazepin[a-z]*',
  'morfin[a-z]*',
  'fentanyl[a-z]*',
  'zolpidem[a-z]*',
  'stilnox[a-z]*',
  'kodein[a-z]*',
].join('|')
const UNITS =
  'mg|miligram[a-z]*|g|gram[a-z]*|ml|opakowan[a-z]*|paczek|paczki|paczke|pudelek|pudelka|pudelko|listkow|listki|listek|blistr[a-z]*|butelk[a-z]*|fiolk[a-z]*'
const QUANTITY = [
  `\\d+ ?(?:${PILLS}|${UNITS})`,
  `\\d+ (?:moich |tych |swoich )?(?:${DRUGS}|${PILLS})`,
  '(?:cal[a-z]*|pelne|pelna|pelny) (?:opakowan[a-z]*|paczk[a-z]*|pudelk[a-z]*|listek|listki|blistr[a-z]*|butelk[a-z]*|fiolk[a-z]*)',
  `wszystkie (?:moje |swoje |te |moich )?(?:tabletki|leki|prochy|pigulki)`,
  'wszystko co mam w apteczce',
].join('|')
const INTENT = [
  'przedawkow[a-z]*',
  'umrzec',
  'umre',
  'zabic sie',
  'sie zabic',
  'zabije sie',
  'zabilam sie',
  'zabilem sie',
  '(?:zeby|aby|by) sie nie obudzic',
  'nie obudzic sie',
  'sie nie obudzic',
  'nie obudze sie',
  'sie nie obudze',
  'samoboj[a-z]*',
  'skonczy[cm] ze soba',
  'skoncze ze soba',
  'otruc sie',
  'otruje sie',
  'na smierc',
  'zasnac na zawsze',
  'zeby (?:juz )?nie zyc',
  'zeby to (?:wszystko )?skonczyc',
  'odejsc na zawsze',
].join('|')
const HOWTO_TARGET = [
  'zabic sie',
  'sie zabic',
  'popelnic samobojstwo',
  'umrzec',
  'powiesic sie',
  'sie powiesic',
  'podciac (?:sobie )?zyly',
  'otruc sie',
  'sie otruc',
  'przedawkowac',
  'skonczyc ze soba',
  'odebrac sobie zycie',
].join('|')
const GAP_NO_NEGATION =
  '(?:(?!(?:nie|przestac|przestaje|radzic|poradzic|uniknac|powstrzymac|pomoc|pomagac|rozmawiac|powiedziec|mowic|by[a-z]*)\\b)\\S+ ){0,2}?'

const SELF_HARM: readonly PhraseRule[] = [
  {
    id: 'pl.self_harm.lethal_dose',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      [
        words(
          '(?:smierteln[a-z]*|letaln[a-z]*|zabojcz[a-z]*|toksyczn[a-z]*) dawk[a-z]*|dawk[a-z]* (?:smierteln[a-z]*|letaln[a-z]*|zabojcz[a-z]*|toksyczn[a-z]*)',
        ),
        words(
          `ile (?:\\S+ ){0,3}?(?:${PILLS}|${DRUGS}|mg)(?: \\S+){0,4}?,? (?:zeby|aby|by|trzeba|potrzeba|wystarczy|musze|mam)(?: \\S+){0,3}? ?(?:umrzec|zabic|przedawkowac|nie obudzic|zatruc|otruc|zginac|smierc[a-z]*)`,
        ),
        words(
          `ile (?:\\S+ ){0,3}?(?:${PILLS}|${DRUGS}|mg)(?: \\S+){0,3}? (?:zabija|zabije|jest smierteln[a-z]*|to smierteln[a-z]*)`,
        ),
        words(
          'ile (?:trzeba|musze|potrzeba|mam) (?:wziac|lyknac|polknac|zazyc)(?: \\S+){0,3}?,? (?:zeby|aby|by) (?:\\S+ ){0,2}?(?:umrzec|nie obudzic|zabic|przedawkowac)',
        ),
      ].join('|'),
    ),
  },
  {
    id: 'pl.self_harm.dose',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      [
        near(QUANTITY, INTENT, 8),
        near(
          'wzi[ae]l[a-z]*|lykn[ae]l[a-z]*|polkn[ae]l[a-z]*|zazyl[a-z]*|zarzucil[a-z]*|wezme|lykne|polkne|wziac|lyknac|polknac',
          `(?:[2-9]\\d|\\d{3,}) (?:${PILLS}|${DRUGS})`,
          3,
        ),
      ].join('|'),
    ),
  },
  {
    id: 'pl.self_harm.how_to',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      words(
        `(?:jak (?:sie )?(?:mozna |najlepiej |najszybciej |najlatwiej |bezbolesnie |skutecznie |szybko )?|(?:najlepsz[a-z]*|najszybsz[a-z]*|najlatwiejsz[a-z]*|bezbolesn[a-z]*|skuteczn[a-z]*|pewn[a-z]*|prost[a-z]*) (?:sposob[a-z]*|metod[a-z]*)(?: na| zeby| aby| by)? |sposob[a-z]* (?:na |zeby |aby )|metod[a-z]* (?:na |zeby )?)${GAP_NO_NEGATION}(?:${HOWTO_TARGET})`,
      ),
    ),
  },
  {
    id: 'pl.self_harm.hanging',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      [
        near(
          'sznur[a-z]*|petl[a-z]*|stryczek|stryczka',
          'szyj[a-z]*|belk[a-z]*|hak[a-z]*|sufit[a-z]*|klamk[a-z]*|powiesi[a-z]* sie|sie powiesi[a-z]*|powiesze sie|wiesza[a-z]* sie',
          5,
        ),
        near(
          'pasek|paska|paskiem|kabel|kabla|kablem',
          'szyj[a-z]*|belk[a-z]*|sufit[a-z]*|powiesi[a-z]* sie|sie powiesi[a-z]*|powiesze sie',
          5,
        ),
      ].join('|'),
    ),
  },
  {
    id: 'pl.self_harm.cutting',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        '(?:tne|ciac|cielam|cielem|pocielam|pocielem|pociac|ciachac|ciachnac|ciachnelam|nacinac|nacielam|nacielem) sie|sie (?:tne|ciac|ciachac|pociac|pocielam|pocielem)|podciac|podcinac|podcielam|podcielem',
        'gleboko|glebiej|glebok[a-z]*|wzdluz|pionowo|tetnic[a-z]*|sciegn[a-z]*|szwy|szycia|do kosci|jak gleboko',
        4,
      ),
    ),
  },
  {
    id: 'pl.self_harm.gas',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'tlenk[a-z]* wegla|tlenek wegla|spalin[a-z]*|wegl[a-z]* drzewn[a-z]*|czad[a-z]*|hel(?:em|u)',
        'umrzec|smierc[a-z]*|zabic sie|sie zabic|samoboj[a-z]*|zatruc sie|otruc sie|garaz[a-z]*|namiot[a-z]*|worek|worka|workiem|waz[a-z]*|uszczeln[a-z]*|zasnac',
        6,
      ),
    ),
  },
  {
    id: 'pl.self_harm.height',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'skocz[a-z]*|skakac|skacze|rzuc[a-z]* sie|wyskocz[a-z]*',
        '\\d+\\.? ?(?:pietr[a-z]*|metr[a-z]*|m)|(?:dziesiat|jedenast|dwunast|trzynast|czternast|pietnast|szesnast|siedemnast|osiemnast|dziewietnast|dwudziest|ostatni)[a-z]* pietr[a-z]*|wystarczajaco wysok[a-z]*|na tyle wysok[a-z]*|jak wysok[a-z]*|z ktorego (?:mostu|pietra|dachu|bloku|budynku)|ktory most|ktore pietro|z jakiej wysokosci',
        6,
      ),
    ),
    also: re(
      words(
        'most[a-z]*|dach[a-z]*|budyn[a-z]*|wiez[a-z]*|balkon[a-z]*|okn[a-z]*|klif[a-z]*|pietr[a-z]*|blok[a-z]*|parking[a-z]*|wiadukt[a-z]*|skarp[a-z]*',
      ),
    ),
  },
  {
    id: 'pl.self_harm.train',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'pociag[a-z]*|tory|torach|torow|szyn[a-z]*',
        '\\d{1,2}[:.]\\d{2}|rozklad[a-z]*|ekspres[a-z]*|pendolino|nie zatrzymuje|nie staje|o (?:godzinie )?\\d+',
        6,
      ),
    ),
    also: re(
      words(
        'rzuc[a-z]* sie|poloz[a-z]* sie|skocz[a-z]*|wskocz[a-z]*|wejsc pod|wejde pod|pod pociag[a-z]*|wbiegn[a-z]*',
      ),
    ),
  },
  {
    id: 'pl.self_harm.firearm',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'bron|broni|bronia|pistolet[a-z]*|strzelb[a-z]*|rewolwer[a-z]*|giwer[a-z]*',
        'nabit[a-z]*|naboj[a-z]*|amunicj[a-z]*|do glowy|w skron|do ust|w usta|w leb',
        6,
      ),
    ),
  },
  {
    id: 'pl.self_harm.stockpile',
    category: 'self_harm_method',
    outcome: 'hold',
    reason: 'self_harm_method',
    pattern: re(
      near(
        'zbieram|zbieralam|zbieralem|uzbiera[a-z]*|odkladam|odkladalam|odkladalem|chomikuj[a-z]*|zachomikowal[a-z]*|gromadz[a-z]*|zgromadzil[a-z]*',
        'tabletki|tabletek|leki|lekow|prochy|prochow|pigulki|pigulek',
        3,
      ),
    ),
  },
]

export const PL: RulePack = {
  lang: 'pl',
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
