/**
 * Redis Sentinel (issue 16, docs/operations.md): a redis-server primary and a `redis-server --sentinel` that monitors
 * it, each on a free port; a server process and a workers process given REDIS_SENTINELS and REDIS_SENTINEL_NAME and no
 * REDIS_URL at all. A chat message goes round through the server (request path, Socket.IO adapter, emitter), and a
 * BullMQ job started by the workers' schedules completes — every connection found the primary by asking the Sentinel.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureRedisServer, getFreePort, startRedis, stopProcessGroup } from '../scripts/local-services.js'
import type { ChatMessage } from '../core/contracts/socket-events.chat.js'
import { createTestDeps, type TestDeps } from './support/deps.js'
import { ChatClient, chatMember, createSeedRooms, roomIdOf } from './support/chat.js'
import { childEnv, startTsxProcess } from './support/processes.js'

const dataDir = path.resolve('.data/test', `redis-sentinel-${process.pid}-${randomBytes(3).toString('hex')}`)
const NAME = 'holdspace-test'
const SOCKET_ORIGIN = 'http://holdspace.test'
let deps: TestDeps
let primary: Awaited<ReturnType<typeof startRedis>>
let sentinel: ChildProcess
let sentinelPort: number
let server: ReturnType<typeof startTsxProcess> | undefined
let workers: ReturnType<typeof startTsxProcess> | undefined
let direct: Redis
const clients: ChatClient[] = []

/** The environment of a child that knows only the Sentinel: REDIS_URL is empty (unset for loadConfig). */
const sentinelEnv = () =>
  childEnv(deps, {
    REDIS_URL: '',
    REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`,
    REDIS_SENTINEL_NAME: NAME,
    ALLOWED_ORIGINS: SOCKET_ORIGIN,
    LOG_LEVEL: 'warn',
  })

async function startSentinel(primaryPort: number): Promise<void> {
  sentinelPort = await getFreePort()
  const dir = path.join(dataDir, 'sentinel')
  mkdirSync(dir, { recursive: true })
  const conf = path.join(dir, 'sentinel.conf') // the Sentinel rewrites its own config file: it must be writable
  writeFileSync(
    conf,
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      'protected-mode no',
      'daemonize no',
      `dir ${dir}`,
      `sentinel monitor ${NAME} 127.0.0.1 ${primaryPort} 1`,
      '',
    ].join('\n'),
  )
  const child = spawn(ensureRedisServer(), [conf, '--sentinel'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  sentinel = child // stopped in afterAll even if it never becomes ready
  // Ready once it logs that it monitors the primary (`+monitor master <name> 127.0.0.1 <port> quorum 1`).
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes(`+monitor master ${NAME} 127.0.0.1 ${primaryPort}`)) resolve()
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => reject(new Error(`redis-server --sentinel exited (${code}): ${output}`)))
  })
  child.stdout!.removeAllListeners('data').resume()
  child.stderr!.removeAllListeners('data').resume()
}

beforeAll(async () => {
  deps = await createTestDeps()
  await createSeedRooms(deps)
  primary = await startRedis({ dataDir, persist: false })
  direct = new Redis(primary.url, { maxRetriesPerRequest: 3 })
  await startSentinel(primary.port)
}, 120_000)

afterAll(async () => {
  clients.forEach((c) => c.close())
  for (const p of [server, workers]) if (p) await stopProcessGroup(p.child, 'SIGKILL')
  if (sentinel) await stopProcessGroup(sentinel, 'SIGKILL')
  direct?.disconnect()
  await primary?.stop().catch(() => {})
  await deps?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('Redis Sentinel', { timeout: 120_000 }, () => {
  it('a server told only the Sentinel carries a chat message round trip through the primary', async () => {
    server = startTsxProcess('tests/support/server-child.ts', sentinelEnv())
    const port = await new Promise<number>((resolve, reject) => {
      server!.child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${server!.output()}`)))
      createInterface({ input: server!.child.stdout! }).once('line', (line) =>
        resolve((JSON.parse(line) as { port: number }).port),
      )
    })
    const baseUrl = `http://127.0.0.1:${port}`
    const roomId = await roomIdOf(deps, 'anxiety')
    const ann = await chatMember(deps, 'anxiety')
    const bo = await chatMember(deps, 'anxiety')
    const a = await ChatClient.connect(baseUrl, ann.cookie, SOCKET_ORIGIN)
    const b = await ChatClient.connect(baseUrl, bo.cookie, SOCKET_ORIGIN)
    clients.push(a, b)
    await a.join(roomId)
    await b.join(roomId)
    const reply = await a.send(roomId, 'Through the Sentinel')
    expect(reply.ok).toBe(true)
    await b.until(
      () =>
        b.received.some(
          (r) => r.event === 'message:created' && (r.payload as ChatMessage).body === 'Through the Sentinel',
        ),
      20_000,
      'the message through the Sentinel',
    )
    // The server's Redis traffic reached the primary the Sentinel named (rate-limit and presence keys).
    expect((await direct.keys(`${deps.config.REDIS_PREFIX}:*`)).length).toBeGreaterThan(0)
  })

  it('a workers process told only the Sentinel runs a scheduled BullMQ job to completion', async () => {
    workers = startTsxProcess('workers/index.ts', sentinelEnv())
    const completed = async () => {
      const keys = await direct.keys(`${deps.config.REDIS_PREFIX}:bull:*:completed`)
      let n = 0
      for (const key of keys) n += await direct.zcard(key)
      return n
    }
    await expect.poll(completed, { timeout: 60_000, interval: 250 }).toBeGreaterThan(0)
    expect(workers.child.exitCode).toBeNull()
  }, 90_000)
})
