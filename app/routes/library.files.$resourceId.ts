import type { LoaderFunctionArgs } from '@remix-run/node'
import { AppError, contentDisposition, library, parseRangeHeader } from '../services.server'
import { requireUser } from '../utils/auth.server'
import { toWebStream } from '../utils/library.server'

const notFound = () =>
  new Response('Not found', {
    status: 404,
    headers: { 'Cache-Control': 'private, no-store', 'Content-Type': 'text/plain; charset=utf-8' },
  })

/**
 * An uploaded library file, to the people its library is for (anyone else: 404, as if it did not exist).
 * Single byte ranges are served (206) so audio and video can seek. no-transform keeps compression away from
 * ranged media. X-Content-Type-Options: nosniff comes from helmet on every response (server/app.ts).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  let file
  try {
    file = await library.findResourceFile(context.deps, account, params.resourceId ?? '')
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return notFound()
    throw error
  }
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.fileName),
    'Cache-Control': 'private, no-store, no-transform',
    'Accept-Ranges': 'bytes',
  })
  const wanted = parseRangeHeader(request.headers.get('range'), file.sizeBytes)
  if (wanted.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${file.sizeBytes}`)
    headers.delete('Content-Type')
    return new Response(null, { status: 416, headers })
  }
  let object
  try {
    object = await library.readResourceFile(context.deps, file, wanted.kind === 'range' ? wanted.range : undefined)
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return notFound()
    throw error
  }
  const body = toWebStream(object.stream)
  if (object.range) {
    headers.set('Content-Range', `bytes ${object.range.start}-${object.range.end}/${object.size}`)
    headers.set('Content-Length', String(object.range.end - object.range.start + 1))
    return new Response(body, { status: 206, headers })
  }
  headers.set('Content-Length', String(object.size))
  return new Response(body, { status: 200, headers })
}
