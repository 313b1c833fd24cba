import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino'

export type { Logger }

/**
 * The one logger. Structured JSON; fields that could carry personal data or therapy content are
 * redacted wherever they appear, so a careless `log.info({ body })` still leaks nothing. An error logged as `err`
 * keeps its stack inside that field (pino's err serializer): every entry stays one line.
 */
export const REDACTED_FIELDS = [
  'email', 'password', 'text', 'body', 'content', 'legalName', 'emergencyContact', 'recoveryCode',
  'token', 'cookie', 'ip', 'headers.cookie', 'headers.authorization',
]

export function createLogger(options: { level?: string; name?: string; destination?: NodeJS.WritableStream } = {}): Logger {
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
