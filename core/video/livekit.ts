import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver, type VideoGrant } from 'livekit-server-sdk'
import type { Config } from '../config/config.js'

/** Access tokens live this long; the page asks for a new one when it reconnects. */
export const TOKEN_TTL_SECONDS = 10 * 60
/** A webhook whose createdAt is older than this (or this far in the future) is refused as stale. */
export const WEBHOOK_MAX_AGE_SECONDS = 5 * 60

export interface LivekitSettings {
  url: string
  apiUrl: string
  apiKey: string
  apiSecret: string
}

/** The LiveKit settings, or null when LiveKit is not configured (group sessions then run chat-only). */
export function livekitSettings(config: Config): LivekitSettings | null {
  if (!config.LIVEKIT_URL || !config.LIVEKIT_API_KEY || !config.LIVEKIT_API_SECRET) return null
  return {
    url: config.LIVEKIT_URL,
    apiUrl: config.LIVEKIT_API_URL ?? config.LIVEKIT_URL.replace(/^ws/, 'http'),
    apiKey: config.LIVEKIT_API_KEY,
    apiSecret: config.LIVEKIT_API_SECRET,
  }
}

export interface JoinGrant {
  room: string
  identity: string
  name: string
  roomAdmin: boolean
  canPublish: boolean
  canPublishSources: Array<'camera' | 'microphone'>
}

/** The VideoGrant for one person: nobody records, nobody creates rooms, only facilitators administer. */
export function videoGrantFor(grant: JoinGrant): VideoGrant {
  return {
    roomJoin: true,
    room: grant.room,
    canSubscribe: true,
    canPublish: grant.canPublish,
    canPublishSources: grant.canPublish
      ? grant.canPublishSources.map((s) => (s === 'camera' ? TrackSource.CAMERA : TrackSource.MICROPHONE))
      : [],
    // Chat runs through Holdspace's chat engine (moderated, screened); the data channel is not a side door.
    canPublishData: grant.roomAdmin,
    canUpdateOwnMetadata: false,
    roomAdmin: grant.roomAdmin,
    roomRecord: false,
    roomCreate: false,
    roomList: false,
    recorder: false,
    hidden: false,
  }
}

export async function mintAccessToken(settings: LivekitSettings, grant: JoinGrant): Promise<string> {
  const token = new AccessToken(settings.apiKey, settings.apiSecret, {
    identity: grant.identity,
    name: grant.name,
    ttl: TOKEN_TTL_SECONDS,
  })
  token.addGrant(videoGrantFor(grant))
  return token.toJwt()
}

/** The RoomService calls Holdspace makes; every one is authorised by a fresh short-lived JWT. */
export interface RoomService {
  createRoom(name: string, options: { maxParticipants: number; emptyTimeoutSeconds: number }): Promise<void>
  deleteRoom(name: string): Promise<void>
  setCanPublish(
    room: string,
    identity: string,
    permission: { canPublish: boolean; sources: Array<'camera' | 'microphone'> },
  ): Promise<void>
  removeParticipant(room: string, identity: string): Promise<void>
}

const clients = new WeakMap<Config, RoomService>()

/** A participant who is not (or no longer) connected is not an error for Holdspace: the state is in Postgres. */
const isNotFound = (error: unknown) => {
  const e = error as { status?: number; code?: string }
  return e?.status === 404 || e?.code === 'not_found'
}

export function roomServiceFor(config: Config): RoomService | null {
  const settings = livekitSettings(config)
  if (!settings) return null
  let service = clients.get(config)
  if (!service) {
    const client = new RoomServiceClient(settings.apiUrl, settings.apiKey, settings.apiSecret, {
      requestTimeout: 5,
      failover: false,
    })
    service = {
      async createRoom(name, options) {
        await client.createRoom({
          name,
          maxParticipants: options.maxParticipants,
          emptyTimeout: options.emptyTimeoutSeconds,
          departureTimeout: 20,
        })
      },
      async deleteRoom(name) {
        await client.deleteRoom(name).catch((error) => {
          if (!isNotFound(error)) throw error
        })
      },
      async setCanPublish(room, identity, permission) {
        await client
          .updateParticipant(room, identity, {
            permission: {
              canSubscribe: true,
              canPublish: permission.canPublish,
              canPublishData: false,
              canPublishSources: permission.canPublish
                ? permission.sources.map((s) => (s === 'camera' ? TrackSource.CAMERA : TrackSource.MICROPHONE))
                : [],
            },
          })
          .catch((error) => {
            if (!isNotFound(error)) throw error
          })
      },
      async removeParticipant(room, identity) {
        await client.removeParticipant(room, identity).catch((error) => {
          if (!isNotFound(error)) throw error
        })
      },
    }
    clients.set(config, service)
  }
  return service
}

export interface VerifiedWebhook {
  id: string
  event: string
  createdAt: number
  roomName: string | null
  participantIdentity: string | null
  participantJoinedAt: number | null
}

/**
 * Verify a webhook as LiveKit signs it: the Authorization header is a JWT signed with the API secret whose
 * sha256 claim is the body's hash. Throws on a missing, forged or expired signature or a changed body.
 */
export async function verifyWebhook(
  settings: LivekitSettings,
  rawBody: string,
  authorization: string | undefined,
): Promise<VerifiedWebhook> {
  const receiver = new WebhookReceiver(settings.apiKey, settings.apiSecret)
  const token = authorization?.replace(/^Bearer\s+/i, '')
  const event = await receiver.receive(rawBody, token, false, 5)
  return {
    id: event.id,
    event: event.event,
    createdAt: Number(event.createdAt ?? 0),
    roomName: event.room?.name || null,
    participantIdentity: event.participant?.identity || null,
    participantJoinedAt: event.participant?.joinedAt ? Number(event.participant.joinedAt) : null,
  }
}
