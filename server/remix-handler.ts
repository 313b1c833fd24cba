/**
 * The Remix request handler with one deadline for every loader and action (issue 17, decision 025). A paused
 * PostgreSQL keeps its connections open and answers nothing; without this a page whose loader queries it waits for
 * as long as the database is paused. Every page request gets PAGE_DEADLINE_MS; past it the request answers the 503
 * "temporarily unavailable" page (root ErrorBoundary: the reader's language, the crisis lines as /help shows them)
 * with Retry-After, rendered by Remix again for the same address as a GET with no account — every signed-in loader
 * then refuses at once (`requireUser`), so nothing waits on the database. If even that does not render in time, a
 * plain page in English and Polish is sent. The abandoned work goes on and its late answer is dropped.
 */
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from 'express'
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from '@remix-run/node'
import type { Logger } from '../core/log/logger.js'
import {
  DeadlineExceeded,
  PAGE_DEADLINE_MS,
  UNAVAILABLE_PAGE_DEADLINE_MS,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  withDeadline,
} from '../core/deadline.js'

export interface DeadlineHandlerOptions {
  build: ServerBuild
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => Promise<AppLoadContext>
  log: Logger
}

function remixHeaders(req: ExpressRequest): Headers {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  return headers
}

/** The address as the browser asked for it; `req.hostname` honours the trust-proxy setting. */
function requestUrl(req: ExpressRequest): string {
  const port = (req.get('X-Forwarded-Host') ?? req.get('host') ?? '').split(':')[1]
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}${req.originalUrl}`
}

/** A request with a body starts its deadline once the body has arrived: an upload over a slow link is not an outage. */
function bodyArrived(req: ExpressRequest): Promise<void> {
  if (
    req.method === 'GET' ||
    req.method === 'HEAD' ||
    req.readableEnded ||
    !/^multipart\//i.test(req.get('content-type') ?? '')
  )
    return Promise.resolve()
  return new Promise((resolve) => req.once('end', resolve))
}

const PLAIN_UNAVAILABLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Holdspace</title></head><body>
<h1>Holdspace is temporarily unavailable</h1><p>Please try again in a minute. If you need help now, <a href="/help">see the crisis lines</a>.</p>
<h1 lang="pl">Holdspace jest chwilowo niedostępny</h1><p lang="pl">Spróbuj ponownie za minutę. Jeśli potrzebujesz pomocy teraz, <a href="/help">zobacz telefony zaufania</a>.</p>
</body></html>`

type RemixHandler = ReturnType<typeof createRequestHandler>

/**
 * The first path segment a route's full path starts with, lower-cased (React Router matches case-insensitively),
 * or null when the route can match more than one first segment: the root, index and pathless routes (which match
 * `/`), a dynamic (`:id`), optional (`x?`) or splat (`*`) first segment.
 */
function firstStaticSegment(routes: ServerBuild['routes'], id: string): string | null {
  const parts: string[] = []
  for (
    let route = routes[id] as (typeof routes)[string] | undefined;
    route;
    route = route.parentId ? routes[route.parentId] : undefined
  )
    if (route.path) parts.unshift(route.path)
  const first = parts.join('/').split('/').find(Boolean)
  if (!first || first.startsWith(':') || first === '*' || first.endsWith('?')) return null
  return first.toLowerCase()
}

/** The first segment of a decoded path, as React Router compares it; undefined when the path cannot be decoded. */
function firstSegmentOf(pathname: string): string | undefined {
  const end = pathname.indexOf('/', 1)
  const raw = pathname.slice(1, end === -1 ? undefined : end)
  try {
    return decodeURIComponent(raw).toLowerCase()
  } catch {
    return undefined
  }
}

/**
 * Remix 2 matches a request against every route several times per request (the server runtime twice, RemixServer's
 * route objects, the static router, the partial manifest) and builds the route objects again each time; with 60-odd
 * routes that was a fifth of the /rooms page's CPU (decision 052). Only routes whose full path starts with the
 * request's first segment, and the routes that match any first segment (root, index, pathless, `:param`, `*`), can
 * match it, so each first segment gets its own build holding just those routes (and their parents), made once on
 * first use: the same matches, in the same rank order, the same HTML and partial manifest. The route manifest
 * request (`/__manifest`, lazy route discovery) and any path that cannot be decoded use the whole build.
 */
export function routeScopes(build: ServerBuild) {
  const segmentOf = new Map<string, string | null>()
  for (const id of Object.keys(build.routes)) segmentOf.set(id, firstStaticSegment(build.routes, id))
  const known = new Set([...segmentOf.values()].filter((s): s is string => s !== null))
  const scopes = new Map<string, { key: string; routeIds: Set<string> }>()
  const manifestPath = `${build.basename ?? '/'}/__manifest`.replace(/\/+/g, '/')

  /** The routes a request for this path can match (with their parents), or null for the whole build. */
  function scopeOf(pathname: string): { key: string; routeIds: Set<string> } | null {
    if (pathname === manifestPath || pathname.startsWith('//') || build.basename) return null
    // A single-fetch data request (`/rooms.data`, `/_root.data` for `/`) is matched without its suffix.
    const dataPath = pathname.endsWith('.data') ? pathname.slice(0, -5).replace(/^\/_root$/, '/') : pathname
    const segments: string[] = []
    for (const path of [pathname, dataPath]) {
      const segment = firstSegmentOf(path)
      if (segment === undefined) return null
      if (known.has(segment) && !segments.includes(segment)) segments.push(segment)
    }
    const key = segments.sort().join('/')
    let scope = scopes.get(key)
    if (scope) return scope
    const routeIds = new Set<string>()
    for (const [id, segment] of segmentOf) {
      if (segment !== null && !segments.includes(segment)) continue
      for (let at: string | undefined = id; at && !routeIds.has(at); at = build.routes[at]?.parentId) routeIds.add(at)
    }
    scopes.set(key, (scope = { key, routeIds }))
    return scope
  }
  return { scopeOf }
}

export function createRouteScopedHandler(build: ServerBuild): RemixHandler {
  const whole = createRequestHandler(build, 'production')
  const { scopeOf } = routeScopes(build)
  const handlers = new Map<string, RemixHandler>()
  return (request, context) => {
    const scope = scopeOf(new URL(request.url).pathname)
    if (!scope) return whole(request, context)
    let handler = handlers.get(scope.key)
    if (!handler) {
      const pick = <T>(all: Record<string, T>) =>
        Object.fromEntries(Object.entries(all).filter(([id]) => scope.routeIds.has(id))) as Record<string, T>
      handler = createRequestHandler(
        { ...build, routes: pick(build.routes), assets: { ...build.assets, routes: pick(build.assets.routes) } },
        'production',
      )
      handlers.set(scope.key, handler)
    }
    return handler(request, context)
  }
}

export function createDeadlineRequestHandler(options: DeadlineHandlerOptions) {
  const handle = createRouteScopedHandler(options.build)
  const deadlineMs = PAGE_DEADLINE_MS

  async function send(res: ExpressResponse, response: Response): Promise<void> {
    res.statusMessage = response.statusText
    res.status(response.status)
    for (const [key, value] of response.headers.entries()) res.append(key, value)
    // Every 503 (an outage, whichever loader or form noticed it) tells the browser when to try again.
    if (response.status === 503 && !response.headers.has('Retry-After'))
      res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS))
    if (!response.body) return void res.end()
    // A page is rendered whole before its first byte (entry.server.tsx waits for onAllReady) and reaches here in
    // React's 2 KB pieces: sent as one write with a Content-Length instead of a chunked write per piece (decision 052).
    if (response.headers.get('Content-Type')?.startsWith('text/html')) {
      const html = Buffer.from(await response.arrayBuffer())
      res.setHeader('Content-Length', html.length)
      return void res.end(html)
    }
    await writeReadableStreamToWritable(response.body, res)
  }

  /** The 503 page for this address: a GET with no account, so signed-in loaders refuse at once. */
  async function unavailablePage(req: ExpressRequest, context: AppLoadContext): Promise<Response> {
    const controller = new AbortController()
    const request = new Request(requestUrl(req), {
      method: 'GET',
      headers: remixHeaders(req),
      signal: controller.signal,
    })
    try {
      const response = await withDeadline(
        handle(request, { ...context, account: null, sessionUnavailable: true }),
        UNAVAILABLE_PAGE_DEADLINE_MS,
      )
      // Only the refusal itself: a public page that rendered (200) would pretend all is well.
      if (response.status === 503) return response
      await response.body?.cancel()
    } catch {
      controller.abort()
    }
    return new Response(PLAIN_UNAVAILABLE, {
      status: 503,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
    })
  }

  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const controller = new AbortController()
      let finished = false
      res.on('finish', () => (finished = true))
      res.on('close', () => finished || controller.abort())
      const init: RequestInit & { duplex?: 'half' } = {
        method: req.method,
        headers: remixHeaders(req),
        signal: controller.signal,
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        init.body = createReadableStreamFromReadable(req)
        init.duplex = 'half'
      }
      const request = new Request(requestUrl(req), init)
      const context = await options.getLoadContext(req, res)
      const answer = handle(request, context)
      let response: Response
      try {
        response = await bodyArrived(req).then(() => withDeadline(answer, deadlineMs))
      } catch (error) {
        if (!(error instanceof DeadlineExceeded)) throw error
        // The late answer is dropped (its body never read); the loaders it waits on stop being awaited.
        answer.then((late) => late.body?.cancel()).catch(() => {})
        controller.abort()
        options.log.warn(
          { method: req.method, deadlineMs, stalledMs: Math.round(error.stalledMs) },
          'page deadline passed: answering temporarily unavailable',
        )
        response = await unavailablePage(req, context)
      }
      await send(res, response)
    } catch (error) {
      next(error)
    }
  }
}
