import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { allTimeZones, groupSchema, groups } from '../services.server'
import { useT } from '../components/i18n'
import { GroupForm } from '../components/groups/group-form'
import { requireUserWithRole } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/groups.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUserWithRole(context, request, 'facilitator')
  const profile = await groups.getOwnFacilitatorProfile(context.deps, account)
  return {
    verified: Boolean(profile?.verified),
    timeZone: await groups.getTimeZone(context.deps, account.accountId),
    timeZones: allTimeZones(),
    coFacilitators: await groups.listCoFacilitatorChoices(context.deps, account),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUserWithRole(context, request, 'facilitator')
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(groupSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    const id = await groups.createGroup(context.deps, account, parsed.data)
    return redirect(`/groups/${id}`)
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function NewGroup() {
  const t = useT()
  const data = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <>
      <h1>{t('groupForm.newTitle')}</h1>
      {data.verified ? (
        <GroupForm
          failed={failed}
          timeZones={data.timeZones}
          coFacilitators={data.coFacilitators}
          values={{
            title: '', description: '', topic: '', language: t.locale, coFacilitator: '', capacity: 8, rrule: 'FREQ=WEEKLY',
            timeZone: data.timeZone, firstStartLocal: '', durationMinutes: 60, intakeQuestion: '',
          }}
        />
      ) : <p className="notice">{t('groupForm.needsVerification')}</p>}
    </>
  )
}
