import { z } from 'zod'

/**
 * The Stanley–Brown safety plan, in its order: what the member notices first, what they can do alone, who and
 * where distracts, who they can ask, which professionals and crisis lines, how to make their surroundings safe,
 * and what they live for. Each section is free text, one item per line.
 */
export const SAFETY_PLAN_SECTIONS = [
  'warningSigns',
  'copingStrategies',
  'distractions',
  'peopleToAsk',
  'professionals',
  'safeEnvironment',
  'reasonsForLiving',
] as const
export type SafetyPlanSection = (typeof SAFETY_PLAN_SECTIONS)[number]
export type SafetyPlanContent = Record<SafetyPlanSection, string>

const section = z.string().trim().max(2_000, 'too_long').default('')

export const safetyPlanSchema = z
  .object(
    Object.fromEntries(SAFETY_PLAN_SECTIONS.map((s) => [s, section])) as Record<SafetyPlanSection, typeof section>,
  )
  .superRefine((plan, ctx) => {
    if (SAFETY_PLAN_SECTIONS.every((s) => plan[s] === ''))
      ctx.addIssue({ code: 'custom', path: ['warningSigns'], message: 'plan_empty' })
  })
export type SafetyPlanInput = z.infer<typeof safetyPlanSchema>

export const safetyPlanSharingSchema = z.object({ share: z.enum(['yes', 'no']).transform((v) => v === 'yes') })

// ── what leaves core ──────────────────────────────────────────────────────────────────────────────────
export interface SafetyPlanView {
  content: SafetyPlanContent
  language: 'en' | 'pl'
  sharedAt: string | null
  sharedLabel: string | null
  updatedAt: string
  updatedLabel: string
}

/** The plan as the crisis team sees it: the member's words, each section split into its lines. */
export interface SharedSafetyPlanView {
  sections: Array<{ section: SafetyPlanSection; items: string[] }>
  language: 'en' | 'pl'
  updatedAt: string
}
