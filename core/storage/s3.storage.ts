import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { assertStorageKey, type ByteRange, type Storage } from './storage.js'

export interface S3StorageOptions {
  bucket: string
  endpoint?: string
  region: string
  accessKeyId?: string
  secretAccessKey?: string
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404)

/**
 * An S3-compatible bucket (MinIO in compose), path-style. PutObject needs the length up front, so an upload is
 * spooled to a private temporary file first: a stream that fails (too large, wrong type) never reaches the bucket.
 * The bucket is created on first use when missing.
 */
export function createS3Storage(options: S3StorageOptions): Storage {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: true,
    credentials:
      options.accessKeyId && options.secretAccessKey
        ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
        : undefined,
    // S3-compatible servers do not all know the newer default checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  const Bucket = options.bucket
  let bucketReady: Promise<void> | null = null
  const ensureBucket = () =>
    (bucketReady ??= (async () => {
      try {
        await client.send(new HeadBucketCommand({ Bucket }))
      } catch (error) {
        if (!isMissing(error)) throw error
        await client.send(new CreateBucketCommand({ Bucket }))
      }
    })().catch((error) => {
      bucketReady = null
      throw error
    }))

  return {
    kind: 's3',
    async put(key, stream: Readable, contentType) {
      assertStorageKey(key)
      await ensureBucket()
      const dir = await mkdtemp(path.join(tmpdir(), 'holdspace-upload-'))
      const spool = path.join(dir, randomBytes(8).toString('hex'))
      try {
        await pipeline(stream, createWriteStream(spool, { flags: 'wx', mode: 0o600 }))
        const size = (await stat(spool)).size
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: key,
            Body: createReadStream(spool),
            ContentLength: size,
            ContentType: contentType,
          }),
        )
        return { size }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    async get(key, range?: ByteRange) {
      assertStorageKey(key)
      await ensureBucket()
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        )
        const total = range ? Number(/\/(\d+)$/.exec(out.ContentRange ?? '')?.[1] ?? NaN) : Number(out.ContentLength)
        return {
          stream: out.Body as Readable,
          size: total,
          contentType: out.ContentType ?? 'application/octet-stream',
          range: range ?? null,
        }
      } catch (error) {
        if (isMissing(error)) return null
        throw error
      }
    },
    async delete(key) {
      assertStorageKey(key)
      await ensureBucket()
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }))
    },
  }
}
