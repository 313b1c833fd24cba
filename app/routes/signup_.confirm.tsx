import { confirmSignUp, confirmSignUpSchema } from '../services.server'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react'
import { FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { requireAnonymous, sessionCookie } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { RecoveryCodeCard } from './signup'

export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context)
  return data(null, { headers: { 'Cache-Control': 'no-store' } })
}

/** As on /signup: once signed in, re-running the loader would redirect away from the one-time recovery code. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { ok?: boolean } | undefined)?.ok === true ? false : defaultShouldRevalidate

type Created = { ok: true; username: string; recoveryCode: string }

/**
 * Opening the emailed link shows a button rather than creating the account on GET: mail scanners that fetch links
 * would otherwise use the single-use link (and its recovery code) before the person does (docs/decisions/026).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous(context)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(confirmSignUpSchema, form)
  if ('errors' in parsed) return formFailure({ ok: false, formError: 'INVALID_SIGNUP_LINK' })
  try {
    const created = await confirmSignUp(context.deps, parsed.data)
    return data({ ok: true, username: created.username, recoveryCode: created.recoveryCode } satisfies Created, {
      headers: { 'Set-Cookie': sessionCookie(context, created), 'Cache-Control': 'no-store' },
    })
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function ConfirmSignUp() {
  const t = useT()
  const result = useActionData<typeof action>() as Created | FormResult | undefined
  const [params] = useSearchParams()
  if (result?.ok) {
    return (
      <>
        <h1>{t('signup.created.title')}</h1>
        <RecoveryCodeCard username={result.username} code={result.recoveryCode} />
      </>
    )
  }
  const token = params.get('token') ?? ''
  const failed = result && !result.ok ? result.formError : undefined
  return (
    <>
      <h1>{t('signupConfirm.title')}</h1>
      {token ? (
        <SafeForm noValidate>
          <FormError code={failed} />
          <p>{t('signupConfirm.body')}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>{t('signupConfirm.submit')}</SubmitButton>
        </SafeForm>
      ) : (
        <p>{t('signupConfirm.missing')}</p>
      )}
      {failed || !token ? (
        <p>
          <Link to="/signup">{t('signup.title')}</Link>
        </p>
      ) : null}
    </>
  )
}
