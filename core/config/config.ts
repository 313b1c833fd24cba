import { z } from 'zod'

/**
 * Every environment variable Holdspace reads, validated once at start.
 * `.env.example` and the README list the same variables with the same defaults;
 * `core/config/config.test.ts` keeps the three in step.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const positiveInt = z
  .string()
  .regex(/^\d+$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().int().positive())
/** "count/seconds", e.g. 5/10: at most 5 in any 10-second window. */
const rate = z
  .string()
  .regex(/^[1-9]\d{0,5}\/[1-9]\d{0,4}$/, 'must be count/seconds, e.g. 5/10')
  .transform((v) => ({ limit: Number(v.split('/')[0]), windowSeconds: Number(v.split('/')[1]) }))
const port = z
  .string()
  .regex(/^\d+$/, 'must be a port number')
  .transform(Number)
  .pipe(z.number().int().min(0).max(65535))
const key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default('3000'),
  PUBLIC_URL: z.string().url().optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  // Scale-out (docs/operations.md): connections per process, prepared statements (false behind PgBouncer's
  // transaction mode), and a direct URL (not through a pooler) for LISTEN and migrations.
  DATABASE_POOL_MAX: positiveInt.pipe(z.number().max(1_000, 'must be at most 1000')).default('10'),
  DATABASE_PREPARE: bool.default('true'),
  DATABASE_DIRECT_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  // Either REDIS_URL alone, or Redis Sentinel (docs/operations.md): REDIS_SENTINELS and REDIS_SENTINEL_NAME together,
  // with REDIS_URL then optional and read only for its username, password, database and rediss:// (its host is unused).
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  REDIS_SENTINELS: z
    .string()
    .regex(
      /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/,
      'must be host:port pairs separated by commas, e.g. sentinel-1:26379,sentinel-2:26379',
    )
    .optional(),
  REDIS_SENTINEL_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 . _ -')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/, 'must be 1-32 of a-z 0-9 _ -')
    .default('hs'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  ENCRYPTION_KEY: key32,
  // Session notes (core/sessionnotes, decision 042): required in production; an embedded key only in development
  // and tests. The previous key is read only, for notes sealed before a rotation.
  NOTES_KEY: key32.optional(),
  NOTES_KEY_PREVIOUS: key32.optional(),
  SESSION_IDLE_MINUTES: positiveInt.default('30'),
  // The minimum age a member confirms at sign-up (issue 18).
  MIN_AGE: positiveInt.pipe(z.number().min(13, 'must be at least 13').max(21, 'must be at most 21')).default('16'),
  SESSION_ABSOLUTE_HOURS: positiveInt.default('12'),
  SECURE_COOKIES: bool.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// URL')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Holdspace <no-reply@holdspace.local>'),
  QUICK_EXIT_URL: z.string().url().default('https://www.bbc.com/weather'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OUTBOX_POLL_MS: positiveInt.default('2000'),
  // Metrics on their own listeners, never the public port (decision 035); 0 picks a free port (tests).
  METRICS_PORT: port.default('9464'),
  WORKERS_METRICS_PORT: port.default('9465'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DRAIN_TIMEOUT_MS: positiveInt.default('10000'),
  TRUST_PROXY: bool.default('false'),
  PRESENCE_TTL_SECONDS: positiveInt
    .pipe(z.number().max(45, 'must be at most 45 (members of a dead server must vanish within 60 s)'))
    .default('30'),
  CHAT_RATE_LIMIT_MEMBER: rate.default('5/10'),
  CHAT_RATE_LIMIT_ROOM: rate.default('60/10'),
  SOCKETS_PER_SESSION: positiveInt.default('20'),
  MODERATION_WARNING_HOURS: positiveInt.default('6'),
  MODERATION_MUTE_LADDER_HOURS: z
    .string()
    .regex(/^[1-9]\d{0,3}(,[1-9]\d{0,3}){0,9}$/, 'must be hours separated by commas, e.g. 24,24')
    .transform((v) => v.split(',').map(Number))
    .default('24,24'),
  MODERATION_BAN_DAYS: positiveInt.default('30'),
  MODERATION_APPEAL_DAYS: positiveInt.default('14'),
  // Retention (docs/privacy.md): what the daily retention:purge job removes, and after how long.
  RETENTION_DELETED_MESSAGE_HOURS: positiveInt.default('24'),
  RETENTION_CHAT_DAYS: positiveInt.default('365'),
  RETENTION_PRIVATE_MESSAGE_DAYS: positiveInt.default('365'),
  RETENTION_CRISIS_DAYS: positiveInt.default('730'),
  RETENTION_SESSION_DAYS: positiveInt.default('30'),
  RETENTION_JOB_DAYS: positiveInt.default('7'),
  RETENTION_BATCH_SIZE: positiveInt.pipe(z.number().max(10_000, 'must be at most 10000')).default('500'),
  CRISIS_WEBHOOK_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must be an http(s):// URL')
    .optional(),
  CRISIS_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\/[^\s]+$/, 'must be a ws:// or wss:// URL')
    .optional(),
  LIVEKIT_API_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
    .optional(),
  LIVEKIT_API_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{3,64}$/, 'must be 3-64 of A-Z a-z 0-9 _ -')
    .optional(),
  LIVEKIT_API_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  UPLOADS_DIR: z.string().min(1).default('.data/uploads'),
  RESOURCE_MAX_BYTES: positiveInt.default('104857600'),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http:// or https:// URL')
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3-63 of a-z 0-9 . -)')
    .optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,32}$/, 'must be a region name, e.g. us-east-1')
    .default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(3).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(8, 'must be at least 8 characters').optional(),
})

/**
 * The session-notes key when NOTES_KEY is unset outside production. Published in the source: it protects nothing
 * and exists so `npm start` and the tests need no setup; production refuses to start without NOTES_KEY.
 */
export const DEVELOPMENT_NOTES_KEY = Buffer.from('holdspace-development-notes-key!').toString('base64')

export type Config = Omit<z.infer<typeof configSchema>, 'NOTES_KEY'> & {
  NOTES_KEY: string
  secureCookies: boolean
  publicUrl: string
  allowedOrigins: string[]
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parse the environment. Throws a ConfigError whose message is one line naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.keys(configSchema.shape)
  const picked: Record<string, string> = {}
  for (const name of known) {
    const value = env[name]
    if (value !== undefined && value !== '') picked[name] = value
  }
  const parsed = configSchema.safeParse(picked)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const name = String(issue.path[0] ?? 'configuration')
    const message = issue.code === 'invalid_type' && issue.received === 'undefined' ? 'is required' : issue.message
    throw new ConfigError(`Invalid setting ${name}: ${message}`)
  }
  const data = parsed.data
  if (Boolean(data.REDIS_SENTINELS) !== Boolean(data.REDIS_SENTINEL_NAME)) {
    throw new ConfigError('Invalid setting REDIS_SENTINELS: REDIS_SENTINELS and REDIS_SENTINEL_NAME go together')
  }
  if (!data.REDIS_URL && !data.REDIS_SENTINELS)
    throw new ConfigError('Invalid setting REDIS_URL: is required (or REDIS_SENTINELS with REDIS_SENTINEL_NAME)')
  if (data.CRISIS_WEBHOOK_URL && !data.CRISIS_WEBHOOK_SECRET) {
    throw new ConfigError('Invalid setting CRISIS_WEBHOOK_SECRET: is required when CRISIS_WEBHOOK_URL is set')
  }
  const livekitSet = [data.LIVEKIT_URL, data.LIVEKIT_API_KEY, data.LIVEKIT_API_SECRET].filter(Boolean).length
  if (livekitSet > 0 && livekitSet < 3)
    throw new ConfigError(
      'Invalid setting LIVEKIT_URL: LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET go together',
    )
  if (data.S3_BUCKET && Boolean(data.S3_ACCESS_KEY_ID) !== Boolean(data.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError('Invalid setting S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together')
  }
  if (data.NODE_ENV === 'production' && !data.NOTES_KEY)
    throw new ConfigError('Invalid setting NOTES_KEY: is required in production (openssl rand -base64 32)')
  const publicUrl = data.PUBLIC_URL ?? `http://${data.HOST === '0.0.0.0' ? 'localhost' : data.HOST}:${data.PORT}`
  const allowedOrigins = (data.ALLOWED_ORIGINS ?? new URL(publicUrl).origin)
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
  return {
    ...data,
    NOTES_KEY: data.NOTES_KEY ?? DEVELOPMENT_NOTES_KEY,
    secureCookies: data.SECURE_COOKIES ?? data.NODE_ENV === 'production',
    publicUrl,
    allowedOrigins,
  }
}
