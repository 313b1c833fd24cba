import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from './contracts/errors.js'
import { isUnavailable } from './deadline.js'

const APP_ERROR = Symbol.for('holdspace.AppError')

/**
 * The one error type services throw. Only the edge (Remix action, socket handler) turns it into a
 * response, and only its code and safe message leave the process.
 *
 * `instanceof AppError` goes by a registered symbol, not by the class object: the Remix build bundles its own copy
 * of core, while functions the composition root hands over through deps (a slice's erasure refusal, the send
 * pipeline) come from the server's copy, and a route must still recognise their errors.
 */
export class AppError extends Error {
  override name = 'AppError'
  readonly [APP_ERROR] = true
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true
  }
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
