import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { measures, measuresForms } from '../services.server'
import { FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { CareBack } from '../components/selfcare/care-parts'
import { TrendSummary, instrumentName } from '../components/measures/trend'
import type { MessageKey } from '../i18n/i18n'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import selfcareStyles from '../styles/selfcare.css'
import styles from '../styles/measures.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: selfcareStyles },
  { rel: 'stylesheet', href: styles },
]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const view = await measures.getMemberMeasures(context.deps, account)
  const done = new URL(request.url).searchParams.get('done')
  return {
    ...view,
    instruments: measuresForms.INSTRUMENTS,
    done: done === 'granted' || done === 'withdrawn' ? done : null,
  }
}

/** Share scores with one group's facilitators, or stop. */
export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(measuresForms.consentFormSchema, form)
  if ('errors' in parsed) return formFailure({ ok: false, formError: 'BAD_REQUEST' }, 400)
  try {
    await measures
      .setMeasureConsent(context.deps, account, parsed.data.groupId, parsed.data.consent)
      .catch(rethrowNotFound)
  } catch (error) {
    return failureFromError(context, error, request)
  }
  return redirect(`/care/measures?done=${parsed.data.consent === 'grant' ? 'granted' : 'withdrawn'}#sharing`)
}

export default function Measures() {
  const t = useT()
  const view = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <div className="care">
      <CareBack />
      <h1>{t('measures.title')}</h1>
      <p className="care-intro">{t('measures.intro')}</p>
      {view.done ? (
        <p className="notice" role="status">
          {t(view.done === 'granted' ? 'measures.consent.granted' : 'measures.consent.withdrawn')}
        </p>
      ) : null}
      <FormError code={failed?.formError} />

      {view.pending.length > 0 ? (
        <section className="card" aria-labelledby="measures-pending" data-testid="measures-pending">
          <h2 id="measures-pending">{t('measures.pending.title')}</h2>
          <ul className="measure-list">
            {view.pending.map((p) => (
              <li key={p.id}>
                <p>
                  {t('measures.pending.item', { group: p.groupTitle, instrument: instrumentName(p.instrument) })}
                  {p.sessionLabel ? ` ${t('measures.pending.before', { when: p.sessionLabel })}` : ''}
                </p>
                <Link className="button primary" to={`/care/measures/${p.instrument}`}>
                  {t('measures.pending.start', { instrument: instrumentName(p.instrument) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="measures-start">
        <h2 id="measures-start">{t('measures.start.title')}</h2>
        <ul className="measure-list">
          {view.instruments.map((i) => (
            <li key={i}>
              <Link to={`/care/measures/${i}`}>{instrumentName(i)}</Link>
              <span className="help"> · {t(`measures.instrument.${i}.about` as MessageKey)}</span>
            </li>
          ))}
        </ul>
        <p className="help">{t('measures.notDiagnosis')}</p>
      </section>

      <section className="card" aria-labelledby="measures-trend">
        <h2 id="measures-trend">{t('measures.trend.title')}</h2>
        {view.trends.map((trend) => (
          <TrendSummary key={trend.instrument} trend={trend} />
        ))}
      </section>

      <section className="card measure-consent" aria-labelledby="sharing" data-testid="measures-sharing">
        <h2 id="sharing">{t('measures.consent.title')}</h2>
        <p>{t('measures.consent.intro')}</p>
        {view.consents.length === 0 ? <p className="help">{t('measures.consent.none')}</p> : null}
        <ul className="measure-list">
          {view.consents.map((c) => (
            <li key={c.groupId}>
              <p>
                {c.sharedSinceLabel
                  ? t('measures.consent.sharing', { group: c.groupTitle, when: c.sharedSinceLabel })
                  : t('measures.consent.notSharing', { group: c.groupTitle })}
              </p>
              <SafeForm>
                <input type="hidden" name="groupId" value={c.groupId} />
                <input type="hidden" name="consent" value={c.sharedSince ? 'withdraw' : 'grant'} />
                <SubmitButton className={c.sharedSince ? 'button' : 'button primary'}>
                  {t(c.sharedSince ? 'measures.consent.withdraw' : 'measures.consent.grant', { group: c.groupTitle })}
                </SubmitButton>
              </SafeForm>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
