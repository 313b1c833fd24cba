import { recoverSchema, recoverWithCode } from '../services.server'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, type ShouldRevalidateFunction } from '@remix-run/react'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { requireAnonymous, sessionCookie } from '../utils/auth.server'
import {
  failureFromError,
  formFailure,
  parseForm,
  readFormWithCsrf,
  retryAfterHeaders,
  type FormResult,
} from '../utils/forms.server'
import { RetryAfter } from '../components/retry-after'
import { RecoveryCodeCard } from './signup'

/** A refused attempt's Retry-After reaches the browser. */
export const headers = retryAfterHeaders

export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context)
  return null
}

/**
 * After a successful action the visitor is signed in; re-running this loader would redirect away from the
 * one-time recovery code before the member could write it down. The root loader still re-runs.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { ok?: boolean } | undefined)?.ok === true ? false : defaultShouldRevalidate

type Recovered = { ok: true; username: string; recoveryCode: string }

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(recoverSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    const session = await recoverWithCode(context.deps, { ...parsed.data, ip: context.clientIp })
    return data({ ok: true, username: parsed.data.login, recoveryCode: session.recoveryCode } satisfies Recovered, {
      headers: { 'Set-Cookie': sessionCookie(context, session), 'Cache-Control': 'no-store' },
    })
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export default function Recover() {
  const t = useT()
  const result = useActionData<typeof action>() as Recovered | FormResult | undefined
  if (result?.ok) {
    return (
      <>
        <h1>{t('recover.done.title')}</h1>
        <RecoveryCodeCard username={result.username} code={result.recoveryCode} intro={t('recover.done.body')} />
      </>
    )
  }
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {}
  return (
    <>
      <h1>{t('recover.title')}</h1>
      <SafeForm noValidate>
        <FormError code={result && !result.ok ? result.formError : undefined} />
        <RetryAfter seconds={result && !result.ok ? result.retryAfterSeconds : undefined} />
        <Field
          label={t('recover.login')}
          name="login"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          required
          error={errors.login}
        />
        <Field
          label={t('recover.code')}
          name="code"
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          required
          error={errors.code}
        />
        <Field
          label={t('recover.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          error={errors.password}
        />
        <SubmitButton>{t('recover.submit')}</SubmitButton>
      </SafeForm>
      <p>
        <Link to="/signin">{t('signin.title')}</Link>
      </p>
    </>
  )
}
