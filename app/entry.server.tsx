import { Transform } from 'node:stream'
import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleErrorFunction,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceContext } from './components/nonce'

const ABORT_DELAY = 10_000

/**
 * react-dom 18.3.1 writes HTML through a reused 2,048-byte buffer; when a multi-byte letter (a Polish "ś", a dash)
 * does not fit at its end, `encodeInto` stops early and React still flushes the whole buffer, so the unwritten
 * bytes go out as NULs (facebook/react#26228, fixed only in React 19). A 0x00 byte in UTF-8 is never part of
 * another character, and no page of ours means to send U+0000, so dropping every 0x00 byte is exact.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk)
      const kept = Buffer.allocUnsafe(chunk.length)
      let length = 0
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte
      callback(null, kept.subarray(0, length))
    },
  })
}

/**
 * Loader, action and render errors go to the project's logger: one JSON line, the stack in `err.stack` (pino's err
 * serializer). Remix's default handler would print the raw multi-line stack to stderr. The URL is not logged (paths
 * can carry a reset token); the route is named by the stack.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  context.deps?.log.error({ err: error, method: request.method }, 'request failed')
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          shellRendered = true
          const body = withoutNulBytes()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          responseHeaders.set('Cache-Control', 'no-store')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) loadContext.deps?.log.error({ err: error }, 'render error')
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}
