import { z } from 'zod'
import { CHAT_LIMITS } from '../contracts/socket-events.chat.js'

/**
 * Request payloads of the chat events (strict: unknown keys, `__proto__` included, are refused) and
 * the rules for message text and pseudonyms.
 */
const id = z.string().uuid()
const seq = z.number().int().min(0).max(2_147_483_647)
const limit = z.number().int().min(1).max(100).optional()
// Raw text may carry surrounding whitespace; the size of what is stored is checked after trimming.
const rawBody = z.string().max(CHAT_LIMITS.bodyMaxChars * 2)

export const chatRequestSchemas = {
  'room:join': z.object({ roomId: id, afterSeq: seq.optional() }).strict(),
  'room:leave': z.object({ roomId: id }).strict(),
  'room:read': z.object({ roomId: id, seq }).strict(),
  'rooms:watch': z.object({}).strict(),
  'message:send': z.object({ roomId: id, clientId: id, body: rawBody }).strict(),
  'message:sync': z.object({ roomId: id, afterSeq: seq, limit }).strict(),
  'message:history': z.object({ roomId: id, beforeSeq: seq, limit }).strict(),
  'message:edit': z.object({ roomId: id, messageId: id, body: rawBody }).strict(),
  'message:delete': z.object({ roomId: id, messageId: id }).strict(),
  'typing:set': z.object({ roomId: id, typing: z.boolean() }).strict(),
  'member:mute': z.object({ roomId: id, memberId: id, muted: z.boolean() }).strict(),
} as const

export type ChatRequest<E extends keyof typeof chatRequestSchemas> = z.infer<(typeof chatRequestSchemas)[E]>

// C0 and C1 control characters except tab and newline; also lone surrogates and the BOM.
const FORBIDDEN_CHARS =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The stored form of a message: CRLF as LF, trimmed; `body_empty`, `body_too_long` or `body_control_chars` otherwise. */
export function normalizeMessageBody(raw: string): { ok: true; body: string } | { ok: false; reason: string } {
  const body = raw.replace(/\r\n?/g, '\n').trim()
  if (FORBIDDEN_CHARS.test(body)) return { ok: false, reason: 'body_control_chars' }
  const length = [...body].length
  if (length === 0) return { ok: false, reason: 'body_empty' }
  if (length > CHAT_LIMITS.bodyMaxChars) return { ok: false, reason: 'body_too_long' }
  return { ok: true, body }
}

/** A pseudonym: letters (any script), digits, spaces, `-`, `_`, `.`, `'`; 2–32 characters; single spaces. */
export const pseudonymSchema = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(CHAT_LIMITS.pseudonymMinChars, 'pseudonym_too_short')
      .max(CHAT_LIMITS.pseudonymMaxChars, 'pseudonym_too_long')
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, 'pseudonym_invalid'),
  )

/** The room page's entry form: accept the rules and choose a pseudonym (empty: take the suggested one). */
export const enterRoomSchema = z.object({
  acceptRules: z.literal('on', { errorMap: () => ({ message: 'rules_required' }) }),
  pseudonymChoice: z.enum(['own', 'generated']),
  pseudonym: z.string().max(200).optional(),
  suggested: z.string().max(200).optional(),
})
