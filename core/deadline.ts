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
