/** What `withDeadline` rejects with when the work took too long; the work itself goes on and is ignored. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded'
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`)
  }
}

/**
 * The answer of `work`, or a DeadlineExceeded after `ms`. A paused PostgreSQL accepts connections and then never
 * answers; pages that must work without it (help, the crisis lines) wait this long and no longer (decision 019).
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms)
  })
  // The late answer (or failure) of abandoned work must not become an unhandled rejection.
  work.catch(() => {})
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer))
}

/**
 * How long the request path waits for one Redis command (the request-path client's `commandTimeout`, decision 025).
 * Redis answers in a millisecond or two; a paused Redis keeps the connection open and never answers.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1_000

/** How long one step of a chat send may wait before the send answers UNAVAILABLE and is abandoned (decision 025). */
export const SEND_STEP_DEADLINE_MS = 1_500

/** How long sign-in (and the other account forms) may wait on PostgreSQL and Redis before answering 503. */
export const ACCOUNT_FORM_DEADLINE_MS = 3_000

/**
 * How long any page (a loader or action behind the Remix handler) may take before the request answers the 503
 * "temporarily unavailable" page instead (server/remix-handler.ts, decision 025). Longer than the forms' and help's
 * own deadlines, so their more precise answers come first; pages answer in milliseconds when PostgreSQL does.
 */
export const PAGE_DEADLINE_MS = 5_000

/** How long the 503 page itself may take to render before a plain one is sent (it reads no database). */
export const UNAVAILABLE_PAGE_DEADLINE_MS = 2_000

/** What a 503 answer asks the browser to wait before trying again, in seconds. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 30

/**
 * How long a socket request (other than `message:send`, which has per-step deadlines) may take before it answers
 * UNAVAILABLE (server/gateway/respond.ts); also the handshake's and the per-minute re-check's session lookup.
 */
export const SOCKET_REQUEST_DEADLINE_MS = 3_000

/** ioredis' messages when a command was not answered: timed out, retried out, or refused while disconnected. */
const REDIS_UNAVAILABLE =
  /^(Command timed out|Stream isn't writeable|Connection is closed|Reached the max retries per request limit)/

/** postgres.js' codes for a connection that could not be made or was lost. */
const POSTGRES_UNAVAILABLE = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
])

/**
 * Whether `error` says a dependency (PostgreSQL, Redis) did not answer, rather than that the work itself failed:
 * the edge then answers UNAVAILABLE (socket ack) or 503 (page), never INTERNAL.
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DeadlineExceeded) return true
  if (!(error instanceof Error)) return false
  if (error.name === 'MaxRetriesPerRequestError' || REDIS_UNAVAILABLE.test(error.message)) return true
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && POSTGRES_UNAVAILABLE.has(code)
}
