import type { Redis } from 'ioredis'
import type { Sql } from '../db/client.js'
import type { ChatComposition } from './chat/send-pipeline.js'
import type { Config } from './config/config.js'
import type { Logger } from './log/logger.js'
import type { Mailer } from './notify/mailer.js'
import type { RealtimePublisher } from './realtime/realtime.publisher.js'

/** What core services are given. Processes build it once; tests build it with real parts. */
export interface CoreDeps {
  sql: Sql
  redis: Redis
  config: Config
  log: Logger
  mailer: Mailer
  realtime: RealtimePublisher
  now?: () => Date
  /**
   * The chat engine's steps and hooks from every slice, in written order (core/composition/send.ts). Set only by
   * the composition root (`composeCore`, core/composition/index.ts); without it chat refuses to send or read.
   */
  chat?: ChatComposition
}

export const nowOf = (deps: Pick<CoreDeps, 'now'>) => (deps.now ? deps.now() : new Date())
