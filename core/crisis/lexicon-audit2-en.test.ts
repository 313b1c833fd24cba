/**
 * Third English rules audit (issue 12, audit set 2): the forms a new writer's English messages used that no rule
 * read (farmers, gamers, new mothers, chronic pain, debt, religious writers, mid-thread replies, fast typing). Each
 * form is rated at its level by a rule (not by the model), and each harmless look-alike (food, a dose, a farm or
 * garden job, a game, a hobby, a trip, the news, someone else, a negation) is left alone by the rules. The examples
 * are new: none is a row of the audit sets, the evaluation or the training messages.
 */
import { describe, expect, it } from 'vitest'
import { expectRuleLevels, expectRulesSilent } from '../../tests/support/crisis-rules.js'
import { classifyRisk } from './classifier.js'

describe('Third English rules audit (issue 12, audit set 2): attempts, means and plans', () => {
  it('reads an overdose told by a new verb, a misspelling, its effect, its source or what was needed', () => {
    expectRuleLevels([
      ['washed down the entire box of zopiclone with cider an hour ago', 'imminent', 'en.attempt'],
      ['just washed down a whole bottle of my sertraline', 'imminent', 'en.attempt'],
      ['ive swallowed the hole bottle of diazepam', 'imminent', 'en.attempt'],
      ['necked the lot and its kicking in now', 'imminent', 'en.attempt'],
      ['took the lot. theyre kicking in', 'imminent', 'en.attempt'],
      ['injected my entire insulin pen and im not eating anything tonight', 'imminent', 'en.attempt'],
      ['emptied the whole pill box into my mouth just now', 'imminent', 'en.attempt'],
      ['already swallowed what i had saved up', 'imminent', 'en.attempt'],
      ['ive taken what i needed to take. dont call anyone', 'imminent', 'en.attempt'],
    ])
  })

  it('reads a car shut in with its engine on, gas left unlit, a goodbye or distress and then a height', () => {
    expectRuleLevels([
      ["van's in the garage, shutter down, and the engine is running", 'imminent', 'en.attempt'],
      ['turned all the burners on the hob on and didnt light them', 'imminent', 'en.attempt'],
      ['im not okay. im sitting on top of the car park roof', 'imminent', 'en.attempt'],
      ['said goodbye to my sister. im at the edge of the cliffs now', 'imminent', 'en.attempt'],
      ['messaged my dad goodbye. now im on the bridge', 'imminent', 'en.attempt'],
      ['standing on the railwy tracks, the 6:10 comes through any minute', 'imminent', 'en.attempt'],
      ['top of the multi-storey with my legs over the edge', 'imminent', 'en.attempt'],
    ])
  })

  it('reads means beside the speaker, stones by the water, a hidden or extra supply', () => {
    expectRuleLevels([
      ['my dads pistol is on the table beside me', 'imminent', 'en.plan.means'],
      ['the rope from the garage is in my lap', 'imminent', 'en.plan.means'],
      ['filled my coat pockets with rocks, walking down to the canal', 'imminent', 'en.plan.means'],
      [
        'kept back a months worth of quetiapine and the diazepam i never took. its all hidden',
        'imminent',
        'en.plan.means',
      ],
      ['bought another pack of co-codamol so i have enough', 'imminent', 'en.plan.means'],
    ])
  })

  it('reads where the body will be found, affairs put in order before a set time, letters located, an end here', () => {
    expectRuleLevels([
      ['dont want my parents finding me in my room', 'imminent', 'en.plan.method'],
      ['hope its not my little brother who finds me', 'imminent', 'en.plan.method'],
      ['made a will last night and paid off my debts. today is the day', 'imminent', 'en.plan.method'],
      ['notes for all of you are under my pillow', 'imminent', 'en.plan.method'],
      ['this is where it all ends.', 'imminent', 'en.plan.method'],
      ['this is the last thing i will ever post', 'imminent', 'en.farewell'],
      ['im taking them all once the baby is asleep', 'imminent', 'en.plan.method'],
      ['my plan is the railway line near the school', 'imminent', 'en.plan.method'],
      ['the plan is the pills and a bottle of vodka', 'imminent', 'en.plan.method'],
      ['drank a cup of antifreeze', 'imminent', 'en.attempt'],
      ['i just cut\nso deep tonight', 'imminent', 'en.attempt'],
      ['ive cut myself. really deep this time', 'imminent', 'en.attempt'],
      ['ive had 40 of my sertraline', 'imminent', 'en.attempt'],
      ['idk why im telling u but ive just had 30 of my codeine', 'imminent', 'en.attempt'],
      ['downed the bottle of oramorph from the hospice box', 'imminent', 'en.attempt'],
      ['going out to the shed to drink the weedkiller after tea', 'imminent', 'en.plan.method'],
      ['the tractor is running in the closed barn and im sat in the cab', 'imminent', 'en.attempt'],
      ['generator running in the shed, door shut, im lying in the back', 'imminent', 'en.attempt'],
      ['on the railway bridge now, the freight comes through at 2', 'imminent', 'en.attempt'],
      ['walking into the sea now, its cold but i dont care', 'imminent', 'en.attempt'],
      ['shotgun shell in, barrel under my chin', 'imminent', 'en.plan.means'],
      ['left the car keys and my will on the kitchen table. going to the cliffs now', 'imminent', 'en.plan.method'],
      ['i wont be alive by the time my shift would have started', 'imminent', 'en.farewell'],
      ['ive stopped drinking water as well as food, day 5', 'imminent', 'en.attempt'],
      ['lying in the snow in my t shirt, not moving', 'imminent', 'en.attempt'],
      ['im stood on the edge of the viaduct, im not ok at all', 'imminent', 'en.attempt'],
      ['i am taking all of the medicines now. please forgive', 'imminent', 'en.plan.method'],
      ['i have took all the pill in the bottle', 'imminent', 'en.attempt'],
      ['yesterday i buy rope, today i use it', 'imminent', 'en.plan.means'],
      ['no cap took like 30 of my meds', 'imminent', 'en.attempt'],
      ['not gonna lie i swallowed the whole bottle of my sertraline', 'imminent', 'en.attempt'],
      ['final respawn disabled. ending it irl tonight', 'imminent', 'en.ideation.active'],
      ['fr fr im ending it tn', 'imminent', 'en.ideation.active'],
    ])
  })

  it('reads goodbye formulas: tapping out, so long, the other side, said goodbye, no blame, gone by sunrise', () => {
    expectRuleLevels([
      ['its been a good run everyone. im tapping out for good', 'imminent', 'en.farewell'],
      ['so long everyone, thanks for everything', 'imminent', 'en.farewell'],
      ['catch you all on the other side', 'imminent', 'en.farewell'],
      ['tell everyone i said goodbye. i wont be back', 'imminent', 'en.farewell'],
      ['please dont blame yourselves for what im about to do', 'imminent', 'en.farewell'],
      ['when you wake up ill be gone', 'imminent', 'en.farewell'],
      ['ill be gone before the sun comes up', 'imminent', 'en.farewell'],
      ['my goodbye letter is on the table', 'imminent', 'en.farewell'],
    ])
  })

  it('reads going home to the Lord at a set time as a goodbye, and a height then distress as in progress', () => {
    expectRuleLevels([
      ['im going home to the lord tonight', 'imminent', 'en.farewell'],
      ['ill be with my nan in heaven by morning', 'imminent', 'en.farewell'],
      ['im at the top of the quarry, im not ok', 'imminent', 'en.attempt'],
      ['im on the motorway bridge right now and i cant do this', 'imminent', 'en.attempt'],
    ])
  })

  it('reads a game’s words for leaving life, and a time before someone comes home, as intent with a time', () => {
    expectRuleLevels([
      ['rage quitting life tonight', 'imminent', 'en.ideation.active'],
      ['before the kids get home i want to kill myself', 'imminent', 'en.ideation.active'],
      ['gonna kill meself once everyones asleep', 'imminent', 'en.ideation.active'],
      ['i will kill myself after my shift ends', 'imminent', 'en.ideation.active'],
      ['going to kill myself when the kids are at school', 'imminent', 'en.ideation.active'],
      ['i go to kill myself this night', 'imminent', 'en.ideation.active'],
      ['i will make suicide today', 'imminent', 'en.ideation.active'],
      ['i want make suicide', 'high', 'en.ideation.active'],
    ])
  })
})

describe('Third English rules audit (issue 12, audit set 2): intent, self-harm and thoughts of a method', () => {
  it('reads these forms as high', () => {
    expectRuleLevels([
      ['im quitting life for good', 'high', 'en.ideation.active'],
      ['suicide is all i read about because i want to do it', 'high', 'en.ideation.active'],
      ['thinking about killing mysefl', 'high', 'en.ideation.active'],
      ['scratched at it till it bled again', 'high', 'en.selfharm'],
      ['burned my forearms again last night', 'high', 'en.selfharm'],
      ['stopped eating on purpose so my body gives up', 'high', 'en.selfharm'],
      ['kept hitting the wall until my knuckles cracked', 'high', 'en.selfharm'],
      ['worked out exactly how id do it and when', 'high', 'en.ideation.thoughts'],
      ['been reading up how many paracetamol it would take', 'high', 'en.ideation.thoughts'],
      ['looked up how long it takes to bleed out', 'high', 'en.ideation.thoughts'],
      ['googled which car park in the city is the highest', 'high', 'en.ideation.thoughts'],
      ['each time a train passes i imagine stepping out in front', 'high', 'en.ideation.thoughts'],
      ['dads shotgun is in the cabinet, holding it is all i can think about', 'high', 'en.ideation.thoughts'],
      ['walked up to the viaduct to check whether the railings are still low', 'high', 'en.ideation.thoughts'],
      ['keep thinking how easy it would be to just jump', 'high', 'en.ideation.thoughts'],
      ['thinking how peaceful it would be to just let go', 'high', 'en.ideation.thoughts'],
      ['writing letters to my kids just in case', 'high', 'en.ideation.thoughts'],
      ['i keep thinking about the pills in the cupboard', 'high', 'en.ideation.thoughts'],
      ['i think about crashing the tractor into the river every day', 'high', 'en.ideation.thoughts'],
      ['i think about smothering myself with the pillow while the baby sleeps', 'high', 'thinking:en.plan.method'],
      ['im ending it', 'high', 'en.ideation.active'],
      ['opened up my arm again', 'high', 'en.selfharm'],
      ['got the blades out again', 'high', 'en.selfharm'],
      ['been using the sharpener on my arm', 'high', 'en.selfharm'],
      ['i wish i had the guts to do it', 'high', 'en.ideation.active'],
      ['im scared ill act on it', 'high', 'en.ideation.active'],
      ['i want to die and i know how', 'high', 'en.cue.method'],
    ])
  })

  it('reads a wish to die with a place kept in mind as high, a cue that lifts no further', () => {
    expectRuleLevels([
      ['i want to die and i keep thinking about the railway line', 'high', 'en.cue.method'],
      ['i wish i was dead, cant stop thinking about the quarry', 'high', 'en.cue.method'],
    ])
    expect(classifyRisk('i want to kill myself and i keep thinking about the bridge', { rulesOnly: true }).level).toBe(
      'high',
    )
  })
})

describe('Third English rules audit (issue 12, audit set 2): burden and hopelessness', () => {
  it('reads these forms as concern', () => {
    expectRuleLevels([
      ['the kids would be better off with a proper dad', 'concern', 'en.burden'],
      ['my funeral would have like five people', 'concern', 'en.ideation.passive'],
      ['theres no future worth having for me', 'concern', 'en.hopelessness'],
      ['nothings ever going to change', 'concern', 'en.hopelessness'],
      ['i cant do another day of this', 'concern', 'en.hopelessness'],
      ['if a car hit me id be relieved', 'concern', 'en.ideation.passive'],
      ['i feel like a weight around my familys neck', 'concern', 'en.burden'],
      ['nobody at home would even notice if i vanished for good', 'concern', 'en.burden'],
      ['everyone will cope better without me', 'concern', 'en.burden'],
      ['i hate being alive', 'concern', 'en.ideation.passive'],
      ['theres no light at the end of the tunnel for me', 'concern', 'en.hopelessness'],
      ['i feel like im just waiting to die', 'concern', 'en.ideation.passive'],
      ['im a waste of a life', 'concern', 'en.burden'],
      ['im running out of reasons to stay', 'concern', 'en.hopelessness'],
      ['life has no meaning for me anymore', 'concern', 'en.hopelessness'],
    ])
  })

  it('leaves a prayer for forgiveness, heaven and a game over to cues: a goodbye alone is not rated by a rule', () => {
    expectRulesSilent([
      'god forgive me for what im about to do',
      'see you all in heaven',
      'game over for me tonight',
      'no respawn this time',
    ])
    // With a statement the cue lifts it: a passive wish with a goodbye is high.
    expect(classifyRisk('i want to die. forgive me for what im about to do', { rulesOnly: true }).level).toBe('high')
  })
})

describe('Third English rules audit (issue 12, audit set 2): look-alikes', () => {
  it('leaves food, vitamins, coffee, the heating, training, tidying and a course to the rules’ silence', () => {
    expectRulesSilent([
      'washed down my vitamins with orange juice this morning',
      'washed down the whole packet of biscuits with a cup of tea',
      'the second coffee is kicking in, finally awake',
      'had an edible an hour ago and its kicking in lol',
      'the heating is on and its kicking in at last',
      'injected the whole pen into an orange at diabetes training',
      'emptied the medicine cabinet into the bin, half of it was expired',
      'emptied the first aid kit into my bag for the hike',
      'took what i needed from the shop and left',
      "i've taken what i needed to take from this course, time to move on",
      'ordered more insulin so i have enough over christmas',
      'ordered another box of paracetamol so i have enough for the holiday',
      'found a hidden box of old codeine i never took, dropping it at the pharmacy',
      'my pills are next to me on the bedside table as always',
    ])
  })

  it('leaves a mechanic, a cooker, a commute, a roof terrace, the beach, farm and garden work and hobbies alone', () => {
    expectRulesSilent([
      'the van is in the garage, the engine runs rough when cold',
      'turned the gas on and didnt light it, the igniter is broken so i used a match',
      'turned the oven on and didnt light it because its electric lol',
      'not ok with the new timetable, im on the bridge waiting for the bus again',
      'said goodbye to the tourists, now im at the top of the tower for the sunset photos',
      'the kids came back from the river with pockets full of stones',
      'filled my pockets with pretty stones on the beach by the sea',
      'the knife is on the chopping board next to me, dicing onions',
      "my husband's shotgun is across my lap while I clean it before the season",
      'drove out to the quarry to check if the fence is still broken, the sheep got out',
      'got a new rifle for the range. using it is all i think about lol',
      'every time a bus goes past i think about stepping out for a smoke',
      'heading to the river now for some fishing',
      'keep thinking about the bridge we saw on holiday',
    ])
  })

  it('leaves games, apps, insurance, an essay, bites, a cat, shaving, sun, brambles and a feast alone', () => {
    expectRulesSilent([
      'quit my life coach today',
      'uninstalling life360 from my phone, too creepy',
      'unsubscribe from life insurance emails please',
      'the essay on suicide is due friday because i want to do it well',
      'scratched my mosquito bites till they bled',
      'the cat scratched me till it bled',
      'cut my legs shaving yesterday, ouch',
      'burned my arms in the sun yesterday at the beach',
      'cut my arms on the brambles today in the garden',
      'fasting on purpose so i can eat at the feast tonight',
      'been reading up on how much paint it would take for the fence',
      'googled how long it takes to roast a chicken',
      'looking up which bridge in london is tallest for our trip photos',
      'thought through how id do it, the kitchen extension, if i had the money',
      'worked out how id do it if i won the lottery',
    ])
  })

  it('leaves hide and seek, a boss, crying, a will at the solicitor’s, a holiday, Christmas letters and endings of roads and seasons alone', () => {
    expectRulesSilent([
      'i dont want my mum finding me crying again',
      'dont want the kids to find me eating their sweets',
      'i dont want my boss to find me here',
      'please dont let it be my sister who finds me the dress',
      'whoever finds me in hide and seek wins',
      'wrote a will with the solicitor last week, very grown up',
      "cancelled the gym membership and left the dog with mum. tonight's the night, flight to bali",
      'christmas letters for each of you are on the table',
      'notes for all of you are on the desk, read them before the meeting',
      'this is where the road ends, we need to turn back',
      'this is where it ends for the season, see you next year',
      'this is the last thing ill ever post about my ex',
      'the last thing ill ever say to him is thank you',
      'before he wakes i want to finish the laundry',
    ])
  })

  it('leaves a night shift, a mind made up, the council, a pram, a manager, a party funeral and the news alone', () => {
    expectRulesSilent([
      'i cant do one more night shift this week',
      "nothing's going to change my mind",
      'nothing will change until the council acts',
      "she'd be better off with a new pram honestly",
      'the team would be better off with a new manager',
      'my funeral will be a party, play abba',
      'no future plans yet, just chilling',
      'the suicide figures in the report were shocking',
      'a documentary on farmer suicide numbers tonight, hard watch',
      'if a bus hit me tomorrow id be fine, i have good insurance',
      'my boss is such a weight around my neck',
      'nobody at work would notice if i took a day off',
      'thinking how easy it would be to just go in and ask for a raise',
      'wondering how easy it would be to do it myself with a new drill',
      'writing letters to my kids for when they turn eighteen',
      'im writing letters to my family in case the flight is delayed',
      'im taking them all to the cinema tonight',
      'im taking them all now, the kids love the zoo',
      'im at the top of the tower and im not ok with heights lol',
      'im on the roof fixing the aerial and i cant do this in the rain',
      'ill be with jesus at church tonight',
      'lord forgive me for what im about to eat',
      'see you in heaven grandma, miss you',
      'game over for me tonight, lost all my lives lol',
      'took the weedkiller to the shed',
      'took the bleach back to the shop',
      'got a paper cut. really deep one',
      'my plan is the bridge club tonight',
      'my plan is to take the pills as prescribed',
      'my plan is the pills and a nap',
      'the plan is the river walk then lunch',
      'the team will do better without me as captain',
      'had 12 of my vitamins over the week',
      'we had 20 of them paracetamol in the first aid box at work',
      'downed the bottle of water after the run',
      'going out to the shed to spray the weedkiller after tea',
      'went to the shop to get some weedkiller for the drive',
      'the tractor is running in the barn while i muck out the calves',
      'the generator is running in the shed, door shut because of the rain, mechanic coming to fix it',
      'car is running in the garage to warm up, door open',
      'walking into the sea now, its cold but so refreshing',
      'stopped drinking water and eating for my colonoscopy tomorrow',
      'stopped eating and drinking after midnight, surgery at 8',
      'lying in the snow in my t shirt for a dare lol',
      'im stood on the roof fixing the tiles, not ok at all with this wind',
      'thinking about crashing the tractor into the river in farming simulator lol',
      'i keep thinking about my meds, forgot to take them this morning',
      'my phone wont be alive by lunch',
      'the plants wont be alive by the time we get back from holiday',
      'im on the railway bridge, the freight train is coming through, great photo',
      'my fiddle is under my chin',
      'left my will with the solicitor and going to the sea now for the weekend',
      'the multi-storey is full, parking on the street',
      'im ending it with him tonight',
      'im ending it tonight, the series finale is too sad',
      'ending it here for today, thanks for the chat',
      'im ending things with my landlord tonight',
      'no cap this burger is the best',
      'took all the pills in the box to the pharmacy for disposal',
      'bought a new rope for the boat, today i use it to moor',
      'got my tablets from the chemist, i use them now as prescribed',
      'thinking about smothering the chips in gravy',
      'see you tn at the pub',
      'its been a good run, tapping out of the tournament for good',
      'so long everyone, see you next term',
      'catch you all on the other side of the holidays',
      'tell everyone i said bye, see you next week',
      'tell mum i said goodbye when she gets back from work',
      'dont blame yourselves for what im about to do to this cake lol',
      'my farewell letter to the team is on the desk',
      'my goodbye note to the class is on the board',
      'when you wake up ill be gone to work already',
      'when you wake up ill be gone, early shift',
      'ill be gone before the sun comes up, flight at 6',
      'gave my old skis to my cousin, i wont need them',
      'ive made my peace with the new manager',
      'opened my arms to hug her',
      'the surgeon opened up my arm to fix the plate',
      'got the razor out to shave my legs',
      'got the stanley blades out again for the carpet',
      'used the lighter on my arm hair by accident lol',
      'wish i had the guts to do it, quitting my job',
      'scared ill act on it and eat the whole cake',
      "there's no light at the end of the tunnel for the project yet",
      'i know how.',
      'i want to do suicide prevention training',
      'i will make suicide awareness posters',
      'we go to the park when the kids are at school',
      'im waiting for the end of the film',
      'life has no meaning in pure nihilism, discuss',
      'ran out of reasons to stay at the party so went home',
      'that meeting was a waste of a life lol',
      'im waiting to die... of boredom in this queue',
    ])
  })

  it('keeps the scopes: negation, someone else and the past', () => {
    expectRulesSilent([
      'i would never leave letters for each of you in the drawer, dont worry',
      'my friend said she put stones in her pockets by the river once, years ago',
      'he told me he had emptied the medicine cabinet into him, i called an ambulance',
    ])
  })
})
