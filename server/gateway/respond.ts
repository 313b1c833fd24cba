import type { ZodTypeAny, z } from 'zod'
import type { Socket } from 'socket.io'
import type {
  Ack,
  AckCallback,
  ClientToServerEvents,
  RequestEvent,
  RequestPayload,
  RequestReply,
} from '../../core/contracts/socket-events.js'
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
export type { RequestEvent, RequestPayload, RequestReply }

/**
 * The handler must resolve to the reply type the contract in core/contracts declares for `event`, and the schema's
 * output must fit the contract's payload: a handler that answers something else does not compile.
 */
export function handleRequest<E extends RequestEvent, S extends ZodTypeAny>(
  log: Logger,
  event: E,
  schema: S &
    (z.infer<S> extends RequestPayload<E> ? unknown : { 'schema output does not fit the contract payload': E }),
  handler: (payload: z.infer<S>) => Promise<RequestReply<E>>,
): (payload: unknown, ack?: unknown) => Promise<void> {
  return async (payload: unknown, ack?: unknown) => {
    if (typeof ack !== 'function') return
    const reply = ack as AckCallback<RequestReply<E>>
    const parsed = schema.safeParse(payload)
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED } })
      return
    }
    try {
      // A dependency that never answers (a paused PostgreSQL) must not leave the ack hanging: past the deadline the
      // request answers UNAVAILABLE (decision 025). A send keeps its own per-step deadlines (core/chat).
      const work = handler(parsed.data)
      reply({
        ok: true,
        data: await (OWN_DEADLINES.has(event) ? work : withDeadline(work, SOCKET_REQUEST_DEADLINE_MS)),
      } satisfies Ack<RequestReply<E>>)
    } catch (error) {
      if (!(error instanceof AppError))
        log.error({ event, err: { message: (error as Error).message } }, 'socket handler failed')
      const body = toErrorBody(error)
      const retryAfterMs =
        error instanceof AppError && error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds * 1000) : undefined
      reply({
        ok: false,
        error: {
          code: body.code,
          message: body.message,
          ...(body.fields ? { fields: body.fields } : {}),
          ...(retryAfterMs ? { retryAfterMs } : {}),
        },
      })
    }
  }
}

/**
 * Registers `handler` for request `event` on one socket, typed by the contract (see handleRequest). The one place
 * a request listener is attached by a computed name: Socket.IO's own `on` cannot narrow a generic event name.
 */
export function onRequest<E extends RequestEvent, S extends ZodTypeAny>(
  socket: Socket<ClientToServerEvents, never, never, unknown>,
  log: Logger,
  event: E,
  schema: S &
    (z.infer<S> extends RequestPayload<E> ? unknown : { 'schema output does not fit the contract payload': E }),
  handler: (payload: z.infer<S>) => Promise<RequestReply<E>>,
): void {
  const listen = socket.on as (
    this: typeof socket,
    event: string,
    listener: (payload: unknown, ack?: unknown) => void,
  ) => unknown
  listen.call(socket, event, handleRequest(log, event, schema, handler))
}
