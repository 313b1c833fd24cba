import { z } from 'zod'

export const ROLES = ['member', 'facilitator', 'clinician', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const LOCALES = ['en', 'pl'] as const
export type Locale = (typeof LOCALES)[number]

/** The version of the consent text in app/i18n; bump it when the wording changes. */
export const CONSENT_VERSION = '2026-11-01'

const password = z.string().min(10, 'password_too_short').max(200, 'password_too_long')
const consent = z.literal('on', { errorMap: () => ({ message: 'consent_required' }) })
/** The age confirmation and the acceptance of the terms and privacy notice (issue 18): two checkboxes at sign-up. */
const age = z.literal('on', { errorMap: () => ({ message: 'age_required' }) })
const terms = z.literal('on', { errorMap: () => ({ message: 'terms_required' }) })

export const signUpRegisteredSchema = z.object({
  email: z.string().trim().toLowerCase().email('email_invalid').max(254),
  password,
  consent,
  age,
  terms,
})

export const signUpAnonymousSchema = z.object({ password, consent, age, terms })

export const signInSchema = z.object({
  login: z.string().trim().toLowerCase().min(3, 'login_required').max(254),
  password: z.string().min(1, 'password_required').max(200),
})

export const recoverSchema = z.object({
  login: z.string().trim().toLowerCase().min(3, 'login_required').max(254),
  code: z.string().trim().min(20, 'code_invalid').max(40),
  password,
})

export const requestResetSchema = z.object({ email: z.string().trim().toLowerCase().email('email_invalid').max(254) })
export const resetPasswordSchema = z.object({ token: z.string().min(20).max(100), password })
export const confirmSignUpSchema = z.object({ token: z.string().min(20).max(100) })

export const sensitiveProfileSchema = z.object({
  legalName: z.string().trim().max(200),
  emergencyContact: z.string().trim().max(500),
})

/** ISO 3166-1 alpha-2, or 'ZZ' for "another country" (core/crisis/crisis-lines.ts COUNTRY_CHOICES). */
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'country_invalid')

export const preferencesSchema = z.object({
  locale: z.enum(LOCALES),
  pseudonymMode: z.enum(['ask', 'generate']),
  /** Optional so that a form without the field leaves the saved country as it is. */
  country: countrySchema.optional(),
})

/** What the rest of the app knows about the signed-in account. Never sent to peers. */
export interface SessionAccount {
  sessionId: string
  accountId: string
  kind: 'registered' | 'anonymous'
  username: string
  email: string | null
  role: Role
  locale: Locale
  pseudonymMode: 'ask' | 'generate'
  /** The country saved on the account (chooses crisis lines, through memberCountry); null or absent until known. */
  country?: string | null
}
