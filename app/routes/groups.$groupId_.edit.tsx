import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { allTimeZones, groupSchema, groups } from '../services.server'
import { useT } from '../components/i18n'
import { GroupForm } from '../components/groups/group-form'
import { requireUserWithRole } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUserWithRole(context, request, 'facilitator')
  const group = await groups.getGroup(context.deps, account, params.groupId ?? '').catch(() => null)
  if (!group) throw new Response('Not found', { status: 404 })
  if (group.viewerRole !== 'facilitator') throw new Response('Forbidden', { status: 403 })
  const coFacilitators = await groups.listCoFacilitatorChoices(context.deps, account)
  return { group, timeZones: allTimeZones(), coFacilitators }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUserWithRole(context, request, 'facilitator')
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(groupSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    await groups.updateGroup(context.deps, account, params.groupId ?? '', parsed.data)
    return redirect(`/groups/${params.groupId}`)
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function EditGroup() {
  const t = useT()
  const { group: g, timeZones, coFacilitators } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <>
      <h1>{t('groupForm.editTitle')}</h1>
      <GroupForm
        failed={failed}
        timeZones={timeZones}
        coFacilitators={coFacilitators}
        values={{
          title: g.title, description: g.description, topic: g.topic, language: g.language, coFacilitator: g.coFacilitatorKey ?? '',
          capacity: g.capacity, rrule: g.rrule, timeZone: g.timeZone, firstStartLocal: g.firstStartLocal, durationMinutes: g.durationMinutes,
          intakeQuestion: g.intakeQuestion,
        }}
      />
    </>
  )
}
