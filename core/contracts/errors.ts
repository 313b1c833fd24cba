/**
 * The only error codes that ever reach a client (HTTP body, form error or socket ack).
 * Browser-safe: the UI translates codes, never server messages.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'TOO_MANY_CONNECTIONS',
  'CSRF_FAILED',
  'INVALID_CREDENTIALS',
  'INVALID_RECOVERY_CODE',
  'INVALID_RESET_TOKEN',
  'INVALID_SIGNUP_LINK',
  'CONSENT_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'INTERNAL',
  'MUTED',
  'BANNED',
  'MESSAGE_REJECTED',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'LEADS_GROUPS',
  'CRISIS_OPEN',
  'ROOM_CLOSED',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** Plain-English fallbacks, safe to show; the UI prefers its translated strings. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  BAD_REQUEST: 'The request could not be understood.',
  VALIDATION_FAILED: 'Some of the input is not valid.',
  UNAUTHENTICATED: 'Please sign in.',
  FORBIDDEN: 'You are not allowed to do that.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'That conflicts with the current state.',
  RATE_LIMITED: 'Too many attempts. Please wait a moment and try again.',
  TOO_MANY_CONNECTIONS: 'This sign-in has too many open tabs or windows. Close some of them and reload.',
  CSRF_FAILED: 'The form expired. Please reload the page and try again.',
  INVALID_CREDENTIALS: 'Those sign-in details did not match.',
  INVALID_RECOVERY_CODE: 'That recovery code did not match.',
  INVALID_RESET_TOKEN: 'That link has expired or was already used.',
  INVALID_SIGNUP_LINK: 'That link has expired or was already used.',
  CONSENT_REQUIRED: 'Please read and accept how we handle your data.',
  PAYLOAD_TOO_LARGE: 'That is too large.',
  UNAVAILABLE: 'The service is busy. Please try again shortly.',
  INTERNAL: 'Something went wrong on our side.',
  MUTED: 'A facilitator has muted you in this room for a while.',
  BANNED: 'A facilitator has banned you from this room for a while.',
  MESSAGE_REJECTED: 'This message was not sent. Please rephrase it and try again.',
  FILE_TOO_LARGE: 'That file is too large.',
  FILE_TYPE_NOT_ALLOWED: 'That kind of file cannot be uploaded.',
  LEADS_GROUPS: 'You lead a group, so this account cannot be deleted yet.',
  CRISIS_OPEN: 'Your request for help is still open, so this account cannot be deleted yet.',
  ROOM_CLOSED: 'This room is closed just now; it opens again when someone is there to look after it.',
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TOO_MANY_CONNECTIONS: 429,
  CSRF_FAILED: 403,
  INVALID_CREDENTIALS: 401,
  INVALID_RECOVERY_CODE: 401,
  INVALID_RESET_TOKEN: 400,
  INVALID_SIGNUP_LINK: 400,
  CONSENT_REQUIRED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  MUTED: 403,
  BANNED: 403,
  MESSAGE_REJECTED: 422,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  LEADS_GROUPS: 409,
  CRISIS_OPEN: 409,
  ROOM_CLOSED: 403,
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  fields?: Record<string, string>
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
