/**
 * Polish crisis-risk lexicon. Data only; see types.ts for the pattern conventions.
 * Canonical text has Polish letters folded ("zabiję się" -> "zabije sie"), so folded forms
 * of 1st- and 3rd-person verbs sometimes coincide ("chcę"/"chce"); person cues and the
 * `thirdForms` list tell them apart where it matters. Polish puts a comma before "że",
 * "żeby", "gdyby": patterns allow an optional comma there (",? ").
 */
import type { Lexicon } from './types.js'

/** Forms of zabić/zabijać used with "się" by the speaker (and ambiguous 3rd-person ones). */
const KILL =
  '(?:zabi(?:c|je|jesz|jemy|jam|jac|jal|jala|jalem|jalam|l|la|lem|lam|lbym|labym|lbys|labys|lby|laby)|zajeb(?:ac|ie|iesz|albym|alabym))'
/** Forms of pociąć/ciąć/tnę. */
const CUT =
  '(?:poci(?:ac|al|ala|alem|alam|ela|elam|elem|eli|ely|elabym|albym)|potne|potniesz|ciac|ciecia|cieciu|ciecie|tne|tniesz|tnac|cialem|cialam|cielam|ciela|cial|ciach(?:am|asz|alam|alem|ac)|kalecz(?:e|ysz|ylam|ylem|yc)|skalecz(?:e|yc))'
/** Forms of powiesić. */
const HANG = '(?:powies(?:ic|ze|zesz|il|ila|ilem|ilam|ilbym|ilabym))'
/** A gap of up to two ordinary words (not object pronouns or a new clause). */
const GAP = '(?:(?!(?:mnie|cie|go|ja|ja|je|ich|ze|zeby|ale|bo|i|a)\\b)\\w+ ){0,2}'
const PILL_NAMES =
  '(?:tabletk\\w*|tabletek|tabeltk\\w*|lek(?:i|ow|ami|ach)|lekarstw\\w*|pigul\\w*|proch(?:y|ow|ami)|proszk(?:i|ow)|tabs\\w*|psychotrop\\w*|leki nasenne|antydepresant\\w*|benzo\\w*|paracetamol\\w*|ibuprofen\\w*|apap\\w*|relanium|xanax\\w*|(?:hydroksyzyn|kwetiapin|ketrel|tramadol|tramal|kodein|klonazepam|alprazolam|afobam|zolpidem|stilnox|sertralin|fluoksetyn|pregabalin|lorafen|estazolam|ketonal|nurofen|aspiryn|polopiryn|pyralgin|metamizol|ketoprofen|naproksen|diklofenak|morfin|oksykodon|fentanyl|escitalopram|citalopram|wenlafaksyn|mirtazapin|mianserin|trazodon|olanzapin|lamotrygin|karbamazepin|depakin|diazepam|oksazepam|lorazepam|clonazepam|propranolol|metoprolol|bisoprolol|amlodypin|nasenn|dekstrometorfan|acodin|thiocodin|tussidex)\\w*)'
/**
 * The same names behind an empty lookahead, which matches everywhere: V8 then compiles what follows it once
 * instead of once for every way the pattern can reach it (see en.ts). Used where the names do not begin a pattern.
 * Also chat's "klony" (clonazepam), which is a maple too: so it is read after an amount or a verb of taking, and
 * is not among the means a cue reads.
 */
const PILLS = `(?=)(?:${PILL_NAMES}|klony|klonow)`
const MEANS_NOUN = `(?:${PILL_NAMES}|sznur\\w*|lin[eay]|petl[aeiy]|bron|pistolet\\w*|strzelb\\w*|rewolwer\\w*|noz|nozyk|zyletk\\w*|ostrz\\w*|trucizn\\w*|trutk\\w*|cyjan\\w*)`
/**
 * A goodbye for now ("do jutra", "ostatnia wiadomość dziś") is not a final one. The words of a later
 * meeting are read anywhere after the goodbye; a period the goodbye is bounded by ("ostatnia
 * wiadomość ode mnie dzisiaj", "w tym tygodniu") only in its own sentence (decision 060).
 */
const NOT_SOON =
  '(?!.*\\b(?:do (?:jutra|zobaczenia(?! po drugiej)|nastepnego|poniedzialku|wtorku|srody|czwartku|piatku|soboty|niedzieli|przyszlego|wieczora|potem|pozniej)|na razie|na dzis|dzis wieczorem|przed urlopem|przed wyjazdem|jutro|za tydzien|pozniej)\\b)(?![^.!?]*\\b(?:dzis|dzisiaj|w tym tygodniu|w ten weekend|tego wieczoru)\\b)'
/** Means named in an ordinary task ("trzymam noz w rece, bo kroje warzywa"). */
const ROUTINE =
  '(?! (?:bo|do|zeby|dla|na)\\b)(?![^.!?]*\\b(?:kroj\\w*|gotuj\\w*|obiad\\w*|kolacj\\w*|warzyw\\w*|kuchni\\w*|dawk\\w*|bol\\w* glowy|zwykl\\w*|codzienn\\w*)\\b)'
/** Ordinary reasons to be on a roof, a balcony or a platform (repairs, a view, a drink, a train to ride). */
const LEISURE =
  '(?![^.!?]*\\b(?:napraw\\w*|rynn\\w*|dachowk\\w*|anten\\w*|widok\\w*|zachod\\w*|wschod\\w*|gwiazd\\w*|herbat\\w*|kaw\\w*|piw\\w*|win\\w*|papieros\\w*|pal\\w*|grill\\w*|impre\\w*|urodzin\\w*|zdjec\\w*|fot\\w*|opala\\w*|wspin\\w*|pran\\w*|kwiat\\w*|ksiazk\\w*|spozni\\w*|dopoki|az skoncz\\w*|fajerwerk\\w*|do zobaczenia|pracy|biura)\\b)'
/** A dose taken as usual, for pain or with a meal: not an overdose (checked over the rest of the message). */
const ROUTINE_PL =
  '(?![^.!?]*\\b(?:na (?:bol|przeziebienie|goraczke|gardlo|migrene)|jak zwykle|jak co dzien|przepisan\\w*|codziennie|co (?:dzien|rano|wieczor)|kazdego (?:dnia|ranka|rana|wieczoru)|regularnie|przed snem|zgodnie z \\w+|zalecon\\w*|zaleceni\\w*|antybiotyk\\w*|kuracj\\w*|do (?:obiadu|kolacji|sniadania)|poranne|wieczorne|pizz\\w*|ciast\\w*|wolne)\\b)'
/** A time a short while ago ("20 minut temu", "pół godziny temu"). */
const AGO =
  '(?:\\d+|pol|kilka|kilkanascie|dwie|dwadziescia|pietnascie|trzydziesci|czterdziesci) ?(?:minut|min|godzin\\w*|godzine)? temu'
const HIGH_PLACE = '(?:mostu|dachu|okna|balkonu|wiezowca|bloku|klifu|skaly|wiaduktu|estakady|urwiska|\\w+ pietra)'
/**
 * Words Polish puts between a verb and its object, or between "się" and its verb, without changing
 * what is said: "wzięłam właśnie całe opakowanie", "łyknąłem chyba ze 30", "się chyba dzisiaj zabiję".
 */
const PART =
  '(?:(?:juz|chyba|zaraz|wlasnie|dzis|dzisiaj|teraz|po prostu|w koncu|naprawde|serio|wreszcie|przed chwila|sobie|normalnie|w siebie) )*'
/** Taking pills, said by the speaker: past (-łem/-łam, also "wziełam", "wziołem"), present, future, infinitive. */
const TAKE =
  '(?:wzi(?:alem|alam|elam|elem|olem|ac)|wezme|lykn(?:alem|elam|e|ac)|lykam|polkn(?:alem|elam|e|ac)|polykam|zazy(?:lem|lam|je|c|wam)|zjad(?:lem|lam)|zjem|zarzuc(?:ilem|ilam|e|ic)|wciagn(?:alem|elam|e|ac)|wypi(?:lem|lam|je|c)|wrzuc(?:ilem|ilam|e|ic)|wjeb(?:alem|alam|ie)|wpierdol(?:ilem|ilam|e)|wpieprz(?:ylem|ylam|e))'
/** The same act, told after its object ("wszystkie tabletki już połknęłam"): past and present, first person. */
const TOOK =
  '(?:wzi(?:alem|alam|elam|elem|olem)|lykn(?:alem|elam)|lykam|polkn(?:alem|elam)|polykam|zazyl(?:em|am)|zjadl(?:em|am)|zarzucil(?:em|am)|wciagn(?:alem|elam)|wypil(?:em|am)|wrzucil(?:em|am)|wjebal(?:em|am)|wpierdolil(?:em|am)|wpieprzyl(?:em|am))'
/** A pack's worth, which names a medicine by itself: "całe opakowanie", "cały blister", "pół paczki", "całą fiolkę". */
const PACK =
  '(?:cale (?:opakowanie|pudelko)|cala (?:paczke|fiolke|butelke|apteczke|zawartosc)|caly (?:blister|listek|zapas|sloik)|cala (?:blache|blaszke)|(?:pol|poltora|dwa|trzy|kilka|wszystkie) (?:opakowani[ae]|opakowan|paczki|paczek|blistr(?:a|y|ow)|fiolki|butelki|listk(?:a|i|ow)))'
/** An amount beyond a dose, before a medicine: "wszystkie", "ze 30", "kilkanaście", a pack's worth. */
const AMOUNT = `(?:(?:ze|z|okolo|jakies|prawie|ponad|gdzies|ostatnie|moje|swoje|cale) )?(?:wszystkie|wszytkie|wsztkie|\\d{2,}|(?:(?:o wiele|duzo|znacznie|zdecydowanie) )?za duzo|garsc|kilkanascie|kilkadziesiat|dwadziescia|trzydziesci|czterdziesci|piecdziesiat|reszte|reszta|${PACK})`
/** Food, sweets, drinks and supplements: what a pack of which is no overdose ("całe opakowanie chipsów"). */
const FOOD =
  '(?:chips\\w*|cukier\\w*|cukierk\\w*|czekolad\\w*|ciast\\w*|ciastk\\w*|lod(?:y|ow|ami)|pizz\\w*|gum\\w*|zelk\\w*|zelek|piw\\w*|chleb\\w*|bulk\\w*|jogurt\\w*|mlek\\w*|mleka|platk\\w*|herbatnik\\w*|wafl\\w*|wafelk\\w*|paluszk\\w*|orzesz\\w*|orzech\\w*|krakers\\w*|batonik\\w*|batony|baton|witamin\\w*|magnez\\w*|suplement\\w*|tranu|probiotyk\\w*|pastyl\\w* do ssania|mietowk\\w*|tic tac\\w*|jedzeni\\w*|obiad\\w*|kolacj\\w*|sniadani\\w*|przekask\\w*|slodycz\\w*)'
/**
 * A routine or a forgotten or owed dose around the act, in its sentence: "biorę wszystkie leki codziennie",
 * "zapomniałam wziąć wszystkich tabletek", "muszę wziąć całe opakowanie antybiotyku".
 */
const NOT_A_DOSE_AFTER = `(?![^.!?]*\\b(?:${FOOD}|codziennie|co (?:dzien|dziennie|rano|wieczor|noc)|kazdego (?:dnia|ranka|rana|wieczoru)|przed snem|regularnie|zgodnie z \\w+|jak zwykle|jak co dzien|na (?:bol|przeziebienie|goraczke|gardlo|migrene|alergi\\w*)|przepisan\\w*|zalecon\\w*|antybiotyk\\w*|kuracj\\w*|do (?:obiadu|kolacji|sniadania)|po (?:sniadaniu|obiedzie|kolacji|jedzeniu)|przez pomylke|przypadkiem|niechcacy)\\b)`
/** The same, earlier in the act's clause ("codziennie biorę …"; "…, ale dziś" starts a new one). */
const NOT_A_DOSE_BEFORE = `(?<!\\b(?:${FOOD}|codziennie|regularnie|zawsze)\\b(?:(?!\\b(?:ale|lecz|jednak|tylko|dzis|dzisiaj)\\b)[^.!?,])*)`
/** Put right after TAKE: a dose owed or forgotten ("muszę wziąć", "zapomniałam wziąć"; not "mam zamiar wziąć"). */
const NOT_OWED =
  '(?<!\\b(?:zapomnial\\w*|zapominam|musze|musial\\w*|mam|mialam|mialem|trzeba|powinienem|powinnam|kazal\\w*|kaze|pamietaj\\w*|pamietam) (?:(?!zamiar\\b)\\w+ )?\\w+)'
/** Instrumental forms of the means ("zamknęłam się w łazience z żyletką"). */
const MEANS_WITH =
  '(?:zyletk(?:a|ami)|nozem|nozykiem|ostrzem|brzytwa|sznurem|lina|petla|paskiem|bronia|pistoletem|strzelba|tabletkami|lekami|prochami|pigulkami|tabsami|trucizna|trutka)'
/** A nosebleed, a period, a dentist, a kitchen or a shave: blood that is no wound one made. */
const NOT_A_WOUND =
  '(?![^.!?]*\\b(?:nos\\w*|dziasl\\w*|zeb\\w*|okres\\w*|miesiaczk\\w*|porod\\w*|kroj\\w*|kuchni\\w*|golen\\w*|golil\\w*|palec|palc\\w*|upad\\w*|przewrocil\\w*|rower\\w*|pies|psa|kot|kota|horror\\w*|film\\w*|serial\\w*|grze|gry|mecz\\w*)\\b)'
/** The same words earlier in the sentence; placed at a match's end, so it reads back over the match too. */
const NOT_A_WOUND_BEFORE =
  '(?<!\\b(?:nos\\w*|dziasl\\w*|zeb\\w*|okres\\w*|miesiaczk\\w*|porod\\w*|kroj\\w*|kuchni\\w*|golen\\w*|golil\\w*|palec|palc\\w*|upad\\w*|przewrocil\\w*|rower\\w*|pies|psa|kot|kota|horror\\w*|film\\w*|serial\\w*|grze|gry|mecz\\w*)\\b[^.!?]{0,200})'
/**
 * Not one's own question of death or pain: study, news and fiction, a pet or a child, an ordinary pain
 * (a tattoo, a waxing, a jab), curiosity about coffee ("ile kawy trzeba wypić, żeby umrzeć").
 */
const NOT_ONES_OWN_WORDS =
  'temat\\w*|referat\\w*|esej\\w*|wyklad\\w*|lekcj\\w*|artykul\\w*|ksiazk\\w*|film\\w*|serial\\w*|bohater\\w*|postac\\w*|kryminal\\w*|egzamin\\w*|kurs\\w*|ratownik\\w*|pierwsz\\w* pomoc\\w*|pies|psa|kot|kota|dziecko|dziecka|komor\\w*|rosli\\w*|bakteri\\w*|kaw\\w*|kofein\\w*|wody|depilac\\w*|tatuaz\\w*|kolczyk\\w*|zabieg\\w*|szczepi\\w*|pobrani\\w*|porod\\w*|dentyst\\w*|wosk\\w*|xd|haha\\w*'
const NOT_ONES_OWN = `(?![^.!?]*\\b(?:${NOT_ONES_OWN_WORDS})\\b)(?<!\\b(?:${NOT_ONES_OWN_WORDS})\\b[^.!?]{0,100})`
/** A joke or hyperbole marked in its sentence ("po tej sesji zasnę na zawsze xd"). */
const NOT_A_JOKE = '(?![^.!?]*\\b(?:xd|haha\\w*|hehe\\w*|lol|zart\\w*)\\b)'
/** Poisons and household chemicals drunk or swallowed ("wypiłam środek na szczury", "trutka wypita"). */
const POISON =
  '(?:srod\\w* (?:na szczury|na myszy|na chwasty|do udrazniania \\w+|chwastobojcz\\w*|owadobojcz\\w*)|trutk\\w*|trucizn\\w*|plyn\\w* do (?:udrazniania \\w+|rur|chlodnic\\w*|spryskiwaczy)|kret\\w*|wybielacz\\w*|domestos\\w*|antyfryz\\w*|rozpuszczalnik\\w*|denaturat\\w*|kwas\\w* (?:solny|solnego|siarkow\\w*|azotow\\w*)|oprysk\\w*|srod\\w* (?:ochrony roslin|na stonke|na mszyce)|pestycyd\\w*|herbicyd\\w*|insektycyd\\w*|glifosat\\w*|roundup\\w*|randap\\w*|paraquat\\w*)'
/** Pills taken along rather than swallowed ("wzięłam leki na wyjazd, dwa opakowania"). */
const NOT_CARRIED_WORDS =
  'wyjazd\\w*|podroz\\w*|wakacj\\w*|urlop\\w*|do (?:torby|plecaka|walizki|samochodu|auta|pracy)|ze soba|zapas\\w*|z apteki|aptek\\w*'
const NOT_CARRIED = `(?![^.!?]*\\b(?:${NOT_CARRIED_WORDS})\\b)(?<!\\b(?:${NOT_CARRIED_WORDS})\\b[^.!?]{0,100})`
/** Coal burnt to heat a home (a stove, a fireplace, a boiler), or a grill outdoors. */
const NOT_HEATING =
  '(?![^.!?]*\\b(?:piec\\w*|kominek|kominku|kominka|kotl\\w*|ogrzew\\w*|grzejn\\w*|zimno|na (?:balkonie|dzialce|ogrodzie|tarasie))\\b)'
const NOT_HEATING_BEFORE = '(?<!\\b(?:piec\\w*|kominek|kominku|kominka|kotl\\w*|ogrzew\\w*)\\b[^.!?]{0,100})'
/** A knife, a rope or a gun with their hobby (hunting, fishing, mushrooms, a shooting range). */
const NOT_A_HOBBY =
  '(?![^.!?]*\\b(?:polow\\w*|mysliw\\w*|strzelnic\\w*|grzyb\\w*|wedk\\w*|ryb\\w*|zbior\\w*|obiad\\w*|kolacj\\w*)\\b)'
/** Swimming with a lifeguard, a float or the children, or turning back ("tylko po pas", "wracam"). */
const NOT_A_SWIM =
  '(?![^.!?]*\\b(?:tylko|ratownik\\w*|kolo|kolem|rekawk\\w*|kamizelk\\w*|dzieci\\w*|(?<!nie )wracam|wroce do brzegu)\\b)'
/** Ankle weights and stones in a workout, a dive or a boat: not a weight tied on to drown. */
const NOT_A_WORKOUT_WORDS = 'trening\\w*|cwicz\\w*|silowni\\w*|rehabilit\\w*|fizjo\\w*|nurk\\w*|wedk\\w*'
const NOT_A_WORKOUT = `(?![^.!?]*\\b(?:${NOT_A_WORKOUT_WORDS})\\b)(?<!\\b(?:${NOT_A_WORKOUT_WORDS})\\b[^.!?]{0,160})`
/** A reason one no longer needs a thing (a new one, moving out, growing up): not a goodbye. */
const NO_LONGER_NEEDED_FOR =
  '(?:szpital\\w*|sanatori\\w*|wojsk\\w*|oboz\\w*|urlop\\w*|wakacj\\w*|studi\\w*|kupil\\w*|kupuje|nowy|nowa|nowe|nowego|nowej|schudl\\w*|urosl\\w*|wyprowadz\\w*|przeprowadz\\w*|wyjezdzam|wyjezdza\\w*|wyjazd\\w*|emigruj\\w*|zmieniam|zmienil\\w*|przeszedl\\w*|przeszl\\w*|rzucil\\w*|rzucam|skonczyl\\w*|zdal\\w*|dostal\\w*|wygral\\w*|wyrosl\\w*|sprzedaj\\w*|sprzedal\\w*|zamiast)'
/** A whole goodbye is two of these: an apology or thanks for everything, love, a farewell, an end. */
const GOODBYE_SORRY = '(?:(?:przepraszam|sory|sorry|sorki) (?:was |wam )?za wszystko|wybaczcie mi|przebaczcie mi)'
const GOODBYE_THANKS = '(?:dziekuje (?:wam |ci )?za wszystko|dzieki za wszystko)'
const GOODBYE_LOVE = '(?:kocham was(?: wszystkich| bardzo| mocno)?)'
const GOODBYE_END =
  '(?:zegnajcie|zegnam (?:sie|was)|zegnaj swiecie|to (?:juz )?(?:jest )?koniec(?= *(?:[.,!?]|$))|nie szukajcie mnie|do widzenia na zawsze)'

export const pl: Lexicon = {
  language: 'pl',
  detection: {
    letters: 'ąćęłńóśźż',
    words: [
      'nie',
      'sie',
      'jest',
      'mam',
      'juz',
      'mnie',
      'mi',
      'ze',
      'jak',
      'co',
      'tak',
      'ale',
      'bo',
      'czy',
      'na',
      'w',
      'z',
      'po',
      'tylko',
      'wszystko',
      'nic',
      'dzis',
      'dzisiaj',
      'jutro',
      'chce',
      'moge',
      'ja',
      'ty',
      'jestem',
      'bylo',
      'byc',
      'tego',
      'sobie',
      'siebie',
      'zycie',
      'zyc',
      'serio',
      'wszystkim',
      'dla',
      'od',
      'przez',
      'za',
      'sa',
      'byl',
      'byla',
      'tez',
      'sorki',
      'dziekuje',
      'czesc',
      'wiem',
      'bardzo',
      'moj',
      'moja',
      'moje',
      'ten',
      'ta',
      'to',
      'jej',
      'go',
      'wam',
      'was',
      'zeby',
      'gdyby',
      'kiedy',
      'czuje',
      'mysle',
      'ochote',
      'dosc',
      'znowu',
      'chyba',
      'ktos',
      'wszyscy',
      'wszystkich',
    ],
  },

  rules: [
    // ---- concern: hopelessness, burden
    {
      id: 'pl.hopelessness',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        'po co (?:ja )?(?:w ogole )?(?:zyje|zyc|to wszystko|mam zyc|sie starac)',
        '(?:stracil\\w*|tracie) (?:juz )?(?:wszelka )?nadzieje',
        'mam (?:juz )?(?:wszystkiego|tego wszystkiego) (?:dosc|dosyc)',
        '(?:mam )?(?:dosc|dosyc) (?:juz )?(?:wszystkiego|tego wszystkiego)',
        'niech (?:to )?(?:sie )?(?:juz )?(?:wszystko )?(?:sie )?skonczy',
        '(?:chce|chcialbym|chcialabym),? (?:zeby|aby|by) (?:to |wszystko )?(?:\\w+ ){0,3}(?:skonczylo|ustalo|przestalo)',
        'kiedy (?:to )?(?:wszystko )?(?:sie )?(?:wreszcie )?skonczy',
        'bezwartosciow\\w*',
        'po co (?:mam |mi )?(?:zdrowiec|sie leczyc|terapia|leki|walczyc|probowac|sie starac)',
        '(?:rozczarowan\\w*|zawiedzion\\w*|zla|zly|wsciekl\\w*),? ze (?:sie )?(?:znowu |znow |jednak )?(?:obudzil\\w*|przezyl\\w*|dalej zyje)',
        '(?:mam gdzies|wszystko mi jedno|obojetne mi),? czy (?:przezyje|umre|bede zyc|sie obudze)',
        'jaki (?:to )?(?:wszystko |to wszystko |ma )?(?:ma )?sens(?= *(?:[.,!?]|$))',
        '(?:tylko )?wegetuje',
        '(?:czuje (?:tylko )?|tylko |sama |jedna )pustk\\w*',
        '(?:wszystko|zycie|moje zycie) (?:mi )?sie (?:sypie|wali|rozpada)',
        '(?:jestem )?(?:zmeczon\\w*|zmeczona|zmeczony) (?:wszystkim|walka|zyciem)',
        'jestem (?:nikim|zerem)',
        '(?:czuje sie|jestem) (?:\\w+ )?pust\\w* w srodku',
      ],
    },
    {
      id: 'pl.hopelessness',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        'nie widze (?:juz )?(?:zadnego )?sensu',
        'nie widze siebie (?:za|w) (?:\\w+ ){0,2}(?:lat|lata|rok|przyszlosci)',
        '(?:nigdy|juz) (?:sie )?nie (?:poprawi|polepszy|bedzie lepiej)',
        'sie (?:juz )?nigdy nie (?:poprawi|polepszy|zmieni)',
        '(?:chce|chcialbym|chcialabym|wolalabym|wolalbym) (?:\\w+ ){0,2}nie istniec',
        '(?:nadzieje|modle sie|marze),? (?:ze|zeby|aby) (?:\\w+ ){0,4}(?:nie wyzdrowieje|nie obudze sie|sie nie obudze|nie przezyje)',
        'bez nadziei',
        '(?:czuje sie|jestem) (?:\\w+ )?nic nie wart\\w*',
        'nie obchodzi mnie,? co sie (?:ze )?mna stanie',
        'nic (?:juz )?nie ma sensu',
        '(?:zycie|wszystko|moje zycie) (?:jest |nie ma )?bez sensu',
        'nie ma (?:juz )?sensu (?:zyc|zycia|dalej|niczego)',
        'nie ma (?:juz )?(?:dla mnie )?(?:zadnej )?(?:nadziei|ratunku)(?: dla mnie)?',
        'nie dam (?:juz )?rady (?:juz )?(?:dluzej|tak zyc|zyc)',
        '(?:juz )?nie daje (?:juz )?rady(?= *(?:[.,!?]|$|juz|dluzej|ze wszystkim|z zyciem))',
        'nie wytrzymuje (?:juz )?(?:tego|dluzej)',
        'nic (?:juz )?mnie nie cieszy',
        'nie widze (?:zadnego )?(?:wyjscia|przyszlosci|swiatla)',
        // Third audit: no tomorrow for oneself ("nie widzę dla siebie żadnego jutra").
        'nie widze (?:dla siebie |dla mnie )?(?:zadnego )?jutra(?! (?:w|we|na|dla) (?:tej|tym|tych|naszej|naszym|tego|nas)\\b)',
        'nie ma (?:juz )?(?:dla mnie )?(?:wyjscia|przyszlosci)',
        '(?:nic|nigdy) (?:juz )?(?:nie )?(?:bedzie|sie nie zmieni|nie bedzie) (?:lepiej|dobrze)',
        'nic sie (?:juz )?nie zmieni',
        'nie wiem,? czy (?:dam rade|wytrzymam|przetrwam)(?: (?:dalej|dluzej|to|tak))?',
        'nie pamietam,? kiedy (?:ostatnio )?(?:chcial\\w*|mialam ochote|mialem ochote) zyc',
        'nie mam po co (?:(?:juz|rano) )?(?:wstawac|zyc|sie starac|dalej zyc|tu byc)',
        '(?:czuje,? (?:ze|jakbym|jak bym)|jakbym) (?:powoli )?(?:tone|tonal\\w*|tonel\\w*)(?= *(?:[.,!?]|$|i\\b|a\\b|w srodku))',
        '(?:nic|mnie (?:juz )?nic|juz mnie nic) (?:mnie )?(?:juz )?nie trzyma (?:mnie )?(?:juz )?(?:na tym swiecie|przy zyciu|tutaj)',
      ],
    },
    {
      id: 'pl.burden',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        '(?:jestem|bede|czuje sie) (?:\\w+ )?ciezarem',
        '(?:wszystkim|im|rodzinie|swiatu|kazdemu|wam|mamie|rodzicom) (?:byloby|bedzie|by bylo|bylo by) lepiej beze mnie',
        'lepiej (?:by )?(?:(?:mu|jej|im|wam|ci|wszystkim) )?(?:bylo|byloby|bedzie) (?:\\w+ )?beze mnie(?! (?:na (?!tym swiecie)|w|we|przy|u|podczas)\\b)',
        'wszystkim (?:tylko )?przeszkadzam',
        '(?:byloby|bylby|bylaby|byliby|bedzie|beda|bylo by) (?:\\w+ )?(?:lepiej|lzej|lzejszy|lzejsza|szczesliwsi|szczesliwszy|szczesliwsza|latwiej|prosciej|spokojniej) beze mnie',
        '(?:odetchn\\w*|ulzy\\w*),? (?:\\w+ )?(?:gdyby|jakby|kiedy|jak) mnie (?:zabraklo|nie bylo)',
        '(?:wszyscy|wszystkim|rodzina|rodzinie|swiat|swiatu|bliscy|bliskim) (?:\\w+ )?(?:byliby|byloby|bylaby|bylby|beda|bedzie|by bylo) (?:\\w+ )?(?:szczesliwsi|szczesliwsza|lepiej|lzej|latwiej)(?:,? (?:gdybym|jakbym|gdyby mnie|jakby mnie|beze mnie))',
      ],
    },
    {
      id: 'pl.burden',
      level: 'concern',
      kind: 'hopelessness',
      patterns: ['nikt by (?:\\w+ ){0,2}nie (?:zauwazyl|zauwazy|tesknil|plakal|zauwazyla)'],
    },
    // ---- concern: passive wish to be dead
    {
      id: 'pl.ideation.passive',
      level: 'concern',
      kind: 'passive',
      patterns: [
        '(?:czuje sie,? )?(?:jakbym|jak bym) (?:\\w+ )?(?:chcial\\w*|miala? ochote) (?:juz )?umrzec',
        '(?:chce|chcialbym|chcialabym|chcialam|chcialem|chce mi sie|mam ochote|pragne|marze,? zeby) (?:\\w+ )?(?:umrzec|umierac|zdechnac)',
        '(?:chce|chcialbym|chcialabym|mam ochote) (?:\\w+ )?(?:przestac istniec|zniknac)(?: na zawsze)?',
        'przestac istniec',
        'obym (?:juz )?(?:umarl\\w*|zdechl\\w*)',
        // Not "wolałbym umrzeć, niż tam iść" (hyperbole).
        'wolal(?:a)?bym (?:juz )?(?:umrzec|byc martw\\w*)(?![^.!?]*\\bniz\\b)',
        'zniknac na zawsze',
        '(?:zasnac|usnac|spac) na zawsze',
        '(?:lepiej|latwiej) (?:by )?(?:bylo|byloby),? gdybym (?:umarl|umarla)',
        '(?:zaluje|szkoda)(?: tylko)?,? ze (?:ja )?(?:sie )?(?:w ogole )?(?:jeszcze )?(?:urodzil\\w*|zyje|jestem(?= *(?:[.,!?]|$| na (?:tym )?swiecie)))',
        '(?:zaluje|szkoda),? ze (?:\\w+ )?mnie (?:w ogole )?urodzil\\w*',
        'mam (?:juz )?(?:\\w+ )?(?:dosc|dosyc) (?:tego |swojego |mojego )?(?:zycia|istnienia)',
        'zmeczon\\w* (?:juz )?(?:tym )?zyciem',
        '(?:gdybym|jakbym|jesli umre|jak umre) (?:\\w+ ){0,2}umarl\\w*',
        'modle sie,? (?:zeby|aby|by) (?:mnie )?(?:cos|ktos) (?:mnie )?(?:przejechal\\w*|zabil\\w*|potracil\\w*)',
        '(?:czekam|marze) (?:juz )?(?:tylko )?na smierc',
        '(?:gdybym|jakbym) (?:\\w+ ){0,2}(?:zniknal|zniknela|umarl|umarla)',
        '(?:dosc|dosyc) bycia (?:zyw\\w*|na tym swiecie)',
        'przestac (?:\\w+ )?czuc(?:,? na (?:stale|zawsze)| na zawsze| na stale)',
        'niech mnie (?:\\w+ ){0,2}(?:cos|ktos) (?:\\w+ )?(?:trafi|przejedzie|zabije|potraci)',
      ],
    },
    {
      id: 'pl.ideation.passive',
      level: 'concern',
      kind: 'passive',
      patterns: [
        'nie chce (?:mi sie )?(?:juz )?(?:dalej )?(?:wiecej )?(?:zyc|istniec)',
        'nie chce mi sie (?:juz )?zyc',
        '(?:nie chce|nie chcialbym|nie chcialabym) (?:juz )?(?:sie )?obudzic',
        'nie mam (?:juz )?(?:sily|po co|dla kogo) zyc',
        '(?:byloby|bylo by) (?:\\w+ )?(?:sie )?nie obudzic',
        'nie obudzic sie(?: (?:juz|wiecej|rano|nigdy))?',
        '(?:zasnac|usnac) (?:i )?(?:sie )?nie obudzic',
        'wolal(?:a|)bym (?:juz )?nie zyc',
        '(?:lepiej|latwiej) (?:by )?(?:bylo|byloby),? gdybym (?:nie zyl|nie zyla|nie istnial|nie istniala|sie nie urodzil\\w*)',
        '(?:ja )?(?:juz )?nie chce (?:juz )?tu byc',
        '(?:zeby|abym|by) sie (?:juz )?nie obudzic',
        'sie (?:juz )?(?:nigdy )?nie obudzic',
        '(?:gdyby|jakby) mnie (?:juz )?nie (?:bylo|bylo na swiecie)',
      ],
    },
    {
      // Second audit: a burden told as "a problem for you" (also in the nominative a learner writes), making
      // only trouble, a thing in the way, "bez mnie" before the verb, "bez takiej … jak ja", no one in need.
      id: 'pl.burden',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        '(?:jestem|bede|czuje sie) (?:dla (?:\\w+ )?)?(?:tylko |jedynie )?(?:problemem|klopotem|balastem|zawada|utrapieniem|ciezarem)',
        '(?:jestem|czuje sie) (?:tylko |jedynie )?(?:problem|klopot|ciezar) dla (?:\\w+ )?(?:rodziny|wszystkich|was|ciebie|innych|bliskich|rodzicow|mamy|taty)',
        'mam (?:juz )?dosc bycia (?:\\w+ )?(?:ciezarem|problemem|klopotem|balastem)',
        '(?:(?:tylko|ciagle|wiecznie) (?:sprawiam|robie)|(?:sprawiam|robie) (?:\\w+ )?(?:tylko|ciagle|wiecznie)) (?:\\w+ )?(?:problemy|klopoty)',
        '(?:czuje sie|jestem) jak (?:\\w+ )?(?:balast|ciezar|smiec|piate kolo u wozu|zbedn\\w* (?:mebel|rzecz|balast))(?![^.!?]*\\b(?:po (?:\\w+ )?(?:imprez\\w*|wczoraj\\w*|treningu|nocy|pracy|chorobie|grypie|egzaminie|weselu)|kac\\w*|chor\\w*|przeziebi\\w*|goraczk\\w*|gryp\\w*)\\b)',
        'nikt (?:\\w+ )?nie bedzie (?:\\w+ ){0,2}(?:plakal|tesknil|pamietal|zauwazy\\w*)(?: po mnie| za mna)?(?= *(?:[.,!?]|$)| (?:jak|gdy|kiedy|gdybym|jesli)\\b)',
        'nikomu (?:juz )?nie jestem (?:juz )?potrzebn\\w*(?= *(?:[.,!?]|$)| (?:i|a|ale|juz|nawet|na tym swiecie)\\b)',
        'jestem (?:nikomu |wszystkim )?niepotrzebn\\w*(?= *(?:[.,!?]|$))',
        '(?:beze|bez) mnie (?:\\w+ )?(?:byloby|bylo by|bedzie|by bylo|bylby|bylaby|byliby|beda) (?:\\w+ )?(?:lepiej|latwiej|lzej|prosciej|spokojniej|szczesliwsi|szczesliwsza|szczesliwszy)(?= *(?:[.,!?]|$)| (?:zyc|wszystkim|im|wam|jej|jemu|rodzinie|na swiecie)\\b)',
        // With its subject, so that the family named is not read as someone else's words ("moi rodzice mieliby lżej bez …").
        '(?:(?:moi|moja|moje|moim|mojej|mojemu) )?(?:(?:rodzic|rodzin|bliski|bliskim|wszys|brat|siostr|mam|tat|przyjaci|znajom)\\w* )?(?:(?:i|oraz) \\w+ )?(?:byloby|bylo by|bedzie|by bylo|mieliby|mialby|mialaby|mieli by) (?:\\w+ )?(?:lepiej|latwiej|lzej) bez (?:takiej|takiego|takich) (?:\\w+ ){0,2}jak ja',
      ],
    },
    {
      // Second audit: how long one can go on, no strength left to fight, whom to live for, not worth living.
      id: 'pl.hopelessness',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        'nie wiem,? (?:ile|jak dlugo) (?:jeszcze )?(?:\\w+ )?(?:dam rade|wytrzymam|przetrwam|pociagne|zniose)(?= *(?:[.,!?]|$)| (?:ciagnac|to|tak|z tym|dluzej|juz|sam|sama)\\b)',
        'nie mam (?:juz )?sily (?:dalej )?(?:walczyc|sie starac|probowac|sie podnosic)(?= *(?:[.,!?]|$)| (?:z tym(?! \\w)|z zyciem|ze soba|o siebie|dalej|juz|z niczym|ze wszystkim)\\b)',
        'poddaje sie (?:ze wszystkim|z zyciem)',
        // The question, not "mam dla kogo żyć" (someone to live for).
        '(?<!\\b(?:mam|masz|ma|jest) )dla kogo (?:ja )?(?:mam )?(?:zyc|sie starac)(?= *(?:[.,!?]|$)| (?:skoro|jak|jesli|dalej)\\b)',
        'nie warto (?:juz )?(?:\\w+ ){0,2}zyc(?= *(?:[.,!?]|$)| (?:dalej|juz|tak|dla)\\b)',
        'nie zasluguje na (?:zycie|to,? zeby zyc)(?= *(?:[.,!?]|$)| (?:i|a|ale)\\b)',
        'nie nadaje sie do zycia(?= *(?:[.,!?]|$)| (?:na tym swiecie|w ogole)\\b)',
      ],
    },
    {
      // Second audit: a wish to be hit or to fall ill ("jakby mnie auto potrąciło, to spoko"), to be gone,
      // "why was I born", to stop being.
      id: 'pl.ideation.passive',
      level: 'concern',
      kind: 'passive',
      patterns: [
        '(?:jakby|gdyby) mnie (?:\\w+ ){0,2}(?:potracil\\w*|przejechal\\w*|rozjechal\\w*|zabil\\w*)[^.?!]{0,30}?(?:spoko|dobrze|fajnie|super|luz|w porzadku|nie mial(?:a|)bym nic przeciwko|bym sie nie (?:zmartwil|przejmowal)\\w*)',
        '(?:fajnie|dobrze|lepiej|super|spoko) by (?:bylo|mi bylo),? (?:gdyby|jakby) (?:mnie )?(?:\\w+ ){0,2}(?:potracil\\w*|przejechal\\w*|rozjechal\\w*|zabil\\w*)',
        '(?:lepiej|latwiej) (?:by bylo |byloby )?(?:po prostu )?zniknac(?! (?:na|w|z|ze|do|za|pod|po|przed)\\b)',
        '(?:czemu|po co|dlaczego) (?:ja )?(?:sie )?(?:w ogole )?urodzil(?:em|am)(?! (?:\\w+ )?(?:w|we|o|tak|za|przed|dziecko|syna|corke|dzieci)\\b)',
        'marze,? (?:o tym,? )?(?:zeby|aby|by) (?:\\w+ ){0,2}(?:zachorowac na cos smiertelnego|umrzec|nie zyc)',
        '(?:chce|chcialbym|chcialabym) (?:\\w+ ){0,2}przestac byc(?= *(?:[.,!?]|$))',
      ],
    },
    {
      id: 'pl.suicide.mention',
      level: 'concern',
      kind: 'mention',
      generic: true,
      bare: true,
      patterns: ['samoboj\\w*'],
    },
    // ---- high
    {
      // Named without a speaker: the speaker's own only with a first-person word in the sentence.
      id: 'pl.ideation.thoughts',
      level: 'high',
      kind: 'thoughts',
      bare: true,
      patterns: ['mysl\\w* samobojcz\\w*', 'tendencj\\w* samobojcz\\w*'],
    },
    {
      id: 'pl.ideation.thoughts',
      level: 'high',
      kind: 'thoughts',
      patterns: [
        '(?:mysl\\w*|myslenie|mysli) (?:\\w+ ){0,2}(?:o|nad) samobojstw\\w*',
        'samobojstw\\w* (?:\\w+ ){0,2}(?:chodzi mi po glowie|siedzi mi w glowie|kusi)',
        'samobojstw\\w* (?:\\w+ ){0,3}jedyn\\w* (?:wyjsci\\w*|rozwiazani\\w*|opcj\\w*|droga)',
        'na skraju samobojstwa',
        // Weighing it ("rozważam samobójstwo", "zastanawiam się nad odebraniem sobie życia").
        '(?:rozwaz(?:am|alam|alem|ac)|biore pod uwage|zastanawia(?:m|lam|lem) sie nad|rozmysla(?:m|lam|lem) o) (?:\\w+ )?(?:samobojstw\\w*|odebrani\\w* sobie zycia|zabici\\w* sie|skonczeni\\w* ze soba|zakonczeni\\w* (?:swojego |mojego )?zycia)(?![^.!?]*\\b(?:temat\\w*|referat\\w*|esej\\w*|wyklad\\w*|lekcj\\w*|artykul\\w*|ksiazk\\w*|film\\w*|bohater\\w*|postac\\w*|prac\\w* (?:magistersk\\w*|licencjack\\w*|dyplomow\\w*|zaliczeniow\\w*))\\b)',
        '(?:zastanawiam sie|mysle|wyobrazam sobie),? jak (?:moglabym|moglbym|moge|mam|bym|by) (?:to )?(?:zrobic|skonczyc|zakonczyc)(?= *(?:[.,!?]|$|i\\b|ale\\b|dzis|dzisiaj|wkrotce))',
        '(?:w glowie|glos\\w*|mysli|cos) (?:\\w+ ){0,3}(?:krzycz\\w*|mowi\\w*|kaz\\w*|szepcz\\w*|kaze)\\w*,? (?:zebym|abym|bym) (?:umarl\\w*|sie zabil\\w*|skonczyl\\w*|zrobil\\w* sobie)',
        `ile (?:\\w+ )?${PILLS} (?:\\w+ ){0,2}(?:wystarczy|wystarczylo|wystarczyloby|trzeba|potrzeba|zabija|zabije|zabiloby)`,
        '(?:sprawdzam|szukam|szukalam|szukalem|googluje|czytam) (?:\\w+ ){0,3}(?:jak (?:sie zabic|umrzec|przedawkowac)|dawk\\w* smierteln\\w*|ile tabletek)',
      ],
    },
    {
      id: 'pl.ideation.active',
      level: 'high',
      kind: 'active',
      patterns: [
        `${KILL} sie`,
        // "się" read behind the verb, so a time between them stays a time cue ("się dzisiaj zabiję").
        `(?<=\\bsie (?:${PART}|${GAP})(?:nie )?)${KILL}`,
        '(?:popelnic|popelnie|popelnil\\w*|popelnie|popelniac) samobojstw\\w*',
        '(?:skonczyc|skoncze|skonczylbym|skonczylabym|skonczyl\\w*) ze soba',
        '(?:ze|z) soba (?:\\w+ )?(?:skonczyc|skoncze|skonczylbym|skonczylabym)',
        '(?:skonczyc|skoncze) z tym wszystkim',
        'z tym (?:wszystkim )?(?:skonczyc|skoncze)(?= *(?:[.,!?]|$))',
        '(?:chce|chcialbym|chcialabym|mam ochote|zaraz) (?:sie )?(?:unalive|kms)',
        '(?:skonczyc|skoncze) z tym(?= *(?:[.,!?]|$|raz na zawsze|dzis|dzisiaj|jutro|w nocy))',
        '(?:skonczyc|skoncze) z zyciem',
        '(?:skonczyc|skoncze) (?:ze )?(?:swoim|moim) zyciem',
        // "zakończyć swoje życie", "skończę to życie" (not a career: "życie zawodowe").
        `(?:zakonczyc|zakoncze|zakonczylbym|zakonczylabym|skonczyc|skoncze) ${PART}(?:swoje |moje |wlasne |to )?(?:marne |nedzne )?zycie(?! (?:zawodowe|towarzyskie|studenckie|singla|kawalera|kawalerskie|w|na|jako)\\b)`,
        `(?:pozbawi(?:c|e|lbym|labym)) sie ${PART}zycia`,
        `sie ${PART}pozbawi(?:c|e|lbym|labym) zycia`,
        // A recent attempt or wish told with its method ("próbowałam się otruć"): active, not a plan.
        '(?:probowalam|probowalem|chcialam|chcialem) sie (?:\\w+ )?(?:otruc|utopic|udusic|zastrzelic)',
        '(?:skonczyc|skoncze) ze wszystkim(?= *(?:[.,!?]|$|raz|dzis|dzisiaj))',
        'ze wszystkim (?:skonczyc|skoncze)',
        '(?:odebrac|odbiore|odebral\\w*|odbierac) sobie zyci(?:e|a)',
        '(?:targnac|targne|targnal\\w*) sie na (?:swoje |wlasne )?zycie',
        '(?:odejsc|odejde) z tego swiata',
        '(?:chce|chcialbym|chcialabym|musze|zamierzam) (?:to |wszystko )?(?:zakonczyc|skonczyc)(?: to)? (?:raz na zawsze|na zawsze|na dobre)(?= *(?:[.,!?]|$))',
        'zniknac z tego swiata',
        '(?:chce|chcialbym|chcialabym|mam ochote|zamierzam|musze) (?:to |wszystko )?(?:zakonczyc|skonczyc)(?= *(?:[.,!?]|$))',
      ],
    },
    {
      id: 'pl.selfharm',
      level: 'high',
      kind: 'selfharm',
      patterns: [
        `${CUT} sie`,
        `sie ${GAP}${CUT}`,
        'samookalecz\\w*',
        '(?:okalecz\\w*|przypal\\w*) sie(?! (?:na sloncu|w piekarniku)\\b)',
        'sie (?:\\w+ )?(?:okalecz\\w*|przypal\\w*)',
        '(?:zrobic|zrobie|zrobil\\w*|robic|robie) sobie krzywde',
        '(?:zrobic|zrobie|zrobil\\w*|robic|robie) sobie (?:cos )?(?:zlego|krzywde)',
        '(?:bic|bije|walic|wale|walnac|uderzac|uderzam|zaczel\\w* bic|zaczel\\w* walic) (?:\\w+ ){0,2}(?:w|o) (?:sciane|sciany|mur)(?: \\w+)? (?:az|do krwi)',
        '(?:zrobic|zrobie|robic|robie) sobie cos(?= *(?:[.,!?]|$))',
        'wracam do (?:ciecia|samookaleczania|okaleczania)',
        '(?:drap\\w*|rozdrap\\w*|gryz\\w*|(?:z|po|wy)drap\\w* sie|sie (?:z|po|wy)drap\\w*) (?:\\w+ ){0,2}(?:(?:az|do) (?:do )?krwi|az (?:\\w+ )?(?:leci|leje sie|cieknie|poleci|pojawi sie) krew)',
        // Scratching or scoring the wrists with a tool ("drapię się cyrklem po nadgarstkach"), not an itch.
        '(?:drap\\w*|rys\\w*|kalecz\\w*|rozcina\\w*) (?:sie )?(?:\\w+ )?(?:po|w) (?:nadgarstk\\w*|przedramieni\\w*|udach|udzie|zylach)(?![^.!?]*\\b(?:swedz\\w*|uczul\\w*|alergi\\w*|egzem\\w*|atopow\\w*|komar\\w*|ugryz\\w*|wysypk\\w*)\\b)',
        // "tnę sobie ręce", "nacięłam sobie udo" (not a kitchen or a shaving accident).
        '(?:nacinam|nacinac|nacielam|nacialem|natne|tne|ciac|cielam|cialem|pocielam|pocialem|potne|pociac) sobie (?:\\w+ )?(?:rece|reke|rek|skore|uda|udo|nadgarst\\w*|przedrami\\w*|ramie|ramiona|brzuch|nogi|noge|lydki)(?![^.!?]*\\b(?:kroj\\w*|gotuj\\w*|kuchni\\w*|przypadk\\w*|niechcac\\w*|szkl\\w*|papier\\w*|golen\\w*|golil\\w*|maszynk\\w*|warzyw\\w*|chleb\\w*)\\b)',
      ],
    },
    {
      // Second audit: a question of lethality (how much, how long it takes, which is least painful), looked up
      // or asked; pills bought so that nobody notices; a method rehearsed ("ćwiczyłem zakładanie pętli",
      // "testowałam, ile wytrzymam z paskiem na szyi"); an attempt broken off at a height or on the tracks
      // ("prawie skoczyłam z mostu", "leżałam na torach, ale wstałam"); means and their use ahead. Ideation
      // with a method and behaviour short of an attempt, which the own messages label high.
      id: 'pl.ideation.thoughts',
      level: 'high',
      kind: 'thoughts',
      patterns: [
        `ile (?:\\w+ ){0,3}(?:trzeba|potrzeba|wystarczy|wystarczyloby)\\w*,? (?:\\w+,? ){0,3}?(?:zeby|aby|by|do) (?:nie przezyc|umrzec|sie zabic|zgonu|smierci|sie nie obudzic|przedawkowac)${NOT_ONES_OWN}`,
        `(?:sprawdz|szuk|googl|wygoogl|czyta|czytal|wpisal|wpisywal)\\w*,? (?:\\w+ ){0,4}?(?:jak (?:dlugo|szybko) (?:trwa|sie) (?:\\w+ )?(?:uduszeni\\w*|utoniec\\w*|wykrwawieni\\w*|umieranie|zatruci\\w*|udusi\\w*|wykrwawi\\w*|umiera)|gdzie (?:kupic|dostac|zalatwic) (?:\\w+ )?(?:bron|pistolet|trucizn\\w*|cyjan\\w*))${NOT_ONES_OWN}(?![^.!?]*\\b(?:sportow\\w*|strzelnic\\w*|pozwoleni\\w* na bron|kolekcj\\w*|mysliw\\w*|polow\\w*)\\b)`,
        `(?:${PILL_NAMES}|sposob\\w*|metod\\w*|smierc\\w*)[^.?!]{0,20}?najmniej bolesn\\w*${NOT_ONES_OWN}`,
        `najmniej bolesn\\w* (?:sposob\\w*|smierc\\w*|metod\\w*)${NOT_ONES_OWN}`,
        '(?:sprawdz|szuk|patrz|czyta)\\w*,? (?:(?:\\w+ ){0,3}(?:pociag\\w*|ekspres\\w*) (?:\\w+ ){0,2}(?:co|ktore|ktory)|(?:ktore|jakie|ktory) (?:\\w+ )?(?:pociag\\w*|ekspres\\w*)) (?:tu |u nas |tutaj )?nie (?:staja|staje|zatrzymuj\\w*)(?![^.!?]*\\b(?:musz\\w*|dojech\\w*|zdaz\\w*|spozni\\w*|przesiad\\w*|dojazd\\w*|podroz\\w*)\\b)',
        `(?:kupil|kupuj|kupowal|zamowil|zamawiam|zbiera|zebral|uzbiera)\\w* (?:\\w+ ){0,4}${PILLS}[^.?!]{0,40}?zeby (?:nikt|nie bylo) (?:\\w+ )?(?:nie )?(?:zorientowal\\w*|podejrzen|zauwazyl\\w*)`,
        '(?:cwicz|testowal|testuje|trenowal|probowal|probuje)\\w* (?:\\w+ ){0,3}?(?:zakladani\\w* petli|wiazani\\w* petli|(?:z |zaciskajac )(?:\\w+ )?(?:paskiem|sznurem|petla|lina|kablem) na szyi|duszeni\\w* sie)(?![^.!?]*\\b(?:zeglar\\w*|wspin\\w*|harcer\\w*|kurs\\w*|ratownic\\w*|lodk\\w*|wez\\w* \\w+ski)\\b)',
        // "O mało nie skoczyłam" is Polish for "I almost jumped": the patterns carry their "nie", so it negates nothing.
        `(?=(?:prawie|o malo|omal) )(?<=\\b(?:most\\w*|dach\\w*|krawedz\\w*|wiaduk\\w*|balkon\\w*|okn\\w*|torach|tory|peron\\w*|klif\\w*|skraj\\w*|pietr\\w*|barierk\\w*)\\b[^.?!]{0,60}?)(?:(?:prawie|o malo(?: co)?|omal) nie|prawie) (?:skoczyl(?:em|am)|rzucil(?:em|am) sie|sie (?:nie )?rzucil(?:em|am))`,
        `(?:(?:prawie|o malo(?: co)?|omal) nie|prawie) (?:skoczyl(?:em|am)|rzucil(?:em|am) sie|sie (?:nie )?rzucil(?:em|am)) (?:\\w+ ){0,2}(?:z|pod|na) (?:okna|pociag|tory|${HIGH_PLACE})`,
        '(?:(?:prawie|o malo(?: co)?|omal) (?:sie )?nie|prawie (?:sie )?) ?powiesil(?:em|am)(?: sie)?',
        'lezal(?:em|am) (?:\\w+ )?na torach(?![^.!?]*\\b(?:zdjec\\w*|fot\\w*|sesj\\w*|opala\\w*|dziecko|dzieckiem|dziecka)\\b)',
        // Means and their use ahead ("mam żyletki i wiem, że kiedyś ich użyję"), not for what they are for.
        `${MEANS_NOUN}[^.?!]{0,50}?(?:(?:ich|go|jej) (?:\\w+ )?uzyje|uzyje (?:ich|go|jej))(?![^.!?]*\\b(?:do|przy|kroj\\w*|gotow\\w*|obron\\w*|golen\\w*|napraw\\w*|bol\\w*|potrzeb\\w*|razie|gdyby|jakby|na (?:grzyby|ryby|polowani\\w*|migrene|glowe))\\b)`,
      ],
    },
    {
      // Second audit: the end as a present act ("kończę ze sobą"), "kończę na zawsze", falling asleep for
      // good said as what will happen ("zasnę na zawsze", "zasnę i już się nie obudzę"), and a plan with
      // place and method known but no time ("planuję to, wiem gdzie i czym", "wiem już, z którego mostu").
      id: 'pl.ideation.active',
      level: 'high',
      kind: 'active',
      patterns: [
        '(?:koncze|konczyc|zakoncze) ze soba',
        'ze soba (?:koncze|zakoncze)(?= *(?:[.,!?]|$)| (?:dzis|dzisiaj|jutro|w nocy|juz)\\b)',
        '(?:koncze|skoncze|zakoncze) (?:z tym |to |wszystko )?na zawsze(?! z\\b)(?![^.!?]*\\b(?:pic\\w*|palen\\w*|alkohol\\w*|papieros\\w*|fajk\\w*|prac\\w*|zwiaz\\w*|diet\\w*|hazard\\w*|gra\\w*|dzwonic|pisac)\\b)',
        `(?<!\\bpo (?:tej|tym|tych|takim|takiej) (?:\\w+ ){0,2})(?:zasne|usne) (?:juz )?na zawsze${NOT_A_JOKE}`,
        `(?<!\\bpo (?:tej|tym|tych|takim|takiej) (?:\\w+ ){0,2})(?:zasne|usne) (?:i )?(?:juz )?(?:sie )?(?:juz )?(?:nigdy )?nie obudze(?: sie)?(?! (?:do|przed|az|rano|o|na czas|wczesniej|bez)\\b)(?![^.!?]*\\b(?:budzik\\w*|pewnie|chyba)\\b)${NOT_A_JOKE}`,
        `(?<!\\bnie )wiem (?:juz )?(?:dokladnie )?(?:gdzie|jak|czym|kiedy)(?:,? (?:i )?(?:gdzie|jak|czym|kiedy))+(?= *(?:[.,!?]|$))(?<=\\b(?:planuj\\w*|zaplanowal\\w*|plan\\w*|zrobie to|to zrobie|przemyslal\\w*)\\b[^?]{0,140})`,
        '(?<!\\bnie )wiem (?:juz,? )?(?:(?:nawet|dokladnie),? )?(?:z|na|pod|do) (?:ktorego|ktory|ktorej|jakiego) (?:mostu|most|dachu|dach|bloku|wiezowca|pietra|wiaduktu)(?![^.!?]*\\b(?:zdjec\\w*|widok\\w*|widac|fajerwerk\\w*|ogladac|wycieczk\\w*|dojad\\w*|jedzie\\w*|bungee|spadochron\\w*)\\b)',
      ],
    },
    {
      // Second audit: hitting the head on a wall until it bleeds or stops hurting (any aspect, not a fall),
      // pinching till it bleeds, scratching the wrists with a tool, cutting and unable to stop, "coś sobie
      // zrobię" told object first, wounds made on oneself ("zrobiłam sobie głębokie rany"), starving on purpose.
      id: 'pl.selfharm',
      level: 'high',
      kind: 'selfharm',
      patterns: [
        '(?:uderzyc|uderze|uderzylam|uderzylem|uderzal(?:am|em)|walnac|walne|wale|walil(?:am|em)|bic sie|bije sie|bil(?:am|em) sie) (?:\\w+ ){0,2}(?:w|o) (?:sciane|sciany|mur|podloge)(?: \\w+)? (?:az|do krwi)(?![^.!?]*\\b(?:potkn\\w*|poslizg\\w*|przewroc\\w*|niechcacy|przypadk\\w*|ciemno\\w*|schod\\w*|spadl\\w*)\\b)',
        '(?:szczyp\\w*|wbijam paznokcie|wbijalam paznokcie) (?:\\w+ ){0,2}(?:az|do) (?:do )?krwi',
        `${CUT} sie (?:\\w+ ){0,2}i (?:\\w+ ){0,2}nie (?:moge|umiem) przestac`,
        `(?<=\\b(?:boj\\w* sie|obawiam sie|czuje|chyba|zaraz|w koncu|mysle)\\b,?(?: ze)? (?:\\w+ )?)cos sobie (?:zrobie|zrobic|zrobi)(?![^.!?]*\\b(?:dobrego|do jedzenia|do picia|ladnego|fajnego|milego|slodkiego|cieplego|na (?:obiad|kolacje|sniadanie)|z wlosami|paznokci\\w*|herbat\\w*|kaw\\w*|tatuaz\\w*|kolczyk\\w*|glod\\w*|jesc|zjesc|kanapk\\w*|tost\\w*|jajecznic\\w*|zup\\w*|makaron\\w*)\\b)`,
        `(?:zrobil(?:am|em)|robie|zrobie|robic) sobie (?:\\w+ ){0,2}(?:ran\\w*|naciec\\w*|naciecia|blizn\\w*|oparzen\\w*)${NOT_A_WOUND}(?![^.!?]*\\b(?:przypadk\\w*|niechcacy|tatuaz\\w*|prasow\\w*|piekarnik\\w*|zelazk\\w*|garnk\\w*|slonc\\w*)\\b)`,
        '(?:nie (?:jem|pije)(?: nic| niczego)?(?: od (?:(?:kilku|paru|dwoch|trzech|\\d+) )?(?:dnia|dni|tygodnia|tygodni|wczoraj|miesiaca))?(?: celowo| specjalnie| do skutku|,? (?:zeby|aby|by) umrzec)|glodze sie (?:\\w+ ){0,2}(?:celowo|specjalnie|az|do skutku|zeby))(?![^.!?]*\\b(?:badani\\w*|zabieg\\w*|operacj\\w*|kolonoskop\\w*|gastroskop\\w*|endoskop\\w*|pobrani\\w*|post\\w*|detoks\\w*|diet\\w*|odchudz\\w*|miesa|slodycz\\w*|cukru|glutenu|laktoz\\w*|alkohol\\w*|piwa|wina|kaw\\w*|napoj\\w*|po \\d+|wieczor\\w*|kolacj\\w*)\\b)',
      ],
    },
    // ---- imminent
    {
      id: 'pl.plan.method',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        '(?:napisal\\w*|zostawil\\w*) (?:juz )?(?:pozegnalne )?(?:listy|liscik\\w*|list pozegnalny) (?:do|dla) (?:wszystkich|rodziny|bliskich|rodzicow|kazdego z was|was)(?! (?:na swieta|z zyczeniami|na urodziny)\\b)',
        // Planning one's own suicide, any verb form ("planuję", "zaplanowałam", "przygotowuję").
        '(?:za)?plan(?:uj|owal)\\w* (?:(?:moje|swoje|wlasne) )?samobojstw\\w*',
        `${HANG} sie`,
        `sie ${GAP}${HANG}`,
        // Cutting one's wrists, any verb form: "podcięłam sobie żyły", "podetnę żyły", "przecinam nadgarstki".
        // Not the imperative ("podetnij sobie żyły" tells someone else: harassment, not the author's risk).
        '(?:pod|prze)(?:ci|etn|tn)(?!ij(?:cie)?\\b)\\w* (?:sobie )?(?:zyl\\w*|nadgarst\\w*)',
        `(?:skocz\\w*|skacz\\w*|skakac|rzuc\\w*) (?:sie )?(?:\\w+ ){0,2}z ${HIGH_PLACE}`,
        `(?:skocz\\w*|skacz\\w*|rzuc\\w*|rzuca\\w*) (?:sie )?(?:\\w+ ){0,2}(?:pod|na) (?:pociag|tory|tramwaj|metro|ciezarowke|tira)`,
        // An end with a time and nothing after it: "dziś to się skończy", "dzisiaj kończę".
        '(?:dzis|dzisiaj|jutro|dzis w nocy|dzisiaj w nocy|w nocy|(?:dzis|dzisiaj) wieczorem|tej nocy) (?:to )?(?:sie )?(?:wszystko )?(?:sie )?(?:konczy|skonczy|koncze|skoncze)(?= *(?:[.,!?]|$))',
        '(?:wszystko|to) (?:sie )?(?:dzis|dzisiaj|jutro|w nocy) (?:sie )?(?:konczy|skonczy)(?= *(?:[.,!?]|$))',
        '(?:koncze|skoncze) (?:to )?(?:dzis|dzisiaj|jutro|w nocy|dzis w nocy)(?= *(?:[.,!?]|$))',
        '(?:rzuc\\w*|rzucic|skocz\\w*) (?:sie )?(?:pod|na) (?:pociag|tory|tramwaj|samochod|auto|ciezarowke|autobus|metro)',
        '(?:wejde|wejsc|wchodze|wejdz\\w*|poloze sie|polozyc sie|wbiegne|wbiec) (?:\\w+ )?(?:pod|przed) (?:pociag|tramwaj|autobus|ciezarowke|tira|samochod|auto|metro|ekspres)',
        '(?:podetn\\w*|podciac|podcinac|podcial\\w*|przetn\\w*|przeciac) (?:sobie )?(?:zyly|zyle|nadgarstki|nadgarstek|gardlo)',
        'przedawk(?:uje|owac|uj\\w*)(?! (?:kawe|kawy|kofeine|cukier|cukru|netflixa|seriale))',
        // Looked up ("sprawdzałem, czy da się tak, żeby się zaczadzić") is research: high, in pl.ideation.thoughts.
        '(?<!\\b(?:sprawdz|szuk|czyt|googl|ogladal|wpisywal|wpisal)\\w*\\b[^.!?]{0,80})(?:utopie|utopic|zastrzele|zastrzelic|otruje|otruc|udusze|udusic|zaczadze|zaczadzic|podpale|podpalic) sie(?! (?:na|przy|od|o) (?:\\w+ )?(?:sloncu|grillu|kuchence|swieczce|ognisku|zapalniczce|papierosie)\\b)',
        `(?<!\\b(?:sprawdz|szuk|czyt|googl|ogladal|wpisywal|wpisal)\\w*\\b[^.!?]{0,80})(?<=\\bsie ${GAP})(?:utopie|utopic|zastrzele|zastrzelic|otruje|otruc|udusze|udusic|zaczadze|zaczadzic|podpale|podpalic)(?<!\\b(?:boj\\w* sie,? ze|probowal\\w*|chcial\\w*) sie (?:\\w+ )?\\w+)`,
        // Out of a window or off a height with a prefix ("wyskoczę z okna", "wyrzucę się przez okno").
        `(?:wyskocz(?:e|yc|ylbym|ylabym)|wyskakuje|zeskocz(?:e|yc)|wyrzuc(?:e|ic) sie|rzuc(?:e|ic) sie) ${PART}(?:\\w+ ){0,2}?(?:z|przez) (?:okno|balkon|${HIGH_PLACE})`,
        '(?:rzuc(?:e|ic)|skocz(?:e|yc)|wskocz(?:e|yc)|wejd(?:e|z)|wejsc|wbiegn(?:e|ac)|poloz(?:e|yc)) (?:sie )?pod kola',
        // On the way to a height or the tracks to jump ("jadę na most skoczyć", "idę na tory się rzucić").
        '(?:ide|jade|wychodze|biegne|pojade|pojde|wracam) (?:(?:juz|teraz|zaraz|chyba|sam|sama) )*(?:na|nad|pod) (?:most|dach|tory|rzeke|wiadukt|klif|\\w+ pietro) (?:(?:juz|teraz|zaraz|zeby|by) )*(?:skoczyc|sie rzucic|rzucic sie|sie utopic|utopic sie|sie zabic|zabic sie|skonczyc ze soba)',
        // Gas, shooting oneself in the head (not cooking; not "można sobie w łeb strzelić" said of a bore).
        `odkrec(?:e|ic|am|ilem|ilam) ${PART}(?:\\w+ )?gaz(?![^.!?]*\\b(?:gotow\\w*|garnk\\w*|garnek|czajnik\\w*|obiad\\w*|kolacj\\w*|zup\\w*|makaron\\w*|grill\\w*|piekarnik\\w*|wode|herbat\\w*|kaw\\w*|jajk\\w*|nalesnik\\w*|kotlet\\w*|smaz\\w*|piecz\\w*)\\b)`,
        '(?:nawdycham|nawdychac|zatruje|zatruc) sie (?:\\w+ )?(?:gazem|gazu|spalinami|spalin|czadem|czadu)',
        '(?:strzel(?:e|ic|ilbym|ilabym)|paln(?:e|ac|albym|elabym)|wpakuj(?:e|ac)|wpakowac)(?<!\\b(?:mozna|az|chce sie|chcialoby sie) (?:\\w+ )?\\w+) (?:sobie )?(?:kule )?(?:prosto )?w (?:leb|glowe|skron|serce)',
        '(?<!\\b(?:mozna|az|chce sie|chcialoby sie) )sobie (?:kule )?w (?:leb|glowe|skron) (?:strzel(?:e|ic)|paln(?:e|ac))',
        '(?:wjechac|wjade|wjechal\\w*) pod (?:ciezarowke|pociag|tramwaj|auto|samochod|tira)',
        '(?:wjade|wjechac|wjedzie\\w*) (?:autem |samochodem )?(?:do|w) (?:rzeki|jeziora|morza|kanalu|przepasc\\w*)',
        'pisz\\w* (?:teraz |juz )?(?:moj |swoj |ostatni )?list(?= *(?:[.,!?]|$))',
        '(?:wjade|wjechac|rozbije sie) (?:\\w+ )?(?:autem |samochodem )?(?:w|na|pod) (?:drzewo|sciane|mur|filar|ciezarowke|tira|slup|autobus|barierk\\w*|przepasc)(?![^.!?]*\\b(?:grze|gry|gta|symulator\\w*|przypadk\\w*|prawie|boje sie)\\b)',
        'list\\w* pozegnaln\\w*',
        // A decision or a date stated with no other word: "wybrałem datę. piątek.", "podjęłam decyzję. zrobię to w weekend".
        '(?:wybralem|wybralam|ustalilem|ustalilam) (?:juz )?(?:date|dzien)[.,]? (?:w )?(?:poniedzialek|wtorek|srode|sroda|czwartek|piatek|sobote|sobota|niedziele|niedziela|jutro|dzis)(?= *[.!?]* *$)',
        '(?:podjal\\w*|podjel\\w*|zapadla) (?:juz )?decyzj\\w*[.,]? (?:zrobie|zrobimy) to (?:w weekend|dzis|dzisiaj|jutro|w nocy|w (?:poniedzialek|wtorek|srode|czwartek|piatek|sobote|niedziele))(?= *[.!?]* *$)',
        'pozegnaln\\w* list\\w*',
      ],
    },
    {
      id: 'pl.plan.means',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        `${MEANS_NOUN} (?:\\w+ ){0,2}(?:przed soba|obok mnie|w reku|w rekach|na stole|na biurku|odliczon\\w*)${ROUTINE}`,
        `(?:przed soba|w reku|obok mnie) (?:\\w+ ){0,2}${MEANS_NOUN}`,
        '(?:bron|pistolet\\w*|strzelb\\w*|sznur\\w*|petl\\w*|zyletk\\w*) (?:juz )?(?:mam )?(?:tu |tutaj )?przy sobie(?! (?:do|na|bo|zeby|od|dla)\\b)',
        `(?:odlozon\\w*|uzbieran\\w*|zachomikowan\\w*) (?:\\w+ )?(?:dosc |duzo |wystarczajaco )?${PILLS}${ROUTINE}`,
        `(?:zbieram|zbieralam|zbieralem|odkladam|odkladalam|odkladalem|chomikuje|gromadze|uzbieral\\w*|zebral\\w*|(?:zaczel(?:am|em)|zaczynam) (?:je )?(?:zbierac|odkladac|chomikowac)) (?:\\w+ ){0,2}${PILLS}(?![^.!?]*\\b(?:dla (?:schronisk|fundacj|potrzebuj|hospicj|szpital|misj)\\w*|zbiork\\w*|utylizac\\w*|zwrot\\w*|do apteki|na dary)\\b)`,
        '(?:sznur|petla|lina) (?:juz )?(?:wisi|gotow\\w*|przygotowan\\w*|zawiazan\\w*)',
        'wisi (?:juz )?(?:tu |tam )?(?:gotowa |gotowy )?(?:petla|sznur)(?![^.!?]*\\b(?:prani\\w*|bielizn\\w*|hustawk\\w*|lamp\\w*|dekorac\\w*|wspin\\w*|sal\\w* gimnastyczn\\w*|silowni\\w*)\\b)',
        '(?:zawiazal\\w*|przygotowal\\w*|powiesil\\w*|zaczepil\\w*) (?:juz )?(?:sznur|petle|line)',
        '(?:naladowan\\w*) (?:\\w+ )?(?:bron|pistolet\\w*|strzelb\\w*)',
        '(?:mam )?przy sobie (?:\\w+ )?(?:bron|pistolet|strzelbe|sznur|petle|zyletk\\w*)(?! (?:do|na|bo|zeby|od|dla)\\b)',
        // In the hand or against the body now ("mam noz w rece", "zyletka przy nadgarstku").
        `${MEANS_NOUN} (?:\\w+ ){0,2}(?:w rece|w dloni|w dloniach|w garsci|na kolanach)${ROUTINE}`,
        `${MEANS_NOUN} (?:\\w+ )?(?:przy|na|do|przy samym) (?:nadgarstku|nadgarstkach|nadgarstka|szyi|gardle|skroni|glowie|zylach)`,
        `(?:przykladam|przylozyl\\w*|przyciskam|trzymam) (?:\\w+ ){0,2}${MEANS_NOUN} (?:\\w+ )?(?:do|przy|na) (?:nadgarstka|nadgarstku|szyi|gardla|skroni|glowy)`,
        `${MEANS_NOUN} (?:\\w+ ){0,5}na (?:ten|taki) (?:jeden |wlasciwy |odpowiedni )?(?:dzien|moment|wieczor|chwile)`,
        '(?:wyjal\\w*|wzial\\w*|wziel\\w*|zabral\\w*) (?:\\w+ ){0,2}(?:bron|pistolet|strzelbe) (?:z|ze) (?:sejfu|szafy|szafki|szuflady)',
        '(?:sznur|petl\\w*|lin\\w*|pasek) (?:\\w+ )?(?:na|wokol) (?:szyi|szyje)',
        // A ligature tied to a fixing, unless an ordinary use is named (a swing, a dog, washing).
        '(?:pasek|sznur\\w*|lin[ae]|kabel|szalik|petl[ae]) (?:jest |juz )?(?:przywiazan\\w*|zawiazan\\w*|zaczepion\\w*|przymocowan\\w*) (?:do|na|o) (?:klamki|drzwi|belki|haka|poreczy|rury|kaloryfera|galezi|drzewa|zyrandola|karnisza)(?![^.!?]*\\b(?:hustawk\\w*|psa|pies|namiot\\w*|prani\\w*|lodk\\w*|holow\\w*|wspin\\w*|ladowar\\w*|telefon\\w*|lamp\\w*|lampk\\w*|dekoracj\\w*|zaslon\\w*|firan\\w*|rosli\\w*|spad\\w*)\\b)',
        `${MEANS_NOUN} (?:\\w+ )?(?:przy|na|do|w) (?:rece|reke|ramieniu|skorze|udzie|przedramieniu|brzuchu)[.,]? (?:\\w+ )?(?:naciskam|przyciskam|wbijam|docisk\\w*)`,
        '(?:butelk\\w*|flaszk\\w*) (?:wodki|wina|whisky|alkoholu) (?:i|oraz) (?:wszystkie|cale|cala) (?:moje |swoje )?(?:leki|tabletki|recept\\w*|opakowani\\w*)',
        `${MEANS_NOUN}[^?]{0,60}?czekam,? (?:az|kiedy|zeby) (?:wszyscy|rodzice|mama|tata|domownicy|oni) (?:\\w+ )?(?:zasna|usna|pojda spac|wyjda|wyjada)`,
        '(?:w wannie|wanny) (?:\\w+ ){0,2}(?:z|ze) (?:zyletk\\w*|nozem|ostrzem|brzytwa)',
        '(?:kupil\\w*|mam|zawiazal\\w*|przywiazal\\w*) (?:juz )?(?:dzis |dzisiaj )?(?:sznur|line|petle)[.,]? (?:\\w+ ){0,2}(?:dzis|dzisiaj|wieczorem|w nocy|jutro) (?:to )?(?:zrobie|koncze|skoncze)(?= *(?:[.,!?]|$))',
        '(?:bron|pistolet) (?:juz )?(?:jest )?naladowan\\w*',
        `(?:odliczy\\w*|odliczam|wysypal\\w*|przygotowal\\w*) (?:\\w+ ){0,2}${PILLS}`,
        // Means at hand, kept somewhere ("mam sznur w samochodzie"), unless a reason follows.
        '(?:mam|trzymam|schowal\\w*|ukryl\\w*|wozilem|wozilam|woze) (?:\\w+ )?(?:sznur|line|petle|bron|pistolet|strzelbe|rewolwer) (?:\\w+ )?(?:w|pod|na) (?:samochodzie|aucie|bagazniku|szufladzie|pokoju|szafie|szafce|torbie|plecaku|garazu|lozkiem|lozku|kieszeni|piwnicy|schowku)(?! (?:do|na|bo|zeby|od|dla)\\b)',
      ],
    },
    {
      id: 'pl.attempt',
      level: 'imminent',
      kind: 'attempt',
      patterns: [
        `(?:wzi\\w*|wezm\\w*|lyk\\w*|polkn\\w*|zazyl\\w*|zjadl\\w*|zarzucil\\w*) ${ROUTINE_PL}(?:juz )?(?:wszystkie|cale opakowanie|cala paczke|caly blister|cala butelke|\\d{2,}|za duzo|garsc|kilkanascie|kilkadziesiat) (?:\\w+ ){0,1}${PILLS}`,
        `(?:stoje|siedze|jestem|stoimy) (?:juz |teraz |wlasnie |juz teraz )?na (?:moscie|dachu|torach|krawedzi(?! (?:zalamania|wytrzymalosci|bankructwa|nerwicy)\\b)|parapecie|balkonie|wiadukcie)${LEISURE}`,
        'nie (?:moge|umiem) zatamowac krwi',
        '(?:za|zbyt) gleboko (?:sie )?(?:\\w+ )?(?:pocie\\w*|pocia\\w*|cie\\w*)',
        'krew (?:sie )?(?:leje|nie przestaje|cieknie)',
        '(?:leci|leje sie|cieknie|jest|mam) (?:\\w+ )?(?:duzo|mnostwo|pelno|strasznie duzo) krwi',
        '(?:bardzo|za|zbyt) gleboko (?:sie )?(?:pocie\\w*|pocia\\w*|cie\\w*|nacie\\w*)',
        '(?:w garazu|garazu) (?:\\w+ ){0,2}(?:z )?(?:wlaczon\\w*|pracujac\\w*) silnik\\w*',
        'silnik\\w* (?:\\w+ )?(?:wlaczon\\w*|pracuje|chodzi) (?:\\w+ )?w garazu',
        'juz (?:to )?(?:zrobilem|zrobilam|wzialem|wzielam|polknalem|polknelam)',
        `(?:na|po)lyka\\w* sie (?:\\w+ ){0,2}${PILLS}`,
        `(?:na|za)?cpal\\w* sie (?:\\w+ ){0,2}${PILLS}`,
        `(?:wzi\\w*|lyk\\w*|polkn\\w*|zazyl\\w*) (?:\\w+ ){0,4}${PILLS} (?:\\w+ ){0,2}(?:i )?(?:popil\\w*|zapil\\w*|popija\\w*) (?:\\w+ )?(?:wodka|wodki|alkoholem|whisky|winem|browar\\w*|piwem|piwskiem|gorzal\\w*|bimbr\\w*|nalewk\\w*)`,
        '(?:wypil\\w*|wypilem|wypilam|lyknal\\w*|lyknel\\w*) (?:\\w+ )?(?:wybielacz\\w*|trutk\\w*|trucizn\\w*|plyn do chlodnic\\w*|kret\\w*)',
        `(?:${PILL_NAMES}|leki|tabletki|to) (?:juz )?(?:zaczynaja |zaczyna )?(?:dzialac|dzialaja)(?: \\w+)?,? (?:robi mi sie|jest mi|kreci mi sie)`,
        `(?:robi mi sie|jest mi|kreci mi sie) (?:\\w+ )?(?:slabo|ciemno przed oczami|w glowie)(?: \\w+){0,3} (?:po|od) (?:\\w+ )?(?:tabletk\\w*|lekach|prochach)${ROUTINE_PL}`,
        '(?:przedawkowal\\w*|przecpal\\w*)(?! (?:kawe|kawy|kofeine|cukier|cukru|netflixa|seriale)\\b)',
        '(?:stoje|siedze|jestem|stoimy) (?:juz |teraz |wlasnie )?(?:na|przy) (?:krawedzi|skraju|torach|peronie)(?: \\w+){0,3}[.,]? (?:pociag|tramwaj) (?:\\w+ )?(?:bedzie|przyjedzie|jedzie|nadjezdza)',
        '(?:krew|krwawienie) (?:\\w+ )?nie (?:przestaje|chce przestac|ustaje)',
        '(?:podcial\\w*|podciel\\w*|pocial\\w*|pociel\\w*) sie (?:\\w+ )?(?:mocno|gleboko|bardzo)',
        '(?:w garazu|garazu) (?:\\w+ ){0,3}(?:silnik\\w*|auto|samochod) (?:\\w+ )?(?:wlaczon\\w*|pracuje|chodzi|odpalon\\w*)',
        '(?:polknel\\w*|polknal\\w*|wzi\\w*|lyknel\\w*|lyknal\\w*|zjadl\\w*) (?:wszystko|wszystkie leki|cala) (?:\\w+ ){0,3}(?:apteczk\\w*|apteczce|szafce)',
        // A large amount, everything or an unnamed thing, taken a short while ago (not a dose for pain).
        `(?:wzi\\w*|lyk\\w*|polkn\\w*|zazyl\\w*|zjadl\\w*|zarzucil\\w*) ${ROUTINE_PL}(?:juz |chyba |ze |okolo |jakies |prawie |ponad )?(?:caly blister|cale opakowanie|cala paczke|cala butelke|wszystko|wszystkie|\\d{2,}|cos)(?: \\w+){0,4} ${AGO}`,
        `(?:wzi\\w*|lyk\\w*|polkn\\w*|zazyl\\w*|zjadl\\w*) (?:juz )?(?:chyba |ze |okolo |jakies |prawie |ponad )(?:\\d{2,}|kilkanascie|kilkadziesiat) (?:\\w+ ){0,1}${PILLS}`,
        `(?:(?:wzi\\w*|polkn\\w*|lyk\\w*|zjadl\\w*) wszystko,? co (?:bylo |mam |mialam |mialem |zostalo |jest )?(?:w|z) (?:pudelku|opakowaniu|apteczce|szafce|butelce|fiolce|blistrze|szufladzie)|(?:biore|wezme) wszystko,? co (?:mam |zostalo |jest )?(?:w|z) (?:apteczce|szafce|szufladzie)(?= *(?:[.!?]|$)))${NOT_CARRIED}(?![^.!?]*\\b(?:${FOOD}|impre\\w*|wyprowadz\\w*|przeprowadz\\w*|smieci\\w*|wyrzuc\\w*|pran\\w*)\\b)(?<!\\b(?:wyprowadz|przeprowadz|sprzata|porzad|remont)\\w*\\b[^.!?]{0,160})`,
        `(?:nie czuje|kreci mi sie|niedobrze|slabo|wymiotuje|ciemno|zasypiam)(?: \\w+){0,4} po (?:tych |tylu |moich )?(?:wszystkich |tych wszystkich )(?:\\w+ )?${PILLS}`,
        // At a height or on the tracks, then resolve (the place is a lookbehind, so a "nie" before the resolve does not negate it).
        `(?=(?:(?:nie|niy) (?:zejde|zawroce|wroce|schodze|zleze|zlaze|zlaza|zleza)|(?:juz )?czas(?= *(?:[.,!?]|$))|to jest to|skacze(?! (?:mi|mu|jej|im|nam|ci|po|do|przez)\\b| (?:z|ze) (?:radosci|szczescia)\\b)|skocze|nikt mnie (?:juz )?nie zatrzyma|nie zatrzymacie mnie))(?<=\\b(?:na|nad|przy) (?:\\w+ )?(?:moscie|most|dachu|dach|torach|tory|krawedzi|krawedz|parapecie|parapet|balkonie|wiadukcie|wiadukt|klifem|klifie|klif|gzymsie|gzyms|przejezdzie|peronie|skraju|grani|urwisku|dzwigu|kominie|maszcie)\\b[^?]{0,80}?)(?:(?:nie|niy) (?:zejde|zawroce|wroce|schodze|zleze|zlaze|zlaza|zleza)|(?:juz )?czas(?= *(?:[.,!?]|$))|to jest to|skacze(?! (?:mi|mu|jej|im|nam|ci|po|do|przez)\\b| (?:z|ze) (?:radosci|szczescia)\\b)|skocze|nikt mnie (?:juz )?nie zatrzyma|nie zatrzymacie mnie)${LEISURE}`,
        `(?:leze|lezy|polozyl\\w* sie|kladz\\w* sie|lezac) (?:juz |teraz )?na torach${LEISURE}`,
        'na (?:gzymsie|parapecie) (?:za oknem|okna|na zewnatrz)',
        // An amount beyond a dose, in any tense and with particles between ("wzięłam właśnie całe opakowanie
        // tabsów", "łyknąłem chyba ze 30 psychotropów"); not food, a routine or a dose owed or forgotten.
        `${TAKE}${NOT_OWED}${NOT_A_DOSE_BEFORE} ${PART}(?:${AMOUNT}|cala butelke|cala garsc) (?:(?!(?:poranne|wieczorne|codzienne|nocne|zwykle)\\b)\\w+ ){0,2}?${PILLS}${NOT_A_DOSE_AFTER}`,
        // A pack's worth with nothing after it ("połknąłem cały blister", "zażyłam całe opakowanie.").
        `(?!wypi|zj|wciag)${TAKE}${NOT_OWED}${NOT_A_DOSE_BEFORE} ${PART}(?:(?:ze|z|okolo|jakies|prawie|ponad) )?${PACK}(?= *(?:[.,!?]|$)| (?:i|a|juz|teraz|wlasnie|chyba|przed chwila|naraz|na raz)\\b| ${AGO})${NOT_A_DOSE_AFTER}`,
        // The amount told first ("wszystkie tabletki już połknęłam", "całe opakowanie leków wzięłam").
        `(?:wszystkie|${PACK}|cala butelke|\\d{2,}) (?:\\w+ ){0,2}?${PILLS} ${PART}${TOOK}${NOT_A_DOSE_BEFORE}${NOT_A_DOSE_AFTER}`,
        // One after another, by the handful ("połykam tabletki jedna po drugiej").
        `${TAKE}${NOT_OWED} ${PART}(?:\\w+ ){0,2}?${PILLS} (?:\\w+ )?(?:jedna po drugiej|jedna za druga|garsciami|wszystkie naraz|wszystkie na raz)${NOT_A_DOSE_AFTER}`,
        // Stuffed with pills ("nażarłam się tabletek", "najadłem się prochów").
        `(?:nazarl\\w*|nazre|najadl\\w*|najem|nafaszerowal\\w*|napchal\\w*|nawpierdalal\\w*) sie ${PART}(?:\\w+ ){0,2}?${PILLS}`,
        // On a ledge, a railing or the tracks, with particles ("stoję już teraz na barierce mostu").
        `(?:stoje|siedze|jestem|stoimy|klecze|leze) (?:(?:juz|chyba|zaraz|wlasnie|teraz|znowu|znow|dalej|nadal|tu|tutaj) )*na (?:moscie|dachu|torach|parapecie|wiadukcie|gzymsie|barierce|balustradzie|(?:krawedzi|skraju) (?:mostu|dachu|wiaduktu|balkonu|okna|klifu|urwiska|budynku|bloku|wiezowca|peronu|skarpy))${LEISURE}(?![^.!?]*\\b(?:czekam|czekajac|autobus\\w*|przystank\\w*|znajom\\w*|kumpl\\w*|kolez\\w*|kolega|kolegami)\\b)`,
        `(?:polknal\\w*|polknel\\w*|wzi\\w*|lykn\\w*|zjadl\\w*) reszt\\w* (?:\\w+ )?${PILLS}${ROUTINE}`,
        '(?:duzo |o wiele |znacznie |sporo )?wiecej niz (?:moja|przepisana|zalecana) dawk\\w*(?![^.!?]*\\b(?:przypadk\\w*|niechcacy|witamin\\w*|kaw\\w*)\\b)',
        'wstrzyk\\w* (?:sobie )?(?:cala|wszystk\\w*|reszt\\w*) insulin\\w*',
        `(?:lykn\\w*|polkn\\w*|wzi\\w*|zjadl\\w*) wszystkie (?:${PILLS}) (?:jakie|ktore) (?:byly|mialam|mialem|znalazl\\w*) w domu`,
        '(?:kabel|pasek|sznur|lina|petla) (?:juz )?wisi (?:na|w|z) (?:poreczy|belce|belki|haku|drzwiach|garazu|piwnicy|strychu|suficie|drzewie|galezi)(?![^.!?]*\\b(?:prani\\w*|lamp\\w*|swiatel\\w*|dekorac\\w*|hustawk\\w*|ladowar\\w*)\\b)',
        '(?:wann\\w*)(?: \\w+){0,3} (?:napelnia|pelna|nalana|leci)[^?]{0,40}?(?:zyletk\\w*|noz|ostrz\\w*) (?:sa |jest )?(?:gotow\\w*|obok|tu)',
        'garaz\\w*[^?]{0,60}?(?:zamkn\\w* (?:drzwi|brame)|zamknieta brama)[^?]{0,40}?silnik\\w* (?:chodzi|pracuje|wlaczon\\w*)',
        '(?:tylko|musze|zaraz|wystarczy|zostalo) (?:\\w+ )?kopn\\w* (?:to )?(?:krzeslo|taboret\\w*|stolek)',
        // Beyond a barrier at a height.
        'po (?:zlej|zewnetrznej) stronie (?:barierki|barierek|balustrady|poreczy|bariery|murku)',
        `(?:przeszedl\\w*|przeszl\\w*|przechodze|przelazl\\w*|wszedl\\w*|weszl\\w*) (?:przez|na) (?:barierke|balustrade|porecz|barierki|murek)(?: \\w+){0,3} (?:na|z) (?:moscie|dachu|wiadukcie|${HIGH_PLACE})`,
        // At a height with no subject word, then done.
        // (The place is a lookbehind, so a "nie" between the two does not negate the end: "nikogo nie ma".)
        `(?<=(?:ostatni\\w*|najwyzsz\\w*) pietr\\w* (?:parkingu|bloku|wiezowca|budynku|galerii|szpitala)[^?]{0,80}?)(?:mam dosc|to koniec|zegnajcie|skacze|skocze)`,
        // By the tracks with the train coming; a train that does not stop, and the speaker will not get on.
        '(?:torach|torami|torow|peronu|peronie)(?: \\w+){0,2}[.,]? (?:\\w+ ){0,2}(?:slysze|widze),? (?:ze |jak )?(?:juz )?(?:jedzie|nadjezdza|swiatla)',
        `(?:ekspres|pociag|pospieszny|towarowy)(?: \\w+){0,2} (?:tu |tutaj )?nie (?:staje|zatrzymuje sie)[^?]{0,80}?(?:nie wsiade|na tory|na torach|krawedz\\w*|skocze|wejde)${LEISURE}`,
      ],
    },
    {
      id: 'pl.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        'zegnajcie na zawsze',
        '(?:zegnam sie|zegnam) (?:z wami |z wszystkimi |ze wszystkimi )?na zawsze',
        `to (?:jest |sa )?(?:moja |moje |moj )?ostatni[ae]? (?:wiadomosc|wpis|post|slowa|sms)${NOT_SOON}(?! (?:tu|tutaj|na (?:tym )?(?:forum|grupie|serwerze|kanale|czacie)|w (?:tej|tym) (?:sprawie|kwestii|dyskusji|temacie|watku)|na (?:ten|tym) temat|przed (?!smiercia\\b)\\w+)\\b)(?<!\\b${NO_LONGER_NEEDED_FOR}\\b[^.!?]{0,160})(?![^.!?]*\\b${NO_LONGER_NEEDED_FOR}\\b)`,
        `moja ostatnia wiadomosc${NOT_SOON}`,
        '(?:kiedy|gdy|jak) to (?:przeczytacie|przeczytasz|zobaczycie)',
        '(?:kiedy|gdy|jak) (?:przeczytacie|przeczytasz) (?:to|te slowa|ta wiadomosc)',
        'milo (?:bylo )?(?:was|cie) (?:wszystkich )?(?:bylo )?poznac',
        '(?:wylogowuje|wypisuje|zegnam) sie (?:stad )?(?:na zawsze|na dobre|ostatni raz)(?![^.!?]*\\b(?:aplikacj\\w*|apk\\w*|fejs\\w*|facebook\\w*|insta\\w*|tiktok\\w*|twitter\\w*|konto|kont|grupy|serwer\\w*|gry|detoks\\w*|pracy|firmy|szkoly)\\b)',
        'to (?:jest )?(?:moje )?pozegnanie',
        'powiedz(?:cie)? (?:mojej |mojemu )?(?:mamie|mamusi|tacie|rodzicom|siostrze|bratu|zonie|mezowi|dziewczynie|chlopakowi|rodzinie|dzieciom),? ze (?:\\w+ ){0,3}(?:kocham|przepraszam|przykro)(?![^.!?]*\\b(?:odebral\\w*|oddzwoni\\w*|spozni\\w*|zapomnial\\w*|telefon\\w*|urodzin\\w*|obiad\\w*|kolacj\\w*|impre\\w*|spotkani\\w*|korki|korek)\\b)',
        // A note to a future reader, goodbyes already said, a request not to grieve.
        '(?:do|dla) (?:tego|tej|osoby|kogos|kazdego|kogokolwiek),? (?:kto|ktora|ktory) (?:to )?(?:czyta|przeczyta|znajdzie|zobaczy)',
        `pozegnal\\w* sie (?:juz )?(?:ze wszystkimi|z wszystkimi|z wami|z rodzina|z kazdym|z bliskimi)(?! (?:w|na|przed|z) (?:\\w+ )?(?:pracy|szkole|firmie|wyjazdem|lotnisku|dworcu|klasy|klasa|pracy))${NOT_SOON}`,
        `nie (?:smuc\\w*|placzcie|rozpaczajcie|oplakujcie) (?:sie )?(?:po mnie|za mna|przeze mnie|z mojego powodu)${NOT_SOON}`,
      ],
    },
    {
      id: 'pl.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        '(?:juz mnie nie bedzie|mnie juz nie bedzie|nie bedzie mnie juz|mnie nie bedzie juz)(?! (?:na|w|o|do|przez|od|z)\\b)',
        'juz (?:mnie )?(?:nigdy )?nie (?:zobaczycie|uslyszycie)',
        // "Zanim odejdę" with thanks, love or an apology (not leaving a desk, a job or a room).
        `zanim (?:odejde|mnie nie bedzie|umre)(?! (?:od|z|ze|do)\\b)[.,]? (?:\\S+ ){0,6}?(?:dziekuje|dzieki|kocham|przepraszam|byliscie|bylas|byles|wybaczcie|chce (?:wam |ci )?powiedziec)${NOT_SOON}`,
        '(?:odchodze|znikam) (?:na zawsze|na dobre)(?![^.!?]*\\b(?:pracy|firmy|zespolu|klubu|szkoly|od niego|od niej|grupy|forum|kanalu|przeprowadz\\w*|wyjezdzam)\\b)',
        `(?:to (?:jest )?)?moja ostatnia noc(?![^.!?]*\\b(?:w|na|przed|tutaj|tu|zmian\\w*|pracy|wakacj\\w*|urlop\\w*|obozie|hotelu)\\b)`,
        'zanim odejde na (?:dobre|zawsze)',
        'nie (?:zobacze|dozyje|doczekam) (?:juz )?(?:wschodu slonca|rana|jutra|switu|kolejnego dnia)',
        `(?:wiecej|juz) (?:sie )?(?:ode mnie )?nie (?:odezwe|uslyszycie)(?: sie)?(?! (?:do|z)\\b)${NOT_SOON}`,
        'dobranoc na zawsze',
        '(?:napisal\\w*|zostawil\\w*) (?:juz )?(?:list|liscik|kartk\\w*) (?:do|dla) (?:rodzicow|mamy|taty|rodziny|zony|meza|dzieci|siostry|brata)[^?]{0,40}?(?:lezy|jest|zostawil\\w*) (?:na|w|pod) (?:poduszce|poduszka|lozku|biurku|stole)(?![^.!?]*\\b(?:swiet\\w*|urodzin\\w*|mikolaj\\w*|szkol\\w*|zyczeni\\w*|podziekow\\w*)\\b)',
        'nie doczekam (?!sie\\b)(?:swiat|rana|jutra|urodzin|wiosny|lata|nowego roku|weekendu|poniedzialku|wigilii)',
        // Two goodbyes in one message: an apology or thanks for everything with love, a farewell or an end
        // ("przepraszam was za wszystko, kocham was", "to już koniec. kocham was", "kocham was wszystkich, przepraszam").
        `${GOODBYE_SORRY}[.,!]*(?: \\S+){0,6}? (?:${GOODBYE_LOVE}|${GOODBYE_END})${NOT_SOON}`,
        `(?:${GOODBYE_LOVE}|${GOODBYE_END})[.,!]*(?: \\S+){0,6}? (?:${GOODBYE_SORRY}|przepraszam(?= *(?:[.,!?]|$)))${NOT_SOON}`,
        `${GOODBYE_THANKS}[.,!]*(?: \\S+){0,6}? ${GOODBYE_END}${NOT_SOON}`,
        `${GOODBYE_END}[.,!]*(?: \\S+){0,6}? ${GOODBYE_THANKS}${NOT_SOON}`,
        `${GOODBYE_LOVE}[.,!]*(?: \\S+){0,6}? ${GOODBYE_END}${NOT_SOON}`,
        `${GOODBYE_END}[.,!]*(?: \\S+){0,6}? ${GOODBYE_LOVE}${NOT_SOON}`,
        // "Żegnajcie" as the whole message ("żegnajcie wszyscy."); after other words it stays a soft goodbye (a cue).
        '(?<!\\w[\\s\\S]*)(?:zegnajcie|zegnam (?:sie z wami|was)(?: wszystkich| wszystkimi)?)(?: (?:wszyscy|wszystkim|kochani|moi kochani|moi drodzy|przyjaciele|na zawsze))?(?=\\W*$)',
        `do zobaczenia po (?:tamtej|drugiej) stronie(?= *(?:[.,!?]|$))`,
        // Not where the speaker only is elsewhere for a while ("nie szukajcie mnie, jestem u babci").
        `nie szukaj(?:cie)? mnie(?! (?:w|na|u|przy|po|przez|do|tam|tu|tutaj|jutro|dzis|dzisiaj|bo|jak|az|zanim|przed)\\b)(?!.*\\b(?:pracy|szkole|babci|dziadk\\w*|domu|wyjezdzam|wyjazd\\w*|weekend\\w*|urlop\\w*|wakacj\\w*|impre\\w*|spie|spac|zakupach|sklepie|miescie|kinie|silowni|treningu|meczu|wroce|wracam|chowanego)\\b)${NOT_SOON}`,
        '(?:do widzenia|zegnaj|pa|papa|nara|adios|bywajcie) na zawsze',
        `(?:juz|nigdy|wiecej)(?: (?:juz|nigdy|wiecej))* mnie (?:(?:juz|nigdy|wiecej) )*nie (?:zobaczycie|uslyszycie|zobaczysz|uslyszysz)(?! (?:w|na|u|przy|z|bez|do|przez|az|dopoki)\\b)${NOT_SOON}`,
        '(?:zaopiekuj|zajmij|zadbaj|dbaj|pilnuj)\\w* (?:sie )?(?:\\S+ ){0,4}?(?:kiedy|gdy|jak) mnie (?:juz )?zabraknie',
        `ostatni raz (?:tu |tutaj )?(?:pisze|sie odzywam|cos pisze)${NOT_SOON}`,
        'nie (?:zobaczycie|uslyszycie) mnie (?:juz|wiecej|nigdy)',
        `ostatni[ae]? (?:wiadomosc|wpis|post|slowa|sms) (?:ode mnie|w zyciu)${NOT_SOON}`,
        // A goodbye with thanks, love or an apology for everything in the same message.
        `(?:dziekuje (?:wam )?za wszystko|dzieki za wszystko|przepraszam (?:was )?za wszystko|kocham was(?: wszystkich)?|wybaczcie mi)[.,!]*(?: \\S+){0,6}? (?:zegnajcie|zegnam (?:sie|was)|zegnaj swiecie)${NOT_SOON}`,
        `(?:zegnajcie|zegnam (?:sie|was)(?: wszystkich)?)[.,!]*(?: \\S+){0,6}? (?:dziekuje (?:wam )?za wszystko|dzieki za wszystko|przepraszam (?:was )?za wszystko|kocham was|wybaczcie mi)${NOT_SOON}`,
        '(?:rozdal\\w*|oddal\\w*|rozdaje) (?:\\S+ ){0,10}?(?:zegnajcie|zegnam (?:sie|was))',
        '(?:usunal\\w*|usunel\\w*|kasuje|skasowal\\w*) (?:wszystkie )?(?:swoje |moje )?(?:konta|profile)(?: \\S+){0,8}? (?:zegnajcie|zegnam|ostatni\\w* wiadomosc\\w*)',
      ],
    },
    {
      // Second audit (a chat writer's forms): the act as a state told by its participle ("tabletki już
      // łyknięte", "cała garść połknięta"; not "wzięte", which also means packed), the amount after the pills
      // ("zażyłem tabletki taty, całe dwa opakowania"), a learner's "ja wypiła", poison drunk or swallowed,
      // cutting deep or with blood running down, bleeding that will not stop, charcoal lit in a closed room,
      // the exhaust led into the car or the engine run in a closed garage, locked in with the means, onto
      // the tracks, a message written from a height, a crash into a tree, on into deep water, lying in the
      // snow without a coat, the body going numb after what one took.
      id: 'pl.attempt',
      level: 'imminent',
      kind: 'attempt',
      patterns: [
        `(?:${AMOUNT}|cala garsc) (?:(?!${FOOD}\\b)\\w+ ){0,3}?(?:juz )?(?:lykniet|polkniet|zazyt)\\w*${NOT_A_DOSE_AFTER}`,
        `(?<!\\b(?:poranne|wieczorne|codzienne|nocne|zwykle|dzisiejsze) )${PILLS} (?:(?:juz|wszystkie|sa) )*(?:lykniete|polkniete|zazyte)${NOT_A_DOSE_AFTER}`,
        `${TAKE}${NOT_OWED}${NOT_A_DOSE_BEFORE} ${PART}(?:\\w+ )?${PILLS}[,.]? (?:\\w+,? ){0,3}?(?:cale |calutkie )?(?:${PACK}|(?:dwa|trzy|cztery|piec|kilka) opakowania|cala garsc|wszystkie(?= *(?:[.,!?]|$)))${NOT_A_DOSE_AFTER}${NOT_CARRIED}`,
        // First person told with a third-person form by a learner ("Ja wypiła wszystkie tabletki").
        `ja (?:juz )?(?:wzial|wziela|wypil|wypila|polknal|polknela|lyknal|lyknela|zazyl|zazyla|zjadl|zjadla) ${PART}${AMOUNT} (?:\\w+ ){0,2}?${PILLS}${NOT_A_DOSE_AFTER}${NOT_CARRIED}`,
        `(?:wypil(?:em|am)|napil(?:em|am) sie|lykn(?:alem|elam)|polkn(?:alem|elam)|zjadl(?:em|am)|wypije|pije) (?:(?:juz|wlasnie|caly|cala|cale|troche|pol|ten|ta|te|to|tego|tej) )*(?:\\w+ (?:i|oraz) )?${POISON}(?![^.!?]*\\b(?:przypadk\\w*|niechcacy|pomylk\\w*)\\b)`,
        `${POISON} (?:\\w+ ){0,2}(?:juz )?(?:wypit\\w*|polkniet\\w*|zjedzon\\w*|lykniet\\w*)`,
        `${CUT} sie (?:\\w+ ){0,2}(?:gleboko|coraz glebiej|bardzo mocno)${NOT_A_WOUND}${NOT_A_WOUND_BEFORE}`,
        `(?:${CUT} sie|pocie\\w* sie|pocia\\w* sie)[^.?!]{0,40}?krew (?:\\w+ )?(?:leci|leje sie|cieknie|splywa|kapie) (?:\\w+ )?(?:po|z) (?:rece|rekach|reki|nadgarstk\\w*|udzie|udach|nodze|nogach|ramieniu|przedramieniu|brzuchu)`,
        `nie (?:przestaje|chce przestac|moge przestac) (?:\\w+ )?krwawic${NOT_A_WOUND}${NOT_A_WOUND_BEFORE}`,
        `(?:krew|krwi|krwawi\\w*)[^.?!]{0,40}?nie (?:moge|umiem|daje rady) (?:tego |jej )?(?:zatamowac|zatrzymac)${NOT_A_WOUND}${NOT_A_WOUND_BEFORE}`,
        `krew (?:\\w+ )?(?:leci|leje sie|cieknie|tryska|plynie) (?:\\w+ )?(?:bardzo |strasznie |tak |za )?(?:mocno|duzo|strumieniem)${NOT_A_WOUND}${NOT_A_WOUND_BEFORE}`,
        `${NOT_HEATING_BEFORE}(?:wegiel|wegl)\\w*[^.?!]{0,60}?(?:zamkn|uszczelni|zaklei|pozamyk)\\w* (?:\\w+ )?(?:okna|okno|drzwi|szpary|wentylacj\\w*)[^.?!]{0,40}?(?:rozpal|zapal|podpal)\\w*${NOT_HEATING}`,
        `${NOT_HEATING_BEFORE}(?:zamkn|uszczelni|zaklei|pozamyk)\\w* (?:\\w+ )?(?:okna|okno|drzwi|szpary|wentylacj\\w*)[^.?!]{0,60}?(?:rozpal|zapal|podpal)\\w* (?:\\w+ ){0,2}(?:wegiel|wegl\\w*|brykiet\\w*|grill\\w*)${NOT_HEATING}`,
        '(?:waz\\w*|wez(?:a|e|em|u)|rur\\w*) (?:\\w+ ){0,2}(?:od|z) (?:wydechu|rury wydechowej|tlumika)[^.?!]{0,40}?(?:w oknie|przez okno|do (?:auta|samochodu|srodka|wnetrza|kabiny|okna))',
        '(?:wdycham|wdychac|nawdychal(?:em|am)) (?:\\w+ )?spalin\\w*(?![^.!?]*\\b(?:kork\\w*|ulic\\w*|miast\\w*|smog\\w*|codziennie|autobus\\w*|przystank\\w*|rower\\w*|skrzyzowa\\w*)\\b)',
        'zamkni\\w* (?:\\w+ ){0,2}w garazu[^.?!]{0,40}?(?:wlaczam|wlaczyl(?:em|am)|odpalam|odpalil(?:em|am)|uruchamiam|uruchomil(?:em|am)|wlacze|odpale) silnik(?![^.!?]*\\b(?:wyjezdz\\w*|wyjad\\w*|wyjech\\w*|nagrza\\w*|rozgrza\\w*|jade|pojade|otwier\\w*|otworz\\w*|otwart\\w*)\\b)',
        `(?:zamknal(?:em)?|zamknel(?:am)?) sie (?:\\w+ ){0,2}(?:w|na) (?:lazience|pokoju|wannie|aucie|samochodzie|piwnicy|garazu|strychu|toalecie|kiblu) (?:\\w+ )?(?:z|ze) (?:\\w+ )?${MEANS_WITH}${ROUTINE}${NOT_A_HOBBY}`,
        `(?:siedze|leze|klecze) (?:\\w+ ){0,2}w (?:lazience|wannie|aucie|samochodzie|piwnicy|garazu|lesie|strychu|toalecie|kiblu) (?:\\w+ )?(?:z|ze) (?:\\w+ )?(?:zyletk(?:a|ami)|ostrzem|brzytwa|sznurem|petla|bronia|pistoletem|strzelba)${ROUTINE}${NOT_A_HOBBY}`,
        `(?:wyjde|wejde|wchodze|wychodze|poloze sie|kladz\\w* sie|stane) (?:(?:juz|zaraz|teraz|chyba|po prostu|wlasnie) )*na tory${LEISURE}(?![^.!?]*\\b(?:przejsc\\w*|przechodz\\w*|skrot\\w*|drug\\w* stron\\w*|peron\\w*|prac\\w*|remont\\w*|kolejarz\\w*)\\b)`,
        `pisze (?:to |te slowa |do was |wam |ci )?(?:z|ze) (?:dachu|mostu|wiaduktu|krawedzi \\w+|gzymsu|torow)${LEISURE}`,
        '(?<!\\bboj\\w* sie,? ze (?:\\w+ )?)(?:skrece|uderze|walne|wbije sie|wjade|rozwale sie|rozbije sie|przywale|odbije|wjezdzam|wbijam sie) (?:\\w+ ){0,2}(?:w|na|pod) (?:drzewo|sciane|mur|filar|ciezarowke|barierk\\w*|slup|tira|pociag|przepasc)(?![^.!?]*\\b(?:grze|gry|gta|symulator\\w*|rower\\w*|hulajnog\\w*|przypadk\\w*|uwazaj\\w*|prawie|slisko|lod\\w*|poslizg\\w*|hamul\\w*|parkour\\w*|rolk\\w*|deskorolk\\w*|skate\\w*|wyscig\\w*|gokart\\w*)\\b)(?<!\\b(?:grze|gry|gta|symulator\\w*)\\b[^.!?]{0,160})',
        `(?:wchodze|weszl(?:am)?|wszedlem|wejde|ide|stoje|jestem) (?:(?:juz|wlasnie|teraz|coraz) )*(?:dalej |glebiej )?(?:w|do) (?:wodzie|wody|rzece|rzeki|jeziorze|jeziora|morzu|morza)(?:(?: \\w+){0,2} po (?:szyje|brode|usta|piers))?[^.?!]{0,40}?(?:nie (?:wracam|wroce|zawroce|wyjde)|i ide dalej|coraz glebiej|z kamieniami)${NOT_A_SWIM}`,
        `(?:stoje|jestem|weszl(?:am)?|wszedlem) (?:(?:juz|wlasnie|teraz) )*(?:w|do) (?:wodzie|wody|rzece|rzeki|jeziorze|jeziora|morzu|morza)(?: \\w+){0,2} po (?:szyje|brode|usta)[^.?!]{0,40}?nie umiem plywac${NOT_A_SWIM}`,
        '(?:leze|siedze|zostaje|zostane|polozyl(?:em|am) sie) (?:\\w+ ){0,2}na (?:sniegu|mrozie|lodzie) (?:\\w+ ){0,3}bez (?:kurtki|ubrania|ubran|butow|niczego)(?![^.!?]*\\b(?:aniol\\w*|zabaw\\w*|dzieci\\w*|sank\\w*|mors\\w*|zdjec\\w*|fot\\w*|sesj\\w*|wyzwani\\w*|challenge|nart\\w*|snowboard\\w*|saun\\w*|gorac\\w*)\\b)',
        `(?:dretw\\w*|kreci mi sie|robi mi sie (?:slabo|ciemno|sennie)|zasypiam|odplywam|zaczynam byc senn\\w*|nie czuje (?:rak|nog|palcow|ciala))(?: \\w+){0,4} po (?:tych |tylu |moich )?(?:\\w+ )?${PILLS},? (?:co|ktore) (?:juz )?(?:wzi(?:elam|alem|elem|olem)|lykn(?:elam|alem)|polkn(?:elam|alem)|zazyl(?:am|em)|zjadl(?:am|em))${NOT_A_DOSE_AFTER}(?![^.!?]*\\b(?:rano|wieczorem|na noc|nowe|nowych|od lekarza|psychiatr\\w*|skutk\\w* uboczn\\w*|przepisal\\w*)\\b)`,
      ],
    },
    {
      // Second audit: an end with a time ("dzisiaj w nocy to koniec", "dziś to zakończę").
      id: 'pl.plan.method',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        '(?:dzis|dzisiaj|dzis w nocy|dzisiaj w nocy|tej nocy) (?:to )?(?:juz )?(?:jest )?(?:ostateczny )?koniec(?! (?:\\w+ )?(?:pracy|sezonu|semestru|roku|zajec|szkoly|lekcji|meczu|zmiany|tygodnia|promocji|wyprzedazy|remontu|kursu|diety|urlopu|wakacji|ferii|serialu|imprezy|projektu|zapisow|terminu|zbiorki|konkursu|gry|turnieju|swiata|odcinka|naboru|z|ze)\\b)',
        '(?:dzis|dzisiaj|dzis w nocy|dzisiaj w nocy|tej nocy|w nocy) (?:to )?(?:juz )?(?:to )?(?:zakoncze|zakonczy sie)(?= *(?:[.,!?]|$))',
        'zakoncze to (?:dzis|dzisiaj|w nocy|tej nocy)(?= *(?:[.,!?]|$))',
      ],
    },
    {
      // Second audit: goodbyes in chat forms: "sory za wszystko", "nara na dobre", what a reader will find
      // ("jak to czytasz, to już pewnie po mnie", "jeśli ktoś to przeczyta za godzinę, będzie za późno"),
      // going to sleep for good now, the last night on this earth, things handed over that will not be
      // needed again ("zostawiam wam hasło, już nie będę go potrzebował").
      id: 'pl.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        `(?:zeby|niech) (?:ktos |ktokolwiek )?(?:powie|przekaze|powiedzial\\w*|przekazal\\w*) (?:mojej |mojemu )?(?:mamie|mamusi|tacie|rodzicom|siostrze|bratu|zonie|mezowi|dziewczynie|chlopakowi|rodzinie|dzieciom),? ze (?:\\w+ ){0,3}(?:kocham|przepraszam|przykro)(?![^.!?]*\\b(?:odebral\\w*|oddzwoni\\w*|spozni\\w*|zapomnial\\w*|telefon\\w*|urodzin\\w*|obiad\\w*|kolacj\\w*|impre\\w*|spotkani\\w*|korki|korek|balagan\\w*|klotni\\w*|wczoraj)\\b)${NOT_SOON}`,
        '(?:do widzenia|zegnaj|zegnajcie|pa|papa|nara|narka|adios|bywajcie|elo) na dobre(?! (?:\\d+|pare|kilka|\\w+ (?:godzin\\w*|minut\\w*|dni|tygodni\\w*)|godzin\\w*|minut\\w*|dni|tydzien|tygodni\\w*|miesi\\w*)\\b)',
        // A message that opens with "żegnajcie" and says one cannot go on ("Żegnajcie. Nie dam rady dłużej.").
        `(?<!\\w[\\s\\S]*)(?:zegnajcie|zegnam (?:sie z wami|was))(?: wszyscy| kochani)?(?=[.!,]* [^?]*\\b(?:nie (?:dam|daje) (?:juz )?rady|nie wytrzymuje|nie wytrzymam|mam dosc|nie chce)(?= *(?:[.,!?]|$)| (?:juz|dluzej|zyc|z zyciem|ze wszystkim|wszystkiego|zycia|tak zyc)\\b))${NOT_SOON}`,
        `(?:kiedy|gdy|jak|jesli|jezeli|zanim) (?:ktos |ktokolwiek |ty |wy )?(?:to |te slowa |ta wiadomosc |moja wiadomosc )?(?:czytasz|czytacie|czyta|przeczyta|przeczytasz|przeczytacie|zobaczy\\w*|znajdzie\\w*)[^.?!]{0,50}?(?:bedzie (?:juz )?za pozno|(?:juz )?mnie (?:juz )?nie bedzie|bede (?:juz )?(?:daleko|martw\\w*|po drugiej stronie)|(?:juz )?(?:pewnie )?po mnie|(?:juz )?nie (?:bede )?zy(?:je|c|la|l))(?! (?:na|zeby|by|do|w)\\b)(?![^.!?]*\\b(?:samolot\\w*|pociag\\w*|drodze|lotnisk\\w*|wyjazd\\w*|wakacj\\w*|autobus\\w*|trasie|urlop\\w*|pracy|spie|spac|kinie|domu|biurze|miescie|kraju|zapis\\w*)\\b)`,
        '(?:ide|pojde|klad(?:e|z\\w*) sie|poloze sie) (?:juz )?spac na zawsze(?![^.!?]*\\b(?:albo|chyba ze|do|haha\\w*|xd|lol|heh\\w*)\\b)',
        '(?:ide spac|klad(?:e|z\\w*) sie spac|poloze sie spac|zasypiam) (?:i )?(?:juz )?(?:sie )?(?:juz )?(?:nigdy )?nie obudze(?: sie)?(?! (?:do|przed|az|rano|o|na czas|wczesniej|bez)\\b)(?![^.!?]*\\b(?:budzik\\w*|pewnie|chyba)\\b)',
        'ostatni(?:a|e|ego|ej)? (?:dzien|noc|wieczor|raz|chwil\\w*|godzin\\w*|dni|tydzien) (?:\\w+ ){0,3}na tym swiecie',
        `(?:zostawiam|oddaje|daje|przekazuje|rozdaje|przekazal(?:em|am)|oddal(?:em|am)|rozdal(?:em|am)|zostawil(?:em|am)) (?:\\S+ ){0,12}?(?:(?:juz|mi|bo|i|a) )*nie (?:beda|bede|bedzie) (?:mi )?(?:juz )?(?:go |ich |jej |tego |niczego |nic )?potrzeb\\w*(?<!\\b${NO_LONGER_NEEDED_FOR}\\b[^.!?]{0,160})(?![^.!?]*\\b${NO_LONGER_NEEDED_FOR}\\b)`,
      ],
    },
    {
      // Second audit: the means told participle first ("mam już zawiązany pasek na klamce", "przygotowaną linę").
      id: 'pl.plan.means',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        '(?:przywiazan|zawiazan|zaczepion|przymocowan)\\w* (?:juz )?(?:pasek|sznur|line|lina|kabel|szalik|petl[ae]) (?:do|na|o) (?:klamki|klamce|drzwi|drzwiach|belki|belce|haka|haku|poreczy|rury|rurze|kaloryfera|kaloryferze|galezi|drzewa|drzewie|zyrandola|zyrandolu|karnisza|karniszu)(?![^.!?]*\\b(?:hustawk\\w*|psa|pies|namiot\\w*|prani\\w*|lodk\\w*|holow\\w*|wspin\\w*|ladowar\\w*|telefon\\w*|lamp\\w*|lampk\\w*|dekoracj\\w*|zaslon\\w*|firan\\w*|rosli\\w*|spad\\w*)\\b)',
        '(?:przygotowan|naszykowan)\\w* (?:juz )?(?:sznur|line|lina|petle|petla)(?![^.!?]*\\b(?:wspin\\w*|namiot\\w*|prani\\w*|lodk\\w*|zagl\\w*|holow\\w*|hustawk\\w*|biwak\\w*|obóz\\w*|oboz\\w*|harcer\\w*|przeprowadz\\w*|bagaz\\w*|paczk\\w*)\\b)',
      ],
    },
    {
      // Third audit (audit set 2's Polish writer): an act under way in new means and words. A weight tied to the
      // body before water, walking into the current or under the ice, fuel poured over oneself, charcoal lit
      // before the room is sealed, a hairdryer for the bath, fentanyl patches all at once, a whole bottle of a
      // syrup with codeine, the rest of the pills "already in me", a life-sustaining medicine stopped on purpose,
      // a gun taken from the safe told object first, the veins cut with any verb of cutting.
      id: 'pl.attempt',
      level: 'imminent',
      kind: 'attempt',
      patterns: [
        `(?:kotwic|kamien|kamieni|cegl|ciezar|obciazeni|odwaznik)\\w* (?:\\w+ ){0,2}(?:przywiazan|uwiazan|przymocowan|zawiazan)\\w* (?:\\w+ )?do (?:nogi|nog|kostki|kostek|szyi|pasa|siebie|mnie)(?! (?:stolu|stolika|krzesla|lozka|lawki|szafy|fotela|biurka|taboretu|namiotu|parasola|stojaka)\\b)${NOT_A_WORKOUT}`,
        `(?:przywiazal(?:em|am)|uwiazal(?:em|am)|przywiaze|przywiazuje) (?:sobie )?(?:\\w+ ){0,2}(?:kotwic|kamien|kamieni|cegl|ciezar|obciazeni|odwaznik)\\w* (?:\\w+ )?do (?:nogi|nog|kostki|kostek|szyi|pasa)${NOT_A_WORKOUT}`,
        `(?:wejde|wchodze|wejsc|pojde|ide|wskocze) (?:(?:juz|zaraz|teraz|po prostu) )*(?:w nurt|pod lod)(?= *(?:[.,!?]|$)| (?:rzeki|\\w+ rzeki|wisly|odry|i|bo|a|juz|teraz|na zawsze|na dobre)\\b)(?![^.!?]*\\b(?:kajak\\w*|ponton\\w*|splyw\\w*|rafting\\w*|wedk\\w*|woder\\w*|nurk\\w*|mors\\w*|kapiel\\w*|plyw\\w*)\\b)`,
        `(?:oblewam|obleje|oblac|wylewam na siebie|wyleje na siebie) (?:sie )?(?:\\w+ ){0,2}(?:benzyn|rozpuszczalnik|paliw|ropa|ropy|denaturat|naft)\\w*`,
        `(?<=\\b(?:benzyn|rozpuszczalnik|paliw|denaturat|naft)\\w*\\b[^?]{0,80}?)(?:sie (?:(?:juz|zaraz|teraz) )?(?:oblewam|obleje|oblac)|(?:oblewam|obleje|oblac) sie)(?! (?:\\w+ )?(?:woda|wody|kawa|herbata|sokiem|zupa)\\b)`,
        `${NOT_HEATING_BEFORE}(?:rozpal|zapal|podpal)\\w* (?:\\w+ )?(?:wegiel|wegl\\w*|brykiet\\w*)[^.?!]{0,60}?(?:zamkn|uszczelni|zaklei|pozamyk)\\w* (?:\\w+ )?(?:okna|okno|drzwi|szpary|wentylacj\\w*)${NOT_HEATING}(?<!\\b(?:piec\\w*|kominek|kominku|kominka|kotl\\w*|ogrzew\\w*|balkon\\w*|dzialce|dzialki|ogrodzie|ogrodku|tarasie|dworze|zewnatrz|ognisk\\w*)\\b[^.!?]{0,160})`,
        `(?:wann\\w*)[^?]{0,60}?(?:suszark|toster|grzalk|lokowk|prostownic)\\w*[^?]{0,40}?(?:wrzuc\\w*|wrzuce|upuszcze|wpuszcze)(?= *(?:[.,!?]|$)| (?:ja|go|to|do wody|do wanny)\\b)`,
        `(?:wrzuc\\w*|wrzuce|upuszcze|wpuszcze) (?:\\w+ )?(?:suszark|toster|grzalk|lokowk|prostownic)\\w* (?:\\w+ )?do (?:wanny|wody)`,
        `(?<=\\b(?:fentanyl|durogesic|morfin|buprenorf|transtec)\\w*\\b[^?]{0,80}?)(?:nakleil|przykleil)(?:am|em) (?:sobie )?(?:juz )?(?:wszystkie|\\d+|kilka|kilkanascie|cale opakowanie)(?= *(?:[.,!?]|$)| (?:naraz|na raz|sztuk|plastr\\w*|na siebie|na skore|sobie)\\b)`,
        `(?:nakleil|przykleil)(?:am|em) (?:sobie )?(?:juz )?(?:wszystkie|\\d+|kilka|kilkanascie) (?:\\w+ )?plastr\\w* (?:\\w+ ){0,2}(?:fentanyl|morfin|buprenorf)\\w*`,
        `(?:wypil(?:em|am)|wypije|lykn(?:alem|elam)) (?:(?:juz|wlasnie|chyba) )*(?:caly|cala butelke|cale opakowanie|cala fiolke|pol butelki|dwie butelki|butelke) syrop\\w* (?:\\w+ ){0,2}${PILLS}(?![^.!?]*\\b(?:przepis\\w*|na kaszel|lekarz\\w*|recept\\w*|dawk\\w*|lyzk\\w*|lyzeczk\\w*|przez (?:\\w+ )?(?:dni|tydzien|tygodnie))\\b)`,
        // Cold or water as the means, with the outcome accepted ("zamarznę tu do rana i tak ma być").
        '(?:zamarzn(?:e|ac)|utone|wykrwawie sie) (?:\\w+ ){0,3}i (?:tak ma byc|o to chodzi|dobrze)(?= *(?:[.,!?]|$))',
        `(?:${AMOUNT}|cala reszta) (?:\\w+ ){0,3}?${PILLS}[^.?!]{0,30}?(?:juz )?(?:sa |jest )?we mnie(?= *(?:[.,!?]|$))`,
        `(?:przestal(?:em|am)|odstawil(?:em|am)|nie (?:biore|wstrzykuje|podaje sobie)) (?:\\w+ ){0,2}(?:brac |przyjmowac |wstrzykiwac )?(?:insulin\\w*|dializ\\w*)(?=[^.!?]*\\b(?:celowo|specjalnie|nie zamierzam|zeby umrzec|niech tak zostanie|nie wroce)\\b)`,
        '(?:bron|pistolet\\w*|strzelb[ae]|rewolwer|sztucer|dubeltowk[ae]) (?:\\w+ ){0,2}(?:wyjal\\w*|wzial\\w*|wziel\\w*|zabral\\w*) (?:z|ze) (?:sejfu|szafy|szafki|szuflady)(?![^.!?]*\\b(?:polow\\w*|mysliw\\w*|strzelnic\\w*|(?:wy)?czy(?:sc|szcz)\\w*|konserw\\w*|zawod\\w*|sprzeda\\w*|kontrol\\w*|policj\\w*)\\b)',
        `(?:${CUT}|nacie\\w*|nacia\\w*) (?:sobie )?(?:zyly|zyle)${NOT_A_WOUND}`,
      ],
    },
    {
      // Third audit: behaviour short of an attempt, and ideation with a method, in the new writer's forms: a
      // hook tested for the weight, a rope bought "not for climbing", thinking of a jump from a named height, "jak
      // je sobie odebrać" (the life named before), a method looked up.
      id: 'pl.ideation.thoughts',
      level: 'high',
      kind: 'thoughts',
      patterns: [
        'sprawdz\\w*,? czy (?:\\w+ ){0,3}(?:hak|haczyk|belk\\w*|rur\\w*|karnisz\\w*|galaz|konar|porecz\\w*)(?: \\w+){0,3} (?:utrzyma|wytrzyma)(?: mnie| moj ciezar| \\d+ (?:kg|kilo))?(?= *(?:[.,!?]|$))(?![^.!?]*\\b(?:hamak\\w*|hustawk\\w*|worek|worka|lamp\\w*|polk\\w*|telewizor\\w*|rower\\w*|doniczk\\w*|kwiat\\w*|remont\\w*|budow\\w*|strop\\w*|konstrukcj\\w*|mebl\\w*|szafk\\w*)\\b)',
        '(?:kupil|kupuj|zamowil|zamawia|zalatwil|schowal|ukryl)\\w* (?:\\w+ ){0,4}?(?:lin|link|sznur|kabel|kable)\\w*[^.?!]{0,30}?,? nie do (?:wspin\\w*|holow\\w*|prani\\w*|cwicz\\w*|zeglow\\w*|biwak\\w*|namiot\\w*|suszeni\\w*)(?! *,? (?:tylko|ale|lecz|a|raczej) (?:\\w+ )?do\\b)(?= *(?:[.,!?]|$))',
        `(?:mysl\\w*|marz\\w*|fantazjuj\\w*) (?:\\w+ ){0,3}o (?:skoku|skakaniu|skoczeniu|rzuceniu sie|wyskoczeniu) (?:\\w+ ){0,2}(?:z|pod|na|przez) (?:\\w+ )?(?:${HIGH_PLACE}|pociag|tory|okno|balkon)`,
        '(?<=\\bzyci(?:e|a)\\b[^.?!]{0,80}?)je sobie (?:odebrac|odbiore)',
        // A method looked up: "sprawdzałem, czy da się tak odpalić piec, żeby się zaczadzić".
        `(?<=\\b(?:sprawdz|szuk|czyt|googl|ogladal|wpisywal|wpisal)\\w*\\b[^.!?]{0,80}?)(?:zeby|aby|jak|czy (?:da sie|mozna)) (?:\\w+ ){0,2}?sie (?:utopic|otruc|udusic|zaczadzic|zastrzelic|podpalic)${NOT_ONES_OWN}(?![^.!?]*\\b(?:kominek|kominka|kominku|piec\\w*|junkers\\w*|term\\w*|kotl\\w*|czujnik\\w*|bezpieczn\\w*|uniknac|zapobiec\\w*|dzieci\\w*)\\b)`,
      ],
    },
    {
      // Third audit: self-harm done again and told by its tool ("znowu to zrobiłem, tym razem nożem").
      id: 'pl.selfharm',
      level: 'high',
      kind: 'selfharm',
      patterns: [
        '(?:znowu|znow|po raz kolejny) (?:to )?(?:zrobil(?:em|am)|sie pocial\\w*|sie pociel\\w*)[^?]{0,30}?(?:nozem|nozykiem|zyletka|zyletkami|ostrzem|brzytwa|cyrklem|nozyczkami|szklem|temperowka)(?![^.!?]*\\b(?:kroj\\w*|chleb\\w*|warzyw\\w*|gotow\\w*|obiad\\w*|ciast\\w*|rzezb\\w*|drewn\\w*|papier\\w*|paczk\\w*|karton\\w*|remont\\w*|tapet\\w*|majsterk\\w*|szyc\\w*|szyj\\w*)\\b)',
      ],
    },
    {
      // Third audit: a burden and a passive wish in the new writer's words: "nie powinno mnie tu być", a family
      // freer "gdyby mnie zabrakło", praying to be taken, a plane going down with one on board as no loss.
      id: 'pl.burden',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        // "Tu" (also said at work on a day off) only after the speaker ran herself down in the message.
        '(?:(?<=\\b(?:najgorsz|beznadziejn|okropn|nic nie wart|ciezar|zawodz|zawiodl|przeze mnie|moja wina)\\w*\\b[^?]{0,120}?)nie powinno mnie (?:(?:w ogole|juz) )*(?:tu|tutaj) |nie powinno mnie (?:(?:w ogole|juz) )*)byc(?= *(?:[.,!?]|$)| na (?:tym )?swiecie)(?![^.!?]*\\b(?:pracy|impre\\w*|urlop\\w*|wolne\\w*|szkol\\w*|spotkani\\w*|zebrani\\w*|godzin\\w*|rano|wieczorem|jutro|dzis|dzisiaj)\\b)',
        // With its subject, so that the family named is not read as someone else's words (as the second audit's).
        '(?:(?:moi|moja|moje|moj) )?(?:(?:maz|zona|rodzic|rodzin|dzieci|syn|corka|mam|tat|bliscy|wszyscy|partner)\\w* )?(?:bylaby|bylby|byliby|bylyby) (?:\\w+ )?(?:wolni|wolna|wolny|szczesliwsi|szczesliwsza|szczesliwszy|spokojniejsi|spokojniejsza|spokojniejszy),? (?:gdyby|jakby|jesli) mnie (?:zabraklo|nie bylo)(?! (?:na|w|we|przy|u|z|ze|podczas|tam)\\b)',
      ],
    },
    {
      // Third audit: why drag it on ("ten ból nie minie. po co to ciągnąć"), not a relationship, a course or a series.
      id: 'pl.hopelessness',
      level: 'concern',
      kind: 'hopelessness',
      patterns: [
        'po co (?:sie )?(?:dalej )?(?:tak )?(?:meczyc|to ciagnac|ciagnac to|to dalej ciagnac)(?= *(?:[.,!?]|$))(?<!\\b(?:zwiaz\\w*|relacj\\w*|rozmow\\w*|klotn\\w*|projekt\\w*|temat\\w*|sprawe|sprawa|kurs\\w*|studi\\w*|serial\\w*|gre|gra|meczu|mecze|spor\\w*)\\b[^.!?]{0,80})',
      ],
    },
    {
      id: 'pl.ideation.passive',
      level: 'concern',
      kind: 'passive',
      patterns: [
        '(?:prosze|prosilam|prosilem|blagam|modle sie do) (?:pana )?(?:boga|boze|jezusa|niebo|stworce)(?: \\w+)?,? (?:zeby|aby|by|o to,? zeby) (?:\\w+ ){0,2}?(?:mnie (?:juz )?(?:zabral\\w*|wzial\\w*|zabrac)|(?:zabral\\w*|wzial\\w*|zabrac) mnie)(?! (?:z (?:pracy|szkoly|imprezy|lotniska|dworca|tej \\w+)|do domu|na)\\b)',
        '(?:jakby|gdyby) (?:\\w+ ){0,3}(?:sie )?(?:spadl\\w*|rozbil\\w*|zawalil\\w*|zatonal\\w*|zatonel\\w*|wybuchl\\w*)(?: sie)? (?:\\w+ ){0,2}ze mna[^.?!]{0,30}?(?:spoko|dobrze|fajnie|nie mial(?:a|)bym nic przeciwko|bym sie nie (?:zmartwil|przejmowal)\\w*|nikt by nie plakal)',
      ],
    },
  ],

  cues: [
    {
      id: 'pl.cue.means',
      kind: 'means',
      raises: { concern: 'imminent', high: 'imminent' },
      patterns: [
        `(?:mam|kupil\\w*|kupie|zalatwil\\w*|zdobyl\\w*|znalazl\\w*|schowal\\w*|trzymam|ukrylem|ukrylam) (?:juz )?(?:\\w+ ){0,2}${MEANS_NOUN}`,
        `${MEANS_NOUN} (?:juz )?(?:sa|jest) (?:gotow\\w*|tutaj|tu)`,
        `(?:na|pod|przy) (?:moscie|most|dachu|dach|torach|tory)`,
        '(?:ostatni\\w*|najwyzsz\\w*) pietr\\w* (?:parkingu|bloku|wiezowca|budynku|galerii|szpitala)',
        'mam (?:je|go|ja|to|wszystko) (?:juz )?(?:tu |tutaj )?przy sobie',
        `mam (?:\\w+ ){0,2}(?:${PACK}|wszystkie) (?:\\w+ )?${PILLS}`,
        `${MEANS_NOUN} (?:juz )?(?:mam )?przy sobie`,
      ],
    },
    {
      id: 'pl.cue.time',
      kind: 'time',
      raises: { high: 'imminent' },
      withKinds: ['active'],
      patterns: [
        'dzis',
        'dzisiaj',
        'dzis w nocy',
        'dzisiaj w nocy',
        'w nocy',
        'tej nocy',
        'jutro',
        'jutro rano',
        'w (?:ten )?weekend',
        'wieczorem',
        'za (?:godzine|\\d+ (?:minut|godzin\\w*)|chwile)',
        '(?:jak|kiedy|gdy) (?:wszyscy|rodzice|starzy|mama|tata|zona|maz|oni|domownicy|wspollokator\\w*) (?:\\w+ )?(?:zasna|pojda spac|wyjda|usna|wyjada|pojada|zasnie|wyjdzie|wyjedzie|pojedzie)(?! (?:\\w+ )?(?:w|we|na|za|po) (?:styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrzesniu|pazdzierniku|listopadzie|grudniu|wakacj\\w*|feri\\w*|swiet\\w*|przyszl\\w*|tydzien|miesiac|rok)\\b)',
        'o (?:\\d{1,2}|polnocy|swicie)',
        'przed (?:switem|rankiem)',
        'zaraz',
        'ide(?= sie (?:\\w+ )?(?:zabic|zajebac)\\b)',
        'za moment',
        'w tej chwili',
        'jeszcze (?:dzis|dzisiaj)',
      ],
    },
    {
      // A weekday is a time ahead only without a past-tense verb in its clause ("próbowałam w niedzielę").
      id: 'pl.cue.time',
      kind: 'time',
      raises: { high: 'imminent' },
      withKinds: ['active'],
      aheadOnly: true,
      patterns: ['w (?:poniedzialek|wtorek|srode|czwartek|piatek|sobote|niedziele)'],
    },
    {
      id: 'pl.cue.plan',
      kind: 'plan',
      raises: { concern: 'imminent', high: 'imminent' },
      patterns: [
        'mam (?:juz )?(?:caly |gotowy )?plan(?! (?:na|dnia|zajec|lekcji|treningowy|treningu)\\b)',
        'wiem (?:juz )?(?:gdzie|jak|kiedy) (?:to )?(?:zrobie|to zrobie|sie zabije|skoncze)',
        '(?:dzis|dzisiaj|jutro|w nocy|w weekend|wieczorem) to zrobie',
        'zrobie to (?:dzis|dzisiaj|jutro|w nocy|w weekend|wieczorem)',
        '(?:to (?:juz )?dzis|dzis jest ten dzien|dzisiaj jest ten dzien)',
        `(?:rozdal\\w*|rozdaje|oddal\\w*|przekazal\\w*) ${PART}(?:swoje|moje|wszystkie|cale) (?:\\w+ )?(?:rzeczy|ubrania|ciuchy|ksiazki|gry|zwierzeta|oszczednosci|hasla)`,
        // A day chosen is a time (not a wedding's, a trip's or an exam's).
        '(?:mam (?:juz )?wybran\\w*|(?:wyznaczyl|wybral)\\w* (?:sobie )?(?:juz )?) (?:dzien|date|termin)(?! (?:na |dla )?(?:slub\\w*|wesel\\w*|urlop\\w*|wyjazd\\w*|porod\\w*|operacj\\w*|egzamin\\w*|wizyt\\w*|zabieg\\w*|imprez\\w*|urodzin\\w*|przeprowadzk\\w*|spotkani\\w*)\\b)',
        '(?:dzis|dzisiaj|jutro|w nocy) to robie',
        'uporzadkowal\\w* (?:wszystkie )?(?:swoje )?sprawy',
        '(?:usunal\\w*|usunel\\w*|skasowal\\w*) (?:wszystkie )?(?:swoje |moje )?(?:konta|profile)',
        '(?:oddal\\w*|oddaje|przekazal\\w*|przekazuje) (?:\\w+ )?(?:kota|psa|zwierzaki|zwierzeta|rzeczy) (?:\\w+ )?(?:siostrze|bratu|sasiadce|sasiadowi|mamie|znajom\\w*|przyjaciol\\w*)',
        '(?:oddal\\w*|oddaje|przekazal\\w*|przekazuje) (?:siostrze|bratu|sasiadce|sasiadowi|mamie|znajom\\w*|przyjaciol\\w*) (?:\\w+ )?(?:klucze|kota|psa|dokumenty|hasla|zwierzaki|rzeczy)',
        '(?:zaraz|dzis|dzisiaj|teraz) (?:sie )?(?:skocze|rzuce)(?= *(?:[.,!?]|$))',
        '(?:wezme|lykne|polkne|wezme je) (?:je )?(?:wszystkie|wszystko|na raz)(?= *(?:[.,!?]|$|na raz|naraz))',
        '(?:juz|to juz) czas(?= *(?:[.!?]|$))',
        '(?:mam )?(?:juz )?wszystko (?:juz )?(?:przygotowane|gotowe|zaplanowane|ustalone|naszykowane)(?= *(?:[.,!?]|$))',
        // "mam linę i wiem gdzie", "wiem już jak." (a bare "wiem jak" is too often a way of coping).
        '(?<!\\bnie )wiem (?:(?:juz|dokladnie) )*gdzie(?= *(?:[.,!?]|$))',
        '(?<!\\bnie )wiem (?:(?:juz|dokladnie) )+(?:jak|kiedy)(?= *(?:[.,!?]|$))',
      ],
    },
    {
      id: 'pl.cue.method',
      kind: 'plan',
      raises: { concern: 'high', high: 'imminent' },
      patterns: [
        '(?:mysle|myslalam|myslalem|zastanawiam sie|planuje|wymyslam|kombinuje),? (?:o tym,? )?jak (?:\\w+ )?(?:to )?(?:zrobic|zrobie|zrobilabym|zrobilbym)(?= *(?:[.,!?]|$))',
        'jak (?:moglabym|moglbym|mam|bym) to zrobic(?= *(?:[.,!?]|$))',
        '(?:mysle|myslec|myslalam|myslalem|zastanawiam sie),? jak(?= *(?:[.,!?]|$))',
      ],
    },
    {
      id: 'pl.cue.farewell',
      kind: 'farewell',
      raises: { concern: 'high', high: 'imminent' },
      patterns: [
        'zegnajcie',
        'zegnam (?:sie )?(?:z )?(?:wami|was|wszystkich|wszystkimi)',
        'zegnaj swiecie',
        'przepraszam (?:was|wszystkich|za wszystko)(?: za wszystko)?',
        '(?:sory|sorry|sorki) (?:wam |was )?za wszystko',
        'dziekuje (?:wam )?za wszystko',
        'kocham was',
        'wybaczcie(?: mi)?',
        'pamietajcie o mnie',
        'do zobaczenia po drugiej stronie',
        '(?:zaopiekujcie|zajmijcie) sie (?:moim|moja|moimi) (?:\\w+ )?(?:kotem|psem|dziecmi|zwierzakami|kotami|psami)',
        'napisal\\w* (?:\\w+ )?list\\w* do (?:rodziny|mamy|rodzicow|bliskich|wszystkich|was|taty)',
        '(?:dzieki|dziekuje),? (?:\\w+ )?ze (?:probowaliscie|probowalas|probowales|chcieliscie) (?:mi )?pomoc',
        'to (?:juz )?(?:jest )?koniec(?: ze mna| dla mnie)?(?= *(?:[.,!?]|$))',
        'przepraszam(?= *(?:[.,!?]|$))',
        'nie (?:szukajcie|ratujcie|zatrzymujcie) mnie',
        'nie (?:dzwoncie|wzywajcie) (?:po )?(?:\\w+ )?(?:pomoc|karetk\\w*|pogotowi\\w*|policj\\w*|nikogo)',
        'nie chce (?:zeby mnie )?(?:ratowac|ratowali|znalezli|zadnej pomocy)',
        '(?:niczego|nic) (?:juz )?nie (?:bede )?potrzeb\\w*(?= *(?:[.,!?]|$|juz))',
        'jestem gotow(?:y|a)(?= *(?:[.!?]|$))',
        // Third audit: whoever comes is not to enter alone, only with the police (what they would find).
        'nie (?:wchodz\\w*|wchodzil\\w*|wracaj\\w*|wracal\\w*) (?:tu |tam |do (?:\\w+ )?)?sam[aiy]?,? (?:tylko |najpierw |bez )?(?:z policj\\w*|policj\\w*)',
        'nie bede (?:juz )?(?:niczego|nic) potrzebowa\\w*',
      ],
    },
  ],

  doses: {
    id: 'pl.routine_dose',
    patterns: [
      `${PILL_NAMES} (?:\\w+ ){0,3}?(?:codziennie|co (?:dzien|dziennie|rano|wieczor|noc)|kazdego (?:dnia|ranka|rana|wieczoru)|rano|wieczorem|przed snem|na noc|jak zwykle|jak co dzien|regularnie|zgodnie z (?:zaleceni\\w*|recept\\w*)|(?:tak )?jak (?:przepisal\\w*|zalecil\\w*|kazal\\w*) (?:\\w+ )?(?:lekarz\\w*|psychiatr\\w*|doktor\\w*)|przepisan\\w*|(?:raz|dwa razy|trzy razy) dziennie|do (?:sniadania|obiadu|kolacji|jedzenia|posilku)|po (?:sniadaniu|obiedzie|kolacji|jedzeniu|posilku)|przy (?:sniadaniu|obiedzie|kolacji))`,
      `(?:codziennie|co (?:dzien|rano|wieczor)|kazdego (?:dnia|ranka|rana|wieczoru)|rano|wieczorem|przed snem|do (?:sniadania|obiadu|kolacji)|po (?:sniadaniu|obiedzie|kolacji)) (?:\\w+ ){0,3}?(?:bior\\w*|bra\\w*|wzi\\w*|lyk\\w*|przyjm\\w*|zazyw\\w*) (?:\\w+ ){0,2}?${PILLS}`,
      `(?:poranne|wieczorne|codzienne|zwykle|zwykla|przepisane|przepisana|nocne) (?:dawk\\w*|${PILLS})`,
      'zgodnie z (?:zaleceniami|zaleceniem|recepta) (?:lekarza|lekarki|psychiatry)',
    ],
    amounts: [
      'wszystk\\w*',
      'cal[aey]',
      'calutk\\w*',
      'na raz',
      'naraz',
      'za duzo',
      'za wiele',
      'garsc\\w*',
      'kilkanascie',
      'kilkadziesiat',
      'reszt\\w*',
      'przedawk\\w*',
      'opakowani\\w*',
      'opakowanie',
      'blister\\w*',
      'butelk\\w*',
      'podwojn\\w*',
      'zapas\\w*',
      'uzbieran\\w*',
      'odlozon\\w*',
      'naszykowan\\w*',
      '\\d{2,}',
    ],
  },
  idioms: [
    {
      id: 'pl.umieram_z',
      patterns: [
        '(?:umieram|umre|umrzec|umrzemy|umarlem|umarlam|umieramy|zaraz umre|mozna umrzec) (?:chyba )?z(?:e)? (?:smiechu|glodu|nudow|nudy|zmeczenia|wstydu|ciekawosci|zimna|goraca|strachu|pragnienia|zazdrosci|milosci|radosci|stresu)',
        'padam (?:na twarz|ze smiechu|ze zmeczenia)',
      ],
    },
    {
      id: 'pl.zabij_mnie',
      patterns: [
        'zabij(?:cie)? mnie',
        '(?:ten|ta|to|ci|te|on|ona|szef|praca|egzamin|sesja|kolokwium)(?: \\w+)? mnie (?:zabije|zabija|wykonczy|wykancza|dobije)',
        'mnie (?:zabije|wykonczy) (?:ten|ta|to|ci|szef|praca|egzamin|sesja)',
      ],
    },
    {
      id: 'pl.accident',
      patterns: [
        '(?:o malo|omal|prawie|malo) (?:co )?(?:sie )?(?:nie )?(?:zabil\\w*|zabilbym|zabilabym|pocial\\w*|pociel\\w*)(?: sie)?',
        '(?:zabil\\w*|pocial\\w*|pociel\\w*) sie (?:na|o|w|przy) (?:lodzie|rowerze|schodach|nozu|szkle|kuchni|krawezniku)',
        'przypal\\w* sie (?:na sloncu|w piekarniku)',
      ],
    },
    { id: 'pl.zabic_czas', patterns: ['zabi\\w* (?:czas|nude|nudy)'] },
    {
      id: 'pl.zabije_sie_z',
      patterns: [
        '(?:(?:zabije|zabilbym|zabilabym|zabic|zajebie|zajebac) sie|sie (?:\\w+ )?(?:zabije|zabilbym|zabilabym|zabic|zajebie|zajebac)) (?:chyba )?z(?:e)? (?:nudow|nudy|smiechu|glodu|zmeczenia|wstydu|ciekawosci)',
      ],
    },
    {
      id: 'pl.zabic_za',
      patterns: [
        '(?:zabil\\w*|zabilbym|zabilabym|moglbym|moglabym|zabije) (?:(?!sie\\b)\\w+ )?za (?:to|nie|niego|nia|pizze|kawe|\\w+)',
      ],
    },
    {
      id: 'pl.suicide_compound',
      patterns: [
        '(?:polityczn|towarzysk|zawodow|spoleczn|finansow|wizerunkow)\\w* samobojstw\\w*',
        '(?:politycznie|towarzysko|zawodowo|spolecznie|wizerunkowo) (?:to )?(?:bylo |jest |bedzie )?samobojstw\\w*',
        'samobojcz\\w* (?:misj\\w*|zamach\\w*|atak\\w*|gol\\w*)',
        'zamachow\\w* samobojcz\\w*',
      ],
    },
    {
      id: 'pl.suicide_topic',
      patterns: [
        '(?:wskaznik|liczb|statystyk|prewencj|zapobiegani|profilaktyk|temat)\\w* samobojstw\\w*',
        'samobojstw\\w* (?:wsrod|w polsce|nastolatkow|mlodziezy)',
        'telefon\\w* zaufania',
      ],
    },
    {
      id: 'pl.zniknac_z',
      patterns: ['zniknac z(?:e)? (?!(?:tego )?swiata\\b)\\w+', 'zniknac pod (?:kocem|koldra|pierzyna|kocykiem)'],
    },
    { id: 'pl.przedawkowac', patterns: ['przedawkowal\\w* (?:kawe|kofeine|cukier|netflixa|seriale)'] },
    {
      id: 'pl.sport_jump',
      patterns: [
        '(?:skok\\w*|skacz\\w*|skoczy\\w*) (?:na )?(?:bungee|spadochron\\w*|ze spadochronem|na linie)(?: \\w+){0,3}(?: z (?:mostu|dzwigu|wiezy|samolotu|klifu|skaly))?',
        '(?:skacz\\w*|skoczy\\w*|skok\\w*) (?:ze skaly|ze skal|z klifu|z pomostu|z trampoliny|z mola) (?:do )?(?:wody|jeziora|morza|rzeki)',
      ],
    },
    { id: 'pl.skocze_do', patterns: ['skocze (?:do|po|na) (?!tory\\b|torach\\b)(?:sklepu|zakupy|kawe|chwile|\\w+)'] },
  ],

  negation: {
    cues: ['nie', 'nigdy', 'wcale', 'ani', 'zadnych', 'zadnego', 'zadnej', 'zero', 'bez'],
    pseudo: [
      'nie wiem',
      'nie wiedzialam',
      'nie wiedzialem',
      'nie jestem pew\\w*',
      'nie moge\\w*',
      'nie moglem\\w*',
      'nie moglam\\w*',
      'nie umiem',
      'nie potrafie',
      'nie przestaje',
      'nie przestaja',
      'nie jest dobrze',
      'nie jest ok',
      'nie czuje sie dobrze',
      'nie mam sily',
      'nie daje rady',
      'nie dam rady',
      'nie obchodzi mnie',
      'nie ukrywam',
      'bez sensu',
      'bez nadziei',
      'nie wyobrazam sobie',
      // Chat fillers that negate nothing after them ("nie ogarniam już nic, zjadłem …", "serio nie żartuję").
      'nie ogarniam',
      'nie zartuje',
      'nie zartuje\\w*',
      // "Nic mnie nie zatrzyma", "już nie wrócę": statements that negate nothing after them.
      'nie (?:zatrzyma|powstrzyma)\\w*',
      'nie wroce',
    ],
    window: 4,
    stops: ['ja'],
  },
  clauseBreaks: ['ale', 'lecz', 'bo', 'wiec', 'i', 'a', 'jednak', 'chociaz', 'choc', 'poniewaz', 'dlatego', 'tylko'],
  person: {
    first: [
      'ja',
      'mi',
      'mnie',
      'jestem',
      'mam',
      'moge',
      'musze',
      'bym',
      'czuje',
      'mysle',
      'chcialbym',
      'chcialabym',
      '\\w+(?:lem|lam)',
      '\\w+(?:lbym|labym)',
    ],
    own: ['moj', 'moja', 'moje', 'mojej', 'moich', 'moim', 'mojego', 'mna'],
    subjects: ['ja'],
    third: [
      'on',
      'ona',
      'oni',
      'one',
      'ono',
      'ktos',
      'kogos',
      'komus',
      'ktokolwiek',
      'kto',
      'ludzie',
      'kolega',
      'kolezanka',
      'przyjaciel',
      'przyjaciolka',
      'brat',
      'siostra',
      'mama',
      'tata',
      'ojciec',
      'matka',
      'rodzic',
      'rodzice',
      'kuzyn',
      'kuzynka',
      'wujek',
      'ciocia',
      'babcia',
      'dziadek',
      'syn',
      'corka',
      'chlopak',
      'dziewczyna',
      'maz',
      'zona',
      'partner',
      'partnerka',
      'znajomy',
      'znajoma',
      'wspollokator',
      'wspollokatorka',
      'uczen',
      'uczennica',
      'pacjent',
      'pacjentka',
      'klient',
      'klientka',
      'bohater',
      'bohaterka',
      'postac',
      'nastolatek',
      'nastolatka',
      'dziecko',
      'facet',
      'gosc',
      'koles',
      'kobieta',
      'mezczyzna',
      // 3rd-person past verbs (the 1st person ends in -łem/-łam)
      'probowal',
      'probowala',
      'chcial',
      'chciala',
      'myslal',
      'myslala',
      'popelnil',
      'popelnila',
      'zrobil',
      'zrobila',
      'targnal',
      'odebral',
      'odebrala',
      'grozi',
      'grozil',
      'grozila',
    ],
    reporting: [
      'powiedzial',
      'powiedziala',
      'powiedzieli',
      'mowi',
      'mowil',
      'mowila',
      'mowia',
      'napisal',
      'napisala',
      // "Piszę" (I write) folds to "pisze": it reports only before what is said ("pisze, że …", "pisze: …", "pisze mi").
      'pisze(?= *[:"\u201e-]|,? (?:ze|mi|nam|do mnie|do niej|do niego)\\b)',
      'pisal',
      'pisala',
      'twierdzi',
      'przyznal',
      'przyznala',
      'wyznal',
      'wyznala',
      'pytal',
      'pytala',
      'zapytal',
      'zapytala',
    ],
    thirdForms: [
      '(?<!bym )(?<!bys )sie (?:nie )?(?:zabil|zabila|zabili|zabily|zabija|powiesil|powiesila|pocial|pociela|tnie|okalecza|przypala)\\b',
      '(?:zabil|zabila|zabili|zabily|zabija|powiesil|powiesila|pocial|pociela|tnie|okalecza) sie',
      '(?:skoczyl|skoczyla|skoczyli|skoczyly|rzucil|rzucila|rzucili) (?:sie )?(?:z|pod|na)',
    ],
    // Third-person forms ("powiedziała" but not "powiedziałam"; "pisze" is also "piszę", so it is not here).
    thirdVerbs: [
      'powiedzial',
      'powiedziala',
      'powiedzieli',
      'napisal',
      'napisala',
      'pisal',
      'pisala',
      'mowi',
      'mowil',
      'mowila',
      'mowia',
      'twierdzi',
      'przyznal',
      'przyznala',
      'wyznal',
      'wyznala',
      'pytal',
      'pytala',
      'zapytal',
      'zapytala',
      'jest',
      'byl',
      'byla',
      'stoi',
      'siedzi',
      'probowal',
      'probowala',
      'wzial',
      'wziela',
    ],
    window: 10,
  },
  ideationFrames: [
    'mysl\\w*,? (?:o|nad|ze|zeby|o tym)',
    'mysli o',
    'wyobrazam sobie',
    'wyobrazalam sobie',
    'wyobrazalem sobie',
    'fantazjuj\\w*',
    'marze o',
    'zastanawiam sie',
    'chodzi mi po glowie',
    'mam mysli',
  ],
  frames: [
    'piosenk\\w*',
    'refren\\w*',
    'zwrotk\\w*',
    'tekst\\w* piosenki',
    'cytat\\w*',
    'film\\w*',
    'horror\\w*',
    'thriller\\w*',
    'serial\\w*',
    'odcin\\w*',
    'scen\\w*',
    'ksiazk\\w*',
    'ksiazce',
    'powiesc\\w*',
    'wiersz\\w*',
    'bohater\\w*',
    'postac\\w*',
    'mem\\w*',
    'ogladal\\w*',
    'spiewa\\w*',
    '(?:pytal\\w*|zapytal\\w*|pyta|pytaja) (?:mnie )?czy',
    'ankiet\\w*',
    'kwestionariusz\\w*',
    'na lekcji',
  ],
  past: {
    cues: [
      // "Kiedyś" before "użyję" is some day ahead ("wiem, że kiedyś ich użyję").
      'kiedys(?! (?:(?:ich|go|jej) )?uzyje)',
      '\\d+ (?:lat|lata|miesiecy|miesiace) temu',
      '(?:lata|rok|pare lat|kilka lat|wiele lat) temu',
      'w przeszlosci',
      'dawniej',
      '(?:jak|gdy|kiedy) (?:bylem|bylam|mialem|mialam)',
      'w liceum',
      'w gimnazjum',
      'w podstawowce',
      'jako (?:dziecko|nastolatek|nastolatka)',
      'w (?:zeszlym|poprzednim|ubieglym) (?:roku|lecie)',
      '(?:zeszlego|ubieglego) (?:roku|lata)',
      'w (?:19|20)\\d\\d',
    ],
    present: [
      'znowu',
      'znow',
      'teraz',
      'ostatnio',
      'nadal',
      'wciaz',
      'ciagle',
      'dzis',
      'dzisiaj',
      'wracaja',
      'wrocily',
      'wracam',
    ],
    verbs: [
      '\\w+(?:lem|lam|lismy|lysmy)',
      'probowal',
      'probowala',
      'wzial',
      'wziela',
      'zrobil',
      'zrobila',
      'prawie',
      'omal',
    ],
  },
  maskTargets: [
    'samobojstwo',
    'samobojstwa',
    'samobojstwie',
    'samobojcze',
    'samobojczych',
    'zabic',
    'zabije',
    'sie',
    'umrzec',
    'zyc',
    'pociac',
    'powiesic',
  ],
}
