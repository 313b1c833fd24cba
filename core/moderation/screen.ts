/**
 * Automatic message screening for peer-support chat rooms.
 *
 * In-process, no I/O, every rule precompiled at module load. One call screens one message for
 * harassment and slurs, personal data, spam, and self-harm method or means detail, in English
 * and Polish, and says which rules fired. Policy and rule ids: docs/moderation-screening.md.
 *
 * Not a crisis detector: "I want to die" delivers here. Run the crisis classifier on every
 * message, whatever this screen decides.
 */
import { EN } from './screen-rules/en.js'
import { screenPersonalData } from './screen-rules/personal-data.js'
import { PL } from './screen-rules/pl.js'
import {
  AimClassifier,
  compileLexicon,
  eachMatch,
  prepareText,
  scanWords,
  type CompiledLexicon,
  type Hit,
  type PhraseRule,
  type RulePack,
  type ScreenText,
} from './screen-rules/shared.js'
import { screenSpam } from './screen-rules/spam.js'
import { AnyAlternative } from '../text/any-alternative.js'
import { literalId, mayMatchId } from '../text/required-literals.js'

export type ScreenOutcome = 'deliver' | 'flag' | 'hold' | 'reject'
export type ScreenCategory = 'harassment' | 'slur' | 'personal_data' | 'spam' | 'self_harm_method'

/** One fired rule. `id` names the rule (e.g. 'pl.slur.homophobic', 'pii.phone'); it never contains message text. */
export interface ScreenSignal {
  id: string
  category: ScreenCategory
  outcome: ScreenOutcome
}

export type ScreenReason =
  | 'personal_data'
  | 'contact_request'
  | 'spam_repeat'
  | 'spam_links'
  | 'spam_shouting'
  | 'slur'
  | 'harassment'
  | 'self_harm_method'
  /** Not a screen rule: the crisis reading asked to keep the message from peers (safe-messaging.ts). */
  | 'safe_messaging'

export interface ScreenResult {
  /** The most severe outcome among the signals; 'deliver' when none fired. */
  outcome: ScreenOutcome
  /** The reason of the deciding signal; null when delivered without signals. */
  reason: ScreenReason | null
  /** Every rule that fired, most severe first. */
  signals: ScreenSignal[]
}

export interface ScreenContext {
  /** The sender's recent messages in the room, oldest first: repeat and flood detection. */
  recentOwnTexts?: readonly string[]
}

/** reject > hold > flag > deliver. */
export const OUTCOME_SEVERITY: Readonly<Record<ScreenOutcome, number>> = { deliver: 0, flag: 1, hold: 2, reject: 3 }

/** Tie-break between signals of equal outcome: the first category here decides the reason. */
export const CATEGORY_PRIORITY: readonly ScreenCategory[] = [
  'self_harm_method',
  'personal_data',
  'slur',
  'harassment',
  'spam',
]

/** Language packs. To add a language, write a RulePack in screen-rules/ and list it here. */
const PACKS: readonly RulePack[] = [EN, PL]

interface CompiledPhrase extends PhraseRule {
  /** `pattern.test`, answered alternative by alternative behind their literal checks. */
  any: AnyAlternative
  /** `pattern` with the global flag: guarded rules look past a first, guarded-away match. */
  all: RegExp
  /** The literal-index handle of `also` (mayMatchId; -1 for no `also`, never asked). */
  alsoLiteral: number
}

interface CompiledPack {
  lang: string
  slurs: CompiledLexicon
  insults: CompiledLexicon
  harassment: readonly CompiledPhrase[]
  selfHarm: readonly CompiledPhrase[]
}

function compilePhrases(rules: readonly PhraseRule[]): CompiledPhrase[] {
  return rules.map((r) => {
    // Registered for mayMatchId now, so that the literal index is built once, before the first
    // message, and a message's check needs no lookup by regex.
    return {
      ...r,
      any: new AnyAlternative(r.pattern),
      all: new RegExp(r.pattern.source, `${r.pattern.flags.replace('g', '')}g`),
      alsoLiteral: r.also ? literalId(r.also) : -1,
    }
  })
}

const COMPILED: readonly CompiledPack[] = PACKS.map((p) => ({
  lang: p.lang,
  slurs: compileLexicon(p.slurs, true),
  insults: compileLexicon(p.insults, false),
  harassment: compilePhrases(p.harassment),
  selfHarm: compilePhrases(p.selfHarm),
}))
const AIM = new AimClassifier(PACKS)

/**
 * Letters written apart ("f a g", "f-a-g") that the shared normaliser leaves as separate words. The
 * lookbehind (no word character before the first letter) reads back from after that letter: the
 * same matches, but V8 tries it only where a letter is, not at every position.
 */
const SPACED_LETTERS = /\p{L}(?<![\p{L}\p{N}_]\p{L})(?:[ .\-_*]\p{L}){2,}(?![\p{L}\p{N}_])/gu
const SPACED_SEPARATORS = /[ .\-_*]/g
const UNDERSCORE = /_/g

function maskedTooMuch(word: string): boolean {
  const masks = word.match(UNDERSCORE)?.length ?? 0
  return masks > 2 || masks * 2 >= word.length
}

function lexiconHit(
  lang: string,
  kind: 'slur' | 'insult',
  lex: CompiledLexicon,
  entryIndex: number,
  word: string,
  text: string,
  start: number,
  end: number,
): Hit | null {
  const entry = lex.entries[entryIndex]
  if (!entry) return null
  const ending = entry.exact.exec(word)?.[1] ?? ''
  const aim = AIM.classify(text, start, end, entry.voc.has(ending))
  if (kind === 'insult') {
    return aim === 'targeted'
      ? { id: `${lang}.harassment.insult`, category: 'harassment', outcome: 'flag', reason: 'harassment' }
      : null
  }
  const base = `${lang}.slur.${entry.group}`
  if (aim === 'targeted') return { id: `${base}.targeted`, category: 'slur', outcome: 'reject', reason: 'slur' }
  if (entry.amb) return null
  if (aim === 'reported') return { id: `${base}.reported`, category: 'slur', outcome: 'flag', reason: 'slur' }
  if (aim === 'self') return { id: `${base}.self`, category: 'slur', outcome: 'flag', reason: 'slur' }
  return { id: base, category: 'slur', outcome: 'hold', reason: 'slur' }
}

function scanLexicon(lang: string, kind: 'slur' | 'insult', lex: CompiledLexicon, text: string, out: Hit[]): void {
  scanWords(lex, text, (m, entryIndex) => {
    const word = m[0]
    if (word.includes('_') && maskedTooMuch(word)) return
    const hit = lexiconHit(lang, kind, lex, entryIndex, word, text, m.index, m.index + word.length)
    if (hit) out.push(hit)
  })
  if (kind !== 'slur') return
  const runs = spacedRuns(text)
  for (let k = 0; k < runs.length; k++) {
    const { joined, start, end } = runs[k]!
    const whole = lex.whole.exec(joined)
    if (!whole) continue
    const entryIndex = whole.findIndex((g, i) => i > 0 && g !== undefined) - 1
    const hit = lexiconHit(lang, kind, lex, entryIndex, joined, text, start, end)
    if (hit) out.push(hit)
  }
}

interface SpacedRun {
  /** The letters without their separators. */
  joined: string
  start: number
  end: number
}

/** The SPACED_LETTERS matches of the last text asked about: every language's slur list reads the same ones. */
const spaced: SpacedRun[] = []
let spacedOf: string | null = null

function spacedRuns(text: string): readonly SpacedRun[] {
  if (text === spacedOf) return spaced
  spaced.length = 0
  if (mayHaveSpacedLetters(text)) {
    eachMatch(SPACED_LETTERS, text, (m) => {
      spaced.push({ joined: m[0].replace(SPACED_SEPARATORS, ''), start: m.index, end: m.index + m[0].length })
    })
  }
  spacedOf = text
  return spaced
}

function isSpacedSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2a
}

/**
 * A cheap necessary condition for SPACED_LETTERS: two of its separators with one character (one
 * code unit, or a surrogate pair) between them. Most messages have none, and skip the regex scan.
 */
function mayHaveSpacedLetters(text: string): boolean {
  for (let i = 0; i + 2 < text.length; i++) {
    if (!isSpacedSeparator(text.charCodeAt(i))) continue
    if (isSpacedSeparator(text.charCodeAt(i + 2))) return true
    const c = text.charCodeAt(i + 1)
    if (c >= 0xd800 && c <= 0xdbff && i + 3 < text.length && isSpacedSeparator(text.charCodeAt(i + 3))) return true
  }
  return false
}

function guardedAway(rule: PhraseRule, text: string, start: number, end: number): boolean {
  return rule.guarded === true && (AIM.negatedBefore(text, start) || AIM.reported(text, start, end))
}

function scanPhrases(rules: readonly CompiledPhrase[], text: string, out: Hit[]): void {
  for (const rule of rules) {
    // A substring check skips the scan when none of the words every match needs occur; past it,
    // only the rule's alternatives whose own words occur are scanned (../text/any-alternative.ts).
    if (!rule.any.test(text)) continue
    if (rule.also && (!mayMatchId(rule.alsoLiteral, text) || !rule.also.test(text))) continue
    if (rule.guarded) {
      let kept = false
      eachMatch(rule.all, text, (m) => {
        kept = !guardedAway(rule, text, m.index, m.index + m[0].length)
        return !kept
      })
      if (!kept) continue
    }
    out.push({ id: rule.id, category: rule.category, outcome: rule.outcome, reason: rule.reason })
  }
}

function screenLanguages(t: ScreenText, out: Hit[]): void {
  for (const pack of COMPILED) {
    scanLexicon(pack.lang, 'slur', pack.slurs, t.lex, out)
    scanLexicon(pack.lang, 'insult', pack.insults, t.lex, out)
    scanPhrases(pack.harassment, t.lex, out)
    scanPhrases(pack.selfHarm, t.norm, out)
  }
}

function compareHits(a: Hit, b: Hit): number {
  return (
    OUTCOME_SEVERITY[b.outcome] - OUTCOME_SEVERITY[a.outcome] ||
    CATEGORY_PRIORITY.indexOf(a.category) - CATEGORY_PRIORITY.indexOf(b.category)
  )
}

function delivered(): ScreenResult {
  return { outcome: 'deliver', reason: null, signals: [] }
}

/**
 * Screen one chat message.
 *
 * The outcome is the most severe of the fired signals (reject > hold > flag > deliver) and the
 * reason is the deciding signal's; between equal outcomes {@link CATEGORY_PRIORITY} decides.
 */
export function screenMessage(text: string, context?: ScreenContext): ScreenResult {
  if (text.trim() === '') return delivered()
  const t = prepareText(text)
  const hits: Hit[] = []
  screenLanguages(t, hits)
  hits.push(...screenPersonalData(t))
  hits.push(...screenSpam(t, context?.recentOwnTexts ?? []))
  if (hits.length === 0) return delivered()

  // One signal per id, keeping its most severe outcome.
  const byId = new Map<string, Hit>()
  for (const hit of hits) {
    const seen = byId.get(hit.id)
    if (!seen || OUTCOME_SEVERITY[hit.outcome] > OUTCOME_SEVERITY[seen.outcome]) byId.set(hit.id, hit)
  }
  const sorted = [...byId.values()].sort(compareHits)
  const top = sorted[0]!
  return {
    outcome: top.outcome,
    reason: top.reason,
    signals: sorted.map(({ id, category, outcome }) => ({ id, category, outcome })),
  }
}

/* ------------------------------------------------------------------------------------------ */
/* What the sender is told                                                                     */
/* ------------------------------------------------------------------------------------------ */

export type NoticeLocale = 'en' | 'pl'
type Localized = Readonly<Record<NoticeLocale, string>>

const HOLD_DEFAULT: Localized = {
  en: 'Your message is waiting for a facilitator to look at it before it is shared. You did nothing wrong by writing it; they will see it soon.',
  pl: 'Twoja wiadomość czeka, aż zobaczy ją osoba prowadząca, zanim trafi do grupy. Nie zrobiłeś/aś nic złego, pisząc ją; ktoś zajrzy do niej wkrótce.',
}

/** Text shown to the sender per outcome and reason. Flagged and delivered messages show nothing. */
export const SENDER_NOTICES: {
  readonly hold: Readonly<Partial<Record<ScreenReason, Localized>>> & { readonly default: Localized }
  readonly reject: Readonly<Partial<Record<ScreenReason, Localized>>> & { readonly default: Localized }
} = {
  hold: {
    default: HOLD_DEFAULT,
    self_harm_method: {
      en: 'Thank you for trusting the group with this. To keep everyone safe, messages that mention methods or amounts are seen by a facilitator first. They will look at it soon and may check in with you. You are not in trouble.',
      pl: 'Dziękujemy, że dzielisz się tym z grupą. Dla bezpieczeństwa wszystkich wiadomości, które wspominają o sposobach lub ilościach, najpierw czyta osoba prowadząca. Zajrzy do niej wkrótce i może się do Ciebie odezwać. Nie masz przez to żadnych kłopotów.',
    },
    safe_messaging: {
      en: 'Thank you for telling us. What you wrote went to the care team, not to the room: a facilitator and a crisis clinician can read it, the other members cannot. You are not in trouble, and you don’t have to go through this alone. If you are in danger now, please call one of the crisis lines shown here.',
      pl: 'Dziękujemy, że nam o tym piszesz. Twoja wiadomość trafiła do zespołu wsparcia, a nie do grupy: może ją przeczytać osoba prowadząca i dyżurny specjalista kryzysowy, pozostali uczestnicy jej nie widzą. Nie masz przez to żadnych kłopotów i nie musisz przechodzić przez to sam/sama. Jeśli grozi Ci teraz niebezpieczeństwo, zadzwoń pod jeden z pokazanych tu numerów pomocy.',
    },
    contact_request: {
      en: 'For everyone’s safety, swapping contacts outside Holdspace is not allowed here. A facilitator will look at your message before it is shared.',
      pl: 'Dla bezpieczeństwa wszystkich nie wymieniamy się tutaj kontaktami poza Holdspace. Osoba prowadząca zobaczy Twoją wiadomość, zanim trafi do grupy.',
    },
    spam_links: {
      en: 'Messages with several links are checked by a facilitator before they are shared. They will look at yours soon.',
      pl: 'Wiadomości z kilkoma linkami najpierw sprawdza osoba prowadząca. Zajrzy do Twojej wkrótce.',
    },
  },
  reject: {
    default: {
      en: 'This message was not sent. Please rephrase it and try again.',
      pl: 'Ta wiadomość nie została wysłana. Spróbuj ująć to inaczej.',
    },
    personal_data: {
      en: 'For your safety, please don’t share contact details here (phone numbers, e-mail or home addresses, social media handles). Your message was not sent; you can edit it and try again.',
      pl: 'Dla Twojego bezpieczeństwa nie podawaj tutaj danych kontaktowych (numeru telefonu, adresu e-mail lub zamieszkania, nicków w mediach społecznościowych). Wiadomość nie została wysłana; możesz ją poprawić i wysłać ponownie.',
    },
    spam_repeat: {
      en: 'You have already sent this message a few times, so it was not sent again. The group can still see your earlier messages.',
      pl: 'Ta wiadomość została już wysłana kilka razy, więc nie wysłaliśmy jej ponownie. Grupa nadal widzi Twoje wcześniejsze wiadomości.',
    },
    slur: {
      en: 'This message was not sent because it uses a slur against someone. Everyone here deserves to feel safe; please say it another way.',
      pl: 'Ta wiadomość nie została wysłana, bo zawiera obraźliwe określenie skierowane do kogoś. Każdy tutaj powinien czuć się bezpiecznie; spróbuj ująć to inaczej.',
    },
  },
}

/** What to tell the sender about a screened message, or null when nothing should be shown. */
export function senderNotice(result: ScreenResult, locale: NoticeLocale = 'en'): string | null {
  if (result.outcome !== 'hold' && result.outcome !== 'reject') return null
  const table = SENDER_NOTICES[result.outcome]
  const notice = (result.reason && table[result.reason]) || table.default
  return notice[locale]
}
