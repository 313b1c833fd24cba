import { io, type Socket } from 'socket.io-client'

/**
 * How a bench client connects and joins its room: the way a real client must, so the bench measures the platform
 * rather than its own impatience.
 *
 * The server answers UNAVAILABLE when a dependency did not answer within its deadline (decision 025): a handshake
 * whose session lookup took over 3 s is refused with the coded connect_error UNAVAILABLE, and a `room:join` that
 * took over 3 s is answered UNAVAILABLE. Under a storm of connects on two shared cores that is the server being
 * right (it says "not now", and the work it abandoned still runs). The answer to UNAVAILABLE is to try again after
 * a back-off: 500 ms doubling to at most 5 s with ±50 % jitter, as the browser's socket reconnects
 * (app/components/chat/socket.ts: reconnectionDelay 500, reconnectionDelayMax 5000, Socket.IO's default
 * randomization 0.5). A dropped transport (the handshake never reached the server's answer) is tried again the same
 * way. Anything else fails at once with its reason: UNAUTHENTICATED, TOO_MANY_CONNECTIONS, a join refused as
 * NOT_FOUND or FORBIDDEN. Socket.IO itself never retries a handshake its middleware refused, so the retry is ours.
 *
 * Set-up also paces its connects (connectAll: a bounded number in flight), as a population of members arrives over
 * time rather than in one millisecond; the bench measures steady chat, not a thundering herd.
 */
export const BACKOFF = { firstMs: 500, maxMs: 5_000, jitter: 0.5 } as const

/** How long one bench client may keep trying before it counts as not connected. */
export const CONNECT_GIVE_UP_MS = 60_000

/** How long one handshake or one join may go unanswered before it is tried again (the server answers within 3 s). */
const ATTEMPT_TIMEOUT_MS = 10_000

/** The wait before retry number `attempt` (0-based): 500 ms · 2^attempt, at most 5 s, ±50 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** attempt)
  return Math.round(base * (1 - BACKOFF.jitter + 2 * BACKOFF.jitter * random()))
}

/** Codes worth trying again after a back-off: the server could not answer in time, or the transport dropped. */
const RETRYABLE = new Set(['UNAVAILABLE', 'TIMEOUT', 'TRANSPORT'])

export interface Target {
  url: string
  origin: string
  cookie?: string
  /** The room to join once connected; none: connect only. */
  roomId?: string
}

export interface ConnectOutcome {
  socket: Socket
  ok: boolean
  /** Why it gave up (a code: UNAUTHENTICATED, TOO_MANY_CONNECTIONS, join:NOT_FOUND, GAVE_UP:UNAVAILABLE…). */
  failure?: string
  /** Retries by what was retried: `handshake:UNAVAILABLE`, `join:UNAVAILABLE`, `handshake:TRANSPORT`… */
  retries: Record<string, number>
  /** From the first attempt to the join's answer. */
  ms: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const now = () => performance.now()

/** One handshake: resolves null once connected, or the refusal's code. */
function handshake(socket: Socket): Promise<string | null> {
  return new Promise((resolve) => {
    const done = (code: string | null) => {
      clearTimeout(timer)
      socket.off('connect', onConnect)
      socket.off('connect_error', onError)
      resolve(code)
    }
    const onConnect = () => done(null)
    // A middleware refusal carries its code in `data`; a transport failure has none.
    const onError = (error: Error & { data?: { code?: string } }) => done(error.data?.code ?? 'TRANSPORT')
    const timer = setTimeout(() => {
      socket.disconnect()
      done('TIMEOUT')
    }, ATTEMPT_TIMEOUT_MS)
    socket.on('connect', onConnect)
    socket.on('connect_error', onError)
    socket.connect()
  })
}

function join(socket: Socket, roomId: string): Promise<string | null> {
  return new Promise((resolve) => {
    socket
      .timeout(ATTEMPT_TIMEOUT_MS)
      .emit('room:join', { roomId }, (err: Error | null, ack: { ok: boolean; error?: { code: string } } | undefined) =>
        resolve(err ? 'TIMEOUT' : ack?.ok ? null : (ack?.error?.code ?? 'UNKNOWN')),
      )
  })
}

export interface ConnectHooks {
  /** Attaches the caller's listeners before the first handshake. */
  prepare?: (socket: Socket) => void
  /** Told each refusal that will be tried again (`handshake:UNAVAILABLE`…), before the back-off. */
  onRetry?: (what: string) => void
}

/**
 * Connects (and joins `target.roomId`), retrying UNAVAILABLE, timeouts and dropped transports with back-off until
 * CONNECT_GIVE_UP_MS. The socket never reconnects on its own afterwards: a bench step counts what a disconnected
 * client misses as undelivered.
 */
export async function connectAndJoin(target: Target, hooks: ConnectHooks = {}): Promise<ConnectOutcome> {
  const started = now()
  const retries: Record<string, number> = {}
  const socket = io(target.url, {
    transports: ['websocket'],
    reconnection: false,
    autoConnect: false,
    extraHeaders: { origin: target.origin, ...(target.cookie ? { cookie: target.cookie } : {}) },
  })
  hooks.prepare?.(socket)
  const outcome = (ok: boolean, failure?: string): ConnectOutcome => ({
    socket,
    ok,
    ...(failure ? { failure } : {}),
    retries,
    ms: now() - started,
  })
  for (let attempt = 0; ; attempt++) {
    let stage = 'handshake'
    let code = socket.connected ? null : await handshake(socket)
    if (code === null && target.roomId) {
      stage = 'join'
      code = await join(socket, target.roomId)
      // A join answered after its socket dropped is retried from the handshake.
      if (code !== null && !socket.connected) code = 'TRANSPORT'
    }
    if (code === null) return outcome(true)
    const what = `${stage}:${code}`
    if (!RETRYABLE.has(code)) {
      socket.disconnect()
      return outcome(false, what)
    }
    const wait = backoffMs(attempt)
    if (now() - started + wait > CONNECT_GIVE_UP_MS) {
      socket.disconnect()
      return outcome(false, `GAVE_UP:${what}`)
    }
    retries[what] = (retries[what] ?? 0) + 1
    hooks.onRetry?.(what)
    await sleep(wait)
  }
}

/**
 * Connects every target with at most `concurrency` handshakes-and-joins in flight, in order. Resolves once every
 * target connected or gave up.
 */
export async function connectAll(
  targets: Target[],
  concurrency: number,
  prepare?: (socket: Socket, index: number) => void,
): Promise<ConnectOutcome[]> {
  const outcomes: ConnectOutcome[] = new Array(targets.length)
  let next = 0
  const lane = async () => {
    while (next < targets.length) {
      const i = next++
      outcomes[i] = await connectAndJoin(targets[i]!, prepare ? { prepare: (socket) => prepare(socket, i) } : {})
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, targets.length)) }, lane))
  return outcomes
}

/** What a set-up did, for the report: how many connected, what was retried, how long a connect-and-join took. */
export function summarizeOutcomes(outcomes: ConnectOutcome[]) {
  const retries: Record<string, number> = {}
  const failures: Record<string, number> = {}
  for (const o of outcomes) {
    for (const [what, n] of Object.entries(o.retries)) retries[what] = (retries[what] ?? 0) + n
    if (!o.ok) failures[o.failure!] = (failures[o.failure!] ?? 0) + 1
  }
  return {
    connected: outcomes.filter((o) => o.ok).length,
    failed: outcomes.filter((o) => !o.ok).length,
    failures,
    retries,
    connectMs: outcomes.map((o) => o.ms),
  }
}
