import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { assertStorageKey, type ByteRange, type Storage } from './storage.js'

/**
 * Files in a directory: the object at <dir>/<key>, its content type beside it in <key>.type. A write goes to a
 * temporary name first and is renamed into place only when complete, so a failed upload leaves nothing.
 */
export function createDiskStorage(dir: string): Storage {
  const root = path.resolve(dir)
  const fileOf = (key: string) => {
    assertStorageKey(key)
    return path.join(root, ...key.split('/'))
  }
  return {
    kind: 'disk',
    async put(key, stream: Readable, contentType) {
      const file = fileOf(key)
      await mkdir(path.dirname(file), { recursive: true })
      const temp = `${file}.${randomBytes(6).toString('hex')}.part`
      try {
        await pipeline(stream, createWriteStream(temp, { flags: 'wx' }))
        await writeFile(`${file}.type`, contentType)
        await rename(temp, file)
      } catch (error) {
        await rm(temp, { force: true })
        await rm(`${file}.type`, { force: true })
        throw error
      }
      return { size: (await stat(file)).size }
    },
    async get(key, range?: ByteRange) {
      const file = fileOf(key)
      let size: number
      let contentType: string
      try {
        size = (await stat(file)).size
        contentType = (await readFile(`${file}.type`, 'utf8')).trim()
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return null
        throw error
      }
      const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {})
      return { stream, size, contentType, range: range ?? null }
    },
    async delete(key) {
      const file = fileOf(key)
      await rm(file, { force: true })
      await rm(`${file}.type`, { force: true })
    },
  }
}
