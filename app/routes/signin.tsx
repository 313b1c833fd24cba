import { ACCOUNT_FORM_DEADLINE_MS, AppError, signIn, signInSchema, withDeadline } from '../services.server'
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from '@remix-run/node'
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
    const session = await withDeadline(
      signIn(context.deps, { ...parsed.data, ip: context.clientIp, country: getCountry(request, context) }),
      ACCOUNT_FORM_DEADLINE_MS,
    )
    return redirect(safeRedirectTarget(form.get('next')), {
      headers: { 'Set-Cookie': sessionCookie(context, session) },
    })
  } catch (error) {
    if (error instanceof AppError && error.code === 'RATE_LIMITED' && error.retryAfterSeconds) {
      // The page names the real wait: it is this address's, and it grows with each wrong guess (decision 026).
      return data(
        { ok: false, formError: 'RATE_LIMITED', retryAfterSeconds: error.retryAfterSeconds } satisfies Refused,
        {
          status: 429,
          headers: { 'Retry-After': String(error.retryAfterSeconds) },
        },
      )
    }
    return failureFromError(context, error, request)
  }
}

type Refused = FormResult & { retryAfterSeconds: number }

function RetryAfter({ seconds }: { seconds: number }) {
  const t = useT()
  return (
    <p className="help" data-testid="retry-after">
      {seconds < 120
        ? t('signin.retryAfterSeconds', { seconds })
        : t('signin.retryAfterMinutes', { minutes: Math.ceil(seconds / 60) })}
    </p>
  )
}

export default function SignIn() {
  const t = useT()
  const result = useActionData<typeof action>() as FormResult | Refused | undefined
  const [params] = useSearchParams()
  const errors = result?.fieldErrors ?? {}
  return (
    <>
      <h1>{t('signin.title')}</h1>
      <SafeForm noValidate>
        <FormError code={result?.formError} />
        {result && 'retryAfterSeconds' in result && result.retryAfterSeconds ? (
          <RetryAfter seconds={result.retryAfterSeconds} />
        ) : null}
        <input type="hidden" name="next" value={params.get('next') ?? '/rooms'} />
        <Field
          label={t('signin.login')}
          name="login"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          required
          error={errors.login}
        />
        <Field
          label={t('signin.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <SubmitButton>{t('signin.submit')}</SubmitButton>
      </SafeForm>
      <ul>
        <li>
          <Link to="/recover">{t('signin.recover')}</Link>
        </li>
        <li>
          <Link to="/forgot-password">{t('signin.forgot')}</Link>
        </li>
        <li>
          <Link to="/signup">{t('signin.noAccount')}</Link>
        </li>
      </ul>
    </>
  )
}
