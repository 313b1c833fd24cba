import type { AddressInfo } from 'node:net'
import type { ServerBuild } from '@remix-run/node'
import { createServerApp, type ServerApp } from '../../server/app.js'
import { loadRemixBuild } from '../../server/index.js'
import { startMetricsServer } from '../../server/metrics.js'
import type { TestDeps } from './deps.js'

let buildPromise: Promise<ServerBuild> | null = null

/**
 * The real server (Express + Remix build + Socket.IO) on port 0, its origin allowed to open sockets, and its metrics
 * listener (METRICS_PORT in production) on another free port: `metricsUrl`.
 */
export async function startTestServer(
  deps: TestDeps,
): Promise<{ app: ServerApp; baseUrl: string; metricsUrl: string; close: () => Promise<void> }> {
  buildPromise ??= loadRemixBuild()
  const app = createServerApp(deps, { build: await buildPromise })
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve))
  const port = (app.httpServer.address() as AddressInfo).port
  const baseUrl = `http://127.0.0.1:${port}`
  // As PUBLIC_URL would in production: the server's own origin may open sockets (the port is known only now).
  deps.config.allowedOrigins.push(baseUrl)
  const metrics = await startMetricsServer(deps, app.metrics, 0)
  return {
    app,
    baseUrl,
    metricsUrl: `http://127.0.0.1:${metrics.port}/metrics`,
    close: () => Promise.all([app.close(), metrics.close()]).then(() => undefined),
  }
}

/**
 * A tiny browser stand-in for HTTP tests: keeps cookies, reads the CSRF token from pages, posts forms
 * the way a Remix <Form> without JavaScript does, with the headers Chromium sends (`formHeaders`).
 */
export class HttpClient {
  cookies = new Map<string, string>()
  constructor(
    readonly baseUrl: string,
    readonly origin = baseUrl,
  ) {}

  /** A client already signed in with a session token (from `makeAccount`), or signed out with null. */
  static as(baseUrl: string, person: { sessionToken: string } | null): HttpClient {
    const client = new HttpClient(baseUrl)
    if (person) client.cookies.set('hs_session', person.sessionToken)
    return client
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const index = pair!.indexOf('=')
      const name = pair!.slice(0, index).trim()
      const value = pair!.slice(index + 1).trim()
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(this.baseUrl + path, {
      headers: { cookie: this.cookieHeader(), ...headers },
      redirect: 'manual',
    })
    this.remember(response)
    return response
  }

  async page(path: string) {
    const response = await this.get(path)
    return { response, html: await response.text() }
  }

  csrf(): string {
    return this.cookies.get('hs_csrf') ?? ''
  }

  /**
   * What Chromium sends with a form posted from one of our pages (Referrer-Policy: same-origin): our Origin and
   * `Sec-Fetch-Site: same-origin`. A client made with another site's origin sends what that site's page would.
   */
  formHeaders(): Record<string, string> {
    return {
      origin: this.origin,
      'sec-fetch-site': this.origin === new URL(this.baseUrl).origin ? 'same-origin' : 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
    }
  }

  /** POST a form as a browser would; the CSRF token is added unless `csrf: null` is given. */
  async post(path: string, fields: Record<string, string>, options: { csrf?: string | null } = {}) {
    if (!this.cookies.has('hs_csrf')) await this.get('/')
    const body = new URLSearchParams(fields)
    const csrf = options.csrf === undefined ? this.csrf() : options.csrf
    if (csrf !== null) body.set('csrf', csrf)
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      body,
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        ...this.formHeaders(),
      },
      redirect: 'manual',
    })
    this.remember(response)
    return response
  }
}
