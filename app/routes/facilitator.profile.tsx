import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { facilitatorProfileSchema, groups } from '../services.server'
import { Field, FormError, SafeForm, SubmitButton } from '../components/forms'
import { useT } from '../components/i18n'
import { TextAreaField, VerifiedBadge } from '../components/groups/fields'
import { requireUserWithCapability } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'groups:lead')
  return { profile: await groups.getOwnFacilitatorProfile(context.deps, account) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'groups:lead')
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(facilitatorProfileSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    await groups.saveFacilitatorProfile(context.deps, account, parsed.data)
    return { ok: true as const }
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function FacilitatorProfile() {
  const t = useT()
  const { profile } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { ok: true } | FormResult | undefined
  const failed = result && !result.ok ? result : undefined
  const e = failed?.fieldErrors ?? {}
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <p>{t('profile.help')}</p>
      {profile ? (
        <p>
          <VerifiedBadge verified={profile.verified} />
        </p>
      ) : null}
      {result?.ok ? (
        <p className="notice" role="status">
          {t('profile.saved')}
        </p>
      ) : null}
      <FormError code={failed?.formError} />
      <SafeForm>
        <Field
          label={t('profile.displayName')}
          name="displayName"
          type="text"
          required
          maxLength={80}
          defaultValue={profile?.displayName}
          error={e.displayName}
        />
        <TextAreaField
          label={t('profile.education')}
          name="education"
          maxLength={1000}
          defaultValue={profile?.education}
          error={e.education}
        />
        <TextAreaField
          label={t('profile.experience')}
          name="experience"
          maxLength={2000}
          defaultValue={profile?.experience}
          error={e.experience}
        />
        <TextAreaField
          label={t('profile.approach')}
          name="approach"
          maxLength={2000}
          defaultValue={profile?.approach}
          error={e.approach}
        />
        <Field
          label={t('profile.languages')}
          name="languages"
          type="text"
          required
          maxLength={20}
          defaultValue={profile?.languages.join(', ') ?? t.locale}
          error={e.languages}
        />
        <Field
          label={t('profile.licenceNumber')}
          name="licenceNumber"
          type="text"
          required
          maxLength={80}
          defaultValue={profile?.licenceNumber}
          error={e.licenceNumber}
        />
        <Field
          label={t('profile.licenceJurisdiction')}
          name="licenceJurisdiction"
          type="text"
          required
          maxLength={120}
          defaultValue={profile?.licenceJurisdiction}
          error={e.licenceJurisdiction}
        />
        <Field
          label={t('profile.responseHours')}
          help={t('profile.responseHoursHelp')}
          name="responseHours"
          type="number"
          inputMode="numeric"
          min={1}
          max={168}
          required
          defaultValue={profile?.responseHours ?? 48}
          error={e.responseHours}
        />
        <SubmitButton>{t('profile.save')}</SubmitButton>
      </SafeForm>
    </>
  )
}
