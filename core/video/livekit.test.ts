import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config/config.js'
import { livekitSettings } from './livekit.js'

const base = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/hs',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
}
const secret = 's'.repeat(40)

describe('LiveKit settings', () => {
  it('are optional: without them group sessions run chat-only', () => {
    expect(livekitSettings(loadConfig(base))).toBeNull()
  })

  it('derive the API address from the browser address unless given', () => {
    const config = loadConfig({
      ...base,
      LIVEKIT_URL: 'wss://video.example.org',
      LIVEKIT_API_KEY: 'APIabc',
      LIVEKIT_API_SECRET: secret,
    })
    expect(livekitSettings(config)).toEqual({
      url: 'wss://video.example.org',
      apiUrl: 'https://video.example.org',
      apiKey: 'APIabc',
      apiSecret: secret,
    })
    const internal = loadConfig({
      ...base,
      LIVEKIT_URL: 'ws://localhost:7880',
      LIVEKIT_API_URL: 'http://livekit:7880',
      LIVEKIT_API_KEY: 'devkey',
      LIVEKIT_API_SECRET: secret,
    })
    expect(livekitSettings(internal)!.apiUrl).toBe('http://livekit:7880')
  })

  it('stop the start with one line when incomplete, weak or malformed', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ LIVEKIT_URL: 'ws://localhost:7880' }, /^Invalid setting LIVEKIT_URL: .*go together$/],
      [
        { LIVEKIT_URL: 'ws://localhost:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' },
        /^Invalid setting LIVEKIT_API_SECRET: must be at least 32/,
      ],
      [
        { LIVEKIT_URL: 'http://localhost:7880', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: secret },
        /^Invalid setting LIVEKIT_URL: must be a ws/,
      ],
    ]
    for (const [env, message] of cases) {
      expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError)
      expect(() => loadConfig({ ...base, ...env })).toThrow(message)
    }
  })
})
