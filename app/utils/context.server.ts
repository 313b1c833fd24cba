import type { CoreDeps } from '../../core/deps.js'
import type { SessionAccount } from '../../core/identity/identity.schema.js'

/** What server/app.ts hands every loader and action (see getLoadContext there). */
export interface HoldspaceContext {
  deps: CoreDeps
  cspNonce: string
  csrfToken: string
  clientIp: string
  account: SessionAccount | null
  /** A session cookie was sent but could not be checked in time (PostgreSQL down or paused): `account` is null. */
  sessionUnavailable: boolean
}

declare module '@remix-run/node' {
  interface AppLoadContext extends HoldspaceContext {}
}
declare module '@remix-run/server-runtime' {
  interface AppLoadContext extends HoldspaceContext {}
}
