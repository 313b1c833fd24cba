import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDiskStorage } from './disk.storage.js'
import { createS3Storage } from './s3.storage.js'
import type { Storage } from './storage.js'

/** Both adapters pass the same behaviour: the S3 one against a real S3-protocol server (s3rver) on port 0. */
const dirs: string[] = []
const tempDir = async (name: string) => {
  const dir = await mkdtemp(path.join(tmpdir(), `holdspace-${name}-`))
  dirs.push(dir)
  return dir
}
let s3server: S3rver
let s3Endpoint: string

beforeAll(async () => {
  s3server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: await tempDir('s3rver') })
  const { port } = (await s3server.run()) as { port: number }
  s3Endpoint = `http://127.0.0.1:${port}`
})
afterAll(async () => {
  await s3server?.close()
  for (const dir of dirs) await rm(dir, { recursive: true, force: true })
})

const key = () => `library/${randomBytes(16).toString('hex')}`
const failingStream = (bytes: Buffer) =>
  Readable.from(
    (async function* () {
      yield bytes
      throw new Error('client went away')
    })(),
  )

function behaves(name: string, make: () => Promise<Storage>) {
  describe(name, () => {
    it('stores, reads whole and by range, and deletes', async () => {
      const storage = await make()
      const k = key()
      const content = 'The quick brown fox jumps over the lazy dog'
      expect(
        await storage.put(
          k,
          Readable.from([Buffer.from(content.slice(0, 10)), Buffer.from(content.slice(10))]),
          'text/plain',
        ),
      ).toEqual({ size: content.length })

      const whole = (await storage.get(k))!
      expect(whole.size).toBe(content.length)
      expect(whole.contentType).toBe('text/plain')
      expect(await text(whole.stream)).toBe(content)

      const part = (await storage.get(k, { start: 4, end: 8 }))!
      expect(part.size).toBe(content.length)
      expect(part.range).toEqual({ start: 4, end: 8 })
      expect(await text(part.stream)).toBe('quick')

      await storage.delete(k)
      expect(await storage.get(k)).toBeNull()
      await storage.delete(k)
    })

    it('answers null for a key that was never stored', async () => {
      expect(await (await make()).get(key())).toBeNull()
    })

    it('leaves nothing behind when the incoming stream fails', async () => {
      const storage = await make()
      const k = key()
      await expect(storage.put(k, failingStream(randomBytes(2048)), 'audio/mpeg')).rejects.toThrow('client went away')
      expect(await storage.get(k)).toBeNull()
    })

    it('refuses keys that could escape its place', async () => {
      const storage = await make()
      await expect(
        storage.put('../../etc/passwd-xxxxxxxxxx', Readable.from([Buffer.from('x')]), 'text/plain'),
      ).rejects.toThrow('invalid storage key')
    })
  })
}

behaves('disk storage', async () => createDiskStorage(await tempDir('uploads')))
behaves('S3 storage', async () =>
  createS3Storage({
    bucket: `hs-${randomBytes(4).toString('hex')}`,
    endpoint: s3Endpoint,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  }),
)

describe('disk storage on failure', () => {
  it('keeps no partial or temporary file in its directory', async () => {
    const dir = await tempDir('uploads-partial')
    const storage = createDiskStorage(dir)
    await expect(
      storage.put('library/0123456789abcdef0123', failingStream(randomBytes(4096)), 'audio/mpeg'),
    ).rejects.toThrow()
    const left = await readdir(dir, { recursive: true, withFileTypes: true })
    expect(left.filter((e) => e.isFile()).map((e) => e.name)).toEqual([])
  })
})
