import { data } from '@remix-run/node'
import type { AppLoadContext, HeadersFunction } from '@remix-run/node'
import type { ZodTypeAny, z } from 'zod'
import { HTTP_STATUS, type ErrorCode } from '../../core/contracts/errors.js'
import { AppError } from '../../core/errors.js'
import { isUnavailable } from '../../core/deadline.js'
import { errorFields } from '../../core/log/logger.js'
import { unavailable } from './auth.server'
import { safeEqual } from '../../core/identity/identity.crypto.js'
import './context.server'

export type FormResult = {
  ok: false
  formError?: string
  fieldErrors?: Record<string, string>
  kind?: string
  retryAfterSeconds?: number
}

/**
 * A route's `headers`: a refused form's Retry-After reaches the browser (Remix sends an action's headers on a
 * document request only through this). Routes whose forms are rate limited export it as `headers`.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

/** Every state-changing form carries the CSRF token; a mismatch changes nothing. */
export async function readFormWithCsrf(request: Request, context: AppLoadContext): Promise<FormData> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw data({ ok: false, formError: 'BAD_REQUEST' } satisfies FormResult, { status: 400 })
  }
  const sent = form.get('csrf')
  if (typeof sent !== 'string' || !safeEqual(sent, context.csrfToken)) {
    throw data({ ok: false, formError: 'CSRF_FAILED' } satisfies FormResult, { status: 403 })
  }
  return form
}

/** Parse form fields with a zod schema; field errors are translation keys, never server text. */
export function parseForm<S extends ZodTypeAny>(
  schema: S,
  form: FormData,
): { data: z.infer<S> } | { errors: FormResult } {
  const raw: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string' && key !== 'csrf') raw[key] = value
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { data: parsed.data }
  const fieldErrors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    fieldErrors[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'VALIDATION_FAILED'
  }
  return { errors: { ok: false, fieldErrors } }
}

export function formFailure(result: FormResult, status = 422) {
  return data(result, { status })
}

/** Map a thrown service error to a form error; an outage is the 503 page; anything unexpected is logged and shown as INTERNAL. */
export function failureFromError(context: AppLoadContext, error: unknown, request?: Request) {
  if (error instanceof AppError) {
    const headers: HeadersInit = error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : {}
    // A refusal that knows its wait says so: the page shows it (RetryAfter) and the header carries it.
    const retryAfterSeconds = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds) : undefined
    return data(
      {
        ok: false,
        formError: error.code,
        fieldErrors: error.fields,
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      } satisfies FormResult,
      {
        status: HTTP_STATUS[error.code as ErrorCode],
        headers,
      },
    )
  }
  if (error instanceof Response) throw error
  if (isUnavailable(error)) {
    // PostgreSQL or Redis did not answer in time: the "temporarily unavailable" page (root ErrorBoundary, with the
    // help page and crisis lines), not a form error the member would retry into the same wall (decision 025).
    context.deps.log.warn({ err: { message: (error as Error)?.message } }, 'action unavailable')
    // The root loader does not run after a refused action: the page's language travels with the refusal.
    throw request ? unavailable(request, context) : data({ locale: 'en' }, { status: 503 })
  }
  context.deps.log.error({ err: errorFields(error) }, 'action failed')
  return data({ ok: false, formError: 'INTERNAL' } satisfies FormResult, { status: 500 })
}
