import { z } from 'zod'

/*
 * PHQ-9 (depression) and GAD-7 (anxiety): the standard items, each answered 0–3 for the last two weeks
 * ("not at all", "several days", "more than half the days", "nearly every day"), scored by their sum, with the
 * published severity bands. The wording lives in app/i18n/measures.*.ts (`measures.<instrument>.item<n>`).
 */
export const INSTRUMENTS = ['phq9', 'gad7'] as const
export type Instrument = (typeof INSTRUMENTS)[number]

export const ITEM_COUNT: Record<Instrument, number> = { phq9: 9, gad7: 7 }
export const ANSWER_VALUES = [0, 1, 2, 3] as const
export const MAX_TOTAL: Record<Instrument, number> = { phq9: 27, gad7: 21 }

export type Severity = 'minimal' | 'mild' | 'moderate' | 'moderately_severe' | 'severe'

/** Lowest total of each band, highest band first (Kroenke et al. 2001; Spitzer et al. 2006). */
const BANDS: Record<Instrument, Array<[number, Severity]>> = {
  phq9: [
    [20, 'severe'],
    [15, 'moderately_severe'],
    [10, 'moderate'],
    [5, 'mild'],
    [0, 'minimal'],
  ],
  gad7: [
    [15, 'severe'],
    [10, 'moderate'],
    [5, 'mild'],
    [0, 'minimal'],
  ],
}

export function severityOf(instrument: Instrument, total: number): Severity {
  if (!Number.isInteger(total) || total < 0 || total > MAX_TOTAL[instrument]) throw new RangeError('total out of range')
  return BANDS[instrument].find(([lowest]) => total >= lowest)![1]
}

/** The sum of the answers; refuses a wrong number of answers or an answer outside 0–3. */
export function scoreOf(instrument: Instrument, answers: readonly number[]): { total: number; severity: Severity } {
  if (answers.length !== ITEM_COUNT[instrument] || answers.some((a) => !ANSWER_VALUES.includes(a as 0)))
    throw new RangeError('answers invalid')
  const total = answers.reduce((sum, a) => sum + a, 0)
  return { total, severity: severityOf(instrument, total) }
}

/** PHQ-9 item 9: thoughts of being better off dead or of hurting oneself. Anything above "not at all" asks at once. */
export const SELF_HARM_ITEM = 9
export function selfHarmAnswer(instrument: Instrument, answers: readonly number[]): number {
  return instrument === 'phq9' ? (answers[SELF_HARM_ITEM - 1] ?? 0) : 0
}

export function parseInstrument(value: string | null | undefined): Instrument | null {
  return INSTRUMENTS.find((i) => i === value) ?? null
}

const answer = z.coerce
  .number({ invalid_type_error: 'measure_answer_required' })
  .int('measure_answer_required')
  .min(0, 'measure_answer_required')
  .max(3, 'measure_answer_required')

/** The form: one radio group per item, named item1 … itemN. A missing answer is a field error on that item. */
export function answersSchema(instrument: Instrument) {
  const shape: Record<string, z.ZodTypeAny> = {}
  for (let i = 1; i <= ITEM_COUNT[instrument]; i++)
    shape[`item${i}`] = z.string({ required_error: 'measure_answer_required' }).pipe(answer)
  return z
    .object(shape)
    .transform((v) => Array.from({ length: ITEM_COUNT[instrument] }, (_, i) => v[`item${i + 1}`] as number))
}

export const requestFormSchema = z.object({
  instrument: z.enum(INSTRUMENTS, { errorMap: () => ({ message: 'measure_instrument_invalid' }) }),
})

export const consentFormSchema = z.object({
  groupId: z.string().uuid('NOT_FOUND'),
  consent: z.enum(['grant', 'withdraw']),
})

export const clinicianAnswerSchema = z.object({
  answer: z.enum(['yes', 'no']),
  message: z
    .string()
    .trim()
    .max(500, 'too_long')
    .default('')
    .transform((v) => (v === '' ? null : v)),
})

// ── views that leave core ─────────────────────────────────────────────────────────────────────────────────
export interface ScorePoint {
  id: string
  total: number
  severity: Severity
  completedAt: string
  dateLabel: string
}

export interface InstrumentTrend {
  instrument: Instrument
  /** Oldest first. */
  points: ScorePoint[]
  latest: ScorePoint | null
  /** Latest minus the one before; null with fewer than two. */
  change: number | null
}

export interface PendingRequest {
  id: string
  groupId: string
  groupTitle: string
  instrument: Instrument
  sessionLabel: string | null
}

export interface ConsentChoice {
  groupId: string
  groupTitle: string
  sharedSince: string | null
  sharedSinceLabel: string | null
}

export interface MemberMeasuresView {
  pending: PendingRequest[]
  trends: InstrumentTrend[]
  consents: ConsentChoice[]
}

export interface ResponseView {
  id: string
  instrument: Instrument
  total: number
  max: number
  severity: Severity
  dateLabel: string
  /** PHQ-9 item 9 above "not at all": the crisis card and the clinician question are shown. */
  askAboutSupport: boolean
  clinicianRequested: boolean
}

export interface GroupMeasuresView {
  groupId: string
  groupTitle: string
  nextSessionLabel: string | null
  requests: Array<{ id: string; instrument: Instrument; createdLabel: string; sessionLabel: string | null }>
  /** Only members who consent to share with this group now, by group pseudonym. */
  members: Array<{ pseudonym: string; trends: InstrumentTrend[] }>
  notSharing: number
}

export interface SummaryMember {
  pseudonym: string
  measures: Array<{
    instrument: Instrument
    requested: boolean
    completed: boolean
    latest: number | null
    severity: Severity | null
    change: number | null
  }>
  homework: { done: number; total: number }
}

export interface SessionSummaryView {
  groupId: string
  groupTitle: string
  sessionLabel: string | null
  sinceLabel: string | null
  members: SummaryMember[]
  notSharing: number
}
