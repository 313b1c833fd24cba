import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { fileTypeFromBuffer } from 'file-type'
import type { CoreDeps } from '../deps.js'
import { AppError } from '../errors.js'
import { storageOf } from '../storage/storage.js'
import { allowedTypeFor, sanitizeFileName } from './file-types.js'

/** One file part of a multipart body, as it streams in. */
export interface IncomingFile {
  fileName: string | undefined
  contentType: string
  data: AsyncIterable<Uint8Array>
}

export interface StoredUpload {
  key: string
  contentType: string
  sizeBytes: number
  fileName: string
}

/** Enough leading bytes for file-type to recognise every allowed format. */
const SNIFF_BYTES = 4100

class TooLarge extends Error {}

/**
 * Stream an upload into storage under a fresh random key, refusing it while it streams once it passes
 * RESOURCE_MAX_BYTES, and refusing it before anything is stored when the declared type is not allowed or its
 * first bytes say it is something else. A refused upload leaves no object behind.
 */
export async function storeUpload(deps: Pick<CoreDeps, 'config' | 'log'>, file: IncomingFile): Promise<StoredUpload> {
  const maxBytes = deps.config.RESOURCE_MAX_BYTES
  const allowed = allowedTypeFor(file.contentType)
  if (!allowed) throw new AppError('FILE_TYPE_NOT_ALLOWED')
  const source = file.data[Symbol.asyncIterator]()

  const head: Uint8Array[] = []
  let received = 0
  let ended = false
  while (received < SNIFF_BYTES) {
    const next = await source.next()
    if (next.done) {
      ended = true
      break
    }
    received += next.value.byteLength
    if (received > maxBytes) throw new AppError('FILE_TOO_LARGE')
    head.push(next.value)
  }
  const headBytes = Buffer.concat(head)
  const sniffed = await fileTypeFromBuffer(headBytes)
  if (!sniffed || !allowed.sniffed.includes(sniffed.ext)) throw new AppError('FILE_TYPE_NOT_ALLOWED')

  let size = received
  async function* body() {
    yield headBytes
    if (ended) return
    for (;;) {
      const next = await source.next()
      if (next.done) return
      size += next.value.byteLength
      if (size > maxBytes) throw new TooLarge()
      yield next.value
    }
  }

  const key = `library/${randomBytes(16).toString('hex')}`
  const storage = storageOf(deps)
  try {
    await storage.put(key, Readable.from(body()), allowed.canonical)
  } catch (error) {
    await storage.delete(key).catch(() => {})
    if (error instanceof TooLarge) throw new AppError('FILE_TOO_LARGE')
    throw error
  }
  return { key, contentType: allowed.canonical, sizeBytes: size, fileName: sanitizeFileName(file.fileName) }
}

export async function discardUpload(deps: Pick<CoreDeps, 'config' | 'log'>, key: string): Promise<void> {
  try {
    await storageOf(deps).delete(key)
  } catch (error) {
    deps.log.warn({ err: { message: (error as Error).message } }, 'could not delete a stored upload')
  }
}
