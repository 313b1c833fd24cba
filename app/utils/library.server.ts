import { Readable } from 'node:stream'
import { data, type AppLoadContext } from '@remix-run/node'
import { z } from 'zod'
import { HTTP_STATUS, type ErrorCode } from '../../core/contracts/errors.js'
import { safeEqual } from '../../core/identity/identity.crypto.js'
import {
  AppError,
  discardUpload,
  fileResourceSchema,
  library,
  linkResourceSchema,
  readingResourceSchema,
  storeUpload,
  type LibraryScope,
  type StoredUpload,
} from '../services.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from './forms.server'
import { createOnce, formResent } from './form-token.server'
import './context.server'
import { readMultipart } from './multipart.server'

export type UploadOutcome = { status: number; body: { ok: true; notice: 'library.notice.added' } | FormResult }

const MAX_FIELD_BYTES = 64 * 1024

export function isMultipart(request: Request) {
  return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
}

const failure = (code: ErrorCode, fieldErrors?: Record<string, string>, formError: string = code): UploadOutcome => ({
  status: HTTP_STATUS[code],
  body: { ok: false, kind: 'file', formError, ...(fieldErrors ? { fieldErrors } : {}) },
})

/** Which library a form adds to, for its one-time token. */
const scopeName = (scope: LibraryScope) => ('groupId' in scope ? `group:${scope.groupId}` : 'public')

/**
 * Receive a library upload (multipart: csrf, title, description, then the file). Permission is checked before
 * the body is read; the CSRF token must arrive before the file; the file streams straight into storage with its
 * size and type checked on the way (storeUpload). Whatever is refused leaves no row and no stored object.
 */
export async function receiveUpload(
  context: AppLoadContext,
  request: Request,
  scope: LibraryScope,
): Promise<UploadOutcome> {
  const { deps } = context
  const actor = context.account!
  try {
    await library.requireCanAddResource(deps, actor, scope)
  } catch (error) {
    if (error instanceof AppError) return failure(error.code)
    throw error
  }
  if (!isMultipart(request) || !request.body) return failure('BAD_REQUEST')

  // The parser reads through this wrapper, so after a refusal the rest of the body can still be read and
  // dropped: the browser then gets the answer instead of a reset connection.
  const source = request.body.getReader()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.read()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
  })

  const fields = new Map<string, string>()
  let stored: StoredUpload | null = null
  let refusal: ErrorCode | null = null
  try {
    await readMultipart(
      request.headers,
      body,
      fields,
      async (file) => {
        const csrf = fields.get('csrf')
        if (!csrf || !safeEqual(csrf, context.csrfToken)) throw new AppError('CSRF_FAILED')
        if (file.name !== 'file') throw new AppError('BAD_REQUEST')
        stored = await storeUpload(deps, { fileName: file.fileName, contentType: file.contentType, data: file.data })
      },
      { maxFieldBytes: MAX_FIELD_BYTES },
    )
  } catch (error) {
    refusal = error instanceof AppError ? error.code : 'BAD_REQUEST'
    // Never the parser's message: it can quote the part's header, and with it the member's file name.
    if (!(error instanceof AppError))
      deps.log.warn({ errName: (error as Error)?.name ?? 'unknown' }, 'upload could not be read')
  }
  const upload = stored as StoredUpload | null
  if (refusal) {
    if (upload) await discardUpload(deps, upload.key)
    await drain(source, deps.config.RESOURCE_MAX_BYTES * 2)
    return failure(refusal)
  }
  const csrf = fields.get('csrf')
  if (!csrf || !safeEqual(csrf, context.csrfToken)) {
    if (upload) await discardUpload(deps, upload.key)
    return failure('CSRF_FAILED')
  }
  const parsed = fileResourceSchema.safeParse(Object.fromEntries(fields))
  const fieldErrors: Record<string, string> = {}
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message
  if (!upload) fieldErrors.file = 'file_required'
  if (!parsed.success || !upload) {
    if (upload) await discardUpload(deps, upload.key)
    return { status: 422, body: { ok: false, kind: 'file', fieldErrors } }
  }
  try {
    const once = await createOnce(context, actor.accountId, `library:file:${scopeName(scope)}`, fields, () =>
      library.addFileResource(deps, actor, scope, parsed.data, upload),
    )
    if ('resent' in once) {
      // The same form sent again: the first upload is kept, this copy of the file is dropped.
      await discardUpload(deps, upload.key)
      return failure('CONFLICT', undefined, 'FORM_RESENT')
    }
  } catch (error) {
    if (error instanceof AppError) return failure(error.code)
    throw error
  }
  return { status: 201, body: { ok: true, notice: 'library.notice.added' } }
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, limit: number) {
  let read = 0
  try {
    while (read <= limit) {
      const next = await reader.read()
      if (next.done) return
      read += next.value.byteLength
    }
    await reader.cancel()
  } catch {
    // The client went away; nothing to answer.
  }
}

export function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>
}

export type LibraryDone = { ok: true; notice: 'library.notice.added' | 'library.notice.deleted' }

/** The action of both library pages: an upload (multipart), a link, a reading, or a deletion. */
export async function libraryAction(context: AppLoadContext, request: Request, scope: LibraryScope) {
  if (isMultipart(request)) {
    const outcome = await receiveUpload(context, request, scope)
    return data(outcome.body, { status: outcome.status })
  }
  const form = await readFormWithCsrf(request, context)
  const intent = z.enum(['add-link', 'add-reading', 'delete']).safeParse(form.get('intent'))
  if (!intent.success) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  const { deps } = context
  const actor = context.account!
  try {
    switch (intent.data) {
      case 'add-link': {
        const parsed = parseForm(linkResourceSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'link' })
        const once = await createOnce(context, actor.accountId, `library:link:${scopeName(scope)}`, form, () =>
          library.addLinkResource(deps, actor, scope, parsed.data),
        )
        if ('resent' in once) return formResent()
        return { ok: true, notice: 'library.notice.added' } satisfies LibraryDone
      }
      case 'add-reading': {
        const parsed = parseForm(readingResourceSchema, form)
        if ('errors' in parsed) return formFailure({ ...parsed.errors, kind: 'reading' })
        const once = await createOnce(context, actor.accountId, `library:reading:${scopeName(scope)}`, form, () =>
          library.addReadingResource(deps, actor, scope, parsed.data),
        )
        if ('resent' in once) return formResent()
        return { ok: true, notice: 'library.notice.added' } satisfies LibraryDone
      }
      case 'delete':
        await library.deleteResource(deps, actor, String(form.get('resourceId') ?? ''))
        return { ok: true, notice: 'library.notice.deleted' } satisfies LibraryDone
    }
  } catch (error) {
    return failureFromError(context, error)
  }
}
