/** What `withDeadline` rejects with when the work took too long; the work itself goes on and is ignored. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded'
  /** `stalledMs`: how much time was added because this process itself was stalled while it waited. */
  constructor(
    readonly ms: number,
    readonly stalledMs = 0,
  ) {
    super(
      `no answer within ${ms} ms${stalledMs >= 1 ? ` (plus ${Math.round(stalledMs)} ms this process was stalled)` : ''}`,
    )
  }
}

/**
 * Time this process's event loop could not run (a long synchronous task, a garbage-collection pause, the operating
 * system giving both cores to other processes), summed while at least one deadline is pending. A ticker runs only
 * then: every STALL_TICK_MS it adds how late it woke. A deadline is meant to notice a dependency that does not answer
 * (decisions 019, 025, 055), not a process that could not read an answer already waiting on its socket.
 */
const STALL_TICK_MS = 20
let pendingDeadlines = 0
let stalledMs = 0
let lastTick = 0
let ticker: NodeJS.Timeout | undefined

function tick(): number {
  const now = performance.now()
  const late = now - lastTick - STALL_TICK_MS
  if (late > 0) stalledMs += late
  lastTick = now
  return stalledMs
}

function trackDeadline(): number {
  if (pendingDeadlines++ === 0) {
    lastTick = performance.now()
    ticker = setInterval(tick, STALL_TICK_MS)
    ticker.unref()
  }
  return stalledMs
}

function untrackDeadline(): void {
  if (--pendingDeadlines === 0) {
    clearInterval(ticker)
    ticker = undefined
  }
}

/** At most this many times `ms` is added for a stalled process: a process stalled for good still answers. */
const MAX_STALL_EXTENSION = 4

/**
 * The answer of `work`, or a DeadlineExceeded once `work` has had `ms` of this process's running time. A paused
 * PostgreSQL accepts connections and then never answers; pages that must work without it (help, the crisis lines)
 * wait this long and no longer (decision 019).
 *
 * Two things keep a stall of this process from passing for a silent dependency (decision 055):
 * - when the timer fires, the answer is looked for once more after the loop has read its sockets (a `setImmediate`
 *   runs after the poll phase), so an answer that arrived while the loop was blocked wins over the timer that became
 *   due in the same block;
 * - time the loop was stalled while waiting is added to the deadline, up to MAX_STALL_EXTENSION times `ms`.
 */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  // One promise, one timer: this runs for every step of every chat send (decision 025).
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    let settled = false
    const stalledAtStart = trackDeadline()
    const maxExtension = ms * MAX_STALL_EXTENSION
    let extended = 0
    const settle = (): boolean => {
      if (settled) return false
      settled = true
      if (timer) clearTimeout(timer)
      untrackDeadline()
      return true
    }
    const check = () => {
      if (settled) return
      const stalled = tick() - stalledAtStart
      const owed = Math.min(stalled, maxExtension) - extended
      if (owed >= 1) {
        extended += owed
        timer = setTimeout(due, owed)
        return
      }
      if (settle()) reject(new DeadlineExceeded(ms, extended))
    }
    const due = () => {
      timer = undefined
      setImmediate(check)
    }
    timer = setTimeout(due, ms)
    // Handling the work's failure here also keeps the late failure of abandoned work from going unhandled.
    work.then(
      (value) => settle() && resolve(value),
      (error: unknown) => settle() && reject(error),
    )
  })
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
