import { Readable } from 'node:stream'
import busboy from 'busboy'
import { AppError } from '../services.server'

export interface MultipartFile {
  name: string
  fileName: string
  contentType: string
  data: AsyncIterable<Uint8Array>
}

/**
 * Browsers put the file name in a quoted string and escape only `"`, CR and LF there (as %22, %0D, %0A; WHATWG
 * HTML, multipart/form-data encoding). `"` is put back; CR and LF stay escaped and are dropped by sanitizeFileName.
 */
const fromBrowser = (fileName: string) => fileName.replace(/%22/g, '"')

/**
 * Read a multipart form as it streams: fields into `fields`, the one file part handed to `onFile` while it streams
 * (busboy parses the part headers properly, so a file name may hold `=`, `;` or quotes; Remix's parser split the
 * header on them and refused the upload). Rejects on the first problem; the caller drains what is left of the body.
 */
export function readMultipart(
  headers: Headers,
  body: ReadableStream<Uint8Array>,
  fields: Map<string, string>,
  onFile: (file: MultipartFile) => Promise<void>,
  limits: { maxFieldBytes: number },
): Promise<void> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: Object.fromEntries(headers),
        defParamCharset: 'utf8',
        limits: { fieldSize: limits.maxFieldBytes, files: 1, fields: 50, parts: 60 },
      })
    } catch {
      reject(new AppError('BAD_REQUEST'))
      return
    }
    const input = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>)
    let failed = false
    const fail = (error: unknown) => {
      if (failed) return
      failed = true
      input.unpipe(parser)
      input.destroy()
      reject(error)
    }
    let pending: Promise<void> = Promise.resolve()
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new AppError('PAYLOAD_TOO_LARGE'))
      else fields.set(name, value)
    })
    parser.on('file', (name, stream, info) => {
      const fileName = info.filename
      if (failed || fileName === '' || fileName === undefined) {
        stream.resume() // no file chosen: browsers send an empty part
        return
      }
      pending = pending
        .then(() => onFile({ name, fileName: fromBrowser(fileName), contentType: info.mimeType, data: stream }))
        .catch((error) => {
          stream.resume()
          fail(error)
        })
    })
    parser.on('filesLimit', () => fail(new AppError('BAD_REQUEST')))
    parser.on('fieldsLimit', () => fail(new AppError('BAD_REQUEST')))
    parser.on('partsLimit', () => fail(new AppError('BAD_REQUEST')))
    parser.on('error', fail)
    parser.on('close', () => {
      void pending.then(() => {
        if (!failed) resolve()
      })
    })
    input.on('error', fail)
    input.pipe(parser)
  })
}
