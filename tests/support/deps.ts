import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { inject } from 'vitest'
import { Redis } from 'ioredis'
import { composeCore } from '../../core/composition/index.js'
import { loadConfig, type Config } from '../../core/config/config.js'
import type { CoreDeps } from '../../core/deps.js'
import { createLogger } from '../../core/log/logger.js'
import { createMailer } from '../../core/notify/mailer.js'
import { createRealtimePublisher } from '../../core/realtime/realtime.publisher.js'
import { startMailCatcher } from '../../scripts/mail-catcher.js'
import { createTestDatabase } from './database.js'

export type TestDeps = CoreDeps & {
  logLines: string[]
  mail: Awaited<ReturnType<typeof startMailCatcher>>
  databaseUrl: string
  close: () => Promise<void>
  setNow: (date: Date | null) => void
}

/**
 * Real dependencies for one test file: its own database, its own Redis key prefix, a local SMTP
 * server, and a logger whose lines are kept so tests can prove nothing sensitive was logged.
 */
export async function createTestDeps(overrides: Record<string, string> = {}): Promise<TestDeps> {
  const db = await createTestDatabase()
  const mail = await startMailCatcher()
  const redisUrl = inject('redisUrl')
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `t${randomBytes(6).toString('hex')}`,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SMTP_URL: mail.url,
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '200',
    ...overrides,
  })
  const logLines: string[] = []
  const log = createLogger({
    level: config.LOG_LEVEL,
    name: 'test',
    destination: new Writable({
      write(chunk, _enc, cb) {
        logLines.push(String(chunk))
        cb()
      },
    }),
  })
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 })
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM)
  let fixedNow: Date | null = null
  // Built by the same composition root as the server and workers: the same send pipeline, the same hooks.
  return composeCore({
    sql: db.sql,
    redis,
    config,
    log,
    mailer,
    realtime: createRealtimePublisher(redis, config.REDIS_PREFIX),
    now: () => fixedNow ?? new Date(),
    setNow: (date: Date | null) => {
      fixedNow = date
    },
    logLines,
    mail,
    databaseUrl: db.url,
    close: async () => {
      mailer.close()
      await mail.stop()
      const keys = await redis.keys(`${config.REDIS_PREFIX}:*`)
      if (keys.length) await redis.del(...keys)
      redis.disconnect()
      await db.drop()
    },
  })
}
