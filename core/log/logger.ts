import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino'

export type { Logger }

/**
 * The one logger. Structured JSON; fields that could carry personal data or therapy content are
 * redacted wherever they appear, so a careless `log.info({ body })` still leaks nothing. An error logged as `err`
 * keeps its stack inside that field (pino's err serializer): every entry stays one line.
 */
export const REDACTED_FIELDS = [
  'email',
  'password',
  'text',
  'body',
  'content',
  'legalName',
  'emergencyContact',
  'recoveryCode',
  'token',
  'cookie',
  'ip',
  'headers.cookie',
  'headers.authorization',
]

export function createLogger(
  options: { level?: string; name?: string; destination?: NodeJS.WritableStream } = {},
): Logger {
  const paths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`])
  return pino(
    {
      level: options.level ?? 'info',
      name: options.name,
      redact: { paths, censor: '[redacted]' },
      serializers: { err: stdSerializers.err },
      base: { pid: process.pid },
    },
    options.destination as DestinationStream | undefined,
  )
}

/**
 * An error as a log field: its message and stack only — one JSON line, the stack in a field. Not the whole
 * error object: a driver's error can carry the failing query's parameters (personal data) as properties.
 * Never sent to a client.
 */
export function errorFields(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error))
  // A fresh Error with the same name, message and stack (pino's err serializer writes these and `type`).
  const clean = new Error(error.message)
  clean.name = error.name
  clean.stack = error.stack
  return clean
}
