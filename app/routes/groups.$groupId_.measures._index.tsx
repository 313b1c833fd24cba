import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { measures, measuresForms } from '../services.server'
import { FormError, SafeForm, SelectField, SubmitButton, useResetKey } from '../components/forms'
import { useT } from '../components/i18n'
import { TrendSummary, instrumentName } from '../components/measures/trend'
import { requireUser } from '../utils/auth.server'
import { rethrowNotFound } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { createOnce, formResent } from '../utils/form-token.server'
import styles from '../styles/measures.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/**
 * For the group's facilitator and co-facilitator only (anyone else: the same 404 as a group that does not exist).
 * Scores appear only for members who consent to share them with this group.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const view = await measures.getGroupMeasures(context.deps, account, params.groupId ?? '').catch(rethrowNotFound)
  return {
    ...view,
    instruments: measuresForms.INSTRUMENTS,
    asked: new URL(request.url).searchParams.get('done') === 'asked',
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(measuresForms.requestFormSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    const once = await createOnce(context, account.accountId, `measure-request:${params.groupId}`, form, () =>
      measures.requestMeasure(context.deps, account, params.groupId ?? '', parsed.data.instrument),
    ).catch(rethrowNotFound)
    if ('resent' in once) return formResent()
  } catch (error) {
    return failureFromError(context, error, request)
  }
  return redirect(`/groups/${params.groupId}/measures?done=asked`)
}

export default function GroupMeasures() {
  const t = useT()
  const view = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  // After a request the form shows its first choice again (the page's form token is new).
  const resetKey = useResetKey(view.asked && !failed)
  return (
    <>
      <p>
        <Link to={`/groups/${view.groupId}`}>← {view.groupTitle}</Link>
      </p>
      <h1>{t('measures.group.title', { group: view.groupTitle })}</h1>
      <p>{t('measures.group.intro')}</p>
      {view.asked ? (
        <p className="notice" role="status">
          {t('measures.group.asked')}
        </p>
      ) : null}
      <p>
        <Link to={`/groups/${view.groupId}/measures/summary`}>{t('measures.group.summaryLink')}</Link>
      </p>

      <section className="card" aria-labelledby="ask-members">
        <h2 id="ask-members">{t('measures.group.ask')}</h2>
        <p className="help">
          {view.nextSessionLabel
            ? t('measures.group.next', { when: view.nextSessionLabel })
            : t('measures.group.noNext')}
        </p>
        <SafeForm key={resetKey}>
          <FormError code={failed?.formError} />
          <SelectField
            label={t('measures.group.instrument')}
            name="instrument"
            error={failed?.fieldErrors?.instrument}
            options={view.instruments.map((i) => ({ value: i, label: instrumentName(i) }))}
          />
          <SubmitButton>{t('measures.group.ask')}</SubmitButton>
        </SafeForm>
        {view.requests.length > 0 ? (
          <>
            <h3>{t('measures.group.requests')}</h3>
            <ul>
              {view.requests.map((r) => (
                <li key={r.id}>
                  {r.sessionLabel
                    ? t('measures.group.requestedFor', {
                        instrument: instrumentName(r.instrument),
                        when: r.createdLabel,
                        session: r.sessionLabel,
                      })
                    : t('measures.group.requested', { instrument: instrumentName(r.instrument), when: r.createdLabel })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="sharing-members" data-testid="sharing-members">
        <h2 id="sharing-members">{t('measures.group.sharing')}</h2>
        {view.members.length === 0 ? <p>{t('measures.group.noneSharing')}</p> : null}
        {view.members.map((m) => (
          <section key={m.pseudonym} className="card measure-member" aria-label={m.pseudonym}>
            <h3>{m.pseudonym}</h3>
            {m.trends.map((trend) => (
              <TrendSummary key={trend.instrument} trend={trend} />
            ))}
          </section>
        ))}
        {view.notSharing > 0 ? (
          <p className="help">{t('measures.group.notSharing', { count: view.notSharing })}</p>
        ) : null}
      </section>
    </>
  )
}
