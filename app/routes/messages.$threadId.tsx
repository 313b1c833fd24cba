import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { countryFromLocale, crisisLinesFor, getMemberCrisis, messages } from '../services.server'
import { useT } from '../components/i18n'
import { CrisisCard } from '../components/crisis/crisis-card'
import { MessageList, SendForm, useThreadLive } from '../components/messages/thread'
import { requireUser } from '../utils/auth.server'
import { readFormWithCsrf } from '../utils/forms.server'
import { sendFromForm, type SendFormResult } from '../utils/messages.server'
import styles from '../styles/messages.css'
import crisisStyles from '../styles/crisis.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }, { rel: 'stylesheet', href: crisisStyles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/** Opening the thread marks the other side's messages read. Anyone outside the thread gets a plain 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  try {
    const thread = await messages.openThread(context.deps, account, params.threadId ?? '')
    // The member who is in crisis (from this thread or anywhere) sees the crisis lines here too.
    const crisis = thread.viewerSide === 'member' ? await getMemberCrisis(context.deps, account.accountId) : null
    const country = countryFromLocale(request.headers.get('Accept-Language'), account.locale)
    return {
      thread,
      clientId: messages.newClientId(),
      crisisLines: crisis && crisis.status !== 'resolved' ? { country, ...crisisLinesFor(country) } : null,
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
    throw error
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const account = requireUser(context, request)
  const form = await readFormWithCsrf(request, context)
  const result = await sendFromForm(context, account, form, { threadId: params.threadId ?? '' })
  return 'threadId' in result ? ({ ok: true, created: result.created } satisfies SendFormResult) : result
}

export default function Thread() {
  const t = useT()
  const { thread, clientId, crisisLines } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as SendFormResult | undefined
  useThreadLive(thread.id)
  const member = thread.viewerSide === 'member'
  const names = thread.facilitatorNames.join(', ')
  return (
    <>
      <p><Link to="/messages">← {t('messages.back')}</Link></p>
      <h1>{member ? t('messages.thread.titleMember', { names }) : t('messages.thread.titleFacilitator', { pseudonym: thread.memberPseudonym })}</h1>
      <p className="help">{t('messages.thread.group', { group: thread.groupTitle })}</p>
      {member ? (
        <>
          {thread.facilitatorNames[0] ? (
            <p className="notice" data-testid="response-time">
              {t('messages.thread.responseTime', { name: thread.facilitatorNames[0], hours: thread.responseHours })}
            </p>
          ) : null}
          <p className="help">{t('messages.thread.notEmergency')}</p>
        </>
      ) : (
        <p className="help">{t('messages.thread.facilitatorHelp')}</p>
      )}
      {crisisLines ? (
        <div className="dm-crisis">
          <p className="notice">{t('messages.thread.crisis')}</p>
          <CrisisCard lines={crisisLines} />
        </div>
      ) : null}
      <MessageList messages={thread.messages} />
      {thread.canSend ? (
        <SendForm clientId={clientId} result={result} />
      ) : (
        <p className="notice" data-testid="thread-closed">{member ? t('messages.thread.closedMember') : t('messages.thread.closedFacilitator')}</p>
      )}
    </>
  )
}
