import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDeps, type TestDeps } from '../tests/support/deps.js'
import { createAccount, type TestAccount } from '../tests/support/crisis-fixtures.js'
import { stopProcessGroup } from '../scripts/local-services.js'

/**
 * What a real server process (tests/support/server-child.ts, the production Remix build) writes when a loader fails:
 * one JSON line with the stack inside `err.stack` (app/entry.server.tsx `handleError` through the project's logger),
 * never Remix's default raw multi-line stack on stderr; `/metrics` on the public port is a plain 404 and `POST` on the
 * metrics listener a plain 405, never a 500 from Remix.
 */
let deps: TestDeps
let server: ChildProcess
let baseUrl = ''
let metricsUrl = ''
let member: TestAccount
const stdout: string[] = []
let stderr = ''

beforeAll(async () => {
  deps = await createTestDeps()
  member = await createAccount(deps, 'member')
  const c = deps.config
  server = spawn(process.execPath, ['--import', 'tsx', 'tests/support/server-child.ts'], {
    detached: true,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: deps.databaseUrl,
      REDIS_URL: c.REDIS_URL,
      REDIS_PREFIX: c.REDIS_PREFIX,
      SESSION_SECRET: c.SESSION_SECRET,
      ENCRYPTION_KEY: c.ENCRYPTION_KEY,
      SMTP_URL: c.SMTP_URL,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const lines = createInterface({ input: server.stdout! })
  const { port, metricsPort } = await new Promise<{ port: number; metricsPort: number }>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
    lines.once('line', (line) => resolve(JSON.parse(line) as { port: number; metricsPort: number }))
  })
  lines.on('line', (line) => stdout.push(line))
  baseUrl = `http://127.0.0.1:${port}`
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`
}, 60_000)

afterAll(async () => {
  if (server) await stopProcessGroup(server)
  await deps?.close()
})

describe('server error logging', { timeout: 60_000 }, () => {
  it('logs a failing loader as one JSON line with the stack in err.stack, and the page shows no stack', async () => {
    await deps.sql`alter table groups rename to groups_moved_away`
    try {
      const response = await fetch(`${baseUrl}/groups`, { headers: { cookie: member.cookie, 'accept-language': 'en' } })
      expect(response.status).toBe(500)
      const page = await response.text()
      expect(page).not.toMatch(/groups_moved_away|relation "groups"|\bat .*\.(ts|js):\d+/)
    } finally {
      await deps.sql`alter table groups_moved_away rename to groups`
    }
    await expect.poll(() => stdout.filter((l) => l.includes('request failed')), { timeout: 10_000 }).toHaveLength(1)
    for (const line of stdout) expect(() => JSON.parse(line), line).not.toThrow()
    const entry = JSON.parse(stdout.find((l) => l.includes('request failed'))!)
    expect(entry).toMatchObject({ level: 50, msg: 'request failed', method: 'GET' })
    expect(entry.err.message).toContain('relation "groups" does not exist')
    expect(entry.err.stack).toMatch(/\n\s+at /)
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(stderr).not.toContain('does not exist')
  })

  it('answers /metrics on the public port with a plain 404, POST on the metrics listener with a plain 405, and logs no error', async () => {
    const before = stdout.length
    const hidden = await fetch(`${baseUrl}/metrics`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://elsewhere.example',
        'sec-fetch-site': 'cross-site',
      },
      body: 'a=b',
    })
    expect(hidden.status).toBe(404)
    expect((await fetch(`${baseUrl}/metrics`)).status).toBe(404)
    const response = await fetch(metricsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://elsewhere.example',
        'sec-fetch-site': 'cross-site',
      },
      body: 'a=b',
    })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD')
    expect(await response.text()).toBe('Method Not Allowed')
    const get = await fetch(metricsUrl)
    expect(get.status).toBe(200)
    expect(await get.text()).toMatch(/^holdspace_alarms_open|# HELP holdspace_/m)
    expect(stdout.slice(before).filter((l) => JSON.parse(l).level >= 50)).toEqual([])
    expect(stderr).not.toMatch(/^\s+at /m)
  })
})
