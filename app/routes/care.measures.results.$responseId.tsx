import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { crisisLinesFor, measures, measuresForms } from '../services.server'
import { FormError, SafeForm, SubmitButton, TextAreaField } from '../components/forms'
import { useT } from '../components/i18n'
import { CrisisCard } from '../components/crisis/crisis-card'
import { CareBack } from '../components/selfcare/care-parts'
import { instrumentName, severityName } from '../components/measures/trend'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import { getCountry } from '../utils/locale.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import crisisStyles from '../styles/crisis.css'
import selfcareStyles from '../styles/selfcare.css'
import styles from '../styles/measures.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: crisisStyles },
  { rel: 'stylesheet', href: selfcareStyles },
  { rel: 'stylesheet', href: styles },
]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/**
 * The member's own result. When PHQ-9 item 9 was answered above "not at all", the crisis lines are shown at once and
 * the member is asked whether a clinician should contact them — as after a crisis-level journal entry; only a yes
 * raises anything.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const result = await measures.getMeasureResult(context.deps, account, params.responseId ?? '').catch(rethrowNotFound)
  const country = getCountry(request, context)
  return { result, lines: result.askAboutSupport ? { country, ...crisisLinesFor(country) } : null }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(measuresForms.clinicianAnswerSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  if (parsed.data.answer === 'no') return { ok: true as const, answer: 'no' as const }
  try {
    await measures.requestClinicianAfterMeasure(context.deps, account, {
      responseId: params.responseId ?? '',
      message: parsed.data.message,
      country: getCountry(request, context),
    })
    return { ok: true as const, answer: 'yes' as const }
  } catch (error) {
    return failureFromError(context, error, request)
  }
}

export default function MeasureResult() {
  const t = useT()
  const { result, lines } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>() as { ok: true; answer: 'yes' | 'no' } | FormResult | undefined
  const answered = answer?.ok ? answer.answer : result.clinicianRequested ? 'yes' : null
  const name = instrumentName(result.instrument)
  return (
    <div className="care">
      <CareBack to="/care/measures" label={t('measures.title')} />
      <h1>{t('measures.result.title', { instrument: name })}</h1>
      {lines ? (
        <>
          <h2>{t('measures.support.title')}</h2>
          <p>{t('measures.support.intro')}</p>
          <CrisisCard lines={lines} />
          <section className="card support-question" aria-labelledby="support-question">
            <h2 id="support-question">{t('care.support.question')}</h2>
            {answered === 'yes' ? (
              <>
                <p className="notice" role="status" data-testid="support-answer">
                  {answer?.ok ? t('care.support.told') : t('care.support.already')}
                </p>
                <div className="actions">
                  <Link className="button primary" to="/help">
                    {t('care.support.help')}
                  </Link>
                </div>
              </>
            ) : answered === 'no' ? (
              <p className="notice" role="status" data-testid="support-answer">
                {t('care.support.declined')}
              </p>
            ) : (
              <SafeForm>
                <FormError code={answer && !answer.ok ? answer.formError : undefined} />
                <TextAreaField
                  label={t('care.support.message')}
                  help={t('care.support.messageHelp')}
                  name="message"
                  maxLength={500}
                  rows={3}
                  error={answer && !answer.ok ? answer.fieldErrors?.message : undefined}
                />
                <div className="actions">
                  <SubmitButton name="answer" value="yes">
                    {t('care.support.yes')}
                  </SubmitButton>
                  <SubmitButton className="button" name="answer" value="no">
                    {t('care.support.no')}
                  </SubmitButton>
                </div>
              </SafeForm>
            )}
          </section>
        </>
      ) : null}
      <section className="card" aria-labelledby="measure-score">
        <h2 id="measure-score" data-testid="measure-score">
          {t('measures.result.score', {
            total: result.total,
            max: result.max,
            severity: t(severityName(result.severity)),
          })}
        </h2>
        <p className="help">{t('measures.result.when', { when: result.dateLabel })}</p>
        <p className="help">{t('measures.notDiagnosis')}</p>
        <Link className="button" to="/care/measures">
          {t('measures.result.back')}
        </Link>
      </section>
    </div>
  )
}
