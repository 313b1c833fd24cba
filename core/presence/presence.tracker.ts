import { randomUUID } from 'node:crypto'
import type { Logger } from '../log/logger.js'
import type { PresenceStore } from './presence.store.js'

/**
 * One server process's share of presence. Counts its own connections per member and room in memory
 * (several tabs, one entry), mirrors "member is here through this server" to Redis, renews this
 * server's heartbeat, and sweeps servers that stopped renewing theirs. `onChange` hears every room
 * whose presence changed, whichever server changed it here.
 */
export class PresenceTracker {
  readonly serverId = randomUUID()
  private readonly local = new Map<string, Map<string, Set<string>>>()
  private queue: Promise<unknown> = Promise.resolve()
  private timers: NodeJS.Timeout[] = []
  private stopped = false
  private beats = 0

  constructor(
    private readonly store: PresenceStore,
    private readonly options: { ttlSeconds: number; log: Logger; onChange: (roomIds: string[]) => void },
  ) {}

  /** Every write to Redis goes through one queue, so a leave never overtakes its join. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const run = this.queue.then(op, op)
    this.queue = run.catch((error: Error) =>
      this.options.log.warn({ err: { message: error.message } }, 'presence write failed'),
    )
    return run
  }

  async start(): Promise<void> {
    await this.beat()
    const every = Math.max(1, Math.floor(this.options.ttlSeconds / 3)) * 1000
    this.timers.push(setInterval(() => void this.beat().catch(() => {}), every))
    this.timers.push(setInterval(() => void this.sweep().catch(() => {}), every))
    this.timers.forEach((t) => t.unref())
  }

  private async beat() {
    const alive = await this.enqueue(() => this.store.heartbeat(this.serverId, this.options.ttlSeconds))
    const first = this.beats++ === 0
    // Swept while unreachable or paused: write this server's members back.
    if (!alive && !first && !this.stopped) {
      const rooms = [...this.local.keys()]
      await this.enqueue(async () => {
        for (const [roomId, members] of this.local)
          for (const memberId of members.keys()) await this.store.add(this.serverId, roomId, memberId)
      })
      if (rooms.length) this.options.onChange(rooms)
    }
  }

  async sweep(): Promise<void> {
    if (this.stopped) return
    const rooms = await this.store.sweep()
    if (rooms.length) {
      this.options.log.info({ rooms: rooms.length }, 'presence of a stopped server removed')
      this.options.onChange(rooms)
    }
  }

  /** A connection entered a room as this member. */
  async join(roomId: string, memberId: string, connectionId: string): Promise<void> {
    if (this.stopped) return
    let members = this.local.get(roomId)
    if (!members) this.local.set(roomId, (members = new Map()))
    let connections = members.get(memberId)
    const first = !connections
    if (!connections) members.set(memberId, (connections = new Set()))
    connections.add(connectionId)
    if (first) {
      await this.enqueue(() => this.store.add(this.serverId, roomId, memberId))
      this.options.onChange([roomId])
    }
  }

  /** A connection left a room; the member leaves presence with their last connection on this server. */
  async leave(roomId: string, memberId: string, connectionId: string): Promise<void> {
    const members = this.local.get(roomId)
    const connections = members?.get(memberId)
    if (!members || !connections?.delete(connectionId)) return
    if (connections.size > 0) return
    members.delete(memberId)
    if (members.size === 0) this.local.delete(roomId)
    if (this.stopped) return
    await this.enqueue(() => this.store.remove(this.serverId, roomId, memberId))
    this.options.onChange([roomId])
  }

  /** Stops renewing and removes everything this server registered. */
  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    this.timers.forEach((t) => clearInterval(t))
    const rooms = await this.enqueue(() => this.store.purge(this.serverId)).catch(() => [] as string[])
    this.local.clear()
    if (rooms.length) this.options.onChange(rooms)
  }
}
