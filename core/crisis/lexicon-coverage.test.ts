/**
 * The forms the rules were audited for (issue 12, Polish rules audit): Polish verb forms in every tense and
 * gender, particles between the words, colloquial vocabulary, amounts, goodbyes; English amounts with the
 * medicine left unnamed. Each form is rated at its level by a rule (not by the model), and each harmless
 * look-alike (food, a dose, a trip, an idiom, someone else's words, the past, a negation) is left alone by
 * the rules. The examples are new: none is in the evaluation or training messages.
 */
import { describe, expect, it } from 'vitest'
import { expectRuleLevels, expectRulesSilent } from '../../tests/support/crisis-rules.js'
import { classifyRisk } from './classifier.js'

describe('Polish overdoses in any tense, order and chat word (pl.attempt)', () => {
  it('reads an amount taken by past, present or future forms, with particles between', () => {
    expectRuleLevels([
      ['wziełam wszystkie tabsy', 'imminent', 'pl.attempt'],
      ['wziolem chyba ze 40 psychotropow', 'imminent', 'pl.attempt'],
      ['łyknęłam właśnie całą fiolkę hydroksyzyny', 'imminent', 'pl.attempt'],
      ['zarzuciłem pół paczki ketrelu', 'imminent', 'pl.attempt'],
      ['połykam teraz wszystkie lekarstwa', 'imminent', 'pl.attempt'],
      ['wzięłam o wiele za dużo tabletek nasennych', 'imminent', 'pl.attempt'],
      ['zjadłam w końcu wszystkie swoje psychotropy', 'imminent', 'pl.attempt'],
      ['wezmę dziś całe opakowanie leków na sen', 'imminent', 'pl.attempt'],
    ])
  })

  it('reads a pack’s worth with no medicine named after it', () => {
    expectRuleLevels([
      ['połknęłam cały blister', 'imminent', 'pl.attempt'],
      ['zażyłem całe opakowanie i czekam', 'imminent', 'pl.attempt'],
      ['wzielam dwa opakowania 10 minut temu', 'imminent', 'pl.attempt'],
    ])
  })

  it('reads the amount told first, pills one after another and a body stuffed with pills', () => {
    expectRuleLevels([
      ['wszystkie prochy już połknęłam', 'imminent', 'pl.attempt'],
      ['całe opakowanie tabsów wziąłem', 'imminent', 'pl.attempt'],
      ['łykam tabletki jedna po drugiej', 'imminent', 'pl.attempt'],
      ['nażarłam się tabletek', 'imminent', 'pl.attempt'],
      ['najadlem sie prochow', 'imminent', 'pl.attempt'],
    ])
  })

  it('leaves food, a routine, a dose owed or forgotten and a pack carried to the rules’ silence', () => {
    expectRulesSilent([
      'wziąłem całe opakowanie chipsów',
      'zjadłam cały blister cukierków',
      'kupiłam żelki i wzięłam całe opakowanie',
      'połknęłam całe opakowanie witamin',
      'codziennie biorę wszystkie tabletki',
      'łykam wszystkie leki codziennie rano',
      'wzięłam wszystkie tabletki zgodnie z zaleceniem lekarza',
      'zapomniałam wziąć wszystkich tabletek',
      'muszę wziąć całe opakowanie antybiotyku',
      'wziąłem całe opakowanie do samochodu',
      'zjadłam całą paczkę',
      'wypiłam całą butelkę',
    ])
  })

  it('keeps its scopes: negation, someone else, the past, a film', () => {
    expectRulesSilent([
      'nie wzięłam wszystkich tabletek',
      'nigdy nie połknęłabym całego blistra',
      'koleżanka napisała, że wzięła całe opakowanie',
      'kiedyś łyknęłam cały blister',
      'w filmie bohaterka połyka tabletki jedna po drugiej',
    ])
  })
})

describe('Polish plans, places and means (pl.plan.*, pl.attempt)', () => {
  it('reads a height with particles, a railing or a ledge, and the way there', () => {
    expectRuleLevels([
      ['stoję już teraz na barierce mostu', 'imminent', 'pl.attempt'],
      ['siedze na skraju dachu', 'imminent', 'pl.attempt'],
      ['klęczę na gzymsie', 'imminent', 'pl.attempt'],
      ['wyskoczę z okna', 'imminent', 'pl.plan.method'],
      ['zaraz wyrzucę się przez okno', 'imminent', 'pl.plan.method'],
      ['rzucę się pod koła', 'imminent', 'pl.plan.method'],
      ['jade na most skoczyc', 'imminent', 'pl.plan.method'],
      ['idę na tory się rzucić', 'imminent', 'pl.plan.method'],
    ])
  })

  it('reads gas, a shot to the head, drowning with the reflexive first and a noose or blade on the speaker', () => {
    expectRuleLevels([
      ['odkręcę gaz i zamknę okna', 'imminent', 'pl.plan.method'],
      ['nawdycham się spalin w garażu', 'imminent', 'pl.plan.method'],
      ['strzelę sobie w łeb', 'imminent', 'pl.plan.method'],
      ['sobie w glowe palne', 'imminent', 'pl.plan.method'],
      ['pojadę nad jezioro i się utopię', 'imminent', 'pl.plan.method'],
      ['żyletkę mam przy sobie', 'imminent', 'pl.plan.means'],
      ['wisi juz petla', 'imminent', 'pl.plan.means'],
    ])
  })

  it('lifts a statement with means on the speaker or knowing where', () => {
    expectRuleLevels([
      ['chcę się zabić, mam to przy sobie', 'imminent', 'pl.ideation.active'],
      ['chce umrzec, mam w torbie cale opakowanie lekow', 'imminent', 'pl.ideation.passive'],
    ])
    const combo = classifyRisk('mam linę i wiem gdzie', { rulesOnly: true })
    expect(combo.level).toBe('imminent')
    expect(combo.signals).toEqual(expect.arrayContaining(['pl.cue.means', 'pl.cue.plan', 'combo.cues']))
  })

  it('leaves photos, climbing, a coach stop, cooking, a bore and fear of water to the rules’ silence', () => {
    expectRulesSilent([
      'robię zdjęcia z mostu',
      'stoję na barierce mostu i czekam na kolegę',
      'siedze na skraju dachu i pije piwo',
      'kupiłam linę do wspinaczki',
      'wisi sznur na pranie',
      'odkręciłam gaz pod garnkiem',
      'można sobie w łeb strzelić z tym szefem',
      'boję się, że się utopię w tym basenie',
      'wyskoczę z pracy na chwilę',
      'nie wiem gdzie',
      'mam przy sobie żyletkę do golenia',
      'sąsiad mówi, że wyskoczy z okna',
    ])
  })
})

describe('Polish statements with particles, colloquial verbs and a time between the words (pl.ideation.active)', () => {
  it('keeps a time between "się" and the verb as a time cue', () => {
    expectRuleLevels([
      ['chyba się dzisiaj zabiję', 'imminent', 'pl.ideation.active'],
      ['się w końcu dziś zabiję', 'imminent', 'pl.ideation.active'],
      ['zaraz się zabiję', 'imminent', 'pl.ideation.active'],
      ['idę się zabić', 'imminent', 'pl.ideation.active'],
    ])
    for (const text of ['chyba się dzisiaj zabiję', 'zaraz się zabiję']) {
      expect(classifyRisk(text, { rulesOnly: true }).signals, text).toContain('pl.cue.time')
    }
  })

  it('reads colloquial and formal ways of ending one’s life', () => {
    expectRuleLevels([
      ['chyba się zajebię', 'high', 'pl.ideation.active'],
      ['chcę zakończyć swoje życie', 'high', 'pl.ideation.active'],
      ['pozbawię się życia', 'high', 'pl.ideation.active'],
      ['chce sie po prostu pozbawic zycia', 'high', 'pl.ideation.active'],
      ['chcę to skończyć raz na zawsze', 'high', 'pl.ideation.active'],
      ['probowalam sie otruc', 'high', 'pl.ideation.active'],
    ])
  })

  it('reads weighing suicide as suicidal thoughts (pl.ideation.thoughts)', () => {
    expectRuleLevels([
      ['rozważam samobójstwo', 'high', 'pl.ideation.thoughts'],
      ['zastanawiam się nad odebraniem sobie życia', 'high', 'pl.ideation.thoughts'],
    ])
    expectRulesSilent(['rozważam samobójstwo jako temat referatu'])
  })

  it('leaves idioms, a career, someone else and the past to the rules’ silence', () => {
    expectRulesSilent([
      'zaraz się zabiję ze śmiechu',
      'zajebię się z nudów',
      'chcę zakończyć swoje życie zawodowe',
      'on zaraz się zabije, jak zobaczy rachunek',
      '10 lat temu próbowałam się otruć',
      'nie zabiję się dzisiaj',
    ])
  })
})

describe('Polish self-harm and passive wishes in colloquial forms (pl.selfharm, pl.ideation.passive)', () => {
  it('reads ciachać, kaleczyć and cutting one’s arms, and a wish to be dead', () => {
    expectRuleLevels([
      ['znowu się ciacham', 'high', 'pl.selfharm'],
      ['kaleczę się co noc', 'high', 'pl.selfharm'],
      ['tnę sobie uda', 'high', 'pl.selfharm'],
      ['obym juz umarla', 'concern', 'pl.ideation.passive'],
      ['wolałabym już umrzeć', 'concern', 'pl.ideation.passive'],
    ])
  })

  it('leaves a kitchen cut, a haircut and hyperbole to the rules’ silence', () => {
    expectRulesSilent(['nacięłam sobie rękę krojąc chleb', 'tnę sobie włosy', 'wolałbym umrzeć niż iść na tę imprezę'])
  })
})

describe('Polish goodbyes (pl.farewell)', () => {
  it('reads a goodbye on its own, two goodbyes together and the euphemisms', () => {
    expectRuleLevels([
      ['żegnajcie', 'imminent', 'pl.farewell'],
      ['zegnam was wszystkich.', 'imminent', 'pl.farewell'],
      ['przepraszam was za wszystko. kocham was', 'imminent', 'pl.farewell'],
      ['kocham was wszystkich, przepraszam', 'imminent', 'pl.farewell'],
      ['to już koniec, dziękuję wam za wszystko', 'imminent', 'pl.farewell'],
      ['nie szukajcie mnie', 'imminent', 'pl.farewell'],
      ['kocham was, do widzenia na zawsze', 'imminent', 'pl.farewell'],
      ['pa na zawsze', 'imminent', 'pl.farewell'],
      ['juz nigdy mnie nie zobaczycie', 'imminent', 'pl.farewell'],
      ['do zobaczenia po drugiej stronie', 'imminent', 'pl.farewell'],
      ['zaopiekujcie się kotem, kiedy mnie zabraknie', 'imminent', 'pl.farewell'],
    ])
  })

  it('leaves goodbyes for now, a partner, a season and whereabouts to the rules’ silence', () => {
    expectRulesSilent([
      'żegnajcie, idę spać',
      'jutro egzamin, żegnajcie',
      'dziękuję wam za wszystko, kocham was. do zobaczenia w poniedziałek',
      'przepraszam cię za wszystko, kocham cię',
      'to koniec sezonu, kocham was',
      'nie szukajcie mnie w biurze',
      'nie szukajcie mnie, jestem u babci',
      'nigdy mnie nie zobaczycie w sukience',
      'w refrenie jest "kocham was, do widzenia na zawsze"',
    ])
  })
})

describe('Second Polish rules audit (issue 12): a chat writer’s forms the rules were not checked against', () => {
  it('reads an overdose told as a state or with the amount after, poison, a learner’s form and bleeding (pl.attempt)', () => {
    expectRuleLevels([
      ['łyknęłam wszystkie tabsy, już łyknięte', 'imminent', 'pl.attempt'],
      ['cała garść już połknięta', 'imminent', 'pl.attempt'],
      ['no i tabletki połknięte, nie dzwońcie', 'imminent', 'pl.attempt'],
      ['zażyłam leki babci, całe trzy opakowania', 'imminent', 'pl.attempt'],
      ['wziolem wszytkie tabeltki z apteczki', 'imminent', 'pl.attempt'],
      ['wrzuciłem w siebie wszystkie psychotropy', 'imminent', 'pl.attempt'],
      ['ja wypiła wszystkie leki na sen, przepraszam', 'imminent', 'pl.attempt'],
      ['połknęłam całe opakowanie ketonalu', 'imminent', 'pl.attempt'],
      ['napiłem się płynu do udrażniania rur', 'imminent', 'pl.attempt'],
      ['wypiłam właśnie wybielacz', 'imminent', 'pl.attempt'],
      ['trutka wypita, teraz czekam', 'imminent', 'pl.attempt'],
      ['ciacham się coraz głębiej', 'imminent', 'pl.attempt'],
      ['pocięłam się i krew cieknie po nadgarstku', 'imminent', 'pl.attempt'],
      ['nie mogę przestać krwawić, pocięłam uda', 'imminent', 'pl.attempt'],
      ['krew leje się strumieniem z ręki, nie umiem jej zatamować', 'imminent', 'pl.attempt'],
    ])
  })

  it('reads charcoal, exhaust, a locked room with the means, the tracks, a height, a crash, water, cold and numbness (pl.attempt)', () => {
    expectRuleLevels([
      ['zakleiłam szpary w drzwiach i rozpaliłam węgiel w misce', 'imminent', 'pl.attempt'],
      ['rura od wydechu idzie przez okno do środka, siedzę w aucie', 'imminent', 'pl.attempt'],
      ['auto zamknięte w garażu, odpalam silnik', 'imminent', 'pl.attempt'],
      ['zamknąłem się w piwnicy ze sznurem', 'imminent', 'pl.attempt'],
      ['siedzę w wannie z żyletką', 'imminent', 'pl.attempt'],
      ['zaraz wejdę na tory', 'imminent', 'pl.attempt'],
      ['piszę to z dachu, nie szukajcie mnie długo', 'imminent', 'pl.attempt'],
      ['za chwilę skręcę w drzewo na pełnej prędkości', 'imminent', 'pl.attempt'],
      ['wchodzę do jeziora i idę dalej', 'imminent', 'pl.attempt'],
      ['stoję w rzece po szyję i nie wracam', 'imminent', 'pl.attempt'],
      ['leżę na mrozie bez kurtki i nie wstanę', 'imminent', 'pl.attempt'],
      ['drętwieją mi ręce po tych tabletkach, które wzięłam', 'imminent', 'pl.attempt'],
    ])
  })

  it('reads an end with a time, means told participle first or in the fist, and goodbyes in chat forms (imminent)', () => {
    expectRuleLevels([
      ['dziś w nocy to koniec', 'imminent', 'pl.plan.method'],
      ['dzisiaj to zakończę.', 'imminent', 'pl.plan.method'],
      ['dziś wieczorem wszystko się skończy', 'imminent', 'pl.plan.method'],
      ['mam zawiązaną linę na belce', 'imminent', 'pl.plan.means'],
      ['naszykowany sznur leży w szafie', 'imminent', 'pl.plan.means'],
      ['mam żyletki w garści', 'imminent', 'pl.plan.means'],
      ['trzymam nóż pod łóżkiem na ten właściwy moment', 'imminent', 'pl.plan.means'],
      ['sorki za wszystko, nara na dobre', 'imminent', 'pl.farewell'],
      ['jak to czytacie, to mnie już nie będzie', 'imminent', 'pl.farewell'],
      ['zanim ktoś to przeczyta, będzie już za późno', 'imminent', 'pl.farewell'],
      ['kładę się spać na zawsze', 'imminent', 'pl.farewell'],
      ['idę spać i już się nigdy nie obudzę', 'imminent', 'pl.farewell'],
      ['to mój ostatni wieczór na tym świecie', 'imminent', 'pl.farewell'],
      ['oddaję wam konsolę, już mi nie będzie potrzebna', 'imminent', 'pl.farewell'],
      ['niech ktoś powie mojej siostrze, że ją kocham', 'imminent', 'pl.farewell'],
      ['Żegnajcie wszyscy. Nie daję już rady.', 'imminent', 'pl.farewell'],
      ['dzisiaj kończę ze sobą', 'imminent', 'pl.ideation.active'],
    ])
  })

  it('reads the end as a present act, sleep for good, a plan with place and method, research, rehearsal and a broken-off attempt (high)', () => {
    expectRuleLevels([
      ['kończę ze sobą', 'high', 'pl.ideation.active'],
      ['zasnę na zawsze', 'high', 'pl.ideation.active'],
      ['planuję to od miesiąca, wiem gdzie i czym', 'high', 'pl.ideation.active'],
      ['wiem już nawet, z którego wiaduktu', 'high', 'pl.ideation.active'],
      ['ile trzeba wziąć tramalu, żeby nie przeżyć', 'high', 'pl.ideation.thoughts'],
      ['googlowałam, jak długo trwa wykrwawienie', 'high', 'pl.ideation.thoughts'],
      ['które leki są najmniej bolesne?', 'high', 'pl.ideation.thoughts'],
      ['czytałem, które pociągi tu nie stają', 'high', 'pl.ideation.thoughts'],
      ['kupuję tabletki po trochu, żeby nikt się nie zorientował', 'high', 'pl.ideation.thoughts'],
      ['ćwiczę zakładanie pętli', 'high', 'pl.ideation.thoughts'],
      ['stałam na wiadukcie i o mało nie skoczyłam', 'high', 'pl.ideation.thoughts'],
      ['leżałem na torach, ale zszedłem', 'high', 'pl.ideation.thoughts'],
      ['mam tabsy w szufladzie i w końcu ich użyję', 'high', 'pl.ideation.thoughts'],
    ])
  })

  it('reads hitting, pinching, scratching, cutting without stopping, wounds and starving oneself (pl.selfharm)', () => {
    expectRuleLevels([
      ['waliłem głową o mur aż do krwi', 'high', 'pl.selfharm'],
      ['szczypię się aż do krwi', 'high', 'pl.selfharm'],
      ['drapię się nożyczkami po nadgarstkach', 'high', 'pl.selfharm'],
      ['tnę się i nie mogę przestać', 'high', 'pl.selfharm'],
      ['boję się, że coś sobie zrobię', 'high', 'pl.selfharm'],
      ['zrobiłem sobie nacięcia na ramieniu', 'high', 'pl.selfharm'],
      ['nie jem nic celowo od tygodnia', 'high', 'pl.selfharm'],
      ['chcę się skaleczyć', 'high', 'pl.selfharm'],
      ['pocięłem się znowu', 'high', 'pl.selfharm'],
    ])
  })

  it('reads burden, hopelessness and passive wishes in these forms (concern)', () => {
    expectRuleLevels([
      ['jestem dla was tylko problemem', 'concern', 'pl.burden'],
      ['jestem tylko problem dla rodziny', 'concern', 'pl.burden'],
      ['mam dość bycia ciężarem', 'concern', 'pl.burden'],
      ['ciągle sprawiam wszystkim kłopoty', 'concern', 'pl.burden'],
      ['czuję się jak balast', 'concern', 'pl.burden'],
      ['nikomu nie jestem potrzebny', 'concern', 'pl.burden'],
      ['bez mnie będzie im lżej', 'concern', 'pl.burden'],
      ['moja mama miałaby łatwiej bez takiej córki jak ja', 'concern', 'pl.burden'],
      ['nikt nie będzie po mnie płakał', 'concern', 'pl.burden'],
      ['nie wiem, jak długo jeszcze wytrzymam', 'concern', 'pl.hopelessness'],
      ['nie mam już siły walczyć', 'concern', 'pl.hopelessness'],
      ['dla kogo mam żyć?', 'concern', 'pl.hopelessness'],
      ['nie warto już żyć', 'concern', 'pl.hopelessness'],
      ['nie zasługuję na życie', 'concern', 'pl.hopelessness'],
      ['gdyby mnie przejechał tramwaj, to w sumie spoko', 'concern', 'pl.ideation.passive'],
      ['lepiej by było po prostu zniknąć', 'concern', 'pl.ideation.passive'],
      ['po co ja się w ogóle urodziłam', 'concern', 'pl.ideation.passive'],
      ['mam dość istnienia', 'concern', 'pl.ideation.passive'],
      ['żałuję, że matka mnie urodziła', 'concern', 'pl.ideation.passive'],
    ])
  })

  it('leaves packed or routine doses, food, a drink of kwas, a pet, blood from a nose, a tooth or a film, a stove and a grill to the rules’ silence', () => {
    expectRulesSilent([
      'wszystkie leki wzięte, możemy jechać na wakacje',
      'poranne tabletki połknięte, idę do pracy',
      'całe opakowanie witamin łyknięte w tydzień',
      'wzięłam leki na wyjazd, dwa opakowania',
      'wziąłem tabletki z apteki, całe trzy opakowania',
      'mama wypiła wszystkie leki na kaszel zgodnie z zaleceniem',
      'wypiłam kwas chlebowy, pyszny',
      'pies zjadł trutkę na szczury, jedziemy do weterynarza',
      'wypiłem przez pomyłkę płyn do spryskiwaczy, byłem na SORze, już ok',
      'krew leci mi z nosa bardzo mocno',
      'rana po zębie nie przestaje krwawić',
      'skaleczyłem się w palec przy krojeniu i krew leci mocno',
      'w tym horrorze krew leje się strumieniem',
      'zamknęłam okna i rozpaliłam węgiel w piecu, bo zimno',
      'napaliłam w kominku węglem i zamknęłam drzwi do salonu',
      'rozpaliłam grill na balkonie i zamknęłam okno, żeby dym nie leciał',
      'rura z wydechu ciągnie się po ziemi, muszę jechać do mechanika',
    ])
  })

  it('leaves traffic, a garage left by car, hobbies, a crossing, a view, a game, a swim, snow angels and side effects to the rules’ silence', () => {
    expectRulesSilent([
      'wdycham spaliny codziennie w korku',
      'auto zamknięte w garażu, odpalam silnik i wyjeżdżam do pracy',
      'zamknęłam się w pokoju z tabletkami na ból głowy',
      'siedzę w lesie ze strzelbą na polowaniu',
      'siedzę w aucie z nożem do grzybów',
      'wchodzę na tory, żeby przejść na drugi peron',
      'piszę to z dachu, opalamy się',
      'piszę z mostu, widok piękny',
      'uważaj, bo wjedziesz w drzewo',
      'boję się, że uderzę w drzewo na tym lodzie',
      'w GTA skręcę w drzewo i wybuchnę xd',
      'wchodzę do wody tylko po pas, bo nie umiem pływać',
      'stoję w morzu po szyję, ratownik obok, jest super',
      'leżę na śniegu bez kurtki, robimy aniołki z dziećmi',
      'zasypiam po tych lekach, które wzięłam na noc',
      'kręci mi się w głowie po tych tabletkach, które wzięłam na przeziębienie',
    ])
  })

  it('leaves ends of work or a season, trips, sleep, things handed on for a reason and goodbyes to a group to the rules’ silence', () => {
    expectRulesSilent([
      'dziś koniec pracy o 15',
      'dzisiaj koniec sezonu, smutno',
      'dziś koniec świata w tej grze',
      'dziś to zakończę i wyślę projekt szefowi',
      'nara na dobre 2 godziny, idę na trening',
      'zanim to przeczytasz, będę już w samolocie',
      'jak to czytasz, to mnie już nie będzie w domu',
      'idę spać i pewnie się nie obudzę na budzik',
      'jesteś ostatnią osobą na tym świecie, której bym to powiedział',
      'oddaję wam rower, nie będzie mi już potrzebny, bo kupiłam auto',
      'zostawiam wam klucze, nie będą mi potrzebne w szpitalu',
      'niech ktoś powie mamie, że przepraszam za spóźnienie',
      'Żegnajcie, mam dość tej grupy, wypisuję się',
      'żegnajcie wszyscy! jutro wyjeżdżam, nie dam rady pisać',
    ])
  })

  it('leaves quitting a habit, hyperbole, a party, fireworks, curiosity, study, ordinary pain, a trip, sailing, sport, a hunt and accidents to the rules’ silence', () => {
    expectRulesSilent([
      'kończę z tym na zawsze, rzucam palenie',
      'kończę na zawsze z alkoholem',
      'po tej sesji zasnę na zawsze xd',
      'zasnę i się nie obudzę do południa',
      'wiem gdzie i kiedy jest impreza',
      'nie wiem gdzie i jak',
      'wiem z którego dachu najlepiej widać fajerwerki',
      'ile kawy trzeba wypić, żeby umrzeć xd',
      'ile czekolady trzeba zjeść, żeby pies umarł? pytam, bo mój zjadł tabliczkę',
      'piszę referat o tym, ile trzeba alkoholu, żeby umrzeć',
      'szukam najmniej bolesnego sposobu na depilację',
      'które szczepienie jest najmniej bolesne dla dziecka',
      'sprawdziłem, które pociągi nie stają w Kutnie, bo muszę dojechać',
      'kupiłam paracetamol w kilku aptekach, bo w jednej nie było',
      'ćwiczę wiązanie pętli na kursie żeglarskim',
      'prawie skoczyłam ze szczęścia',
      'prawie skoczyłem 6 metrów w dal na zawodach',
      'jako dziecko leżałam na torach dla zabawy',
      'mam nóż myśliwski i kiedyś go użyję na polowaniu',
      'mam leki przeciwbólowe, użyję ich, jak będzie bolało',
      'uderzyłam głową w ścianę, aż mnie zabolało, bo się potknęłam',
      'szczypie mnie w oczy od cebuli',
      'drapię się po nadgarstkach, bo mnie swędzi od komara',
      'zaraz coś sobie zrobię do jedzenia, jestem głodna',
      'chyba coś sobie zrobię z włosami',
      'zrobiłam sobie ranę na kolanie, przewróciłam się na rowerze',
      'zrobiłam sobie oparzenie przy prasowaniu',
      'nie jem celowo przed badaniem krwi',
      'nie piję celowo alkoholu od stycznia',
      'nie jem nic celowo po 18',
    ])
  })

  it('leaves a hangover, a printer, furniture, a run, a cold, stress, luxury, a city, a weekend away, a birthday, a meeting, a series, someone else and the past to the rules’ silence', () => {
    expectRulesSilent([
      'czuję się jak śmieć po wczorajszej imprezie',
      'ta drukarka ciągle sprawia problemy',
      'ten projekt jest dla mnie tylko problemem',
      'bez mnie byłoby wam łatwiej wnieść tę szafę',
      'nie wiem, ile jeszcze dam radę biec',
      'nie mam już siły walczyć z tym katarem',
      'nie warto żyć w ciągłym stresie',
      'nie zasługuję na życie w luksusie',
      'nie nadaję się do życia w mieście',
      'lepiej zniknąć na weekend w góry',
      'dlaczego urodziłam się w lipcu, a nie w maju',
      'nie lubię, gdy ktoś mi mówi, że jestem niepotrzebna na spotkaniu',
      'jestem niepotrzebna na tym zebraniu, więc wychodzę',
      'nikomu nie jestem potrzebna na tej zmianie, więc idę do domu',
      'nikt nie będzie płakał po tym serialu',
      'mój brat powiedział, że mam dość istnienia tej aplikacji',
      'kiedyś się pocięłam, ale to było lata temu',
      'on pisze, że tnie się coraz głębiej',
    ])
  })
})

describe('English overdoses told by their amount (en.attempt)', () => {
  it('reads a container or a stretch of doses with the medicine unnamed or after it', () => {
    expectRuleLevels([
      ['i take my meds every day but today i took the entire box', 'imminent', 'en.attempt'],
      ['just swallowed the whole strip', 'imminent', 'en.attempt'],
      ['took my entire bottle and now im dizzy', 'imminent', 'en.attempt'],
      ['swallowed my whole week of evening meds', 'imminent', 'en.attempt'],
      ['i took a whole months worth 20 minutes ago', 'imminent', 'en.attempt'],
      ['downed two weeks worth of sleeping pills', 'imminent', 'en.attempt'],
    ])
  })

  it('leaves food, a trip, moving house, time off and the scopes to the rules’ silence', () => {
    expectRulesSilent([
      'i took the entire box of cereal',
      'we were moving and i took the entire box',
      'i take my vitamins every day, took the whole bottle',
      'took a whole weeks worth of meds with me on holiday',
      'i took the whole week off',
      'my brother took the entire box',
      'i never took the whole strip',
      'years ago i swallowed the entire bottle',
    ])
  })
})

describe('English rules audit (issue 12): the forms English chat writers use', () => {
  it('reads an overdose taken, by any verb and with fillers, amounts and medicines by name (en.attempt)', () => {
    expectRuleLevels([
      ['i took like all of my sleep meds', 'imminent', 'en.attempt'],
      ['literally just popped a whole bottle of klonopin', 'imminent', 'en.attempt'],
      ['chugged a bottle of nyquil and some pills', 'imminent', 'en.attempt'],
      ['downed a handful of my seroquel', 'imminent', 'en.attempt'],
      ['took way too many tablets', 'imminent', 'en.attempt'],
      ['just finished swallowing all of my lexapro', 'imminent', 'en.attempt'],
      ['took like 25 percs', 'imminent', 'en.attempt'],
      ['i swallowed every last one', 'imminent', 'en.attempt'],
      ['i already took all of them', 'imminent', 'en.attempt'],
      ['took 40 of them an hour ago', 'imminent', 'en.attempt'],
      ['i think i od’d', 'imminent', 'en.attempt'],
      ['im overdosing rn', 'imminent', 'en.attempt'],
      ['getting so sleepy after all those painkillers', 'imminent', 'en.attempt'],
      ['cant feel my legs from what i swallowed', 'imminent', 'en.attempt'],
      ['i took a shit ton of my meds', 'imminent', 'en.attempt'],
      ['took em all', 'imminent', 'en.attempt'],
      ['i took every tablet i could find', 'imminent', 'en.attempt'],
      ['i think ive taken way too much', 'imminent', 'en.attempt'],
      ['washed down all my sertraline with gin', 'imminent', 'en.attempt'],
    ])
  })

  it('reads bleeding that will not stop, a ledge, the tracks, charcoal lit indoors (en.attempt)', () => {
    expectRuleLevels([
      ['the blood just wont stop', 'imminent', 'en.attempt'],
      ['im bleeding and it really wont stop', 'imminent', 'en.attempt'],
      ['im on the ledge rn', 'imminent', 'en.attempt'],
      ['sitting on the railing of the bridge alone', 'imminent', 'en.attempt'],
      ['im standing on the railway tracks', 'imminent', 'en.attempt'],
      ['lit a disposable bbq in my bedroom', 'imminent', 'en.attempt'],
    ])
  })

  it('reads an overdose ahead, a height or a crash intended, means got ready and how and when (en.plan.method)', () => {
    expectRuleLevels([
      ['im gonna take all my sleeping tablets', 'imminent', 'en.plan.method'],
      ['about to swallow every last one', 'imminent', 'en.plan.method'],
      ['finna neck a whole box of tylenol', 'imminent', 'en.plan.method'],
      ['gonna yeet myself off the car park', 'imminent', 'en.plan.method'],
      ['about to throw myself off the balcony', 'imminent', 'en.plan.method'],
      ['on the highway and im about to swerve', 'imminent', 'en.plan.method'],
      ['gonna crash the car on purpose', 'imminent', 'en.plan.method'],
      ['ive got the noose ready', 'imminent', 'en.plan.method'],
      ['i know where and when im gonna do it', 'imminent', 'en.plan.method'],
      ['my ctb date is friday', 'imminent', 'en.plan.method'],
      ['just need to step off the ledge', 'imminent', 'en.plan.method'],
      ['i slashed my wrists', 'imminent', 'en.plan.method'],
      ['ive left notes for my family', 'imminent', 'en.plan.method'],
    ])
  })

  it('reads chat words for wanting to die by suicide, misspellings, and goodbyes said another way', () => {
    expectRuleLevels([
      ['i just want to end it tbh', 'high', 'en.ideation.active'],
      ['imma end it', 'high', 'en.ideation.active'],
      ['ready to ctb', 'high', 'en.ideation.active'],
      ['thinking about taking the easy way out', 'high', 'en.ideation.active'],
      ['been thinking about ctb a lot', 'high', 'en.ideation.thoughts'],
      ['i feel so sucidal', 'high', 'en.ideation.thoughts'],
      ['i sh’d again', 'high', 'en.selfharm'],
      ['cut my thigh wide open', 'high', 'en.selfharm'],
      ['this is the last time anyone will hear from me', 'imminent', 'en.farewell'],
      ['im not gonna be around after tonight', 'imminent', 'en.farewell'],
    ])
  })

  it('leaves idioms, routines, doses for an ailment, food, hobbies, sport, games and the scopes to the rules’ silence', () => {
    expectRulesSilent([
      'this commute is killing me',
      'i could kill for a coffee',
      'dying of laughter at this',
      'i took all my meds this morning like always',
      'im going to take all my meds from now on',
      'i will take all my tablets i promise',
      'going to take all the old pills back to the pharmacy',
      'took a handful of ibuprofen for my headache',
      'so dizzy after all those antihistamines for my hay fever',
      'i ate a whole bottle of gummy vitamins',
      'i took 30 photos',
      'i took all of them to the park',
      'popped all of them, the balloons are gone',
      'i od’d on caffeine today',
      'im overdosing on k dramas',
      'years ago and i od’d and ended up in hospital',
      'my nose is bleeding and it wont stop',
      'im on the ledge fixing the gutter',
      'sitting on the ledge reading a book',
      'im on the tracks for work tonight',
      'lit the charcoal in the garden',
      'im gonna crash so hard tonight im exhausted',
      'im gonna crash the car in gta',
      'gonna yeet myself off the couch',
      'im gonna throw myself into work',
      'i got the rope for the tent',
      'ive got the rope for the boat',
      'i know how and when to do it, thanks coach',
      'i wrote christmas letters for everyone',
      'ive left letters for my teacher',
      'im not gonna be here tomorrow, working',
      'i took the easy way out and ordered pizza',
      'i took too much time off',
      'i took too much of the cake',
      'took my meds with wine by mistake',
      'i cut my arm open on a nail',
      'sliced my wrist on a broken glass by accident',
      'about to step off the ladder',
      'got a gun and im going to use it at the range',
      'i just wanna end it rn with my boyfriend',
      'she took a bunch of xans',
      'i would never take all my pills',
      'i never swallowed all of them',
      'i took all my pills two years ago',
      'in the movie he swallowed every last one',
    ])
  })
})

describe('Second English rules audit (issue 12, audit set 1): forms a new writer used', () => {
  it('reads attempts, means and plans told in these forms as imminent, by a rule alone', () => {
    expectRuleLevels([
      // A fraction of a pack, a medicine named by brand or with its hyphen, drink after a clause, two medicines mixed.
      ['just necked half a box of my dads tramadol', 'imminent', 'en.attempt'],
      ['swallowed most of the bottle of temazepam', 'imminent', 'en.attempt'],
      ['took all my sleeping pills, with half a bottle of gin', 'imminent', 'en.attempt'],
      [
        'ive taken all of the tablets the doctor gave me for the fortnight, washed down with a bottle of wine',
        'imminent',
        'en.attempt',
      ],
      ['mixed all my sertraline with my brothers codeine', 'imminent', 'en.attempt'],
      ['took everything in the drawer, all my meds', 'imminent', 'en.attempt'],
      ['injected 30 units of insulin', 'imminent', 'en.attempt'],
      ['ive injected all my insulin pens', 'imminent', 'en.attempt'],
      // Places, roads, trains, cold, gas, a crash done on purpose.
      ['crashed my car into a tree on purpose and it didnt work', 'imminent', 'en.attempt'],
      ['the express doesnt stop here, ill step off when it comes', 'imminent', 'en.attempt'],
      ['walking to the edge of the cliff now', 'imminent', 'en.attempt'],
      ['the gas is on, no flame, windows shut', 'imminent', 'en.attempt'],
      ['lying down in the middle of the motorway', 'imminent', 'en.attempt'],
      ['sitting in the snow without a coat, going to stay here', 'imminent', 'en.attempt'],
      ["haven't eaten for two weeks and i've stopped drinking", 'imminent', 'en.attempt'],
      ['heading to the bridge to finish it', 'imminent', 'en.plan.method'],
      ['gonna drink the weedkiller', 'imminent', 'en.plan.method'],
      // Means located with no "i have", a poison poured, a medicine bought from several places.
      ["the shotgun's already in the car", 'imminent', 'en.plan.means'],
      ['my noose is in my bag', 'imminent', 'en.plan.means'],
      ['bleach poured out next to me', 'imminent', 'en.plan.means'],
      ['bought co-codamol from four different shops so nobody asks', 'imminent', 'en.plan.means'],
      // An end with a time ("at 3" is a time cue too), tonight spelt as chat spells it.
      ['gonna end it at 3', 'imminent', 'en.ideation.active'],
      ['goin to kill myself 2nite', 'imminent', 'en.ideation.active'],
      // Sentences joined with no punctuation, the amount told after a stop.
      ['i just took all of them im scared', 'imminent', 'en.attempt'],
      ['swallowed every last one i feel sick', 'imminent', 'en.attempt'],
      ["i od'd idk what to do", 'imminent', 'en.attempt'],
      ['im on the ledge i cant do this', 'imminent', 'en.attempt'],
      ['i took the pills. all of them', 'imminent', 'en.attempt'],
      // Second-language tenses: a perfect with the base form, a present with now or a drink.
      ['i have swallow all the pills', 'imminent', 'en.attempt'],
      ['i am taking all the pills now', 'imminent', 'en.plan.method'],
      ['i drink all the pills with vodka', 'imminent', 'en.plan.method'],
      ['i cutted my wrist very deep', 'imminent', 'en.plan.method'],
      ['i swollowed all my pills', 'imminent', 'en.attempt'],
      // Intent spelt as chat spells it; belongings given away and then a set time.
      ['im gunna end it tonight', 'imminent', 'en.ideation.active'],
      ['goin to take all my pills tonight', 'imminent', 'en.plan.method'],
      ['gave my bike to my cousin and my xbox to sam. tonights the night', 'imminent', 'en.plan.method'],
    ])
  })

  it('reads goodbyes told as not coming back from a place or as absolving a parent as imminent', () => {
    expectRuleLevels([
      ['im not coming back from the cliffs', 'imminent', 'en.farewell'],
      ['tell my dad it wasnt his fault.', 'imminent', 'en.farewell'],
    ])
  })

  it('reads intent, self-harm with an instrument or dropped g, method research and scouting as high', () => {
    expectRuleLevels([
      ['going to end it this time', 'high', 'en.ideation.active'],
      ['wanna kill myself for real this time', 'high', 'en.ideation.active'],
      ['i want to die for good this time', 'high', 'en.ideation.active'],
      ['burnt my thigh with a cigarette', 'high', 'en.selfharm'],
      ['cutting my arms with a blade', 'high', 'en.selfharm'],
      ['i keep cuttin', 'high', 'en.selfharm'],
      ['been cuttin and its worse', 'high', 'en.selfharm'],
      ['banging my head against the door frame until it bleeds', 'high', 'en.selfharm'],
      ['havent eaten in 12 days on purpose', 'high', 'en.selfharm'],
      ['googled which bridges are the highest', 'high', 'en.ideation.thoughts'],
      ['checked which pills are the most lethal', 'high', 'en.ideation.thoughts'],
      ['drove around to work out where i could jump from', 'high', 'en.ideation.thoughts'],
      ['i keep thinking about driving my car into a wall', 'high', 'en.ideation.thoughts'],
      ['i know how id do it and where id go', 'high', 'en.ideation.thoughts'],
      ['drove to the viaduct to see how far the drop is', 'high', 'en.ideation.thoughts'],
      // "Suicide" as a verb, a second-language slip.
      ['i will suicide', 'high', 'en.ideation.active'],
      ['i am going to suicide', 'high', 'en.ideation.active'],
    ])
  })

  it('reads passive wishes and burden in these forms as concern', () => {
    expectRuleLevels([
      ['i want to die for real', 'concern', 'en.ideation.passive'],
      ['i wnt to die', 'concern', 'en.ideation.passive'],
      ['id love to just vanish', 'concern', 'en.ideation.passive'],
      ['would anyone go to my funeral', 'concern', 'en.ideation.passive'],
      ['who would even show up to my funeral', 'concern', 'en.ideation.passive'],
      ['if a lorry ran over me i wouldnt care', 'concern', 'en.ideation.passive'],
      ['going to sleep and never wake up', 'concern', 'en.ideation.passive'],
      ['im such a drain on everyone', 'concern', 'en.burden'],
    ])
  })

  it('leaves their look-alikes to the model: food, routine doses, trips, repairs, sport, games, someone else', () => {
    expectRulesSilent([
      'downed half a bottle of water after the run',
      'ate most of the box of cookies',
      'took all my vitamins with a glass of orange juice',
      'took all my evening meds with a glass of wine at dinner',
      'had half a pack of paracetamol in my bag for the trip',
      'can i take all my meds with a beer?',
      'mixed my paracetamol with ibuprofen like the pharmacist said',
      'is it ok that i mixed up my meds with my mums in the pill box',
      'my pharmacist mixed my sertraline and my codeine orders up',
      'took everything in the drawer out to clean it',
      'took everything in the cupboard, all my meds and the plasters, to the new flat',
      'injected my insulin with lunch',
      'picked up my insulin pens from the pharmacy, the fridge is full of them now lol',
      'crashed my car into a wall on the ice, nobody hurt',
      'drove into a tree by accident last winter',
      'the express doesnt stop here so im going when the slow one comes',
      'the fast train comes through, then the stopping one, i get on when it does',
      'heading to the roof to finish painting',
      'heading to the building site to finish the job',
      'walking to the edge of town',
      'walked to the edge of the cliff to take photos of the sunset',
      'in the film he walks to the edge of the cliff now and then',
      'gas hob on but no flame, the igniter is broken again',
      'standing in the middle of the road waving for a taxi',
      'lying in the middle of the motorway was the police officer after the crash',
      'made snow angels lying in the snow in just a t-shirt lol',
      'cold water swim at the lake, sitting on the ice without a coat for the photos',
      'the rope is in the boot for towing',
      'the shotgun is in the car for the clay shoot',
      'my gun is in the safe',
      'the bleach is next to me, cleaning the bathroom',
      'i would never drink the bleach lol',
      'gonna drink some water',
      'i bought paracetamol from three different shops because they were out of stock',
      'ordered vitamins from two different sites',
      'im not coming back from the bridge club until late',
      'wont be coming back from the beach till tomorrow',
      'tell my mum it wasnt her fault the cake burned',
      'tell your mum it wasnt her fault.',
      'ending it at 3 with my boyfriend, we are done',
      'im going to end it this weekend with him',
      'we ended it at midnight, the party was great',
      'havent eaten in 4 days, stomach bug',
      'i havent eaten in 5 days because i cant afford food',
      'burned my arm on the oven again',
      'cut my hand with a knife chopping onions',
      'burnt my arm with a match lighting the bbq, camping',
      'scratched my arm with a compass in maths by accident',
      'cutting and pasting my essay again',
      'keep cutting and sticking for the collage',
      'looked up which trains dont stop at our station so i dont get on the wrong one',
      'googled which bridges are the highest for our trip to new york',
      'to see where itd be easiest to park',
      'went up to the tower to see where itd be best to take photos from',
      'im a nervous driver and keep thinking about crashing the car',
      'thinking about driving the car to the coast',
      'i know where id go and what id eat on holiday',
      'im just a weight lifter',
      'if a bus hit me tomorrow id be so annoyed',
      'id like to fade out the music at the end of the song',
      'going to sleep and not get up till noon',
      'would anyone come to my birthday party',
      'nothing is ever going to get better than this pizza',
      'that cake was to die for',
      'im taking all my pills tonight like always',
      'i take all my meds at night',
      'i am taking all my tablets now as prescribed',
      'i take all my pills with food',
      'took my meds this morning. all of them.',
      'i took my vitamins. all of them',
      'i took the kids to the park. all of them',
      'im on the ledge i love the view from here',
      'i took too much time i think',
      'swallowed every last one i baked, they were delicious',
      'took all of them to the vet',
      'went to the top of the tower to see how high it is, amazing view',
      "gave my tickets to my sister. tonight's the night!",
      "giving my old clothes away to charity, tonight's the night",
      'im going to suicide prevention training',
      'i will suicide-proof my essay lol',
      'im going 2 the shops',
      'my friend said she wants to die for real this time',
    ])
    // A wish said in jest keeps its older passive rule (and the model may demote it), never the new intent.
    expect(classifyRisk('i wanna die for real this exam is impossible lol', { rulesOnly: true }).signals).not.toContain(
      'en.ideation.active',
    )
  })
})
