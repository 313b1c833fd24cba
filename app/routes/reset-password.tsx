import { resetPassword, resetPasswordSchema } from '../services.server'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useSearchParams } from '@remix-run/react'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { sessionCookie } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(resetPasswordSchema, form)
  if ('errors' in parsed) {
    return formFailure(
      parsed.errors.fieldErrors?.token ? { ok: false, formError: 'INVALID_RESET_TOKEN' } : parsed.errors,
    )
  }
  try {
    const session = await resetPassword(context.deps, parsed.data)
    return redirect('/account', { headers: { 'Set-Cookie': sessionCookie(context, session) } })
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function ResetPassword() {
  const t = useT()
  const result = useActionData<typeof action>() as FormResult | undefined
  const [params] = useSearchParams()
  return (
    <>
      <h1>{t('reset.title')}</h1>
      <SafeForm noValidate>
        <FormError code={result?.formError} />
        <input type="hidden" name="token" value={params.get('token') ?? ''} />
        <Field
          label={t('reset.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          error={result?.fieldErrors?.password}
        />
        <SubmitButton>{t('reset.submit')}</SubmitButton>
      </SafeForm>
      {result?.formError === 'INVALID_RESET_TOKEN' ? (
        <p>
          <Link to="/forgot-password">{t('forgot.title')}</Link>
        </p>
      ) : null}
    </>
  )
}
