import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { crisisFollowUp } from '../services.server'
import { FormError } from '../components/forms'
import { useT } from '../components/i18n'
import { CareNotice } from '../components/selfcare/care-parts'
import { FollowUpQuestion } from '../components/selfcare/follow-up-question'
import { requireUser } from '../utils/auth.server'
import { noticeFrom } from '../utils/care.server'
import { failureFromError, formFailure, parseForm, readFormWithCsrf, type FormResult } from '../utils/forms.server'
import styles from '../styles/selfcare.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/** "How are you now?" — the page the follow-up email links to; the same question is on every page while it waits. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  return { followUp: await crisisFollowUp.dueFollowUp(context.deps, account.accountId), done: noticeFrom(request) }
}

/** "I'm OK" closes the follow-up; "I'm struggling" and "I need help now" bring a clinician in: the help page follows it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const parsed = parseForm(crisisFollowUp.followUpAnswerSchema, form)
  if ('errors' in parsed)
    return formFailure({ ok: false, formError: parsed.errors.fieldErrors?.followUpId ?? 'BAD_REQUEST' }, 400)
  try {
    const { answer } = await crisisFollowUp.answerFollowUp(context.deps, account, parsed.data)
    return redirect(answer === 'ok' ? '/care/follow-up?done=follow-up' : '/help')
  } catch (error) {
    return failureFromError(context, error)
  }
}

export default function FollowUpPage() {
  const t = useT()
  const { followUp, done } = useLoaderData<typeof loader>()
  const failed = useActionData<typeof action>() as FormResult | undefined
  return (
    <div className="care">
      <FormError code={failed?.formError} />
      <CareNotice done={done} />
      {followUp ? (
        <FollowUpQuestion followUpId={followUp.id} headingLevel={1} />
      ) : (
        <>
          <h1>{t('care.followUp.title')}</h1>
          {done ? null : <p>{t('care.followUp.none')}</p>}
          <p>
            <Link to="/care">{t('care.back')}</Link>
          </p>
        </>
      )}
    </div>
  )
}
