import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requestPasswordReset, requestResetSchema } from '../services.server'
import { useActionData } from '@remix-run/react'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { requireAnonymous } from '../utils/auth.server'
import {
  failureFromError,
  formFailure,
  parseForm,
  readFormWithCsrf,
  retryAfterHeaders,
  type FormResult,
} from '../utils/forms.server'
import { RetryAfter } from '../components/retry-after'

/** A refused attempt's Retry-After reaches the browser. */
export const headers = retryAfterHeaders

export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(requestResetSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    await requestPasswordReset(context.deps, { email: parsed.data.email, ip: context.clientIp })
    return { ok: true as const }
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export default function ForgotPassword() {
  const t = useT()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  return (
    <>
      <h1>{t('forgot.title')}</h1>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('forgot.sent')}
        </p>
      ) : (
        <SafeForm noValidate>
          <p>{t('forgot.help')}</p>
          <FormError code={result && !result.ok ? result.formError : undefined} />
          <RetryAfter seconds={result && !result.ok ? result.retryAfterSeconds : undefined} />
          <Field
            label={t('forgot.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            error={result && !result.ok ? result.fieldErrors?.email : undefined}
          />
          <SubmitButton>{t('forgot.submit')}</SubmitButton>
        </SafeForm>
      )}
    </>
  )
}
