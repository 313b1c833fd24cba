/**
 * A stand-in LiveKit server for tests: a local HTTP server that speaks the documented Twirp JSON protocol of
 * `livekit.RoomService` (POST /twirp/livekit.RoomService/<Method>, JSON bodies in proto3 JSON form, errors as
 * `{ code, msg }` with the matching HTTP status). Every call must carry `Authorization: Bearer <JWT>` signed
 * with the API secret (HS256, issuer = API key) holding the grant LiveKit requires for that method; calls are
 * recorded for assertions. It also signs webhooks the way LiveKit does (a JWT whose sha256 claim is the body's).
 * It cannot carry media.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AccessToken, TokenVerifier } from 'livekit-server-sdk'

export interface TwirpCall {
  method: string
  body: Record<string, unknown>
  /** The verified video grant the call carried. */
  grant: Record<string, unknown>
}

interface FakeRoom {
  sid: string
  name: string
  emptyTimeout: number
  maxParticipants: number
  creationTime: string
  participants: Map<string, FakeParticipant>
}
interface FakeParticipant {
  sid: string
  identity: string
  name: string
  state: string
  joinedAt: string
  permission: Record<string, unknown>
}

export interface LivekitDouble {
  /** http:// base for RoomService (LIVEKIT_API_URL). */
  apiUrl: string
  /** ws:// address browsers would use (LIVEKIT_URL); nothing listens for media. */
  wsUrl: string
  apiKey: string
  apiSecret: string
  env: Record<string, string>
  calls: TwirpCall[]
  /** Calls that were refused (bad or missing token, missing grant), with the Twirp error code. */
  refused: Array<{ method: string; code: string }>
  rooms: Map<string, FakeRoom>
  /** Pretend a participant connected to a room with a token (so updates and removals find them). */
  connect(room: string, identity: string, name?: string): void
  /** A connected participant's current permission as LiveKit would hold it (proto3 defaults applied). */
  permissionOf(room: string, identity: string): Record<string, unknown> | undefined
  callsOf(method: string): TwirpCall[]
  reset(): void
  /** A webhook request as LiveKit would send it: body and Authorization header. */
  signWebhook(
    event: WebhookInput,
    options?: { secret?: string; apiKey?: string },
  ): Promise<{ body: string; authorization: string }>
  close(): Promise<void>
}

export interface WebhookInput {
  event: 'participant_joined' | 'participant_left' | 'room_started' | 'room_finished' | 'track_published'
  room: string
  identity?: string
  id?: string
  createdAt?: number
  joinedAt?: number
}

const GRANT_FOR: Record<string, (body: Record<string, unknown>, video: Record<string, unknown>) => boolean> = {
  CreateRoom: (_b, v) => v.roomCreate === true,
  DeleteRoom: (_b, v) => v.roomCreate === true,
  ListRooms: (_b, v) => v.roomList === true,
  ListParticipants: (b, v) => v.roomAdmin === true && v.room === b.room,
  GetParticipant: (b, v) => v.roomAdmin === true && v.room === b.room,
  UpdateParticipant: (b, v) => v.roomAdmin === true && v.room === b.room,
  RemoveParticipant: (b, v) => v.roomAdmin === true && v.room === b.room,
  MutePublishedTrack: (b, v) => v.roomAdmin === true && v.room === b.room,
}

const PERMISSION_DEFAULTS = {
  canSubscribe: false,
  canPublish: false,
  canPublishData: false,
  canPublishSources: [] as string[],
  hidden: false,
}

const sid = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`
const nowSeconds = () => String(Math.floor(Date.now() / 1000))

export async function startLivekitDouble(
  options: { apiKey?: string; apiSecret?: string } = {},
): Promise<LivekitDouble> {
  const apiKey = options.apiKey ?? 'APItest'
  const apiSecret = options.apiSecret ?? randomBytes(32).toString('base64url')
  const verifier = new TokenVerifier(apiKey, apiSecret)
  const calls: TwirpCall[] = []
  const refused: LivekitDouble['refused'] = []
  const rooms = new Map<string, FakeRoom>()

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const twirpError = (res: ServerResponse, status: number, code: string, msg: string, method: string) => {
    refused.push({ method, code })
    send(res, status, { code, msg })
  }
  const roomJson = (r: FakeRoom) => ({
    sid: r.sid,
    name: r.name,
    emptyTimeout: r.emptyTimeout,
    maxParticipants: r.maxParticipants,
    creationTime: r.creationTime,
    numParticipants: r.participants.size,
  })
  const participantJson = (p: FakeParticipant) => ({
    sid: p.sid,
    identity: p.identity,
    name: p.name,
    state: p.state,
    joinedAt: p.joinedAt,
    permission: p.permission,
  })

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      req.on('error', reject)
    })

  const server: Server = createServer(async (req, res) => {
    const match = /^\/twirp\/livekit\.RoomService\/([A-Za-z]+)$/.exec(req.url ?? '')
    const method = match?.[1] ?? ''
    if (req.method !== 'POST' || !match) return twirpError(res, 404, 'bad_route', 'no such route', method)
    const raw = await readBody(req)
    let body: Record<string, unknown>
    try {
      body = JSON.parse(raw || '{}') as Record<string, unknown>
    } catch {
      return twirpError(res, 400, 'malformed', 'body is not JSON', method)
    }
    const auth = req.headers.authorization ?? ''
    if (!auth.startsWith('Bearer ')) return twirpError(res, 401, 'unauthenticated', 'missing bearer token', method)
    let video: Record<string, unknown>
    try {
      const claims = await verifier.verify(auth.slice(7))
      video = (claims.video ?? {}) as Record<string, unknown>
    } catch {
      return twirpError(res, 401, 'unauthenticated', 'invalid token', method)
    }
    const allowed = GRANT_FOR[method]
    if (!allowed) return twirpError(res, 404, 'bad_route', 'unknown method', method)
    if (!allowed(body, video)) return twirpError(res, 403, 'permission_denied', 'insufficient grant', method)
    calls.push({ method, body, grant: video })

    const roomName = String(body.room ?? body.name ?? '')
    const room = rooms.get(roomName)
    switch (method) {
      case 'CreateRoom': {
        const created = room ?? {
          sid: sid('RM'),
          name: roomName,
          emptyTimeout: Number(body.emptyTimeout ?? 300),
          maxParticipants: Number(body.maxParticipants ?? 0),
          creationTime: nowSeconds(),
          participants: new Map(),
        }
        rooms.set(roomName, created)
        return send(res, 200, roomJson(created))
      }
      case 'DeleteRoom':
        if (!room) return twirpError(res, 404, 'not_found', 'room not found', method)
        rooms.delete(roomName)
        return send(res, 200, {})
      case 'ListRooms': {
        const names = (body.names as string[] | undefined) ?? []
        return send(res, 200, {
          rooms: [...rooms.values()].filter((r) => names.length === 0 || names.includes(r.name)).map(roomJson),
        })
      }
      case 'ListParticipants':
        if (!room) return twirpError(res, 404, 'not_found', 'room not found', method)
        return send(res, 200, { participants: [...room.participants.values()].map(participantJson) })
    }
    const participant = room?.participants.get(String(body.identity ?? ''))
    if (!room || !participant) return twirpError(res, 404, 'not_found', 'participant not found', method)
    switch (method) {
      case 'GetParticipant':
        return send(res, 200, participantJson(participant))
      case 'UpdateParticipant':
        // proto3 JSON leaves out fields at their default value: an absent boolean is false, an absent list empty.
        if (body.permission)
          participant.permission = { ...PERMISSION_DEFAULTS, ...(body.permission as Record<string, unknown>) }
        if (typeof body.name === 'string' && body.name) participant.name = body.name
        return send(res, 200, participantJson(participant))
      case 'RemoveParticipant':
        room.participants.delete(participant.identity)
        return send(res, 200, {})
      case 'MutePublishedTrack':
        return send(res, 200, { track: { sid: String(body.trackSid ?? ''), muted: Boolean(body.muted) } })
    }
    return twirpError(res, 404, 'bad_route', 'unknown method', method)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    apiUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    apiKey,
    apiSecret,
    env: {
      LIVEKIT_URL: `ws://127.0.0.1:${port}`,
      LIVEKIT_API_URL: `http://127.0.0.1:${port}`,
      LIVEKIT_API_KEY: apiKey,
      LIVEKIT_API_SECRET: apiSecret,
    },
    calls,
    refused,
    rooms,
    connect(roomName, identity, name = identity) {
      const room = rooms.get(roomName)
      if (!room) throw new Error(`room ${roomName} was never created`)
      room.participants.set(identity, {
        sid: sid('PA'),
        identity,
        name,
        state: 'ACTIVE',
        joinedAt: nowSeconds(),
        permission: { canPublish: true, canSubscribe: true },
      })
    },
    permissionOf: (roomName, identity) => rooms.get(roomName)?.participants.get(identity)?.permission,
    callsOf: (method) => calls.filter((c) => c.method === method),
    reset() {
      calls.length = 0
      refused.length = 0
    },
    async signWebhook(input, signing = {}) {
      const createdAt = input.createdAt ?? Math.floor(Date.now() / 1000)
      const event: Record<string, unknown> = {
        event: input.event,
        room: { sid: rooms.get(input.room)?.sid ?? sid('RM'), name: input.room },
        id: input.id ?? `EV_${randomBytes(8).toString('hex')}`,
        createdAt: String(createdAt),
      }
      if (input.identity) {
        event.participant = {
          sid: sid('PA'),
          identity: input.identity,
          state: 'ACTIVE',
          joinedAt: String(input.joinedAt ?? createdAt),
        }
      }
      const body = JSON.stringify(event)
      const token = new AccessToken(signing.apiKey ?? apiKey, signing.secret ?? apiSecret, { ttl: '5m' })
      token.sha256 = createHash('sha256').update(body).digest('base64')
      return { body, authorization: await token.toJwt() }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
