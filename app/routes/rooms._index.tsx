import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listRooms, roomListActivity } from '../services.server'
import { useT } from '../components/i18n'
import { useRoomActivity } from '../components/chat/use-room-activity'
import { requireUser } from '../utils/auth.server'
import chatStyles from '../styles/chat.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: chatStyles }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(context, request)
  const rooms = await listRooms(context.deps.sql)
  // Counts are a nicety: without Redis the list still loads, and the socket fills them in later. One Redis round
  // trip for every room's count (core/presence).
  const activity = await roomListActivity(context.deps, rooms.map((r) => r.id)).catch((): Awaited<ReturnType<typeof roomListActivity>> => [])
  return { rooms, activity }
}

export default function Rooms() {
  const t = useT()
  const { rooms, activity: initial } = useLoaderData<typeof loader>()
  const activity = useRoomActivity(initial)
  return (
    <>
      <h1>{t('rooms.title')}</h1>
      <p>{t('rooms.intro')}</p>
      <ul className="grid room-list" aria-label={t('nav.rooms')}>
        {rooms.map((room) => {
          const live = activity[room.id]
          return (
            <li key={room.slug} className="card room-card" lang={room.language} data-room={room.slug}>
              <h2>
                <Link to={`/rooms/${room.slug}`} aria-label={t('rooms.enter', { title: room.title })}>{room.title}</Link>
              </h2>
              <p>{room.description}</p>
              <p className="room-meta" lang={t.locale}>
                <span className="room-language">{t(room.language === 'pl' ? 'rooms.language.pl' : 'rooms.language.en')}</span>
                <span className="room-count" data-testid={`count-${room.slug}`}>{t('rooms.here', { count: live?.count ?? 0 })}</span>
                {live?.facilitatorHere ? <span className="badge facilitator" data-testid={`facilitator-${room.slug}`}>{t('rooms.facilitatorHere')}</span> : null}
              </p>
            </li>
          )
        })}
      </ul>
    </>
  )
}
