import type { Socket } from 'socket.io'
import type { CoreDeps } from '../../core/deps.js'
import { getSessionAccount } from '../../core/identity/identity.service.js'
import { SOCKET_REQUEST_DEADLINE_MS, isUnavailable, withDeadline } from '../../core/deadline.js'
import type { SessionAccount } from '../../core/identity/identity.schema.js'
import { COOKIE_NAMES, readCookie } from '../cookies.js'

export interface SocketData {
  account: SessionAccount
  /** When the session behind this socket is next read again (`ensureSessionStillValid`), on this server's clock. */
  recheckAt: number
}

/** Hook 1: the handshake carries the session cookie; no valid session, no socket. */
export function authenticateHandshake(deps: CoreDeps, onReject: (reason: string) => void) {
  return async (socket: Socket, next: (err?: Error) => void) => {
    try {
      const token = readCookie(socket.handshake.headers.cookie, COOKIE_NAMES.session)
      // A paused PostgreSQL must not leave the handshake hanging: UNAVAILABLE, and the client retries (decision 025).
      const account = await withDeadline(getSessionAccount(deps, token), SOCKET_REQUEST_DEADLINE_MS)
      if (!account) {
        onReject(token ? 'invalid_session' : 'no_session')
        return next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } }))
      }
      socket.data.account = account
      socket.data.recheckAt = Date.now() + firstRecheckDelayMs(handshakes++)
      next()
    } catch {
      onReject('error')
      next(Object.assign(new Error('UNAVAILABLE'), { data: { code: 'UNAVAILABLE' } }))
    }
  }
}

const RECHECK_MS = 60_000
const GOLDEN_RATIO_FRACTION = 0.6180339887498949
/** Sockets this process has admitted: the index that spreads their first re-checks. */
let handshakes = 0

/**
 * How long after its handshake the k-th socket of this process first re-reads its session: between half a minute and
 * a minute, spread evenly whatever k is (the golden-ratio sequence), and every minute after that. Sockets that
 * connect together (a server restart, a network blip, a bench) would otherwise all re-read their sessions in the same
 * second a minute later, a wave of PostgreSQL transactions in front of every chat send (issue 15).
 */
export function firstRecheckDelayMs(k: number): number {
  return RECHECK_MS / 2 + Math.floor(((k * GOLDEN_RATIO_FRACTION) % 1) * (RECHECK_MS / 2))
}

/**
 * Re-validates the session behind a long-lived socket about once a minute (the first time sooner, see
 * `firstRecheckDelayMs`), so idle and absolute timeouts close sockets too. Revocation (sign-out) closes them at once
 * through the session room.
 */
export async function ensureSessionStillValid(deps: CoreDeps, socket: Socket): Promise<boolean> {
  if (Date.now() < (socket.data.recheckAt ?? 0)) return true
  const token = readCookie(socket.handshake.headers.cookie, COOKIE_NAMES.session)
  let account: SessionAccount | null
  try {
    account = await withDeadline(getSessionAccount(deps, token), SOCKET_REQUEST_DEADLINE_MS)
  } catch (error) {
    // The database cannot say now. The request goes on with the account checked up to a minute ago and answers by itself
    // (UNAVAILABLE when it needs the database too): a middleware error would leave its ack unanswered. A sign-out
    // still closes the socket at once through the session room; the check runs again at the next request.
    if (isUnavailable(error)) return true
    throw error
  }
  if (!account) {
    socket.emit('session:ended', { reason: 'expired' })
    socket.disconnect(true)
    return false
  }
  socket.data.account = account
  socket.data.recheckAt = Date.now() + RECHECK_MS
  return true
}
