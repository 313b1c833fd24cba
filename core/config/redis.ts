import type { RedisOptions } from 'ioredis'
import type { Config } from './config.js'

/** Where a process's Redis connections go: a redis:// URL, or ioredis options naming Sentinels (docs/operations.md). */
export type RedisTarget = { url: string; options: RedisOptions } | { url?: undefined; options: RedisOptions }

/**
 * The one place Redis settings become ioredis options. Every connection (request path, the Socket.IO adapter's pub/sub,
 * BullMQ queues and workers, the outbox relay, the emitters) is this client or a `duplicate()` of it, so a duplicate
 * keeps the Sentinel options and asks the Sentinels for the current primary after a failover.
 * With REDIS_SENTINELS, REDIS_URL (optional) gives only the username, password, database and TLS (rediss://).
 */
export function redisTarget(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'>,
): RedisTarget {
  if (!config.REDIS_SENTINELS || !config.REDIS_SENTINEL_NAME) {
    if (!config.REDIS_URL) throw new Error('REDIS_URL or REDIS_SENTINELS is required')
    return { url: config.REDIS_URL, options: {} }
  }
  const sentinels = config.REDIS_SENTINELS.split(',').map((pair) => {
    const at = pair.lastIndexOf(':')
    return { host: pair.slice(0, at), port: Number(pair.slice(at + 1)) }
  })
  const options: RedisOptions = { sentinels, name: config.REDIS_SENTINEL_NAME }
  if (config.REDIS_URL) {
    const url = new URL(config.REDIS_URL)
    if (url.username) options.username = decodeURIComponent(url.username)
    if (url.password) options.password = decodeURIComponent(url.password)
    const db = url.pathname.replace(/^\//, '')
    if (/^\d+$/.test(db)) options.db = Number(db)
    if (url.protocol === 'rediss:') options.tls = {}
  }
  return { options }
}
