import type { Readable } from 'node:stream'
import type { Config } from '../config/config.js'
import { createDiskStorage } from './disk.storage.js'
import { createS3Storage } from './s3.storage.js'

/** An inclusive byte range, as in HTTP: bytes start..end. */
export interface ByteRange {
  start: number
  end: number
}

export interface StoredObject {
  stream: Readable
  /** Size of the whole object. */
  size: number
  contentType: string
  /** The bytes the stream carries, when a range was asked for. */
  range: ByteRange | null
}

/**
 * Where uploaded files live: a directory in development and tests, an S3-compatible bucket in compose.
 * Keys are random and chosen by core; nothing about a member is ever part of one.
 */
export interface Storage {
  readonly kind: 'disk' | 's3'
  /** Store the stream under the key; if the stream fails, nothing is left behind and the error is rethrown. */
  put(key: string, stream: Readable, contentType: string): Promise<{ size: number }>
  /** null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>
  /** Idempotent: deleting a missing key is not an error. */
  delete(key: string): Promise<void>
}

export const STORAGE_KEY = /^[a-z0-9/]{16,80}$/

export function assertStorageKey(key: string) {
  if (!STORAGE_KEY.test(key) || key.includes('//') || key.startsWith('/')) throw new Error('invalid storage key')
}

const byConfig = new WeakMap<Config, Storage>()

/** The storage the configuration names (S3 when S3_BUCKET is set, else UPLOADS_DIR), built once per config. */
export function storageOf(deps: { config: Config }): Storage {
  let storage = byConfig.get(deps.config)
  if (!storage) {
    const c = deps.config
    storage = c.S3_BUCKET
      ? createS3Storage({
          bucket: c.S3_BUCKET,
          endpoint: c.S3_ENDPOINT,
          region: c.S3_REGION,
          accessKeyId: c.S3_ACCESS_KEY_ID,
          secretAccessKey: c.S3_SECRET_ACCESS_KEY,
        })
      : createDiskStorage(c.UPLOADS_DIR)
    byConfig.set(deps.config, storage)
  }
  return storage
}
