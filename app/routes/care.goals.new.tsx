import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { selfcare, selfcareForms } from '../services.server'
import { useT } from '../components/i18n'
import { CareBack } from '../components/selfcare/care-parts'
import { GoalForm } from '../components/selfcare/goal-form'
import { requireUser } from '../utils/auth.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import { createOnce, formResent } from '../utils/form-token.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return { groups: await selfcare.goalGroupChoices(context.deps, account) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(selfcareForms.goalSchema, form)
  if ('errors' in parsed) return formFailure(parsed.errors)
  try {
    const once = await createOnce(context, account.accountId, 'goal:new', form, () =>
      selfcare.createGoal(context.deps, account, parsed.data),
    )
    if ('resent' in once) return formResent()
    return redirect(`/care/goals/${once.created}?done=goal`)
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function NewGoal() {
  const t = useT()
  const { groups } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <div className="care">
      <CareBack to="/care/goals" label={t('care.goals.title')} />
      <h1>{t('care.goals.new')}</h1>
      <GoalForm groups={groups} errors={failed} withSteps submitLabel={t('care.goals.save')} />
    </div>
  )
}
