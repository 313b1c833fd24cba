import { describe, expect, it } from 'vitest'
import {
  CATEGORY_PRIORITY,
  OUTCOME_SEVERITY,
  screenMessage,
  senderNotice,
  type ScreenOutcome,
  type ScreenResult,
} from './screen.js'
import { rot13 } from './screen-rules/shared.js'

/* Slurs are built from ROT13 so this file, like the rule lists, stays clean to read and grep. */
const FAGGOT = rot13('snttbg')
const FAG = rot13('snt')
const NIGGERS = rot13('avttref')
const RETARD = rot13('ergneq')
const TRANNY = rot13('genaal')
const PEDALE = rot13('crqnyr') // vocative / locative of an ambiguous word
const PEDALEM = rot13('crqnyrz')
const CIOTO = rot13('pvbgb')
const CWELU = rot13('pjryh')
const CWELEM = rot13('pjryrz')
const CZARNUCHEM = rot13('pmneahpurz')
const CZARNUCHY = rot13('pmneahpul')
const leet = (w: string): string => w.replace(/a/g, '4').replace(/o/g, '0').replace(/e/g, '3').replace(/i/g, '1')

const ids = (r: ScreenResult): string[] => r.signals.map((s) => s.id)
const screen = (text: string, recentOwnTexts?: readonly string[]): ScreenResult =>
  screenMessage(text, recentOwnTexts ? { recentOwnTexts } : undefined)

function expectOutcome(text: string, outcome: ScreenOutcome, signal?: string): ScreenResult {
  const r = screen(text)
  expect(r.outcome, `${text} -> ${JSON.stringify(r)}`).toBe(outcome)
  if (signal) expect(ids(r), text).toContain(signal)
  return r
}

function expectClean(text: string): void {
  expect(screen(text), text).toEqual({ outcome: 'deliver', reason: null, signals: [] })
}

describe('false positives from the issue deliver cleanly', () => {
  it.each([
    'this exam is killing me',
    'mój numer buta to 42',
    'moj numer buta to 42',
    'see you at 18:30',
    '12.05.2024',
    'spotkajmy się 12.05.2024 o 18:30',
    'it cost 120 zł',
    'kosztowało 1 200 000 zł',
    'I hate myself',
    'nienawidzę siebie',
    'nienawidze siebie',
    'he called me stupid',
    'nazwał mnie głupią',
    'kill the lights',
    'zabić czas',
    'jak zabić czas w pociągu?',
  ])('%s', (text) => expectClean(text))
})

describe('distress and everyday speech are not silenced', () => {
  it.each([
    'fuck, today was hard',
    'kurwa, nie daję rady',
    'kurwa mać, znowu to samo',
    "I'm so stupid sometimes",
    'jestem beznadziejna',
    'jestem idiotką',
    'my ex is a total asshole',
    'mój szef to idiota',
    'I feel like hurting myself',
    'chcę zrobić sobie krzywdę',
    'I want to kill myself', // the crisis classifier's job, not this screen's
    'chcę się zabić',
    'chce sie zabic',
    'I take 20 mg of sertraline every morning',
    'biorę 50 mg sertraliny od tygodnia',
    "I've been clean from cutting for 30 days",
    'how do I talk about suicide with my therapist?',
    'how do I stop wanting to kill myself',
    'jak przestać chcieć umrzeć?',
    'czuję się jakbym miała umrzeć',
    'you are such a good friend',
    "you're not stupid, you're tired",
    "don't say you're worthless, you matter",
    'nie jesteś głupia',
    'nie jestes glupia',
    "please don't kill yourself",
    'I wish my brain would shut up',
    'zamknij się w sobie na chwilę i odpocznij',
    'I need a fag', // UK: a cigarette
    'pedał gazu się zaciął',
    'asfalt był mokry',
    'gram na fagocie',
    'oh snap!',
    'whatsup everyone',
    'I deleted my insta because of anxiety',
    'my insta is private now',
    'I talked to him on facebook yesterday',
    'mój fejs jest prywatny',
    'numer telefonu zaufania to 116 123',
    'Centrum Wsparcia: 800 70 2222',
    'I was born in 1990 and moved in 2019 2020',
    'mieszkam w Krakowie od 2019',
    'mieszkam z mamą od 3 miesięcy',
    'I live on the 3rd floor',
    'check out https://988lifeline.org',
    'I jumped 3 meters in PE',
    'HELLO EVERYONE, I AM NEW HERE',
  ])('%s', (text) => expectClean(text))
})

describe('slurs', () => {
  it('rejects a slur aimed at a person (EN)', () => {
    const r = expectOutcome(`you're such a ${FAGGOT}`, 'reject', 'en.slur.homophobic.targeted')
    expect(r.reason).toBe('slur')
    expectOutcome(`shut up you ${FAG}`, 'reject', 'en.slur.homophobic.targeted')
    expectOutcome(`u r a ${RETARD}`, 'reject', 'en.slur.ableist.targeted')
  })

  it('sees through leetspeak, masking and spacing', () => {
    expectOutcome(`you're such a ${leet(FAGGOT)}`, 'reject', 'en.slur.homophobic.targeted')
    expectOutcome(`you ${FAGGOT[0]}*${FAGGOT.slice(2)}`, 'reject', 'en.slur.homophobic.targeted')
    expectOutcome(`you ${FAGGOT[0]}**${FAGGOT.slice(3)}`, 'reject', 'en.slur.homophobic.targeted')
    expectOutcome(FAGGOT.split('').join(' '), 'hold', 'en.slur.homophobic')
    expectOutcome(`${FAGGOT.slice(0, 2)}${'a'.repeat(5)}${FAGGOT.slice(2)}`, 'hold', 'en.slur.homophobic')
    expectOutcome(`ty ${leet(CIOTO)}`, 'reject', 'pl.slur.homophobic.targeted')
    expectOutcome(`ty ${leet(PEDALE)}`, 'reject', 'pl.slur.homophobic.targeted')
  })

  it('holds a slur not aimed at anyone present', () => {
    expectOutcome(`all ${leet(NIGGERS)} should leave`, 'hold', 'en.slur.racist')
    expectOutcome(`${CZARNUCHY} wszędzie`, 'hold', 'pl.slur.racist')
  })

  it('flags (delivers) a slur someone reports having been called', () => {
    const r = expectOutcome(`he called me a ${FAGGOT} at school`, 'flag', 'en.slur.homophobic.reported')
    expect(r.reason).toBe('slur')
    expectOutcome(`he called me a ${TRANNY}`, 'flag', 'en.slur.transphobic.reported')
    expectOutcome(`nazwał mnie ${CWELEM}`, 'flag', 'pl.slur.homophobic.reported')
    expectOutcome(`nazwal mnie ${CWELEM}`, 'flag', 'pl.slur.homophobic.reported')
    expectOutcome(`she said "you ${FAGGOT}" and laughed`, 'flag', 'en.slur.homophobic.reported')
  })

  it('flags a slur used about oneself', () => {
    expectOutcome(`I'm such a ${RETARD} lol`, 'flag', 'en.slur.ableist.self')
  })

  it('treats Polish vocatives as addressing someone', () => {
    expectOutcome(CIOTO, 'reject', 'pl.slur.homophobic.targeted')
    expectOutcome(`ty ${CWELU}`, 'reject', 'pl.slur.homophobic.targeted')
  })

  it('handles Polish with and without diacritics', () => {
    expectOutcome(`jesteś ${CZARNUCHEM}`, 'reject', 'pl.slur.racist.targeted')
    expectOutcome(`jestes ${CZARNUCHEM}`, 'reject', 'pl.slur.racist.targeted')
    expectOutcome(`jesteś ${PEDALEM.replace('l', 'ł')}`, 'reject', 'pl.slur.homophobic.targeted')
  })

  it('counts an ambiguous word only when aimed at a person', () => {
    expectClean(`nazwał mnie ${PEDALEM.replace('l', 'ł')}`)
    expectClean('naciśnij pedał hamulca')
    expectOutcome(`ty ${PEDALE}`, 'reject', 'pl.slur.homophobic.targeted')
  })
})

describe('the whole room addressed kindly is not harassment', () => {
  it.each([
    'thank you all for listening',
    'you are all so kind to me',
    'are you all ok?',
    'you all are amazing',
    'everyone here is so supportive',
    'jesteście wszyscy kochani',
    'wy wszyscy mi pomogliście',
  ])('delivers %s', (text) => {
    expect(screenMessage(text).outcome).toBe('deliver')
  })
})

describe('harassment', () => {
  it.each([
    ["you're such an idiot", 'en.harassment.insult'],
    ['you stupid bitch', 'en.harassment.insult'],
    ['u r such a loser', 'en.harassment.insult'],
    ['you 1d10t', 'en.harassment.insult'],
    ["you're a waste of space", 'en.harassment.insult'],
    ['@kasia is an idiot', 'en.harassment.insult'],
    ['fuck you', 'en.harassment.hostile'],
    ['nobody likes you', 'en.harassment.hostile'],
    ['shut up', 'en.harassment.hostile'],
    ['ty debilu', 'pl.harassment.insult'],
    ['debilu', 'pl.harassment.insult'],
    ['jesteś idiotą', 'pl.harassment.insult'],
    ['jestes idiota', 'pl.harassment.insult'],
    ['jestes zwyklym smieciem', 'pl.harassment.insult'],
    ['ale z ciebie frajer', 'pl.harassment.insult'],
    ['jesteś nic nie warta', 'pl.harassment.insult'],
    ['spierdalaj', 'pl.harassment.hostile'],
    ['spierdalej', 'pl.harassment.hostile'],
    ['zamknij mordę', 'pl.harassment.hostile'],
    ['nikt cię tu nie chce', 'pl.harassment.hostile'],
    // Aimed at the whole room (issue 18), with and without Polish letters.
    ['you are all pathetic losers', 'en.harassment.insult'],
    ['you guys are idiots', 'en.harassment.insult'],
    ['you people are useless', 'en.harassment.insult'],
    ['everyone here is a loser', 'en.harassment.insult'],
    ['jestescie wszyscy zalosnymi frajerami', 'pl.harassment.insult'],
    ['jesteście wszyscy żałosnymi frajerami', 'pl.harassment.insult'],
    ['wy wszyscy to debile', 'pl.harassment.insult'],
  ])('flags %s', (text, signal) => {
    const r = expectOutcome(text, 'flag', signal)
    expect(r.reason).toBe('harassment')
  })

  it.each([
    ['kys', 'en.harassment.incitement'],
    ['ky5', 'en.harassment.incitement'],
    ['just kill urself', 'en.harassment.incitement'],
    ['k1ll yourself', 'en.harassment.incitement'],
    ['go die', 'en.harassment.incitement'],
    ["I'll kill you", 'en.harassment.threat'],
    ['i know where you live', 'en.harassment.threat'],
    ['zabij się', 'pl.harassment.incitement'],
    ['zabij sie', 'pl.harassment.incitement'],
    ['idź się powieś', 'pl.harassment.incitement'],
    ['obyś zdechł', 'pl.harassment.incitement'],
    ['zabiję cię', 'pl.harassment.threat'],
    ['wiem gdzie mieszkasz', 'pl.harassment.threat'],
  ])('holds incitement and threats: %s', (text, signal) => {
    expectOutcome(text, 'hold', signal)
  })

  it('does not count reported speech or negated phrases', () => {
    expectClean('she told me to kill myself')
    expectClean('my bully told me to kys')
    expectClean('he said kys')
    expectClean("he told me I'm worthless")
    expectClean('mama mówi że jestem debilem')
    expectClean("don't kill yourself")
  })
})

describe('personal data', () => {
  it.each([
    ['call me 555 123 4567', 'pii.phone'],
    ['+48 500 600 700', 'pii.phone'],
    ['mój numer to 500 600 700', 'pii.phone'],
    ['moj nr 500600700', 'pii.phone'],
    ['zadzwoń: 500-600-700', 'pii.phone'],
    ['(+48) 500 600 700', 'pii.phone'],
    ['tel. 22 123 45 67', 'pii.phone'],
    ['text me 555-1234', 'pii.phone'],
    ['５００ ６００ ７００', 'pii.phone'],
    ['mój pesel 44051401359', 'pii.national_id'],
    ['kasia.nowak@wp.pl', 'pii.email'],
    ['kasia (at) gmail (dot) com', 'pii.email'],
    ['kasia małpa wp kropka pl', 'pii.email'],
    ['john at gmail dot com', 'pii.email'],
    ['I live at 221 Baker Street', 'pii.address'],
    ['my address is 42 Elm Close', 'pii.address'],
    ['ul. Długa 5/12', 'pii.address'],
    ['mieszkam na Marszałkowskiej 12', 'pii.address'],
    ['add me on insta @kasia_99', 'pii.handle'],
    ['add me on insta', 'pii.handle'],
    ['dm me on discord', 'pii.handle'],
    ["let's move this to telegram", 'pii.handle'],
    ['my snap is kasia', 'pii.handle'],
    ['mój snap to kasia_2001', 'pii.handle'],
    ['moj snap: kasia', 'pii.handle'],
    ['dodaj mnie na fb', 'pii.handle'],
    ['pisz na whatsappie', 'pii.handle'],
    ['przejdźmy na discorda', 'pii.handle'],
    ['ig: kasia_99', 'pii.handle'],
    ['t.me/kasia99', 'pii.handle'],
    ['kasia#1234', 'pii.handle'],
  ])('rejects %s', (text, signal) => {
    const r = expectOutcome(text, 'reject', signal)
    expect(r.reason).toBe('personal_data')
  })

  it.each(['masz snapa?', 'do you have insta?', "what's your number?", 'jesteś na discordzie?', 'podaj mi swój numer'])(
    'holds a request for contact details: %s',
    (text) => {
      const r = expectOutcome(text, 'hold', 'pii.contact_request')
      expect(r.reason).toBe('contact_request')
    },
  )

  it('reads numbers from the original text, not the de-leeted one', () => {
    // normalisation would turn these digits into letters; the phone must still be found
    expectOutcome('call me at 500 600 700', 'reject', 'pii.phone')
    expectOutcome('n4pisz 5006OO700'.replace('OO', '00'), 'reject', 'pii.phone')
  })
})

describe('self-harm method and means detail', () => {
  it.each([
    ["I'm going to take 40 paracetamol tonight and not wake up", 'en.self_harm.dose'],
    ['I took 30 pills last night', 'en.self_harm.dose'],
    ["what's the lethal dose of paracetamol", 'en.self_harm.lethal_dose'],
    ['how many pills does it take to overdose', 'en.self_harm.lethal_dose'],
    ["what's the easiest way to kill myself", 'en.self_harm.how_to'],
    ['painless way to die', 'en.self_harm.how_to'],
    ['I have a rope and a beam in the garage', 'en.self_harm.hanging'],
    ['I cut deeper this time, along the vein', 'en.self_harm.cutting'],
    ['which bridge is high enough to jump from', 'en.self_harm.height'],
    ["I've been saving up pills", 'en.self_harm.stockpile'],
    ['wzięłam 30 tabletek apapu żeby się nie obudzić', 'pl.self_harm.dose'],
    ['wziełam 40 tabletek', 'pl.self_harm.dose'],
    ['połknę całe opakowanie i skończę ze sobą', 'pl.self_harm.dose'],
    ['ile tabletek trzeba żeby umrzeć', 'pl.self_harm.lethal_dose'],
    ['ile tabletek trzeba zeby umrzec', 'pl.self_harm.lethal_dose'],
    ['śmiertelna dawka paracetamolu', 'pl.self_harm.lethal_dose'],
    ['ile trzeba wziąć, żeby się nie obudzić', 'pl.self_harm.lethal_dose'],
    ['jak się zabić bezboleśnie', 'pl.self_harm.how_to'],
    ['najszybszy sposób żeby umrzeć', 'pl.self_harm.how_to'],
    ['tnę się coraz głębiej', 'pl.self_harm.cutting'],
    ['skoczę z 10 piętra', 'pl.self_harm.height'],
    ['zbieram tabletki od miesiąca', 'pl.self_harm.stockpile'],
  ])('holds %s', (text, signal) => {
    const r = expectOutcome(text, 'hold', signal)
    expect(r.reason).toBe('self_harm_method')
  })
})

describe('spam', () => {
  const ad = 'buy cheap followers now at my shop'

  it('rejects the third copy of the same message', () => {
    expectClean(ad)
    expect(screen(ad, [ad]).outcome).toBe('deliver')
    const r = screen(ad, [ad, 'Buy cheap followers NOW at my shop!!!'])
    expect(r).toEqual({
      outcome: 'reject',
      reason: 'spam_repeat',
      signals: [{ id: 'spam.repeat', category: 'spam', outcome: 'reject' }],
    })
  })

  it('never counts short replies as repeats', () => {
    expect(screen('help me', ['help me', 'help me']).outcome).toBe('deliver')
    expect(screen('ok', ['ok', 'ok', 'ok']).outcome).toBe('deliver')
  })

  it('holds three or more links, delivers one or two', () => {
    expectOutcome('see a.com b.com c.com', 'hold', 'spam.links')
    expectOutcome('https://a.com/x http://b.org www.c.pl', 'hold', 'spam.links')
    expectClean('resources: https://988lifeline.org and https://www.samaritans.org')
    expect(screen('kasia@wp.pl', []).signals.map((s) => s.id)).not.toContain('spam.links')
  })

  it('holds a link flood spread over several messages', () => {
    const r = screen('one more http://x.com', ['http://a.com', 'http://b.com', 'see c.com d.com'])
    expect(r.outcome).toBe('hold')
    expect(r.reason).toBe('spam_links')
    expect(ids(r)).toEqual(['spam.link_flood'])
  })

  it('flags a shouting flood, delivers a single shout', () => {
    expectClean('I AM SO ANGRY RIGHT NOW')
    const r = screen('I AM SO ANGRY RIGHT NOW', ['WHY DOES NOBODY LISTEN', 'THIS IS SO UNFAIR TO ME'])
    expect(r).toMatchObject({ outcome: 'flag', reason: 'spam_shouting' })
  })
})

describe('outcome, reason and signals', () => {
  it('orders outcomes reject > hold > flag > deliver', () => {
    expect(OUTCOME_SEVERITY.reject).toBeGreaterThan(OUTCOME_SEVERITY.hold)
    expect(OUTCOME_SEVERITY.hold).toBeGreaterThan(OUTCOME_SEVERITY.flag)
    expect(OUTCOME_SEVERITY.flag).toBeGreaterThan(OUTCOME_SEVERITY.deliver)
  })

  it('lists every signal, most severe first, and takes the reason from the deciding one', () => {
    const r = screen('ty debilu, mój numer to 500 600 700')
    expect(r.outcome).toBe('reject')
    expect(r.reason).toBe('personal_data')
    expect(r.signals).toEqual([
      { id: 'pii.phone', category: 'personal_data', outcome: 'reject' },
      { id: 'pl.harassment.insult', category: 'harassment', outcome: 'flag' },
    ])
  })

  it('a hold beats a flag', () => {
    const r = screen("you're such an idiot, what's the lethal dose of paracetamol")
    expect(r.outcome).toBe('hold')
    expect(r.reason).toBe('self_harm_method')
    expect(ids(r)).toEqual(['en.self_harm.lethal_dose', 'en.harassment.insult'])
  })

  it('breaks ties between equal outcomes by category priority', () => {
    expect(CATEGORY_PRIORITY[0]).toBe('self_harm_method')
    const text = `you ${FAGGOT}, add me on insta, 40 pills tonight to die`
    const r = screen(text, [text, text])
    expect(r.outcome).toBe('reject')
    expect(r.reason).toBe('personal_data') // personal_data outranks slur and spam among the rejects
    expect(ids(r)).toEqual(['pii.handle', 'en.slur.homophobic.targeted', 'spam.repeat', 'en.self_harm.dose'])
  })

  it('lists each signal once and never puts message text in a signal', () => {
    const r = screen('you idiot, you moron, you loser, call 500 600 700 or 501 601 701')
    expect(ids(r)).toEqual(['pii.phone', 'en.harassment.insult'])
    for (const s of r.signals) expect(s.id).toMatch(/^[a-z_]+(\.[a-z_]+)+$/)
  })

  it('delivers empty and whitespace-only messages', () => {
    expectClean('')
    expectClean('   \n ')
  })
})

describe('sender notices', () => {
  it('tells the sender kindly, in their language, only when held or rejected', () => {
    expect(senderNotice(screen('mój numer to 500 600 700'), 'pl')).toMatch(/bezpiecze/)
    expect(senderNotice(screen('call me 555 123 4567'))).toMatch(/contact details/)
    expect(senderNotice(screen('śmiertelna dawka paracetamolu'), 'pl')).toMatch(/osoba prowadząca/)
    expect(senderNotice(screen('masz snapa?'))).toMatch(/facilitator/)
    expect(senderNotice(screen('ty debilu'))).toBeNull()
    expect(senderNotice(screen('hello'))).toBeNull()
  })
})

describe('robustness', () => {
  it('has no catastrophic backtracking on hostile input', () => {
    const hostile = [
      '1 '.repeat(5000),
      'a '.repeat(5000),
      'you '.repeat(3000),
      'f_'.repeat(5000),
      '@'.repeat(10000),
      'x.'.repeat(5000),
      'how to '.repeat(2000),
      'ile '.repeat(3000),
    ]
    // Speed is measured by `npm run bench`, not here; catastrophic backtracking would never finish
    // and fail this test by its timeout.
    for (const text of hostile) expect(screen(text, [text]).outcome).toEqual(expect.any(String))
  })
})
