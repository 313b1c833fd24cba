import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { measures, measuresForms } from '../services.server'
import { FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { CareBack } from '../components/selfcare/care-parts'
import { instrumentName } from '../components/measures/trend'
import type { MessageKey } from '../i18n/i18n'
import { requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { createOnce, formResent } from '../utils/form-token.server'
import selfcareStyles from '../styles/selfcare.css'
import styles from '../styles/measures.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: selfcareStyles },
  { rel: 'stylesheet', href: styles },
]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

function instrumentOf(value: string | undefined) {
  const instrument = measuresForms.parseInstrument(value)
  if (!instrument) throw new Response('Not found', { status: 404 })
  return instrument
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  requireUser(context, request)
  const instrument = instrumentOf(params.instrument)
  return { instrument, items: measuresForms.ITEM_COUNT[instrument], answers: measuresForms.ANSWER_VALUES }
}

/** Saved, then the result page — which shows the crisis lines and asks about a clinician when item 9 calls for it. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const instrument = instrumentOf(params.instrument)
  const parsed = parseForm(measuresForms.answersSchema(instrument), form)
  if ('errors' in parsed) return formFailure({ ...parsed.errors, formError: 'measure_answer_required' })
  try {
    const once = await createOnce(context, account.accountId, `measure:${instrument}`, form, () =>
      measures.submitMeasure(context.deps, account, instrument, parsed.data),
    )
    if ('resent' in once) return formResent()
    const saved = once.created
    return redirect(`/care/measures/results/${saved.id}`)
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export default function MeasureForm() {
  const t = useT()
  const { instrument, items, answers } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  const name = instrumentName(instrument)
  return (
    <div className="care">
      <CareBack to="/care/measures" label={t('measures.title')} />
      <h1>{name}</h1>
      <p className="help">{t('measures.notDiagnosis')}</p>
      <SafeForm className="measure-form">
        {failed?.formError === 'FORM_RESENT' ? (
          <FormError code={failed.formError} />
        ) : failed?.formError ? (
          <p className="form-error" role="alert">
            {t('measures.form.missing')}
          </p>
        ) : null}
        <p className="measure-stem" id="measure-stem">
          {t('measures.form.stem')}
        </p>
        {Array.from({ length: items }, (_, i) => i + 1).map((n) => {
          const error = failed?.fieldErrors?.[`item${n}`]
          return (
            <fieldset
              key={n}
              aria-describedby={error ? `item${n}-error` : 'measure-stem'}
              aria-invalid={error ? true : undefined}
            >
              <legend>
                {n}. {t(`measures.${instrument}.item${n}` as MessageKey)}
              </legend>
              <div className="measure-answers">
                {answers.map((value) => (
                  <label key={value} className="measure-answer">
                    <input type="radio" name={`item${n}`} value={value} required />
                    <span>{t(`measures.answer.${value}` as MessageKey)}</span>
                  </label>
                ))}
              </div>
              {error ? (
                <p id={`item${n}-error`} className="field-error" role="alert">
                  {t.error(error)}
                </p>
              ) : null}
            </fieldset>
          )
        })}
        <SubmitButton>{t('measures.form.submit')}</SubmitButton>
      </SafeForm>
    </div>
  )
}
