import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { groups } from '../services.server'
import { FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { VerifiedBadge } from '../components/groups/fields'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'facilitators:verify')
  return { profiles: await groups.listFacilitatorProfilesForReview(context.deps, account) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'facilitators:verify')
  const form = await readFormWithCsrf(request, context)
  try {
    await groups.setFacilitatorVerified(
      context.deps,
      account,
      String(form.get('facilitator') ?? ''),
      form.get('verified') === 'true',
    )
    return { ok: true as const }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function AdminFacilitators() {
  const t = useT()
  const { profiles } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  return (
    <>
      <h1>{t('admin.facilitators.title')}</h1>
      <FormError code={result && !result.ok ? result.formError : undefined} />
      {profiles.length === 0 ? <p>{t('admin.facilitators.empty')}</p> : null}
      <ul className="group-list">
        {profiles.map((p) => (
          <li key={p.key} className="card">
            <h2>
              {p.displayName} <VerifiedBadge verified={p.verified} />
            </h2>
            <dl className="facts credentials">
              <dt>{t('group.credentials.licence')}</dt>
              <dd>
                {t('group.credentials.licenceValue', { number: p.licenceNumber, jurisdiction: p.licenceJurisdiction })}
              </dd>
              <dt>{t('group.credentials.education')}</dt>
              <dd>{p.education}</dd>
              <dt>{t('group.credentials.experience')}</dt>
              <dd>{p.experience}</dd>
              <dt>{t('group.credentials.approach')}</dt>
              <dd>{p.approach}</dd>
            </dl>
            <SafeForm>
              <input type="hidden" name="facilitator" value={p.key} />
              <input type="hidden" name="verified" value={p.verified ? 'false' : 'true'} />
              <SubmitButton className={p.verified ? 'button' : 'button primary'}>
                {p.verified ? t('admin.facilitators.revoke') : t('admin.facilitators.verify')}
              </SubmitButton>
            </SafeForm>
          </li>
        ))}
      </ul>
    </>
  )
}
