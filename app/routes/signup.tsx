import {
  currentLegalVersion,
  requestSignUp,
  signUp,
  signUpAnonymousSchema,
  signUpRegisteredSchema,
} from '../services.server'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useState } from 'react'
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
import { RecoveryCodeTools } from '../components/recovery-code-tools'
import { getCountry, getLocale } from '../utils/locale.server'

/** A refused attempt's Retry-After reaches the browser. */
export const headers = retryAfterHeaders

/** The minimum age (MIN_AGE) the visitor confirms, with the terms and privacy notice (issue 18). */
export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context)
  return { minAge: context.deps.config.MIN_AGE }
}

/**
 * After a successful action the visitor is signed in; re-running this loader would redirect away from the
 * one-time recovery code before the member could write it down. The root loader still re-runs.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  (actionResult as { ok?: boolean } | undefined)?.ok === true ? false : defaultShouldRevalidate

type Created = { ok: true; username: string; recoveryCode: string }
/** A sign-up with an email: the same answer whether or not the address has an account (docs/decisions/026). */
type CheckEmail = { ok: true; checkEmail: true }

export async function action({ request, context }: ActionFunctionArgs) {
  requireAnonymous(context)
  const form = await readFormWithCsrf(request, context)
  const kind = form.get('kind') === 'registered' ? 'registered' : 'anonymous'
  const parsed = parseForm(kind === 'registered' ? signUpRegisteredSchema : signUpAnonymousSchema, form)
  if ('errors' in parsed) return formFailure({ ...parsed.errors, kind })
  try {
    // The versions of the terms and privacy notice in the visitor's language, recorded on the account.
    const termsVersion = await currentLegalVersion(context.deps, getLocale(request, context))
    if ('email' in parsed.data) {
      await requestSignUp(context.deps, {
        email: String(parsed.data.email),
        password: parsed.data.password,
        consent: parsed.data.consent === 'on',
        termsVersion,
        locale: getLocale(request, context),
        country: getCountry(request, context),
        ip: context.clientIp,
      })
      return data({ ok: true, checkEmail: true } satisfies CheckEmail, { headers: { 'Cache-Control': 'no-store' } })
    }
    const created = await signUp(context.deps, {
      kind: 'anonymous',
      password: parsed.data.password,
      consent: parsed.data.consent === 'on',
      termsVersion,
      locale: getLocale(request, context),
      country: getCountry(request, context),
      ip: context.clientIp,
    })
    return data({ ok: true, username: created.username, recoveryCode: created.recoveryCode } satisfies Created, {
      headers: { 'Set-Cookie': sessionCookie(context, created), 'Cache-Control': 'no-store' },
    })
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export function RecoveryCodeCard({ username, code, intro }: { username: string; code: string; intro?: string }) {
  const t = useT()
  return (
    <section className="card" aria-labelledby="code-title">
      {intro ? <p>{intro}</p> : null}
      <dl className="facts">
        <dt>{t('signup.created.username')}</dt>
        <dd>
          <strong data-testid="username">{username}</strong>
        </dd>
      </dl>
      <h2 id="code-title">{t('signup.created.code')}</h2>
      <p className="secret" data-testid="recovery-code">
        {code}
      </p>
      <RecoveryCodeTools username={username} code={code} />
      <p>{t('signup.created.codeHelp')}</p>
      <Link className="button primary" to="/rooms" reloadDocument>
        {t('signup.created.continue')}
      </Link>
    </section>
  )
}

export default function SignUp() {
  const t = useT()
  const { minAge } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as Created | CheckEmail | FormResult | undefined
  const [kind, setKind] = useState<'anonymous' | 'registered'>(
    result && !result.ok && result.kind === 'registered' ? 'registered' : 'anonymous',
  )
  if (result?.ok && 'checkEmail' in result) {
    return (
      <>
        <h1>{t('signup.checkEmail.title')}</h1>
        <p data-testid="check-email">{t('signup.checkEmail.body')}</p>
      </>
    )
  }
  if (result?.ok) {
    return (
      <>
        <h1>{t('signup.created.title')}</h1>
        <RecoveryCodeCard username={result.username} code={result.recoveryCode} />
      </>
    )
  }
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {}
  return (
    <>
      <h1>{t('signup.title')}</h1>
      <SafeForm noValidate>
        <FormError code={result && !result.ok ? result.formError : undefined} />
        <RetryAfter seconds={result && !result.ok ? result.retryAfterSeconds : undefined} />
        <fieldset>
          <legend>{t('signup.choose')}</legend>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              value="anonymous"
              checked={kind === 'anonymous'}
              onChange={() => setKind('anonymous')}
            />
            <span>
              <strong>{t('signup.anonymous.label')}</strong>
              <br />
              <span className="help">{t('signup.anonymous.help')}</span>
            </span>
          </label>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              value="registered"
              checked={kind === 'registered'}
              onChange={() => setKind('registered')}
            />
            <span>
              <strong>{t('signup.registered.label')}</strong>
              <br />
              <span className="help">{t('signup.registered.help')}</span>
            </span>
          </label>
        </fieldset>
        {kind === 'registered' ? (
          <Field
            label={t('signup.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            error={errors.email}
          />
        ) : null}
        <Field
          label={t('signup.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          error={errors.password}
        />
        <fieldset>
          <legend>{t('signup.consent.title')}</legend>
          <p>{t('signup.consent.body')}</p>
          <label className="choice">
            <input
              type="checkbox"
              name="consent"
              value="on"
              required
              aria-invalid={errors.consent ? true : undefined}
            />
            <span>{t('signup.consent.label')}</span>
          </label>
          {errors.consent ? (
            <p className="field-error" role="alert">
              {t.error(errors.consent)}
            </p>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>{t('legal.signup.title')}</legend>
          <label className="choice">
            <input type="checkbox" name="age" value="on" required aria-invalid={errors.age ? true : undefined} />
            <span>{t('legal.signup.age', { age: minAge })}</span>
          </label>
          {errors.age ? (
            <p className="field-error" role="alert" data-testid="age-error">
              {t('error.age_required', { age: minAge })}
            </p>
          ) : null}
          <label className="choice">
            <input type="checkbox" name="terms" value="on" required aria-invalid={errors.terms ? true : undefined} />
            <span>
              {t('legal.signup.termsBefore')}{' '}
              <a href="/terms" target="_blank" rel="noopener">
                {t('legal.signup.termsLink')}
              </a>{' '}
              {t('legal.signup.and')}{' '}
              <a href="/privacy" target="_blank" rel="noopener">
                {t('legal.signup.privacyLink')}
              </a>
              .
            </span>
          </label>
          {errors.terms ? (
            <p className="field-error" role="alert" data-testid="terms-error">
              {t.error(errors.terms)}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton>{t('signup.submit')}</SubmitButton>
      </SafeForm>
      <p>
        <Link to="/signin">{t('landing.cta.signIn')}</Link>
      </p>
    </>
  )
}
