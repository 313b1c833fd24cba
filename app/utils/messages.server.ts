import { data } from '@remix-run/node'
import type { AppLoadContext } from '@remix-run/node'
import { AppError, messages, sendMessageSchema } from '../services.server'
import type { SessionAccount } from '../../core/identity/identity.schema.js'
import { failureFromError, parseForm, type FormResult } from './forms.server'

export type SendFormResult = { ok: true; created: boolean } | (FormResult & { body?: string })

/**
 * The send form of a thread (or of a thread's first message): parse, send, and map refusals to form errors that
 * say what happened. What the person wrote comes back with any refusal, so nothing they typed is lost.
 */
export async function sendFromForm(
  context: AppLoadContext,
  account: SessionAccount,
  form: FormData,
  target: { threadId: string } | { groupId: string },
) {
  const body = String(form.get('body') ?? '').slice(0, 5000)
  const parsed = parseForm(sendMessageSchema, form)
  if ('errors' in parsed) {
    const { clientId, ...fieldErrors } = parsed.errors.fieldErrors ?? {}
    return data(
      { ok: false, formError: clientId ? 'BAD_REQUEST' : undefined, fieldErrors, body } satisfies SendFormResult,
      { status: 422 },
    )
  }
  try {
    return await messages.sendMessage(context.deps, account, target, parsed.data)
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    if (error instanceof AppError && error.code === 'RATE_LIMITED') {
      const headers = error.retryAfterSeconds ? { 'Retry-After': String(error.retryAfterSeconds) } : undefined
      return data({ ok: false, formError: 'message_rate_limited', body } satisfies SendFormResult, {
        status: 429,
        headers,
      })
    }
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      return data({ ok: false, formError: 'message_thread_closed', body } satisfies SendFormResult, { status: 403 })
    }
    return failureFromError(context, error)
  }
}
