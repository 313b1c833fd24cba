/**
 * The uploaded files half of a backup (scripts/backup.ts, scripts/restore.ts): the UPLOADS_DIR folder, or every
 * object of the S3 bucket when S3_BUCKET is set, copied to and from `<backup>/files/<key>` with a SHA-256 per file.
 */
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { createS3Storage } from '../core/storage/s3.storage.js'

export interface FileEntry {
  key: string
  size: number
  sha256: string
  contentType?: string
}
export interface FilesManifest {
  storage: 'disk' | 's3'
  objects: FileEntry[]
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

function s3Options(env: NodeJS.ProcessEnv) {
  return {
    bucket: env.S3_BUCKET!,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION ?? 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  }
}

function listDisk(root: string, dir = root): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? listDisk(root, path.join(dir, e.name))
      : e.isFile()
        ? [path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')]
        : [],
  )
}

export async function backupFiles(env: NodeJS.ProcessEnv, into: string): Promise<FilesManifest> {
  mkdirSync(into, { recursive: true, mode: 0o700 })
  const objects: FileEntry[] = []
  if (env.S3_BUCKET) {
    const o = s3Options(env)
    const client = new S3Client({
      region: o.region,
      endpoint: o.endpoint,
      forcePathStyle: true,
      credentials:
        o.accessKeyId && o.secretAccessKey
          ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey }
          : undefined,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
    let token: string | undefined
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: o.bucket, ContinuationToken: token }))
      for (const item of page.Contents ?? []) {
        const target = path.join(into, item.Key!)
        mkdirSync(path.dirname(target), { recursive: true })
        const object = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: item.Key! }))
        await pipeline(object.Body as Readable, createWriteStream(target, { mode: 0o600 }))
        objects.push({ key: item.Key!, size: item.Size ?? 0, sha256: sha256(target), contentType: object.ContentType })
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    client.destroy()
    return { storage: 's3', objects }
  }
  const root = path.resolve(env.UPLOADS_DIR ?? '.data/uploads')
  for (const key of listDisk(root)) {
    const target = path.join(into, key)
    mkdirSync(path.dirname(target), { recursive: true })
    await copyFile(path.join(root, key), target)
    objects.push({ key, size: readFileSync(target).length, sha256: sha256(target) })
  }
  return { storage: 'disk', objects }
}

/** Put every file back (a file already there with the same content is left alone); each is checked against its SHA-256. */
export async function restoreFiles(env: NodeJS.ProcessEnv, from: string, manifest: FilesManifest): Promise<number> {
  for (const entry of manifest.objects) {
    const source = path.join(from, entry.key)
    if (!existsSync(source) || sha256(source) !== entry.sha256)
      throw new Error(`the backup's copy of file ${entry.key} is missing or damaged`)
  }
  if (env.S3_BUCKET) {
    const storage = createS3Storage(s3Options(env))
    for (const entry of manifest.objects)
      await storage.put(
        entry.key,
        createReadStream(path.join(from, entry.key)),
        entry.contentType ?? 'application/octet-stream',
      )
    return manifest.objects.length
  }
  const root = path.resolve(env.UPLOADS_DIR ?? '.data/uploads')
  for (const entry of manifest.objects) {
    const target = path.join(root, entry.key)
    mkdirSync(path.dirname(target), { recursive: true })
    await copyFile(path.join(from, entry.key), target)
  }
  return manifest.objects.length
}
