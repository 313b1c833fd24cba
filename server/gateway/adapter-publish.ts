import type { Redis } from 'ioredis'
import type { Logger } from '../../core/log/logger.js'

/** At most one log line per this long about failed adapter publishes (an outage fails every broadcast). */
const LOG_EVERY_MS = 10_000

/**
 * The Socket.IO Redis adapter publishes every broadcast and never handles the answer. A publish still on its way
 * when the gateway closes (its client disconnected), or refused while Redis is away, would be an unhandled
 * rejection, which ends a Node process. On this client a failed publish is logged instead (its error message
 * only: never the channel or the payload). A broadcast was best-effort already: a client that missed a stored
 * message catches up with `message:sync` (docs/realtime.md).
 */
export function handlePublishFailures(pub: Redis, log: Logger): Redis {
  const publish = pub.publish.bind(pub) as (channel: string | Buffer, message: string | Buffer) => Promise<number>
  let loggedAt = -Infinity
  let unlogged = 0
  const handled = (channel: string | Buffer, message: string | Buffer): Promise<number> => {
    const sent = publish(channel, message)
    sent.catch((error: Error) => {
      unlogged += 1
      if (Date.now() - loggedAt < LOG_EVERY_MS) return
      log.warn({ err: { message: error.message }, failed: unlogged }, 'socket.io adapter publish failed')
      loggedAt = Date.now()
      unlogged = 0
    })
    return sent
  }
  ;(pub as unknown as { publish: typeof handled }).publish = handled
  return pub
}

/**
 * The adapter subscribes when it is created and unsubscribes when it is closed, without handling the answers. A
 * gateway closed before those were answered (a server stopped while it was starting, or any close: the gateway
 * disconnects this client right after closing the adapter) turned them into unhandled rejections. Once the gateway
 * is closing they are dropped: the connection that held the subscriptions is going. Before that, a failed
 * subscription still fails loudly as it did (this process would not hear other processes' broadcasts).
 */
export function handleSubscriptionFailuresOnClose(sub: Redis, closing: () => boolean): Redis {
  for (const name of ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe'] as const) {
    const command = (sub[name] as (...args: unknown[]) => Promise<unknown>).bind(sub)
    ;(sub as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const sent = command(...args)
      sent.catch((error: unknown) => {
        if (!closing()) throw error
      })
      return sent
    }
  }
  return sub
}
