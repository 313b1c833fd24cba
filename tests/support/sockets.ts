import { io as connect, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/contracts/socket-events.js'

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** A real Socket.IO client over WebSocket, as a browser on `origin` with `cookie` would connect. */
export function openSocket(
  baseUrl: string,
  options: { cookie?: string; origin?: string; autoConnect?: boolean } = {},
): TestSocket {
  return connect(baseUrl, {
    transports: ['websocket'],
    reconnection: false,
    autoConnect: options.autoConnect ?? true,
    extraHeaders: {
      ...(options.cookie ? { cookie: options.cookie } : {}),
      origin: options.origin ?? baseUrl,
    },
  })
}

/** Resolves with 'connected' or the connect_error message. */
export function connectOutcome(socket: TestSocket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'))
    socket.once('connect_error', (err) => resolve(err.message))
  })
}

export function waitForDisconnect(socket: TestSocket, ms = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket stayed connected')), ms)
    socket.once('disconnect', (reason) => {
      clearTimeout(timer)
      resolve(reason)
    })
  })
}
