import { randomUUID } from 'node:crypto'
import { signUp } from '../../core/identity/identity.service.js'
import { enterRoom } from '../../core/chat/chat.service.js'
import type { ChatMessage, PresenceSnapshot, RoomJoined } from '../../core/contracts/socket-events.chat.js'
import type { Ack } from '../../core/contracts/socket-events.js'
import { emptyTimeline, lastSeq, mergeMessages, type Timeline } from '../../core/contracts/chat-timeline.js'
import { SEED_ROOMS } from '../../db/seed.js'
import type { TestDeps } from './deps.js'
import { connectOutcome, openSocket, type TestSocket } from './sockets.js'

let ipCounter = 0

export interface ChatTestMember {
  accountId: string
  username: string
  cookie: string
  sessionId: string
  role: 'member' | 'facilitator'
  memberId: string
  pseudonym: string
}

/** A signed-up account that has entered a room (rules accepted, pseudonym taken). */
export async function chatMember(
  deps: TestDeps,
  slug: string,
  options: { pseudonym?: string; role?: 'member' | 'facilitator'; email?: string } = {},
): Promise<ChatTestMember> {
  ipCounter++
  const created = await signUp(deps, {
    kind: 'anonymous',
    password: 'a long secret phrase',
    consent: true,
    locale: 'en',
    ip: `10.9.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`,
  })
  // A registered account is made directly in the database: the emailed-link sign-up has its own tests.
  if (options.email)
    await deps.sql`update accounts set kind = 'registered', email = ${options.email.toLowerCase()} where id = ${created.accountId}`
  if (options.role) await deps.sql`update accounts set role = ${options.role} where id = ${created.accountId}`
  const me = await enterRoom(
    deps,
    { accountId: created.accountId, role: options.role ?? 'member', pseudonymMode: 'ask' },
    slug,
    options.pseudonym ? { pseudonymChoice: 'own', pseudonym: options.pseudonym } : { pseudonymChoice: 'generated' },
  )
  return {
    accountId: created.accountId,
    username: created.username,
    sessionId: created.sessionId,
    cookie: `hs_session=${created.sessionToken}`,
    role: options.role ?? 'member',
    memberId: me.memberId,
    pseudonym: me.pseudonym,
  }
}

/** The seed's ten topic rooms (five English, five Polish), as `npm start` creates them. */
export async function createSeedRooms(deps: TestDeps): Promise<void> {
  for (const room of SEED_ROOMS) {
    await deps.sql`
      insert into rooms (slug, title, description, language, rules)
      values (${room.slug}, ${room.title}, ${room.description}, ${room.language}, ${room.language === 'pl' ? 'Bądź życzliwy.' : 'Be kind.'})
      on conflict (slug) do nothing`
  }
}

export async function roomIdOf(deps: TestDeps, slug: string): Promise<string> {
  const [row] = await deps.sql<{ id: string }[]>`select id from rooms where slug = ${slug}`
  return row!.id
}

type AnyEmit = (event: string, payload: unknown) => Promise<unknown>

/**
 * A chat client as the browser's hook behaves: merges live messages, acks and catch-up pages into one
 * timeline by seq (deduplicated), and keeps every payload it received so tests can inspect them.
 */
export class ChatClient {
  timeline: Timeline = emptyTimeline()
  /** seqs of `message:created` in the order they arrived. */
  arrivals: number[] = []
  received: Array<{ event: string; payload: unknown }> = []
  presence: PresenceSnapshot | null = null
  private waiters: Array<() => void> = []

  constructor(readonly socket: TestSocket) {
    socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload })
      if (event === 'message:created' || event === 'message:updated') {
        const message = payload as ChatMessage
        if (event === 'message:created') this.arrivals.push(message.seq)
        this.timeline = mergeMessages(this.timeline, [message])
      }
      if (event === 'presence:updated') {
        const snapshot = payload as PresenceSnapshot
        if (!this.presence || snapshot.version >= this.presence.version) this.presence = snapshot
      }
      this.notify()
    })
  }

  static async connect(baseUrl: string, cookie: string, origin?: string): Promise<ChatClient> {
    const socket = openSocket(baseUrl, { cookie, origin })
    const outcome = await connectOutcome(socket)
    if (outcome !== 'connected') throw new Error(`socket did not connect: ${outcome}`)
    return new ChatClient(socket)
  }

  private notify() {
    const waiters = this.waiters
    this.waiters = []
    waiters.forEach((w) => w())
  }

  /** Resolves when `condition` holds (checked on every event); rejects after `ms`. */
  until(condition: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)
      const check = () => {
        if (condition()) {
          clearTimeout(timer)
          resolve()
        } else this.waiters.push(check)
      }
      check()
    })
  }

  /** Any request, recorded (acks are payloads a peer receives too). */
  async request<T>(event: string, payload: unknown): Promise<Ack<T>> {
    const reply = (await (this.socket.timeout(10_000).emitWithAck as unknown as AnyEmit)(event, payload)) as Ack<T>
    this.received.push({ event: `ack:${event}`, payload: reply })
    return reply
  }

  async join(roomId: string, afterSeq?: number): Promise<RoomJoined> {
    const reply = await this.request<RoomJoined>(
      'room:join',
      afterSeq === undefined ? { roomId } : { roomId, afterSeq },
    )
    if (!reply.ok) throw new Error(`join failed: ${reply.error.code}`)
    this.timeline = mergeMessages(this.timeline, reply.data.messages)
    if (!this.presence || reply.data.presence.version >= this.presence.version) this.presence = reply.data.presence
    return reply.data
  }

  /** Catch up after the last message held, page by page, as the browser does after a reconnect. */
  async sync(roomId: string): Promise<void> {
    for (;;) {
      const reply = await this.request<{ messages: ChatMessage[]; hasMore: boolean }>('message:sync', {
        roomId,
        afterSeq: lastSeq(this.timeline),
      })
      if (!reply.ok) throw new Error(`sync failed: ${reply.error.code}`)
      this.timeline = mergeMessages(this.timeline, reply.data.messages)
      if (!reply.data.hasMore) return
    }
  }

  async send(roomId: string, body: string, clientId = randomUUID()): Promise<Ack<ChatMessage>> {
    const reply = await this.request<ChatMessage>('message:send', { roomId, clientId, body })
    if (reply.ok) this.timeline = mergeMessages(this.timeline, [reply.data])
    return reply
  }

  /**
   * A send as the page makes it: answered UNAVAILABLE (its step deadline passed on a loaded machine, decision 025, so
   * nothing was stored), it goes again with the same client id, which is stored once. Any other answer is returned.
   */
  async sendAsThePageDoes(roomId: string, body: string, attempts = 5): Promise<Ack<ChatMessage>> {
    const clientId = randomUUID()
    for (let attempt = 1; ; attempt++) {
      const reply = await this.send(roomId, body, clientId)
      if (reply.ok || reply.error.code !== 'UNAVAILABLE' || attempt === attempts) return reply
    }
  }

  presentPseudonyms(): string[] {
    return (this.presence?.members.map((m) => m.pseudonym) ?? []).sort()
  }

  close() {
    this.socket.disconnect()
  }
}
