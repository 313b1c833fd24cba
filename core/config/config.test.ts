import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, DEVELOPMENT_NOTES_KEY, configSchema, loadConfig } from './config.js'
import { redisTarget } from './redis.js'

const base = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/hs',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
}

const failure = (env: Record<string, string>) => {
  try {
    loadConfig(env)
    return 'accepted'
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as Error).message
  }
}

describe('configuration', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(base)
    expect(config).toMatchObject({
      PORT: 3000,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      REDIS_PREFIX: 'hs',
      secureCookies: false,
    })
    expect(config.publicUrl).toBe('http://127.0.0.1:3000')
    expect(config.allowedOrigins).toEqual(['http://127.0.0.1:3000'])
    expect(loadConfig({ ...base, NODE_ENV: 'production', NOTES_KEY: base.ENCRYPTION_KEY }).secureCookies).toBe(true)
  })

  it('requires NOTES_KEY in production and uses the published development key only outside it', () => {
    expect(failure({ ...base, NODE_ENV: 'production' })).toBe(
      'Invalid setting NOTES_KEY: is required in production (openssl rand -base64 32)',
    )
    expect(failure({ ...base, NOTES_KEY: 'short' })).toMatch(/^Invalid setting NOTES_KEY: must be 32 bytes/)
    expect(loadConfig(base).NOTES_KEY).toBe(DEVELOPMENT_NOTES_KEY)
    const own = Buffer.alloc(32, 9).toString('base64')
    expect(loadConfig({ ...base, NODE_ENV: 'production', NOTES_KEY: own }).NOTES_KEY).toBe(own)
  })

  it('stops with one clear line naming the bad variable', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ ...base, PORT: 'eighty' }, /^Invalid setting PORT: /],
      [{ ...base, NODE_ENV: 'staging' }, /^Invalid setting NODE_ENV: /],
      [{ ...base, ENCRYPTION_KEY: 'short' }, /^Invalid setting ENCRYPTION_KEY: must be 32 bytes/],
      [{ ...base, SESSION_SECRET: 'tiny' }, /^Invalid setting SESSION_SECRET: /],
      [{ ...base, DATABASE_URL: 'mysql://x' }, /^Invalid setting DATABASE_URL: must be a postgres:\/\/ URL$/],
      [{ ...base, LOG_LEVEL: 'loud' }, /^Invalid setting LOG_LEVEL: /],
      [{ ...base, SECURE_COOKIES: 'yes' }, /^Invalid setting SECURE_COOKIES: /],
      [
        { REDIS_URL: base.REDIS_URL, SESSION_SECRET: base.SESSION_SECRET, ENCRYPTION_KEY: base.ENCRYPTION_KEY },
        /^Invalid setting DATABASE_URL: is required$/,
      ],
      [
        { ...base, REDIS_SENTINELS: 'sentinel-1:26379' },
        /^Invalid setting REDIS_SENTINELS: REDIS_SENTINELS and REDIS_SENTINEL_NAME go together$/,
      ],
      [
        { ...base, REDIS_SENTINEL_NAME: 'mymaster' },
        /^Invalid setting REDIS_SENTINELS: REDIS_SENTINELS and REDIS_SENTINEL_NAME go together$/,
      ],
      [
        { ...base, REDIS_SENTINELS: 'sentinel-1', REDIS_SENTINEL_NAME: 'mymaster' },
        /^Invalid setting REDIS_SENTINELS: must be host:port pairs/,
      ],
      [
        { ...base, REDIS_SENTINELS: 'a:26379', REDIS_SENTINEL_NAME: 'my master' },
        /^Invalid setting REDIS_SENTINEL_NAME: /,
      ],
      [
        { ...base, REDIS_URL: '' },
        /^Invalid setting REDIS_URL: is required \(or REDIS_SENTINELS with REDIS_SENTINEL_NAME\)$/,
      ],
    ]
    for (const [env, message] of cases) {
      const line = failure(env)
      expect(line).toMatch(message)
      expect(line).not.toContain('\n')
    }
  })

  it('turns REDIS_URL, or the Sentinel settings with REDIS_URL for credentials and database, into ioredis options', () => {
    expect(redisTarget(loadConfig(base))).toEqual({ url: base.REDIS_URL, options: {} })
    const sentinels = {
      ...base,
      REDIS_URL: '',
      REDIS_SENTINELS: 'sentinel-1:26379,10.0.0.2:26380',
      REDIS_SENTINEL_NAME: 'mymaster',
    }
    expect(redisTarget(loadConfig(sentinels))).toEqual({
      options: {
        sentinels: [
          { host: 'sentinel-1', port: 26379 },
          { host: '10.0.0.2', port: 26380 },
        ],
        name: 'mymaster',
      },
    })
    const withCredentials = loadConfig({ ...sentinels, REDIS_URL: 'rediss://app:p%40ss@ignored:6379/2' })
    expect(redisTarget(withCredentials).options).toEqual({
      sentinels: [
        { host: 'sentinel-1', port: 26379 },
        { host: '10.0.0.2', port: 26380 },
      ],
      name: 'mymaster',
      username: 'app',
      password: 'p@ss',
      db: 2,
      tls: {},
    })
  })

  it('lists every variable in .env.example and the README', () => {
    const example = readFileSync('.env.example', 'utf8')
    const readme = readFileSync('README.md', 'utf8')
    for (const name of Object.keys(configSchema.shape)) {
      expect(example, `.env.example lacks ${name}`).toMatch(new RegExp(`^${name}=`, 'm'))
      expect(readme, `README lacks ${name}`).toContain(`\`${name}\``)
    }
  })
})
