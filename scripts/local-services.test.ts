/**
 * The local services start on a port that is really theirs. A CI run once lost a test file because its
 * PostgreSQL was handed a port from the ephemeral range that something else took before PostgreSQL bound it.
 * Here the first port handed out is held by a real listener; the real PostgreSQL and redis-server must start on
 * the next one, and a failure that is not about the port must say what the service said.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import path from 'node:path'
import postgres from 'postgres'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import {
  getFreePort,
  LocalServiceError,
  startEmbeddedPostgres,
  startRedis,
  type RunningService,
} from './local-services.js'

const dataDir = path.resolve('.data/test', `local-services-${process.pid}-${randomBytes(3).toString('hex')}`)
const running: RunningService[] = []
const held: Server[] = []

async function holdPort(): Promise<number> {
  const port = await getFreePort()
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  held.push(server)
  return port
}

/** Hands out the held port first, then free ones, and records what it handed out. */
function portsFrom(first: number) {
  const handed: number[] = []
  const pick = async () => {
    const port = handed.length === 0 ? first : await getFreePort()
    handed.push(port)
    return port
  }
  return { handed, pick }
}

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()))
  held.forEach((s) => s.close())
  rmSync(dataDir, { recursive: true, force: true })
})

describe('local services', () => {
  it('hand out ports below the ephemeral range that nothing listens on', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => getFreePort()))
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(1024)
      expect(port).toBeLessThan(32_768)
    }
  })

  it('start PostgreSQL on another port when the one handed out is taken before it binds', async () => {
    const taken = await holdPort()
    const { handed, pick } = portsFrom(taken)
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg-a'),
      database: 'probe',
      fast: true,
      pickPort: pick,
    })
    running.push(pg)
    expect(handed[0]).toBe(taken)
    expect(handed).toHaveLength(2)
    expect(new URL(pg.url).port).toBe(String(handed[1]))
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} })
    const [row] = await sql<{ db: string }[]>`select current_database() as db`
    await sql.end()
    expect(row!.db).toBe('probe')
  }, 120_000)

  it('start redis-server on another port when the one handed out is taken before it binds', async () => {
    const taken = await holdPort()
    const { handed, pick } = portsFrom(taken)
    const redis = await startRedis({ dataDir: path.join(dataDir, 'redis-a'), persist: false, pickPort: pick })
    running.push(redis)
    expect(handed).toEqual([taken, redis.port])
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 })
    await client.connect()
    expect(await client.ping()).toBe('PONG')
    client.disconnect()
  }, 60_000)

  it('say what redis-server said when it cannot start on the port it was told to use', async () => {
    const taken = await holdPort()
    const failure = await startRedis({ dataDir: path.join(dataDir, 'redis-b'), persist: false, port: taken }).catch(
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(LocalServiceError)
    expect(String((failure as Error).message)).toMatch(/Address already in use/)
  }, 60_000)
})
