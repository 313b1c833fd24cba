import type { AckCallback } from './socket-events.js'

export interface SessionInfo {
  role: 'member' | 'facilitator' | 'clinician' | 'admin'
  locale: 'en' | 'pl'
}

export interface IdentityClientEvents {
  'session:get': (payload: Record<string, never>, ack: AckCallback<SessionInfo>) => void
}

export interface IdentityServerEvents {
  'session:ended': (payload: { reason: 'signed_out' | 'expired' }) => void
}
