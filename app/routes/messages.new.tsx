import {
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { messages } from '../services.server'
import { useT } from '../components/i18n'
import { SendForm } from '../components/messages/thread'
import { requireUser } from '../utils/auth.server'
import { readFormWithCsrf } from '../utils/forms.server'
import { sendFromForm, type SendFormResult } from '../utils/messages.server'
import styles from '../styles/messages.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/**
 * "Message the facilitator" from a group page (/messages/new?group=<id>): the member's existing thread with the
 * group's facilitators, or an empty one that is created with its first message. Approved members only.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const groupId = new URL(request.url).searchParams.get('group') ?? ''
  try {
    const started = await messages.startThread(context.deps, account, groupId)
    if (started.threadId !== null) throw redirect(`/messages/${started.threadId}`)
    return { view: started.view, clientId: messages.newClientId() }
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    throw error
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const groupId = new URL(request.url).searchParams.get('group') ?? ''
  const result = await sendFromForm(context, account, form, { groupId })
  if ('threadId' in result) throw redirect(`/messages/${result.threadId}`)
  return result
}

export default function NewThread() {
  const t = useT()
  const { view, clientId } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as SendFormResult | undefined
  return (
    <>
      <p>
        <Link to="/messages">← {t('messages.back')}</Link>
      </p>
      <h1>{t('messages.thread.titleMember', { names: view.facilitatorNames.join(', ') })}</h1>
      <p className="help">{t('messages.thread.group', { group: view.groupTitle })}</p>
      {view.facilitatorNames[0] ? (
        <p className="notice" data-testid="response-time">
          {t('messages.thread.responseTime', { name: view.facilitatorNames[0], hours: view.responseHours })}
        </p>
      ) : null}
      <p className="help">{t('messages.thread.notEmergency')}</p>
      <p>{t('messages.thread.empty')}</p>
      <SendForm clientId={clientId} result={result} />
    </>
  )
}
