import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { crisisLinesFor, measures, measuresForms } from '../services.server'
import { useT } from '../components/i18n'
import { CrisisCard } from '../components/crisis/crisis-card'
import { ClinicianQuestion, type ClinicianAnswer } from '../components/crisis/clinician-question'
import { CareBack } from '../components/selfcare/care-parts'
import { instrumentName, severityName } from '../components/measures/trend'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import { getCountry } from '../utils/locale.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf } from '../utils/forms.server'
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
  const answer = useActionData<typeof action>() as ClinicianAnswer
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
          <ClinicianQuestion result={answer} alreadyRequested={result.clinicianRequested} />
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
