import { createServer, type Server as HttpServer } from 'node:http'
import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import express, { type Request, type Response, type NextFunction } from 'express'
import compression from 'compression'
import helmet from 'helmet'
import type { ServerBuild } from '@remix-run/node'
import type { CoreDeps } from '../core/deps.js'
import { getSessionAccount } from '../core/identity/identity.service.js'
import { createSessionCache } from '../core/identity/session-cache.js'
import { withDeadline } from '../core/deadline.js'
import { errorFields } from '../core/log/logger.js'
import { SESSION_LOOKUP_DEADLINE_MS, startKeptHelpDrain } from '../core/crisis/crisis.degraded.js'
import { migrationsApplied } from '../db/migrate.js'
import { randomToken } from '../core/identity/identity.crypto.js'
import { createMetrics, type Metrics } from './metrics.js'
import { createGateway, type GatewayServer } from './gateway/index.js'
import { COOKIE_NAMES, readCookie } from './cookies.js'
import { livekitWebhookRouter } from './livekit-webhook.js'
import { refuseForeignForms } from './origin-guard.js'
import { createDeadlineRequestHandler } from './remix-handler.js'

/** Every file under public/ except the build, as URL paths (`/favicon.svg`). */
function listPublicFiles(publicDir: string): Set<string> {
  const files = new Set<string>()
  try {
    for (const entry of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const relative = path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep)
      if (relative[0] !== 'build') files.add(`/${relative.join('/')}`)
    }
  } catch {
    // No public directory: nothing to serve from it.
  }
  return files
}

const NONCE_MARK = 'HOLDSPACE-NONCE-MARK'

/**
 * helmet's headers, worked out once at start (decision 052): helmet runs a dozen middlewares and assembles the CSP
 * string on every request; the headers never change but for the CSP nonce, which is put into the saved string.
 */
function securityHeaders(options: Parameters<typeof helmet>[0]) {
  const headers: Array<[string, string]> = []
  const fake = {
    locals: { cspNonce: NONCE_MARK },
    setHeader: (name: string, value: string) => headers.push([name, String(value)]),
    removeHeader: () => {},
    getHeader: () => undefined,
  }
  helmet(options)({} as never, fake as never, (error?: unknown) => {
    if (error) throw error
  })
  if (!headers.some(([, value]) => value.includes(NONCE_MARK))) throw new Error('the CSP has no nonce')
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of headers)
      res.setHeader(name, value.includes(NONCE_MARK) ? value.replace(NONCE_MARK, res.locals.cspNonce as string) : value)
    next()
  }
}

export interface ServerApp {
  httpServer: HttpServer
  io: GatewayServer
  metrics: Metrics
  /** Graceful drain (server/index.ts on SIGTERM): readiness 503 at once, sockets told to reconnect elsewhere. */
  startDrain: () => void
  /** HTTP requests not yet answered (health and readiness probes included). */
  inFlight: () => number
  close: () => Promise<void>
}

/**
 * One Express app: security headers, health/readiness/metrics, static assets, the Remix handler,
 * and Socket.IO on the same HTTP server. Given its dependencies, so tests start it with real parts.
 */
export function createServerApp(deps: CoreDeps, options: { build: ServerBuild; publicDir?: string }): ServerApp {
  const { config } = deps
  const metrics = createMetrics(deps.sql)
  // Resolved session cookies, checked against Redis version tokens on every request (decision 052).
  const sessions = createSessionCache()

  /**
   * The signed-in account, waiting at most SESSION_LOOKUP_DEADLINE_MS: with PostgreSQL stopped or paused a page
   * answers without an account but knows a session cookie could not be checked (help and the crisis lines still
   * work then, decision 019), instead of a 500 or a 30-second hang.
   */
  const sessionOf = async (
    req: Request,
  ): Promise<{ account: Awaited<ReturnType<typeof getSessionAccount>>; sessionUnavailable: boolean }> => {
    const token = readCookie(req.headers.cookie, COOKIE_NAMES.session)
    if (!token) return { account: null, sessionUnavailable: false }
    try {
      return {
        account: await withDeadline(getSessionAccount(deps, token, sessions), SESSION_LOOKUP_DEADLINE_MS),
        sessionUnavailable: false,
      }
    } catch (error) {
      deps.log.warn(
        { err: { message: (error as Error)?.message } },
        'session lookup failed: answering without the account',
      )
      return { account: null, sessionUnavailable: true }
    }
  }
  const app = express()
  app.disable('x-powered-by')
  let draining = false
  let inFlight = 0
  app.use((_req, res, next) => {
    inFlight++
    metrics.httpInFlight.inc()
    let done = false
    const finish = () => {
      if (done) return
      done = true
      inFlight--
      metrics.httpInFlight.dec()
    }
    res.on('finish', finish)
    res.on('close', finish)
    next()
  })
  app.set('trust proxy', config.TRUST_PROXY)

  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const kind = req.path.startsWith('/build/') ? 'asset' : req.path.startsWith('/socket.io') ? 'socket' : 'page'
      metrics.httpDuration.observe(
        { method: req.method, kind, status: String(res.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      )
    })
    next()
  })

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  })
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`, "'strict-dynamic'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'font-src': ["'self'"],
          'connect-src': [
            "'self'",
            ...config.allowedOrigins.map((o) => o.replace(/^http/, 'ws')),
            ...(config.LIVEKIT_URL
              ? [new URL(config.LIVEKIT_URL).origin, new URL(config.LIVEKIT_URL.replace(/^ws/, 'http')).origin]
              : []),
          ],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          ...(config.secureCookies ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      // Same-origin: other sites learn nothing, and the browser still sends our own Origin with a form post
      // (under no-referrer it sends `Origin: null`, which no origin check can tell from a forged post).
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  )
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()')
    next()
  })
  app.use(compression())

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) })
  })
  app.get('/readyz', async (_req, res) => {
    if (draining) return void res.status(503).json({ status: 'draining', checks: {} })
    const check = async (fn: () => Promise<unknown>) => {
      try {
        // A dependency that does not answer in 2 s is unreachable; a stall of this process is not (decision 055).
        const result = await withDeadline(fn(), 2000)
        return result === false ? 'pending' : 'ok'
      } catch {
        return 'unreachable'
      }
    }
    const [postgres, redis, migrations] = await Promise.all([
      check(() => deps.sql`select 1`),
      check(() => deps.redis.ping()),
      check(() => migrationsApplied(deps.sql)),
    ])
    const ready = postgres === 'ok' && redis === 'ok' && migrations === 'ok'
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not_ready', checks: { postgres, redis, migrations } })
  })
  // Metrics live on their own listener (METRICS_PORT, decision 035): here a plain 404, never the Remix handler.
  app.all('/metrics', (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } })
  })

  const publicDir = options.publicDir ?? path.resolve('public')
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'))
  app.use(
    '/build',
    express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y', fallthrough: false }),
  )
  // Only the files public/ holds at start reach express.static: a page address would otherwise cost a stat() of a
  // file that is not there on every request (decision 052).
  const publicFiles = listPublicFiles(publicDir)
  const servePublic = express.static(publicDir, { maxAge: '1h', index: false })
  app.use((req, res, next) => (publicFiles.has(req.path) ? servePublic(req, res, next) : next()))
  app.use(livekitWebhookRouter(deps))

  // A CSRF secret per browser, readable only by the server; forms echo it in a hidden field.
  app.use((req, res, next) => {
    let csrf = readCookie(req.headers.cookie, COOKIE_NAMES.csrf)
    if (!csrf || !/^[A-Za-z0-9_-]{43}$/.test(csrf)) {
      csrf = randomToken(32)
      res.append(
        'Set-Cookie',
        `${COOKIE_NAMES.csrf}=${csrf}; Path=/; HttpOnly; SameSite=Lax${config.secureCookies ? '; Secure' : ''}`,
      )
    }
    res.locals.csrfToken = csrf
    next()
  })
  app.use(refuseForeignForms(deps))

  app.all(
    '*',
    // Every loader and action answers within PAGE_DEADLINE_MS or gives the 503 page (decision 025). Always
    // production mode: Remix then sanitizes errors, so no stack trace ever reaches a browser.
    createDeadlineRequestHandler({
      build: options.build,
      log: deps.log,
      getLoadContext: async (req: Request, res: Response) => ({
        deps,
        cspNonce: res.locals.cspNonce as string,
        csrfToken: res.locals.csrfToken as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        ...(await sessionOf(req)),
      }),
    }),
  )

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    // express.static's "no such asset" arrives here as a 404 error; anything else is ours.
    const status = (error as { status?: number })?.status
    if (status === 404) {
      if (!res.headersSent) res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found.' } })
      return
    }
    deps.log.error({ err: errorFields(error) }, 'unhandled request error')
    if (!res.headersSent)
      res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } })
  })

  const httpServer = createServer(app)
  const io = createGateway(httpServer, deps, metrics)
  // Help presses kept while PostgreSQL was unavailable are raised here once it answers (decision 019).
  const keptHelp = startKeptHelpDrain(deps)
  return {
    httpServer,
    io,
    metrics,
    startDrain: () => {
      if (draining) return
      draining = true
      io.emit('server:draining', { reconnectInMs: 1_000 })
    },
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        keptHelp.stop()
        io.close(() => resolve())
        httpServer.closeAllConnections?.()
      }),
  }
}
