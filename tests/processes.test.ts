import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getFreePort } from '../scripts/local-services.js'
import { createTestDeps, type TestDeps } from './support/deps.js'

/** The real server and workers processes, started the way production starts them. */
let deps: TestDeps
beforeAll(async () => {
  deps = await createTestDeps()
})
afterAll(async () => {
  await deps.close()
})

function envFor(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const c = deps.config
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: c.DATABASE_URL,
    REDIS_URL: c.REDIS_URL,
    REDIS_PREFIX: c.REDIS_PREFIX,
    SESSION_SECRET: c.SESSION_SECRET,
    ENCRYPTION_KEY: c.ENCRYPTION_KEY,
    SMTP_URL: c.SMTP_URL,
    LOG_LEVEL: 'info',
    METRICS_PORT: '0', // free metrics ports: other tests' children run at the same time
    WORKERS_METRICS_PORT: '0',
    ...extra,
  }
}

function start(entry: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c) => (stdout += c))
  child.stderr!.on('data', (c) => (stderr += c))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => ({ stdout, stderr }) }
}

async function waitFor(check: () => Promise<boolean> | boolean, ms = 30_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('timed out')
}

const killGroup = (child: ChildProcess) => {
  try {
    process.kill(-child.pid!, 'SIGKILL')
  } catch {
    /* gone */
  }
}

describe('processes', () => {
  it('the server refuses to start on a malformed setting with one clear line', async () => {
    const p = start('server/index.ts', envFor({ PORT: 'eighty' }))
    expect(await p.exited).toBe(1)
    expect(p.output().stderr.trim()).toBe('Invalid setting PORT: must be a port number')
  })

  it('the workers refuse to start without a database URL, with one clear line', async () => {
    const env = envFor()
    delete env.DATABASE_URL
    const p = start('workers/index.ts', env)
    expect(await p.exited).toBe(1)
    expect(p.output().stderr.trim()).toBe('Invalid setting DATABASE_URL: is required')
  })

  it('the server serves health and readiness, then shuts down gracefully on SIGTERM', async () => {
    const port = await getFreePort()
    const p = start('server/index.ts', envFor({ PORT: String(port) }))
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200)
      p.child.kill('SIGTERM')
      expect(await p.exited).toBe(0)
      expect(p.output().stdout).toContain('server stopping')
    } finally {
      killGroup(p.child)
    }
  })

  it('the workers process sends an outbox row to a job and a mail, then shuts down gracefully on SIGTERM', async () => {
    const p = start('workers/index.ts', envFor())
    try {
      await waitFor(() => p.output().stdout.includes('workers started'))
      const [account] = await deps.sql<{ id: string }[]>`
        insert into accounts (kind, email, username, password_hash) values ('registered', 'proc@example.org', 'proc-user', 'x') returning id`
      await deps.sql.begin(
        (tx) =>
          tx`insert into outbox (queue, job_name, payload) values ('notifications', 'password-reset:send', ${tx.json({ accountId: account!.id, requestId: crypto.randomUUID() })})`,
      )
      await waitFor(() => deps.mail.mails.some((m) => m.to.includes('proc@example.org')))
      p.child.kill('SIGTERM')
      expect(await p.exited).toBe(0)
      expect(p.output().stdout).toContain('workers stopping')
      expect(p.output().stdout).not.toContain('proc@example.org')
    } finally {
      killGroup(p.child)
    }
  })
})
