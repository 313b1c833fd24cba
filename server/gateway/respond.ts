import type { ZodTypeAny, z } from 'zod'
import type { Ack, AckCallback } from '../../core/contracts/socket-events.js'
import { ERROR_MESSAGES } from '../../core/contracts/errors.js'
import { AppError, toErrorBody } from '../../core/errors.js'
import type { Logger } from '../../core/log/logger.js'
import { SOCKET_REQUEST_DEADLINE_MS, withDeadline } from '../../core/deadline.js'

/** Requests whose handler bounds its own waits: a whole-request deadline would refuse a send whose commit was sent. */
const OWN_DEADLINES = new Set<string>(['message:send'])

/**
 * Wraps a socket request handler: validates the payload with its schema, runs the handler, and always
 * answers through the ack with `{ ok: true, data }` or `{ ok: false, error }` carrying a known code (and
 * `retryAfterMs` when the refusal says how long to wait).
 * A missing ack or a thrown non-AppError never leaks anything to the client.
 */
export function handleRequest<S extends ZodTypeAny, T>(
  log: Logger,
  event: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<T>,
) {
  return async (payload: unknown, ack?: unknown) => {
    if (typeof ack !== 'function') return
    const reply = ack as AckCallback<T>
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED } })
      return
    }
    try {
      // A dependency that never answers (a paused PostgreSQL) must not leave the ack hanging: past the deadline the
      // request answers UNAVAILABLE (decision 025). A send keeps its own per-step deadlines (core/chat).
      const work = handler(parsed.data)
      reply({ ok: true, data: await (OWN_DEADLINES.has(event) ? work : withDeadline(work, SOCKET_REQUEST_DEADLINE_MS)) } satisfies Ack<T>)
    } catch (error) {
      if (!(error instanceof AppError)) log.error({ event, err: { message: (error as Error).message } }, 'socket handler failed')
      const body = toErrorBody(error)
      const retryAfterMs = error instanceof AppError && error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds * 1000) : undefined
      reply({ ok: false, error: { code: body.code, message: body.message, ...(body.fields ? { fields: body.fields } : {}), ...(retryAfterMs ? { retryAfterMs } : {}) } })
    }
  }
}
