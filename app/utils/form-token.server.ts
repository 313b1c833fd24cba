import { randomUUID } from 'node:crypto'
import type { AppLoadContext } from '@remix-run/node'
import { isUnavailable } from '../../core/deadline.js'
import { errorFields } from '../../core/log/logger.js'
import { formFailure } from './forms.server'
import './context.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** How long a used token is remembered: a reload of a day-old result page still sends nothing twice. */
export const FORM_TOKEN_TTL_SECONDS = 24 * 60 * 60

/**
 * A fresh one-time token for the forms of one page (the root loader's `formToken`, rendered by every SafeForm).
 * Every post runs the loaders again, so the page's next form carries a new one.
 */
export function newFormToken(): string {
  return randomUUID()
}

/** The refusal of a form sent a second time with the same token: nothing was stored again (decision 049). */
export function formResent() {
  return formFailure({ ok: false, formError: 'FORM_RESENT' }, 409)
}

/**
 * Runs `create` at most once per form token, account and form (decision 049): pressing the button again, or reloading
 * after the post, sends the same token and answers `{ resent: true }` without running it. The token is claimed
 * in Redis (SET NX with a day's expiry; the key holds ids only) before `create` runs and given back when `create`
 * throws, so a refused or failed form can be corrected and sent again. A post without a token (an old page, a
 * script) is not guarded. While Redis does not answer, the form is not refused: a rare duplicate is better than
 * losing a journal entry or a goal.
 */
export async function createOnce<T>(
  context: AppLoadContext,
  accountId: string,
  formName: string,
  /** The posted fields (FormData, or the fields a multipart upload read). */
  form: { get(name: string): unknown },
  create: () => Promise<T>,
): Promise<{ created: T } | { resent: true }> {
  const token = form.get('formToken')
  if (typeof token !== 'string' || !UUID.test(token)) return { created: await create() }
  const { redis, config, log } = context.deps
  const key = `${config.REDIS_PREFIX}:form:${formName}:${accountId}:${token.toLowerCase()}`
  let claimed = true
  try {
    claimed = (await redis.set(key, '1', 'EX', FORM_TOKEN_TTL_SECONDS, 'NX')) === 'OK'
  } catch (error) {
    if (!isUnavailable(error)) throw error
    log.warn({ err: errorFields(error), form: formName }, 'form token not checked: redis unavailable')
  }
  if (!claimed) return { resent: true }
  try {
    return { created: await create() }
  } catch (error) {
    await redis.del(key).catch(() => {})
    throw error
  }
}
