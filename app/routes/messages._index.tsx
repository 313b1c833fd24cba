import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { messages } from '../services.server'
import { useT } from '../components/i18n'
import { useThreadLive } from '../components/messages/thread'
import { requireUser } from '../utils/auth.server'
import styles from '../styles/messages.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Holdspace' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const account = requireUser(context, request)
  const inbox = await messages.listInbox(context.deps, account)
  const unread = [...inbox.asMember, ...inbox.asFacilitator].reduce((sum, thread) => sum + thread.unread, 0)
  return { ...inbox, unread, isFacilitator: account.role === 'facilitator' }
}

type InboxThread = Awaited<ReturnType<typeof loader>>['asMember'][number]

function ThreadItem({ thread, facilitatorView }: { thread: InboxThread; facilitatorView: boolean }) {
  const t = useT()
  return (
    <li className={thread.unread > 0 ? 'dm-thread unread' : 'dm-thread'} data-testid="dm-thread">
      <p>
        <Link to={`/messages/${thread.id}`} className="dm-thread-link">
          {thread.withName}
        </Link>
        {thread.unread > 0 ? (
          <span className="badge dm-unread">{t('messages.inbox.unread', { count: thread.unread })}</span>
        ) : null}
        {thread.overdue ? (
          <span className="badge dm-overdue" data-testid="dm-overdue">
            {t('messages.inbox.overdue')}
          </span>
        ) : null}
        {!thread.canSend ? <span className="badge">{t('messages.inbox.closed')}</span> : null}
      </p>
      <p className="help">{t('messages.inbox.group', { group: thread.groupTitle })}</p>
      <p className="help">
        {facilitatorView && thread.waitingLabel
          ? t('messages.inbox.waiting', { time: thread.waitingLabel })
          : t('messages.inbox.last', { time: thread.lastMessageLabel })}
      </p>
    </li>
  )
}

export default function Inbox() {
  const t = useT()
  const { asMember, asFacilitator, unread, isFacilitator } = useLoaderData<typeof loader>()
  useThreadLive()
  return (
    <>
      <h1>{t('messages.title')}</h1>
      <p>{t('messages.intro')}</p>
      {unread > 0 ? (
        <p className="notice" role="status" data-testid="dm-unread-total">
          {t.plural('plural.unreadMessages', unread)}
        </p>
      ) : null}
      {isFacilitator ? (
        <section className="card" aria-labelledby="dm-facilitator">
          <h2 id="dm-facilitator">{t('messages.asFacilitator.title')}</h2>
          <p className="help">{t('messages.asFacilitator.help')}</p>
          {asFacilitator.length === 0 ? <p>{t('messages.asFacilitator.empty')}</p> : null}
          <ul className="dm-threads">
            {asFacilitator.map((thread) => (
              <ThreadItem key={thread.id} thread={thread} facilitatorView />
            ))}
          </ul>
        </section>
      ) : null}
      {!isFacilitator || asMember.length > 0 ? (
        <section className="card" aria-labelledby="dm-member">
          <h2 id="dm-member">{t('messages.asMember.title')}</h2>
          {asMember.length === 0 ? <p>{t('messages.asMember.empty')}</p> : null}
          <ul className="dm-threads">
            {asMember.map((thread) => (
              <ThreadItem key={thread.id} thread={thread} facilitatorView={false} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
