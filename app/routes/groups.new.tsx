import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { allTimeZones, groups } from '../services.server'
import { useT } from '../components/i18n'
import { GroupForm, type GroupFormResult } from '../components/groups/group-form'
import { requireUserWithCapability } from '../utils/auth.server'
import { examplePreviewZone, groupFormAction } from '../utils/group-form.server'
import { createOnce } from '../utils/form-token.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'groups:lead')
  const profile = await groups.getOwnFacilitatorProfile(context.deps, account)
  const timeZone = await groups.getTimeZone(context.deps, account.accountId)
  return {
    verified: Boolean(profile?.verified),
    timeZone,
    timeZones: allTimeZones(),
    previewZone: examplePreviewZone(timeZone),
    coFacilitators: await groups.listCoFacilitatorChoices(context.deps, account),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'groups:lead')
  return groupFormAction(request, context, account, async (input, form) => {
    const once = await createOnce(context, account.accountId, 'group:new', form, () =>
      groups.createGroup(context.deps, account, input),
    )
    return 'resent' in once ? once : once.created
  })
}

/** A live preview stores nothing: the page's other data need not be loaded again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'preview' ? false : defaultShouldRevalidate

export default function NewGroup() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as GroupFormResult | undefined
  return (
    <>
      <h1>{t('groupForm.newTitle')}</h1>
      {data.verified ? (
        <GroupForm
          result={result}
          timeZones={data.timeZones}
          coFacilitators={data.coFacilitators}
          values={{
            title: '',
            description: '',
            topic: '',
            language: t.locale,
            coFacilitator: '',
            capacity: '8',
            timeZone: data.timeZone,
            durationMinutes: '60',
            intakeQuestion: '',
            repeat: 'weekly',
            days: [],
            startDate: '',
            startTime: '',
            ends: 'never',
            endDate: '',
            count: '',
            previewZone: data.previewZone,
          }}
        />
      ) : (
        <p className="notice">{t('groupForm.needsVerification')}</p>
      )}
    </>
  )
}
