import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { getFreePort } from './local-services.js'
import { superviseProcess, type SupervisedProcess } from './supervise.js'

/**
 * `npm start` supervision with the real processes: the server and the workers run under scripts/supervise.ts as
 * scripts/dev.ts runs them. A workers process killed with SIGKILL is restarted with a line saying so while the server
 * keeps answering; a killed server comes back on its port; stopping the supervisor stops both for good.
 */
let deps: TestDeps
let port = 0
const lines: string[] = []
const output = new Map<string, string>()
let server: SupervisedProcess | undefined
let workers: SupervisedProcess | undefined

const capture = (name: string) => (child: ChildProcess) => {
  output.set(name, '')
  const add = (c: Buffer) => output.set(name, (output.get(name) ?? '') + c.toString())
  child.stdout!.on('data', add)
  child.stderr!.on('data', add)
}
const answers = async (path: string) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}${path}`)).status
  } catch {
    return 0
  }
}

beforeAll(async () => {
  deps = await createTestDeps()
  port = await getFreePort()
})
afterAll(async () => {
  await server?.stop()
  await workers?.stop()
  await deps?.close()
})

describe('npm start supervision', { timeout: 120_000 }, () => {
  it('restarts a killed workers or server process with a line saying so, and the rest stays up', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: deps.databaseUrl,
      REDIS_URL: deps.config.REDIS_URL,
      REDIS_PREFIX: deps.config.REDIS_PREFIX,
      SESSION_SECRET: deps.config.SESSION_SECRET,
      ENCRYPTION_KEY: deps.config.ENCRYPTION_KEY,
      SMTP_URL: deps.config.SMTP_URL,
      LOG_LEVEL: 'info',
      METRICS_PORT: '0', // free metrics ports: other tests' children run at the same time
      WORKERS_METRICS_PORT: '0',
    }
    const say = (line: string) => lines.push(line)
    const stdio = ['ignore', 'pipe', 'pipe'] as const
    server = superviseProcess({
      name: 'server',
      args: ['--import', 'tsx', 'server/index.ts'],
      env,
      say,
      stdio: [...stdio],
      onStart: capture('server'),
    })
    workers = superviseProcess({
      name: 'workers',
      args: ['--import', 'tsx', 'workers/index.ts'],
      env,
      say,
      stdio: [...stdio],
      onStart: capture('workers'),
    })
    await expect.poll(() => answers('/readyz'), { timeout: 60_000 }).toBe(200)
    await expect.poll(() => output.get('workers'), { timeout: 60_000 }).toContain('workers started')
    const serverPid = server.current().pid
    const firstWorkers = workers.current()

    process.kill(-firstWorkers.pid!, 'SIGKILL')
    await expect.poll(() => workers!.restarts(), { timeout: 30_000 }).toBe(1)
    expect(lines).toContain(`workers restarted (restart 1, pid ${workers.current().pid})`)
    expect(lines).toContain('workers killed by SIGKILL; restarting in 1 s')
    expect(workers.current().pid).not.toBe(firstWorkers.pid)
    await expect.poll(() => output.get('workers'), { timeout: 60_000 }).toContain('workers started')
    // The server was never touched: same process, still ready.
    expect(server.current().pid).toBe(serverPid)
    expect(server.current().exitCode).toBeNull()
    expect(await answers('/readyz')).toBe(200)

    process.kill(-serverPid!, 'SIGKILL')
    await expect.poll(() => server!.restarts(), { timeout: 30_000 }).toBe(1)
    expect(lines).toContain('server killed by SIGKILL; restarting in 1 s')
    await expect.poll(() => answers('/readyz'), { timeout: 60_000 }).toBe(200)
    expect(workers.restarts()).toBe(1)

    // Ctrl-C path: stopping ends both for good, no restart follows.
    const lastServer = server.current()
    const lastWorkers = workers.current()
    await Promise.all([server.stop(), workers.stop()])
    expect(lastServer.exitCode !== null || lastServer.signalCode !== null).toBe(true)
    expect(lastWorkers.exitCode !== null || lastWorkers.signalCode !== null).toBe(true)
    expect(lines.filter((l) => l.includes('restarting'))).toHaveLength(2)
    expect(await answers('/healthz')).toBe(0)
  })
})
