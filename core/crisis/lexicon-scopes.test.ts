/**
 * The English scopes audit (issue 12): scopes widened so that the rules put aside what the public data's
 * negatives showed them flagging (someone else's words aimed at the speaker, a child's age or a school year
 * in the past, a resource post addressed to the reader or a group, public-health wording, a defended
 * position, "i can't come and kill myself"). Each widened scope sets its look-alike aside (the rules alone
 * say `none` and name the scope), and a first-person statement in the same form still reaches its level by
 * a rule. The examples are new: none is in the evaluation, training or public messages.
 */
import { describe, expect, it } from 'vitest'
import { expectRuleLevels } from '../../tests/support/crisis-rules.js'
import { classifyRisk } from './classifier.js'

/** The rules alone leave the text at `none` and name `scope` (the scope that set the rule aside). */
function expectScoped(cases: readonly (readonly [text: string, scope: string])[]) {
  for (const [text, scope] of cases) {
    const { level, signals } = classifyRisk(text, { rulesOnly: true })
    expect({ text, level, scoped: signals.includes(scope) }).toEqual({ text, level: 'none', scoped: true })
  }
}


describe('someone else telling the speaker to do it (person.reporting)', () => {
  it('sets aside "tell me to", "told me to", "taunt me to" said by others', () => {
    expectScoped([
      ['strangers in my replies keep telling me to kill myself over a football opinion', 'reported:en.ideation.active'],
      ['this guy in the lobby told me to kill myself because i missed one shot', 'reported:en.ideation.active'],
      ['the kids on the bus taunt me to go kill myself every morning', 'reported:en.ideation.active'],
      ['why does every comment section tell me to kill myself for liking pineapple pizza', 'reported:en.ideation.active'],
    ])
  })

  it('still flags the speaker taking it up, and a voice or an illness doing the telling', () => {
    expectRuleLevels([
      ['my uncle told me to kill myself and honestly i might', 'high', 'en.ideation.active'],
      ['my cousin told me to kill myself and i think i will tonight', 'imminent', 'en.ideation.active'],
      ['my uncle told me to kill myself. i want to kill myself anyway', 'high', 'en.ideation.active'],
      ['the voices keep telling me to kill myself', 'high', 'en.ideation.thoughts'],
      ['my head keeps telling me to kill myself and i am scared', 'high', 'en.ideation.thoughts'],
    ])
  })
})

describe('a child\'s age or a school year in the past (past.cues)', () => {
  it('sets aside what an age, a span of ages or a grade puts in the past', () => {
    expectScoped([
      ['the first time i felt suicidal i was 9', 'past:en.ideation.thoughts'],
      ['from ages 8 to 12 i would think about killing myself', 'past:en.ideation.active'],
      ['at age 14 i wanted to die, therapy changed everything', 'past:en.ideation.passive'],
      ['in 6th grade i was suicidal and nobody noticed', 'past:en.ideation.thoughts'],
    ])
  })

  it('still flags the same forms kept current, and a present age or grade', () => {
    expectRuleLevels([
      ['i was 9 the first time i felt suicidal and i feel suicidal again tonight', 'high', 'en.ideation.thoughts'],
      ['at age 14 i wanted to die and i still want to die', 'concern', 'en.ideation.passive'],
      ['im in 9th grade, feeling suicidal every single day', 'high', 'en.ideation.thoughts'],
      ['i was 2 seconds away from killing myself last night', 'high', 'en.ideation.active'],
      ['at the age of 26 i want to die', 'concern', 'en.ideation.passive'],
    ])
  })
})

describe('resource posts addressed to the reader or to a group (person.third)', () => {
  it('sets aside "if you or a loved one is feeling", "if you ever do feel", "those feeling"', () => {
    expectScoped([
      ['if you or a co-worker is feeling suicidal, the helpline is open all night', 'reported:en.ideation.thoughts'],
      ['if you ever do feel suicidal, please call someone you trust', 'reported:en.ideation.thoughts'],
      ['our charity runs free groups for those feeling suicidal', 'reported:en.ideation.thoughts'],
    ])
  })

  it('still flags the reader who answers for themself', () => {
    expectRuleLevels([
      ['if you are feeling suicidal call a helpline. i am feeling suicidal right now', 'high', 'en.ideation.thoughts'],
      ['i have those feelings of wanting to die again', 'concern', 'en.ideation.passive'],
    ])
  })
})

describe('public-health wording and idioms (idioms)', () => {
  it('sets aside awareness wording, a defended position and "cant come and kill myself"', () => {
    expectScoped([
      ['a poster on the warning signs of suicidal ideation in teenagers', 'idiom:en.suicide_topic'],
      ['the study found a rise in suicidal thinking among nurses', 'idiom:en.suicide_topic'],
      ['is pineapple on pizza really the hill you want to die on', 'idiom:en.die_on_hill'],
      ['honestly i will die on this hill, tabs beat spaces', 'idiom:en.die_on_hill'],
      ['i cant come and kill myself over one bad grade', 'idiom:en.cant_come_and_kill'],
    ])
  })

  it('still flags the speaker\'s own thoughts, a real hill and the plain statement', () => {
    expectRuleLevels([
      ['there has been an increase in my suicidal thoughts this week', 'high', 'en.ideation.thoughts'],
      ['i want to die on the hill behind the school tonight', 'concern', 'en.ideation.passive'],
      ['i cant do this anymore, i want to kill myself', 'high', 'en.ideation.active'],
    ])
  })
})
