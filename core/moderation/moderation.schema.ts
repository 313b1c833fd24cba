import { z } from 'zod'
import {
  MODERATION_ACTIONS,
  REPORT_CATEGORIES,
  type ReportCategory,
  type SanctionKind,
} from '../contracts/socket-events.moderation.js'
import type { ScreenReason } from './screen.js'

const id = z.string().uuid()
const reason = z.string().trim().max(500, 'too_long').optional()

/** Socket and form payloads of the moderation slice (strict: unknown keys are refused). */
export const moderationRequestSchemas = {
  'message:report': z
    .object({
      roomId: id,
      messageId: id,
      category: z.enum(REPORT_CATEGORIES),
      note: z.string().trim().max(500).optional(),
    })
    .strict(),
  'moderation:status': z.object({ roomId: id }).strict(),
  'moderation:watch': z.object({}).strict(),
  'moderation:act': z
    .object({
      action: z.enum(MODERATION_ACTIONS),
      roomId: id,
      flagId: id.optional(),
      messageId: id.optional(),
      memberId: id.optional(),
      sanctionId: id.optional(),
      reason,
      duration: z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 365)
        .optional(),
      slowModeSeconds: z.number().int().min(0).max(3600).optional(),
    })
    .strict(),
} as const

export type ActRequest = z.infer<(typeof moderationRequestSchemas)['moderation:act']>

/** Form fields arrive as strings. */
export const actFormSchema = z.object({
  action: z.enum(MODERATION_ACTIONS),
  roomId: id,
  flagId: id.optional().or(z.literal('').transform(() => undefined)),
  messageId: id.optional().or(z.literal('').transform(() => undefined)),
  memberId: id.optional().or(z.literal('').transform(() => undefined)),
  sanctionId: id.optional().or(z.literal('').transform(() => undefined)),
  reason,
  duration: z
    .string()
    .regex(/^\d{0,6}$/, 'VALIDATION_FAILED')
    .optional()
    .transform((v) => (v ? Number(v) : undefined)),
  slowModeSeconds: z
    .string()
    .regex(/^\d{0,4}$/, 'VALIDATION_FAILED')
    .optional()
    .transform((v) => (v ? Number(v) : undefined)),
})

export const appealFormSchema = z
  .object({
    sanctionId: id.optional().or(z.literal('').transform(() => undefined)),
    messageId: id.optional().or(z.literal('').transform(() => undefined)),
    body: z.string().trim().min(1, 'required').max(1000, 'too_long'),
  })
  .refine((v) => Boolean(v.sanctionId) !== Boolean(v.messageId), { message: 'VALIDATION_FAILED', path: ['body'] })

export const decideAppealSchema = z.object({
  appealId: id,
  decision: z.enum(['upheld', 'overturned']),
  note: z.string().trim().max(1000, 'too_long').optional(),
})

export const assignFacilitatorSchema = z.object({
  roomId: id,
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{3,40}$/, 'VALIDATION_FAILED'),
  assign: z.enum(['yes', 'no']).transform((v) => v === 'yes'),
})

/** Screen reasons folded into the report categories a flag is filed under. */
export const SCREEN_CATEGORY: Record<ScreenReason, ReportCategory> = {
  slur: 'harassment',
  harassment: 'harassment',
  personal_data: 'privacy',
  contact_request: 'privacy',
  spam_repeat: 'spam',
  spam_links: 'spam',
  spam_shouting: 'spam',
  self_harm_method: 'self_harm',
  safe_messaging: 'self_harm',
}

/** Distinct member reporters that hide a message before a facilitator looks (any facilitator report does too). */
export const AUTO_HIDE_REPORTERS = 3

// ---------------------------------------------------------------------------------------------
// What leaves core for the facilitators' queue. Members appear by room pseudonym and handle only.

export interface QueueMessage {
  id: string
  seq: number
  pseudonym: string
  body: string | null
  status: 'visible' | 'held' | 'hidden' | 'removed'
  createdAt: string
  flagged: boolean
}

export interface QueueSanction {
  id: string
  kind: SanctionKind
  startsAt: string
  endsAt: string
  active: boolean
  reason: string
}

export interface QueueItem {
  flagId: string
  roomId: string
  roomTitle: string
  category: ReportCategory
  source: 'report' | 'screen' | 'facilitator'
  signals: string[]
  priority: number
  deadlineAt: string
  stage: number
  held: boolean
  autoHidden: boolean
  /** Who has taken it on: facilitators see whether it is theirs, never another's account. */
  owner: 'nobody' | 'you' | 'another'
  createdAt: string
  reports: { count: number; categories: ReportCategory[]; notes: string[]; byFacilitator: boolean }
  member: { memberId: string; pseudonym: string }
  message: QueueMessage
  context: QueueMessage[]
  history: { flags: { open: number; dismissed: number; actioned: number }; sanctions: QueueSanction[] }
}

export interface QueueAppeal {
  appealId: string
  roomId: string
  roomTitle: string
  pseudonym: string
  memberId: string
  kind: SanctionKind | 'removal'
  body: string
  createdAt: string
  messageBody: string | null
  sanction: { kind: SanctionKind; endsAt: string; reason: string } | null
}

export interface ModerationQueue {
  rooms: Array<{ id: string; title: string; slowModeSeconds: number; locked: boolean }>
  flags: QueueItem[]
  appeals: QueueAppeal[]
}

export interface Appealable {
  roomTitle: string
  pseudonym: string
  kind: SanctionKind | 'removal'
  sanctionId: string | null
  messageId: string | null
  reason: string
  at: string
  until: string | null
  appeal: { status: 'pending' | 'upheld' | 'overturned'; note: string } | null
  canAppeal: boolean
}
