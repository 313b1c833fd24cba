import { ACCOUNT_FORM_DEADLINE_MS, signIn, signInSchema, withDeadline } from '../services.server'
import { redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { requireAnonymous, safeRedirectTarget, sessionCookie } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { getCountry } from '../utils/locale.server'

export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context)
  return null
}

/** A refused sign-in tells the browser when this address may try again (the action's Retry-After), nothing more. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(signInSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    // A paused PostgreSQL never answers: give up and show the unavailable page (failureFromError, decision 025).
    const session = await withDeadline(signIn(context.deps, { ...parsed.data, ip: context.clientIp, country: getCountry(request, context) }), ACCOUNT_FORM_DEADLINE_MS)
    return redirect(safeRedirectTarget(form.get('next')), { headers: { 'Set-Cookie': sessionCookie(context, session) } })
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export default function SignIn() {
  const t = useT()
  const result = useActionData<typeof action>() as FormResult | undefined
  const [params] = useSearchParams()
  const errors = result?.fieldErrors ?? {}
  return (
    <>
      <h1>{t('signin.title')}</h1>
      <SafeForm noValidate>
        <FormError code={result?.formError} />
        <input type="hidden" name="next" value={params.get('next') ?? '/rooms'} />
        <Field label={t('signin.login')} name="login" type="text" autoComplete="username" autoCapitalize="none" required error={errors.login} />
        <Field label={t('signin.password')} name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <SubmitButton>{t('signin.submit')}</SubmitButton>
      </SafeForm>
      <ul>
        <li><Link to="/recover">{t('signin.recover')}</Link></li>
        <li><Link to="/forgot-password">{t('signin.forgot')}</Link></li>
        <li><Link to="/signup">{t('signin.noAccount')}</Link></li>
      </ul>
    </>
  )
}
