/**
 * The forms the third Polish rules audit (issue 12) added after reading audit set 2's Polish writer: means and
 * acts the rules had no words for (a weight tied on before water, fuel, charcoal lit first, a hairdryer in the
 * bath, patches, syrup, pills "already in me", insulin stopped on purpose, a gun from the safe told object first),
 * chat and regional words (vulgar verbs of swallowing, "blacha", Silesian "niy zlaza"), a resolve on a ridge or a
 * crane, a crash, goodbyes in other agreements, preparations short of an attempt, research of a method, and
 * burden, passive wishes and hopelessness in new words. Each form is rated at its level by a rule (not by the
 * model), and each look-alike (a workout, a kayak, a spill, a stove, laundry, someone else's patch, a cough, a new
 * prescription, hunting, a move, a series, a party, a trip) is left alone by the rules. The sentences are new:
 * none is a row of an audit, evaluation or training set.
 */
import { describe, it } from 'vitest'
import { expectRuleLevels, expectRulesSilent, expectSignals } from '../../tests/support/crisis-rules.js'

describe('Polish acts under way in new means (pl.attempt, third audit)', () => {
  it('reads a weight tied to the body, the current, fuel, charcoal lit first and an appliance in the bath', () => {
    expectRuleLevels([
      ['przywiązałam sobie kamień do nogi i idę na pomost', 'imminent', 'pl.attempt'],
      ['cegły przywiązane do pasa, wchodzę do rzeki', 'imminent', 'pl.attempt'],
      ['zaraz wejde w nurt i tyle', 'imminent', 'pl.attempt'],
      ['oblewam się benzyną w piwnicy', 'imminent', 'pl.attempt'],
      ['kupiłem kanister benzyny. zaraz się obleję', 'imminent', 'pl.attempt'],
      ['wylewam na siebie rozpuszczalnik', 'imminent', 'pl.attempt'],
      ['podpalę się pod urzędem', 'imminent', 'pl.plan.method'],
      ['rozpaliłem brykiety w pokoju i zamknąłem wszystkie okna', 'imminent', 'pl.attempt'],
      ['wanna pełna, toster podłączony, zaraz go wrzucę', 'imminent', 'pl.attempt'],
      ['wrzucę suszarkę do wanny jak tylko wejdę', 'imminent', 'pl.attempt'],
    ])
  })

  it('reads patches, a syrup, pills already inside, insulin stopped on purpose and the veins cut', () => {
    expectRuleLevels([
      ['plastry z morfiną po dziadku, nakleiłem wszystkie', 'imminent', 'pl.attempt'],
      ['nakleiłam 6 plastrów z fentanylem', 'imminent', 'pl.attempt'],
      ['wypiłem całą butelkę syropu z dekstrometorfanem', 'imminent', 'pl.attempt'],
      ['wszystkie tabletki nasenne już są we mnie', 'imminent', 'pl.attempt'],
      ['cała reszta prochów już we mnie.', 'imminent', 'pl.attempt'],
      ['odstawiłam insulinę celowo, niech tak zostanie', 'imminent', 'pl.attempt'],
      ['pocięłam żyły, dużo krwi', 'imminent', 'pl.attempt'],
    ])
  })

  it('reads chat and farm words for an overdose or poison, and the gun told object first', () => {
    expectRuleLevels([
      ['wjebałam całą blachę xanaxów', 'imminent', 'pl.attempt'],
      ['wpierdoliłem wszystkie tabsy', 'imminent', 'pl.attempt'],
      ['łyknąłem 30 tabletek i zapiłem piwem', 'imminent', 'pl.attempt'],
      ['wypiłam oprysk z szopy', 'imminent', 'pl.attempt'],
      ['połknęłam magnes i środek na szczury', 'imminent', 'pl.attempt'],
      ['biorę wszystko, co zostało w apteczce', 'imminent', 'pl.attempt'],
      ['sztucer już wziąłem z szafy, nikt nie wie', 'imminent', 'pl.attempt'],
    ])
  })

  it('reads a resolve on a ridge, a cliff edge or a crane (also in Silesian), a crash and the cold accepted', () => {
    expectRuleLevels([
      ['jestem na urwisku i nie zejdę', 'imminent', 'pl.attempt'],
      ['stoję na kominie ciepłowni, czas.', 'imminent', 'pl.attempt'],
      ['siedza na grani i niy zlaza', 'imminent', 'pl.attempt'],
      ['wbijam się zaraz w drzewo, pas odpięty', 'imminent', 'pl.attempt'],
      ['odbiję w barierkę na zakręcie', 'imminent', 'pl.attempt'],
      ['zamarznę w tym lesie i dobrze', 'imminent', 'pl.attempt'],
    ])
  })
})

describe('Polish goodbyes and cues in other agreements (third audit)', () => {
  it('reads last words in any gender and nothing needed any more', () => {
    expectRuleLevels([
      ['to moje ostatnie słowa, kocham was', 'imminent', 'pl.farewell'],
      ['to mój ostatni sms', 'imminent', 'pl.farewell'],
      ['zostawiam wam konsolę, już nie będę niczego potrzebował', 'imminent', 'pl.farewell'],
    ])
  })

  it('reads parents away as a time and "not alone, only with the police" as a goodbye', () => {
    expectSignals('jak starzy pojadą do cioci, to się zabiję', 'imminent', ['pl.ideation.active', 'pl.cue.time'])
    expectSignals('chcę się zabić. nie wchodźcie tu sami, tylko z policją', 'imminent', [
      'pl.ideation.active',
      'pl.cue.farewell',
    ])
  })
})

describe('Polish behaviour short of an attempt and method research (high, third audit)', () => {
  it('reads a hook tested, a rope bought not for its use, a jump from a named height thought of', () => {
    expectRuleLevels([
      ['sprawdziłem, czy belka w garażu utrzyma mnie', 'high', 'pl.ideation.thoughts'],
      ['sprawdzałam, czy rura w łazience wytrzyma', 'high', 'pl.ideation.thoughts'],
      ['kupiłam sznur, nie do prania.', 'high', 'pl.ideation.thoughts'],
      ['myślę o skoku z wiaduktu', 'high', 'pl.ideation.thoughts'],
      ['moje życie nic nie znaczy, zastanawiam się, jak je sobie odebrać', 'high', 'pl.ideation.thoughts'],
      ['googlowałem, czy można się zaczadzić w aucie', 'high', 'pl.ideation.thoughts'],
      ['czytałam, jak się otruć gazem', 'high', 'pl.ideation.thoughts'],
    ])
  })

  it('reads self-harm again with a blade, scratching with a prefix, and not eating to die', () => {
    expectRuleLevels([
      ['znowu to zrobiłam, tym razem żyletką', 'high', 'pl.selfharm'],
      ['znów się pocięłam nożyczkami', 'high', 'pl.selfharm'],
      ['wieczorem sie wydrapywalam do krwi', 'high', 'pl.selfharm'],
      ['nie piję od dwóch dni celowo', 'high', 'pl.selfharm'],
      ['nie jem, żeby umrzeć', 'high', 'pl.selfharm'],
    ])
  })

  it('reads pills begun to be hoarded as means at hand, as the older hoarding forms', () => {
    expectRuleLevels([['zaczęłam odkładać tabletki nasenne', 'imminent', 'pl.plan.means']])
  })
})

describe('Polish burden, passive wishes and hopelessness in new words (concern, third audit)', () => {
  it('reads them at concern by a rule', () => {
    expectRuleLevels([
      ['nie powinno mnie być na tym świecie', 'concern', 'pl.burden'],
      ['nie powinno mnie w ogóle być', 'concern', 'pl.burden'],
      ['jestem beznadziejna, wszystko psuję, nie powinno mnie tutaj być', 'concern', 'pl.burden'],
      ['mąż byłby wolny, gdyby mnie zabrakło', 'concern', 'pl.burden'],
      ['lepiej by im było beze mnie', 'concern', 'pl.burden'],
      ['modlę się do Boga, żeby mnie zabrał', 'concern', 'pl.ideation.passive'],
      ['proszę Boga, by mnie wziął do siebie', 'concern', 'pl.ideation.passive'],
      ['gdyby autobus się rozbił ze mną, to spoko', 'concern', 'pl.ideation.passive'],
      ['szkoda, że jeszcze żyję', 'concern', 'pl.ideation.passive'],
      ['po co się dalej męczyć', 'concern', 'pl.hopelessness'],
      ['nie widzę dla mnie żadnego jutra', 'concern', 'pl.hopelessness'],
    ])
  })
})

describe('look-alikes of the third audit’s forms', () => {
  it('leaves a workout, a boat, a kayak, ice swimming, a spill, a burn, a stove and laundry to the rules’ silence', () => {
    expectRulesSilent([
      'obciążniki przywiązane do kostek na treningu',
      'na rehabilitacji mam ciężarek przywiązany do nogi',
      'kotwica przywiązana do łodzi',
      'nurkowie mają ciężarki przywiązane do pasa',
      'wejdę w nurt kajakiem na spływie',
      'morsujemy, wchodzę pod lód z morsami',
      'oblałem się kawą w pociągu',
      'oblewam się zimną wodą po saunie',
      'podpaliłem się przy grillu, nic poważnego',
      'podpalę się na słońcu bez kremu',
      'kupiłem benzynę do kosiarki',
      'zapaliłem brykiet w grillu na balkonie i zamknąłem okno',
      'rozpaliłem węgiel w piecu i zamknąłem drzwi do kotłowni',
      'suszarka leży przy wannie, zaraz wrzucę pranie',
      'kamień przywiązany do nogi stołu',
      'zaraz wejdę w nurt filozoficzny',
    ])
  })

  it('leaves someone else’s patch, stickers, a cough syrup, a morning dose, a new prescription and hunting alone', () => {
    expectRulesSilent([
      'babcia ma plastry z fentanylem od onkologa, nakleiłam jej jeden',
      'nakleiłam wszystkie naklejki na zeszyt',
      'wypiłam cały syrop na kaszel w dwa dni, lekarz kazał',
      'wypiłem całą butelkę syropu malinowego',
      'witaminy już we mnie, lecę do pracy',
      'poranne leki już we mnie',
      'przestałam brać insulinę, bo lekarz zmienił mi na tabletki',
      'strzelbę wziąłem z szafy na polowanie',
      'pistolet wyjąłem z sejfu, żeby go wyczyścić',
      'pocięłam żyłkę wędkarską na kawałki',
      'wjebałam całą blachę sernika',
      'zapiłem tabletkę na ból głowy piwem',
      'opryskałem ziemniaki opryskiem na stonkę',
      'pies wypił oprysk z wiadra',
      'przy przeprowadzce biorę wszystko, co jest w szafce',
      'biorę wszystko, co mam w szafce, i idę na siłkę',
      'Dziadek ma plastry z fentanylem, nakleiłem wszystkie etykiety na pudełka',
      'wypiłem cały syrop z kodeiną, co mi przepisał lekarz na kaszel',
      'zaczęłam zbierać leki dla schroniska',
    ])
  })

  it('leaves a view from a ridge, a crane operator, a game, a ball, a bus stop and last words on a topic alone', () => {
    expectRulesSilent([
      'jestem na grani, widoki bajeczne, nie schodzę przed zachodem',
      'siedzę na dźwigu cały dzień, nudy',
      'operator siedzi na dźwigu, skacze mu ciśnienie',
      'w grze wbijam się w drzewo co chwilę',
      'odbiję piłkę w słupek',
      'wjeżdżam na mur w parkourze',
      'to moje ostatnie słowa przed egzaminem',
      'boję się, że odbiję w barierkę, jak będzie ślisko',
      'zamarznę na tym przystanku',
      'to mój ostatni wpis tutaj, przenoszę się na nowe forum',
      'to moje ostatnie słowa w tej sprawie',
      'wyjeżdżam na studia, zostawiam wam konsolę, już nie będę jej potrzebował',
      'nie wchodź sama do lasu, tylko z psem',
    ])
  })

  it('leaves a hammock, a shelf, a rope for towing, bungee, a bread knife, a cat and a fast before a test alone', () => {
    expectRulesSilent([
      'sprawdziłem, czy hak utrzyma hamak',
      'sprawdziłam, czy półka wytrzyma',
      'kupiłem linę nie do wspinania, tylko do holowania',
      'ta lina jest nie do wspinania, to lina do suszenia',
      'myślę o skoku na bungee z mostu',
      'marzę o skoku z samolotu',
      'paczkę mam na poczcie, muszę ją sobie odebrać',
      'znowu to zrobiłem, tym razem nożem do chleba',
      'znowu to zrobiłam, tym razem nożykiem do tapet przy remoncie',
      'nie jem od dwóch dni specjalnie, przed kolonoskopią',
      'mój życiorys i dokumenty, jak je sobie odebrać z urzędu',
      'kot mnie podrapał do krwi',
      'zdrapałam strupek do krwi na kolanie',
      'nie jem od tygodnia mięsa specjalnie',
      'nie jem od rana specjalnie przed badaniem',
      'sprawdzałem w książce, jak się otruć grzybami, na referat',
      'szukałem, czy można się zaczadzić od kominka',
    ])
  })

  it('leaves a day off at work, a party, a blessing for mum, a relationship, a series and a trip alone', () => {
    expectRulesSilent([
      'nie powinno mnie tu być, mam dziś wolne a siedzę w pracy',
      'nie powinno mnie tu być o tej godzinie',
      'nie powinno mnie tu być, jestem chory',
      'proszę Boga, żeby mnie zabrał z tej imprezy',
      'modlę się do Boga, żeby wziął w opiekę mamę',
      'gdyby samolot spadł ze mną, byłoby strasznie',
      'po co ciągnąć ten związek, po co to ciągnąć',
      'ten serial jest nudny, po co to ciągnąć',
      'lepiej by mu było beze mnie na wycieczce? chyba nie',
      'szkoda, że jeszcze jestem w pracy',
      'nie widzę dla siebie jutra w tej firmie, szukam nowej pracy',
    ])
  })
})
