/**
 * Presence when a server process dies: a real second server in a child process is killed with
 * SIGKILL (no cleanup runs); the surviving server notices its heartbeat expired, removes its members
 * from presence well within 60 seconds, tells the room, and leaves nothing of it in Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../core/config/config.js'
import { createTestDeps, type TestDeps } from '../../../tests/support/deps.js'
import { startTestServer } from '../../../tests/support/http.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from '../../../tests/support/chat.js'
import { waitForDisconnect } from '../../../tests/support/sockets.js'

const ORIGIN = 'http://chat.test'
const TTL_SECONDS = 2

let deps: TestDeps
let server: Awaited<ReturnType<typeof startTestServer>>
let child: ChildProcess | undefined
const clients: ChatClient[] = []

async function startChildServer(): Promise<{ process: ChildProcess; baseUrl: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'tests/support/server-child.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: deps.databaseUrl,
      REDIS_URL: deps.config.REDIS_URL,
      REDIS_PREFIX: deps.config.REDIS_PREFIX,
      SESSION_SECRET: deps.config.SESSION_SECRET,
      ENCRYPTION_KEY: deps.config.ENCRYPTION_KEY,
      SMTP_URL: deps.config.SMTP_URL,
      ALLOWED_ORIGINS: ORIGIN,
      PRESENCE_TTL_SECONDS: String(TTL_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`child server exited with ${code}`)))
    createInterface({ input: proc.stdout! }).once('line', (line) =>
      resolve((JSON.parse(line) as { port: number }).port),
    )
  })
  return { process: proc, baseUrl: `http://127.0.0.1:${port}` }
}

beforeAll(async () => {
  deps = await createTestDeps({ PRESENCE_TTL_SECONDS: String(TTL_SECONDS), ALLOWED_ORIGINS: ORIGIN })
  await createSeedRooms(deps)
  server = await startTestServer(deps)
})
afterAll(async () => {
  clients.forEach((c) => c.close())
  child?.kill('SIGKILL')
  await server?.close()
  await deps?.close()
})

describe('presence across server processes', () => {
  it("by default a dead server's members vanish within 60 seconds", () => {
    const { PRESENCE_TTL_SECONDS } = loadConfig({
      DATABASE_URL: 'postgres://x/y',
      REDIS_URL: 'redis://x',
      SESSION_SECRET: 'x'.repeat(32),
      ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'),
    })
    // Expiry plus one sweep interval (a third of the TTL).
    expect(PRESENCE_TTL_SECONDS + Math.max(1, Math.floor(PRESENCE_TTL_SECONDS / 3))).toBeLessThanOrEqual(60)
  })

  it(
    'killing one server removes its members from presence on the other and leaves nothing stale in Redis',
    { timeout: 90_000 },
    async () => {
      const roomId = await roomIdOf(deps, 'loneliness')
      const stay = await chatMember(deps, 'loneliness', { pseudonym: 'Stays Here' })
      const doomed = await chatMember(deps, 'loneliness', { pseudonym: 'On Doomed Server' })
      const started = await startChildServer()
      child = started.process

      const survivor = await ChatClient.connect(server.baseUrl, stay.cookie, ORIGIN)
      const victim = await ChatClient.connect(started.baseUrl, doomed.cookie, ORIGIN)
      clients.push(survivor, victim)
      await survivor.join(roomId)
      await victim.join(roomId)
      const both = ['On Doomed Server', 'Stays Here']
      await survivor.until(
        () => survivor.presentPseudonyms().join() === both.join(),
        10_000,
        'both present on the surviving server',
      )
      await victim.until(
        () => victim.presentPseudonyms().join() === both.join(),
        10_000,
        'both present on the child server',
      )
      // A message from the child process reaches the surviving one: they share rooms through Redis.
      expect((await victim.send(roomId, 'hello from the other process')).ok).toBe(true)
      await survivor.until(
        () => survivor.timeline.messages.some((m) => m.body === 'hello from the other process'),
        10_000,
        'cross-process message',
      )

      const servers = await deps.redis.smembers(`${deps.config.REDIS_PREFIX}:presence:servers`)
      expect(servers).toHaveLength(2)

      const killedAt = Date.now()
      const gone = waitForDisconnect(victim.socket, 10_000)
      child.kill('SIGKILL')
      await gone
      await survivor.until(
        () => survivor.presentPseudonyms().join() === 'Stays Here',
        60_000,
        "the dead server's member to leave presence",
      )
      expect(Date.now() - killedAt).toBeLessThan(60_000)
      expect(survivor.presence!.count).toBe(1)

      // Nothing of the dead server remains in Redis; the living one's entries do.
      const [alive] = await deps.redis.smembers(`${deps.config.REDIS_PREFIX}:presence:servers`)
      const dead = servers.find((s) => s !== alive)!
      const keys = await deps.redis.keys(`${deps.config.REDIS_PREFIX}:presence:*`)
      expect(keys.filter((k) => k.includes(dead))).toEqual([])
      for (const key of keys.filter((k) => k.endsWith(':servers')))
        expect(await deps.redis.smembers(key)).not.toContain(dead)
      expect(keys).toContain(`${deps.config.REDIS_PREFIX}:presence:room:${roomId}:server:${alive}`)
      expect(await deps.redis.smembers(`${deps.config.REDIS_PREFIX}:presence:room:${roomId}:server:${alive}`)).toEqual([
        stay.memberId,
      ])

      // When the last member leaves, the room's presence keys are gone too.
      survivor.close()
      await expect
        .poll(async () => (await deps.redis.keys(`${deps.config.REDIS_PREFIX}:presence:room:*`)).length, {
          timeout: 10_000,
        })
        .toBe(0)
    },
  )
})
