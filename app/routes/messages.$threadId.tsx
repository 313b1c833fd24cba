import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { crisisLinesFor, getMemberCrisis, messages } from '../services.server'
import { useT } from '../components/i18n'
import { MessageList, SendForm, useThreadLive } from '../components/messages/thread'
import { ThreadCrisis } from '../components/messages/thread-crisis'
import { requireUser } from '../utils/auth.server'
import { readFormWithCsrf } from '../utils/forms.server'
import { getCountry } from '../utils/locale.server'
import { sendFromForm, type SendFormResult } from '../utils/messages.server'
import styles from '../styles/messages.css'
import crisisStyles from '../styles/crisis.css'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'stylesheet', href: crisisStyles },
]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

/** Opening the thread marks the other side's messages read. Anyone outside the thread gets a plain 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  try {
    const thread = await messages.openThread(context.deps, account, params.threadId ?? '')
    // The member who is in crisis (from this thread or anywhere) sees the crisis lines here too, worded for what
    // happened: their latest message here showed risk, or an earlier request for help is still open.
    const crisis = thread.viewerSide === 'member' ? await getMemberCrisis(context.deps, account.accountId) : null
    const open = crisis && crisis.status !== 'resolved' ? crisis : null
    const latestOwn = thread.messages.findLast((m) => m.mine)
    const country = getCountry(request, context)
    return {
      thread,
      clientId: messages.newClientId(),
      crisis: open
        ? {
            reason:
              latestOwn && open.triggerMessageIds.includes(latestOwn.id)
                ? ('this_message' as const)
                : ('still_open' as const),
            lines: { country, ...crisisLinesFor(country) },
          }
        : null,
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
  const { thread, clientId, crisis } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as SendFormResult | undefined
  useThreadLive(thread.id)
  const member = thread.viewerSide === 'member'
  const names = thread.facilitatorNames.join(', ')
  return (
    <>
      <p>
        <Link to="/messages">← {t('messages.back')}</Link>
      </p>
      <h1>
        {member
          ? t('messages.thread.titleMember', { names })
          : t('messages.thread.titleFacilitator', { pseudonym: thread.memberPseudonym })}
      </h1>
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
      {crisis?.reason === 'still_open' ? <ThreadCrisis reason="still_open" lines={crisis.lines} /> : null}
      <MessageList messages={thread.messages} />
      {crisis?.reason === 'this_message' ? <ThreadCrisis reason="this_message" lines={crisis.lines} /> : null}
      {thread.canSend ? (
        <SendForm clientId={clientId} result={result} />
      ) : (
        <p className="notice" data-testid="thread-closed">
          {member ? t('messages.thread.closedMember') : t('messages.thread.closedFacilitator')}
        </p>
      )}
    </>
  )
}
