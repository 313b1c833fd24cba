/**
 * Real server and workers processes for tests that kill, pause or read them: the environment that points a child at
 * a test's own database and Redis, and a start that keeps everything the child prints.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { TestDeps } from './deps.js'

/** What a child process needs to run against this test's database, Redis and mail catcher. */
export function childEnv(deps: TestDeps, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const c = deps.config
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: deps.databaseUrl,
    REDIS_URL: c.REDIS_URL,
    REDIS_PREFIX: c.REDIS_PREFIX,
    SESSION_SECRET: c.SESSION_SECRET,
    ENCRYPTION_KEY: c.ENCRYPTION_KEY,
    SMTP_URL: c.SMTP_URL,
    LOG_LEVEL: 'info',
    // Free ports for the metrics listeners: tests run many server and workers children at once.
    METRICS_PORT: '0',
    WORKERS_METRICS_PORT: '0',
    ...extra,
  }
}

/** Starts `entry` under tsx in its own process group (stop it with stopProcessGroup); output() is all it printed. */
export function startTsxProcess(entry: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  })
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  return { child, output: () => output }
}

/** Runs a command-line script (`entry` under tsx) to its end, with `input` on its stdin; resolves with its exit code and output. */
export function runTsxCommand(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  child.stdin!.on('error', () => {}) // a command that refuses before reading stdin closes it early
  child.stdin!.end(input)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

/**
 * How long a test may wait for a `node --import tsx` child it runs to its end: tsx compiles the child's code afresh,
 * which once took over 40 s on the suite's loaded 2-core machine (the default test timeout is 30 s).
 */
export const CHILD_RUN_TIMEOUT_MS = 120_000
