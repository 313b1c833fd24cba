import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { getFreePort } from '../scripts/local-services.js'

/**
 * The README's start command, as a newcomer runs it: `npm start` runs scripts/dev.ts, which starts its own
 * PostgreSQL and redis-server, migrates, seeds, builds, starts server and workers (a killed workers process is
 * restarted); Ctrl-C stops it all.
 */
const dataDir = mkdtempSync(path.resolve('.data/test/start-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

async function runStart(port: number) {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOLDSPACE_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout!.on('data', (c) => (out += c))
  child.stderr!.on('data', (c) => (out += c))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const deadline = Date.now() + 120_000
  while (!out.includes('press Ctrl-C') && Date.now() < deadline) {
    if (child.exitCode !== null) break
    await new Promise((r) => setTimeout(r, 200))
  }
  return { child, exited, output: () => out }
}

function servicePorts(output: string): number[] {
  return [...output.matchAll(/(?:PostgreSQL|Redis) at 127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]))
}

describe('npm start', () => {
  it('brings the platform up, prints the address and demo sign-ins, restarts a killed workers process, and Ctrl-C stops everything it started', async () => {
    const port = await getFreePort()
    const first = await runStart(port)
    try {
      const out = first.output()
      expect(out).toContain(`Holdspace is running at http://127.0.0.1:${port}`)
      expect(out).toContain('member@holdspace.local')
      expect(out).toContain('seeded demo accounts and rooms')
      const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()
      expect(ready.status).toBe('ready')
      const signIn = await fetch(`http://127.0.0.1:${port}/signin`)
      expect(signIn.status).toBe(200)

      // A crashed workers process is restarted with a line saying so; the server and the database stay up.
      const workersPid = Number(/workers started \(pid (\d+)\)/.exec(out)?.[1])
      expect(workersPid).toBeGreaterThan(0)
      process.kill(-workersPid, 'SIGKILL')
      await expect.poll(() => first.output(), { timeout: 30_000 }).toMatch(/workers restarted \(restart 1, pid \d+\)/)
      expect(first.output()).toContain('workers killed by SIGKILL; restarting in 1 s')
      expect(first.output()).not.toContain('stopping')
      expect((await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).status).toBe('ready')
    } finally {
      process.kill(-first.child.pid!, 'SIGINT')
    }
    await first.exited
    expect(first.output()).toContain('[holdspace] stopped')
    expect(await portOpen(port)).toBe(false)
    const services = servicePorts(first.output())
    expect(services).toHaveLength(2)
    for (const p of services) expect(await portOpen(p), `port ${p} still open`).toBe(false)

    // A second start reuses .data: the database survives and is not seeded again.
    const second = await runStart(port)
    try {
      expect(second.output()).toContain('database is up to date')
      expect(second.output()).not.toContain('seeded demo')
    } finally {
      process.kill(-second.child.pid!, 'SIGINT')
    }
    await second.exited
    expect(second.output()).toContain('[holdspace] stopped')
  }, 300_000)
})
