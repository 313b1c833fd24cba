/**
 * Personal data: phone numbers, e-mail addresses, street addresses, national ID numbers and
 * off-platform contact (social handles, "add me on insta", "mój snap to …", invite links).
 *
 * Numbers and e-mails are matched on the original text (NFKC), never on the normalised form:
 * leetspeak undo would turn digits inside words into letters. Handles and addresses are matched
 * on the folded form (lower case, Polish letters folded, digits intact).
 *
 * Sharing is rejected (`personal_data`); asking someone for theirs is held (`contact_request`).
 */
import { eachMatch, re, SEP, WORD, words, type Hit, type ScreenText } from './shared.js'
import { AnyAlternative } from '../../text/any-alternative.js'

const SHARED = { category: 'personal_data', outcome: 'reject', reason: 'personal_data' } as const
const HIT_PHONE: Hit = { id: 'pii.phone', ...SHARED }
const HIT_EMAIL: Hit = { id: 'pii.email', ...SHARED }
const HIT_ADDRESS: Hit = { id: 'pii.address', ...SHARED }
const HIT_NATIONAL_ID: Hit = { id: 'pii.national_id', ...SHARED }
const HIT_HANDLE: Hit = { id: 'pii.handle', ...SHARED }
const HIT_CONTACT_REQUEST: Hit = {
  id: 'pii.contact_request',
  category: 'personal_data',
  outcome: 'hold',
  reason: 'contact_request',
}

/* ------------------------------------------------------------------------------------------ */
/* Phone numbers and national ID (PESEL)                                                       */
/* ------------------------------------------------------------------------------------------ */

/** Dates are blanked before looking for digit runs, so "12.05.2024 18 30" is not a phone number. */
const DATE = /(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?!\d)/g
/** A run of digits with the separators people type in phone numbers. */
const DIGIT_RUN = /(?<![\p{L}\p{N}_@+])(?:\+|\(\+?)?\d[\d \-.()/\u00a0]*\d(?![\p{L}\p{N}_])/gu
/** Money, measures and ages right after a number: "1 200 000 zł", "120 kg". */
const UNIT_AFTER =
  /^\s*(?:zł|zl|pln|złotych|zlotych|eur|euro|€|\$|usd|gbp|£|chf|tys|mln|mld|k\b|%|km|kg|cm|mm|m\b|m2|lat|years|yrs|osób|osob|people|sztuk|szt)/iu
const UNIT_BEFORE = /(?:\$|€|£|pln|zł|zl|eur|usd|chf)\s*$/iu
/** Words that make a shorter digit run a phone number ("tel. 555 12 34", "call me 5551234"). */
const PHONE_CUE = re(
  `${words('tel|telefon[a-z]*|phone|numer[a-z]*|nr|number|call|text|sms|zadzwon[a-z]*|dzwon[a-z]*|whatsapp|komork[a-z]*|kom|mobile|cell|pisz|piszcie|signal|viber')}\\W*(?:[\\p{L}\\p{N}]+\\W+){0,3}$`,
)
const YEAR_GROUP = /^(?:19|20)\d\d$/
/**
 * Crisis and support lines people should be able to share freely (digits only).
 * PL: Centrum Wsparcia 800 70 2222, Telefon Zaufania dla Dzieci i Młodzieży 800 12 12 12;
 * US: the former Lifeline 1-800-273-8255; UK: Childline 0800 1111, CALM 0800 58 58 58.
 * Shorter numbers (116 123, 116 111, 112, 988, 85258, 741741) are below the phone threshold anyway.
 */
const HELPLINES: ReadonlySet<string> = new Set([
  '800702222',
  '800121212',
  '18002738255',
  '8002738255',
  '08001111',
  '0800585858',
])

function isPesel(d: string): boolean {
  if (!/^\d{11}$/.test(d)) return false
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
  let sum = 0
  for (let i = 0; i < 10; i++) sum += Number(d[i]) * weights[i]!
  if ((10 - (sum % 10)) % 10 !== Number(d[10])) return false
  const month = Number(d.slice(2, 4)) % 20
  const day = Number(d.slice(4, 6))
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

function findNumbers(raw: string, folded: string, out: Hit[]): void {
  if (!/\d{2}/.test(raw) && !/\d\D\d/.test(raw)) return
  const text = raw.replace(DATE, (m) => 'D'.repeat(m.length))
  eachMatch(DIGIT_RUN, text, (m) => {
    checkRun(m, text, folded, out)
  })
}

function checkRun(m: RegExpExecArray, text: string, folded: string, out: Hit[]): void {
  const run = m[0]
  const digits = run.replace(/\D/g, '')
  if (digits.length < 7 || digits.length > 15) return
  const start = m.index
  const end = start + run.length
  if (UNIT_AFTER.test(text.slice(end, end + 12)) || UNIT_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return
  const groups = run.split(/[^\d]+/).filter(Boolean)
  // A decimal ("3.14159265") or a list of years ("2019 2020 2021") is not a phone number.
  if (groups.length === 2 && /^\d+\.\d+$/.test(run)) return
  if (groups.length > 1 && groups.every((g) => YEAR_GROUP.test(g))) return
  if (groups.length === 1 && isPesel(digits)) {
    out.push(HIT_NATIONAL_ID)
    return
  }
  if (HELPLINES.has(digits) || (digits.startsWith('48') && HELPLINES.has(digits.slice(2)))) return
  const plus = run.startsWith('+') || run.startsWith('(+') || digits.startsWith('00')
  if (digits.length >= 9) {
    // One long unbroken block without a "+" reads like an order or tracking number.
    if (groups.length === 1 && digits.length >= 12 && !plus) return
    out.push(HIT_PHONE)
  } else if (plus || PHONE_CUE.test(folded.slice(Math.max(0, start - 40), start))) {
    out.push(HIT_PHONE)
  }
}

/* ------------------------------------------------------------------------------------------ */
/* E-mail                                                                                      */
/* ------------------------------------------------------------------------------------------ */

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u
const PROVIDERS =
  'gmail|wp|onet|o2|interia|yahoo|outlook|hotmail|protonmail|proton|icloud|gazeta|tlen|op|poczta|live|gmx|aol'
const TLDS = 'com|pl|net|org|eu|me|de|uk|co|io|info'
const DOT = '(?:\\s*[(\\[{<]\\s*(?:dot|kropka|\\.)\\s*[)\\]}>]\\s*|\\s*\\.\\s*|\\s+(?:dot|kropka)\\s+)'
/**
 * Spelled-out e-mail addresses, each behind a cheap literal gate (" at " is far too common in English
 * to run the full pattern on every message that contains it).
 */
const LOCAL = '[\\p{L}\\p{N}._+-]{2,}'
const EMAIL_SPELLED: readonly (readonly [gate: RegExp, pattern: RegExp])[] = [
  // "kasia (at) wp (dot) pl", "kasia [małpa] wp.pl"
  [
    /[([{<]\s*(?:at|malpa|@)\s*[)\]}>]/,
    re(`${LOCAL}\\s*[(\\[{<]\\s*(?:at|malpa|@)\\s*[)\\]}>]\\s*[\\p{L}\\p{N}-]{2,}(?:${DOT}[\\p{L}\\p{N}-]{2,})+`),
  ],
  // "kasia małpa wp kropka pl"
  [/\bmalpa\b/, re(`${LOCAL}\\s+malpa\\s+[\\p{L}\\p{N}-]{2,}(?:${DOT}[\\p{L}\\p{N}-]{2,})+`)],
  // "kasia at gmail dot com" (a bare "at" only before a known provider)
  [re(`\\bat\\s+(?:${PROVIDERS})\\b`), re(`${LOCAL}\\s+at\\s+(?:${PROVIDERS})${DOT}(?:${TLDS})\\b`)],
]

function spelledEmail(folded: string): boolean {
  for (const [gate, pattern] of EMAIL_SPELLED) if (gate.test(folded) && pattern.test(folded)) return true
  return false
}

/* ------------------------------------------------------------------------------------------ */
/* Street addresses                                                                            */
/* ------------------------------------------------------------------------------------------ */

/** Every address pattern has a number in it. */
const ADDRESS_GATE = /\d/
const NOT_STREET_WORD =
  '(?!(?:hours?|minutes?|mins?|days?|weeks?|months?|years?|times?|more|miles?|km|blocks?|of|the|a|to|on|in|at|and|or|lane)\\b)'
const ADDRESS = re(
  [
    // "221b Baker Street", "12 Oak Rd"
    `${words(`\\d{1,5}[a-z]?,?\\s+(?:${NOT_STREET_WORD}[a-z]+\\s+){1,2}(?:street|st|avenue|ave|road|rd|lane|boulevard|blvd)`)}`,
    // "I live at 12 Oak ...", "my address is ..."
    `${words(`(?:i live at|we live at|my address(?: is)?|address:|my home address(?: is)?)\\s+(?:\\S+\\s+){0,3}?(?!(?:19|20)\\d\\d\\b)\\d{1,5}(?!st|nd|rd|th)[a-z]?\\s+[a-z]+`)}`,
    // "ul. Długa 5/12", "al. Jerozolimskie 100", "os. Tysiąclecia 5 m. 3"
    `${words(`(?:ul|al|os|pl)\\.\\s*(?:\\p{L}[\\p{L}.-]*\\s+){1,3}\\d{1,4}[a-z]?(?:\\s*/\\s*\\d{1,4}|\\s*m\\.?\\s*\\d{1,4})?`)}`,
    // "ulica Długa 5, Kraków", "ul Długa 5" — without the dot the number must end the phrase ("ul" is also a beehive)
    `${words(`(?:ul|ulic[aey]|alej[aei]|osiedl[eu]|plac[u]?)\\s+(?:\\p{L}+\\s+){1,2}\\d{1,4}[a-z]?(?:\\s*/\\s*\\d{1,4})?`)}(?=\\s*(?:$|[,.;!?)]|m\\.?\\s*\\d|lok|w\\s|we\\s))`,
    // "mieszkam na Długiej 5", "mój adres to Polna 3/4"
    `${words(`(?:mieszkam|mieszkamy|moj adres(?: to)?|adres:|przyjdz na|przyjedz na|wpadnij na)\\s+(?:(?:na|przy|w|we)\\s+)?(?:\\p{L}+\\s+){1,3}(?!(?:19|20)\\d\\d\\b)\\d{1,4}[a-z]?(?:\\s*/\\s*\\d{1,4})?`)}(?=\\s*(?:$|[,.;!?)]|/|m\\.?\\s*\\d|lok|w\\s|we\\s))`,
  ].join('|'),
)

/* ------------------------------------------------------------------------------------------ */
/* Off-platform contact                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** Platforms with Polish inflection, unambiguous enough to stand alone. */
const STRONG = [
  'insta(?:gram)?(?:a|ie|em|u|ka|ku|ke|e)?',
  'snap(?:chat(?:a|u|em)?|chacie|a|ie|em|ku|ka)?',
  'telegram(?:a|ie|em|ik|u)?',
  'wh?at+s?ap+(?:a|ie|em|ik|ka|ku)?',
  'discord(?:a|zie|em|ie|u)?',
  'tik ?tok(?:a|u|ie|iem)?',
  'facebook(?:a|u|ie|iem)?',
  'fejs(?:a|ie|ik|iku|bu[kc][a-z]*)?',
  'messenger(?:a|ze|em)?',
  'kik',
  'skype(?:a|ie)?',
  'skajp(?:a|ie)?',
  'viber(?:a|ze)?',
  'threema',
  'wechat',
  'twitter(?:a|ze)?',
  'reddit(?:a|cie|zie)?',
  'onlyfans(?:a|ie)?',
  'gadu.?gadu',
].join('|')
/** Abbreviations and ordinary words: only after an explicit "add me on" / "pisz na". */
const PLATFORM = `${STRONG}|ig|sc|tg|wa|dc|dsc|fb|gg|mess|messa|messie|signal(?:a|u|ze)?`

/** Tested alternative by alternative, each behind its own literal check (../../text/any-alternative.ts). */
const HANDLE_SHARE = new AnyAlternative(
  re(
    [
      // "add me on insta", "dm me on discord", "hit me up on snap"
      words(
        `(?:add|follow|dm|pm|message|msg|text|hit|find|reach|contact|ping|call|write|snap|friend|email|mail|whatsapp)\\s+(?:me|us)(?:\\s+up)?\\s+(?:on|at|via|thru|through|over|in)\\s+(?:my\\s+)?(?:${PLATFORM})`,
      ),
      // "let's move this to telegram", "we can talk on whatsapp"
      words(
        `(?:let'?s|lets|we (?:can|could|should)|can we|wanna|want to|shall we|why don'?t we)\\s+(?:\\S+\\s+){0,2}?(?:talk|chat|move|switch|go|continue|take this|take it|speak|connect|text|dm)\\s+(?:\\S+\\s+){0,2}?(?:on|to|over to|via|in)\\s+(?:${PLATFORM})`,
      ),
      words(`hmu(?:\\s+on)?\\s+(?:${PLATFORM})|join (?:my|our) (?:discord|telegram|whatsapp|signal|server|serwer)`),
      // "dodaj mnie na insta", "pisz na priv na fb", "odezwij się na whatsappie"
      words(
        `(?:dodaj|dodajcie|pisz|piszcie|napisz|napiszcie|odezwij sie|odezwijcie sie|zagadaj|zagadajcie|zapros|obserwuj|obserwujcie|znajdz|znajdzcie|zadzwon|dzwon|zaczep|zaczepcie|wbij|wbijaj|wbijajcie|wpadaj|wpadnij|dopisz)\\s+(?:(?:mnie|nas|do mnie|do nas|prosze|pls|sie)\\s+){0,2}(?:na|przez|po|w|do)\\s+(?:moj[a-z]*\\s+)?(?:${PLATFORM})`,
      ),
      words(
        `(?:przejdzmy|przeniesmy sie|przeniesmy|pogadajmy|gadajmy|piszmy|porozmawiajmy|zgadajmy sie|spiszmy sie|zdzwonmy sie|mozemy (?:pogadac|pisac|przejsc|sie przeniesc|gadac)|chcesz (?:pogadac|pisac|przejsc|gadac)|moze (?:pogadamy|przejdziemy|piszemy))\\s+(?:\\S+\\s+){0,2}?(?:na|przez|po|w)\\s+(?:${PLATFORM})`,
      ),
      // "@kasia_99 on insta", "insta @kasia_99", "ig: kasia_99"
      `(?<![\\p{L}\\p{N}_])@[\\p{L}\\p{N}._]{2,}(?:${SEP}${WORD}){0,4}${SEP}${words(PLATFORM)}`,
      `${words(PLATFORM)}(?:${SEP}${WORD}){0,4}${SEP}@[\\p{L}\\p{N}._]{2,}`,
      `${words(`(?:${PLATFORM})`)}\\s*[:=]\\s*@?[\\p{L}\\p{N}._-]{2,}`,
      // Profile and invite links
      '(?:instagram\\.com|instagr\\.am|t\\.me|telegram\\.me|wa\\.me|chat\\.whatsapp\\.com|discord\\.gg|discord(?:app)?\\.com|snapchat\\.com|tiktok\\.com|facebook\\.com|fb\\.com|fb\\.me|m\\.me|twitter\\.com|x\\.com|onlyfans\\.com|linktr\\.ee|kik\\.me|signal\\.me|threads\\.net)/[\\p{L}\\p{N}._@-]{2,}',
      // Discord tags: name#1234
      '(?<![\\p{L}\\p{N}_])[\\p{L}\\p{N}._]{2,32}#\\d{4}(?!\\d)',
    ].join('|'),
  ),
)

const CONTACT_GATE = re(`${words(PLATFORM)}|@|#\\d|\\.(?:com|gg|me|am|ee|net)/|\\b(?:join|my|mine|moj[a-z]*)\\b`)
const REQUEST_GATE = re(
  `${words(PLATFORM)}|\\b(?:number|numer|nr|phone|digits|cell|mobile|e-?mail|mail[a-z]*|address|adres[a-z]*|telefon[a-z]*|komork[a-z]*|socials?|handle)\\b`,
)

/** "my snap is kasia", "mój snap to kasia_2001": possessive + platform + a value. */
const HANDLE_POSSESSIVE_EN = re(
  `${words('my|mine')}\\s+(?:${PLATFORM}|e-?mail|mail|gmail)(?:\\s+(?:handle|name|username|user|id|acc|account|nick))?\\s*(is|[:=>\\u2192-]+)?\\s*(@?[\\p{L}\\p{N}._-]{2,})([\\s\\S]*)$`,
)
const HANDLE_POSSESSIVE_PL = re(
  `${words('moj|moje|moja|mojego|moim|moi')}\\s+(?:${PLATFORM}|e-?mail|mail|maila|gmail)(?:\\s+(?:nick|login|konto|id))?\\s*(to jest|to|jest|[:=>\\u2192-]+)?\\s*(@?[\\p{L}\\p{N}._-]{2,})([\\s\\S]*)$`,
)
/** Words that follow "my insta is …" without being a handle. */
const NOT_A_HANDLE = new Set([
  'private',
  'public',
  'down',
  'dead',
  'gone',
  'deleted',
  'hacked',
  'banned',
  'blocked',
  'broken',
  'empty',
  'new',
  'old',
  'full',
  'closed',
  'locked',
  'suspended',
  'inactive',
  'off',
  'on',
  'not',
  'the',
  'a',
  'an',
  'my',
  'your',
  'her',
  'him',
  'them',
  'me',
  'you',
  'us',
  'it',
  'this',
  'that',
  'fine',
  'ok',
  'okay',
  'weird',
  'toxic',
  'prywatny',
  'prywatne',
  'prywatna',
  'publiczny',
  'zablokowany',
  'zablokowane',
  'usuniety',
  'usuniete',
  'zhakowany',
  'zhakowane',
  'pusty',
  'puste',
  'nowy',
  'nowe',
  'stary',
  'stare',
  'martwy',
  'martwe',
  'nieaktywny',
  'nieaktywne',
  'zamkniety',
  'zamkniete',
  'juz',
  'nie',
  'jest',
  'byl',
  'bylo',
  'sie',
  'mi',
  'mnie',
  'ci',
  'tez',
  'toksyczny',
  'toksyczne',
  'okej',
  'ok',
])
const HANDLE_LIKE = /^@|[\d_.]/
const PUNCTUATION_SEPARATOR = /^[:=>\u2192-]+$/
const HAS_LETTER = /\p{L}/u
const ONLY_TRAILING_PUNCTUATION = /^[\s\p{P}\p{S}]*$/u

function possessiveHandle(folded: string, pattern: RegExp): boolean {
  const m = pattern.exec(folded)
  if (!m) return false
  const sep = m[1]?.trim() ?? ''
  const token = m[2]!
  const rest = m[3] ?? ''
  if (!HAS_LETTER.test(token) || NOT_A_HANDLE.has(token)) return false
  if (HANDLE_LIKE.test(token)) return true
  if (PUNCTUATION_SEPARATOR.test(sep)) return true // "my snap: …", "mój snap → …"
  // "my snap is kasia" — a plain word only when it is the last thing said.
  return sep !== '' && ONLY_TRAILING_PUNCTUATION.test(rest)
}

const CONTACT_REQUEST = new AnyAlternative(
  re(
    [
      words(
        `(?:do |d |does |did )?(?:you|u|ya|anyone|any1|anybody|someone|any of you)\\s+(?:have|got|has|on)\\s+(?:a\\s+|an\\s+)?(?:${STRONG})`,
      ),
      words(
        `(?:what'?s|whats|what is|send|give|gimme|drop|share|dm|pm|can i (?:get|have)|may i have|could i (?:get|have)|tell me|leave)\\s+(?:me\\s+)?(?:your|ur|yr)\\s+(?:${PLATFORM}|number|phone number|digits|cell|mobile|email|e-mail|mail|address|home address|socials?|handle)`,
      ),
      words(`(?:are|r)\\s+(?:you|u)\\s+on\\s+(?:${STRONG})`),
      words(
        `(?:masz|macie|ma ktos|czy ktos ma|ktos ma|jestes na|jestescie na|ktos jest na|ktos na)\\s+(?:moze\\s+|jakiegos\\s+|jakis\\s+)?(?:${STRONG})`,
      ),
      words(
        `(?:podaj|podajcie|daj|dasz|dacie|podeslij|podeslesz|wyslij|wyslesz|zostaw|podrzuc|podrzucisz|jaki|jaka|jakie)\\s+(?:mi\\s+)?(?:jest\\s+|masz\\s+)?(?:twoj|twoja|twoje|twojego|swoj|swoja|swoje|swojego)\\s+(?:${PLATFORM}|numer[a-z]*|nr|telefon[a-z]*|mail[a-z]*|email[a-z]*|e-mail[a-z]*|adres[a-z]*|komork[a-z]*)`,
      ),
      words('numer do (?:ciebie|was)'),
    ].join('|'),
  ),
)

/** Personal-data signals of one message (each id at most once). */
export function screenPersonalData(t: ScreenText): Hit[] {
  const out: Hit[] = []
  const f = t.folded
  findNumbers(t.raw, f, out)
  if ((t.raw.includes('@') && EMAIL.test(t.raw)) || spelledEmail(f)) {
    out.push(HIT_EMAIL)
  }
  if (ADDRESS_GATE.test(f) && ADDRESS.test(f)) out.push(HIT_ADDRESS)
  if (
    CONTACT_GATE.test(f) &&
    (HANDLE_SHARE.test(f) || possessiveHandle(f, HANDLE_POSSESSIVE_EN) || possessiveHandle(f, HANDLE_POSSESSIVE_PL))
  ) {
    out.push(HIT_HANDLE)
  }
  if (REQUEST_GATE.test(f) && CONTACT_REQUEST.test(f)) out.push(HIT_CONTACT_REQUEST)
  return out
}
