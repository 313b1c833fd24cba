import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { allTimeZones, groups } from '../services.server'
import { useT } from '../components/i18n'
import { GroupForm, type GroupFormResult } from '../components/groups/group-form'
import { requireUserWithCapability } from '../utils/auth.server'
import { groupFormAction, valuesOfGroup } from '../utils/group-form.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'groups:lead')
  const group = await groups.getGroup(context.deps, account, params.groupId ?? '').catch(() => null)
  if (!group) throw new Response('Not found', { status: 404 })
  if (group.viewerRole !== 'facilitator') throw new Response('Forbidden', { status: 403 })
  const coFacilitators = await groups.listCoFacilitatorChoices(context.deps, account)
  return { title: group.title, values: valuesOfGroup(group), timeZones: allTimeZones(), coFacilitators }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUserWithCapability(context, request, 'groups:lead')
  return groupFormAction(request, context, account, async (input) => {
    await groups.updateGroup(context.deps, account, params.groupId ?? '', input)
    return params.groupId ?? ''
  })
}

/** A live preview stores nothing: the form's data need not be loaded again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'preview' ? false : defaultShouldRevalidate

export default function EditGroup() {
  const t = useT()
  const { values, timeZones, coFacilitators } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as GroupFormResult | undefined
  return (
    <>
      <h1>{t('groupForm.editTitle')}</h1>
      <GroupForm result={result} timeZones={timeZones} coFacilitators={coFacilitators} values={values} />
    </>
  )
}
