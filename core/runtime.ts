import { Redis, type RedisOptions } from 'ioredis'
import { createSql } from '../db/client.js'
import { composeCore } from './composition/index.js'
import { REDIS_COMMAND_TIMEOUT_MS } from './deadline.js'
import type { Config } from './config/config.js'
import { redisTarget, type RedisTarget } from './config/redis.js'
import type { CoreDeps } from './deps.js'
import { createLogger } from './log/logger.js'
import { createMailer } from './notify/mailer.js'
import { createRealtimePublisher } from './realtime/realtime.publisher.js'

/** A client for a redis:// URL or a RedisTarget (core/config/redis.ts: a URL or Sentinels). */
export function createRedis(target: string | RedisTarget, options: RedisOptions = {}): Redis {
  const { url, options: base } = typeof target === 'string' ? { url: target, options: {} } : target
  const merged: RedisOptions = { lazyConnect: false, maxRetriesPerRequest: 3, ...base, ...options }
  return url ? new Redis(url, merged) : new Redis(merged)
}

/**
 * The request-path client (decision 025): a command Redis does not answer (paused, killed, unreachable) fails after
 * REDIS_COMMAND_TIMEOUT_MS and is retried over at most one reconnection, so a socket ack or a page never waits on it.
 * The offline queue stays on so a command issued while the process is still connecting waits for the connection
 * (bounded by the same timeout). Connections made from it with `duplicate()` (BullMQ's blocking workers with
 * `maxRetriesPerRequest: null`, the Socket.IO adapter's subscriber) are long-lived: they get the plain defaults back.
 */
export function createRequestPathRedis(target: string | RedisTarget): Redis {
  const redis = createRedis(target, { commandTimeout: REDIS_COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 })
  const duplicate = redis.duplicate.bind(redis)
  redis.duplicate = (override?: Partial<RedisOptions>) =>
    duplicate({ commandTimeout: undefined, maxRetriesPerRequest: 3, ...override })
  return redis
}

/** Build the real dependencies for one process. `close()` releases them in reverse order. */
export function createCoreDeps(config: Config, application: string): CoreDeps & { close: () => Promise<void> } {
  const log = createLogger({ level: config.LOG_LEVEL, name: application })
  const sql = createSql(config.DATABASE_URL, {
    application,
    max: config.DATABASE_POOL_MAX,
    prepare: config.DATABASE_PREPARE,
  })
  const redis = createRequestPathRedis(redisTarget(config))
  redis.on('error', (error) => log.warn({ err: { message: error.message } }, 'redis connection error'))
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM)
  const realtime = createRealtimePublisher(redis, config.REDIS_PREFIX)
  // The composition root adds what spans slices (the chat engine's steps and hooks, decision 030).
  return composeCore({
    sql,
    redis,
    config,
    log,
    mailer,
    realtime,
    async close() {
      mailer.close()
      redis.disconnect()
      await sql.end({ timeout: 5 })
    },
  })
}
