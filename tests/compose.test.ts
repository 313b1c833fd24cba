/**
 * The production-like Docker Compose setup. The text checks always run; the second test asks the
 * Compose CLI itself (`config` needs no running engine) when one is installed, and otherwise proves
 * that none is, so nothing here is ever skipped.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { configSchema } from '../core/config/config.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')
const compose = read('docker-compose.yml')
const dockerfile = read('Dockerfile')
const dockerignore = read('.dockerignore')

const SERVICES = ['postgres', 'redis', 'livekit', 'mailpit', 'migrate', 'server', 'workers'] as const

/** The lines of one service under `services:`, up to the next service or top-level key. */
function serviceBlock(name: string): string {
  const services = compose.slice(compose.search(/^services:\s*$/m))
  const start = services.search(new RegExp(`^  ${name}:\\s*$`, 'm'))
  if (start < 0) return ''
  const bodyStart = services.indexOf('\n', start) + 1
  const end = services.slice(bodyStart).search(/^ {0,2}\S/m)
  return services.slice(start, end < 0 ? undefined : bodyStart + end)
}

/** `--flag value` in either a shell-form or an exec-form (["--flag", "value"]) command. */
const flag = (name: string, value: string) => new RegExp(`${name}["',\\s]+${value}\\b`)

describe('docker-compose.yml, Dockerfile and .dockerignore', () => {
  it('define every service, durable Redis, required secrets and the whole configuration', () => {
    for (const name of SERVICES) expect(serviceBlock(name), `service ${name}`).not.toBe('')

    const redis = serviceBlock('redis')
    expect(redis).toMatch(flag('--appendonly', 'yes'))
    expect(redis).toMatch(flag('--appendfsync', 'everysec'))
    expect(redis).toMatch(flag('--maxmemory-policy', 'noeviction'))
    expect(redis).toMatch(/volumes:\s*\n\s*- redis-data:\/data/)
    expect(redis).toMatch(/healthcheck:/)

    const postgres = serviceBlock('postgres')
    expect(postgres).toMatch(/image: postgres:1[67]\b/)
    expect(postgres).toMatch(/- postgres-data:\/var\/lib\/postgresql\/data/)
    expect(postgres).toMatch(/pg_isready/)

    expect(serviceBlock('livekit')).toMatch(/image: livekit\/livekit-server\b/)
    expect(serviceBlock('livekit')).toMatch(/--dev/)
    expect(serviceBlock('mailpit')).toMatch(/image: axllent\/mailpit\b/)
    expect(serviceBlock('mailpit')).toMatch(/8025:8025/)

    expect(serviceBlock('migrate')).toMatch(/command: \["npx", "tsx", "db\/migrate-cli\.ts"\]/)
    expect(serviceBlock('server')).toMatch(/command: \["node", "--import", "tsx", "server\/index\.ts"\]/)
    expect(serviceBlock('workers')).toMatch(/command: \["node", "--import", "tsx", "workers\/index\.ts"\]/)
    for (const name of ['server', 'workers']) {
      const block = serviceBlock(name)
      expect(block, `${name} is built from the Dockerfile`).toMatch(/build: \./)
      expect(block, `${name} waits for the migration`).toMatch(/migrate:\s*\n\s*condition: service_completed_successfully/)
      expect(block, `${name} gets the shared environment`).toMatch(/environment: \*holdspace-env/)
    }

    // Compose refuses to start without the two secrets, rather than running with empty ones.
    expect(compose).toMatch(/SESSION_SECRET: \$\{SESSION_SECRET:\?[^}]*SESSION_SECRET[^}]*\}/)
    expect(compose).toMatch(/ENCRYPTION_KEY: \$\{ENCRYPTION_KEY:\?[^}]*ENCRYPTION_KEY[^}]*\}/)
    expect(compose).toMatch(/NODE_ENV: production/)
    expect(compose).toMatch(/HOST: 0\.0\.0\.0/)
    expect(compose).toMatch(/SMTP_URL: smtp:\/\/mailpit:1025/)
    expect(compose).toMatch(/PUBLIC_URL: \$\{PUBLIC_URL:-http:\/\/localhost:3000\}/)
    expect(compose).toMatch(/SECURE_COOKIES: \$\{SECURE_COOKIES:-false\}/)
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/[^\s]+@postgres:5432\//)
    expect(compose).toMatch(/REDIS_URL: redis:\/\/redis:6379/)

    // Every setting Holdspace reads can be given to the server and the workers.
    const env = compose.slice(compose.indexOf('x-holdspace-env:'), compose.search(/^services:/m))
    for (const name of Object.keys(configSchema.shape)) expect(env, `${name} in x-holdspace-env`).toMatch(new RegExp(`^  ${name}:( |$)`, 'm'))

    // One image: Node 20 on Debian, dependencies installed, the UI built, run as an unprivileged user.
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim\b/m)
    expect(dockerfile).toMatch(/^RUN npm (install|ci)\b/m)
    expect(dockerfile).toMatch(/npx remix build/)
    const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((m) => m[1])
    expect(users.length).toBeGreaterThan(0)
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/)
    expect(dockerfile.trimEnd().split('\n').at(-1)).toBe('CMD ["node", "--import", "tsx", "server/index.ts"]')

    for (const entry of ['node_modules', '.data', '.git', '.env', 'build', 'public/build']) {
      expect(dockerignore.split('\n').map((l) => l.trim()), `.dockerignore has ${entry}`).toContain(entry)
    }
  })

  it('is accepted by Docker Compose with the secrets set and refused without SESSION_SECRET (or no Compose CLI is installed)', () => {
    const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', timeout: 30_000 })
    const standalone = spawnSync('docker-compose', ['version'], { encoding: 'utf8', timeout: 30_000 })
    const cli: [string, string[]] | null =
      plugin.status === 0 ? ['docker', ['compose']] : standalone.status === 0 ? ['docker-compose', []] : null

    if (!cli) {
      // Really absent, not broken by this test: neither `docker compose` nor `docker-compose` runs.
      expect(plugin.status).not.toBe(0)
      expect(standalone.status).not.toBe(0)
      return
    }

    // An empty env file, so a developer's .env (read by Compose by default) cannot change the result.
    const dir = mkdtempSync(path.join(tmpdir(), 'hs-compose-'))
    const envFile = path.join(dir, 'empty.env')
    writeFileSync(envFile, '')
    const baseEnv: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !['SESSION_SECRET', 'ENCRYPTION_KEY', 'POSTGRES_PASSWORD', 'COMPOSE_FILE', 'COMPOSE_PROJECT_NAME'].includes(key)) baseEnv[key] = value
    }
    const secrets = { SESSION_SECRET: 's'.repeat(48), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }
    const run = (args: string[], env: Record<string, string>) =>
      spawnSync(cli[0], [...cli[1], '--env-file', envFile, '-f', 'docker-compose.yml', ...args], {
        cwd: root,
        env: { ...baseEnv, ...env } as NodeJS.ProcessEnv,
        encoding: 'utf8',
        timeout: 60_000,
      })
    try {
      const ok = run(['config', '--quiet'], secrets)
      expect(ok.status, ok.stderr).toBe(0)

      const resolved = run(['config'], secrets)
      expect(resolved.status, resolved.stderr).toBe(0)
      expect(resolved.stdout).toContain(secrets.SESSION_SECRET)
      expect(resolved.stdout).toContain('everysec')
      expect(resolved.stdout).toContain('service_completed_successfully')

      const noSession = run(['config', '--quiet'], { ENCRYPTION_KEY: secrets.ENCRYPTION_KEY })
      expect(noSession.status).not.toBe(0)
      expect(noSession.stderr).toContain('SESSION_SECRET')

      const noKey = run(['config', '--quiet'], { SESSION_SECRET: secrets.SESSION_SECRET })
      expect(noKey.status).not.toBe(0)
      expect(noKey.stderr).toContain('ENCRYPTION_KEY')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
