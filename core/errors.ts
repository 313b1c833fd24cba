import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from './contracts/errors.js'
import { isUnavailable } from './deadline.js'

/**
 * The one error type services throw. Only the edge (Remix action, socket handler) turns it into a
 * response, and only its code and safe message leave the process.
 */
export class AppError extends Error {
  override name = 'AppError'
  constructor(
    readonly code: ErrorCode,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(code)
  }
}

/**
 * What a client may see of any thrown value: coded errors keep their code; PostgreSQL or Redis not answering is
 * UNAVAILABLE (decision 025); everything else is INTERNAL.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    return { code: error.code, message: ERROR_MESSAGES[error.code], ...(error.fields ? { fields: error.fields } : {}) }
  }
  if (isUnavailable(error)) return { code: 'UNAVAILABLE', message: ERROR_MESSAGES.UNAVAILABLE }
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
}
