import { describe, expect, it } from 'vitest'
import {
  classifyRisk,
  compareRisk,
  decisionParts,
  DEMOTE_BELOW,
  detectLanguage,
  CHAT_HIGH_AT,
  IMMINENT_ALONE,
  LIFT_AT,
  MARKED_MARGIN,
  RISK_LEVELS,
  type RiskLevel,
} from './classifier.js'
import { canonicalize } from './model/canonical.js'
import { loadEvalSet } from './eval/evaluate.js'
import { RISK_MODEL } from './model/risk-model.js'
import { GOODBYE_AND_MEANS_LOOK_ALIKES } from './eval/look-alikes.js'

const level = (text: string, context?: readonly string[]) => classifyRisk(text, { context }).level

function expectLevels(cases: readonly (readonly [string, RiskLevel])[]) {
  for (const [text, expected] of cases) {
    expect({ text, level: level(text) }).toEqual({ text, level: expected })
  }
}

describe('risk levels', () => {
  it('are ordered from none to imminent and compared by that order', () => {
    expect(RISK_LEVELS).toEqual(['none', 'concern', 'high', 'imminent'])
    expect(compareRisk('none', 'concern')).toBeLessThan(0)
    expect(compareRisk('imminent', 'high')).toBeGreaterThan(0)
    expect(compareRisk('high', 'high')).toBe(0)
    const shuffled: RiskLevel[] = ['high', 'none', 'imminent', 'concern']
    expect(shuffled.sort(compareRisk)).toEqual([...RISK_LEVELS])
  })
})

describe('English', () => {
  it('leaves ordinary chat at none', () => {
    expectLevels([
      ['thanks everyone, see you on thursday', 'none'],
      ['had a rough day at work but im ok', 'none'],
      ['proud of myself for going to the gym today', 'none'],
      ['', 'none'],
    ])
  })

  it('rates hopelessness and passive wishes to be dead as concern', () => {
    expectLevels([
      ['whats the point of anything anymore', 'concern'],
      ['everyone would be better off without me', 'concern'],
      ['i wish i could go to sleep and not wake up', 'concern'],
      ['i dont want to be here anymore', 'concern'],
      ['i want to die tbh', 'concern'],
    ])
  })

  it('rates active suicidal thoughts and self-harm as high', () => {
    expectLevels([
      ['i want to kill myself', 'high'],
      ['ive been having suicidal thoughts again', 'high'],
      ['i keep thinking about ending my life', 'high'],
      ['ive been cutting again', 'high'],
      ['the urge to self harm is so strong', 'high'],
    ])
  })

  it('rates a plan, means, a time, an attempt or a goodbye as imminent', () => {
    expectLevels([
      ['im going to kill myself tonight', 'imminent'],
      ['im going to hang myself', 'imminent'],
      ['i want to die, i have the pills right here in front of me', 'imminent'],
      ['i swallowed a whole bottle of pills', 'imminent'],
      ['this is my last message. goodbye forever', 'imminent'],
      ['i wrote my suicide note today', 'imminent'],
    ])
  })
})

describe('Polish', () => {
  it('leaves ordinary chat at none', () => {
    expectLevels([
      ['dzięki wszystkim, do zobaczenia w czwartek', 'none'],
      ['zabiorę się w końcu do nauki', 'none'],
      ['mam plan na ten tydzień: siłownia i sen', 'none'],
    ])
  })

  it('rates hopelessness and passive wishes to be dead as concern', () => {
    expectLevels([
      ['nie widzę już sensu w niczym', 'concern'],
      ['jestem ciężarem dla wszystkich', 'concern'],
      ['chcę umrzeć', 'concern'],
      ['nie chcę już żyć', 'concern'],
      ['nie chce mi sie zyc', 'concern'],
    ])
  })

  it('rates active suicidal thoughts and self-harm as high, whatever the inflection', () => {
    expectLevels([
      ['chcę się zabić', 'high'],
      ['zabiję się', 'high'],
      ['zabić się to jedyne wyjście', 'high'],
      ['najchętniej bym się zabiła', 'high'],
      ['mam myśli samobójcze', 'high'],
      ['znowu się tnę', 'high'],
    ])
  })

  it('reads text without Polish diacritics the same way', () => {
    expectLevels([
      ['chce sie zabic', 'high'],
      ['zabije sie', 'high'],
      ['nie chce juz zyc', 'concern'],
      ['mysle o samobojstwie', 'high'],
      ['zegnajcie na zawsze', 'imminent'],
    ])
  })

  it('rates a plan, means, a time, an attempt or a goodbye as imminent', () => {
    expectLevels([
      ['zabiję się dziś w nocy', 'imminent'],
      ['powieszę się jak wszyscy zasną', 'imminent'],
      ['wzięłam wszystkie tabletki', 'imminent'],
      ['to moja ostatnia wiadomość. żegnajcie', 'imminent'],
      ['napisałem list pożegnalny', 'imminent'],
    ])
  })
})

describe('hard negatives', () => {
  it('does not read idioms as risk, in either language', () => {
    expectLevels([
      ['this exam is killing me', 'none'],
      ['my feet are killing me', 'none'],
      ['i literally died laughing 😂', 'none'],
      ['kmsl that is hilarious', 'none'],
      ['umieram ze śmiechu', 'none'],
      ['umieram z głodu', 'none'],
      ['ten egzamin mnie zabije', 'none'],
      ['o mało się nie zabiłem na tym lodzie', 'none'],
      ['to było towarzyskie samobójstwo xD', 'none'],
    ])
  })

  it('reports idioms as signals', () => {
    expect(classifyRisk('this exam is killing me').signals).toContain('idiom:en.killing_me')
    expect(classifyRisk('umieram ze śmiechu').signals).toContain('idiom:pl.umieram_z')
  })

  it('handles negation', () => {
    expectLevels([
      ["I'm not going to kill myself", 'none'],
      ['i would never kill myself', 'none'],
      ["I'm not suicidal, just sad", 'none'],
      ['nie zamierzam się zabić', 'none'],
      ['nigdy bym się nie zabiła', 'none'],
      ['nie zabiję się', 'none'],
    ])
    expect(classifyRisk("I'm not going to kill myself").signals).toContain('negated:en.ideation.active')
  })

  it('does not let a negation reach into the next clause', () => {
    expectLevels([
      ["i'm not okay. i want to die", 'concern'],
      ['nie jest dobrze, chcę się zabić', 'high'],
    ])
  })

  it('treats a negation that is part of the phrase as meaning, not as negation', () => {
    expectLevels([
      ["i don't want to live anymore", 'concern'],
      ['everyone would be better off without me', 'concern'],
      ['nie chcę już istnieć', 'concern'],
    ])
  })

  it('handles reported speech and talk about other people', () => {
    expectLevels([
      ['my friend said she wanted to die', 'none'],
      ['my brother told me he wants to kill himself, how do i help him?', 'none'],
      ['how do you support someone who is suicidal?', 'none'],
      ['koleżanka powiedziała, że chce umrzeć', 'none'],
      ['mój brat się zabił rok temu', 'none'],
    ])
    expect(classifyRisk('my friend said she wanted to die').signals).toContain('reported:en.ideation.passive')
  })

  it('keeps the speaker in "I told my therapist I want to die"', () => {
    expect(level('i told my therapist i want to kill myself')).toBe('high')
  })

  it('handles quotes, lyrics and media', () => {
    expectLevels([
      ['"i wanna die" is literally the chorus of that song', 'none'],
      ['in the movie the main character wants to kill himself', 'none'],
      ['„chcę umrzeć” to refren tej piosenki', 'none'],
    ])
  })

  it('handles the past and recovery stories', () => {
    expectLevels([
      ['5 years ago i tried to kill myself. today i graduated', 'none'],
      ['i used to self harm, im 3 years clean now', 'none'],
      ['kiedyś codziennie chciałam umrzeć', 'none'],
    ])
  })

  it('does not flag topic words, prevention work or means in a harmless sentence', () => {
    expectLevels([
      ['I volunteer for a suicide prevention hotline', 'none'],
      ['bought a new rope for climbing', 'none'],
      ['taking my pills every morning now', 'none'],
      ['bye everyone, see you next week 👋', 'none'],
    ])
  })
})

describe('obfuscation', () => {
  it('reads chat shorthand and euphemisms', () => {
    expectLevels([
      ['kms', 'high'],
      ['honestly i just wanna kms', 'high'],
      ['thinking about unaliving myself', 'high'],
      ['i want to unalive', 'high'],
      ['been thinking about sewerslide', 'high'],
    ])
  })

  it('reads masked, spaced, stretched and leetspeak spellings', () => {
    expectLevels([
      ['i think about s*icide every day', 'high'],
      ['i want to k1ll mys3lf', 'high'],
      ['k m s', 'high'],
      ['i wanna dieeeee', 'concern'],
      ['z4b1j3 s1e', 'high'],
    ])
  })
})

describe('emoji', () => {
  it('does not raise a level on its own', () => {
    expectLevels([
      ['💊 time', 'none'],
      ['omg im dead 💀', 'none'],
    ])
  })

  it('raises a risk statement', () => {
    expect(classifyRisk('i want to die 💊💊')).toMatchObject({
      level: 'imminent',
      signals: expect.arrayContaining(['emoji.means']),
    })
    expect(level('i want to kill myself 🔪')).toBe('imminent')
    expect(level('i cant do this anymore 👋🕊️')).toBe('high')
    expect(level('chcę umrzeć 🪦')).toBe('high')
  })
})

describe('context', () => {
  it('combines a cue in this message with an earlier statement', () => {
    const result = classifyRisk('i have the pills', { context: ['i want to kill myself'] })
    expect(result.level).toBe('imminent')
    expect(result.signals).toContain('context.combined')
    expect(level('tonight', ['i want to kill myself'])).toBe('imminent')
    expect(level('mam tabletki', ['chcę się zabić'])).toBe('imminent')
  })

  it('raises a distress statement that follows earlier distress', () => {
    const result = classifyRisk('i cant do this anymore', { context: ['everything is pointless', 'i feel hopeless'] })
    expect(result.level).toBe('high')
    expect(result.signals).toContain('context.escalation')
    expect(level('nie widzę sensu', ['chcę się zabić'])).toBe('high')
  })

  it('does not flag a neutral message because of earlier ones', () => {
    expect(level('ok thanks', ['i want to kill myself'])).toBe('none')
    expect(level('dzięki', ['zabiję się dziś w nocy'])).toBe('none')
  })

  it('never lowers the level', () => {
    const samples = [
      'i want to kill myself tonight',
      'chcę umrzeć',
      'this is my last message, goodbye forever',
      'i have the pills',
      'ok thanks',
    ]
    const contexts = [
      [],
      ['hello', 'good morning'],
      ["I'm not going to kill myself"],
      ['my friend said she wanted to die'],
      ['im feeling much better'],
    ]
    for (const text of samples) {
      const alone = level(text)
      for (const context of contexts) expect(compareRisk(level(text, context), alone)).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('results', () => {
  it('report the language', () => {
    expect(classifyRisk('i want to die').language).toBe('en')
    expect(classifyRisk('chce umrzec').language).toBe('pl')
    expect(detectLanguage('Zabiję się')).toBe('pl')
    expect(detectLanguage('nie chce mi sie nic')).toBe('pl')
    expect(detectLanguage('this is fine')).toBe('en')
    // Polish letters count for Polish without a Polish word; an ASCII message is read by its words only.
    expect(detectLanguage('Żółć')).toBe('pl')
    expect(detectLanguage('zolc')).toBe('en')
  })

  it('carry stable signal ids and never message text', () => {
    const { signals } = classifyRisk('I want to kill myself tonight, goodbye everyone')
    expect(signals.length).toBeGreaterThan(0)
    for (const s of signals) expect(s).toMatch(/^(?:[a-z]+:)?[a-z]+(?:\.[a-z_]+)+$/)
  })
})

describe('rules and the risk model together', () => {
  const modelRisk = (text: string) => RISK_MODEL.score(canonicalize(text)).risk

  it('lets a rule scope win where the model alone would flag the text', () => {
    // The model alone reads these as risk; the rules' negation, reported-speech and idiom scopes set them aside.
    const negated = 'i dont want to kill myself anymore'
    expect(modelRisk(negated)).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    expect(classifyRisk(negated)).toMatchObject({ level: 'none', signals: ['negated:en.ideation.active'] })
    const never = 'i would never end my life'
    expect(modelRisk(never)).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    expect(classifyRisk(never).level).toBe('none')
    const promise = "i'm not going to end my life, i promise"
    expect(modelRisk(promise)).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    expect(classifyRisk(promise).level).toBe('none')
    for (const text of ['nie mam zamiaru sie zabic', 'nikogo by nie obeszlo gdybym jutro zniknela']) {
      expect(modelRisk(text), text).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.pl.concern * 0.8)
      expect(classifyRisk(text).level, text).toBe('none')
    }
  })

  it('catches a phrasing no rule names, in English and Polish', () => {
    for (const [text, language] of [
      ["i don't think i'll be around much longer", 'en'],
      ['i just want to stop being', 'en'],
      ['nie chce juz byc', 'pl'],
      ['wszystkim bedzie lepiej jak odejde na zawsze', 'pl'],
    ] as const) {
      expect(classifyRisk(text, { rulesOnly: true }), text).toMatchObject({ level: 'none', signals: [] })
      const result = classifyRisk(text)
      expect(compareRisk(result.level, 'concern'), text).toBeGreaterThanOrEqual(0)
      expect(result.language).toBe(language)
    }
  })

  it('explains a model decision with its level and the n-gram features that raised it', () => {
    const { level, signals } = classifyRisk("i don't think i'll be around much longer")
    expect(signals[0]).toBe(`model.score.${level}`)
    const features = signals.filter((s) => s.startsWith('model.ngram:'))
    expect(features.length).toBeGreaterThanOrEqual(1)
    expect(features.length).toBeLessThanOrEqual(3)
    for (const f of features) expect(f).toMatch(/^model\.ngram:\d+$/)
    // Ids only: no word of the message appears in a signal.
    expect(signals.join(' ')).not.toMatch(/around|longer|think/)
  })

  it('leaves ordinary chat and hard negatives alone', () => {
    expectLevels([
      ['see you all on thursday, bringing cake', 'none'],
      ['my phone is dying lol', 'none'],
      ['this traffic is killing me', 'none'],
      ['jak pomóc koleżance która się tnie?', 'none'],
      ['she told me she wants to die', 'none'],
    ])
  })

  it('rates an attempt in progress, means at hand and a goodbye as imminent in both languages', () => {
    expectLevels([
      ['took 30 of my sleeping tablets an hour ago', 'imminent'],
      ["standing on the bridge right now, i'm done", 'imminent'],
      ['i have a rope in my car', 'imminent'],
      ['wzięłam 30 tabletek nasennych godzinę temu', 'imminent'],
      ['wzielam 30 tabletek nasennych godzine temu', 'imminent'],
      ['stoję teraz na moście, mam dość', 'imminent'],
      ['stoje teraz na moscie, mam dosc', 'imminent'],
      ['mam sznur w samochodzie', 'imminent'],
      ['mam pistolet w szufladzie', 'imminent'],
    ])
    // The signals keep the formats safe messaging reads: a plan rule for means, an attempt rule.
    expect(classifyRisk('i have a rope in my car').signals).toContain('en.plan.means')
    expect(classifyRisk('mam sznur w samochodzie').signals).toContain('pl.plan.means')
    expect(classifyRisk('took 30 of my sleeping tablets an hour ago').signals).toContain('en.attempt')
  })

  it('rates a decision or a date said on its own as imminent, not the same words about something else', () => {
    expectLevels([
      ['i set a date. friday.', 'imminent'],
      ['ive made up my mind. im doing it this weekend', 'imminent'],
      ['wybrałem datę. piątek.', 'imminent'],
      ['podjęłam decyzję. zrobię to w weekend', 'imminent'],
      ['we set a date for the wedding, friday', 'none'],
      ['i picked the day. saturday. so excited for the trip', 'none'],
      ['wybrałam dzień, sobota. jedziemy nad morze', 'none'],
      ['podjęłam decyzję, zrobię to jutro - remont łazienki', 'none'],
    ])
  })

  it('rates further attempt, means-at-hand and goodbye phrasings as imminent, with and without Polish letters', () => {
    expectLevels([
      ['i overdosed on my antidepressants, feel weird', 'imminent'],
      ['the pills are kicking in now', 'imminent'],
      ["i'm up on the roof, not coming back down", 'imminent'],
      ['cars running in the garage and im in it', 'imminent'],
      ["it won't stop bleeding", 'imminent'],
      ['my dads gun is on my lap', 'imminent'],
      ['bye everyone, thank you for everything', 'imminent'],
      ['last msg from me', 'imminent'],
      ['it all ends tonight.', 'imminent'],
      ['nałykałem się prochów', 'imminent'],
      ['nalykalem sie prochow', 'imminent'],
      ['w sobotę skaczę z mostu', 'imminent'],
      ['w sobote skacze z mostu', 'imminent'],
      ['mam przy sobie broń', 'imminent'],
      ['mam przy sobie bron', 'imminent'],
      ['wypiłam wybielacz', 'imminent'],
      ['kocham was, żegnajcie', 'imminent'],
      ['kocham was, zegnajcie', 'imminent'],
      ['dziś wszystko się skończy', 'imminent'],
      ['dzis wszystko sie skonczy', 'imminent'],
    ])
    expect(classifyRisk('the pills are kicking in now').signals).toContain('en.attempt')
    expect(classifyRisk('mam przy sobie bron').signals).toContain('pl.plan.means')
    expect(classifyRisk('kocham was, zegnajcie').signals).toContain('pl.farewell')
  })

  it('keeps a goodbye for now and means in an ordinary sentence below high', () => {
    for (const text of GOODBYE_AND_MEANS_LOOK_ALIKES) {
      expect(compareRisk(level(text), 'high'), text).toBeLessThan(0)
    }
  })

  it('lets a goodbye complete a statement only the model found, but means never lift a model concern', () => {
    // No rule names these; the model reads a risk statement and the farewell cue raises it one level.
    for (const text of [
      'i am so done with all of this pain, goodbye everyone',
      'there is nothing left in me, please forgive me',
      'nie dam rady, wybaczcie mi',
    ]) {
      const result = classifyRisk(text)
      expect(classifyRisk(text, { rulesOnly: true }).level, text).toBe('none')
      const score = result.signals.find((s) => s.startsWith('model.score.'))
      expect(score, text).toBeDefined()
      const modelLevel = RISK_LEVELS.indexOf(score!.slice('model.score.'.length) as RiskLevel)
      expect(result.signals, text).toContain('model.cue')
      // Where the imminent head lifted the risk head's concern to high, the cue counts from concern.
      const riskHead = result.signals.includes('model.imminent') ? modelLevel - 1 : modelLevel
      expect(result.level, text).toBe(RISK_LEVELS[Math.min(riskHead + 1, 3)])
      expect(compareRisk(result.level, 'high'), text).toBeGreaterThanOrEqual(0)
    }
    // The model's score already counts the means words: a model concern with a means cue stays concern.
    // (The imminent head may lift it to high, model.imminent; never to imminent.)
    const means = classifyRisk('i have the pills')
    expect(modelRisk('i have the pills')).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    expect(modelRisk('i have the pills')).toBeLessThan(RISK_MODEL.thresholds.en.high)
    expect(means.signals).toContain('en.cue.means')
    expect(means.signals).not.toContain('model.cue')
    expect(compareRisk(means.level, 'imminent')).toBeLessThan(0)
  })

  it('keeps means kept for an ordinary reason below high, with no plan rule', () => {
    for (const text of [
      'i have a rope in my car for towing',
      'mam linkę holowniczą w samochodzie',
      'took 2 paracetamol for my headache',
    ]) {
      const result = classifyRisk(text)
      expect(compareRisk(result.level, 'high'), text).toBeLessThan(0)
      expect(
        result.signals.some((s) => /\.(plan|attempt)/.test(s)),
        text,
      ).toBe(false)
    }
  })
})

describe('bare mentions of suicide', () => {
  it('lets the model decide a news, third-person or flippant mention with no first person, in both languages', () => {
    for (const text of [
      'suicidal thoughts are common and treatable, says the report',
      'that last-minute overtake was suicidal',
      'w wiadomościach mówili, że myśli samobójcze są częste u nastolatków',
      'ta misja w grze to samobójstwo',
    ]) {
      const result = classifyRisk(text)
      expect(result.level, text).toBe('none')
      expect(
        result.signals.some((s) => s.startsWith('mention:')),
        text,
      ).toBe(true)
    }
    // The same words with the rules alone: set aside, not forced to a level (only the generic mention
    // names them: "was suicidal" is a statement only with the speaker as its subject).
    expect(classifyRisk('that last-minute overtake was suicidal', { rulesOnly: true })).toMatchObject({
      level: 'none',
      signals: ['mention:en.suicide.mention'],
    })
  })

  it('keeps a first-person mention at or above concern, in both languages', () => {
    for (const text of [
      'i feel suicidal',
      'my suicidal thoughts are loud today',
      'been having suicidal thoughts again',
      'suicidal.',
      'czuję się jakbym chciał umrzeć',
      'czuje sie jakbym chciala umrzec',
      'myśli samobójcze nie dają mi spokoju',
      'znowu wróciły myśli samobójcze',
      'samobójstwo',
    ]) {
      expect(compareRisk(classifyRisk(text).level, 'concern'), text).toBeGreaterThanOrEqual(0)
      expect(
        classifyRisk(text).signals.some((s) => s.startsWith('mention:')),
        text,
      ).toBe(false)
    }
  })

  it('keeps a mention with a cue or another rule to the rules', () => {
    expect(compareRisk(classifyRisk('suicide tonight, i have the pills').level, 'high')).toBeGreaterThanOrEqual(0)
    for (const text of ['suicide tonight', 'samobójstwo dziś w nocy']) {
      const result = classifyRisk(text)
      expect(compareRisk(result.level, 'concern'), text).toBeGreaterThanOrEqual(0)
      expect(
        result.signals.some((s) => s.startsWith('mention:')),
        text,
      ).toBe(false)
    }
  })
})

describe('rules added for issue 12', () => {
  it('reads "nothing keeps me here" and "nie mam po co wstawać" as hopelessness', () => {
    expectLevels([
      ["there's nothing keeping me here anymore", 'concern'],
      ['i have nothing to get up for', 'concern'],
      ['juz mnie nic nie trzyma na tym swiecie', 'concern'],
      ['nie mam po co wstawać z łóżka', 'concern'],
      ['czuję że tonę i nikt tego nie widzi', 'concern'],
    ])
    expect(classifyRisk('juz mnie nic nie trzyma na tym swiecie', { rulesOnly: true }).signals).toContain(
      'pl.hopelessness',
    )
    expect(classifyRisk('i have nothing to get up for', { rulesOnly: true }).signals).toContain('en.hopelessness')
    expect(classifyRisk('czuje ze tone w dlugach', { rulesOnly: true }).level).toBe('none')
  })

  it('reads thinking about how to do it as high, not the same words about a task', () => {
    expectLevels([
      ['ive been thinking about how i could do it', 'high'],
      ['zastanawiam się jak mogłabym to zrobić', 'high'],
      ['mysle zeby ze soba skonczyc', 'high'],
    ])
    for (const text of [
      'thinking about how i could do it better next sprint',
      'zastanawiam się jak mogłabym to zrobić lepiej w pracy',
    ]) {
      expect(classifyRisk(text, { rulesOnly: true }).level, text).toBe('none')
    }
  })

  it('masks "zabiję się z nudów" as an idiom', () => {
    expect(classifyRisk('męczę się z tym projektem, zabiję się z nudów')).toMatchObject({ level: 'none' })
    expect(classifyRisk('zabiję się z nudów').signals).toContain('idiom:pl.zabije_sie_z')
  })

  it('joins an English contraction typed with a space, so negation still applies', () => {
    expect(canonicalize('i don t want to die, i m fine')).toBe('i dont want to die, im fine')
    expect(classifyRisk('i don t want to die', { rulesOnly: true }).level).toBe('none')
  })
})

describe('demotion of hyperbole by a confident model (decision 044)', () => {
  it('reads a weak first-person statement the model is sure is not risk as hyperbole', () => {
    for (const text of [
      'ugh traffic makes me want to kill myself haha',
      'this maths homework makes me want to die lol',
    ]) {
      const result = classifyRisk(text)
      expect(result.level, text).toBe('none')
      expect(
        result.signals.some((s) => s.startsWith('demoted:en.ideation.')),
        text,
      ).toBe(true)
      // The rules alone still flag it: the model did the demoting.
      expect(classifyRisk(text, { rulesOnly: true }).level, text).not.toBe('none')
      expect(RISK_MODEL.score(canonicalize(text)).risk, text).toBeLessThan(DEMOTE_BELOW.en)
    }
  })

  it('never demotes a statement with a cue, self-harm, a short statement or one the model reads as risk', () => {
    const stand: [string, RiskLevel][] = [
      ['ugh traffic makes me want to kill myself haha, tonight', 'imminent'],
      ['i want to die lol i have the pills ready', 'imminent'],
      ['i want to kill myself', 'high'],
      ['my flatmate s cooking makes me want to cut myself lol', 'high'],
      ['honestly i just want to die, i m so tired of all of this', 'concern'],
    ]
    for (const [text, level] of stand) {
      const result = classifyRisk(text)
      expect(result.level, text).toBe(level)
      expect(
        result.signals.some((s) => s.startsWith('demoted:')),
        text,
      ).toBe(false)
    }
  })

  it('hands the evaluation a demoted message as a model decision (no rule level, the model risk that demoted it)', () => {
    const parts = decisionParts('ugh traffic makes me want to kill myself haha')
    expect(parts.level).toBe('none')
    expect(parts.ruleLevel).toBe('none')
    expect(parts.modelRisk).not.toBeNull()
    expect(parts.modelRisk!).toBeLessThan(DEMOTE_BELOW.en)
    // With demotion switched off (cut-off 0) the same message is the rules' again.
    expect(decisionParts('ugh traffic makes me want to kill myself haha', { en: 0 }).ruleLevel).toBe('high')
  })

  it('never demotes a Polish statement (no public Polish risk data to choose the cut-off on)', () => {
    expect(DEMOTE_BELOW.pl).toBe(0)
    const text = 'korki sprawiają że chcę się zabić haha'
    expect(RISK_MODEL.score(canonicalize(text)).risk).toBeLessThan(DEMOTE_BELOW.en)
    expect(classifyRisk(text).level).toBe('high')
  })

  it('does not let "die lol" after "want to" pass as the dying-laughing idiom', () => {
    expect(classifyRisk('i died laughing at that video').level).toBe('none')
    expect(classifyRisk('i want to die lol i have the pills ready').level).toBe('imminent')
  })
})

describe('advice addressed to the reader and groups of people (issue 12, public precision)', () => {
  it('reads "if you are feeling suicidal" and plural groups as about others, but not a first-person statement beside them', () => {
    expectLevels([
      ["If you're feeling suicidal or having mental health issues, there are resources", 'none'],
      ['if you have been having suicidal thoughts please reach out', 'none'],
      ['some teenagers feel suicidal after exams', 'none'],
      ["i'm suicidal and if you feel like helping, call me", 'high'],
      ['if you leave me i will kill myself', 'high'],
    ])
  })
})

describe("planning one's own suicide (issue 12, imminent in unseen phrasings)", () => {
  it("rates planning one's own suicide as imminent in both languages and any Polish verb form, not a prevention event, a negation or someone else", () => {
    expectLevels([
      ["i'm planning my suicide for saturday", 'imminent'],
      ['planuję swoje samobójstwo', 'imminent'],
      ['zaplanowalam samobojstwo', 'imminent'],
      ['we are planning a suicide prevention event', 'none'],
      ['i am not planning suicide', 'none'],
      ['nie planuję samobójstwa', 'none'],
      ['she is planning her suicide', 'none'],
    ])
  })
})

describe("cutting one's wrists in any Polish verb form (issue 12)", () => {
  it('rates it imminent in the past, present and future, not negated, in the past or about someone else', () => {
    expectLevels([
      ['podcięłam sobie żyły', 'imminent'],
      ['podetnę sobie żyły dziś', 'imminent'],
      ['przecinam nadgarstki', 'imminent'],
      ['nie podetnę sobie żył', 'none'],
      ['w liceum podcięłam sobie żyły', 'none'],
      ['brat podciął sobie żyły', 'none'],
    ])
  })
})

describe('who is speaking: addressees, object pronouns and the nearest person (issue 12, public precision)', () => {
  it('reads someone named before a comma as addressed, not as the subject of what follows', () => {
    expectLevels([
      ['sorry mom, going to kill myself', 'high'],
      ['love you mom, goodbye forever', 'imminent'],
      ['tell mom i love her, gonna end it all tonight', 'imminent'],
      ['love you all, gonna end it all tonight', 'imminent'],
      ['zanim ktokolwiek to przeczyta, mnie już nie będzie', 'imminent'],
    ])
    // A reporting verb before the comma still reports, and so does a third person with no comma.
    expect(classifyRisk('my friend said, she wants to die').signals).toContain('reported:en.ideation.passive')
    expect(classifyRisk('my sister wants to die').signals).toContain('reported:en.ideation.passive')
  })

  it('reads object pronouns as someone else, unless the speaker is nearer', () => {
    for (const text of ['i keep thinking about him wanting to die', 'it makes them want to die']) {
      expect(classifyRisk(text).signals, text).toContain('reported:en.ideation.passive')
    }
    expectLevels([
      ['i hate them so much, i want to die', 'concern'],
      ['i told her i want to die', 'concern'],
    ])
  })
})

describe('"is suicidal" with someone or something else as its subject (issue 12, public precision)', () => {
  it('leaves "pigeons are suicidal" to the model, and keeps "i was suicidal" and "my thoughts are suicidal"', () => {
    for (const text of ['i believe pigeons are suicidal', 'honestly i think that tax plan is suicidal']) {
      const result = classifyRisk(text, { rulesOnly: true })
      expect(result.signals, text).not.toContain('en.ideation.thoughts')
      expect(result.level, text).toBe('none')
    }
    expectLevels([
      ['i was suicidal all week and nobody noticed', 'high'],
      ['my thoughts are suicidal again', 'high'],
    ])
  })
})

describe('attempts in progress, means at hand and goodbyes (issue 12, imminent in both languages)', () => {
  it('rates the issue messages and general phrasings imminent by rule, in English and Polish', () => {
    for (const text of [
      'took 30 of my sleeping tablets an hour ago',
      "standing on the bridge right now, i'm done",
      'i have a rope in my car',
      "i'm holding a bottle of pills and a bottle of vodka",
      "i keep a stash of pills in my drawer for when i'm ready",
      "my uncle's rifle is in my hands",
      "to whoever reads this, i'm sorry, it's not your fault",
      "i've said my goodbyes, it's time",
      "i love you all, please don't be sad for me",
      "i wrote letters to everyone, they're on my desk",
      'wziąłem 20 tabletek nasennych godzinę temu',
      'mam żyletkę przy nadgarstku',
      'mam noz w rece i zaraz go uzyje',
      'mam strzelbę wujka w rękach',
      'do tego kto to czyta, przepraszam, to nie twoja wina',
      'pożegnałam się ze wszystkimi, już czas',
      'kocham was wszystkich, nie smuccie sie po mnie',
      'napisałem listy do wszystkich, leżą na biurku',
    ]) {
      expect({ text, level: classifyRisk(text, { rulesOnly: true }).level }).toEqual({ text, level: 'imminent' })
    }
    // Two cues of different kinds (a place and a goodbye) with no statement.
    expect(level("on the train tracks now, don't try to find me")).toBe('imminent')
  })

  it('leaves the same means, notes and goodbyes in ordinary use below imminent', () => {
    for (const text of [
      'holding a knife to cut the onions, chatting later',
      "i'm holding my meds, taking my evening dose now",
      'i keep a stash of paracetamol at home for headaches',
      'to whoever reads this review, the cafe is great',
      'i wrote letters to everyone for christmas',
      "i've said my goodbyes to my old flat, moving tomorrow",
      "please don't be sad for me, i got a new job and i'll see you next week",
      'trzymam nóż w ręce bo kroję warzywa',
      'pożegnałam się ze wszystkimi w starej pracy, od poniedziałku nowa',
      'nie smućcie się po mnie, do zobaczenia w przyszłym tygodniu',
      'napisałam listy do wszystkich na święta',
    ]) {
      expect({ text, below: compareRisk(level(text), 'imminent') < 0 }).toEqual({ text, below: true })
    }
  })
})

describe('rules added for generalisation (issue 12, second round)', () => {
  const rulesLevel = (text: string) => classifyRisk(text, { rulesOnly: true }).level

  it('reads an implied method at the tracks, a height with no subject, a recent overdose, a ligature and a goodbye euphemism as imminent', () => {
    for (const text of [
      'sitting on the platform edge waiting for the 11:40. it doesnt stop here',
      'standing by the tracks, i can hear it coming',
      'gonna step in front of the bus on the high street',
      'top floor of the car park. nobody around. its cold up here and im done',
      'on the wrong side of the railing now',
      'climbed over the railing on the bridge. water looks so calm',
      'on the roof of my building with my legs over the edge',
      'swallowed the whole blister pack 20 min ago',
      'i had maybe 25 of my antidepressants half an hour ago',
      'i took something an hour ago, feeling really dizzy',
      'cant feel my legs after all those tablets',
      'the belt is tied to the door handle',
      'knife against my arm right now and im pressing',
      'charcoal and tape are in the car, im parked in the woods',
      'before i go i just want to say you all mattered to me',
      "i won't be around to see christmas. it's decided",
      'jestem na dworcu, ekspres tu nie staje. nie wsiądę do niego',
      'stoje przy torach, slysze ze jedzie',
      'wejde pod autobus na glownej',
      'ostatnie piętro parkingu. nikogo nie ma. zimno tu i mam dość',
      'jestem po złej stronie barierki',
      'połknęłam cały blister 20 minut temu',
      'zjadlam chyba 25 moich antydepresantow pol godziny temu',
      'wzialem 40 paracetamolu o 21, zaczyna mi byc niedobrze',
      'nie czuję nóg po tych wszystkich tabletkach',
      'pasek jest przywiązany do klamki',
      'zanim odejdę chcę wam powiedzieć, że byliście dla mnie ważni',
      'nie doczekam swiat. juz zdecydowalam',
      'odchodzę na zawsze dziś w nocy',
      "the cord is around the bannister, i've tested it",
      "on the hospital roof. i'm not coming down this time",
      "took every pill in the house, it's starting to work",
      'i injected all my insulin, heart is racing',
      "this is the last you'll hear from me",
      'goodnight forever everyone',
      "i don't think i'll see the morning",
      'leze na torach za domem',
      'jestem na dachu szpitala. tym razem nie zejdę',
      'wstrzyknąłem całą insulinę, serce mi wali',
      'więcej się ode mnie nie odezwę',
      'dobranoc na zawsze wszystkim',
      'nie dożyję rana',
      'wszystko gotowe, tylko kopnąć krzesło',
    ]) {
      expect({ text, level: rulesLevel(text) }).toEqual({ text, level: 'imminent' })
    }
  })

  it('leaves the look-alikes of those rules at none: sport, repairs, commuting, routine doses, ordinary ties, goodbyes for now', () => {
    for (const text of [
      'bungee jump off the bridge this weekend, so excited',
      'standing on the roof fixing the gutter, wish me luck',
      'the express doesnt stop here so i have to change at leeds',
      'standing by the tracks taking photos of the steam train, i can hear it coming!',
      'my dog ran in front of a car yesterday, hes fine',
      'sitting on the pier with my feet over the edge, sun is out',
      'the cat is on the wrong side of the fence again',
      'took 2 paracetamol an hour ago for my headache',
      'ate the whole pizza 20 minutes ago and regret nothing',
      'had all my meds an hour ago with breakfast as usual',
      'my nan took 12 tablets a day at the end, it was a lot to manage',
      'counted out my weekly pills into the organiser',
      'the rope is tied to the tree for the kids swing',
      'the charger cable is attached to the bed frame so it doesnt fall',
      'before i go, thanks for the tips on sleep, see you next week',
      'im leaving for good, moving to canada next month, thanks for everything',
      'i wont be around to see christmas this year, working abroad',
      'bottle of wine and my pills on the table, normal friday night',
      'skakaliśmy na bungee z mostu w nowej zelandii, najlepszy dzień',
      'siedze na balkonie z herbata i patrze na zachod slonca',
      'stoję na dachu i naprawiam rynnę, trzymajcie kciuki',
      'ekspres tu nie staje, muszę się przesiąść w krakowie',
      'wejdę pod prysznic i idę spać',
      'wziąłem 2 paracetamole godzinę temu na ból głowy',
      'wziełam wszystkie leki pół godziny temu do śniadania jak zwykle',
      'lina przywiązana do drzewa, dzieciaki mają huśtawkę',
      'zanim odejdę od komputera, dzięki za linka',
      'odchodzę na dobre z tej firmy, dzięki za wszystko',
      'nie doczekam się świąt, już kupiłam prezenty',
      'butelka wina i moje tabletki na stole, zwykły piątek',
      "i won't be here tomorrow, dentist in the morning",
      'in the game you have to jump off the tower to finish the level',
      'this is my last night in paris',
      'on the roof terrace, im not coming down till the fireworks end',
      'to moja ostatnia noc w hotelu, jutro wracamy',
      'to moja ostatnia wiadomość przed urlopem',
      'pranie wisi na poręczy balkonu',
      'jestem na dachu, nie zejdę dopóki nie skończą się fajerwerki',
    ]) {
      expect({ text, level: rulesLevel(text) }).toEqual({ text, level: 'none' })
    }
  })

  it('lets a rule scope beat the model: jumping as a sport is an idiom, a man who jumped is someone else', () => {
    const sport = classifyRisk('bungee jump off the bridge this weekend, so excited')
    expect(sport.level).toBe('none')
    expect(sport.signals).toContain('idiom:en.sport_jump')
    expect(sport.signals.some((s) => s.startsWith('model.'))).toBe(false)
    const news = classifyRisk('w wiadomościach mówili że facet skoczył z mostu koło mojej uczelni')
    expect(news.level).toBe('none')
    expect(news.signals).toContain('reported:pl.plan.method')
    const never = classifyRisk('nigdy nie odebrałabym sobie życia, dzieci mnie potrzebują')
    expect(never.level).toBe('none')
    expect(never.signals).toContain('negated:pl.ideation.active')
  })
})

describe('the imminent head and scope words in the combined decision (issue 12, second round)', () => {
  const liftAt = (language: 'en' | 'pl') => Math.max(RISK_MODEL.thresholds[language].imminent, LIFT_AT[language])

  it('lifts a model concern to high where the imminent head is sure, but never to imminent by means words', () => {
    const lifted = "this is the last time i'll feel this"
    expect(classifyRisk(lifted, { rulesOnly: true }).signals).toEqual([])
    const scores = RISK_MODEL.score(canonicalize(lifted))
    expect(scores.risk).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    expect(scores.risk).toBeLessThan(RISK_MODEL.thresholds.en.high)
    expect(scores.imminent).toBeGreaterThanOrEqual(liftAt('en'))
    const result = classifyRisk(lifted)
    expect(result.level).toBe('high')
    expect(result.signals).toEqual(expect.arrayContaining(['model.score.high', 'model.imminent']))
    // A means cue does not take a lifted level to imminent: the imminent head already read "rope".
    const withMeans = classifyRisk("i have a rope and this is the last time i'll feel this")
    expect(withMeans.level).toBe('high')
    expect(withMeans.signals).toContain('model.imminent')
  })

  it('does not lift a tuning row below imminent (how LIFT_AT is chosen), "everything feels heavy" among them', () => {
    // A concern the rules leave to the model: the lift's rule counts it (risk at concern, below high),
    // and its imminent score stays below LIFT_AT.
    const text = 'everything feels heavy and i cant get out of bed'
    expect(classifyRisk(text, { rulesOnly: true }).signals).toEqual([])
    const scores = RISK_MODEL.score(canonicalize(text))
    expect(scores.risk).toBeGreaterThanOrEqual(RISK_MODEL.thresholds.en.concern)
    expect(scores.risk).toBeLessThan(RISK_MODEL.thresholds.en.high)
    expect(scores.imminent).toBeLessThan(liftAt('en'))
    expect(classifyRisk(text).level).toBe('concern')
    expect(classifyRisk(text).signals).not.toContain('model.imminent')
    expect(compareRisk(classifyRisk(text).level, 'high')).toBeLessThan(0)
    // Every own tuning row (never a held-out one) below imminent stays unlifted, in both languages.
    const tuning = loadEvalSet().filter((m) => !(m.note ?? '').split(',').includes('heldout') && m.level !== 'imminent')
    expect(tuning.length).toBeGreaterThan(400)
    const lifted = tuning.filter((m) => classifyRisk(m.text).signals.includes('model.imminent'))
    expect(lifted.length).toBe(0)
  })

  it('counts a margin against the model only where the message carries a scope word the rules read', () => {
    // The shipped margin is 0 (the sweep keeps every own at-risk message); a margin, where set,
    // lowers the model's risk for a message with a negator, another person or the past only.
    expect(MARKED_MARGIN).toEqual({ en: 0, pl: 0 })
    const marked = 'i never thought it would come to this, there is nothing left'
    const plain = 'im sitting in the dark with everything i need'
    const before = decisionParts(marked)
    const after = decisionParts(marked, undefined, { en: 0.3 })
    expect(before.level).toBe('concern')
    expect(after.level).toBe('none')
    expect(after.modelRisk! - before.modelRisk!).toBeCloseTo(-0.3, 6)
    expect(decisionParts(plain, undefined, { en: 0.3 })).toEqual(decisionParts(plain))
    expect(compareRisk(decisionParts(plain).level, 'high')).toBeGreaterThanOrEqual(0)
  })
})

describe('whole-message scopes and the imminent head alone (issue 12, fifth round, decision 058)', () => {
  const rulesSilent = (text: string) => classifyRisk(text, { rulesOnly: true }).signals.length === 0
  // decisionParts gives the model's risk only where no rule spoke and no whole-message scope set
  // the model aside: null for these rule-silent messages means the scope silenced it.
  const heard = (text: string) => decisionParts(text).modelRisk !== null

  it('hears an attempt that drops "I" although another person is its object or a verb reports', () => {
    for (const text of [
      'crushed them all into the drink. drinking it now',
      'pls dont call anyone, its happening now',
      'wrote the note and left it on the table',
      'tabletki naszykowane, połknę je jak tata wyjdzie do pracy',
      'piszę to ostatni raz, przepraszam was wszystkich',
    ]) {
      expect({ text, rulesSilent: rulesSilent(text), heard: heard(text) }).toEqual({
        text,
        rulesSilent: true,
        heard: true,
      })
      expect(classifyRisk(text).signals, text).not.toContain('model.scoped.reported')
    }
    // Where the model is sure, such a message now reaches a clinician.
    for (const text of ['wrote the note and left it on the table', 'piszę to ostatni raz, przepraszam was wszystkich'])
      expect(compareRisk(level(text), 'high'), text).toBeGreaterThanOrEqual(0)
  })

  it('still sets the model aside where someone else is the subject, in English and Polish', () => {
    for (const text of [
      'my friend said she took all her pills',
      'she wrote the note and left it on the table',
      'my dad opened the garage and started the car to defrost it',
      'kolega napisał mi, że ma już linę i zrobi to dziś',
      'on stoi na krawędzi dachu i nie odbiera',
      'moja siostra mówi że dziś w nocy skończy ze wszystkim',
    ]) {
      expect({ text, rulesSilent: rulesSilent(text), heard: heard(text) }).toEqual({
        text,
        rulesSilent: true,
        heard: false,
      })
      expect(level(text), text).toBe('none')
    }
    // The same words in the speaker's own mouth are heard.
    expect(heard('wrote the note and left it on the table')).toBe(true)
    // A reporting verb whose subject is someone else keeps it reported although "me" is there.
    expect(heard('my friend told me she has the pills ready')).toBe(false)
    expect(classifyRisk('she wrote the note and left it on the table').signals).toContain('model.scoped.reported')
    expect(classifyRisk('on stoi na krawędzi dachu i nie odbiera').signals).toContain('model.scoped.reported')
  })

  const scores = (text: string) => RISK_MODEL.score(canonicalize(text))
  const alone = (language: 'en' | 'pl') =>
    Math.max(RISK_MODEL.thresholds[language].imminent, LIFT_AT[language], IMMINENT_ALONE[language])
  /** The risk head below its concern cut-off, the imminent head at or above the path's cut-off. */
  const calmButImminent = (text: string, language: 'en' | 'pl') => {
    const p = scores(text)
    return p.risk < RISK_MODEL.thresholds[language].concern && p.imminent >= alone(language)
  }

  it('lets a sure imminent head give high alone where the risk head stays calm, never imminent', () => {
    for (const [text, language] of [
      ['im tying the rope to the banister now, goodbye', 'en'],
      ['at the edge of the cliff path now, the wind is strong', 'en'],
      ['listy zostawiłam na stole, kot u sąsiadki, dzisiaj w nocy', 'pl'],
    ] as const) {
      expect({ text, rulesSilent: rulesSilent(text), calm: calmButImminent(text, language) }).toEqual({
        text,
        rulesSilent: true,
        calm: true,
      })
      const result = classifyRisk(text)
      // A goodbye or means cue combines as with a lifted level: high, never imminent by the model.
      expect({ text, level: result.level }).toEqual({ text, level: 'high' })
      expect(result.signals).toEqual(expect.arrayContaining(['model.score.high', 'model.imminent.alone']))
      expect(result.signals).not.toContain('model.imminent')
      expect(result.language).toBe(language)
    }
    // Below the cut-off the calm risk head still decides (the chat head stays below its own too).
    const below = 'took my pills this morning'
    expect(scores(below).risk).toBeLessThan(RISK_MODEL.thresholds.en.concern)
    expect(scores(below).imminent).toBeLessThan(alone('en'))
    expect(scores(below).chat).toBeLessThan(CHAT_HIGH_AT.en)
    expect(level(below)).toBe('none')
    // Below it, the imminent head alone gives nothing; another head may (here the chat head).
    const water = "the water is up to my chest now and i'm still walking out"
    expect(scores(water).imminent).toBeLessThan(alone('en'))
    expect(classifyRisk(water).signals).not.toContain('model.imminent.alone')
    expect(compareRisk(level(water), 'high')).toBeGreaterThanOrEqual(0)
  })

  it('leaves scoped and rule-decided messages alone, and no tuning row below imminent reaches it', () => {
    // Someone else is the subject: the whole-message scope still sets the model aside.
    for (const [text, language] of [
      ['my sister texted: standing on the ledge of the car park roof now', 'en'],
      ['ona pisze: czas na mnie. tabletki wzięte, drzwi na klucz', 'pl'],
    ] as const) {
      expect({ text, rulesSilent: rulesSilent(text), calm: calmButImminent(text, language) }).toEqual({
        text,
        rulesSilent: true,
        calm: true,
      })
      expect(classifyRisk(text)).toMatchObject({ level: 'none', signals: ['model.scoped.reported'] })
    }
    // An idiom keeps the model out of its own sentence only (decision 060, which replaced decision
    // 022's whole-message reading): the imminent head reads the sentence beside it.
    expect(calmButImminent('im tying the rope to the banister now', 'en')).toBe(true)
    expect(classifyRisk('im tying the rope to the banister now').signals).toContain('model.imminent.alone')
    const idiom = classifyRisk('phone is dying. im tying the rope to the banister now')
    expect(idiom.level).toBe(level('im tying the rope to the banister now'))
    expect(idiom.signals).toContain('idiom:en.dead_tired')
    // How the cut-off was guarded (scripts/crisis-cv.ts --imminent-alone): no own tuning row below
    // imminent (never a held-out one) gets high from the imminent head alone.
    const tuning = loadEvalSet().filter((m) => !(m.note ?? '').split(',').includes('heldout') && m.level !== 'imminent')
    expect(tuning.length).toBeGreaterThan(400)
    expect(tuning.filter((m) => classifyRisk(m.text).signals.includes('model.imminent.alone'))).toEqual([])
  })
})

describe('English attempt, means and goodbye rules of the third round (issue 12)', () => {
  const rules = (text: string) => classifyRisk(text, { rulesOnly: true })

  it('reads an attempt or means phrased in new ways as imminent, by a rule alone', () => {
    for (const text of [
      'downed my entire bottle of sertraline',
      'took my whole week of meds at once',
      'popped every tablet in the cupboard',
      'tablets lined up on the desk, 40 of them',
      'walking onto the motorway now',
      'gonna step into the traffic on the ring road',
      'exhaust pipe taped into the car window',
      'engine running with the garage door shut',
      'made the knot and tested it holds my weight',
      "made my peace. rope's ready",
      'on the roof of my building, gonna step off',
      "on the 14th floor balcony and i'm climbing over",
      'lying on the tracks, can feel the rails humming',
      'on the tracks, the 11:40 comes through soon',
      'climbed over the fence on the bridge',
    ]) {
      const result = rules(text)
      expect({ text, level: result.level }).toEqual({ text, level: 'imminent' })
      expect(
        result.signals.some((s) => /^en\.(?:attempt|plan\.)/.test(s)),
        text,
      ).toBe(true)
    }
  })

  it('reads goodbye euphemisms as imminent', () => {
    for (const text of [
      'checking out for good, love you all',
      'cya never',
      "don't look for me.",
      "i'll be gone before morning",
      "gave away my stuff, won't need it where i'm going",
      "please look after my cat when i'm gone",
    ]) {
      const result = rules(text)
      expect({ text, level: result.level }).toEqual({ text, level: 'imminent' })
      expect(result.signals, text).toContain('en.farewell')
    }
  })

  it('leaves the look-alikes of those rules to the model: no rule fires on them', () => {
    for (const text of [
      'ran into traffic on the motorway, home late',
      'walking into traffic on the bridge was scary, the crossing was closed',
      'my pills are lined up in the weekly organiser',
      'the mechanic put a hose into the car to fix the leak',
      'ran the hose into the car boot to wash it out',
      'tested the rope holds my weight at the climbing wall',
      'checked the hammock holds my weight',
      'checking out of the hotel tonight',
      'see you never lol jk see you monday',
      "don't look for me at the party, i'm not going",
      "don't look for me, i'm at work",
      "i'll be gone by morning, early flight to rome",
      "won't need a coat where i'm going, spain baby",
      'took my sertraline this morning as usual',
      'took 2 codeine for my toothache',
      'the climbing ropes ready for saturday',
      "please look after my cat when i'm gone on holiday",
      'on the balcony, gonna let go of all the stress and read',
      'on the roof fixing tiles, about to step off the ladder',
      'the cat was lying on the tracks of the toy train',
      'climbed over the fence on the bridge to get the ball',
    ]) {
      expect({ text, level: rules(text).level }).toEqual({ text, level: 'none' })
    }
  })
})

describe('attempt, means and goodbye rules of the fourth round (issue 12, imminent without the usual words)', () => {
  const rules = (text: string) => classifyRisk(text, { rulesOnly: true })

  it('reads an ingestion told by its effect, source or amount, a sealed car, water, a last step and a bag as imminent', () => {
    for (const text of [
      'swallowed the lot about twenty min ago',
      'so sleepy now from what i took. night everyone',
      "i've taken the lot with a bottle of wine",
      'downed a bottle of gin and whatever was in the first aid box',
      '40 tramadol down, heart is doing weird things',
      'tablets r kicking in, room is spinning',
      'cut way deeper than usual, feeling faint',
      'on the windowsill with my legs outside, so high up',
      'eleven floors up, one step and its over',
      'the bag is over my head, typing this',
      'sat in the car, engine on, windows taped up',
      'lit the charcoal in the tent and zipped it shut',
      'chair is under the beam. just need to kick it',
      'got my grandads shotgun out of the cupboard',
      'walking into the sea now, no coat',
      'gonna let the current take me',
      'by sunrise it will be over',
      'tonight it finishes.',
    ]) {
      const result = rules(text)
      expect({ text, level: result.level }).toEqual({ text, level: 'imminent' })
      expect(
        result.signals.some((s) => /^en\.(?:attempt|plan\.)/.test(s)),
        text,
      ).toBe(true)
    }
  })

  it('reads goodbyes without the word goodbye as imminent, in English and Polish', () => {
    for (const text of [
      "won't be around after tonight. please don't make it a big thing",
      "i'm not gonna be here when you wake up. love u",
      'genuinely its been lovely knowing every one of you',
      'it was nice knowing u all',
      'signing off for the last time',
      'if youre reading this ive already gone through with it',
      'if ur reading this its too late',
      'just wanted to say thank you before i do it in a bit',
      'nobody has to worry about me after tonight',
      "there won't be a next week for me",
      'było miło was wszystkich poznać',
      'wylogowuję się stąd na zawsze',
    ]) {
      const result = rules(text)
      expect({ text, level: result.level }).toEqual({ text, level: 'imminent' })
      expect(
        result.signals.some((s) => /^(?:en|pl)\.farewell$/.test(s)),
        text,
      ).toBe(true)
    }
  })

  it('reads a recent attempt as high, and a burden, a wish not to wake up and working out how as their levels', () => {
    expect(rules('tried to end it on sunday. woke up in hospital').signals).toContain('en.ideation.active')
    expect(rules('tried to end it on sunday. woke up in hospital').level).not.toBe('none')
    expect(rules("i'd be fine if i just didnt wake up").level).toBe('concern')
    expect(rules('i feel like im just taking up space here').level).toBe('concern')
    expect(rules('stopped caring what happens to me').level).toBe('concern')
    expect(rules("i want to die and i've started working out how i'd do it").level).toBe('high')
    // A height counted in floors is a means cue: with a goodbye it is imminent, alone it is nothing.
    expect(rules('top of the stairwell in the tower block, 22 floors up. goodbye x').level).toBe('imminent')
    expect(rules('the lifts are broken and im 22 floors up').level).toBe('none')
  })

  it('leaves the same words in ordinary use to the model: no rule fires on them', () => {
    for (const text of [
      'took the whole lot of recycling to the tip an hour ago',
      'so drowsy from what i took for my hay fever',
      'took the lot with a bottle of wine to the picnic',
      'took everything out of the medicine cabinet to clean it',
      '20 tablets down, 10 to go on this antibiotics course',
      "tablets r in the cupboard, i'll take one later",
      'my meds are kicking in, feel calmer',
      'the antidepressants are kicking in, mood is better this week',
      'cut the wood deeper than i meant',
      'sitting on the windowsill with my legs outside in the sun',
      "one more step and it's over, last mile of the marathon",
      'i want to put a bag over my head lol',
      'sat in the car with the engine on to keep warm',
      'got the shotgun out of the cupboard to clean it',
      'walked into the sea up to my chest with the kids, so refreshing',
      'in a few hours it will be over, the exam i mean',
      'tonight it ends, the series finale',
      "won't be around after tonight, going off grid camping for the weekend",
      "i won't be here when you wake up, flight is at 6",
      'its been great knowing you all, good luck with the new job',
      'it was lovely knowing you all, see you at the reunion',
      'logging off for good, this app is toxic',
      "if you're reading this i'm already gone to bed lol",
      'thanks for the tips, gonna practise before i do it',
      'tried to end things with him last week',
      'my boxes are taking up space in the hall',
      "tell my sister i'm sorry i missed her call",
      "there's blood everywhere, the dog cut his paw on glass",
      'powiedz siostrze, ze przepraszam, ze nie odebralam, telefon mi padl',
      'wylogowuje sie na zawsze z fejsa',
    ]) {
      expect({ text, level: rules(text).level }).toEqual({ text, level: 'none' })
    }
  })
})

describe('rule scopes bounded by sentence, clause and subject (issue 12, sixth round, decision 060)', () => {
  const rules = (text: string) => classifyRisk(text, { rulesOnly: true })

  it("reads a rule's look-alike words only in the match's own sentence, in English and Polish", () => {
    // The ordinary-use word sits in another sentence: the rule stands.
    for (const text of [
      "tell my mum i'm sorry. i was always late for everything. goodbye",
      'im standing on the bridge. i used to come here for the view',
      'stoję na moście. kiedyś przychodziłam tu oglądać zachody słońca',
    ]) {
      expect({ text, level: rules(text).level }).toEqual({ text, level: 'imminent' })
    }
    // The same words in the match's own sentence still set it aside.
    for (const text of [
      "tell my mum i'm sorry i'm late for dinner",
      'im standing on the bridge taking photos of the view',
      'stoję na moście i oglądam zachód słońca',
    ]) {
      expect({ text, level: rules(text).level }).toEqual({ text, level: 'none' })
    }
  })

  it('reads a goodbye bounded by today or this week in its own sentence as one for now', () => {
    for (const text of [
      'last message from me today, off to therapy',
      'my last message this week, exams start monday',
      'ostatnia wiadomość ode mnie dzisiaj, idę na terapię',
      'to moja ostatnia wiadomość w tym tygodniu, mam sesję',
    ]) {
      expect({ text, rules: rules(text).level }).toEqual({ text, rules: 'none' })
      expect(compareRisk(level(text), 'high'), text).toBeLessThan(0)
    }
    // "today" in another sentence does not bound the goodbye; a final goodbye stays imminent.
    for (const text of [
      'this is my last message. today i end it',
      'my last message today: goodbye forever',
      'to moja ostatnia wiadomość. dzisiaj to zrobię',
    ]) {
      expect({ text, level: level(text) }).toEqual({ text, level: 'imminent' })
    }
  })

  it("lets the model read the sentences beside an idiom, never the idiom's own sentence", () => {
    for (const [idiom, text] of [
      ['phone is dying.', 'im tying the rope to the banister now'],
      ['my boss is killing me.', 'walking to the bridge with the rope'],
      ['umieram z nudów.', 'przywiązuję linę do poręczy'],
    ] as const) {
      const alone = decisionParts(text)
      const beside = decisionParts(`${idiom} ${text}`)
      // The model reads the serious sentence as if the idiom's sentence were not there.
      expect(beside.modelRisk, text).not.toBeNull()
      expect(beside.modelRisk, text).toBeCloseTo(alone.modelRisk!, 6)
      expect(beside.level, text).toBe(alone.level)
      expect(
        classifyRisk(`${idiom} ${text}`).signals.some((s) => s.startsWith('idiom:')),
        text,
      ).toBe(true)
    }
    // The idiom's own sentence, or an idiom with its harmless words in the same sentence, stays none.
    for (const text of [
      'this exam is killing me lol',
      'phone is dying, brb',
      'my boss is killing me. i need a holiday',
    ]) {
      expect({ text, level: level(text) }).toEqual({ text, level: 'none' })
    }
  })

  it('reads a name with a third-person verb, and a third-person reporting verb alone, as someone else', () => {
    // Whole-message scope: the model is set aside (decisionParts gives no model risk).
    for (const text of [
      'sarah said she took all her pills',
      'sarah told me she has a rope in her car',
      'powiedziała, że jest na moście',
      'słuchaj, Ola jest na moście i chce skoczyć',
    ]) {
      expect({ text, modelRisk: decisionParts(text).modelRisk }).toEqual({ text, modelRisk: null })
    }
    // A rule phrase after a capitalised name with a third-person verb is reported.
    expect(rules('omg Sarah is going to jump off the bridge').signals).toContain('reported:en.plan.method')
    expect(level('omg Sarah is going to jump off the bridge')).toBe('none')
    // The speaker's own words stay the speaker's: a name as an object, an addressee, another sentence.
    for (const text of [
      'i told Sarah i took all my pills',
      'Sarah, i took all my pills',
      'omg Sarah is here. im going to jump off the bridge',
      'ja powiedziałam, że wzięłam wszystkie tabletki',
    ]) {
      expect({ text, level: level(text) }).toEqual({ text, level: 'imminent' })
    }
    // A word before a reporting verb is a name only with another person right after the verb.
    expect(decisionParts('already wrote the note and posted it to my mum').modelRisk).not.toBeNull()
  })

  it("sets aside cues in someone else's reported words or situation", () => {
    for (const text of [
      'my coworker said he was on the roof ready to jump',
      'my coworker Sarah is on the roof ready to jump',
    ]) {
      expect({ text, level: level(text) }).toEqual({ text, level: 'none' })
    }
    expect(compareRisk(level('kolega napisał, że kupił sznur. żegnajcie wszyscy'), 'imminent')).toBeLessThan(0)
    // The speaker's own cues beside another person's words keep their level.
    for (const text of [
      'my coworker said hi. im on the roof ready to jump',
      'i said im on the roof ready to jump',
      'tell my mum im sorry for everything. goodbye forever',
      'kolega napisał cześć. kupiłem sznur. żegnajcie wszyscy',
    ]) {
      expect({ text, level: level(text) }).toEqual({ text, level: 'imminent' })
    }
  })

  it('reads a weekday with a past-tense verb as a day gone by, and a past marker after a comma as the past', () => {
    for (const text of ['tried to end it on sunday', 'próbowałam się zabić w niedzielę']) {
      expect({ text, level: level(text) }).toEqual({ text, level: 'high' })
    }
    for (const text of [
      'i want to kill myself on sunday',
      'chcę się zabić w niedzielę',
      'i will end it all on friday',
    ]) {
      expect({ text, level: level(text) }).toEqual({ text, level: 'imminent' })
    }
    for (const text of ['i tried to kill myself, two years ago', 'próbowałam się zabić, dwa lata temu']) {
      expect({ text, rules: rules(text).level }).toEqual({ text, rules: 'none' })
      expect(
        rules(text).signals.some((s) => s.startsWith('past:')),
        text,
      ).toBe(true)
    }
    // The marker must be the clause's own: the speaker's words after it keep the phrase current.
    expect(rules('i want to kill myself, years ago i was happy').level).toBe('high')
    expect(compareRisk(level("i planned my suicide last year but i'm better now"), 'high')).toBeLessThan(0)
  })
})

describe('ordinary doses set their sentence aside for the model (issue 12, seventh round, decision 066)', () => {
  const scores = (text: string) => RISK_MODEL.score(canonicalize(text))
  /** Whether the model's own heads, reading the whole message, would give it concern or more. */
  const modelWouldRaise = (text: string, language: 'en' | 'pl') => {
    const p = scores(text)
    const t = RISK_MODEL.thresholds[language]
    return (
      p.risk >= t.concern ||
      p.imminent >= Math.max(t.imminent, LIFT_AT[language], IMMINENT_ALONE[language]) ||
      p.chat >= CHAT_HIGH_AT[language]
    )
  }

  it('reads a routine, prescribed or mealtime dose as no risk in English and Polish, where the model alone would raise some', () => {
    for (const [text, language] of [
      ['taking my pills every morning now', 'en'],
      ['swallowed my tablets every morning now', 'en'],
      ['i take my meds as prescribed', 'en'],
      ['taking my tablets as prescribed now', 'en'],
      ['took my tablets with breakfast', 'en'],
      ['swallowed my pills with breakfast', 'en'],
      ['took my meds before bed', 'en'],
      ['biorę tabletki codziennie rano', 'pl'],
      ['łykam leki do śniadania, tak jak przepisał lekarz', 'pl'],
      ['biorę leki zgodnie z zaleceniami lekarza', 'pl'],
      ['wzięłam poranne tabletki', 'pl'],
      ['łyknęłam tabletki przed snem', 'pl'],
      ['wzięłam leki na noc', 'pl'],
    ] as const) {
      const result = classifyRisk(text)
      expect({ text, level: result.level, language: result.language }).toEqual({ text, level: 'none', language })
      expect(result.signals, text).toEqual([`dose:${language}.routine_dose`])
    }
    // The scope does the work: the model's heads on the whole text would raise these (the lift, the
    // imminent head alone, the chat head), in both languages.
    for (const [text, language] of [
      ['swallowed my tablets every morning now', 'en'],
      ['wzięłam poranne tabletki', 'pl'],
      ['łyknęłam tabletki przed snem', 'pl'],
      ['wzięłam leki na noc', 'pl'],
    ] as const)
      expect({ text, raise: modelWouldRaise(text, language) }).toEqual({ text, raise: true })
  })

  it('still raises an overdose of a routine medicine, by a rule or by the model', () => {
    for (const text of ['took all my morning pills at once', 'wziąłem wszystkie tabletki na raz']) {
      const result = classifyRisk(text)
      expect({ text, high: compareRisk(result.level, 'high') >= 0 }).toEqual({ text, high: true })
      expect(
        result.signals.some((s) => s.startsWith('dose:')),
        text,
      ).toBe(false)
    }
    // No rule names it (the rules read "poranne" as a dose); an amount ("wszystkie", "na raz") keeps
    // the sentence read, and the model raises it.
    const overdose = 'wzięłam wszystkie poranne tabletki na raz'
    expect(classifyRisk(overdose, { rulesOnly: true }).signals).toEqual([])
    const result = classifyRisk(overdose)
    expect(result.level).toBe('high')
    expect(result.signals).toContain('model.score.high')
    expect(result.signals.some((s) => s.startsWith('dose:'))).toBe(false)
  })

  it('sets aside the dose sentence only: the model reads the sentence beside it', () => {
    const text = 'took my pills with breakfast. im tying the rope to the banister now'
    const result = classifyRisk(text)
    expect(result.level).toBe(level('im tying the rope to the banister now'))
    expect(compareRisk(result.level, 'high')).toBeGreaterThanOrEqual(0)
    expect(result.signals).toEqual(expect.arrayContaining(['dose:en.routine_dose', 'model.imminent.alone']))
  })

  it('sets aside the dose clause only: the model reads the clause after its comma', () => {
    const text = 'taking my pills with breakfast, then leaving the letters on the table tonight'
    // No rule decides it: the model's reading of the goodbye beside the dose is what raises it.
    expect(compareRisk(classifyRisk(text, { rulesOnly: true }).level, 'high')).toBeLessThan(0)
    const result = classifyRisk(text)
    expect(compareRisk(result.level, 'high')).toBeGreaterThanOrEqual(0)
    expect(result.signals).toEqual(expect.arrayContaining(['dose:en.routine_dose', 'model.imminent.alone']))
    // A dose and an ordinary clause beside it stay none.
    for (const ordinary of ['just took my meds with dinner, going to bed now', 'wzięłam leki na noc, idę spać'])
      expect({ ordinary, level: classifyRisk(ordinary).level }).toEqual({ ordinary, level: 'none' })
  })
})
