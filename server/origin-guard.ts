import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { CoreDeps } from '../core/deps.js'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Where the refused post is answered: a page that says, in the member's language, that nothing was done. */
export const REFUSED_PAGE = '/refused'

/**
 * Whether a state-changing request came from one of our own pages, as the browser tells it:
 * - `Sec-Fetch-Site` (set by the browser, never by a page's script): same-origin passes; same-site and cross-site
 *   are another site's pages.
 * - Without it (older browsers), `Origin`: our own origin (ALLOWED_ORIGINS, or the Host the request was sent to)
 *   passes; `null` (a sandboxed frame, a data: URL) and any other origin do not.
 * - With neither, the request did not come from a browser page; the CSRF token in every form still decides.
 */
export function isOwnOrigin(req: Request, allowedOrigins: readonly string[]): boolean {
  const site = req.headers['sec-fetch-site']
  if (site === 'same-origin' || site === 'none') return true
  if (site === 'same-site' || site === 'cross-site') return false
  const origin = req.headers.origin
  if (origin === undefined) return true
  if (allowedOrigins.includes(origin)) return true
  try {
    const host =
      (req.app.get('trust proxy') ? req.headers['x-forwarded-host']?.toString().split(',')[0]?.trim() : undefined) ||
      req.headers.host
    return origin !== 'null' && Boolean(host) && new URL(origin).host === host
  } catch {
    return false
  }
}

/**
 * The one origin check for pages and forms (docs/architecture.md, "Forms and origins"). A form posted from
 * another site changes nothing and is answered with the 403 page (JSON for Remix's data requests); a refusal is one log line. Once a request passes,
 * its Origin header is dropped before Remix sees it: Remix's own check compares it with the Host header only, and
 * answers a mismatch (a proxy, a page still cached with the old no-referrer policy) with a blank 500.
 */
export function refuseForeignForms(deps: CoreDeps): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!UNSAFE_METHODS.has(req.method)) return next()
    if (isOwnOrigin(req, deps.config.allowedOrigins)) {
      delete req.headers.origin
      return next()
    }
    let originHost = 'null'
    try {
      originHost = req.headers.origin && req.headers.origin !== 'null' ? new URL(req.headers.origin).host : 'null'
    } catch {
      originHost = 'invalid'
    }
    deps.log.warn(
      { method: req.method, path: req.path, fetchSite: req.headers['sec-fetch-site'] ?? null, originHost },
      'form from another site refused',
    )
    if (req.path.endsWith('.data') || req.query._data !== undefined) {
      res
        .status(403)
        .json({ error: { code: 'FORBIDDEN', message: 'This request came from another site, so nothing was done.' } })
      return
    }
    // Rendered by the Remix route for REFUSED_PAGE as a GET: no action runs, the status is 403.
    req.method = 'GET'
    req.url = REFUSED_PAGE
    req.originalUrl = REFUSED_PAGE
    delete req.headers['content-type']
    delete req.headers['content-length']
    delete req.headers['transfer-encoding']
    delete req.headers.origin
    next()
  }
}
