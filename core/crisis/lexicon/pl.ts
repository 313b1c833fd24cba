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
  '(?:zabi(?:c|je|jesz|jemy|jam|jac|jal|jala|jalem|jalam|l|la|lem|lam|lbym|labym|lbys|labys|lby|laby))'
/** Forms of pociąć/ciąć/tnę. */
const CUT =
  '(?:poci(?:ac|al|ala|alem|alam|ela|elam|eli|ely|elabym|albym)|potne|potniesz|ciac|ciecia|cieciu|ciecie|tne|tniesz|tnac|cialem|cialam|cielam|ciela|cial)'
/** Forms of powiesić. */
const HANG = '(?:powies(?:ic|ze|zesz|il|ila|ilem|ilam|ilbym|ilabym))'
/** A gap of up to two ordinary words (not object pronouns or a new clause). */
const GAP = '(?:(?!(?:mnie|cie|go|ja|ja|je|ich|ze|zeby|ale|bo|i|a)\\b)\\w+ ){0,2}'
const PILLS =
  '(?:tabletk\\w*|tabletek|lek(?:i|ow|ami)|pigul\\w*|proch(?:y|ow)|proszk(?:i|ow)|leki nasenne|antydepresant\\w*)'
const MEANS_NOUN = `(?:${PILLS}|sznur\\w*|lin[eay]|petl[aeiy]|bron|pistolet\\w*|noz|nozyk|zyletk\\w*|ostrz\\w*)`
const HIGH_PLACE = '(?:mostu|dachu|okna|balkonu|wiezowca|bloku|klifu|skaly|wiaduktu|\\w+ pietra)'

export const pl: Lexicon = {
  language: 'pl',
  detection: {
    letters: 'ąćęłńóśźż',
    words: [
      'nie', 'sie', 'jest', 'mam', 'juz', 'mnie', 'mi', 'ze', 'jak', 'co', 'tak', 'ale', 'bo', 'czy', 'na',
      'w', 'z', 'po', 'tylko', 'wszystko', 'nic', 'dzis', 'dzisiaj', 'jutro', 'chce', 'moge', 'ja', 'ty',
      'jestem', 'bylo', 'byc', 'tego', 'sobie', 'siebie', 'zycie', 'zyc', 'serio', 'wszystkim', 'dla',
      'od', 'przez', 'za', 'sa', 'byl', 'byla', 'tez', 'sorki', 'dziekuje', 'czesc', 'wiem', 'bardzo',
      'moj', 'moja', 'moje', 'ten', 'ta', 'to', 'jej', 'go', 'wam', 'was', 'zeby', 'gdyby', 'kiedy',
      'czuje', 'mysle', 'ochote', 'dosc', 'znowu', 'chyba', 'ktos', 'wszyscy', 'wszystkich',
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
        'lepiej (?:by )?(?:bylo|byloby|bedzie) (?:\\w+ )?beze mnie',
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
        'zniknac na zawsze',
        '(?:zasnac|usnac|spac) na zawsze',
        '(?:lepiej|latwiej) (?:by )?(?:bylo|byloby),? gdybym (?:umarl|umarla)',
        '(?:zaluje|szkoda),? ze (?:sie )?(?:w ogole )?(?:urodzil\\w*|zyje)',
        'mam (?:juz )?(?:\\w+ )?(?:dosc|dosyc) (?:tego |swojego |mojego )?zycia',
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
        `sie ${GAP}(?:nie )?${KILL}`,
        '(?:popelnic|popelnie|popelnil\\w*|popelnie|popelniac) samobojstw\\w*',
        '(?:skonczyc|skoncze|skonczylbym|skonczylabym|skonczyl\\w*) ze soba',
        '(?:ze|z) soba (?:\\w+ )?(?:skonczyc|skoncze|skonczylbym|skonczylabym)',
        '(?:skonczyc|skoncze) z tym wszystkim',
        'z tym (?:wszystkim )?(?:skonczyc|skoncze)(?= *(?:[.,!?]|$))',
        '(?:chce|chcialbym|chcialabym|mam ochote|zaraz) (?:sie )?(?:unalive|kms)',
        '(?:skonczyc|skoncze) z tym(?= *(?:[.,!?]|$|raz na zawsze|dzis|dzisiaj|jutro|w nocy))',
        '(?:skonczyc|skoncze) z zyciem',
        '(?:skonczyc|skoncze) (?:ze )?(?:swoim|moim) zyciem',
        '(?:skonczyc|skoncze) ze wszystkim(?= *(?:[.,!?]|$|raz|dzis|dzisiaj))',
        'ze wszystkim (?:skonczyc|skoncze)',
        '(?:odebrac|odbiore|odebral\\w*|odbierac) sobie zycie',
        '(?:targnac|targne|targnal\\w*) sie na (?:swoje |wlasne )?zycie',
        '(?:odejsc|odejde) z tego swiata',
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
        '(?:drap\\w*|rozdrap\\w*|gryz\\w*) (?:\\w+ ){0,2}(?:az|do) (?:do )?krwi',
      ],
    },
    // ---- imminent
    {
      id: 'pl.plan.method',
      level: 'imminent',
      kind: 'plan',
      patterns: [
        `${HANG} sie`,
        `sie ${GAP}${HANG}`,
        `(?:skocz\\w*|skakac|rzuc\\w*) (?:sie )?(?:\\w+ ){0,2}z ${HIGH_PLACE}`,
        '(?:rzuc\\w*|rzucic|skocz\\w*) (?:sie )?(?:pod|na) (?:pociag|tory|tramwaj|samochod|auto|ciezarowke|autobus|metro)',
        '(?:podetn\\w*|podciac|podcinac|podcial\\w*|przetn\\w*|przeciac) (?:sobie )?(?:zyly|zyle|nadgarstki|nadgarstek|gardlo)',
        'przedawk(?:uje|owac|uj\\w*)(?! (?:kawe|kawy|kofeine|cukier|cukru|netflixa|seriale))',
        '(?:utopie|utopic|zastrzele|zastrzelic|otruje|otruc|udusze|udusic) sie',
        '(?:wjechac|wjade|wjechal\\w*) pod (?:ciezarowke|pociag|tramwaj|auto|samochod|tira)',
        'pisz\\w* (?:teraz |juz )?(?:moj |swoj |ostatni )?list(?= *(?:[.,!?]|$))',
        '(?:wjade|wjechac|rozbije sie) (?:\\w+ )?(?:autem |samochodem )?(?:w|na) (?:drzewo|sciane|mur|filar|ciezarowke)',
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
        `${MEANS_NOUN} (?:\\w+ ){0,2}(?:przed soba|obok mnie|w reku|w rekach|na stole|na biurku|odliczon\\w*)`,
        `(?:przed soba|w reku|obok mnie) (?:\\w+ ){0,2}${MEANS_NOUN}`,
        `(?:zbieram|zbieralam|zbieralem|odkladam|odkladalam|odkladalem|chomikuje|gromadze|uzbieral\\w*|zebral\\w*) (?:\\w+ ){0,2}${PILLS}`,
        '(?:sznur|petla|lina) (?:juz )?(?:wisi|gotow\\w*|przygotowan\\w*|zawiazan\\w*)',
        '(?:zawiazal\\w*|przygotowal\\w*) (?:juz )?(?:sznur|petle|line)',
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
        `(?:wzi\\w*|wezm\\w*|lyk\\w*|polkn\\w*|zazyl\\w*|zjadl\\w*|zarzucil\\w*) (?:juz )?(?:wszystkie|cale opakowanie|cala paczke|caly blister|cala butelke|\\d{2,}|za duzo|garsc|kilkanascie|kilkadziesiat) (?:\\w+ ){0,1}${PILLS}`,
        '(?:stoje|siedze|jestem|stoimy) (?:juz |teraz |wlasnie |juz teraz )?na (?:moscie|dachu|torach|krawedzi|parapecie|balkonie|wiadukcie)',
        'nie (?:moge|umiem) zatamowac krwi',
        '(?:za|zbyt) gleboko (?:sie )?(?:\\w+ )?(?:pocie\\w*|pocia\\w*|cie\\w*)',
        'krew (?:sie )?(?:leje|nie przestaje|cieknie)',
        '(?:leci|leje sie|cieknie|jest|mam) (?:\\w+ )?(?:duzo|mnostwo|pelno|strasznie duzo) krwi',
        '(?:bardzo|za|zbyt) gleboko (?:sie )?(?:pocie\\w*|pocia\\w*|cie\\w*|nacie\\w*)',
        '(?:w garazu|garazu) (?:\\w+ ){0,2}(?:z )?(?:wlaczon\\w*|pracujac\\w*) silnik\\w*',
        'silnik\\w* (?:\\w+ )?(?:wlaczon\\w*|pracuje|chodzi) (?:\\w+ )?w garazu',
        'juz (?:to )?(?:zrobilem|zrobilam|wzialem|wzielam|polknalem|polknelam)',
        '(?:polknel\\w*|polknal\\w*|wzi\\w*|lyknel\\w*|lyknal\\w*|zjadl\\w*) (?:wszystko|wszystkie leki|cala) (?:\\w+ ){0,3}(?:apteczk\\w*|apteczce|szafce)',
      ],
    },
    {
      id: 'pl.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        'zegnajcie na zawsze',
        '(?:zegnam sie|zegnam) (?:z wami |z wszystkimi |ze wszystkimi )?na zawsze',
        'to (?:jest )?(?:moja )?ostatni[ae]? (?:wiadomosc|wpis|post|slowa)',
        'moja ostatnia wiadomosc',
        '(?:kiedy|gdy|jak) to (?:przeczytacie|przeczytasz|zobaczycie)',
        '(?:kiedy|gdy|jak) (?:przeczytacie|przeczytasz) (?:to|te slowa|ta wiadomosc)',
        'milo (?:bylo )?(?:was|cie) (?:bylo )?poznac',
        'to (?:jest )?(?:moje )?pozegnanie',
        'powiedz(?:cie)? (?:mojej |mojemu )?(?:mamie|mamusi|tacie|rodzicom|siostrze|bratu|zonie|mezowi|dziewczynie|chlopakowi|rodzinie|dzieciom),? ze (?:\\w+ ){0,3}(?:kocham|przepraszam|przykro)',
      ],
    },
    {
      id: 'pl.farewell',
      level: 'imminent',
      kind: 'farewell',
      patterns: [
        '(?:juz mnie nie bedzie|mnie juz nie bedzie|nie bedzie mnie juz|mnie nie bedzie juz)(?! (?:na|w|o|do|przez|od|z)\\b)',
        'juz (?:mnie )?(?:nigdy )?nie (?:zobaczycie|uslyszycie)',
        'nie (?:zobaczycie|uslyszycie) mnie (?:juz|wiecej|nigdy)',
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
        `(?:na|pod) (?:moscie|most|dachu|dach|torach|tory)`,
      ],
    },
    {
      id: 'pl.cue.time',
      kind: 'time',
      raises: { high: 'imminent' },
      withKinds: ['active'],
      patterns: [
        'dzis', 'dzisiaj', 'dzis w nocy', 'dzisiaj w nocy', 'w nocy', 'tej nocy', 'jutro', 'jutro rano',
        'w (?:ten )?weekend', 'wieczorem', 'za (?:godzine|\\d+ (?:minut|godzin\\w*)|chwile)',
        '(?:jak|kiedy|gdy) (?:wszyscy|rodzice|mama|tata|zona|maz|oni|domownicy|wspollokator\\w*) (?:\\w+ )?(?:zasna|pojda spac|wyjda|usna|wyjada|zasnie|wyjdzie|wyjedzie)',
        'o (?:\\d{1,2}|polnocy|swicie)', 'w (?:poniedzialek|wtorek|srode|czwartek|piatek|sobote|niedziele)',
        'przed (?:switem|rankiem)',
      ],
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
        '(?:rozdal\\w*|rozdaje|oddal\\w*) (?:swoje|moje|wszystkie|cale) (?:\\w+ )?(?:rzeczy|ubrania|zwierzeta|oszczednosci)',
        'uporzadkowal\\w* (?:wszystkie )?(?:swoje )?sprawy',
        '(?:zaraz|dzis|dzisiaj|teraz) (?:sie )?(?:skocze|rzuce)(?= *(?:[.,!?]|$))',
        '(?:wezme|lykne|polkne|wezme je) (?:je )?(?:wszystkie|wszystko|na raz)(?= *(?:[.,!?]|$|na raz|naraz))',
        '(?:juz|to juz) czas(?= *(?:[.!?]|$))',
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
        'zegnajcie', 'zegnam (?:sie )?(?:z )?(?:wami|was|wszystkich|wszystkimi)', 'zegnaj swiecie',
        'przepraszam (?:was|wszystkich|za wszystko)(?: za wszystko)?', 'dziekuje (?:wam )?za wszystko',
        'kocham was', 'wybaczcie(?: mi)?', 'pamietajcie o mnie', 'do zobaczenia po drugiej stronie',
        '(?:zaopiekujcie|zajmijcie) sie (?:moim|moja|moimi) (?:\\w+ )?(?:kotem|psem|dziecmi|zwierzakami|kotami|psami)',
        'napisal\\w* (?:\\w+ )?list\\w* do (?:rodziny|mamy|rodzicow|bliskich|wszystkich|was|taty)',
        '(?:dzieki|dziekuje),? (?:\\w+ )?ze (?:probowaliscie|probowalas|probowales|chcieliscie) (?:mi )?pomoc',
        'to (?:juz )?(?:jest )?koniec(?: ze mna| dla mnie)?(?= *(?:[.,!?]|$))',
        'przepraszam(?= *(?:[.,!?]|$))',
      ],
    },
  ],

  idioms: [
    { id: 'pl.umieram_z', patterns: ['(?:umieram|umre|umrzec|umrzemy|umarlem|umarlam|umieramy|zaraz umre|mozna umrzec) (?:chyba )?z(?:e)? (?:smiechu|glodu|nudow|nudy|zmeczenia|wstydu|ciekawosci|zimna|goraca|strachu|pragnienia|zazdrosci|milosci|radosci|stresu)', 'padam (?:na twarz|ze smiechu|ze zmeczenia)'] },
    { id: 'pl.zabij_mnie', patterns: ['zabij(?:cie)? mnie', '(?:ten|ta|to|ci|te|on|ona|szef|praca|egzamin|sesja|kolokwium)(?: \\w+)? mnie (?:zabije|zabija|wykonczy|wykancza|dobije)', 'mnie (?:zabije|wykonczy) (?:ten|ta|to|ci|szef|praca|egzamin|sesja)'] },
    { id: 'pl.accident', patterns: ['(?:o malo|omal|prawie|malo) (?:co )?(?:sie )?(?:nie )?(?:zabil\\w*|zabilbym|zabilabym|pocial\\w*|pociel\\w*)(?: sie)?', '(?:zabil\\w*|pocial\\w*|pociel\\w*) sie (?:na|o|w|przy) (?:lodzie|rowerze|schodach|nozu|szkle|kuchni|krawezniku)', 'przypal\\w* sie (?:na sloncu|w piekarniku)'] },
    { id: 'pl.zabic_czas', patterns: ['zabi\\w* (?:czas|nude|nudy)'] },
    { id: 'pl.zabije_sie_z', patterns: ['(?:zabije|zabilbym|zabilabym|zabic) sie (?:chyba )?z(?:e)? (?:nudow|nudy|smiechu|glodu|zmeczenia|wstydu|ciekawosci)'] },
    { id: 'pl.zabic_za', patterns: ['(?:zabil\\w*|zabilbym|zabilabym|moglbym|moglabym|zabije) (?:(?!sie\\b)\\w+ )?za (?:to|nie|niego|nia|pizze|kawe|\\w+)'] },
    { id: 'pl.suicide_compound', patterns: ['(?:polityczn|towarzysk|zawodow|spoleczn|finansow|wizerunkow)\\w* samobojstw\\w*', '(?:politycznie|towarzysko|zawodowo|spolecznie|wizerunkowo) (?:to )?(?:bylo |jest |bedzie )?samobojstw\\w*', 'samobojcz\\w* (?:misj\\w*|zamach\\w*|atak\\w*|gol\\w*)', 'zamachow\\w* samobojcz\\w*'] },
    { id: 'pl.suicide_topic', patterns: ['(?:wskaznik|liczb|statystyk|prewencj|zapobiegani|profilaktyk|temat)\\w* samobojstw\\w*', 'samobojstw\\w* (?:wsrod|w polsce|nastolatkow|mlodziezy)', 'telefon\\w* zaufania'] },
    { id: 'pl.zniknac_z', patterns: ['zniknac z(?:e)? (?!(?:tego )?swiata\\b)\\w+'] },
    { id: 'pl.przedawkowac', patterns: ['przedawkowal\\w* (?:kawe|kofeine|cukier|netflixa|seriale)'] },
    { id: 'pl.skocze_do', patterns: ['skocze (?:do|po|na) (?!tory\\b|torach\\b)(?:sklepu|zakupy|kawe|chwile|\\w+)'] },
  ],

  negation: {
    cues: ['nie', 'nigdy', 'wcale', 'ani', 'zadnych', 'zadnego', 'zadnej', 'zero', 'bez'],
    pseudo: [
      'nie wiem', 'nie wiedzialam', 'nie wiedzialem', 'nie jestem pew\\w*', 'nie moge\\w*', 'nie moglem\\w*',
      'nie moglam\\w*', 'nie umiem', 'nie potrafie', 'nie przestaje', 'nie przestaja', 'nie jest dobrze',
      'nie jest ok', 'nie czuje sie dobrze', 'nie mam sily', 'nie daje rady', 'nie dam rady',
      'nie obchodzi mnie', 'nie ukrywam', 'bez sensu', 'bez nadziei', 'nie wyobrazam sobie',
    ],
    window: 4,
    stops: ['ja'],
  },
  clauseBreaks: ['ale', 'lecz', 'bo', 'wiec', 'i', 'a', 'jednak', 'chociaz', 'choc', 'poniewaz', 'dlatego', 'tylko'],
  person: {
    first: [
      'ja', 'mi', 'mnie', 'jestem', 'mam', 'moge', 'musze', 'bym', 'czuje', 'mysle', 'chcialbym', 'chcialabym',
      '\\w+(?:lem|lam)', '\\w+(?:lbym|labym)',
    ],
    own: ['moj', 'moja', 'moje', 'mojej', 'moich', 'moim', 'mojego', 'mna'],
    subjects: ['ja'],
    third: [
      'on', 'ona', 'oni', 'one', 'ono', 'ktos', 'kogos', 'komus', 'ktokolwiek', 'kto', 'ludzie', 'kolega',
      'kolezanka', 'przyjaciel', 'przyjaciolka', 'brat', 'siostra', 'mama', 'tata', 'ojciec', 'matka', 'rodzic',
      'rodzice', 'kuzyn', 'kuzynka', 'wujek', 'ciocia', 'babcia', 'dziadek', 'syn', 'corka', 'chlopak',
      'dziewczyna', 'maz', 'zona', 'partner', 'partnerka', 'znajomy', 'znajoma', 'wspollokator',
      'wspollokatorka', 'uczen', 'uczennica', 'pacjent', 'pacjentka', 'klient', 'klientka', 'bohater',
      'bohaterka', 'postac', 'nastolatek', 'nastolatka', 'dziecko',
      // 3rd-person past verbs (the 1st person ends in -łem/-łam)
      'probowal', 'probowala', 'chcial', 'chciala', 'myslal', 'myslala', 'popelnil', 'popelnila', 'zrobil',
      'zrobila', 'targnal', 'odebral', 'odebrala', 'grozi', 'grozil', 'grozila',
    ],
    reporting: [
      'powiedzial', 'powiedziala', 'powiedzieli', 'mowi', 'mowil', 'mowila', 'mowia', 'napisal', 'napisala',
      'pisze', 'pisal', 'pisala', 'twierdzi', 'przyznal', 'przyznala', 'wyznal', 'wyznala', 'pytal', 'pytala',
      'zapytal', 'zapytala',
    ],
    thirdForms: [
      '(?<!bym )(?<!bys )sie (?:nie )?(?:zabil|zabila|zabili|zabily|zabija|powiesil|powiesila|pocial|pociela|tnie|okalecza|przypala)\\b',
      '(?:zabil|zabila|zabili|zabily|zabija|powiesil|powiesila|pocial|pociela|tnie|okalecza) sie',
    ],
    window: 10,
  },
  ideationFrames: [
    'mysl\\w*,? (?:o|nad|ze|zeby|o tym)', 'mysli o', 'wyobrazam sobie', 'wyobrazalam sobie', 'wyobrazalem sobie',
    'fantazjuj\\w*', 'marze o', 'zastanawiam sie', 'chodzi mi po glowie', 'mam mysli',
  ],
  frames: [
    'piosenk\\w*', 'refren\\w*', 'zwrotk\\w*', 'tekst\\w* piosenki', 'cytat\\w*', 'film\\w*', 'serial\\w*',
    'odcin\\w*', 'scen\\w*', 'ksiazk\\w*', 'ksiazce', 'powiesc\\w*', 'wiersz\\w*', 'bohater\\w*', 'postac\\w*',
    'mem\\w*', 'ogladal\\w*', 'spiewa\\w*', '(?:pytal\\w*|zapytal\\w*|pyta|pytaja) (?:mnie )?czy', 'ankiet\\w*',
    'kwestionariusz\\w*', 'na lekcji',
  ],
  past: {
    cues: [
      'kiedys', '\\d+ (?:lat|lata|miesiecy|miesiace) temu', '(?:lata|rok|pare lat|kilka lat|wiele lat) temu',
      'w przeszlosci', 'dawniej', '(?:jak|gdy|kiedy) (?:bylem|bylam|mialem|mialam)', 'w liceum', 'w gimnazjum',
      'w podstawowce', 'jako (?:dziecko|nastolatek|nastolatka)',
    ],
    present: ['znowu', 'znow', 'teraz', 'ostatnio', 'nadal', 'wciaz', 'ciagle', 'dzis', 'dzisiaj', 'wracaja', 'wrocily', 'wracam'],
  },
  maskTargets: [
    'samobojstwo', 'samobojstwa', 'samobojstwie', 'samobojcze', 'samobojczych', 'zabic', 'zabije', 'sie',
    'umrzec', 'zyc', 'pociac', 'powiesic',
  ],
}
