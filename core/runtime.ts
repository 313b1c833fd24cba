import { Redis, type RedisOptions } from 'ioredis'
import { createSql } from '../db/client.js'
import type { Config } from './config/config.js'
import type { CoreDeps } from './deps.js'
import { createLogger } from './log/logger.js'
import { createMailer } from './notify/mailer.js'
import { createRealtimePublisher } from './realtime/realtime.publisher.js'

export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3, ...options })
}

/** Build the real dependencies for one process. `close()` releases them in reverse order. */
export function createCoreDeps(config: Config, application: string): CoreDeps & { close: () => Promise<void> } {
  const log = createLogger({ level: config.LOG_LEVEL, name: application })
  const sql = createSql(config.DATABASE_URL, { application })
  const redis = createRedis(config.REDIS_URL)
  redis.on('error', (error) => log.warn({ err: { message: error.message } }, 'redis connection error'))
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM)
  const realtime = createRealtimePublisher(redis, config.REDIS_PREFIX)
  return {
    sql, redis, config, log, mailer, realtime,
    async close() {
      mailer.close()
      redis.disconnect()
      await sql.end({ timeout: 5 })
    },
  }
}
