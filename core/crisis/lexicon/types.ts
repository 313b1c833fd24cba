/**
 * Shape of the crisis-risk language data. A language is a `Lexicon` value (see en.ts, pl.ts):
 * adding one means writing a new data file and registering it in index.ts; the classifier
 * itself holds no language-specific words.
 *
 * Every pattern is a JavaScript regular-expression source written against the classifier's
 * canonical text (see docs/crisis-classifier.md):
 *   - lower case, Polish letters folded to ASCII ("zabije sie"), leetspeak and masking undone;
 *   - apostrophes removed ("im", "dont", "cant", "id", "ill");
 *   - runs of one repeated letter squeezed to one letter ("kill" -> "kil", "dieee" -> "die").
 *     Patterns are squeezed the same way when compiled, so write them normally ("kill myself").
 * Patterns are wrapped in word boundaries, compiled once at module load, and must not use
 * capture groups that the code relies on (use (?:...)). Separate words with a single space.
 */

export type RiskLevel = 'none' | 'concern' | 'high' | 'imminent'

/** Levels a rule can assert. */
export type FlagLevel = Exclude<RiskLevel, 'none'>

/** Languages with a lexicon. Extend together with LEXICONS in index.ts. */
export type LanguageCode = 'en' | 'pl'

/**
 * What a rule detects; modifiers use it to decide what they combine with.
 *  - hopelessness: hopelessness, burden, "can't go on" (concern)
 *  - passive: passive wish to be dead (concern)
 *  - mention: a bare mention of suicide with no stance (concern, generic)
 *  - thoughts: reports of suicidal thoughts or feelings (high)
 *  - active: a first-person act of killing oneself wanted or intended (high)
 *  - selfharm: self-harm thoughts or acts (high)
 *  - plan: a method, means at hand, preparations such as a note (imminent)
 *  - attempt: an attempt in progress or just made (imminent)
 *  - farewell: an unmistakable goodbye message (imminent)
 */
export type RuleKind =
  'hopelessness' | 'passive' | 'mention' | 'thoughts' | 'active' | 'selfharm' | 'plan' | 'attempt' | 'farewell'

export interface RiskRule {
  /** Stable signal id, `<lang>.<area>[.<detail>]`. Several rules may share one id. */
  readonly id: string
  readonly level: FlagLevel
  readonly kind: RuleKind
  /**
   * A pattern that itself contains one of the language's negators outside an optional group
   * ("don't want to live", "nie chcę żyć") keeps it as part of its meaning; in other patterns
   * a negator inside the match negates it ("się (?:nie )?zabić" on "się nie zabiję").
   */
  readonly patterns: readonly string[]
  /** A catch-all rule: dropped when it overlaps a more specific rule's match. */
  readonly generic?: boolean
  /**
   * A phrase that names suicide without saying whose it is ("suicide", "suicidal thoughts",
   * "samobójstwo"): news, third-person talk and flippant uses look the same. When every rule hit
   * of a message is bare, no cue is present and no first-person word (`person.first`,
   * `person.own`) shares the sentence, the rules step aside and the risk model decides (signal
   * `mention:<id>`). With a first-person word ("I feel suicidal", "my suicidal thoughts") the rule
   * keeps its level.
   */
  readonly bare?: boolean
}

/**
 * Cue kinds that do not raise a level on their own but combine with a rule:
 *  - means: access to a method ("I bought a rope", "mam tabletki")
 *  - time: a time or occasion ("tonight", "jak wszyscy zasną")
 *  - plan: decided or prepared ("I know where I'll do it", "zrobię to dziś")
 *  - farewell: a soft goodbye ("bye everyone", "przepraszam za wszystko")
 */
export type CueKind = 'means' | 'time' | 'plan' | 'farewell'

/** When a cue is present, a message at level K is lifted to raises[K]. */
export type CueRaises = Readonly<Partial<Record<FlagLevel, FlagLevel>>>

export interface CueRule {
  /** Stable signal id, `<lang>.cue.<kind>`. */
  readonly id: string
  readonly kind: CueKind
  readonly patterns: readonly string[]
  readonly raises: CueRaises
  /** Only combine with rules of these kinds (default: any kind). */
  readonly withKinds?: readonly RuleKind[]
  /**
   * A time that is only a plan when it lies ahead: a match whose clause holds a past-tense verb
   * (`past.verbs`) is a day gone by, not this cue ("tried to end it on sunday"; decision 060).
   */
  readonly aheadOnly?: boolean
}

/** A harmless expression that looks like a risk phrase; its span is masked before rules run. */
export interface IdiomRule {
  /** Stable id; the signal is `idiom:<id>`. */
  readonly id: string
  readonly patterns: readonly string[]
}

/**
 * Ordinary doses (decision 066): a medicine taken as a routine, as prescribed or with a meal ("taking
 * my pills every morning", "biorę leki do śniadania"). The rules already read such a dose as no
 * overdose inside their patterns; this list says the same to the model, which does not read the
 * sentence that holds a match (as with an idiom), unless that sentence names an amount beyond a dose.
 */
export interface DoseScope {
  /** Stable id; the signal is `dose:<id>`. */
  readonly id: string
  readonly patterns: readonly string[]
  /**
   * Amounts beyond a dose ("all", "whole", "at once", "wszystkie", "na raz", two or more digits): a
   * sentence that holds one is read by the model although it names a routine ("took all my morning
   * pills at once").
   */
  readonly amounts: readonly string[]
}

export interface Lexicon {
  readonly language: LanguageCode
  readonly detection: {
    /** Letters (before folding) that only this language uses. */
    readonly letters: string
    /** Frequent words (canonical form) that vote for this language. */
    readonly words: readonly string[]
  }
  readonly rules: readonly RiskRule[]
  readonly cues: readonly CueRule[]
  readonly idioms: readonly IdiomRule[]
  /** Ordinary doses the model does not read (decision 066). Optional: without it, none. */
  readonly doses?: DoseScope
  /**
   * Words that mark a message as joking or hyperbole ("lol", "haha", "makes me"): a weak rule
   * statement in such a message may be demoted when the risk model is confident it is not risk
   * (decision 044). Without any of them nothing is demoted. Optional: a language without the list
   * is never demoted.
   */
  readonly hyperbole?: readonly string[]
  readonly negation: {
    /** Words or phrases that negate a following risk phrase ("not", "never", "nie"). */
    readonly cues: readonly string[]
    /** Phrases that look negating but are not ("can't stop", "nie wiem"); their words are skipped. */
    readonly pseudo: readonly string[]
    /** How many words before a match are searched. */
    readonly window: number
    /**
     * Words where the backward search stops because a new subject starts: English "I" in
     * "not okay, I want to die". (Polish negation sits on the verb, so only "ja".)
     */
    readonly stops: readonly string[]
  }
  /** Words that open a new clause: negation does not reach across them ("but", "ale"). */
  readonly clauseBreaks: readonly string[]
  readonly person: {
    /** First-person words (full-word patterns): "I", "ja", "-łem" verbs. Stop scans backwards. */
    readonly first: readonly string[]
    /**
     * Further first-person words (possessives, "myself", "mój") that only decide whether a bare
     * mention is the speaker's own; they do not take part in the reported-speech scope.
     */
    readonly own?: readonly string[]
    /** Third-person subjects and other people (full-word patterns). */
    readonly third: readonly string[]
    /** First-person subject pronouns: a reporting verb right after one is the speaker's own. */
    readonly subjects: readonly string[]
    /** Reporting verbs ("said", "told", "powiedziała"): reported unless a subject from `subjects` precedes. */
    readonly reporting: readonly string[]
    /** Phrases whose match makes an overlapping risk phrase third-person ("się zabił"). */
    readonly thirdForms: readonly string[]
    /**
     * Verbs whose form says their subject is someone else ("says", "is", Polish "powiedziała",
     * "jest"; decision 060). A reporting verb among them reports another person's words even with
     * no subject before it ("powiedziała, że …"); any of them right after a name makes the name a
     * subject (see `Scope`, names).
     */
    readonly thirdVerbs: readonly string[]
    /** How many words before a match are searched for a person cue. */
    readonly window: number
  }
  /**
   * Phrases that put a following method in the speaker's thoughts rather than a plan ("I keep
   * thinking about", "myślę, żeby"): a `plan` rule after one counts as `high` ideation with a
   * method (signal `thinking:<id>`), as the C-SSRS separates ideation-with-method from a plan.
   */
  readonly ideationFrames: readonly string[]
  /** Media, quotation and question frames ("song", "lyrics", "asked if", "piosenka"). */
  readonly frames: readonly string[]
  readonly past: {
    /** History markers ("used to", "years ago", "kiedyś", "lat temu"). */
    readonly cues: readonly string[]
    /** Markers that keep it current ("again", "now", "znowu", "teraz"). */
    readonly present: readonly string[]
    /**
     * Past-tense verbs of a completed act ("tried", "took", "-łam"): a time cue marked `aheadOnly`
     * in their clause names a day gone by (decision 060).
     */
    readonly verbs: readonly string[]
  }
  /**
   * Words that masked ("s*icide" -> "s_icide") or spaced ("k m s") obfuscations are resolved
   * to, in canonical form.
   */
  readonly maskTargets: readonly string[]
}

/** Language-neutral emoji cues (see index.ts). */
export interface EmojiRule {
  /** Stable signal id, `emoji.<name>`. */
  readonly id: string
  readonly kind: CueKind | 'death'
  readonly emoji: readonly string[]
  readonly raises: CueRaises
}
